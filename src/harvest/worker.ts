// The harvest worker: every tick, harvests the active sources whose time has come, one at a
// time. Several workers (processes or machines) can run: each source's lease lets only one win.
import type { HarvestDeps } from './harvest-source.ts'
import { harvestSource } from './harvest-source.ts'
import { dueSources } from './source-repository.ts'
import { ConflictError } from '../shared/errors.ts'

export interface Worker {
  /** Stops ticking and waits for the harvest in progress, if any, to finish. */
  stop: () => Promise<void>
}

/** Harvests every due source once; returns how many runs it finished. */
export async function runDueSources(deps: HarvestDeps): Promise<number> {
  let finished = 0
  for (const source of await dueSources(deps.db, deps.now().toISOString())) {
    try {
      const run = await harvestSource(deps, source.id)
      deps.logger.info('harvest run finished', {
        source: source.id,
        run: run.id,
        status: run.status,
        seen: run.seen,
        added: run.added,
        updated: run.updated,
        withdrawn: run.withdrawn,
        rejected: run.rejected,
        error: run.error,
      })
      finished++
    } catch (error) {
      if (error instanceof ConflictError) continue // another worker has it
      deps.logger.error('harvest could not start', { source: source.id, err: error })
    }
  }
  return finished
}

export function startWorker(deps: HarvestDeps, intervalMs = 15_000): Worker {
  let current: Promise<unknown> = Promise.resolve()
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    current = runDueSources(deps)
      .catch((error: unknown) => deps.logger.error('worker tick failed', { err: error }))
      .finally(() => {
        running = false
      })
  }, intervalMs)
  deps.logger.info('harvest worker started', { intervalMs })
  return {
    stop: async () => {
      clearInterval(timer)
      await current
    },
  }
}
