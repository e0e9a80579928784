// npm run bench:search — builds every registered search engine (moocx and the baselines) over the same
// synthetic multilingual catalog, each in a fresh process, times the same query classes, and prints
// build time, memory per course and p50/p95/p99 per class side by side, one table per catalog size.
// BENCH_SIZES (default 100000,1000000), BENCH_ENGINES (default: all available), BENCH_QUERIES (per
// class, default 200), BENCH_CLASS_SECONDS (time cap per class, default 10), BENCH_TIMEOUT_SECONDS
// (per engine and size, default 1800), BENCH_SEED (default 1).
import { spawn } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { ENGINES } from './search/engines.ts'
import type { Measurement } from './search/measure.ts'
import { formatTables, type Row } from './search/report.ts'

const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number)
const wanted = process.env.BENCH_ENGINES?.split(',').map((s) => s.trim())
const perClass = process.env.BENCH_QUERIES ?? '200'
const classSeconds = process.env.BENCH_CLASS_SECONDS ?? '10'
const timeoutSeconds = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 1800)
const seed = process.env.BENCH_SEED ?? '1'
const measureScript = path.join(path.dirname(new URL(import.meta.url).pathname), 'search', 'measure.ts')
const heapMb = Math.floor((os.totalmem() / 2 ** 20) * 0.75)

const engines = ENGINES.filter((e) => !wanted || wanted.includes(e.name))
const unknown = wanted?.filter((w) => !ENGINES.some((e) => e.name === w)) ?? []
if (unknown.length > 0)
  throw new Error(`unknown engines: ${unknown.join(', ')} (known: ${ENGINES.map((e) => e.name).join(', ')})`)

function measure(engine: string, size: number): Promise<Measurement | string> {
  const args = [`--max-old-space-size=${heapMb}`, '--expose-gc', '--import', 'tsx', measureScript]
  const child = spawn(process.execPath, [...args, engine, String(size), seed, perClass, classSeconds], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString()
    process.stderr.write(d)
  })
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutSeconds * 1000)
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const line = out.trim().split('\n').at(-1) ?? ''
      if (code === 0 && line.startsWith('{')) return resolve(JSON.parse(line) as Measurement)
      if (signal === 'SIGKILL') return resolve(`not run: did not finish within ${timeoutSeconds} s`)
      if (/heap out of memory|Allocation failed/.test(err)) return resolve('not run: out of memory')
      const reason =
        err
          .trim()
          .split('\n')
          .filter((l) => /Error/.test(l))
          .at(0) ?? `exit ${code ?? signal}`
      resolve(`not run: ${reason.slice(0, 160)}`)
    })
  })
}

const rows: Row[] = []
for (const size of sizes) {
  for (const engine of engines) {
    const reason =
      (await engine.unavailable?.()) ??
      (engine.maxSize && size > engine.maxSize.size ? engine.maxSize.reason : undefined)
    if (reason) {
      rows.push({ engine: engine.name, size, result: `not run: ${reason}` })
      continue
    }
    process.stderr.write(`${engine.name} at ${size.toLocaleString('en')} courses…\n`)
    rows.push({ engine: engine.name, size, result: await measure(engine.name, size) })
  }
}

console.log(
  `\nSearch benchmark: synthetic multilingual catalog (en, zh, ru, th, ar, es, fr), ${perClass} queries per class, top-20 (${os.cpus().length} cores, Node ${process.version})`,
)
console.log(formatTables(rows))
