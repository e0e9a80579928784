// Harvesting an Open edX course discovery search end to end against a fake LMS on 127.0.0.1: form-encoded
// POST paging to `total`, runs grouped by ORG+NUMBER, hidden runs left out, re-harvests and bad answers.
import type { ServerResponse } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { edxSearchResult, startFakeEdxSearch, type FakeEdxSearch } from '../../../test/fakes/edx-search.ts'
import { harvestDeps, type TestHarvestDeps } from '../../../test/harvest-deps.ts'
import { createRegistryDb } from '../../../test/test-app.ts'
import { type TestDb } from '../../../test/test-db.ts'
import { harvestSource } from '../harvest-source.ts'
import { listRejections } from '../harvest-run-repository.ts'
import { createSource } from '../source-repository.ts'
import { listingsOfSource } from '../../../test/listings.ts'

let t: TestDb
let lms: FakeEdxSearch
let deps: TestHarvestDeps
let sourceId = ''
let n = 0

beforeAll(async () => {
  t = await createRegistryDb()
  lms = await startFakeEdxSearch()
})
afterAll(async () => {
  await lms.close()
  await t.close()
})
beforeEach(async () => {
  deps = harvestDeps(t.db)
  lms.override(undefined)
  const source = await createSource(deps, {
    id: `edx-search-${++n}`,
    platformId: 'openedu',
    format: 'edx-search',
    baseUrl: lms.url,
    orgMap: { SPbU: 'spbu' },
    ratePerMinute: 600,
    defaultLanguage: 'en',
  })
  sourceId = source.id
  // Listing keys are per platform: each test harvests its own course numbers.
  lms.results = Array.from({ length: 45 }, (_, i) => result(i))
})

const result = (i: number, options: Parameters<typeof edxSearchResult>[1] = {}) =>
  edxSearchResult(i, { number: `T${n}N${i}`, ...options })
const searches = () => lms.requests.filter((r) => r.path === '/search/course_discovery/')
const listingsOf = (id: string) => listingsOfSource(t.db, id)
const courseOf = (key: string) =>
  t.db
    .selectFrom('courses')
    .innerJoin('listings', 'listings.course_id', 'courses.id')
    .selectAll('courses')
    .select(['listings.url', 'listings.status', 'listings.id as listingId'])
    .where('listings.platform_key', '=', key)
    .where('listings.platform_id', '=', 'openedu')
    .executeTakeFirstOrThrow()
/** What the stored listing says a course costs: access, certificate, price amount and currency. */
const offerOf = async (key: string) => {
  const l = await t.db
    .selectFrom('listings')
    .select(['access', 'certificate', 'price_amount', 'price_currency'])
    .where('platform_id', '=', 'openedu')
    .where('platform_key', '=', key)
    .executeTakeFirstOrThrow()
  return [l.access, l.certificate, l.price_amount, l.price_currency]
}
const answer = (body: unknown) => (_req: unknown, res: ServerResponse) =>
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(typeof body === 'string' ? body : JSON.stringify(body))

describe('harvesting an Open edX course discovery search', () => {
  it('posts form-encoded page indexes until total is reached and maps each run', async () => {
    const before = searches().length
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', complete: true, seen: 45, added: 45, rejected: 0 })
    const sent = searches().slice(before)
    expect(sent.map((r) => r.body)).toEqual(
      [0, 1, 2].map((i) => `search_string=&page_size=20&page_index=${i}`),
    )
    expect(sent.every((r) => r.method === 'POST')).toBe(true)
    expect(sent[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    const c = await courseOf(`SPbU+T${n}N1`)
    expect(c).toMatchObject({
      url: `${lms.url}/courses/course-v1:SPbU+T${n}N1+2026_T1/about`,
      title: 'Linear Algebra 1',
      summary: 'Short description of course 1',
      description: 'About This Course This course introduces topic 1. & more Requirements None',
      language: 'ru',
      course_number: `T${n}N1`,
      effort_hours_per_week: 4,
      weeks: 15,
    })
    const institutions = await t.db
      .selectFrom('course_institutions')
      .select('institution_id')
      .where('course_id', '=', c.id)
      .execute()
    expect(institutions).toEqual([{ institution_id: 'spbu' }])
    const runs = await t.db.selectFrom('runs').selectAll().where('listing_id', '=', c.listingId).execute()
    expect(runs).toMatchObject([
      {
        run_key: '2026_T1',
        pacing: 'instructor',
        starts_on: '2026-02-09',
        ends_on: '2026-05-25',
        enrollment_opens_on: '2025-12-01',
        enrollment_closes_on: '2026-03-01',
      },
    ])
  })

  it("uses the source's default language when a run has none", async () => {
    await harvestSource(deps, sourceId)
    expect((await courseOf(`SPbU+T${n}N3`)).language).toBe('en')
  })

  it('groups runs of one ORG+NUMBER into one listing', async () => {
    lms.results = [result(1), result(1, { run: '2026_T3', data: { start: '2026-09-01T00:00:00+00:00' } })]
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ added: 2 })
    const listings = await listingsOf(sourceId)
    expect(listings).toHaveLength(1)
    const runs = await t.db
      .selectFrom('runs')
      .select('run_key')
      .where('listing_id', '=', listings[0]?.id ?? '')
      .orderBy('run_key')
      .execute()
    expect(runs.map((r) => r.run_key)).toEqual(['2026_T1', '2026_T3'])
  })

  it('reads what a course costs from its enrollment modes, which name no price', async () => {
    const modes = [
      ['audit', 'verified'],
      ['professional'],
      ['no-id-professional', 'credit'],
      ['audit'],
      ['audit', 'honor'],
      ['verified'],
      ['masters'],
      [],
    ]
    lms.results = modes.map((m, i) => result(i, { data: { modes: m } }))
    const { modes: _none, ...withoutModes } = result(8).data
    lms.results.push({ ...result(8), data: withoutModes })
    expect(await harvestSource(deps, sourceId)).toMatchObject({ added: 9, rejected: 0 })
    const offers = await Promise.all(modes.map((_, i) => offerOf(`SPbU+T${n}N${i}`)))
    expect(offers).toEqual([
      ['free', 'paid', null, null],
      ['paid', 'paid', null, null],
      ['paid', 'paid', null, null],
      ['free', 'none', null, null],
      ['free', 'free', null, null],
      ['paid', 'paid', null, null],
      [null, null, null, null],
      [null, null, null, null],
    ])
    expect(await offerOf(`SPbU+T${n}N8`)).toEqual([null, null, null, null])
  })

  it('keeps a run whose modes are garbage, reading only the mode names it knows', async () => {
    lms.results = [
      result(0, { data: { modes: [42, null, { slug: 'verified' }, ' AUDIT ', 'Verified'] } }),
      result(1, { data: { modes: 'audit,verified' } }),
      result(2, { data: { modes: { audit: true } } }),
      result(3, { data: { modes: ['x'.repeat(10_000), 'professional'] } }),
    ]
    expect(await harvestSource(deps, sourceId)).toMatchObject({ added: 4, rejected: 0 })
    expect(await offerOf(`SPbU+T${n}N0`)).toEqual(['free', 'paid', null, null])
    expect(await offerOf(`SPbU+T${n}N1`)).toEqual([null, null, null, null])
    expect(await offerOf(`SPbU+T${n}N2`)).toEqual([null, null, null, null])
    expect(await offerOf(`SPbU+T${n}N3`)).toEqual(['paid', 'paid', null, null])
  })

  it('writes nothing on an unchanged re-harvest', async () => {
    await harvestSource(deps, sourceId)
    const before = await listingsOf(sourceId)
    deps.advance(60_000)
    const again = await harvestSource(deps, sourceId)
    expect(again).toMatchObject({ status: 'succeeded', seen: 45, added: 0, updated: 0, unchanged: 45 })
    expect(await listingsOf(sourceId)).toEqual(before)
  })

  it('withdraws a course removed from the index on the next full pass', async () => {
    await harvestSource(deps, sourceId)
    lms.results = lms.results.filter((_, i) => i !== 4)
    const second = await harvestSource(deps, sourceId)
    expect(second).toMatchObject({ status: 'succeeded', complete: true, unchanged: 44, withdrawn: 1 })
    expect((await courseOf(`SPbU+T${n}N4`)).status).toBe('withdrawn')
  })

  it('leaves out runs hidden from the catalog and broken results, with a reason each', async () => {
    lms.results = [
      result(1),
      result(2, { data: { catalog_visibility: 'none' } }),
      result(3, { data: { catalog_visibility: 'about' } }),
      result(4, { data: { invitation_only: true } }),
      result(5, { data: { content: { overview: 'no name' } } }),
      result(6, { org: 'UnknownU' }),
      { ...result(7), data: { ...result(7).data, id: 'not a course key' } },
      { _id: 'course-v1:X+Y+Z' },
      42,
    ]
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', seen: 9, added: 1, rejected: 8 })
    const rejections = await listRejections(t.db, run.id)
    expect(rejections.map((r) => r.reason)).toEqual(
      expect.arrayContaining([
        'left out: catalog visibility "none"',
        'left out: catalog visibility "about"',
        'left out: invitation only',
        'invalid record: data.content.display_name Invalid input: expected string, received undefined',
        `organization "UnknownU" is not mapped to an institution; add it to the source's orgMap`,
        '"not a course key" is not an Open edX course key (course-v1:ORG+NUMBER+RUN)',
        'invalid record: data Invalid input: expected object, received undefined',
        'invalid record: record Invalid input: expected object, received number',
      ]),
    )
    expect(rejections.map((r) => r.recordKey)).toContain('course-v1:X+Y+Z')
  })

  it('sanitizes scripts and javascript: links in overviews and names', async () => {
    lms.results = [
      result(1, {
        data: {
          content: {
            display_name: 'Safe <script>alert(1)</script>Title',
            overview: '<p>Learn <a href="javascript:alert(1)">this</a><script>steal()</script></p>',
          },
        },
      }),
    ]
    await harvestSource(deps, sourceId)
    const c = await courseOf(`SPbU+T${n}N1`)
    expect(c).toMatchObject({
      title: 'Safe Title',
      description: 'Learn this',
      description_html: '<p>Learn this</p>',
    })
  })
})

describe('course discovery answers that misbehave', () => {
  it('stops at total when the server ignores page_index and repeats the same results', async () => {
    const page = lms.results.slice(0, 20)
    lms.override(answer({ total: 60, results: page }))
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', seen: 60, added: 20, unchanged: 40 })
    expect(await listingsOf(sourceId)).toHaveLength(20)
  })

  it('fails on a malformed page, keeps the earlier page, and resumes at the bad one next time', async () => {
    lms.override((req, res, recorded) => {
      if (recorded.body.endsWith('page_index=1')) return answer('{"total": 45, "results": [')(req, res)
      return answer({ total: 45, results: lms.results.slice(0, 20) })(req, res)
    })
    const failed = await harvestSource(deps, sourceId)
    expect(failed).toMatchObject({ status: 'failed', complete: false, added: 20, withdrawn: 0 })
    expect(failed.error).toMatch(/^bad page: .*page_index=1 is not valid JSON/)
    lms.override(undefined)
    const resumed = await harvestSource(deps, sourceId)
    expect(resumed).toMatchObject({ status: 'succeeded', complete: true, added: 25, withdrawn: 0 })
    expect(searches().at(-2)?.body).toBe('search_string=&page_size=20&page_index=1')
  })

  it('fails when a page is empty although total promises more', async () => {
    lms.override(answer({ total: 100000, results: [] }))
    const run = await harvestSource(deps, sourceId)
    expect(run.error).toMatch(/page 0 is empty although the index reports 100000 courses/)
  })

  it('reports the error an LMS answers instead of results', async () => {
    lms.override(answer({ error: 'An error occurred when searching for ""' }))
    const run = await harvestSource(deps, sourceId)
    expect(run.error).toMatch(/not a course discovery answer .*An error occurred when searching/)
  })

  it('reads an Elasticsearch 7 total given as {value, relation}', async () => {
    lms.override((req, res, recorded) => {
      const index = Number(new URLSearchParams(recorded.body).get('page_index'))
      const results = lms.results.slice(index * 20, index * 20 + 20)
      return answer({ total: { value: 45, relation: 'eq' }, results })(req, res)
    })
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', added: 45 })
  })
})
