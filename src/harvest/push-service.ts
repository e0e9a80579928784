// Applies a verified push under the source's lease: claims its signature (a replay is refused),
// parses the records with the source's connector, saves and withdraws them, and records the push
// as a harvest run that is never `complete` (a push withdraws only what it names).
import { parseContext } from './parse-context.ts'
import type { Deps } from '../shared/deps.ts'
import { ConflictError } from '../shared/errors.ts'
import { connectorFor } from './formats/index.ts'
import type { Connector, ParseContext } from './formats/connector.ts'
import type { HarvestRecord, Rejected } from './harvest-record.ts'
import { savePage, withdrawRecords, type PageTarget } from './harvest-record-repository.ts'
import {
  addRejections,
  finishRun,
  listRejections,
  markInterrupted,
  startRun,
  zeroCounts,
  type RunCounts,
} from './harvest-run-repository.ts'
import { NONCE_TTL_MS, SIGNATURE_HEADER, type PushBody } from './push.ts'
import type { HarvestRun, Rejection, Source } from './source.ts'
import { acquireLease, readCursor, releaseLease } from './source-repository.ts'

export type PushOutcome = HarvestRun & { rejections: Rejection[] }

/** Records saved per statement batch, as a polled page would be. */
const CHUNK = 100
/** A push that dies mid-way frees the source after this. */
const LEASE_MS = 5 * 60_000

export async function applyPush(
  deps: Deps,
  source: Source,
  push: PushBody,
  signature: string,
): Promise<PushOutcome> {
  const connector = connectorFor(source.format)
  const ctx = await parseContext(deps.db, source)
  const runId = deps.newId()
  const holder = `push:${runId}`.slice(0, 100)
  const now = deps.now()
  const until = new Date(now.getTime() + LEASE_MS).toISOString()
  if (!(await acquireLease(deps.db, source.id, holder, now.toISOString(), until))) {
    throw new ConflictError(
      `A harvest or another push of source "${source.id}" is running; push again when it has finished.`,
      'source',
    )
  }
  try {
    if (!(await claimSignature(deps, source.id, signature))) {
      throw new ConflictError(
        'This push was already received (same signature): sign each push with a new timestamp.',
        `header.${SIGNATURE_HEADER}`,
      )
    }
    await markInterrupted(deps, source.id)
    // Inside an interrupted pass, what the push saves counts as seen by that pass, so the pass's
    // end does not withdraw it.
    const generation = (await readCursor(deps.db, source.id))?.generation ?? runId
    await startRun(deps, source.id, runId, generation)
    const counts = zeroCounts()
    try {
      await applyRecords(deps, { connector, ctx, runId, generation }, push, counts)
    } catch (error) {
      const reason = `internal error: ${error instanceof Error ? error.message : String(error)}`
      await finishRun(deps, runId, {
        status: 'failed',
        complete: false,
        counts,
        error: reason.slice(0, 2000),
      })
      throw error
    }
    const run = await finishRun(deps, runId, { status: 'succeeded', complete: false, counts })
    return { ...run, rejections: await listRejections(deps.db, runId) }
  } finally {
    await releaseLease(deps.db, source.id, holder)
  }
}

/** Upserts first, then withdrawals: a key in both lists ends withdrawn. */
async function applyRecords(
  deps: Deps,
  {
    connector,
    ctx,
    runId,
    generation,
  }: { connector: Connector; ctx: ParseContext; runId: string; generation: string },
  push: PushBody,
  counts: RunCounts,
): Promise<void> {
  const { source } = ctx
  const target: PageTarget = { sourceId: source.id, platformId: source.platformId, generation }
  const upserted = push.upserted ?? []
  const withdrawn = [...(push.withdrawn ?? [])]
  for (let start = 0; start < upserted.length; start += CHUNK) {
    const records: HarvestRecord[] = []
    const rejections: Rejected[] = []
    for (const raw of upserted.slice(start, start + CHUNK)) {
      const result = connector.parseRecord(raw, ctx)
      if ('record' in result) records.push(result.record)
      else if ('deleted' in result) withdrawn.push(result.deleted)
      else rejections.push(result.rejected)
    }
    const saved = await savePage(deps, target, records)
    rejections.push(...saved.rejected)
    await addRejections(deps, runId, rejections)
    counts.added += saved.added
    counts.updated += saved.updated
    counts.unchanged += saved.unchanged
    counts.rejected += rejections.length
  }
  for (let start = 0; start < withdrawn.length; start += CHUNK) {
    counts.withdrawn += await withdrawRecords(deps, target, withdrawn.slice(start, start + CHUNK))
  }
  counts.seen = upserted.length + (push.withdrawn?.length ?? 0)
}

/**
 * Remembers a push's signature for NONCE_TTL_MS; false if it is already remembered (a replay).
 * Forgets expired signatures of every source first. The primary key makes two concurrent
 * copies of one push race to a single winner on both dialects.
 */
async function claimSignature(deps: Deps, sourceId: string, signature: string): Promise<boolean> {
  const now = deps.now()
  await deps.db.deleteFrom('push_nonces').where('expires_at', '<=', now.toISOString()).execute()
  const result = await deps.db
    .insertInto('push_nonces')
    .values({
      source_id: sourceId,
      signature,
      seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + NONCE_TTL_MS).toISOString(),
    })
    .onConflict((oc) => oc.columns(['source_id', 'signature']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}
