// The registry of engines `npm run bench:search` measures. To add one, write a file exporting
// `createEngine: EngineFactory` (see engine.ts) and list it here; BENCH_ENGINES picks by name.
import fs from 'node:fs'
import type { EngineFactory } from './engine.ts'

export interface EngineEntry {
  name: string
  /** Why the engine cannot run on this machine (a missing module, no server), or undefined. */
  unavailable?: () => Promise<string | undefined>
  /** Larger catalogs are reported as "not run" with this reason instead of being attempted. */
  maxSize?: { size: number; reason: string }
  load: () => Promise<EngineFactory>
}

export const ENGINES: readonly EngineEntry[] = [
  {
    name: 'moocx',
    unavailable: async () => (exists('./moocx.ts') ? undefined : 'bench/search/moocx.ts is not written yet'),
    load: () => loadOptional('./moocx.ts'),
  },
  { name: 'fts5-naive', load: async () => (await import('./fts5-naive.ts')).createEngine },
  {
    name: 'fts5-best',
    unavailable: async () => analyzerMissing(),
    load: async () => (await import('./fts5-best.ts')).createEngine,
  },
  {
    name: 'postgres-fts',
    unavailable: async () => analyzerMissing() ?? (await postgresMissing()),
    load: async () => (await import('./postgres-fts.ts')).createEngine,
  },
  { name: 'flexsearch', load: async () => (await import('./flexsearch.ts')).createEngine },
]

export const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test'

function exists(relative: string): boolean {
  return fs.existsSync(new URL(relative, import.meta.url))
}

function analyzerMissing(): string | undefined {
  return exists('../../src/search/analysis/analyze.ts')
    ? undefined
    : "moocx's analyzer (src/search/analysis/analyze.ts) has not landed"
}

async function postgresMissing(): Promise<string | undefined> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    return undefined
  } catch (error) {
    return `PostgreSQL at ${POSTGRES_URL} is not reachable (${error instanceof Error ? error.message : String(error)})`
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** An engine whose module may not exist yet loads by URL, so the registry compiles without it. */
async function loadOptional(relative: string): Promise<EngineFactory> {
  const module: { createEngine?: unknown } = await import(new URL(relative, import.meta.url).href)
  if (typeof module.createEngine !== 'function') throw new Error(`${relative} exports no createEngine`)
  return module.createEngine as EngineFactory
}
