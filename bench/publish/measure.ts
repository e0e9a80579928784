// One measurement of bench:publish: the real app is started in a child process (serve.ts, with the
// given Node flags) over the SQLite database at FILE, a walk reads the whole catalog over HTTP PASSES
// times in a row, and the server's memory is read from /proc/<pid>/status: its RSS sampled every
// 50 ms and, at the end, the kernel's VmHWM (which also catches spikes between samples). The client
// runs in this process, so its memory is not counted. The server reports the largest live heap V8
// left right after one of its own full collections (none forced) and the most it reserved.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Walk } from './walks.ts'

export interface Measurement {
  records: number
  seconds: number
  idleMb: number
  peakMb: number
  /** 0 when V8 needed no full collection in the server's life. */
  liveHeapMb: number
  /** The most V8 had reserved for its heap (sampled every 50 ms in the server). */
  heapMb: number
}

const here = path.dirname(new URL(import.meta.url).pathname)

/** VmRSS and VmHWM of a process, in MB. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 }
}

export async function measure(
  file: string,
  walk: Walk,
  passes: number,
  options: { timeoutSeconds: number; nodeFlags: readonly string[] },
): Promise<Measurement> {
  const { timeoutSeconds, nodeFlags } = options
  const server = spawn(
    process.execPath,
    [...nodeFlags, '--import', 'tsx', path.join(here, 'serve.ts'), file],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
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
    let records = 0
    try {
      for (let pass = 0; pass < passes; pass++) records += await walk.run(url)
    } finally {
      clearInterval(sampler)
    }
    const seconds = (performance.now() - started) / 1000
    const peakMb = Math.max(sampled, memoryOf(pid).hwm)
    server.kill('SIGTERM')
    await exited
    const reported = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
      liveHeapMb: number
      heapTotalMb: number
    }
    return { records, seconds, idleMb, peakMb, liveHeapMb: reported.liveHeapMb, heapMb: reported.heapTotalMb }
  } finally {
    clearTimeout(killer)
    server.kill('SIGTERM')
    await exited
  }
}
