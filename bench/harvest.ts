// npm run bench:harvest — harvests a 100,000-course fake Open edX LMS into SQLite and PostgreSQL
// and prints courses/s for the first harvest and an unchanged re-harvest, and peak RSS, beside a
// baseline that only fetches and parses (so the cost of moocx's own work is visible).
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

const COUNT = Number(process.env.BENCH_COURSES ?? 100_000)
const here = path.dirname(new URL(import.meta.url).pathname)
const tsx = ['--import', 'tsx']

const server = spawn(process.execPath, [...tsx, path.join(here, 'fake-lms-server.ts'), String(COUNT)], {
  stdio: ['ignore', 'pipe', 'inherit'],
})
const url = await new Promise<string>((resolve) =>
  server.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())),
)

function measure(
  mode: string,
  db = '',
  sourceId = 'bench-lms',
): { records: number; seconds: number; maxRssMb: number } {
  const out = execFileSync(
    process.execPath,
    [...tsx, path.join(here, 'harvest-measure.ts'), mode, url, db, sourceId],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  )
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}')
}

const rows: string[][] = []
const row = (name: string, m: { records: number; seconds: number; maxRssMb: number }) =>
  rows.push([
    name,
    String(m.records),
    m.seconds.toFixed(1),
    Math.round(m.records / m.seconds).toLocaleString('en'),
    m.maxRssMb.toFixed(0),
  ])

row('baseline: fetch + parse only', measure('baseline'))

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moocx-bench-'))
const sqlite = `sqlite:${path.join(dir, 'bench.sqlite')}`
row('SQLite: first harvest', measure('harvest', sqlite))
row('SQLite: unchanged re-harvest', measure('harvest', sqlite))

const schema = `bench_${Date.now()}`
const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' })
await client.connect()
await client.query(`CREATE SCHEMA ${schema}`)
try {
  row('PostgreSQL: first harvest', measure('harvest', `postgres:${schema}`))
  row('PostgreSQL: unchanged re-harvest', measure('harvest', `postgres:${schema}`))
} finally {
  await client.query(`DROP SCHEMA ${schema} CASCADE`)
  await client.end()
  server.kill('SIGTERM')
  fs.rmSync(dir, { recursive: true, force: true })
}

const header = ['measurement', 'courses', 'seconds', 'courses/s', 'peak RSS MB']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
const line = (r: string[]) =>
  `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`
console.log(
  `\nHarvest benchmark: ${COUNT.toLocaleString('en')} Open edX course runs from a local fake LMS (${os.cpus().length} cores, Node ${process.version})\n`,
)
console.log(line(header))
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`)
for (const r of rows) console.log(line(r))
console.log(
  '\nTargets (SQLite): first harvest >= 5,000 courses/s; unchanged re-harvest >= 20,000 courses/s; peak RSS < 400 MB.',
)
