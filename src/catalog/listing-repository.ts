// All SQL about listings and runs. Rows never leave this file.
import type { Db, ListingRow, RunRow } from '../db/schema.ts'
import { findPlatform } from '../institutions/platform-repository.ts'
import type { Deps } from '../shared/deps.ts'
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.ts'
import {
  Access,
  Certificate,
  ListingStatus,
  Origin,
  Pacing,
  runAvailability,
  runDateProblems,
  type Listing,
  type ListingCreate,
  type ListingUpdate,
  type Money,
  type Run,
  type RunCreate,
  type RunUpdate,
} from './course.ts'

/** Listings with their runs for each of `courseIds`, in a stable order. */
export async function listingsOfCourses(
  db: Db,
  courseIds: readonly string[],
  today: string,
): Promise<Map<string, Listing[]>> {
  const result = new Map<string, Listing[]>(courseIds.map((id) => [id, []]))
  if (courseIds.length === 0) return result
  const rows = await db
    .selectFrom('listings')
    .selectAll()
    .where('course_id', 'in', [...courseIds])
    .orderBy('platform_id')
    .orderBy('id')
    .execute()
  const runs = await runsOfListings(
    db,
    rows.map((r) => r.id),
    today,
  )
  for (const row of rows) result.get(row.course_id)?.push(toListing(row, runs.get(row.id) ?? []))
  return result
}

export async function findListing(db: Db, id: string, today: string): Promise<Listing | undefined> {
  const row = await db.selectFrom('listings').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  const runs = await runsOfListings(db, [row.id], today)
  return toListing(row, runs.get(row.id) ?? [])
}

export async function getListing(db: Db, id: string, today: string): Promise<Listing> {
  const found = await findListing(db, id, today)
  if (!found) throw new NotFoundError('listing', id)
  return found
}

export async function createListing(
  deps: Deps,
  courseId: string,
  input: ListingCreate,
  origin: Origin,
  today: string,
): Promise<Listing> {
  if (!(await findPlatform(deps.db, input.platformId))) {
    throw new ValidationError([
      { field: 'body.platformId', message: `no platform with id "${input.platformId}"` },
    ])
  }
  const taken = await deps.db
    .selectFrom('listings')
    .select('id')
    .where('platform_id', '=', input.platformId)
    .where('platform_key', '=', input.platformKey)
    .executeTakeFirst()
  if (taken) {
    throw new ConflictError(
      `Platform "${input.platformId}" already lists "${input.platformKey}" (listing ${taken.id}).`,
      'body.platformKey',
    )
  }
  const id = deps.newId()
  const now = deps.now().toISOString()
  await deps.db
    .insertInto('listings')
    .values({
      id,
      course_id: courseId,
      platform_id: input.platformId,
      platform_key: input.platformKey,
      url: input.url,
      status: input.status,
      origin,
      ...offerColumns(input),
      created_at: now,
      updated_at: now,
    })
    .execute()
  return getListing(deps.db, id, today)
}

export async function updateListing(
  deps: Deps,
  id: string,
  patch: ListingUpdate,
  today: string,
): Promise<Listing> {
  await getListing(deps.db, id, today)
  await deps.db
    .updateTable('listings')
    .set({
      ...(patch.url !== undefined && { url: patch.url }),
      ...(patch.status !== undefined && { status: patch.status }),
      ...offerColumns(patch),
      updated_at: deps.now().toISOString(),
    })
    .where('id', '=', id)
    .execute()
  return getListing(deps.db, id, today)
}

export async function getRun(db: Db, id: string, today: string): Promise<Run> {
  const row = await db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('run', id)
  return toRun(row, today)
}

export async function createRun(
  deps: Deps,
  listingId: string,
  input: RunCreate,
  today: string,
): Promise<Run> {
  const id = deps.newId()
  const now = deps.now().toISOString()
  await deps.db
    .insertInto('runs')
    .values({
      id,
      listing_id: listingId,
      run_key: input.runKey ?? null,
      pacing: input.pacing,
      starts_on: input.startsOn ?? null,
      ends_on: input.endsOn ?? null,
      enrollment_opens_on: input.enrollmentOpensOn ?? null,
      enrollment_closes_on: input.enrollmentClosesOn ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  return getRun(deps.db, id, today)
}

export async function updateRun(deps: Deps, id: string, patch: RunUpdate, today: string): Promise<Run> {
  const current = await getRun(deps.db, id, today)
  const merged = { ...current, ...patch }
  const problems = runDateProblems(merged)
  if (problems.length > 0)
    throw new ValidationError(problems.map((p) => ({ ...p, field: `body.${p.field}` })))
  await deps.db
    .updateTable('runs')
    .set({
      ...(patch.runKey !== undefined && { run_key: patch.runKey }),
      ...(patch.pacing !== undefined && { pacing: patch.pacing }),
      ...(patch.startsOn !== undefined && { starts_on: patch.startsOn }),
      ...(patch.endsOn !== undefined && { ends_on: patch.endsOn }),
      ...(patch.enrollmentOpensOn !== undefined && { enrollment_opens_on: patch.enrollmentOpensOn }),
      ...(patch.enrollmentClosesOn !== undefined && { enrollment_closes_on: patch.enrollmentClosesOn }),
      updated_at: deps.now().toISOString(),
    })
    .where('id', '=', id)
    .execute()
  return getRun(deps.db, id, today)
}

/** The course a listing or run belongs to, for permission checks. */
export async function courseOfListing(db: Db, listingId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('listings')
    .select('course_id')
    .where('id', '=', listingId)
    .executeTakeFirst()
  return row?.course_id
}

export async function listingOfRun(db: Db, runId: string): Promise<string | undefined> {
  const row = await db.selectFrom('runs').select('listing_id').where('id', '=', runId).executeTakeFirst()
  return row?.listing_id
}

async function runsOfListings(
  db: Db,
  listingIds: readonly string[],
  today: string,
): Promise<Map<string, Run[]>> {
  const result = new Map<string, Run[]>()
  if (listingIds.length === 0) return result
  const rows = await db
    .selectFrom('runs')
    .selectAll()
    .where('listing_id', 'in', [...listingIds])
    .orderBy('starts_on', 'desc')
    .orderBy('id')
    .execute()
  for (const row of rows) {
    const list = result.get(row.listing_id) ?? []
    list.push(toRun(row, today))
    result.set(row.listing_id, list)
  }
  return result
}

function toListing(row: ListingRow, runs: Run[]): Listing {
  return {
    id: row.id,
    courseId: row.course_id,
    platformId: row.platform_id,
    platformKey: row.platform_key,
    url: row.url,
    status: ListingStatus.parse(row.status),
    origin: Origin.parse(row.origin),
    access: row.access === null ? null : Access.parse(row.access),
    certificate: row.certificate === null ? null : Certificate.parse(row.certificate),
    price:
      row.price_amount === null || row.price_currency === null
        ? null
        : { amount: row.price_amount, currency: row.price_currency },
    runs,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** The offer columns of the fields given; an absent field is left as it is. */
export function offerColumns(offer: {
  access?: Access | null | undefined
  certificate?: Certificate | null | undefined
  price?: Money | null | undefined
}) {
  return {
    ...(offer.access !== undefined && { access: offer.access }),
    ...(offer.certificate !== undefined && { certificate: offer.certificate }),
    ...(offer.price !== undefined && {
      price_amount: offer.price?.amount ?? null,
      price_currency: offer.price?.currency ?? null,
    }),
  }
}

function toRun(row: RunRow, today: string): Run {
  const pacing = Pacing.parse(row.pacing)
  const dates = { pacing, startsOn: row.starts_on, endsOn: row.ends_on }
  return {
    id: row.id,
    listingId: row.listing_id,
    runKey: row.run_key,
    pacing,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    enrollmentOpensOn: row.enrollment_opens_on,
    enrollmentClosesOn: row.enrollment_closes_on,
    availability: runAvailability(dates, today),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
