// npm run bench:publish — does publishing hold memory flat as the catalog grows? For each catalog size
// a fresh SQLite database gets that many synthetic multilingual courses (with listings, runs,
// institutions and ISCED-F subjects); then, for each walk (bench/publish/walks.ts), the real app is
// started in a child process and the whole catalog is read over HTTP while the server's memory is
// measured (bench/publish/measure.ts).
//
// Every size serves the same work: the server walks a smaller catalog as many times as it takes to
// serve as many records as one walk of the largest (10,000 courses ten times against 100,000 once).
// Peak RSS counts garbage that V8 has not collected yet, and how much of it V8 lets pile up depends
// on how long it has been allocating, not on what the process holds: a 10,000-course walk alone ends
// before V8's first full collection. With equal work, the only difference left between the sizes is
// the catalog. Each measurement runs BENCH_RUNS times (default 3; sizes and walks interleaved, a fresh
// server each time) and the median peak is compared. The baseline is the first size.
//
// The server runs with a heap limit an operator would give a publishing node (BENCH_SERVER_FLAGS,
// default --max-old-space-size=512). With Node's default limit on a large machine (4 GB here), V8 may
// let garbage pile up to four times the live heap before it collects, and whether it does changes
// from run to run: peak RSS then jumps between two levels (about 220 and 310 MB) at any catalog size,
// which hides what the catalog does. BENCH_SERVER_FLAGS= (empty) measures that default.
// BENCH_SIZES (default 10000,100000), BENCH_RUNS, BENCH_TIMEOUT_SECONDS (per measurement, default 900).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { measure, type Measurement } from './publish/measure.ts'
import { WALKS } from './publish/walks.ts'

const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number)
const runs = Number(process.env.BENCH_RUNS ?? 3)
const timeoutSeconds = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 900)
const nodeFlags = (process.env.BENCH_SERVER_FLAGS ?? '--max-old-space-size=512').split(/\s+/).filter(Boolean)
if (sizes.some((s) => !Number.isInteger(s) || s < 1) || !Number.isInteger(runs) || runs < 1)
  throw new Error(
    'BENCH_SIZES must be positive whole numbers separated by commas, BENCH_RUNS a positive whole number',
  )
/** Growing less than this from the baseline size (or shrinking) counts as flat. */
const FLAT = 0.15
const here = path.dirname(new URL(import.meta.url).pathname)
const largest = Math.max(...sizes)
const passesFor = (size: number) => Math.ceil(largest / size)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moocx-bench-publish-'))
const measured = new Map<string, Measurement[]>()
const key = (size: number, walk: string) => `${size} ${walk}`
try {
  const files = new Map<number, string>()
  for (const size of sizes) {
    const file = path.join(dir, `${size}.sqlite`)
    process.stderr.write(`${size.toLocaleString('en')} courses: writing the catalog…\n`)
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'publish', 'make-catalog.ts'), file, String(size)],
      { encoding: 'utf8' },
    )
    const made = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { courses: number; seconds: number }
    process.stderr.write(`  ${made.courses} courses in ${made.seconds.toFixed(1)} s\n`)
    files.set(size, file)
  }
  for (let run = 1; run <= runs; run++) {
    for (const walk of WALKS) {
      for (const size of sizes) {
        const passes = passesFor(size)
        process.stderr.write(
          `run ${run}/${runs}: ${walk.name}, ${size.toLocaleString('en')} courses × ${passes}…\n`,
        )
        const m = await measure(files.get(size) ?? '', walk, passes, { timeoutSeconds, nodeFlags })
        if (m.records !== size * passes)
          process.stderr.write(`  warning: ${m.records} records, expected ${size * passes}\n`)
        measured.set(key(size, walk.name), [...(measured.get(key(size, walk.name)) ?? []), m])
      }
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2
}
interface Row {
  size: number
  walk: string
  passes: number
  records: number
  seconds: number
  idleMb: number
  peakMb: number
  peaks: number[]
  heapMb: number
  /** The median over the runs of each run's largest live heap; 0 when V8 needed no full collection. */
  liveHeapMb: number
}
const rows: Row[] = WALKS.flatMap((walk) =>
  sizes.map((size) => {
    const ms = measured.get(key(size, walk.name)) ?? []
    return {
      size,
      walk: walk.name,
      passes: passesFor(size),
      records: median(ms.map((m) => m.records)),
      seconds: median(ms.map((m) => m.seconds)),
      idleMb: median(ms.map((m) => m.idleMb)),
      peakMb: median(ms.map((m) => m.peakMb)),
      peaks: ms.map((m) => m.peakMb),
      heapMb: median(ms.map((m) => m.heapMb)),
      liveHeapMb: median(ms.map((m) => m.liveHeapMb)),
    }
  }),
)

const baseline = (walk: string) => rows.find((r) => r.walk === walk && r.size === sizes[0])
const versus = `vs ${sizes[0]?.toLocaleString('en')}`
/** The change from the baseline size of the same walk, and whether it is flat. */
function verdict(r: Row, value: (r: Row) => number): string {
  const base = baseline(r.walk)
  if (!base || r.size === base.size) return 'baseline'
  // A live heap of 0: V8 needed no full collection in those runs, so there is nothing to compare.
  if (value(base) === 0 || value(r) === 0) return '–'
  const growth = (value(r) - value(base)) / value(base)
  return `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} % ${growth < FLAT ? 'flat' : 'GROWS'}`
}
const table = [
  [
    'courses',
    'walk',
    'passes',
    'records',
    'seconds',
    'records/s',
    'idle RSS MB',
    'peak RSS MB (runs)',
    versus,
    'V8 heap MB',
    'live heap MB',
    versus,
  ],
  ...rows.map((r) => [
    r.size.toLocaleString('en'),
    r.walk,
    String(r.passes),
    r.records.toLocaleString('en'),
    r.seconds.toFixed(1),
    Math.round(r.records / r.seconds).toLocaleString('en'),
    r.idleMb.toFixed(0),
    `${r.peakMb.toFixed(0)} (${r.peaks.map((p) => p.toFixed(0)).join(' ')})`,
    verdict(r, (x) => x.peakMb),
    r.heapMb.toFixed(0),
    r.liveHeapMb === 0 ? 'no full GC' : r.liveHeapMb.toFixed(0),
    verdict(r, (x) => x.liveHeapMb),
  ]),
]
const widths = table[0]?.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length))) ?? []
const line = (r: string[]) =>
  `| ${r.map((c, i) => (i === 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`
console.log(
  `\nPublishing benchmark: whole-catalog walks over HTTP, server in its own process on SQLite (node ${nodeFlags.join(' ') || 'with default flags'}), ${runs} run(s) each (${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version})\n`,
)
console.log(line(table[0] ?? []))
console.log(`|${widths.map((w, i) => (i === 1 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`)
for (const r of table.slice(1)) console.log(line(r))
console.log(
  `\nEvery row serves ${largest.toLocaleString('en')} records: a catalog of each size is walked "passes" times. Every figure is the median of the runs (each run's peak RSS in brackets). Flat: the median peak within ${FLAT * 100} % of the ${sizes[0]?.toLocaleString('en')}-course catalog's for the same walk. Peak RSS is the server's VmHWM; V8 heap is the most V8 reserved for its heap; live heap is the largest heap left right after one of V8's own full collections.`,
)
