// Harvesting an Open edX LMS end to end against a fake LMS on 127.0.0.1: first and unchanged
// re-harvests, changes, withdrawals, rejections with reasons, and feeds that misbehave.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFakeOpenedx, openedxRun, type FakeOpenedx } from '../../test/fakes/openedx-lms.ts'
import { harvestDeps, type TestHarvestDeps } from '../../test/harvest-deps.ts'
import { createRegistryDb } from '../../test/test-app.ts'
import { type TestDb } from '../../test/test-db.ts'
import { harvestSource } from './harvest-source.ts'
import { listRejections } from './harvest-run-repository.ts'
import { createSource, getSource, saveCursor } from './source-repository.ts'
import { listingsOfSource } from '../../test/listings.ts'

let t: TestDb
let lms: FakeOpenedx
let deps: TestHarvestDeps
let sourceId = ''
let sourceCount = 0

beforeAll(async () => {
  t = await createRegistryDb()
  lms = await startFakeOpenedx()
})
afterAll(async () => {
  await lms.close()
  await t.close()
})
beforeEach(async () => {
  deps = harvestDeps(t.db)
  lms.override(undefined)
  lms.runs = Array.from({ length: 250 }, (_, i) => openedxRun(i))
  const source = await createSource(deps, {
    id: `lms-${++sourceCount}`,
    platformId: 'openedu',
    format: 'openedx-courses',
    baseUrl: lms.url,
    orgMap: { SPbU: 'spbu' },
    ratePerMinute: 600,
    defaultLanguage: 'ru',
  })
  sourceId = source.id
  // Each test harvests its own copy of the feed: listing keys are per platform, so give each test fresh ones.
  lms.runs = Array.from({ length: 250 }, (_, i) => openedxRun(i, { number: `S${sourceCount}N${i}` }))
})
afterEach(() => lms.override(undefined))

const listingsOf = (id: string) => listingsOfSource(t.db, id)

describe('harvesting an Open edX LMS', () => {
  it('adds every course on the first harvest, through every page, with institution and runs', async () => {
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({
      status: 'succeeded',
      complete: true,
      seen: 250,
      added: 250,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    })
    const listings = await listingsOf(sourceId)
    expect(listings).toHaveLength(250)
    const course = await t.db
      .selectFrom('courses')
      .selectAll()
      .where('id', '=', listings[0]?.course_id ?? '')
      .executeTakeFirstOrThrow()
    // The Courses API states no language: the English text wins over the source's declared Russian.
    expect(course).toMatchObject({ origin: 'harvest', language: 'en', effort_hours_per_week: 4 })
    const links = await t.db
      .selectFrom('course_institutions')
      .select('institution_id')
      .where('course_id', '=', course.id)
      .execute()
    expect(links.map((l) => l.institution_id)).toEqual(['spbu'])
    const runs = await t.db
      .selectFrom('runs')
      .selectAll()
      .where('listing_id', '=', listings[0]?.id ?? '')
      .execute()
    expect(runs).toMatchObject([
      { run_key: 'spring_2026', starts_on: '2026-02-09', ends_on: '2026-06-01', pacing: 'instructor' },
    ])
    expect(lms.requests.filter((r) => r.path === '/api/courses/v1/courses/').length).toBeGreaterThanOrEqual(3)
  })

  it('writes nothing on an unchanged re-harvest', async () => {
    await harvestSource(deps, sourceId)
    const before = await listingsOf(sourceId)
    deps.advance(60_000)
    const again = await harvestSource(deps, sourceId)
    expect(again).toMatchObject({
      status: 'succeeded',
      seen: 250,
      added: 0,
      updated: 0,
      unchanged: 250,
      withdrawn: 0,
    })
    expect(await listingsOf(sourceId)).toEqual(before)
  })

  it('updates changed courses and withdraws missing ones, which return when they reappear', async () => {
    await harvestSource(deps, sourceId)
    const original = [...lms.runs]
    lms.runs = original.slice(1).map((r, i) => (i === 0 ? { ...(r as object), name: 'A New Name' } : r))
    const second = await harvestSource(deps, sourceId)
    expect(second).toMatchObject({ updated: 1, unchanged: 248, withdrawn: 1 })
    const withdrawn = (await listingsOf(sourceId)).filter((l) => l.status === 'withdrawn')
    expect(withdrawn).toHaveLength(1)
    const renamed = await t.db
      .selectFrom('courses')
      .select('title')
      .where('title', '=', 'A New Name')
      .execute()
    expect(renamed).toHaveLength(1)
    lms.runs = original
    const third = await harvestSource(deps, sourceId)
    expect(third).toMatchObject({ withdrawn: 0 })
    expect((await listingsOf(sourceId)).every((l) => l.status === 'active')).toBe(true)
  })

  it('groups runs of one ORG+NUMBER into one listing', async () => {
    lms.runs = [
      openedxRun(1, { number: `RUNS${sourceCount}` }),
      openedxRun(1, {
        number: `RUNS${sourceCount}`,
        id: `course-v1:SPbU+RUNS${sourceCount}+fall_2026`,
        start: '2026-09-01T00:00:00Z',
        end: null,
        pacing: 'self',
      }),
    ]
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ added: 2 })
    const listings = await listingsOf(sourceId)
    expect(listings).toHaveLength(1)
    const runs = await t.db
      .selectFrom('runs')
      .select(['run_key', 'pacing'])
      .where('listing_id', '=', listings[0]?.id ?? '')
      .orderBy('run_key')
      .execute()
    expect(runs).toEqual([
      { run_key: 'fall_2026', pacing: 'self' },
      { run_key: 'spring_2026', pacing: 'instructor' },
    ])
  })

  it('leaves out hidden, invitation-only and broken records with a reason, keeping the good ones', async () => {
    lms.runs = [
      openedxRun(1, { number: `OK${sourceCount}` }),
      openedxRun(2, { number: `HID${sourceCount}`, hidden: true }),
      openedxRun(3, { number: `INV${sourceCount}`, invitation_only: true }),
      openedxRun(4, {
        number: `ORG${sourceCount}`,
        org: 'UnknownU',
        id: `course-v1:UnknownU+X${sourceCount}+r`,
      }),
      { ...openedxRun(5, { number: `NONAME${sourceCount}` }), name: undefined },
      { name: 'no id at all' },
      openedxRun(6, { number: `BADKEY${sourceCount}`, id: 'not a course key' }),
      openedxRun(7, {
        number: `XSS${sourceCount}`,
        name: 'Safe <script>alert(1)</script>Title',
        short_description: '<img src=x onerror=alert(1)>Short',
      }),
      'a string, not a record',
    ]
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', seen: 9, added: 2, rejected: 7 })
    const reasons = (await listRejections(t.db, run.id)).map((r) => r.reason)
    expect(reasons).toEqual(
      expect.arrayContaining([
        'left out: hidden on the platform',
        'left out: invitation only',
        expect.stringMatching(/organization "UnknownU" is not mapped/),
        expect.stringMatching(/invalid record: name/),
        expect.stringMatching(/invalid record: id/),
        expect.stringMatching(/not an Open edX course key/),
      ]),
    )
    const titles = (
      await t.db.selectFrom('courses').select(['title', 'summary']).where('title', 'like', 'Safe%').execute()
    )[0]
    expect(titles?.title).not.toContain('<script')
    expect(titles?.summary).toBe('Short')
  })

  it('groups the same course offered on two platforms into one course, saying why', async () => {
    const number = `XL${sourceCount}`
    lms.runs = [
      openedxRun(1, { number, name: 'Philosophy of Science' }),
      openedxRun(2, { number: `OTHER${sourceCount}`, name: 'Philosophy of Science' }),
    ]
    await harvestSource(deps, sourceId)
    const [first] = (await listingsOf(sourceId)).filter((l) => l.platform_key === `SPbU+${number}`)
    const second = await createSource(deps, {
      id: `mirror-${sourceCount}`,
      platformId: 'spbu-openedx',
      format: 'openedx-courses',
      baseUrl: lms.url,
      orgMap: { SPbU: 'spbu' },
      ratePerMinute: 600,
      defaultLanguage: 'ru',
    })
    lms.runs = [
      openedxRun(1, {
        number,
        name: 'PHILOSOPHY of science!',
        short_description: 'A mirror that must not overwrite the course',
      }),
    ]
    const run = await harvestSource(deps, second.id)
    expect(run).toMatchObject({ added: 1 })
    const [mirror] = await listingsOf(second.id)
    expect(mirror?.course_id).toBe(first?.course_id)
    expect(mirror?.group_reason).toMatch(/same institution \(spbu\), title, language, course number/)
    const course = await t.db
      .selectFrom('courses')
      .select(['title', 'summary'])
      .where('id', '=', first?.course_id ?? '')
      .executeTakeFirstOrThrow()
    expect(course.title).toBe('Philosophy of Science')
    const other = (await listingsOf(sourceId)).find((l) => l.platform_key === `SPbU+OTHER${sourceCount}`)
    expect(other?.course_id).not.toBe(first?.course_id)
  })

  it('refuses to merge into a demo or manual listing with the same platform key', async () => {
    const key = `SPbU+DEMO${sourceCount}`
    await t.db
      .insertInto('courses')
      .values({
        id: `demo-${sourceCount}`,
        language: 'en',
        title: 'Demo',
        summary: null,
        description: null,
        level: null,
        effort_hours_per_week: null,
        weeks: null,
        course_number: null,
        instructors: '[]',
        subtitle_languages: '[]',
        translation_group: null,
        origin: 'demo',
        created_at: 'x',
        updated_at: 'x',
      })
      .execute()
    await t.db
      .insertInto('listings')
      .values({
        id: `demo-l-${sourceCount}`,
        course_id: `demo-${sourceCount}`,
        platform_id: 'openedu',
        platform_key: key,
        url: 'https://openedu.ru/x',
        status: 'active',
        origin: 'demo',
        created_at: 'x',
        updated_at: 'x',
      })
      .execute()
    lms.runs = [openedxRun(1, { number: `DEMO${sourceCount}` })]
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ added: 0, rejected: 1 })
    expect((await listRejections(t.db, run.id))[0]?.reason).toMatch(/already listed by demo data/)
    expect(
      (
        await t.db
          .selectFrom('courses')
          .select('title')
          .where('id', '=', `demo-${sourceCount}`)
          .executeTakeFirstOrThrow()
      ).title,
    ).toBe('Demo')
  })
})

describe('feeds that misbehave', () => {
  it('fails a run on a malformed page, keeps what earlier pages brought, and resumes there next time', async () => {
    let calls = 0
    const real = lms.runs
    lms.override((_req, res, recorded) => {
      calls++
      const page = new URL(recorded.url, 'http://x').searchParams.get('page') ?? '1'
      if (page === '2') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"results": [')
      const next = `${lms.url}/api/courses/v1/courses/?page=2&page_size=100`
      return res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ results: real.slice(0, 100), pagination: { next } }))
    })
    const failed = await harvestSource(deps, sourceId)
    expect(failed.status).toBe('failed')
    expect(failed.error).toMatch(/bad page: .*not valid JSON/)
    expect(failed).toMatchObject({ added: 100, complete: false, withdrawn: 0 })
    expect(await listingsOf(sourceId)).toHaveLength(100)
    expect(calls).toBe(2)

    lms.override(undefined)
    const resumed = await harvestSource(deps, sourceId)
    expect(resumed).toMatchObject({
      status: 'succeeded',
      complete: true,
      added: 150,
      withdrawn: 0,
      generation: failed.generation,
    })
    expect(lms.requests.at(-3)?.url).toContain('page=2')
  })

  it('stops a next link that loops', async () => {
    lms.override((_req, res) => {
      const next = `${lms.url}/api/courses/v1/courses/?page=1`
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          results: [openedxRun(9, { number: `LOOP${sourceCount}` })],
          pagination: { next },
        }),
      )
    })
    const run = await harvestSource(deps, sourceId)
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/links back to a page/)
  })

  it('refuses a next link to another host', async () => {
    lms.override((_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ results: [], pagination: { next: 'http://169.254.169.254/latest/meta-data' } }))
    })
    const run = await harvestSource(deps, sourceId)
    expect(run.error).toMatch(/leaves http:\/\/127\.0\.0\.1/)
  })

  it('retries 5xx answers with backoff, then succeeds', async () => {
    let failures = 0
    lms.override((_req, res) => {
      if (failures++ < 1) return res.writeHead(503).end('busy')
      lms.override(undefined)
      return res.writeHead(500).end('one more')
    })
    const run = await harvestSource(deps, sourceId)
    expect(run.status).toBe('succeeded')
    expect(deps.sleeps.length).toBeGreaterThanOrEqual(2)
  })

  it('fails with a timeout when the server never answers', async () => {
    const quick = harvestDeps(t.db, { connectTimeoutMs: 150, readTimeoutMs: 150, retries: 0 })
    lms.override(() => undefined)
    const run = await harvestSource(quick, sourceId)
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/^timeout/)
  })

  it('fails a page of invalid UTF-8 with a reason', async () => {
    lms.override((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])),
    )
    const run = await harvestSource(deps, sourceId)
    expect(run.error).toMatch(/^invalid_utf8/)
  })

  it('runs one harvest per source at a time', async () => {
    let release: () => void = () => undefined
    lms.override(
      (_req, res) =>
        new Promise<void>(
          (resolve) =>
            (release = () =>
              resolve(void res.writeHead(200).end('{"results":[],"pagination":{"next":null}}'))),
        ),
    )
    const first = harvestSource(deps, sourceId)
    await new Promise((r) => setTimeout(r, 100))
    await expect(harvestSource(harvestDeps(t.db, {}, 'other-process'), sourceId)).rejects.toThrow(
      /already running/,
    )
    release()
    expect((await first).status).toBe('succeeded')
  })

  it('resumes after a process died mid-run (its lease expired)', async () => {
    await t.db
      .updateTable('sources')
      .set({ lease_holder: 'dead-process', lease_until: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', sourceId)
      .execute()
    await saveCursor(t.db, sourceId, {
      generation: 'gen-of-dead-run',
      next: { url: `${lms.url}/api/courses/v1/courses/?page=3&page_size=100`, method: 'GET' },
      full: true,
    })
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', generation: 'gen-of-dead-run', added: 50 })
  })

  it('drops a saved position the upstream no longer accepts, so the next run starts over', async () => {
    await saveCursor(t.db, sourceId, {
      generation: 'old',
      next: { url: `${lms.url}/api/courses/v1/courses/?page=99&page_size=100`, method: 'GET' },
      full: true,
    })
    const failed = await harvestSource(deps, sourceId)
    expect(failed.error).toMatch(/HTTP 404.*saved position was dropped/)
    const fresh = await harvestSource(deps, sourceId)
    expect(fresh).toMatchObject({ status: 'succeeded', added: 250 })
    expect(fresh.generation).not.toBe('old')
  })

  it('pauses a source that keeps failing', async () => {
    lms.override((_req, res) => res.writeHead(404).end('gone'))
    for (let i = 0; i < 5; i++) await harvestSource(deps, sourceId)
    const source = await getSource(t.db, sourceId)
    expect(source).toMatchObject({ status: 'paused', failures: 5 })
    expect(source.pausedReason).toMatch(/5 failed runs.*http_status \(HTTP 404\)/)
  })
})
