// All SQL of publishing: which records changed when (the change log), in which sets, and the names
// writers need. Records are walked in (changed_at, course id) order with a keyset, so a walk of any
// length holds one page at a time.
import type { ExpressionBuilder } from 'kysely'
import { findCourses } from '../catalog/course-repository.ts'
import type { Database, Db } from '../db/schema.ts'
import { listInstitutions } from '../institutions/institution-repository.ts'
import { listPlatforms } from '../institutions/platform-repository.ts'
import { subjectsByCode } from '../subjects/subject-repository.ts'
import type { Names, PublishedRecord, RecordFilter, RecordPosition } from './record.ts'
import { parseSetSpec, setsOf, type SetSelector } from './sets.ts'

type Eb = ExpressionBuilder<Database, 'search_changes'>

/** The change log's own entries (`*labels*`, `*rebuild*`) are not courses. */
const MARKER = '*%'

/** One page of records after `after`, oldest change first. */
export async function recordPage(
  db: Db,
  filter: RecordFilter,
  after: RecordPosition | null,
  limit: number,
  today: string,
): Promise<PublishedRecord[]> {
  const base = filtered(db, filter).select(['course_id', 'changed_at'])
  const query = after ? base.where(afterPosition(after)) : base
  const refs = await query.orderBy('changed_at').orderBy('course_id').limit(limit).execute()
  return toRecords(
    db,
    refs.map((r) => ({ id: r.course_id, changedAt: r.changed_at })),
    today,
  )
}

/** How many records the filter selects. */
export async function countRecords(db: Db, filter: RecordFilter): Promise<number> {
  const { n } = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(n)
}

/** One record by course id, deleted when the course is gone but was published; undefined if never. */
export async function findRecord(db: Db, id: string, today: string): Promise<PublishedRecord | undefined> {
  const ref = await courseChanges(db)
    .select(['course_id', 'changed_at'])
    .where('course_id', '=', id)
    .executeTakeFirst()
  if (!ref) return undefined
  const [record] = await toRecords(db, [{ id: ref.course_id, changedAt: ref.changed_at }], today)
  return record
}

/** The oldest change in the log, or null when nothing was ever published. */
export async function earliestChange(db: Db): Promise<string | null> {
  const row = await courseChanges(db)
    .select((eb) => eb.fn.min('changed_at').as('first'))
    .executeTakeFirst()
  return row?.first ?? null
}

/** The newest change, for Last-Modified of whole lists and feeds. */
export async function latestChange(db: Db): Promise<string | null> {
  const row = await courseChanges(db)
    .select((eb) => eb.fn.max('changed_at').as('last'))
    .executeTakeFirst()
  return row?.last ?? null
}

/** Institutions, platforms and subjects by id, for writers to name them. */
export async function loadNames(db: Db): Promise<Names> {
  const [institutions, platforms, subjects] = await Promise.all([
    listInstitutions(db, {}, { page: 1, perPage: 100_000 }),
    listPlatforms(db, {}, { page: 1, perPage: 100_000 }),
    subjectsByCode(db),
  ])
  return {
    institutions: new Map(institutions.items.map((i) => [i.id, i])),
    platforms: new Map(platforms.items.map((p) => [p.id, p])),
    subjects,
  }
}

/** The values in use of each kind of set: institutions and platforms with courses, subjects, languages. */
export async function setValues(db: Db): Promise<{
  institution: string[]
  platform: string[]
  subject: string[]
  language: string[]
}> {
  const [institution, platform, subject, language] = await Promise.all([
    db.selectFrom('course_institutions').select('institution_id as v').distinct().orderBy('v').execute(),
    db.selectFrom('listings').select('platform_id as v').distinct().orderBy('v').execute(),
    db.selectFrom('course_subjects').select('subject_code as v').distinct().orderBy('v').execute(),
    db.selectFrom('courses').select('language as v').distinct().orderBy('v').execute(),
  ])
  const values = (rows: { v: string }[]) => rows.map((r) => r.v)
  return {
    institution: values(institution),
    platform: values(platform),
    subject: values(subject),
    language: values(language),
  }
}

/** The change log's entries that are courses (not `*labels*` or `*rebuild*`). */
export function courseChanges(db: Db) {
  return db.selectFrom('search_changes').where('course_id', 'not like', MARKER)
}

/**
 * Entries after `after` in (changed_at, course id) order. The first condition says nothing the OR does
 * not, but lets SQLite seek the index to the position instead of scanning it from the start on every
 * page (27 ms → 0.5 ms a page at 100,000).
 */
export function afterPosition(after: RecordPosition) {
  return (eb: Eb) =>
    eb.and([
      eb('changed_at', '>=', after.changedAt),
      eb.or([
        eb('changed_at', '>', after.changedAt),
        eb.and([eb('changed_at', '=', after.changedAt), eb('course_id', '>', after.id)]),
      ]),
    ])
}

function filtered(db: Db, filter: RecordFilter) {
  let query = courseChanges(db)
  if (filter.from) query = query.where('changed_at', '>=', filter.from)
  if (filter.until) query = query.where('changed_at', '<=', filter.until)
  const selector = filter.set === undefined ? undefined : parseSetSpec(filter.set)
  if (filter.set !== undefined && !selector) return query.where((eb) => eb.val(1), '=', 0)
  return selector ? query.where((eb) => inSet(eb, selector)) : query
}

function inSet(eb: Eb, set: SetSelector) {
  const course = eb.ref('search_changes.course_id')
  switch (set.kind) {
    case 'institution': {
      const q = eb.selectFrom('course_institutions').select('course_id').whereRef('course_id', '=', course)
      return eb.exists(set.value === null ? q : q.where('institution_id', '=', set.value))
    }
    case 'platform': {
      const q = eb.selectFrom('listings').select('course_id').whereRef('course_id', '=', course)
      return eb.exists(set.value === null ? q : q.where('platform_id', '=', set.value))
    }
    case 'subject': {
      const q = eb.selectFrom('course_subjects').select('course_id').whereRef('course_id', '=', course)
      return eb.exists(set.value === null ? q : q.where('subject_code', 'like', `${set.value}%`))
    }
    case 'language': {
      const q = eb.selectFrom('courses').select('id').whereRef('id', '=', course)
      return eb.exists(set.value === null ? q : q.where('language', '=', set.value))
    }
  }
}

async function toRecords(
  db: Db,
  refs: { id: string; changedAt: string }[],
  today: string,
): Promise<PublishedRecord[]> {
  const courses = new Map(
    (
      await findCourses(
        db,
        refs.map((r) => r.id),
        today,
      )
    ).map((c) => [c.id, c]),
  )
  return refs.map(({ id, changedAt }) => {
    const course = courses.get(id)
    if (!course) return { id, changedAt, course: null, sets: [] }
    const listings = course.listings.filter((l) => l.status === 'active')
    return {
      id,
      changedAt,
      course: listings.length > 0 ? { ...course, listings } : null,
      sets: setsOf(course),
    }
  })
}
