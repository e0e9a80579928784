// npm run bench:publish — does publishing hold memory flat as the catalog grows? For each catalog size
// a fresh SQLite database gets that many synthetic multilingual courses (with listings, runs,
// institutions and ISCED-F subjects); then, for each walk (bench/publish/walks.ts), the real app is
// started in a child process on 127.0.0.1 and the whole catalog is read over HTTP while the server's
// RSS is sampled from /proc/<pid>/status every 50 ms; its peak is the kernel's VmHWM (which also
// catches spikes between samples). One server per walk, so each peak is that walk's own; the client
// runs in this process, so its memory is not counted. The baseline is the first size (10,000).
// The live heap after V8's own full collections is reported beside RSS, which also counts garbage not yet
// collected. BENCH_SIZES (default 10000,100000), BENCH_TIMEOUT_SECONDS (per walk, default 900).
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { WALKS } from './publish/walks.ts'

const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number)
const timeoutSeconds = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 900)
/** Growing less than this from the baseline size (or shrinking) counts as flat. */
const FLAT = 0.15
const here = path.dirname(new URL(import.meta.url).pathname)
const tsx = ['--import', 'tsx']

interface Row {
  size: number
  walk: string
  records: number
  seconds: number
  idleMb: number
  peakMb: number
  /** The largest live heap right after a full collection during the server's life (serve.ts). */
  liveHeapMb: number
}

/** VmRSS and VmHWM of a process, in MB. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 }
}

async function measure(file: string, size: number, walk: (typeof WALKS)[number]): Promise<Row> {
  const server = spawn(process.execPath, [...tsx, path.join(here, 'publish', 'serve.ts'), file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise((resolve) => server.on('exit', resolve))
  let out = ''
  server.stdout.on('data', (d: Buffer) => (out += d.toString()))
  const killer = setTimeout(() => server.kill('SIGKILL'), timeoutSeconds * 1000)
  try {
    const url = await new Promise<string>((resolve, reject) => {
      server.stdout.once('data', (d: Buffer) => resolve(d.toString().split('\n')[0] ?? ''))
      server.once('exit', (code) => reject(new Error(`the server exited (${code}) before it served`)))
    })
    const pid = server.pid ?? 0
    const idleMb = memoryOf(pid).rss
    let sampled = idleMb
    const sampler = setInterval(() => (sampled = Math.max(sampled, memoryOf(pid).rss)), 50)
    const started = performance.now()
    const records = await walk.run(url).finally(() => clearInterval(sampler))
    const seconds = (performance.now() - started) / 1000
    const peakMb = Math.max(sampled, memoryOf(pid).hwm)
    server.kill('SIGTERM')
    await exited
    const { liveHeapMb } = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { liveHeapMb: number }
    return { size, walk: walk.name, records, seconds, idleMb, peakMb, liveHeapMb }
  } finally {
    clearTimeout(killer)
    server.kill('SIGTERM')
    await exited
  }
}

const rows: Row[] = []
for (const size of sizes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moocx-bench-publish-'))
  const file = path.join(dir, 'bench.sqlite')
  try {
    process.stderr.write(`${size.toLocaleString('en')} courses: writing the catalog…\n`)
    const made = JSON.parse(
      execFileSync(
        process.execPath,
        [...tsx, path.join(here, 'publish', 'make-catalog.ts'), file, String(size)],
        {
          encoding: 'utf8',
        },
      )
        .trim()
        .split('\n')
        .at(-1) ?? '{}',
    ) as { courses: number; seconds: number }
    process.stderr.write(`  ${made.courses} courses in ${made.seconds.toFixed(1)} s\n`)
    for (const walk of WALKS) {
      process.stderr.write(`  ${walk.name}…\n`)
      const row = await measure(file, size, walk)
      if (row.records !== size) process.stderr.write(`  warning: ${row.records} records, expected ${size}\n`)
      rows.push(row)
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const baseline = (walk: string) => rows.find((r) => r.walk === walk && r.size === sizes[0])
const versus = `vs ${sizes[0]?.toLocaleString('en')}`
/** The change from the baseline size of the same walk, and whether it is flat. */
function verdict(r: Row, value: (r: Row) => number): string {
  const base = baseline(r.walk)
  if (!base || r.size === base.size) return 'baseline'
  // A live heap of 0: V8 needed no full collection in that run, so there is nothing to compare.
  if (value(base) === 0 || value(r) === 0) return '–'
  const growth = (value(r) - value(base)) / value(base)
  return `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} % ${growth < FLAT ? 'flat' : 'GROWS'}`
}
const table = [
  [
    'courses',
    'walk',
    'records',
    'seconds',
    'records/s',
    'idle RSS MB',
    'peak RSS MB',
    versus,
    'live heap MB',
    versus,
  ],
  ...rows.map((r) => [
    r.size.toLocaleString('en'),
    r.walk,
    r.records.toLocaleString('en'),
    r.seconds.toFixed(1),
    Math.round(r.records / r.seconds).toLocaleString('en'),
    r.idleMb.toFixed(0),
    r.peakMb.toFixed(0),
    verdict(r, (x) => x.peakMb),
    r.liveHeapMb === 0 ? 'no full GC' : r.liveHeapMb.toFixed(0),
    verdict(r, (x) => x.liveHeapMb),
  ]),
]
const widths = table[0]?.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length))) ?? []
const line = (r: string[]) =>
  `| ${r.map((c, i) => (i === 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`
console.log(
  `\nPublishing benchmark: whole-catalog walks over HTTP, server in its own process on SQLite (${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version})\n`,
)
console.log(line(table[0] ?? []))
console.log(`|${widths.map((w, i) => (i === 1 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`)
for (const r of table.slice(1)) console.log(line(r))
console.log(
  `\nFlat: within ${FLAT * 100} % of the ${sizes[0]?.toLocaleString('en')}-course run of the same walk. Peak RSS is the server's VmHWM; live heap is the largest heap left right after one of V8's own full collections.`,
)
