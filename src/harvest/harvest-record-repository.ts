// Saves one page of harvested records: unchanged records (same content hash) cost one UPDATE for
// the whole page; new and changed ones are written in one transaction with their course, listing
// and runs. A record whose listing belongs to demo or manual data is refused, never merged.
import { findCrossListed, freeCourseIds } from '../catalog/cross-listing-repository.ts'
import {
  findListingsByKeys,
  insertHarvestedListings,
  markListingsSeen,
  updateHarvestedListing,
  upsertRuns,
  type NewListing,
} from '../catalog/harvested-course-repository.ts'
import type { Db } from '../db/schema.ts'
import { applySubjectMappings, noteKeywords } from './subject-mapping-repository.ts'
import type { Deps } from '../shared/deps.ts'
import { contentHash, type HarvestRecord, type Rejected } from './harvest-record.ts'

export interface PageTarget {
  sourceId: string
  platformId: string
  generation: string
}

export interface PageOutcome {
  added: number
  updated: number
  unchanged: number
  rejected: Rejected[]
}

/** Records saved per transaction: keeps every statement under both dialects' parameter limits. */
const SLICE = 500

export async function savePage(
  deps: Deps,
  target: PageTarget,
  records: HarvestRecord[],
): Promise<PageOutcome> {
  const outcome: PageOutcome = { added: 0, updated: 0, unchanged: 0, rejected: [] }
  const unique = lastOfEachKey(records)
  for (let i = 0; i < unique.length; i += SLICE) {
    const part = await saveSlice(deps, target, unique.slice(i, i + SLICE))
    outcome.added += part.added
    outcome.updated += part.updated
    outcome.unchanged += part.unchanged
    outcome.rejected.push(...part.rejected)
  }
  return outcome
}

async function saveSlice(deps: Deps, target: PageTarget, records: HarvestRecord[]): Promise<PageOutcome> {
  const outcome: PageOutcome = { added: 0, updated: 0, unchanged: 0, rejected: [] }
  const unique = await applySubjectMappings(deps.db, records)
  if (unique.length === 0) return outcome
  const now = deps.now().toISOString()
  const hashes = new Map(unique.map((r) => [r.recordKey, contentHash(r)]))
  const existing = new Map(
    (
      await deps.db
        .selectFrom('harvest_records')
        .select(['record_key', 'content_hash', 'listing_id'])
        .where('source_id', '=', target.sourceId)
        .where('record_key', 'in', [...hashes.keys()])
        .execute()
    ).map((r) => [r.record_key, r]),
  )
  const unchanged = unique.filter((r) => existing.get(r.recordKey)?.content_hash === hashes.get(r.recordKey))
  const changed = unique.filter((r) => existing.get(r.recordKey)?.content_hash !== hashes.get(r.recordKey))

  await deps.db.transaction().execute(async (trx) => {
    if (unchanged.length > 0) {
      const keys = unchanged.map((r) => r.recordKey)
      await trx
        .updateTable('harvest_records')
        .set({ seen_generation: target.generation })
        .where('source_id', '=', target.sourceId)
        .where('record_key', 'in', keys)
        .execute()
      await markListingsSeen(
        trx,
        keys.map((k) => existing.get(k)?.listing_id ?? ''),
        target.generation,
        now,
      )
      outcome.unchanged = unchanged.length
    }
    const written = await writeChanged(trx, deps, target, changed, outcome, now)
    await noteKeywords(
      trx,
      written.map((w) => w.record),
      now,
    )
    if (written.length === 0) return
    await trx
      .insertInto('harvest_records')
      .values(
        written.map(({ record, listingId }) => ({
          source_id: target.sourceId,
          record_key: record.recordKey,
          listing_id: listingId,
          content_hash: hashes.get(record.recordKey) ?? '',
          seen_generation: target.generation,
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['source_id', 'record_key']).doUpdateSet((eb) => ({
          listing_id: eb.ref('excluded.listing_id'),
          content_hash: eb.ref('excluded.content_hash'),
          seen_generation: eb.ref('excluded.seen_generation'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute()
    for (const { record } of written) {
      if (existing.has(record.recordKey)) outcome.updated++
      else outcome.added++
    }
  })
  return outcome
}

/**
 * Writes new and changed records: new listings (with their courses) in a few multi-row INSERTs,
 * changed ones one by one (few on a re-harvest), runs in bulk. Returns what was written.
 */
async function writeChanged(
  trx: Db,
  deps: Deps,
  target: PageTarget,
  changed: HarvestRecord[],
  outcome: PageOutcome,
  now: string,
): Promise<{ record: HarvestRecord; listingId: string }[]> {
  const listings = await findListingsByKeys(
    trx,
    target.platformId,
    changed.map((r) => r.listingKey),
  )
  const fresh = new Map<string, NewListing>()
  const written: { record: HarvestRecord; listingId: string }[] = []
  for (const record of changed) {
    const listing = listings.get(record.listingKey)
    if (
      listing &&
      (listing.origin !== 'harvest' || (listing.sourceId && listing.sourceId !== target.sourceId))
    ) {
      const owner = listing.origin === 'harvest' ? 'another source' : `${listing.origin} data`
      outcome.rejected.push({
        key: record.recordKey,
        reason: `platform key "${record.listingKey}" is already listed by ${owner} (listing ${listing.id}); not merged`,
      })
      continue
    }
    if (listing) {
      await updateHarvestedListing(trx, listing, record, target.generation, now)
      written.push({ record, listingId: listing.id })
      continue
    }
    const planned = fresh.get(record.listingKey) ?? { courseId: '', listingId: deps.newId(), record }
    planned.record = record
    fresh.set(record.listingKey, planned)
    written.push({ record, listingId: planned.listingId })
  }
  const plans = [...fresh.values()]
  const crossListed = await findCrossListed(
    trx,
    target.platformId,
    plans.map((p) => p.record),
  )
  const own = plans.filter((p) => !crossListed.has(p.record.listingKey))
  const courseIds = await freeCourseIds(
    trx,
    own.map((p) => `${target.platformId}-${p.record.listingKey}`),
  )
  own.forEach((plan, i) => (plan.courseId = courseIds[i] ?? plan.listingId))
  for (const plan of plans) {
    const group = crossListed.get(plan.record.listingKey)
    if (group) Object.assign(plan, { courseId: group.courseId, groupReason: group.reason })
  }
  await insertHarvestedListings(trx, plans, target, now)
  const runsByListing = new Map<string, HarvestRecord['runs']>()
  for (const { record, listingId } of written)
    runsByListing.set(listingId, [...(runsByListing.get(listingId) ?? []), ...record.runs])
  await upsertRuns(
    trx,
    [...runsByListing].map(([listingId, runs]) => ({ listingId, runs })),
    deps.newId,
    now,
  )
  return written
}

/**
 * Withdraws the listings of records the feed reports deleted, once none of their records is still
 * alive; returns how many listings were withdrawn.
 */
export async function withdrawRecords(deps: Deps, target: PageTarget, recordKeys: string[]): Promise<number> {
  if (recordKeys.length === 0) return 0
  const gone = await deps.db
    .selectFrom('harvest_records')
    .select(['record_key', 'listing_id'])
    .where('source_id', '=', target.sourceId)
    .where('record_key', 'in', recordKeys)
    .execute()
  if (gone.length === 0) return 0
  const now = deps.now().toISOString()
  return deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('harvest_records')
      .set({ seen_generation: DELETED, updated_at: now })
      .where('source_id', '=', target.sourceId)
      .where(
        'record_key',
        'in',
        gone.map((g) => g.record_key),
      )
      .execute()
    const result = await trx
      .updateTable('listings')
      .set({ status: 'withdrawn', updated_at: now })
      .where('id', 'in', [...new Set(gone.map((g) => g.listing_id))])
      .where('status', '=', 'active')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('harvest_records as h')
              .select('h.listing_id')
              .whereRef('h.listing_id', '=', 'listings.id')
              .where('h.source_id', '=', target.sourceId)
              .where('h.seen_generation', '!=', DELETED),
          ),
        ),
      )
      .executeTakeFirst()
    return Number(result.numUpdatedRows)
  })
}

/** The generation mark of a record the feed reported deleted. */
const DELETED = 'deleted'

/** A feed may repeat a record; the last copy wins. */
function lastOfEachKey(records: HarvestRecord[]): HarvestRecord[] {
  return [...new Map(records.map((r) => [r.recordKey, r])).values()]
}
