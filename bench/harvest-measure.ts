// One measurement of the harvest benchmark, in a fresh process so peak RSS is its own: either
// the baseline (fetch and parse every page, write nothing) or a moocx harvest into a database.
// Prints one JSON line: { records, seconds, maxRssMb }; seconds cover the harvest alone, not set-up.
import { createTestDb } from '../test/test-db.ts'
import { testDeps } from '../test/test-app.ts'
import { migrateToLatest, openDatabase } from '../src/db/database.ts'
import { fetchPolicy, fetchText } from '../src/harvest/fetcher.ts'
import { processHarvestDeps } from '../src/harvest/harvest-deps.ts'
import { harvestSource } from '../src/harvest/harvest-source.ts'
import { openedxCourses } from '../src/harvest/formats/openedx-courses.ts'
import { seedRegistry } from '../src/seed/seed.ts'
import { createSource, getSource } from '../src/harvest/source-repository.ts'
import { createLogger } from '../src/shared/logger.ts'
import { systemDeps } from '../src/shared/deps.ts'

const [mode = 'harvest', url = '', dbArg = 'sqlite:/tmp/bench.sqlite', sourceId = 'bench-lms'] =
  process.argv.slice(2)

async function baseline(): Promise<Measured> {
  const policy = fetchPolicy({ userAgent: 'moocx-bench' })
  const http = { fetch: globalThis.fetch, sleep: async () => undefined, random: Math.random, now: Date.now }
  const { db, close } = await createTestDb()
  await seedRegistry(testDeps(db))
  const source = await createSource(testDeps(db), {
    id: 'baseline',
    platformId: 'openedu',
    format: 'openedx-courses',
    baseUrl: url,
    orgMap: { SPbU: 'spbu' },
    ratePerMinute: 60_000,
  })
  const ctx = {
    source,
    platform: {
      id: 'openedu',
      name: 'x',
      software: 'open-edx' as const,
      baseUrl: url,
      institutionId: null,
      createdAt: '',
      updatedAt: '',
    },
    institutionIds: new Set(['spbu']),
    subjectCodes: new Set<string>(),
  }
  const started = performance.now()
  let records = 0
  let request: { url: string } | null = openedxCourses.firstPage(source)
  while (request) {
    const page = await fetchText(http, request.url, {}, policy)
    const content = openedxCourses.readPage({ url: page.url, text: page.text }, source)
    for (const raw of content.records) if ('record' in openedxCourses.parseRecord(raw, ctx)) records++
    request = content.next
  }
  const seconds = (performance.now() - started) / 1000
  await close()
  return { records, seconds }
}

async function harvest(): Promise<Measured> {
  const config = dbArg.startsWith('sqlite:')
    ? ({ kind: 'sqlite', file: dbArg.slice(7) } as const)
    : ({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/test', schema: dbArg.slice(9) } as const)
  const db = openDatabase(config)
  await migrateToLatest(db, config)
  const deps = processHarvestDeps({ ...systemDeps(db) }, createLogger('warn'), 'http://bench')
  await seedRegistry(deps)
  const exists = await getSource(db, sourceId).catch(() => undefined)
  if (!exists) {
    await createSource(deps, {
      id: sourceId,
      platformId: 'openedu',
      format: 'openedx-courses',
      baseUrl: url,
      orgMap: { SPbU: 'spbu' },
      ratePerMinute: 60_000,
    })
  }
  const started = performance.now()
  const run = await harvestSource({ ...deps, now: () => new Date() }, sourceId)
  const seconds = (performance.now() - started) / 1000
  await db.destroy()
  if (run.status !== 'succeeded') throw new Error(`harvest failed: ${run.error}`)
  return { records: run.seen, seconds }
}

interface Measured {
  records: number
  seconds: number
}

const { records, seconds } = mode === 'baseline' ? await baseline() : await harvest()
process.stdout.write(
  `${JSON.stringify({ records, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
)
