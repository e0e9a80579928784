// All SQL about sources: registry, the lease that keeps one run per source at a time (also across
// processes), the resume cursor and the failure count.
import { z } from 'zod'
import type { Db, SourceRow } from '../db/schema.ts'
import { findPlatform } from '../institutions/platform-repository.ts'
import type { Deps } from '../shared/deps.ts'
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.ts'
import {
  Cursor,
  MAX_FAILURES,
  OrgMap,
  SourceFormat,
  SourceStatus,
  type Source,
  type SourceCreate,
  type SourceUpdate,
} from './source.ts'

export async function listSources(
  db: Db,
  filter: { platformIds?: readonly string[] } = {},
): Promise<Source[]> {
  if (filter.platformIds?.length === 0) return []
  let query = db.selectFrom('sources').selectAll()
  if (filter.platformIds) query = query.where('platform_id', 'in', [...filter.platformIds])
  return (await query.orderBy('id').execute()).map(toSource)
}

export async function getSource(db: Db, id: string): Promise<Source> {
  const row = await db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('source', id)
  return toSource(row)
}

/** Credentials are kept out of Source; only the harvester asks for them. */
export async function sourceCredentials(db: Db, id: string): Promise<Record<string, string>> {
  const row = await db.selectFrom('sources').select('credentials').where('id', '=', id).executeTakeFirst()
  return row?.credentials ? z.record(z.string(), z.string()).parse(JSON.parse(row.credentials)) : {}
}

export async function createSource(deps: Deps, input: SourceCreate): Promise<Source> {
  if (!(await findPlatform(deps.db, input.platformId))) {
    throw new ValidationError([
      { field: 'body.platformId', message: `no platform with id "${input.platformId}"` },
    ])
  }
  await assertInstitutions(deps.db, input.orgMap)
  const id =
    input.id ??
    `${input.platformId}-${input.format}-${deps.newId().slice(0, 8)}`
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-')
  if (await deps.db.selectFrom('sources').select('id').where('id', '=', id).executeTakeFirst()) {
    throw new ConflictError(`A source with id "${id}" already exists.`, 'body.id')
  }
  const now = deps.now().toISOString()
  await deps.db
    .insertInto('sources')
    .values({
      id,
      platform_id: input.platformId,
      format: input.format,
      base_url: input.baseUrl,
      default_language: input.defaultLanguage ?? null,
      credentials: input.credentials ? JSON.stringify(input.credentials) : null,
      schedule_minutes: input.scheduleMinutes ?? null,
      org_map: JSON.stringify(input.orgMap),
      rate_per_minute: input.ratePerMinute,
      status: 'active',
      failures: 0,
      paused_reason: null,
      lease_holder: null,
      lease_until: null,
      cursor: null,
      last_run_at: null,
      next_run_at: input.scheduleMinutes ? now : null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  return getSource(deps.db, id)
}

export async function updateSource(deps: Deps, id: string, patch: SourceUpdate): Promise<Source> {
  const current = await getSource(deps.db, id)
  if (patch.orgMap) await assertInstitutions(deps.db, patch.orgMap)
  const resuming = patch.status === 'active' && current.status === 'paused'
  await deps.db
    .updateTable('sources')
    .set({
      // Another endpoint's clock says nothing about this one.
      ...(patch.baseUrl !== undefined && { base_url: patch.baseUrl, upstream_since: null }),
      ...(patch.defaultLanguage !== undefined && { default_language: patch.defaultLanguage }),
      ...(patch.credentials !== undefined && {
        credentials: patch.credentials ? JSON.stringify(patch.credentials) : null,
      }),
      ...(patch.scheduleMinutes !== undefined && { schedule_minutes: patch.scheduleMinutes }),
      ...(patch.orgMap !== undefined && { org_map: JSON.stringify(patch.orgMap) }),
      ...(patch.ratePerMinute !== undefined && { rate_per_minute: patch.ratePerMinute }),
      ...(patch.status !== undefined && { status: patch.status }),
      ...(patch.status === 'paused' && { paused_reason: 'paused by an administrator' }),
      ...(resuming && { failures: 0, paused_reason: null }),
      updated_at: deps.now().toISOString(),
    })
    .where('id', '=', id)
    .execute()
  return getSource(deps.db, id)
}

/**
 * Takes the source's lease for `holder` until `until` if nobody holds a live one. A single
 * conditional UPDATE, so two processes (or two PostgreSQL workers) can never both win.
 */
export async function acquireLease(
  db: Db,
  id: string,
  holder: string,
  now: string,
  until: string,
): Promise<boolean> {
  const result = await db
    .updateTable('sources')
    .set({ lease_holder: holder, lease_until: until })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function renewLease(db: Db, id: string, holder: string, until: string): Promise<void> {
  await db
    .updateTable('sources')
    .set({ lease_until: until })
    .where('id', '=', id)
    .where('lease_holder', '=', holder)
    .execute()
}

export async function releaseLease(db: Db, id: string, holder: string): Promise<void> {
  await db
    .updateTable('sources')
    .set({ lease_holder: null, lease_until: null })
    .where('id', '=', id)
    .where('lease_holder', '=', holder)
    .execute()
}

export async function readCursor(db: Db, id: string): Promise<Cursor | undefined> {
  const row = await db.selectFrom('sources').select('cursor').where('id', '=', id).executeTakeFirst()
  if (!row?.cursor) return undefined
  const parsed = Cursor.safeParse(JSON.parse(row.cursor))
  return parsed.success ? parsed.data : undefined
}

export async function saveCursor(db: Db, id: string, cursor: Cursor | null): Promise<void> {
  await db
    .updateTable('sources')
    .set({ cursor: cursor ? JSON.stringify(cursor) : null })
    .where('id', '=', id)
    .execute()
}

/** The upstream's time when the last successful pass began: where the next incremental pass starts. */
export async function saveUpstreamSince(db: Db, id: string, date: string): Promise<void> {
  await db.updateTable('sources').set({ upstream_since: date }).where('id', '=', id).execute()
}

/** Records how a run ended: resets or counts failures, pauses a source that keeps failing. */
export async function recordOutcome(
  db: Db,
  source: Source,
  ok: boolean,
  now: Date,
  error?: string,
): Promise<void> {
  const failures = ok ? 0 : source.failures + 1
  const pause = failures >= MAX_FAILURES
  const next = source.scheduleMinutes
    ? new Date(now.getTime() + source.scheduleMinutes * 60_000).toISOString()
    : null
  await db
    .updateTable('sources')
    .set({
      failures,
      last_run_at: now.toISOString(),
      next_run_at: next,
      ...(pause && {
        status: 'paused',
        paused_reason: `paused after ${failures} failed runs in a row; last error: ${error ?? 'unknown'}`,
      }),
    })
    .where('id', '=', source.id)
    .execute()
}

/** Active sources whose scheduled time has come. */
export async function dueSources(db: Db, now: string): Promise<Source[]> {
  const rows = await db
    .selectFrom('sources')
    .selectAll()
    .where('status', '=', 'active')
    .where('next_run_at', 'is not', null)
    .where('next_run_at', '<=', now)
    .orderBy('next_run_at')
    .execute()
  return rows.map(toSource)
}

async function assertInstitutions(db: Db, orgMap: OrgMap): Promise<void> {
  const ids = [...new Set(Object.values(orgMap))]
  if (ids.length === 0) return
  const found = new Set(
    (await db.selectFrom('institutions').select('id').where('id', 'in', ids).execute()).map((r) => r.id),
  )
  const problems = Object.entries(orgMap)
    .filter(([, id]) => !found.has(id))
    .map(([code, id]) => ({ field: `body.orgMap.${code}`, message: `no institution with id "${id}"` }))
  if (problems.length > 0) throw new ValidationError(problems)
}

function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    platformId: row.platform_id,
    format: SourceFormat.parse(row.format),
    baseUrl: row.base_url,
    defaultLanguage: row.default_language,
    hasCredentials: row.credentials !== null,
    scheduleMinutes: row.schedule_minutes,
    orgMap: OrgMap.parse(JSON.parse(row.org_map)),
    ratePerMinute: row.rate_per_minute,
    status: SourceStatus.parse(row.status),
    failures: row.failures,
    pausedReason: row.paused_reason,
    lastRunAt: row.last_run_at,
    nextRunAt: row.next_run_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Asks the worker to harvest the source as soon as it can. */
export async function requestRun(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('sources').set({ next_run_at: now }).where('id', '=', id).execute()
}
