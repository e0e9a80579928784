// All SQL about harvest runs and their rejected records.
import type { Db, HarvestRunRow } from '../db/schema.ts'
import type { Deps } from '../shared/deps.ts'
import { NotFoundError } from '../shared/errors.ts'
import { HarvestRunStatus, type HarvestRun, type Rejection } from './source.ts'

export interface RunCounts {
  seen: number
  added: number
  updated: number
  unchanged: number
  withdrawn: number
  rejected: number
}

export const zeroCounts = (): RunCounts => ({
  seen: 0,
  added: 0,
  updated: 0,
  unchanged: 0,
  withdrawn: 0,
  rejected: 0,
})

export async function startRun(deps: Deps, sourceId: string, id: string, generation: string): Promise<void> {
  await deps.db
    .insertInto('harvest_runs')
    .values({
      id,
      source_id: sourceId,
      generation,
      status: 'running',
      complete: 0,
      ...zeroCounts(),
      error: null,
      started_at: deps.now().toISOString(),
      finished_at: null,
    })
    .execute()
}

export async function saveRunCounts(db: Db, id: string, counts: RunCounts): Promise<void> {
  await db.updateTable('harvest_runs').set(counts).where('id', '=', id).execute()
}

export async function finishRun(
  deps: Deps,
  id: string,
  outcome: { status: HarvestRunStatus; complete: boolean; counts: RunCounts; error?: string },
): Promise<HarvestRun> {
  await deps.db
    .updateTable('harvest_runs')
    .set({
      ...outcome.counts,
      status: outcome.status,
      complete: outcome.complete ? 1 : 0,
      error: outcome.error ?? null,
      finished_at: deps.now().toISOString(),
    })
    .where('id', '=', id)
    .execute()
  return getHarvestRun(deps.db, id)
}

/** Runs left `running` by a process that died (its lease expired) are marked interrupted. */
export async function markInterrupted(deps: Deps, sourceId: string): Promise<void> {
  await deps.db
    .updateTable('harvest_runs')
    .set({
      status: 'interrupted',
      error: 'the process running it stopped',
      finished_at: deps.now().toISOString(),
    })
    .where('source_id', '=', sourceId)
    .where('status', '=', 'running')
    .execute()
}

export async function getHarvestRun(db: Db, id: string): Promise<HarvestRun> {
  const row = await db.selectFrom('harvest_runs').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('harvest run', id)
  return toRun(row)
}

export async function listHarvestRuns(db: Db, sourceId: string, limit = 20): Promise<HarvestRun[]> {
  const rows = await db
    .selectFrom('harvest_runs')
    .selectAll()
    .where('source_id', '=', sourceId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toRun)
}

export async function addRejections(
  deps: Deps,
  runId: string,
  rejections: { key: string | null; reason: string }[],
): Promise<void> {
  if (rejections.length === 0) return
  const now = deps.now().toISOString()
  await deps.db
    .insertInto('harvest_rejections')
    .values(
      rejections.map((r) => ({
        id: deps.newId(),
        run_id: runId,
        record_key: r.key?.slice(0, 500) ?? null,
        reason: r.reason.slice(0, 2000),
        created_at: now,
      })),
    )
    .execute()
}

export async function listRejections(db: Db, runId: string, limit = 1000): Promise<Rejection[]> {
  const rows = await db
    .selectFrom('harvest_rejections')
    .select(['record_key', 'reason', 'created_at'])
    .where('run_id', '=', runId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ recordKey: r.record_key, reason: r.reason, createdAt: r.created_at }))
}

/** A full pass at least this often, so removals a feed does not report are still seen. */
export const FULL_PASS_DAYS = 7

/**
 * Where an incremental pass may ask for changes since, as long as a full pass succeeded within
 * FULL_PASS_DAYS (otherwise null: a full pass): the upstream's own time when the last successful pass
 * began, for formats that say it; else the day (YYYY-MM-DD) the last successful run started.
 */
export async function incrementalSince(db: Db, sourceId: string, now: Date): Promise<string | null> {
  const recent = new Date(now.getTime() - FULL_PASS_DAYS * 86_400_000).toISOString()
  const full = await db
    .selectFrom('harvest_runs')
    .select('started_at')
    .where('source_id', '=', sourceId)
    .where('status', '=', 'succeeded')
    .where('complete', '=', 1)
    .where('started_at', '>=', recent)
    .executeTakeFirst()
  if (!full) return null
  const upstream = await db
    .selectFrom('sources')
    .select('upstream_since')
    .where('id', '=', sourceId)
    .executeTakeFirst()
  if (upstream?.upstream_since) return upstream.upstream_since
  const last = await db
    .selectFrom('harvest_runs')
    .select('started_at')
    .where('source_id', '=', sourceId)
    .where('status', '=', 'succeeded')
    .orderBy('started_at', 'desc')
    .executeTakeFirst()
  return last ? last.started_at.slice(0, 10) : null
}

function toRun(row: HarvestRunRow): HarvestRun {
  const duration = row.finished_at ? Date.parse(row.finished_at) - Date.parse(row.started_at) : null
  return {
    id: row.id,
    sourceId: row.source_id,
    generation: row.generation,
    status: HarvestRunStatus.parse(row.status),
    complete: Number(row.complete) === 1,
    seen: row.seen,
    added: row.added,
    updated: row.updated,
    unchanged: row.unchanged,
    withdrawn: row.withdrawn,
    rejected: row.rejected,
    error: row.error,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: duration,
  }
}
