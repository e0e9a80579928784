// The worker harvests the active sources whose time has come, and leaves paused and future ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openedxRun, startFakeOpenedx, type FakeOpenedx } from '../../test/fakes/openedx-lms.ts'
import { harvestDeps } from '../../test/harvest-deps.ts'
import { createRegistryDb } from '../../test/test-app.ts'
import { type TestDb } from '../../test/test-db.ts'
import { listHarvestRuns } from './harvest-run-repository.ts'
import { createSource, getSource, updateSource } from './source-repository.ts'
import { runDueSources } from './worker.ts'

let t: TestDb
let lms: FakeOpenedx

beforeAll(async () => {
  t = await createRegistryDb()
  lms = await startFakeOpenedx(Array.from({ length: 3 }, (_, i) => openedxRun(i)))
})
afterAll(async () => {
  await lms.close()
  await t.close()
})

describe('runDueSources', () => {
  it('harvests due sources once and schedules their next run', async () => {
    const deps = harvestDeps(t.db)
    const base = {
      platformId: 'openedu',
      format: 'openedx-courses' as const,
      baseUrl: lms.url,
      orgMap: { SPbU: 'spbu' },
      ratePerMinute: 600,
    }
    await createSource(deps, { ...base, id: 'daily', scheduleMinutes: 1440 })
    await createSource(deps, { ...base, id: 'paused', scheduleMinutes: 60 })
    await updateSource(deps, 'paused', { status: 'paused' })
    await createSource(deps, { ...base, id: 'on-request' })

    expect(await runDueSources(deps)).toBe(1)
    expect((await listHarvestRuns(t.db, 'daily')).map((r) => r.status)).toEqual(['succeeded'])
    expect(await listHarvestRuns(t.db, 'paused')).toEqual([])
    expect(await listHarvestRuns(t.db, 'on-request')).toEqual([])
    expect((await getSource(t.db, 'daily')).nextRunAt).toBe('2026-11-30T12:00:00.000Z')

    expect(await runDueSources(deps)).toBe(0)
    deps.advance(24 * 3_600_000)
    expect(await runDueSources(deps)).toBe(1)
  })
})
