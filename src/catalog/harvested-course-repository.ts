// SQL that writes harvested records into the catalog: a course, its listing on the source's
// platform and its runs. Called inside the harvester's per-page transaction.
import type { Db } from '../db/schema.ts'
import type { HarvestRecord, HarvestedRun } from '../harvest/harvest-record.ts'

export interface ListingRef {
  id: string
  courseId: string
  origin: string
  sourceId: string | null
}

export async function findListingByKey(
  db: Db,
  platformId: string,
  key: string,
): Promise<ListingRef | undefined> {
  const row = await db
    .selectFrom('listings')
    .select(['id', 'course_id', 'origin', 'source_id'])
    .where('platform_id', '=', platformId)
    .where('platform_key', '=', key)
    .executeTakeFirst()
  return row && { id: row.id, courseId: row.course_id, origin: row.origin, sourceId: row.source_id }
}

/** Creates the course and listing for a record never seen before; returns the listing id. */
export async function insertHarvestedListing(
  db: Db,
  ids: { course: string; listing: string },
  where: { platformId: string; sourceId: string },
  record: HarvestRecord,
  now: string,
): Promise<void> {
  await db
    .insertInto('courses')
    .values({
      id: ids.course,
      ...courseColumns(record),
      translation_group: null,
      origin: 'harvest',
      created_at: now,
      updated_at: now,
    })
    .execute()
  await replaceCourseLinks(db, ids.course, record)
  await db
    .insertInto('listings')
    .values({
      id: ids.listing,
      course_id: ids.course,
      platform_id: where.platformId,
      platform_key: record.listingKey,
      url: record.url,
      status: 'active',
      origin: 'harvest',
      source_id: where.sourceId,
      created_at: now,
      updated_at: now,
    })
    .execute()
}

/** Brings an existing harvested listing and its course up to date with a changed record. */
export async function updateHarvestedListing(
  db: Db,
  listing: ListingRef,
  record: HarvestRecord,
  now: string,
): Promise<void> {
  await db
    .updateTable('courses')
    .set({ ...courseColumns(record), updated_at: now })
    .where('id', '=', listing.courseId)
    .execute()
  await replaceCourseLinks(db, listing.courseId, record)
  await db
    .updateTable('listings')
    .set({ url: record.url, status: 'active', updated_at: now })
    .where('id', '=', listing.id)
    .execute()
}

/** Inserts or updates runs by their key within the listing. */
export async function upsertRuns(
  db: Db,
  listingId: string,
  runs: HarvestedRun[],
  newId: () => string,
  now: string,
): Promise<void> {
  if (runs.length === 0) return
  const existing = await db
    .selectFrom('runs')
    .select(['id', 'run_key'])
    .where('listing_id', '=', listingId)
    .where(
      'run_key',
      'in',
      runs.map((r) => r.runKey),
    )
    .execute()
  const byKey = new Map(existing.map((r) => [r.run_key, r.id]))
  for (const run of runs) {
    const values = {
      pacing: run.pacing,
      starts_on: run.startsOn,
      ends_on: run.endsOn,
      enrollment_opens_on: run.enrollmentOpensOn,
      enrollment_closes_on: run.enrollmentClosesOn,
      updated_at: now,
    }
    const id = byKey.get(run.runKey)
    if (id) await db.updateTable('runs').set(values).where('id', '=', id).execute()
    else
      await db
        .insertInto('runs')
        .values({ id: newId(), listing_id: listingId, run_key: run.runKey, ...values, created_at: now })
        .execute()
  }
}

/** A course id derived from the listing key that no course has yet. */
export async function freeCourseId(db: Db, base: string): Promise<string> {
  const slug =
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 90) || 'course'
  const taken = new Set(
    (await db.selectFrom('courses').select('id').where('id', 'like', `${slug}%`).execute()).map((r) => r.id),
  )
  if (!taken.has(slug)) return slug
  for (let n = 2; ; n++) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`
}

/** Active listings of a source none of whose records were seen in `generation` become withdrawn. */
export async function withdrawUnseen(
  db: Db,
  sourceId: string,
  generation: string,
  now: string,
): Promise<number> {
  const seen = db
    .selectFrom('harvest_records')
    .select('listing_id')
    .where('source_id', '=', sourceId)
    .where('seen_generation', '=', generation)
  const result = await db
    .updateTable('listings')
    .set({ status: 'withdrawn', updated_at: now })
    .where('source_id', '=', sourceId)
    .where('status', '=', 'active')
    .where('id', 'not in', seen)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Listings that reappear unchanged after being withdrawn become active again. */
export async function reactivateListings(db: Db, listingIds: readonly string[], now: string): Promise<void> {
  if (listingIds.length === 0) return
  await db
    .updateTable('listings')
    .set({ status: 'active', updated_at: now })
    .where('id', 'in', [...new Set(listingIds)])
    .where('status', '=', 'withdrawn')
    .execute()
}

function courseColumns(record: HarvestRecord) {
  return {
    language: record.language,
    title: record.title,
    summary: record.summary,
    description: record.description,
    description_html: record.descriptionHtml,
    level: record.level,
    effort_hours_per_week: record.effortHoursPerWeek,
    weeks: record.weeks,
    course_number: record.courseNumber,
    instructors: JSON.stringify(record.instructors),
    subtitle_languages: JSON.stringify(record.subtitleLanguages),
  }
}

async function replaceCourseLinks(db: Db, courseId: string, record: HarvestRecord): Promise<void> {
  await db.deleteFrom('course_institutions').where('course_id', '=', courseId).execute()
  await db.deleteFrom('course_subjects').where('course_id', '=', courseId).execute()
  const institutions = [...new Set(record.institutions)]
  if (institutions.length > 0) {
    await db
      .insertInto('course_institutions')
      .values(
        institutions.map((institution_id, position) => ({ course_id: courseId, institution_id, position })),
      )
      .execute()
  }
  const subjects = [...new Set(record.subjects)]
  if (subjects.length > 0) {
    await db
      .insertInto('course_subjects')
      .values(subjects.map((subject_code) => ({ course_id: courseId, subject_code })))
      .execute()
  }
}
