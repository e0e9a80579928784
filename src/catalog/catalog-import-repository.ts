// Bulk writes of whole catalogs (the demo seed; later harvests) in one transaction, in batches.
import type { Insertable } from 'kysely'
import type {
  CourseInstitutionTable,
  CourseSubjectTable,
  CourseTable,
  Db,
  ListingTable,
  RunTable,
} from '../db/schema.ts'

export interface NewCatalogRows {
  courses: Insertable<CourseTable>[]
  courseInstitutions: Insertable<CourseInstitutionTable>[]
  courseSubjects: Insertable<CourseSubjectTable>[]
  listings: Insertable<ListingTable>[]
  runs: Insertable<RunTable>[]
}

const BATCH = 200

export async function insertCatalogRows(db: Db, rows: NewCatalogRows): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const batch of chunks(rows.courses)) await trx.insertInto('courses').values(batch).execute()
    for (const batch of chunks(rows.courseInstitutions))
      await trx.insertInto('course_institutions').values(batch).execute()
    for (const batch of chunks(rows.courseSubjects))
      await trx.insertInto('course_subjects').values(batch).execute()
    for (const batch of chunks(rows.listings)) await trx.insertInto('listings').values(batch).execute()
    for (const batch of chunks(rows.runs)) await trx.insertInto('runs').values(batch).execute()
  })
}

/** Removes every course of one origin (e.g. the demo catalog) with its listings and runs. */
export async function deleteCoursesOfOrigin(db: Db, origin: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ids = trx.selectFrom('courses').select('id').where('origin', '=', origin)
    const listings = trx.selectFrom('listings').select('id').where('course_id', 'in', ids)
    await trx.deleteFrom('runs').where('listing_id', 'in', listings).execute()
    await trx.deleteFrom('listings').where('course_id', 'in', ids).execute()
    await trx.deleteFrom('course_subjects').where('course_id', 'in', ids).execute()
    await trx.deleteFrom('course_institutions').where('course_id', 'in', ids).execute()
    const result = await trx.deleteFrom('courses').where('origin', '=', origin).executeTakeFirst()
    return Number(result.numDeletedRows)
  })
}

export async function countCoursesOfOrigin(db: Db, origin: string): Promise<number> {
  const { n } = await db
    .selectFrom('courses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('origin', '=', origin)
    .executeTakeFirstOrThrow()
  return Number(n)
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH)
}
