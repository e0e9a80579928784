// All SQL about subjects (the ISCED-F 2013 code list).
import { z } from 'zod'
import type { Db } from '../db/schema.ts'
import { NotFoundError } from '../shared/errors.ts'
import { SubjectLevel, type Subject } from './subject.ts'

const Labels = z.record(z.string(), z.string())

export async function listSubjects(db: Db, level?: string): Promise<Subject[]> {
  let query = db.selectFrom('subjects').selectAll()
  if (level) query = query.where('level', '=', level)
  const rows = await query.orderBy('code').execute()
  return rows.map((row) => ({
    code: row.code,
    level: SubjectLevel.parse(row.level),
    parent: row.parent_code,
    labels: Labels.parse(JSON.parse(row.labels)),
  }))
}

export async function subjectsByCode(db: Db): Promise<Map<string, Subject>> {
  return new Map((await listSubjects(db)).map((s) => [s.code, s]))
}

export async function getSubject(db: Db, code: string): Promise<Subject> {
  const row = await db.selectFrom('subjects').selectAll().where('code', '=', code).executeTakeFirst()
  if (!row) throw new NotFoundError('subject', code)
  return {
    code: row.code,
    level: SubjectLevel.parse(row.level),
    parent: row.parent_code,
    labels: Labels.parse(JSON.parse(row.labels)),
  }
}

/** Inserts or refreshes the code list; idempotent. Parents come before children in `subjects`. */
export async function saveSubjects(db: Db, subjects: readonly Subject[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const s of subjects) {
      const values = { code: s.code, level: s.level, parent_code: s.parent, labels: JSON.stringify(s.labels) }
      await trx
        .insertInto('subjects')
        .values(values)
        .onConflict((oc) =>
          oc
            .column('code')
            .doUpdateSet({ level: values.level, parent_code: values.parent_code, labels: values.labels }),
        )
        .execute()
    }
  })
}
