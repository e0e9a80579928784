// Facet counts for the catalog: for each facet, how many courses match the other facets'
// selections and each of its values (so choosing a value never hides its siblings).
import { sql } from 'kysely'
import type { Db } from '../db/schema.ts'
import { AVAILABILITIES, type Availability } from './course.ts'
import { courseConditions, withoutFacet, type CourseFilter } from './course-filters.ts'

export interface FacetCount {
  value: string
  count: number
}

export interface CourseFacets {
  subject: FacetCount[]
  language: FacetCount[]
  institution: FacetCount[]
  platform: FacetCount[]
  availability: FacetCount[]
}

export async function courseFacets(db: Db, filter: CourseFilter, today: string): Promise<CourseFacets> {
  const [subject, language, institution, platform, availability] = await Promise.all([
    subjectCounts(db, withoutFacet(filter, 'subject'), today),
    languageCounts(db, withoutFacet(filter, 'language'), today),
    institutionCounts(db, withoutFacet(filter, 'institution'), today),
    platformCounts(db, withoutFacet(filter, 'platform'), today),
    availabilityCounts(db, withoutFacet(filter, 'availability'), today),
  ])
  return { subject, language, institution, platform, availability }
}

async function languageCounts(db: Db, filter: CourseFilter, today: string): Promise<FacetCount[]> {
  const rows = await db
    .selectFrom('courses')
    .where((eb) => courseConditions(eb, filter, today))
    .select(['courses.language as value', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('courses.language')
    .execute()
  return sorted(rows)
}

async function institutionCounts(db: Db, filter: CourseFilter, today: string): Promise<FacetCount[]> {
  const rows = await db
    .selectFrom('courses')
    .innerJoin('course_institutions as ci', 'ci.course_id', 'courses.id')
    .where((eb) => courseConditions(eb, filter, today))
    .select(['ci.institution_id as value', (eb) => eb.fn.count<number>('courses.id').distinct().as('count')])
    .groupBy('ci.institution_id')
    .execute()
  return sorted(rows)
}

async function platformCounts(db: Db, filter: CourseFilter, today: string): Promise<FacetCount[]> {
  const rows = await db
    .selectFrom('courses')
    .innerJoin('listings as l', 'l.course_id', 'courses.id')
    .where('l.status', '=', 'active')
    .where((eb) => courseConditions(eb, filter, today))
    .select(['l.platform_id as value', (eb) => eb.fn.count<number>('courses.id').distinct().as('count')])
    .groupBy('l.platform_id')
    .execute()
  return sorted(rows)
}

/** Counts by broad ISCED-F field (the first two digits of each course's codes). */
async function subjectCounts(db: Db, filter: CourseFilter, today: string): Promise<FacetCount[]> {
  const broad = sql<string>`substr(cs.subject_code, 1, 2)`
  const rows = await db
    .selectFrom('courses')
    .innerJoin('course_subjects as cs', 'cs.course_id', 'courses.id')
    .where((eb) => courseConditions(eb, filter, today))
    .select([broad.as('value'), (eb) => eb.fn.count<number>('courses.id').distinct().as('count')])
    .groupBy(broad)
    .execute()
  return rows
    .map((r) => ({ value: r.value, count: Number(r.count) }))
    .sort((a, b) => a.value.localeCompare(b.value))
}

async function availabilityCounts(db: Db, filter: CourseFilter, today: string): Promise<FacetCount[]> {
  const counts = await Promise.all(
    AVAILABILITIES.map(async (value: Availability) => {
      const { n } = await db
        .selectFrom('courses')
        .where((eb) => courseConditions(eb, { ...filter, availability: [value] }, today))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      return { value, count: Number(n) }
    }),
  )
  return counts.filter((c) => c.count > 0)
}

function sorted(rows: { value: string; count: number | string | bigint }[]): FacetCount[] {
  return rows
    .map((r) => ({ value: r.value, count: Number(r.count) }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
}
