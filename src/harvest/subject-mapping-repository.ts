// Subject words from feeds and their mapping to ISCED-F codes: mapped words become subjects of
// the course, unmapped ones stay as keywords and are listed for an administrator to map.
import { sql } from 'kysely'
import { titleKey } from '../catalog/title-key.ts'
import type { Db } from '../db/schema.ts'
import type { HarvestRecord } from './harvest-record.ts'

export interface SubjectMapping {
  label: string
  subjectCode: string | null
  seen: number
}

/** Moves keywords that have a mapping into subjects. Pure apart from one SELECT for the page. */
export async function applySubjectMappings(db: Db, records: HarvestRecord[]): Promise<HarvestRecord[]> {
  const keys = [...new Set(records.flatMap((r) => r.keywords.map(titleKey)).filter(Boolean))]
  if (keys.length === 0) return records
  const rows = await db
    .selectFrom('subject_mappings')
    .select(['label_key', 'subject_code'])
    .where('label_key', 'in', keys)
    .where('subject_code', 'is not', null)
    .execute()
  const codeOf = new Map(rows.map((r) => [r.label_key, r.subject_code]))
  if (codeOf.size === 0) return records
  return records.map((record) => {
    const codes = record.keywords.map((k) => codeOf.get(titleKey(k))).filter((c): c is string => Boolean(c))
    if (codes.length === 0) return record
    return {
      ...record,
      subjects: [...new Set([...record.subjects, ...codes])],
      keywords: record.keywords.filter((k) => !codeOf.has(titleKey(k))),
    }
  })
}

/** Remembers the keywords of written records so an administrator can map them; counts them. */
export async function noteKeywords(db: Db, records: HarvestRecord[], now: string): Promise<void> {
  const labels = new Map<string, { label: string; count: number }>()
  for (const word of records.flatMap((r) => r.keywords)) {
    const key = titleKey(word).slice(0, 200)
    if (!key) continue
    const entry = labels.get(key) ?? { label: word.slice(0, 200), count: 0 }
    entry.count++
    labels.set(key, entry)
  }
  for (const [label_key, { label, count }] of labels) {
    await db
      .insertInto('subject_mappings')
      .values({ label_key, label, subject_code: null, seen: count, updated_at: now })
      .onConflict((oc) =>
        oc.column('label_key').doUpdateSet({ seen: sql`subject_mappings.seen + ${count}`, updated_at: now }),
      )
      .execute()
  }
}

export async function listSubjectMappings(
  db: Db,
  onlyUnmapped: boolean,
  limit = 500,
): Promise<SubjectMapping[]> {
  let query = db.selectFrom('subject_mappings').select(['label', 'subject_code', 'seen'])
  if (onlyUnmapped) query = query.where('subject_code', 'is', null)
  const rows = await query.orderBy('seen', 'desc').orderBy('label_key').limit(limit).execute()
  return rows.map((r) => ({ label: r.label, subjectCode: r.subject_code, seen: r.seen }))
}

/**
 * Maps a label to a code (or unmaps it with null) and applies it at once to the courses that carry
 * the label as a keyword; later harvests apply it to records as they come. Returns courses changed.
 */
export async function setSubjectMapping(
  db: Db,
  label: string,
  code: string | null,
  now: string,
): Promise<number> {
  const label_key = titleKey(label).slice(0, 200)
  await db
    .insertInto('subject_mappings')
    .values({ label_key, label: label.slice(0, 200), subject_code: code, seen: 0, updated_at: now })
    .onConflict((oc) => oc.column('label_key').doUpdateSet({ subject_code: code, updated_at: now }))
    .execute()
  if (!code) return 0
  const candidates = await db
    .selectFrom('courses')
    .select(['id', 'keywords'])
    .where(sql<string>`lower(keywords)`, 'like', `%${label.toLowerCase().replace(/[%_\\]/g, '')}%`)
    .execute()
  let changed = 0
  for (const course of candidates) {
    const keywords: unknown = JSON.parse(course.keywords ?? '[]')
    if (!Array.isArray(keywords)) continue
    const words = keywords.filter((k): k is string => typeof k === 'string')
    if (!words.some((k) => titleKey(k) === label_key)) continue
    await db
      .updateTable('courses')
      .set({ keywords: JSON.stringify(words.filter((k) => titleKey(k) !== label_key)), updated_at: now })
      .where('id', '=', course.id)
      .execute()
    await db
      .insertInto('course_subjects')
      .values({ course_id: course.id, subject_code: code })
      .onConflict((oc) => oc.columns(['course_id', 'subject_code']).doNothing())
      .execute()
    changed++
  }
  return changed
}
