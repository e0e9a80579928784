// One measurement of the search benchmark in a fresh process, so memory is the engine's own:
// build the engine over the generated catalog, warm it up, time every query class.
// Usage: node --expose-gc --import tsx bench/search/measure.ts <engine> <size> [seed] [perClass] [classSeconds]
// Prints one JSON line (Measurement); progress goes to stderr.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateCatalog } from './catalog-generator.ts'
import type { Engine, Query } from './engine.ts'
import { ENGINES } from './engines.ts'
import { buildQueries, classLabel } from './queries.ts'

export interface ClassStats {
  n: number
  p50: number
  p95: number
  p99: number
  /** Share of queries that found nothing. */
  zeroRate: number
}

export interface Measurement {
  engine: string
  size: number
  buildSeconds: number
  rssBytesPerCourse: number
  diskBytesPerCourse: number | null
  classes: Record<string, ClassStats>
}

const [name = '', sizeArg = '2000', seedArg = '1', perClassArg = '200', classSecondsArg = '10'] =
  process.argv.slice(2)

function rss(): number {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  gc?.()
  return process.memoryUsage().rss
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

async function timeClass(engine: Engine, queries: readonly Query[], seconds: number): Promise<ClassStats> {
  const times: number[] = []
  let zero = 0
  const started = performance.now()
  for (const query of queries) {
    const t = performance.now()
    const result = await engine.search(query)
    times.push(performance.now() - t)
    if (result.ids.length === 0) zero++
    if (performance.now() - started > seconds * 1000) break
  }
  times.sort((a, b) => a - b)
  const round = (ms: number) => Math.round(ms * 100) / 100
  return {
    n: times.length,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    zeroRate: times.length ? zero / times.length : 0,
  }
}

async function main(): Promise<void> {
  const entry = ENGINES.find((e) => e.name === name)
  if (!entry) throw new Error(`unknown engine ${name}`)
  const size = Number(sizeArg)
  const seed = Number(seedArg)
  const queries = buildQueries({ perClass: Number(perClassArg), seed: seed + 6 })
  const warmUp = buildQueries({ perClass: 10, seed: seed + 1006 })
  generateCatalog({ size: 1, seed }).next()
  // Word-break dictionaries load on first use: load them before the baseline, as every engine needs them.
  for (const l of ['zh', 'th'])
    Array.from(new Intl.Segmenter(l, { granularity: 'word' }).segment('机器学习การเรียนรู้'))
  const factory = await entry.load()
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `moocx-search-${name}-`))
  const engine = await factory({ workDir })
  try {
    // The catalog is generated before the clock starts: an engine that builds on several threads
    // would otherwise hide generating behind its own work, and have it subtracted all the same.
    const generating = performance.now()
    const catalog = [...generateCatalog({ size, seed })]
    const generated = (performance.now() - generating) / 1000
    const before = rss()
    const started = performance.now()
    await engine.build(catalog.values())
    const buildSeconds = (performance.now() - started) / 1000
    // Measured while the catalog is still held, so the growth is the engine's alone.
    const rssBytesPerCourse = Math.max(0, rss() - before) / Math.max(1, catalog.length)
    // The catalog is garbage now: collected here, not in the middle of the timed queries.
    catalog.length = 0
    rss()
    const disk = engine.diskBytes ? await engine.diskBytes() : null
    process.stderr.write(
      `  ${name} ${size}: built in ${buildSeconds.toFixed(1)} s (catalog generated before, in ${generated.toFixed(1)} s)\n`,
    )
    for (const query of warmUp) await engine.search(query)
    const classes: Record<string, ClassStats> = {}
    for (const label of [...new Set(queries.map(classLabel))]) {
      classes[label] = await timeClass(
        engine,
        queries.filter((q) => classLabel(q) === label),
        Number(classSecondsArg),
      )
    }
    const measurement: Measurement = {
      engine: name,
      size,
      buildSeconds,
      rssBytesPerCourse,
      diskBytesPerCourse: disk === null ? null : disk / size,
      classes,
    }
    process.stdout.write(JSON.stringify(measurement) + '\n')
  } finally {
    await engine.close()
    fs.rmSync(workDir, { recursive: true, force: true })
  }
}

if (import.meta.url === new URL(process.argv[1] ?? '', 'file:').href) await main()
