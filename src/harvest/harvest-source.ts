// Harvests one source: take its lease, fetch pages from where the last pass stopped, parse and
// save records page by page (saving the cursor after each), withdraw what a complete pass did not
// see, and record the run. Upstream failures end the run with a reason; they never throw.
import { withdrawUnseen } from '../catalog/harvested-course-repository.ts'
import type { Database } from '../db/schema.ts'
import { refreshStatistics } from '../db/statistics.ts'
import type { Deps } from '../shared/deps.ts'
import { ConflictError } from '../shared/errors.ts'
import type { Logger } from '../shared/logger.ts'
import { fetchText, UpstreamError, type FetchDeps, type FetchPolicy } from './fetcher.ts'
import { connectorFor } from './formats/index.ts'
import { PageError, type Connector, type FetchedPage, type ParseContext } from './formats/connector.ts'
import { describe, isPermanent } from './harvest-failure.ts'
import type { HarvestRecord, Rejected } from './harvest-record.ts'
import { fetchLinked } from './linked-pages.ts'
import { parseContext } from './parse-context.ts'
import { savePage, withdrawRecords } from './harvest-record-repository.ts'
import {
  addRejections,
  finishRun,
  incrementalSince,
  markInterrupted,
  saveRunCounts,
  startRun,
  zeroCounts,
  type RunCounts,
} from './harvest-run-repository.ts'
import { createRateLimiter } from './rate-limiter.ts'
import type { HarvestRun, PageRequest, Source } from './source.ts'
import {
  acquireLease,
  getSource,
  readCursor,
  recordOutcome,
  releaseLease,
  renewLease,
  saveCursor,
  saveUpstreamSince,
  sourceCredentials,
} from './source-repository.ts'

const HARVESTED_TABLES: (keyof Database)[] = [
  'harvest_records',
  'listings',
  'courses',
  'runs',
  'course_institutions',
  'course_subjects',
]

export interface HarvestDeps extends Deps {
  http: Omit<FetchDeps, 'limiter'>
  policy: FetchPolicy
  logger: Logger
  /** Who holds the lease: unique per process. */
  holder: string
  /** How long a lease lasts without renewal; a crashed process's lease expires after this. */
  leaseMs?: number
  onPage?: (progress: { runId: string; counts: RunCounts; url: string }) => void
}

interface Pass {
  runId: string
  generation: string
  counts: RunCounts
  /** Whether the pass covers the whole feed (saved with the cursor). */
  full?: boolean
  /** The upstream's time when the pass began, if its pages say it (saved with the cursor). */
  upstreamDate?: string | undefined
}

export async function harvestSource(deps: HarvestDeps, sourceId: string): Promise<HarvestRun> {
  const source = await getSource(deps.db, sourceId)
  const connector = connectorFor(source.format)
  const leaseMs = deps.leaseMs ?? 10 * 60_000
  const now = deps.now()
  const won = await acquireLease(
    deps.db,
    source.id,
    deps.holder,
    now.toISOString(),
    new Date(now.getTime() + leaseMs).toISOString(),
  )
  if (!won) throw new ConflictError(`A harvest of source "${source.id}" is already running.`, 'source')
  try {
    await markInterrupted(deps, source.id)
    const cursor = await readCursor(deps.db, source.id)
    const runId = deps.newId()
    const pass: Pass = {
      runId,
      generation: cursor?.generation ?? runId,
      counts: zeroCounts(),
      upstreamDate: cursor?.upstreamDate,
    }
    await startRun(deps, source.id, runId, pass.generation)
    try {
      const first =
        cursor?.next ?? connector.firstPage(source, await incrementalSince(deps.db, source.id, deps.now()))
      const full = cursor ? cursor.full : (connector.isFullPass?.(first) ?? true)
      pass.full = full
      await walk(deps, source, connector, pass, first, leaseMs)
      if (pass.upstreamDate) await saveUpstreamSince(deps.db, source.id, pass.upstreamDate)
      if (full) {
        const now = deps.now().toISOString()
        pass.counts.withdrawn += await withdrawUnseen(deps.db, source.id, pass.generation, now)
      }
      await recordOutcome(deps.db, source, true, deps.now())
      return await finishRun(deps, runId, { status: 'succeeded', complete: full, counts: pass.counts })
    } catch (error) {
      // A saved position the upstream no longer accepts (an expired OAI-PMH resumption token, a
      // page that is gone) would fail every later run: drop it so the next run starts a new pass.
      const staleCursor = cursor && pass.counts.seen === 0 && isPermanent(error)
      if (staleCursor) await saveCursor(deps.db, source.id, null)
      const reason = `${describe(error)}${staleCursor ? ' (the saved position was dropped; the next run starts a new pass)' : ''}`
      if (!(error instanceof UpstreamError || error instanceof PageError))
        deps.logger.error('harvest failed', { source: source.id, err: error })
      await recordOutcome(deps.db, source, false, deps.now(), reason)
      return await finishRun(deps, runId, {
        status: 'failed',
        complete: false,
        counts: pass.counts,
        error: reason,
      })
    }
  } finally {
    await releaseLease(deps.db, source.id, deps.holder)
  }
}

async function walk(
  deps: HarvestDeps,
  source: Source,
  connector: Connector,
  pass: Pass,
  first: PageRequest,
  leaseMs: number,
) {
  const ctx = await parseContext(deps.db, source)
  const limiter = createRateLimiter({
    perMinute: source.ratePerMinute,
    now: () => deps.now().getTime(),
    sleep: deps.http.sleep,
  })
  const visited = new Set<string>()
  const http = { ...deps.http, limiter }
  const send = (request: PageRequest, headers: Record<string, string>) =>
    fetchText(
      http,
      request.url,
      { method: request.method, headers, ...(request.body !== undefined && { body: request.body }) },
      deps.policy,
    )
  const auth = connector.authorize
    ? await connector.authorize({
        source,
        credentials: await sourceCredentials(deps.db, source.id),
        fetch: (request) => send(request, { ...connector.headers, ...request.headers }),
      })
    : {}
  const headers = { ...connector.headers, ...auth }
  const fetchPage = (request: PageRequest) => {
    const fingerprint = `${request.method} ${request.url} ${request.body ?? ''} ${request.state ?? ''}`
    if (visited.has(fingerprint)) {
      return Promise.reject(
        new PageError(`the feed links back to a page it already gave (${request.url}); stopped`),
      )
    }
    visited.add(fingerprint)
    return send(request, headers)
  }
  let request: PageRequest | null = first
  let pending: Promise<FetchedPage> | null = fetchPage(first)
  let pages = 0
  while (pending && request) {
    const page: FetchedPage = await pending
    const content = connector.readPage({ url: page.url, text: page.text }, source, request)
    const next: PageRequest | null = content.next
    pass.upstreamDate ??= content.upstreamDate
    // Fetch the next page while this one is parsed and saved; its failure surfaces when awaited.
    // The same resource at a new position (further into a long sitemap) is read from this text.
    pending = next ? (sameResource(next, request) ? Promise.resolve(page) : fetchPage(next)) : null
    pending?.catch(() => undefined)
    request = next
    const linked = connector.linkedPage
      ? await fetchLinked(content.records, connector.linkedPage.bind(connector), (r) => send(r, headers))
      : { records: content.records, rejections: [] }
    const records = { ...linked, rejections: [...(content.rejected ?? []), ...linked.rejections] }
    await savePageContent(deps, source, connector, ctx, pass, records)
    await deps.db.transaction().execute(async (trx) => {
      const upstreamDate = pass.upstreamDate && { upstreamDate: pass.upstreamDate }
      await saveCursor(
        trx,
        source.id,
        next ? { generation: pass.generation, next, full: !!pass.full, ...upstreamDate } : null,
      )
      await saveRunCounts(trx, pass.runId, pass.counts)
      await renewLease(trx, source.id, deps.holder, new Date(deps.now().getTime() + leaseMs).toISOString())
    })
    // While a pass adds rows, statistics after pages 1, 2, 4, 8, ...: tables a first harvest fills
    // must not look empty to the planner (a re-harvest that adds nothing skips this).
    pages++
    if (pass.counts.added > 0 && (pages & (pages - 1)) === 0)
      await refreshStatistics(deps.db, HARVESTED_TABLES)
    deps.onPage?.({ runId: pass.runId, counts: pass.counts, url: page.url })
  }
}

function sameResource(a: PageRequest, b: PageRequest): boolean {
  return a.url === b.url && a.method === b.method && a.body === b.body && a.state !== b.state
}

async function savePageContent(
  deps: HarvestDeps,
  source: Source,
  connector: Connector,
  ctx: ParseContext,
  pass: Pass,
  content: { records: unknown[]; rejections: Rejected[] },
) {
  const records: HarvestRecord[] = []
  const rejections: Rejected[] = [...content.rejections]
  const deletions: string[] = []
  for (const raw of content.records) {
    const result = connector.parseRecord(raw, ctx)
    if ('record' in result) records.push(result.record)
    else if ('deleted' in result) deletions.push(result.deleted)
    else rejections.push(result.rejected)
  }
  const target = { sourceId: source.id, platformId: source.platformId, generation: pass.generation }
  const saved = await savePage(deps, target, records)
  pass.counts.withdrawn += await withdrawRecords(deps, target, deletions)
  rejections.push(...saved.rejected)
  await addRejections(deps, pass.runId, rejections)
  pass.counts.seen += content.records.length + content.rejections.length
  pass.counts.added += saved.added
  pass.counts.updated += saved.updated
  pass.counts.unchanged += saved.unchanged
  pass.counts.rejected += rejections.length
}
