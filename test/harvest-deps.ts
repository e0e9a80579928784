// HarvestDeps for tests: the real fetch and fetcher against fake servers on 127.0.0.1, short
// timeouts, no real sleeping, and a clock the test can move.
import type { Db } from '../src/db/schema.ts'
import { fetchPolicy, type FetchPolicy } from '../src/harvest/fetcher.ts'
import type { HarvestDeps } from '../src/harvest/harvest-source.ts'
import { createLogger } from '../src/shared/logger.ts'
import { NOW } from './test-app.ts'

export interface TestHarvestDeps extends HarvestDeps {
  sleeps: number[]
  advance: (ms: number) => void
}

/** Shared by every deps object of a test file, since they share one database. */
let ids = 0

export function harvestDeps(
  db: Db,
  overrides: Partial<FetchPolicy> = {},
  holder = 'test-process',
): TestHarvestDeps {
  let now = NOW.getTime()
  const sleeps: number[] = []
  return {
    db,
    now: () => new Date(now),
    newId: () => `h-${String(++ids).padStart(6, '0')}`,
    http: {
      fetch: globalThis.fetch,
      sleep: async (ms) => {
        sleeps.push(ms)
      },
      random: () => 0.5,
      now: () => now,
    },
    policy: fetchPolicy({
      userAgent: 'moocx-test',
      connectTimeoutMs: 1000,
      readTimeoutMs: 1000,
      retries: 2,
      backoffBaseMs: 10,
      ...overrides,
    }),
    logger: createLogger('silent'),
    holder,
    sleeps,
    advance: (ms) => {
      now += ms
    },
  }
}
