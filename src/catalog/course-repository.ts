// All SQL about courses: list with filters and stable sort, read with listings and runs, write.
import { z } from 'zod'
import type { CourseRow, Db } from '../db/schema.ts'
import type { Deps } from '../shared/deps.ts'
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.ts'
import { offsetOf, type Page } from '../shared/pagination.ts'
import {
  courseAvailability,
  Level,
  Origin,
  type Course,
  type CourseCreate,
  type CourseUpdate,
  type Listing,
} from './course.ts'
import { courseConditions, type CourseFilter } from './course-filters.ts'
import { listingsOfCourses } from './listing-repository.ts'
import { titleKey } from './title-key.ts'

export const CourseSort = z.enum(['title', '-title', 'updated', '-updated', 'created', '-created'])
export type CourseSort = z.infer<typeof CourseSort>

const StringList = z.array(z.string())
const sortColumns = { title: 'title', updated: 'updated_at', created: 'created_at' } as const

export async function listCourses(
  db: Db,
  filter: CourseFilter,
  sort: CourseSort,
  page: Page,
  today: string,
): Promise<{ items: Course[]; total: number }> {
  const base = db.selectFrom('courses').where((eb) => courseConditions(eb, filter, today))
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  const descending = sort.startsWith('-')
  const column = sortColumns[z.enum(['title', 'updated', 'created']).parse(sort.replace('-', ''))]
  const rows = await base
    .selectAll()
    .orderBy(column, descending ? 'desc' : 'asc')
    .orderBy('id', descending ? 'desc' : 'asc')
    .limit(page.perPage)
    .offset(offsetOf(page))
    .execute()
  return { items: await toCourses(db, rows, today), total: Number(total) }
}

export async function findCourse(db: Db, id: string, today: string): Promise<Course | undefined> {
  const row = await db.selectFrom('courses').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  const [course] = await toCourses(db, [row], today)
  return course
}

/** The courses of `ids` that exist, in the order of `ids`. */
export async function findCourses(db: Db, ids: readonly string[], today: string): Promise<Course[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('courses')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute()
  const courses = new Map((await toCourses(db, rows, today)).map((c) => [c.id, c]))
  return ids.flatMap((id) => courses.get(id) ?? [])
}

export async function getCourse(db: Db, id: string, today: string): Promise<Course> {
  const found = await findCourse(db, id, today)
  if (!found) throw new NotFoundError('course', id)
  return found
}

/** Other language versions of a course (same translation group). */
export async function translationsOf(
  db: Db,
  course: Course,
): Promise<{ id: string; language: string; title: string }[]> {
  if (!course.translationGroup) return []
  return db
    .selectFrom('courses')
    .select(['id', 'language', 'title'])
    .where('translation_group', '=', course.translationGroup)
    .where('id', '!=', course.id)
    .orderBy('language')
    .execute()
}

export async function createCourse(
  deps: Deps,
  input: CourseCreate,
  origin: Origin,
  today: string,
): Promise<Course> {
  const id = input.id ?? deps.newId()
  if (await deps.db.selectFrom('courses').select('id').where('id', '=', id).executeTakeFirst()) {
    throw new ConflictError(`A course with id "${id}" already exists.`, 'body.id')
  }
  await assertReferences(deps.db, input.institutions, input.subjects)
  const now = deps.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('courses')
      .values({
        id,
        language: input.language,
        title: input.title,
        title_key: titleKey(input.title),
        summary: input.summary ?? null,
        description: input.description ?? null,
        level: input.level ?? null,
        effort_hours_per_week: input.effortHoursPerWeek ?? null,
        weeks: input.weeks ?? null,
        course_number: input.courseNumber ?? null,
        instructors: JSON.stringify(input.instructors),
        subtitle_languages: JSON.stringify(input.subtitleLanguages),
        translation_group: input.translationGroup ?? null,
        license: input.license ?? null,
        origin,
        created_at: now,
        updated_at: now,
      })
      .execute()
    await replaceLinks(trx, id, input.institutions, input.subjects)
  })
  return getCourse(deps.db, id, today)
}

export async function updateCourse(
  deps: Deps,
  id: string,
  patch: CourseUpdate,
  today: string,
): Promise<Course> {
  await getCourse(deps.db, id, today)
  await assertReferences(deps.db, patch.institutions ?? [], patch.subjects ?? [])
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('courses')
      .set({
        ...(patch.language !== undefined && { language: patch.language }),
        ...(patch.title !== undefined && { title: patch.title, title_key: titleKey(patch.title) }),
        ...(patch.summary !== undefined && { summary: patch.summary }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.level !== undefined && { level: patch.level }),
        ...(patch.effortHoursPerWeek !== undefined && { effort_hours_per_week: patch.effortHoursPerWeek }),
        ...(patch.weeks !== undefined && { weeks: patch.weeks }),
        ...(patch.courseNumber !== undefined && { course_number: patch.courseNumber }),
        ...(patch.instructors !== undefined && { instructors: JSON.stringify(patch.instructors) }),
        ...(patch.subtitleLanguages !== undefined && {
          subtitle_languages: JSON.stringify(patch.subtitleLanguages),
        }),
        ...(patch.translationGroup !== undefined && { translation_group: patch.translationGroup }),
        ...(patch.license !== undefined && { license: patch.license }),
        updated_at: deps.now().toISOString(),
      })
      .where('id', '=', id)
      .execute()
    await replaceLinks(trx, id, patch.institutions, patch.subjects)
  })
  return getCourse(deps.db, id, today)
}

export async function institutionsOfCourse(db: Db, courseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('course_institutions')
    .select('institution_id')
    .where('course_id', '=', courseId)
    .orderBy('position')
    .execute()
  return rows.map((r) => r.institution_id)
}

async function replaceLinks(db: Db, id: string, institutions?: string[], subjects?: string[]): Promise<void> {
  if (institutions) {
    await db.deleteFrom('course_institutions').where('course_id', '=', id).execute()
    const unique = [...new Set(institutions)]
    await db
      .insertInto('course_institutions')
      .values(unique.map((institution_id, position) => ({ course_id: id, institution_id, position })))
      .execute()
  }
  if (subjects) {
    await db.deleteFrom('course_subjects').where('course_id', '=', id).execute()
    const unique = [...new Set(subjects)]
    if (unique.length > 0) {
      await db
        .insertInto('course_subjects')
        .values(unique.map((subject_code) => ({ course_id: id, subject_code })))
        .execute()
    }
  }
}

async function assertReferences(db: Db, institutions: string[], subjects: string[]): Promise<void> {
  const problems: { field: string; message: string }[] = []
  if (institutions.length > 0) {
    const found = new Set(
      (await db.selectFrom('institutions').select('id').where('id', 'in', institutions).execute()).map(
        (r) => r.id,
      ),
    )
    institutions.forEach((id, i) => {
      if (!found.has(id))
        problems.push({ field: `body.institutions.${i}`, message: `no institution with id "${id}"` })
    })
  }
  if (subjects.length > 0) {
    const found = new Set(
      (await db.selectFrom('subjects').select('code').where('code', 'in', subjects).execute()).map(
        (r) => r.code,
      ),
    )
    subjects.forEach((code, i) => {
      if (!found.has(code))
        problems.push({ field: `body.subjects.${i}`, message: `"${code}" is not an ISCED-F 2013 code` })
    })
  }
  if (problems.length > 0) throw new ValidationError(problems)
}

async function toCourses(db: Db, rows: CourseRow[], today: string): Promise<Course[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [institutions, subjects, listings] = await Promise.all([
    db
      .selectFrom('course_institutions')
      .selectAll()
      .where('course_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('course_subjects')
      .selectAll()
      .where('course_id', 'in', ids)
      .orderBy('subject_code')
      .execute(),
    listingsOfCourses(db, ids, today),
  ])
  return rows.map((row) => {
    const own = listings.get(row.id) ?? []
    return {
      id: row.id,
      language: row.language,
      title: row.title,
      summary: row.summary,
      description: row.description,
      level: row.level === null ? null : Level.parse(row.level),
      effortHoursPerWeek: row.effort_hours_per_week === null ? null : Number(row.effort_hours_per_week),
      weeks: row.weeks,
      courseNumber: row.course_number,
      instructors: StringList.parse(JSON.parse(row.instructors)),
      subtitleLanguages: StringList.parse(JSON.parse(row.subtitle_languages)),
      translationGroup: row.translation_group,
      license: row.license,
      origin: Origin.parse(row.origin),
      institutions: institutions.filter((i) => i.course_id === row.id).map((i) => i.institution_id),
      subjects: subjects.filter((s) => s.course_id === row.id).map((s) => s.subject_code),
      keywords: row.keywords ? StringList.catch([]).parse(JSON.parse(row.keywords)) : [],
      availability: courseAvailability(liveRuns(own), today),
      listings: own,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }
  })
}

function liveRuns(listings: Listing[]) {
  return listings.filter((l) => l.status === 'active').flatMap((l) => l.runs)
}
