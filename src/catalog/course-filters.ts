// SQL conditions for filtering courses, shared by the course list and the facet counts.
// The availability conditions mirror runAvailability() in course.ts; tests hold them together.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import type { Database } from '../db/schema.ts'
import { addDays, STARTING_SOON_DAYS, type Availability, type Origin } from './course.ts'

export interface CourseFilter {
  institution?: readonly string[] | undefined
  platform?: readonly string[] | undefined
  language?: readonly string[] | undefined
  /** ISCED-F codes at any level: "06" matches every course in a 06xx field. */
  subject?: readonly string[] | undefined
  availability?: readonly Availability[] | undefined
  origin?: Origin | undefined
}

export type FacetName = 'institution' | 'platform' | 'language' | 'subject' | 'availability'

type Eb = ExpressionBuilder<Database, 'courses'>

export function courseConditions(eb: Eb, filter: CourseFilter, today: string): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = []
  if (filter.origin) parts.push(eb('courses.origin', '=', filter.origin))
  if (filter.language?.length) {
    parts.push(
      eb.or(
        filter.language.flatMap((l) => [
          eb('courses.language', '=', l),
          eb('courses.language', 'like', `${l}-%`),
        ]),
      ),
    )
  }
  if (filter.institution?.length) {
    parts.push(
      eb.exists(
        eb
          .selectFrom('course_institutions as fi')
          .select('fi.course_id')
          .whereRef('fi.course_id', '=', 'courses.id')
          .where('fi.institution_id', 'in', filter.institution),
      ),
    )
  }
  if (filter.platform?.length) {
    parts.push(
      eb.exists(
        eb
          .selectFrom('listings as fl')
          .select('fl.id')
          .whereRef('fl.course_id', '=', 'courses.id')
          .where('fl.status', '=', 'active')
          .where('fl.platform_id', 'in', filter.platform),
      ),
    )
  }
  if (filter.subject?.length) {
    const subjects = filter.subject
    parts.push(
      eb.exists(
        eb
          .selectFrom('course_subjects as fs')
          .select('fs.course_id')
          .whereRef('fs.course_id', '=', 'courses.id')
          .where((s) => s.or(subjects.map((code) => s('fs.subject_code', 'like', `${code}%`)))),
      ),
    )
  }
  if (filter.availability?.length) {
    parts.push(eb.or(filter.availability.map((a) => availabilityCondition(eb, a, today))))
  }
  return eb.and(parts)
}

export function withoutFacet(filter: CourseFilter, facet: FacetName): CourseFilter {
  return { ...filter, [facet]: undefined }
}

function availabilityCondition(eb: Eb, availability: Availability, today: string): Expression<SqlBool> {
  if (availability === 'archived') {
    return eb.and([
      eb.exists(liveRuns(eb, 'archived', today)),
      eb.not(eb.exists(liveRuns(eb, 'not-archived', today))),
    ])
  }
  return eb.exists(liveRuns(eb, availability, today))
}

/** Runs of the course's active listings that stand at `which` on `today`. */
function liveRuns(eb: Eb, which: Availability | 'not-archived', today: string) {
  const soon = addDays(today, STARTING_SOON_DAYS)
  return eb
    .selectFrom('runs as ar')
    .innerJoin('listings as al', 'al.id', 'ar.listing_id')
    .select('ar.id')
    .whereRef('al.course_id', '=', 'courses.id')
    .where('al.status', '=', 'active')
    .where((r) => {
      const ended = r.and([r('ar.ends_on', 'is not', null), r('ar.ends_on', '<', today)])
      const live = r.or([r('ar.ends_on', 'is', null), r('ar.ends_on', '>=', today)])
      const started = r.or([r('ar.starts_on', 'is', null), r('ar.starts_on', '<=', today)])
      switch (which) {
        case 'archived':
          return ended
        case 'not-archived':
          return live
        case 'upcoming':
          return r.and([live, r('ar.starts_on', '>', soon)])
        case 'starting-soon':
          return r.and([live, r('ar.starts_on', '>', today), r('ar.starts_on', '<=', soon)])
        case 'self-paced':
          return r.and([live, started, r('ar.pacing', '=', 'self')])
        case 'current':
          return r.and([live, started, r('ar.pacing', '=', 'instructor')])
      }
    })
}

/** A constant true condition, for queries without filters. */
export const always = sql<SqlBool>`1 = 1`
