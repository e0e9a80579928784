// Worker threads that analyze and weigh course texts for a full build of the search index, so that
// a build uses every core. A worker that cannot start or fails hands its batches back, and they are
// analyzed inline: a build never fails for want of a thread, only where analysis itself fails.
import os from 'node:os'
import { Worker } from 'node:worker_threads'
import { analyze } from '../analysis/analyze.ts'
import type { Analyzer } from './search-index.ts'
import { isWorkerAnswer, weighBatch, type TextBatch, type WeighedBatch } from './text-batch.ts'

export interface AnalysisPool {
  /** Workers still analyzing (0: every batch is analyzed inline). */
  readonly workers: number
  /** Analyzes and weighs a batch; rejects only when analysis fails inline too. */
  weigh(batch: TextBatch): Promise<WeighedBatch>
  /** Terminates the workers; batches still being weighed are dropped (their promises never settle). */
  close(): Promise<void>
}

export interface PoolOptions {
  /** What batches are analyzed with when no worker can (the workers use `analysis/analyze.ts`). */
  analyzer: Pick<Analyzer, 'analyze'>
  /** Workers to start; default: one a core. */
  size?: number
  /** The worker's module; default `analysis-worker.ts` (tests substitute one that fails). */
  workerUrl?: URL
  /** Told once a worker could not start or failed, and so its batches are analyzed inline. */
  onFallback?: (reason: string) => void
}

/** Whether workers analyze the way `analyzer` does: they run `analysis/analyze.ts`, nothing else. */
export function analyzesLikeWorkers(analyzer: Pick<Analyzer, 'analyze'>): boolean {
  return analyzer.analyze === analyze
}

export function createAnalysisPool(options: PoolOptions): AnalysisPool {
  const size = Math.max(1, options.size ?? os.availableParallelism())
  const workerUrl = options.workerUrl ?? new URL('./analysis-worker.ts', import.meta.url)
  const live: Lane[] = []
  let closed = false
  let next = 0

  const inline = (batch: TextBatch, job: Job) => {
    try {
      job.resolve(weighBatch(options.analyzer, batch))
    } catch (err) {
      job.reject(err)
    }
  }

  /** A worker failed: its batches are analyzed inline, in order, and it gets no more. */
  const retire = (lane: Lane, reason: string) => {
    if (closed || !live.includes(lane)) return
    live.splice(live.indexOf(lane), 1)
    options.onFallback?.(`analysis worker failed (${reason}); its batches are analyzed inline`)
    void lane.worker.terminate()
    for (const job of lane.jobs.values()) inline(job.batch, job)
    lane.jobs.clear()
  }

  for (let i = 0; i < size; i++) {
    try {
      live.push(startLane(i, workerUrl, retire, inline))
    } catch (err) {
      options.onFallback?.(`analysis worker not started (${String(err)}); analyzing inline`)
      break
    }
  }

  return {
    get workers() {
      return live.length
    },
    weigh: (batch) =>
      new Promise<WeighedBatch>((resolve, reject) => {
        const job: Job = { batch, resolve, reject }
        if (closed) return reject(new Error('analysis pool closed'))
        const lane = live[next++ % Math.max(1, live.length)]
        if (!lane) return inline(batch, job)
        lane.jobs.set(batch.id, job)
        lane.worker.postMessage(batch)
      }),
    close: async () => {
      closed = true
      const lanes = live.splice(0)
      await Promise.all(lanes.map((lane) => lane.worker.terminate()))
    },
  }
}

/** Runs `work` with a pool, and terminates the pool however `work` ends. */
export async function withAnalysisPool<T>(
  options: PoolOptions,
  work: (pool: AnalysisPool) => Promise<T>,
): Promise<T> {
  const pool = createAnalysisPool(options)
  try {
    return await work(pool)
  } finally {
    await pool.close()
  }
}

interface Job {
  batch: TextBatch
  resolve(weighed: WeighedBatch): void
  reject(err: unknown): void
}

interface Lane {
  number: number
  worker: Worker
  jobs: Map<number, Job>
}

function startLane(
  number: number,
  workerUrl: URL,
  retire: (lane: Lane, reason: string) => void,
  inline: (batch: TextBatch, job: Job) => void,
): Lane {
  const lane: Lane = { number, worker: new Worker(bootstrap(workerUrl), { eval: true }), jobs: new Map() }
  lane.worker.on('message', (answer: unknown) => {
    if (!isWorkerAnswer(answer)) return retire(lane, 'unreadable answer')
    const job = lane.jobs.get(answer.id)
    if (!job) return
    lane.jobs.delete(answer.id)
    // The worker could not analyze this batch: analyzed inline, it fails the build where a build
    // without workers would fail.
    if ('error' in answer) return inline(job.batch, job)
    answer.lane = lane.number
    job.resolve(answer)
  })
  lane.worker.on('error', (err) => retire(lane, err.message))
  lane.worker.on('exit', (code) => retire(lane, `exited with ${code}`))
  return lane
}

/**
 * The worker's first script: TypeScript is loaded through tsx, registered in the worker itself, as
 * loader hooks registered in the main thread (bin/moocx.js) or vitest's transforms do not reach
 * worker threads. tsx is resolved here, so the worker finds it wherever the process was started.
 */
function bootstrap(workerUrl: URL): string {
  const tsx = import.meta.resolve('tsx/esm/api')
  return `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}) })`
}
