// SQL that writes harvested records into the catalog: a course, its listing on the source's
// platform and its runs. Called inside the harvester's per-page transaction.
import type { Insertable } from 'kysely'
import type { Database, Db } from '../db/schema.ts'
import type { HarvestRecord, HarvestedRun } from '../harvest/harvest-record.ts'
import { offerColumns } from './listing-repository.ts'
import { titleKey } from './title-key.ts'

export interface ListingRef {
  id: string
  courseId: string
  origin: string
  sourceId: string | null
}

export async function findListingsByKeys(
  db: Db,
  platformId: string,
  keys: readonly string[],
): Promise<Map<string, ListingRef>> {
  if (keys.length === 0) return new Map()
  const rows = await db
    .selectFrom('listings')
    .select(['id', 'course_id', 'origin', 'source_id', 'platform_key'])
    .where('platform_id', '=', platformId)
    .where('platform_key', 'in', [...new Set(keys)])
    .execute()
  return new Map(
    rows.map((r) => [
      r.platform_key,
      { id: r.id, courseId: r.course_id, origin: r.origin, sourceId: r.source_id },
    ]),
  )
}

export interface NewListing {
  courseId: string
  listingId: string
  record: HarvestRecord
  /** Set when the listing joins an existing course (cross-listing): why it belongs there. */
  groupReason?: string
}

/** Creates the courses and listings of records never seen before, a few statements for a whole page. */
export async function insertHarvestedListings(
  db: Db,
  items: NewListing[],
  where: { platformId: string; sourceId: string; generation: string },
  now: string,
): Promise<void> {
  if (items.length === 0) return
  const stamp = { created_at: now, updated_at: now }
  // Listings that join an existing course (cross-listing) bring no course of their own.
  const fresh = items.filter((i) => !i.groupReason)
  await insertChunked(
    db,
    'courses',
    fresh.map(({ courseId, record }) => ({
      id: courseId,
      ...courseColumns(record),
      translation_group: null,
      origin: 'harvest',
      ...stamp,
    })),
  )
  await insertChunked(
    db,
    'course_institutions',
    fresh.flatMap(({ courseId, record }) =>
      [...new Set(record.institutions)].map((institution_id, position) => ({
        course_id: courseId,
        institution_id,
        position,
      })),
    ),
  )
  await insertChunked(
    db,
    'course_subjects',
    fresh.flatMap(({ courseId, record }) =>
      [...new Set(record.subjects)].map((subject_code) => ({ course_id: courseId, subject_code })),
    ),
  )
  await insertChunked(
    db,
    'listings',
    items.map(({ courseId, listingId, record, groupReason }) => ({
      id: listingId,
      course_id: courseId,
      platform_id: where.platformId,
      platform_key: record.listingKey,
      url: record.url,
      status: 'active',
      origin: 'harvest',
      source_id: where.sourceId,
      group_reason: groupReason ?? null,
      seen_generation: where.generation,
      ...offerColumns(record),
      enrollments: record.enrollments ?? null,
      ...stamp,
    })),
  )
}

/**
 * Brings an existing harvested listing up to date with a changed record. The course's own fields
 * follow the record only when this is the course's first listing: a listing that joined another
 * course (cross-listing, merge) must not overwrite it.
 */
export async function updateHarvestedListing(
  db: Db,
  listing: ListingRef,
  record: HarvestRecord,
  generation: string,
  now: string,
): Promise<void> {
  const first = await db
    .selectFrom('listings')
    .select('id')
    .where('course_id', '=', listing.courseId)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst()
  if (first?.id === listing.id) {
    await db
      .updateTable('courses')
      .set({ ...courseColumns(record), updated_at: now })
      .where('id', '=', listing.courseId)
      .execute()
    await replaceCourseLinks(db, listing.courseId, record)
  }
  await db
    .updateTable('listings')
    .set({
      url: record.url,
      status: 'active',
      seen_generation: generation,
      ...offerColumns(record),
      enrollments: record.enrollments ?? null,
      updated_at: now,
    })
    .where('id', '=', listing.id)
    .execute()
}

/** Inserts or updates runs by their key within their listing: one SELECT and one INSERT for a page. */
export async function upsertRuns(
  db: Db,
  items: { listingId: string; runs: HarvestedRun[] }[],
  newId: () => string,
  now: string,
): Promise<void> {
  const wanted = items.flatMap(({ listingId, runs }) => runs.map((run) => ({ listingId, run })))
  if (wanted.length === 0) return
  const existing = await db
    .selectFrom('runs')
    .select(['id', 'listing_id', 'run_key'])
    .where('listing_id', 'in', [...new Set(wanted.map((w) => w.listingId))])
    .execute()
  const byKey = new Map(existing.map((r) => [`${r.listing_id} ${r.run_key ?? ''}`, r.id]))
  const inserts = []
  for (const { listingId, run } of wanted) {
    const values = {
      pacing: run.pacing,
      starts_on: run.startsOn,
      ends_on: run.endsOn,
      enrollment_opens_on: run.enrollmentOpensOn,
      enrollment_closes_on: run.enrollmentClosesOn,
      updated_at: now,
    }
    const key = `${listingId} ${run.runKey}`
    const id = byKey.get(key)
    if (id) await db.updateTable('runs').set(values).where('id', '=', id).execute()
    else {
      const created = newId()
      byKey.set(key, created)
      inserts.push({ id: created, listing_id: listingId, run_key: run.runKey, ...values, created_at: now })
    }
  }
  await insertChunked(db, 'runs', inserts)
}

const CHUNK = 200

/** Multi-row INSERTs, in chunks that stay under both dialects' bound-parameter limits. */
async function insertChunked<
  T extends 'courses' | 'course_institutions' | 'course_subjects' | 'listings' | 'runs',
>(db: Db, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK))
      .execute()
}

/** Active listings of a source none of whose records were seen in `generation` become withdrawn. */
export async function withdrawUnseen(
  db: Db,
  sourceId: string,
  generation: string,
  now: string,
): Promise<number> {
  const result = await db
    .updateTable('listings')
    .set({ status: 'withdrawn', updated_at: now })
    .where('source_id', '=', sourceId)
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('seen_generation', 'is', null), eb('seen_generation', '!=', generation)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Marks listings seen by this pass; those that had been withdrawn become active again. */
export async function markListingsSeen(
  db: Db,
  listingIds: readonly string[],
  generation: string,
  now: string,
): Promise<void> {
  const ids = [...new Set(listingIds)]
  if (ids.length === 0) return
  await db
    .updateTable('listings')
    .set((eb) => ({
      seen_generation: generation,
      status: 'active',
      updated_at: eb.case().when('status', '=', 'withdrawn').then(now).else(eb.ref('updated_at')).end(),
    }))
    .where('id', 'in', ids)
    .execute()
}

function courseColumns(record: HarvestRecord) {
  return {
    language: record.language,
    title: record.title,
    title_key: titleKey(record.title),
    summary: record.summary,
    description: record.description,
    description_html: record.descriptionHtml,
    level: record.level,
    effort_hours_per_week: record.effortHoursPerWeek,
    weeks: record.weeks,
    course_number: record.courseNumber,
    instructors: JSON.stringify(record.instructors),
    subtitle_languages: JSON.stringify(record.subtitleLanguages),
    keywords: record.keywords.length ? JSON.stringify(record.keywords) : null,
    license: record.license ?? null,
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
