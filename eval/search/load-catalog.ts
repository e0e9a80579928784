// Writes the test catalog into a database the way the app's bulk import does (catalog-import-repository):
// the institutions and platforms it needs, then every course with one listing and one run placed so
// that the course has its stated availability on the evaluation's day.
import { insertCatalogRows, type NewCatalogRows } from '../../src/catalog/catalog-import-repository.ts'
import { addDays, type Availability, type Pacing } from '../../src/catalog/course.ts'
import { titleKey } from '../../src/catalog/title-key.ts'
import { InstitutionCreate } from '../../src/institutions/institution.ts'
import { createInstitution, findInstitution } from '../../src/institutions/institution-repository.ts'
import { PlatformCreate } from '../../src/institutions/platform.ts'
import { createPlatform, findPlatform } from '../../src/institutions/platform-repository.ts'
import type { Db } from '../../src/db/schema.ts'
import type { EvalCourse, Registry } from './eval-data.ts'

/** Adds the registry's institutions and platforms that the database does not have yet. */
export async function loadRegistry(db: Db, registry: Registry, now: string): Promise<void> {
  for (const institution of registry.institutions) {
    if (await findInstitution(db, institution.id)) continue
    const input = InstitutionCreate.parse({ ...institution, role: 'member', status: 'active' })
    await createInstitution(db, input, now)
  }
  for (const platform of registry.platforms) {
    if (await findPlatform(db, platform.id)) continue
    await createPlatform(db, PlatformCreate.parse({ ...platform, institutionId: null }), now)
  }
}

/** Inserts the courses in one transaction; `today` (YYYY-MM-DD) places the runs. */
export async function loadCourses(
  db: Db,
  courses: readonly EvalCourse[],
  today: string,
  now: string,
): Promise<void> {
  await insertCatalogRows(db, catalogRows(courses, today, now))
}

export function catalogRows(courses: readonly EvalCourse[], today: string, now: string): NewCatalogRows {
  const rows: NewCatalogRows = {
    courses: [],
    courseInstitutions: [],
    courseSubjects: [],
    listings: [],
    runs: [],
  }
  const stamp = { created_at: now, updated_at: now }
  for (const c of courses) {
    rows.courses.push({
      id: c.id,
      language: c.language,
      title: c.title,
      title_key: titleKey(c.title),
      summary: c.summary ?? null,
      description: c.description,
      keywords: JSON.stringify(c.keywords),
      level: c.level,
      instructors: JSON.stringify(c.instructors),
      subtitle_languages: JSON.stringify(c.subtitleLanguages),
      translation_group: null,
      origin: 'manual',
      ...stamp,
    })
    c.institutions.forEach((institution_id, position) =>
      rows.courseInstitutions.push({ course_id: c.id, institution_id, position }),
    )
    for (const code of new Set(c.subjects)) rows.courseSubjects.push({ course_id: c.id, subject_code: code })
    const listingId = `${c.id}.${c.platform}`
    rows.listings.push({
      id: listingId,
      course_id: c.id,
      platform_id: c.platform,
      platform_key: c.id,
      url: `https://example.org/${c.platform}/${c.id}`,
      status: 'active',
      origin: 'manual',
      access: 'free',
      enrollments: c.enrollments,
      ...stamp,
    })
    rows.runs.push({ id: `${listingId}.1`, listing_id: listingId, ...runOn(c.availability, today), ...stamp })
  }
  return rows
}

/** A run that has `availability` on `today`. */
function runOn(availability: Availability, today: string) {
  const run = (pacing: Pacing, start: number, end: number | null) => ({
    run_key: `run-${availability}`,
    pacing,
    starts_on: addDays(today, start),
    ends_on: end === null ? null : addDays(today, end),
  })
  switch (availability) {
    case 'current':
      return run('instructor', -20, 50)
    case 'self-paced':
      return run('self', -300, null)
    case 'starting-soon':
      return run('instructor', 10, 80)
    case 'upcoming':
      return run('instructor', 90, 160)
    case 'archived':
      return run('instructor', -400, -330)
  }
}
