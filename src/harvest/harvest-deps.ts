// Wires the harvester for a real process: the platform's fetch, real sleeping, a lease holder
// name unique to this process, and a polite User-Agent naming the node.
import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import type { Deps } from '../shared/deps.ts'
import type { Logger } from '../shared/logger.ts'
import { fetchPolicy } from './fetcher.ts'
import type { HarvestDeps } from './harvest-source.ts'

export function processHarvestDeps(deps: Deps, logger: Logger, publicUrl: string): HarvestDeps {
  return {
    ...deps,
    logger,
    http: {
      fetch: globalThis.fetch,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      now: Date.now,
    },
    policy: fetchPolicy({ userAgent: `moocx-harvester/0.1 (+${publicUrl})` }),
    holder: `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`,
  }
}
