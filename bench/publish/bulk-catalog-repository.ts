// Writes the search benchmark's synthetic multilingual catalog (bench/search/catalog-generator.ts) into
// moocx's own tables, fast: 500 courses a transaction in multi-row INSERTs, each course with one
// listing, one run placed so it has the generated availability, its institution and its subjects.
// The database's triggers note every course in the change log, as a harvest would.
import type { Db } from '../../src/db/schema.ts'
import { PLATFORMS, generateCatalog } from '../search/catalog-generator.ts'
import type { Availability, CourseDoc } from '../search/engine.ts'

const BATCH = 500
const COUNTRIES = ['CN', 'RU', 'TH', 'EG', 'ES', 'FR', 'US', 'GB', 'KE', 'SG', 'IT', 'CA']

/** Runs relative to `today`, so that each has the availability the generator drew. */
function runDates(availability: Availability, today: string): { starts: string; ends: string | null } {
  const day = (offset: number) => new Date(Date.parse(today) + offset * 86_400_000).toISOString().slice(0, 10)
  switch (availability) {
    case 'current':
      return { starts: day(-20), ends: day(60) }
    case 'starting-soon':
      return { starts: day(10), ends: day(90) }
    case 'upcoming':
      return { starts: day(100), ends: day(190) }
    case 'self-paced':
      return { starts: day(-400), ends: null }
    case 'archived':
      return { starts: day(-400), ends: day(-300) }
  }
}

/** The generator's 200 institutions and the platforms the alliance seed does not have. */
export async function insertRegistry(db: Db, now: string): Promise<void> {
  const institutions = Array.from({ length: 200 }, (_, i) => {
    const n = String(i + 1).padStart(3, '0')
    return {
      id: `inst-${n}`,
      kind: 'university',
      role: 'member',
      status: 'active',
      country: COUNTRIES[i % COUNTRIES.length] ?? 'US',
      names: JSON.stringify({ en: `University number ${n}`, fr: `Université numéro ${n}` }),
      website: `https://inst-${n}.example.org`,
      logo_url: null,
      joined_on: '2020-10-01',
      created_at: now,
      updated_at: now,
    }
  })
  await db
    .insertInto('institutions')
    .values(institutions)
    .onConflict((oc) => oc.doNothing())
    .execute()
  const platforms = PLATFORMS.map((id) => ({
    id,
    name: id,
    software: 'open-edx',
    base_url: `https://${id}.example.org`,
    institution_id: null,
    created_at: now,
    updated_at: now,
  }))
  await db
    .insertInto('platforms')
    .values(platforms)
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/** Inserts `size` generated courses; returns how many. */
export async function insertCourses(db: Db, size: number, today: string, now: string): Promise<number> {
  let batch: CourseDoc[] = []
  let count = 0
  for (const doc of generateCatalog({ size, seed: 1 })) {
    batch.push(doc)
    if (batch.length === BATCH) {
      await insertBatch(db, batch, today, now)
      count += batch.length
      batch = []
    }
  }
  if (batch.length > 0) await insertBatch(db, batch, today, now)
  return count + batch.length
}

async function insertBatch(db: Db, docs: CourseDoc[], today: string, now: string): Promise<void> {
  const id = (doc: CourseDoc) => `bench-${String(doc.id).padStart(7, '0')}`
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('courses')
      .values(
        docs.map((doc) => ({
          id: id(doc),
          language: doc.language,
          title: doc.title,
          summary: doc.description.slice(0, 160),
          description: doc.description,
          description_html: null,
          title_key: null,
          keywords: JSON.stringify(doc.keywords),
          level: doc.level,
          effort_hours_per_week: 2 + (doc.id % 6),
          weeks: 4 + (doc.id % 9),
          course_number: `N${doc.id}`,
          instructors: JSON.stringify(doc.instructors),
          subtitle_languages: JSON.stringify(doc.subtitleLanguages),
          translation_group: null,
          license: doc.id % 3 === 0 ? 'CC-BY-4.0' : null,
          origin: 'harvest',
          created_at: now,
          updated_at: now,
        })),
      )
      .execute()
    await trx
      .insertInto('course_institutions')
      .values(docs.map((doc) => ({ course_id: id(doc), institution_id: doc.institution, position: 0 })))
      .execute()
    await trx
      .insertInto('course_subjects')
      .values(docs.flatMap((doc) => doc.subjects.map((code) => ({ course_id: id(doc), subject_code: code }))))
      .execute()
    await trx
      .insertInto('listings')
      .values(
        docs.map((doc) => ({
          id: `l-${id(doc)}`,
          course_id: id(doc),
          platform_id: doc.platform,
          platform_key: `course-v1:Bench+${doc.id}+2026`,
          url: `https://${doc.platform}.example.org/courses/${doc.id}`,
          status: 'active',
          origin: 'harvest',
          source_id: null,
          group_reason: null,
          seen_generation: null,
          access: doc.access,
          certificate: doc.certificate,
          price_amount: doc.access === 'paid' || doc.certificate === 'paid' ? 49 : null,
          price_currency: doc.access === 'paid' || doc.certificate === 'paid' ? 'USD' : null,
          enrollments: doc.enrollments,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute()
    await trx
      .insertInto('runs')
      .values(
        docs.map((doc) => {
          const { starts, ends } = runDates(doc.availability, today)
          return {
            id: `r-${id(doc)}`,
            listing_id: `l-${id(doc)}`,
            run_key: null,
            pacing: doc.availability === 'self-paced' ? 'self' : 'instructor',
            starts_on: starts,
            ends_on: ends,
            enrollment_opens_on: null,
            enrollment_closes_on: null,
            created_at: now,
            updated_at: now,
          }
        }),
      )
      .execute()
  })
}
