// Saves one page of harvested records: unchanged records (same content hash) cost one UPDATE for
// the whole page; new and changed ones are written in one transaction with their course, listing
// and runs. A record whose listing belongs to demo or manual data is refused, never merged.
import {
  findListingByKey,
  freeCourseId,
  insertHarvestedListing,
  reactivateListings,
  updateHarvestedListing,
  upsertRuns,
} from '../catalog/harvested-course-repository.ts'
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

export async function savePage(
  deps: Deps,
  target: PageTarget,
  records: HarvestRecord[],
): Promise<PageOutcome> {
  const outcome: PageOutcome = { added: 0, updated: 0, unchanged: 0, rejected: [] }
  const unique = lastOfEachKey(records)
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
      await trx
        .updateTable('harvest_records')
        .set({ seen_generation: target.generation })
        .where('source_id', '=', target.sourceId)
        .where(
          'record_key',
          'in',
          unchanged.map((r) => r.recordKey),
        )
        .execute()
      await reactivateListings(
        trx,
        unchanged.map((r) => existing.get(r.recordKey)?.listing_id ?? ''),
        now,
      )
      outcome.unchanged = unchanged.length
    }
    for (const record of changed) {
      let listing = await findListingByKey(trx, target.platformId, record.listingKey)
      if (
        listing &&
        (listing.origin !== 'harvest' || (listing.sourceId && listing.sourceId !== target.sourceId))
      ) {
        outcome.rejected.push({
          key: record.recordKey,
          reason: `platform key "${record.listingKey}" is already listed by ${listing.origin === 'harvest' ? 'another source' : `${listing.origin} data`} (listing ${listing.id}); not merged`,
        })
        continue
      }
      if (listing) await updateHarvestedListing(trx, listing, record, now)
      else {
        const ids = {
          course: await freeCourseId(trx, `${target.platformId}-${record.listingKey}`),
          listing: deps.newId(),
        }
        await insertHarvestedListing(trx, ids, target, record, now)
        listing = { id: ids.listing, courseId: ids.course, origin: 'harvest', sourceId: target.sourceId }
      }
      await upsertRuns(trx, listing.id, record.runs, deps.newId, now)
      const values = {
        listing_id: listing.id,
        content_hash: hashes.get(record.recordKey) ?? '',
        seen_generation: target.generation,
        updated_at: now,
      }
      await trx
        .insertInto('harvest_records')
        .values({ source_id: target.sourceId, record_key: record.recordKey, ...values })
        .onConflict((oc) => oc.columns(['source_id', 'record_key']).doUpdateSet(values))
        .execute()
      if (existing.has(record.recordKey)) outcome.updated++
      else outcome.added++
    }
  })
  return outcome
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
    const alive = trx
      .selectFrom('harvest_records')
      .select('listing_id')
      .where('source_id', '=', target.sourceId)
      .where('seen_generation', '!=', DELETED)
    const result = await trx
      .updateTable('listings')
      .set({ status: 'withdrawn', updated_at: now })
      .where('id', 'in', [...new Set(gone.map((g) => g.listing_id))])
      .where('status', '=', 'active')
      .where('id', 'not in', alive)
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
