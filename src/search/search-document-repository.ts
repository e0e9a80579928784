// All SQL of search: reads search documents (a batch by id, or every course in id order) and the
// change log that triggers write (see the search-changes migration).
import { PostgresAdapter, sql } from 'kysely'
import { z } from 'zod'
import { Access, Certificate, Level, Pacing } from '../catalog/course.ts'
import type { Db } from '../db/schema.ts'
import type { SearchDocument, SearchRun } from './search-document.ts'

const StringList = z.array(z.string())

/** The documents of `courseIds` that still exist (a deleted course has none). */
export async function searchDocuments(db: Db, courseIds: readonly string[]): Promise<SearchDocument[]> {
  const ids = [...new Set(courseIds)]
  if (ids.length === 0) return []
  const courses = await db.selectFrom('courses').selectAll().where('id', 'in', ids).orderBy('id').execute()
  if (courses.length === 0) return []
  const found = courses.map((c) => c.id)
  const [institutions, subjects, listings] = await Promise.all([
    db
      .selectFrom('course_institutions')
      .select(['course_id', 'institution_id'])
      .where('course_id', 'in', found)
      .orderBy('course_id')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('course_subjects')
      .select(['course_id', 'subject_code'])
      .where('course_id', 'in', found)
      .orderBy('course_id')
      .orderBy('subject_code')
      .execute(),
    db
      .selectFrom('listings')
      .select(['id', 'course_id', 'platform_id', 'access', 'certificate', 'enrollments'])
      .where('course_id', 'in', found)
      .where('status', '=', 'active')
      .orderBy('course_id')
      .orderBy('platform_id')
      .execute(),
  ])
  const runs =
    listings.length === 0
      ? []
      : await db
          .selectFrom('runs')
          .select(['listing_id', 'pacing', 'starts_on', 'ends_on'])
          .where(
            'listing_id',
            'in',
            listings.map((l) => l.id),
          )
          .execute()
  const group = <T>(rows: T[], key: (row: T) => string) => {
    const map = new Map<string, T[]>()
    for (const row of rows) {
      const list = map.get(key(row))
      if (list) list.push(row)
      else map.set(key(row), [row])
    }
    return map
  }
  const institutionsOf = group(institutions, (r) => r.course_id)
  const subjectsOf = group(subjects, (r) => r.course_id)
  const listingsOf = group(listings, (r) => r.course_id)
  const runsOf = group(runs, (r) => r.listing_id)
  return courses.map((c) => {
    const active = listingsOf.get(c.id) ?? []
    return {
      courseId: c.id,
      language: c.language,
      title: c.title,
      summary: c.summary,
      description: c.description,
      subjects: (subjectsOf.get(c.id) ?? []).map((s) => s.subject_code),
      keywords: list(c.keywords),
      instructors: list(c.instructors),
      institutions: (institutionsOf.get(c.id) ?? []).map((i) => i.institution_id),
      platforms: [...new Set(active.map((l) => l.platform_id))],
      subtitleLanguages: list(c.subtitle_languages),
      level: c.level === null ? null : Level.parse(c.level),
      runs: active.flatMap((l) => (runsOf.get(l.id) ?? []).map(toRun)),
      access: distinct(active.map((l) => Access.safeParse(l.access).data)),
      certificate: distinct(active.map((l) => Certificate.safeParse(l.certificate).data)),
      enrollments: active.reduce((sum, l) => sum + Math.max(0, Number(l.enrollments ?? 0)), 0),
      createdAt: c.created_at,
      updatedAt: c.updated_at,
    }
  })
}

/** Every course's document, in id order, `batch` at a time: how a full build reads the catalog. */
export async function* everySearchDocument(db: Db, batch: number): AsyncGenerator<SearchDocument[]> {
  let after: string | null = null
  for (;;) {
    const ids = await courseIdsAfter(db, after, batch)
    if (ids.length === 0) return
    yield await searchDocuments(db, ids)
    after = ids.at(-1) ?? null
  }
}

/** Every course id after `after`, in id order, `limit` at a time. */
async function courseIdsAfter(db: Db, after: string | null, limit: number): Promise<string[]> {
  let query = db.selectFrom('courses').select('id').orderBy('id').limit(limit)
  if (after !== null) query = query.where('id', '>', after)
  return (await query.execute()).map((r) => r.id)
}

/** A change-log entry that is no course: every process that reads it rebuilds its whole index. */
export const REBUILD = '*rebuild*'

/**
 * A change-log entry that is no course: the names of an institution changed (a database trigger
 * writes it, before the institution's courses), so every process reads the labels again.
 */
export const RELABEL = '*labels*'

/** Asks every process following the change log to rebuild its index from scratch. */
export async function requestRebuild(db: Db, now: string): Promise<void> {
  const seq =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? sql<string>`nextval('search_change_seq')`
      : sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM search_changes)`
  await db
    .insertInto('search_changes')
    .values({ course_id: REBUILD, seq, changed_at: now })
    .onConflict((oc) =>
      oc.column('course_id').doUpdateSet((eb) => ({ seq: eb.ref('excluded.seq'), changed_at: now })),
    )
    .execute()
}

export async function countCourses(db: Db): Promise<number> {
  const row = await db
    .selectFrom('courses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The latest change number, or 0: where a follower starts after a full build. */
export async function latestChange(db: Db): Promise<number> {
  const row = await db
    .selectFrom('search_changes')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst()
  return Number(row?.seq ?? 0)
}

/**
 * Courses changed after `seq`, and those noted in the last `windowMs` before `now`: on PostgreSQL a
 * transaction can commit a smaller number after a larger one was read, so a recent window is read
 * again (re-indexing an unchanged course is harmless).
 */
export async function changesSince(
  db: Db,
  seq: number,
  since: string,
  limit: number,
): Promise<{ courseId: string; seq: number }[]> {
  const rows = await db
    .selectFrom('search_changes')
    .select(['course_id', 'seq'])
    .where((eb) => eb.or([eb('seq', '>', seq), eb('changed_at', '>=', since)]))
    .orderBy('seq')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ courseId: r.course_id, seq: Number(r.seq) }))
}

function toRun(row: { pacing: string; starts_on: string | null; ends_on: string | null }): SearchRun {
  return { pacing: Pacing.parse(row.pacing), startsOn: row.starts_on, endsOn: row.ends_on }
}

function list(json: string | null): string[] {
  if (!json) return []
  const parsed = StringList.safeParse(JSON.parse(json))
  return parsed.success ? parsed.data : []
}

function distinct<T>(values: (T | undefined | null)[]): T[] {
  return [...new Set(values.filter((v): v is T => v !== undefined && v !== null))]
}
