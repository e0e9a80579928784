// `moocx sources add|list`, `moocx harvest <source-id>` and `moocx worker`.
import type { Config } from '../config.ts'
import { migrateToLatest, openDatabase } from '../db/database.ts'
import type { Db } from '../db/schema.ts'
import { processHarvestDeps } from '../harvest/harvest-deps.ts'
import { harvestSource } from '../harvest/harvest-source.ts'
import { SourceCreate, type HarvestRun, type Source } from '../harvest/source.ts'
import { createSource, listSources } from '../harvest/source-repository.ts'
import { startWorker } from '../harvest/worker.ts'
import { systemDeps } from '../shared/deps.ts'
import { ValidationError } from '../shared/errors.ts'
import { createLogger } from '../shared/logger.ts'
import { issuesToDetails } from '../shared/zod-issues.ts'
import { parseOptions } from './args.ts'
import { table } from './table.ts'

const OPTION_OF: Record<string, string> = {
  id: '--id',
  platformId: '--platform',
  format: '--format',
  baseUrl: '--url',
  orgMap: '--org',
  defaultLanguage: '--language',
  scheduleMinutes: '--schedule',
  ratePerMinute: '--rate',
}

export async function sourcesCommand(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    id: { type: 'string' },
    platform: { type: 'string' },
    format: { type: 'string' },
    url: { type: 'string' },
    org: { type: 'string', multiple: true },
    language: { type: 'string' },
    schedule: { type: 'string' },
    rate: { type: 'string' },
    json: { type: 'boolean' },
  })
  return withDb(config, async (db) => {
    const [action] = positionals
    if (action === 'list') {
      const sources = await listSources(db)
      process.stdout.write(values.json ? `${JSON.stringify(sources, null, 2)}\n` : sourcesTable(sources))
      return 0
    }
    if (action !== 'add')
      throw new ValidationError([{ field: 'argv', message: 'use "sources add ..." or "sources list"' }])
    const parsed = SourceCreate.safeParse({
      ...(values.id && { id: values.id }),
      platformId: values.platform,
      format: values.format,
      baseUrl: values.url,
      orgMap: Object.fromEntries((values.org ?? []).map((pair) => pair.split('=', 2))),
      ...(values.language && { defaultLanguage: values.language }),
      ...(values.schedule && { scheduleMinutes: Number(values.schedule) }),
      ...(values.rate && { ratePerMinute: Number(values.rate) }),
    })
    if (!parsed.success) {
      throw new ValidationError(
        issuesToDetails('', parsed.error.issues).map((d) => ({
          ...d,
          field: OPTION_OF[d.field.split('.')[0] ?? ''] ?? d.field,
        })),
      )
    }
    const source = await createSource(systemDeps(db), parsed.data)
    process.stdout.write(values.json ? `${JSON.stringify(source, null, 2)}\n` : `${source.id}\n`)
    return 0
  })
}

export async function harvestCommand(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { json: { type: 'boolean' } })
  const [sourceId] = positionals
  if (!sourceId)
    throw new ValidationError([
      { field: 'argv', message: 'name the source to harvest: moocx harvest <source-id>' },
    ])
  return withDb(config, async (db) => {
    const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, (l) =>
      process.stderr.write(l),
    )
    const deps = processHarvestDeps(systemDeps(db), logger, config.publicUrl)
    const tty = process.stderr.isTTY
    const run = await harvestSource(
      {
        ...deps,
        onPage: ({ counts, url }) => {
          const line = `harvesting ${sourceId}: ${counts.seen} seen, ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.rejected} rejected`
          process.stderr.write(tty ? `\r\x1b[K${line}` : `${line} (${url})\n`)
        },
      },
      sourceId,
    )
    if (tty) process.stderr.write('\n')
    process.stdout.write(values.json ? `${JSON.stringify(run, null, 2)}\n` : runSummary(run))
    return run.status === 'succeeded' ? 0 : 1
  })
}

export async function workerCommand(config: Config): Promise<number> {
  const logger = createLogger(config.logLevel)
  const db = openDatabase(config.database)
  await migrateToLatest(db, config.database)
  const worker = startWorker(processHarvestDeps(systemDeps(db), logger, config.publicUrl))
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', () => resolve())
    process.once('SIGINT', () => resolve())
  })
  logger.info('worker stopping')
  await worker.stop()
  await db.destroy()
  return 0
}

function runSummary(run: HarvestRun): string {
  const rows = [
    ['run', run.id],
    ['status', run.status],
    ['complete', run.complete ? 'yes' : 'no'],
    ['seen', String(run.seen)],
    ['added', String(run.added)],
    ['updated', String(run.updated)],
    ['unchanged', String(run.unchanged)],
    ['withdrawn', String(run.withdrawn)],
    ['rejected', String(run.rejected)],
    ['duration', run.durationMs === null ? '-' : `${(run.durationMs / 1000).toFixed(1)} s`],
    ...(run.error ? [['error', run.error]] : []),
  ]
  return table(['', ''], rows)
}

function sourcesTable(sources: Source[]): string {
  if (sources.length === 0)
    return 'No sources yet. Add one with: moocx sources add --platform <id> --format <format> --url <url>\n'
  return table(
    ['id', 'platform', 'format', 'status', 'last run', 'url'],
    sources.map((s) => [s.id, s.platformId, s.format, s.status, s.lastRunAt ?? '-', s.baseUrl]),
  )
}

async function withDb(config: Config, work: (db: Db) => Promise<number>): Promise<number> {
  const db = openDatabase(config.database)
  try {
    await migrateToLatest(db, config.database)
    return await work(db)
  } finally {
    await db.destroy()
  }
}
