// The SQL of sitemaps and feeds: live courses (at least one active listing) in id order for the
// sitemap files, with where each file starts, and the newest live courses for feeds. Each course comes with its change-log
// date, which dates the published record.
import { sql, type ExpressionBuilder } from 'kysely'
import type { Database, Db } from '../../db/schema.ts'

type Eb = ExpressionBuilder<Database, 'courses'>

/** A live course and when its record last changed (ISO instant). */
export interface LiveCourseRef {
  id: string
  changedAt: string
}

/** Which courses a feed follows: all, or those of one institution, subject (with its narrower fields) or language. */
export type FeedFilter =
  | { kind: 'all' }
  | { kind: 'institution'; id: string }
  | { kind: 'subject'; code: string }
  | { kind: 'language'; tag: string }

/**
 * Where each sitemap file of `perFile` live courses starts: the id of every `perFile`-th live course
 * in id order (the 1st, the perFile+1st, ...), numbered in one pass with a window function.
 */
export async function liveCourseFileStarts(db: Db, perFile: number): Promise<string[]> {
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('courses')
        .where(live)
        .select((eb) => [
          'courses.id as id',
          eb.fn
            .agg<number>('row_number')
            .over((ob) => ob.orderBy('courses.id'))
            .as('n'),
        ])
        .as('numbered'),
    )
    .select('numbered.id')
    .where(sql<number>`(numbered.n - 1) % ${perFile}`, '=', 0)
    .orderBy('numbered.id')
    .execute()
  return rows.map((r) => r.id)
}

/** Up to `limit` live courses in id order, from `from` on (inclusive) or after `after` (exclusive). */
export async function liveCoursePage(
  db: Db,
  start: { from: string } | { after: string },
  limit: number,
): Promise<LiveCourseRef[]> {
  const rows = await withChange(db)
    .where(live)
    .where('courses.id', 'from' in start ? '>=' : '>', 'from' in start ? start.from : start.after)
    .orderBy('courses.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ id: r.id, changedAt: r.changed_at }))
}

/** The `limit` live courses the filter selects that were created last, newest first. */
export async function newestLiveCourses(db: Db, filter: FeedFilter, limit: number): Promise<LiveCourseRef[]> {
  const rows = await withChange(db)
    .where(live)
    .where((eb) => selects(eb, filter))
    .orderBy('courses.created_at', 'desc')
    .orderBy('courses.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ id: r.id, changedAt: r.changed_at }))
}

/** Whether any course, live or not, is taught in `tag` or a more specific tag of it. */
export async function languageInUse(db: Db, tag: string): Promise<boolean> {
  const row = await db
    .selectFrom('courses')
    .select('id')
    .where((eb) => inLanguage(eb, tag))
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

function withChange(db: Db) {
  return db
    .selectFrom('courses')
    .leftJoin('search_changes', 'search_changes.course_id', 'courses.id')
    .select((eb) => [
      'courses.id as id',
      eb.fn.coalesce('search_changes.changed_at', 'courses.updated_at').as('changed_at'),
    ])
}

function live(eb: Eb) {
  return eb.exists(
    eb
      .selectFrom('listings')
      .select('listings.id')
      .whereRef('listings.course_id', '=', 'courses.id')
      .where('listings.status', '=', 'active'),
  )
}

function selects(eb: Eb, filter: FeedFilter) {
  switch (filter.kind) {
    case 'all':
      return eb(eb.val(1), '=', 1)
    case 'institution':
      return eb.exists(
        eb
          .selectFrom('course_institutions')
          .select('course_institutions.course_id')
          .whereRef('course_institutions.course_id', '=', 'courses.id')
          .where('course_institutions.institution_id', '=', filter.id),
      )
    case 'subject':
      return eb.exists(
        eb
          .selectFrom('course_subjects')
          .select('course_subjects.course_id')
          .whereRef('course_subjects.course_id', '=', 'courses.id')
          .where('course_subjects.subject_code', 'like', `${filter.code}%`),
      )
    case 'language':
      return inLanguage(eb, filter.tag)
  }
}

/** `zh` selects zh, zh-Hans and zh-CN (RFC 4647 basic filtering); tags hold no LIKE wildcards. */
function inLanguage(eb: Eb, tag: string) {
  return eb.or([eb('courses.language', '=', tag), eb('courses.language', 'like', `${tag}-%`)])
}
