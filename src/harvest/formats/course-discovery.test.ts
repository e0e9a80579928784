// Harvesting the Open edX course-discovery API end to end against a fake service on 127.0.0.1: the OAuth2
// client-credentials token (once per pass, on every request, never leaked), DRF pages, mapping and bad feeds.
import type { ServerResponse } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  discoveryCourse,
  discoveryRun,
  discoverySeat,
  startFakeCourseDiscovery,
  type FakeCourseDiscovery,
} from '../../../test/fakes/course-discovery.ts'
import { harvestDeps, type TestHarvestDeps } from '../../../test/harvest-deps.ts'
import { createRegistryDb } from '../../../test/test-app.ts'
import { type TestDb } from '../../../test/test-db.ts'
import { harvestSource } from '../harvest-source.ts'
import { listRejections } from '../harvest-run-repository.ts'
import { createSource } from '../source-repository.ts'
import { listingsOfSource } from '../../../test/listings.ts'

let t: TestDb
let api: FakeCourseDiscovery
let deps: TestHarvestDeps
let sourceId = ''
let n = 0
let sources = 0
let firstRequest = 0

beforeAll(async () => {
  t = await createRegistryDb()
  api = await startFakeCourseDiscovery()
})
afterAll(async () => {
  await api.close()
  await t.close()
})
beforeEach(async () => {
  n++
  deps = harvestDeps(t.db)
  api.override(undefined)
  api.overrideToken(undefined)
  api.tokenType = 'JWT'
  sourceId = await newSource()
  // Listing keys are per platform: each test harvests its own course keys.
  api.courses = Array.from({ length: 150 }, (_, i) => course(i))
  firstRequest = api.requests.length
})

async function newSource(credentials: Record<string, string> | null = client(), server = api) {
  const source = await createSource(deps, {
    id: `discovery-${++sources}`,
    platformId: 'openedu',
    format: 'course-discovery',
    baseUrl: server.url,
    credentials,
    orgMap: { TsinghuaX: 'tsinghua', 'Politecnico di Milano': 'polimi' },
    ratePerMinute: 600,
  })
  return source.id
}
const client = () => ({ clientId: api.client.id, clientSecret: api.client.secret })
const keyOf = (i: number) => `T${n}x+C${i}`
const course = (i: number, overrides: Parameters<typeof discoveryCourse>[1] = {}) =>
  discoveryCourse(i, { key: keyOf(i), course_runs: [discoveryRun(keyOf(i), '1T2026')], ...overrides })
const requests = (path: string) => api.requests.slice(firstRequest).filter((r) => r.path === path)
const listingsOf = (id: string) => listingsOfSource(t.db, id)
const courseOf = (key: string) =>
  t.db
    .selectFrom('courses')
    .innerJoin('listings', 'listings.course_id', 'courses.id')
    .selectAll('courses')
    .select(['listings.url', 'listings.status', 'listings.id as listingId'])
    .where('listings.platform_key', '=', key)
    .executeTakeFirstOrThrow()
const institutionsOf = async (courseId: string) =>
  (
    await t.db
      .selectFrom('course_institutions')
      .select('institution_id')
      .where('course_id', '=', courseId)
      .orderBy('position')
      .execute()
  ).map((r) => r.institution_id)
const subjectsOf = async (courseId: string) =>
  (
    await t.db
      .selectFrom('course_subjects')
      .select('subject_code')
      .where('course_id', '=', courseId)
      .orderBy('subject_code')
      .execute()
  ).map((r) => r.subject_code)
const runsOf = async (key: string) =>
  t.db
    .selectFrom('runs')
    .select(['run_key', 'pacing', 'starts_on', 'ends_on', 'enrollment_opens_on'])
    .where('listing_id', '=', (await courseOf(key)).listingId)
    .orderBy('run_key')
    .execute()
/** What the stored listing says a course costs: access, certificate, price amount and currency. */
const offerOf = async (key: string) => {
  const l = await t.db
    .selectFrom('listings')
    .select(['access', 'certificate', 'price_amount', 'price_currency'])
    .where('platform_key', '=', key)
    .executeTakeFirstOrThrow()
  return [l.access, l.certificate, l.price_amount, l.price_currency]
}
const withSeats = (i: number, ...runs: unknown[][]) =>
  course(i, { course_runs: runs.map((seats, r) => discoveryRun(keyOf(i), `${r + 1}T2026`, { seats })) })
const reasonsOf = async (runId: string) => (await listRejections(t.db, runId)).map((r) => r.reason)
const answer = (status: number, body: unknown) => (_req: unknown, res: ServerResponse) =>
  res
    .writeHead(status, { 'content-type': 'application/json' })
    .end(typeof body === 'string' ? body : JSON.stringify(body))

describe('authorizing a course-discovery pass with OAuth2 client credentials', () => {
  it('asks the LMS once per pass for a JWT and sends it on every API request', async () => {
    api.courses = Array.from({ length: 250 }, (_, i) => course(i))
    const tokensBefore = api.tokenRequests
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', complete: true, seen: 250, added: 250, rejected: 0 })
    expect(api.tokenRequests - tokensBefore).toBe(1)
    const [grant] = requests('/oauth2/access_token')
    expect(grant?.method).toBe('POST')
    expect(grant?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(grant?.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'moocx-harvester',
      client_secret: api.client.secret,
      token_type: 'jwt',
    })
    const pages = requests('/api/v1/courses/')
    expect(pages.map((p) => new URL(p.url, api.url).searchParams.get('page'))).toEqual([null, '2', '3'])
    expect(pages[0]?.url).toBe('/api/v1/courses/?page_size=100&exclude_utm=1')
    for (const p of pages) expect(p.headers.authorization).toMatch(/^JWT eyJ[\w-]+\.[\w-]+\.[\w-]+$/)

    await harvestSource(deps, sourceId)
    expect(api.tokenRequests - tokensBefore).toBe(2)
  })

  it('sends a Bearer token when the token endpoint issues one', async () => {
    api.tokenType = 'Bearer'
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', added: 150 })
    expect(requests('/api/v1/courses/')[0]?.headers.authorization).toMatch(/^Bearer opaque\d+x7Qk$/)
  })

  it('asks an LMS on another host when credentials.tokenUrl names it', async () => {
    const discovery = await startFakeCourseDiscovery([course(1)], { separateLms: true })
    try {
      const id = await newSource(
        { ...client(), tokenUrl: `${discovery.lms.url}/oauth2/access_token` },
        discovery,
      )
      const run = await harvestSource(deps, id)
      expect(run).toMatchObject({ status: 'succeeded', added: 1 })
      expect(discovery.lms.requests.map((r) => r.path)).toEqual(['/oauth2/access_token'])
      expect(discovery.requests.map((r) => r.path)).toEqual(['/api/v1/courses/'])
    } finally {
      await discovery.close()
    }
  })
})

describe('authorization that fails', () => {
  /** The secret appears in no run error, rejection or source field a person can see. */
  async function expectNoSecret(runId: string, secret: string) {
    const run = await t.db.selectFrom('harvest_runs').selectAll().where('id', '=', runId).execute()
    const source = await t.db
      .selectFrom('sources')
      .select(['paused_reason', 'cursor', 'org_map'])
      .where('id', '=', sourceId)
      .execute()
    const rejections = await listRejections(t.db, runId)
    expect(JSON.stringify([run, source, rejections])).not.toContain(secret)
  }

  it('fails the run on a wrong secret, naming the token endpoint and status but not the secret', async () => {
    sourceId = await newSource({ clientId: api.client.id, clientSecret: 'wrong-Secret-4711' })
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'failed', complete: false, seen: 0, added: 0 })
    expect(run.error).toBe(
      `http_status (HTTP 401): the OAuth2 token endpoint ${api.url}/oauth2/access_token refused the client credentials; check the source's clientId and clientSecret`,
    )
    expect(requests('/oauth2/access_token')).toHaveLength(1)
    expect(requests('/api/v1/courses/')).toHaveLength(0)
    expect(await listingsOf(sourceId)).toEqual([])
    await expectNoSecret(run.id, 'wrong-Secret-4711')
  })

  it('says which credential is missing and sends nothing', async () => {
    sourceId = await newSource({ clientId: 'moocx-harvester' })
    const run = await harvestSource(deps, sourceId)
    expect(run.error).toBe(
      `bad page: the source's credentials have no clientSecret: the course-discovery API needs an OAuth2 client of the platform's LMS`,
    )
    sourceId = await newSource(null)
    expect((await harvestSource(deps, sourceId)).error).toMatch(/have no clientId and no clientSecret/)
    expect(api.requests.length).toBe(firstRequest)
  })

  it('refuses a tokenUrl that is not http(s) without quoting it', async () => {
    for (const tokenUrl of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://user:hunter2@lms.example/t',
    ]) {
      sourceId = await newSource({ ...client(), tokenUrl })
      const run = await harvestSource(deps, sourceId)
      expect(run.error).toBe(
        `bad page: the source's credentials.tokenUrl is not an http(s) URL without user name and password`,
      )
    }
    expect(api.requests.length).toBe(firstRequest)
  })

  it('does not echo a token answer that is not JSON (it might repeat the request body)', async () => {
    api.overrideToken((_req, res, recorded) => res.writeHead(200).end(`<html>${recorded.body}</html>`))
    const run = await harvestSource(deps, sourceId)
    expect(run.error).toBe(
      `bad page: the OAuth2 token endpoint ${api.url}/oauth2/access_token did not answer JSON`,
    )
    await expectNoSecret(run.id, api.client.secret)
  })

  it('fails clearly on a token answer without an access_token or with an unknown token type', async () => {
    api.overrideToken(answer(200, { error: 'invalid_scope', echo: api.client.secret }))
    const run = await harvestSource(deps, sourceId)
    expect(run.error).toMatch(
      /token endpoint .* answered without a usable access_token \(it says "invalid_scope"\)$/,
    )
    await expectNoSecret(run.id, api.client.secret)
    api.overrideToken(answer(200, { access_token: 'abc\r\nX-Injected: 1', token_type: 'Bearer' }))
    expect((await harvestSource(deps, sourceId)).error).toMatch(/without a usable access_token$/)
    api.overrideToken(answer(200, { access_token: 'abc', token_type: 'mac' }))
    expect((await harvestSource(deps, sourceId)).error).toMatch(
      /gave a token that is neither JWT nor Bearer$/,
    )
  })

  it('retries a token endpoint that is down, then fails saying it was the token request', async () => {
    api.overrideToken(answer(503, { error: 'temporarily_unavailable' }))
    const run = await harvestSource(deps, sourceId)
    expect(run.error).toBe(
      `http_status (HTTP 503): the OAuth2 token endpoint ${api.url}/oauth2/access_token failed: HTTP 503 from ${api.url}/oauth2/access_token`,
    )
    expect(requests('/oauth2/access_token')).toHaveLength(3)
    expect(requests('/api/v1/courses/')).toHaveLength(0)
  })

  it('fails the run when the API refuses the token', async () => {
    api.overrideToken(answer(200, { access_token: 'eyJ.forged.token', token_type: 'JWT' }))
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'failed', seen: 0 })
    expect(run.error).toMatch(/^http_status \(HTTP 401\): HTTP 401 from .*\/api\/v1\/courses\//)
  })
})

describe('harvesting course-discovery courses', () => {
  it('maps title, descriptions, owners, subjects, level, published runs, languages, effort, weeks and staff', async () => {
    api.courses = [
      course(1, {
        title: 'The Analytics Edge',
        owners: [
          { key: 'PoliMiX', name: 'Politecnico di Milano' },
          { key: 'TsinghuaX', name: 'Tsinghua University' },
          { key: 'NobodyX', name: 'Nobody University' },
        ],
        subjects: [
          { name: 'Economics & Finance', slug: 'economics-finance' },
          { name: 'Computer Science', slug: '' },
          { name: 'Astrology', slug: 'astrology' },
        ],
        level_type: 'Intermediate',
        marketing_url:
          'https://www.example.edu/course/analytics-edge?utm_source=moocx&utm_medium=affiliate&x=1',
        course_runs: [
          discoveryRun(keyOf(1), '1T2026', {
            content_language: 'zh-cmn',
            transcript_languages: ['zh-cmn', 'en-us', 'klingon-xx'],
            min_effort: 3,
            max_effort: 6,
            weeks_to_complete: 10,
            enrollment_start: '2026-01-15T00:00:00Z',
          }),
          discoveryRun(keyOf(1), '3T2025', {
            pacing_type: 'self_paced',
            start: '2025-09-01T00:00:00Z',
            end: '2025-08-01T00:00:00Z',
            availability: 'Archived',
            staff: [
              { given_name: 'Allison', family_name: "O'Hair" },
              { given_name: '', family_name: '' },
            ],
          }),
          discoveryRun(keyOf(1), '2T2026', { status: 'unpublished' }),
          discoveryRun(keyOf(1), '4T2026', { hidden: true }),
          discoveryRun(keyOf(1), '5T2026', { status: 'review_by_legal' }),
          { key: '', start: 'soon' },
        ],
      }),
    ]
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', added: 1, rejected: 0 })
    const c = await courseOf(keyOf(1))
    expect(c).toMatchObject({
      url: 'https://www.example.edu/course/analytics-edge?x=1',
      title: 'The Analytics Edge',
      language: 'zh',
      summary: 'Short description of course 1.',
      description: 'What you will learn in course 1: models data',
      description_html: '<p>What you will learn in course 1:</p><ul><li>models</li><li>data</li></ul>',
      course_number: 'C1',
      level: 'intermediate',
      effort_hours_per_week: 4.5,
      weeks: 10,
    })
    expect(JSON.parse(c.subtitle_languages)).toEqual(['zh', 'en-US'])
    expect(JSON.parse(c.instructors)).toEqual(['Dimitris Bertsimas', "Allison O'Hair"])
    expect(await institutionsOf(c.id)).toEqual(['polimi', 'tsinghua'])
    expect(await subjectsOf(c.id)).toEqual(['0311', '0412', '0613'])
    expect(await runsOf(keyOf(1))).toEqual([
      {
        run_key: `course-v1:${keyOf(1)}+1T2026`,
        pacing: 'instructor',
        starts_on: '2026-02-09',
        ends_on: '2026-06-01',
        enrollment_opens_on: '2026-01-15',
      },
      {
        run_key: `course-v1:${keyOf(1)}+3T2025`,
        pacing: 'self',
        starts_on: '2025-09-01',
        ends_on: null,
        enrollment_opens_on: '2025-12-01',
      },
    ])
  })

  it('reads what a course costs from the seats of its published runs', async () => {
    api.courses = [
      course(0),
      withSeats(
        1,
        [discoverySeat('professional', '300.00')],
        [discoverySeat('no-id-professional', '249.00'), discoverySeat('credit', '1,200.00')],
      ),
      withSeats(2, [discoverySeat('audit'), discoverySeat('honor')]),
      withSeats(3, [discoverySeat('audit')]),
      withSeats(4, [discoverySeat('verified', '149.00')], [discoverySeat('verified', '79.00')]),
      withSeats(5, [discoverySeat('audit'), discoverySeat('verified', '50', 'usd')]),
      withSeats(6, []),
      withSeats(7, [discoverySeat('masters', '0.00')]),
      course(8, {
        course_runs: [
          discoveryRun(keyOf(8), '1T2026', { seats: [discoverySeat('professional', '10.00')] }),
          discoveryRun(keyOf(8), '2T2026', { status: 'unpublished', seats: [discoverySeat('audit')] }),
        ],
      }),
    ]
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', added: 9, rejected: 0 })
    expect(await offerOf(keyOf(0))).toEqual(['free', 'paid', 99, 'USD'])
    expect(await offerOf(keyOf(1))).toEqual(['paid', 'paid', 249, 'USD'])
    // The course's enrollment_count is kept for ranking search results.
    const enrolled = await t.db
      .selectFrom('listings')
      .select('enrollments')
      .where('platform_key', '=', keyOf(0))
      .executeTakeFirstOrThrow()
    expect(enrolled.enrollments).toBe(5120)
    expect(await offerOf(keyOf(2))).toEqual(['free', 'free', null, null])
    expect(await offerOf(keyOf(3))).toEqual(['free', 'none', null, null])
    // Verified as the only seat: enrolling means paying.
    expect(await offerOf(keyOf(4))).toEqual(['paid', 'paid', 79, 'USD'])
    expect(await offerOf(keyOf(5))).toEqual(['free', 'paid', 50, 'USD'])
    expect(await offerOf(keyOf(6))).toEqual([null, null, null, null])
    expect(await offerOf(keyOf(7))).toEqual([null, null, null, null])
    // The seats of an unpublished run do not count.
    expect(await offerOf(keyOf(8))).toEqual(['paid', 'paid', 10, 'USD'])
    const listing = (await listingsOf(sourceId)).find((l) => l.platform_key === keyOf(0))
    expect(listing).toMatchObject({
      access: 'free',
      certificate: 'paid',
      price_amount: 99,
      price_currency: 'USD',
    })
  })

  it('keeps a course whose seats carry garbage, without a price it cannot read', async () => {
    api.courses = [
      withSeats(0, [discoverySeat('audit'), discoverySeat('verified', '€49')]),
      withSeats(1, [discoverySeat('verified', '49.00', 'XYZ'), discoverySeat('audit', 'free', null)]),
      withSeats(2, [discoverySeat('verified', -10), discoverySeat('professional', Number.MAX_VALUE)]),
      withSeats(3, [
        { type: 42, price: '1' },
        'audit',
        null,
        discoverySeat('verified', { amount: 9 }, ['USD']),
      ]),
      course(4, { course_runs: [{ ...discoveryRun(keyOf(4), '1T2026'), seats: 'audit,verified' }] }),
      withSeats(5, [discoverySeat('verified', '49.00', ''), discoverySeat('verified', '59.00', 'EUR')]),
    ]
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', added: 6, rejected: 0 })
    expect(await offerOf(keyOf(0))).toEqual(['free', 'paid', null, null])
    expect(await offerOf(keyOf(1))).toEqual(['free', 'paid', null, null])
    expect(await offerOf(keyOf(2))).toEqual(['paid', 'paid', null, null])
    expect(await offerOf(keyOf(3))).toEqual(['paid', 'paid', null, null])
    expect(await offerOf(keyOf(4))).toEqual([null, null, null, null])
    expect(await offerOf(keyOf(5))).toEqual(['paid', 'paid', 59, 'EUR'])
  })

  it('uses the run marketing page, else the course page on the service, and the source language when runs name none', async () => {
    sourceId = await createSource(deps, {
      id: `discovery-${++sources}`,
      platformId: 'openedu',
      format: 'course-discovery',
      baseUrl: `${api.url}/`,
      credentials: client(),
      defaultLanguage: 'ru',
      orgMap: {},
      ratePerMinute: 600,
    }).then((s) => s.id)
    api.courses = [
      course(1),
      course(2, {
        title: 'Python 3', // a title that does not tell its language
        short_description: null,
        course_runs: [discoveryRun(keyOf(2), '1T2026', { marketing_url: null, content_language: null })],
      }),
    ]
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', added: 2 })
    expect(await courseOf(keyOf(1))).toMatchObject({
      url: `https://www.example.edu/course/t${n}x+c1`,
      language: 'en-US',
    })
    expect(await courseOf(keyOf(2))).toMatchObject({ url: `${api.url}/course/${keyOf(2)}`, language: 'ru' })
  })

  it('leaves out a course with no published run and no marketing page, and keeps one with a marketing page', async () => {
    api.courses = [
      course(1, { course_runs: [discoveryRun(keyOf(1), '1T2026', { status: 'unpublished' })] }),
      course(2, { course_runs: [discoveryRun(keyOf(2), '1T2026', { hidden: true })] }),
      course(3, { course_runs: [], marketing_url: 'https://www.example.edu/course/three' }),
    ]
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', seen: 3, added: 1, rejected: 2 })
    expect(await reasonsOf(run.id)).toEqual([
      'left out: no published run and no marketing page',
      'left out: no published run and no marketing page',
    ])
    expect(await courseOf(keyOf(3))).toMatchObject({ url: 'https://www.example.edu/course/three' })
    expect(await runsOf(keyOf(3))).toEqual([])
  })

  it('writes nothing on an unchanged re-harvest', async () => {
    await harvestSource(deps, sourceId)
    const before = await listingsOf(sourceId)
    deps.advance(60_000)
    const again = await harvestSource(deps, sourceId)
    expect(again).toMatchObject({ status: 'succeeded', seen: 150, added: 0, updated: 0, unchanged: 150 })
    expect(await listingsOf(sourceId)).toEqual(before)
  })

  it('withdraws a course removed upstream on the next full pass', async () => {
    await harvestSource(deps, sourceId)
    api.courses = api.courses.filter((_, i) => i !== 7)
    const second = await harvestSource(deps, sourceId)
    expect(second).toMatchObject({ status: 'succeeded', complete: true, unchanged: 149, withdrawn: 1 })
    expect((await courseOf(keyOf(7))).status).toBe('withdrawn')
  })

  it('rejects broken and unmapped records with a reason, keeping the good ones', async () => {
    api.courses = [
      course(1),
      { ...course(2), key: undefined },
      course(3, { title: '  <b></b> ' }),
      { ...course(4), title: 42 },
      course(5, { owners: [{ key: 'NobodyX', name: 'Nobody University' }] }),
      course(6, { owners: [] }),
      'not a course',
    ]
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', seen: 7, added: 1, rejected: 6 })
    expect(await reasonsOf(run.id)).toEqual(
      expect.arrayContaining([
        'invalid record: key Invalid input: expected string, received undefined',
        'the course has no title',
        'invalid record: title Invalid input: expected string, received number',
        `owner "NobodyX" is not mapped to an institution; add it to the source's orgMap`,
        'the course names no owner organization',
        'invalid record: record Invalid input: expected object, received string',
      ]),
    )
  })

  it('sanitizes scripts and javascript: links in titles and descriptions', async () => {
    api.courses = [
      course(1, {
        title: 'Safe <script>alert(1)</script>Title',
        short_description: '<p onclick="steal()">Short</p><script>steal()</script>',
        full_description: '<p>Learn <a href="javascript:alert(1)">this</a><script>steal()</script></p>',
      }),
    ]
    await harvestSource(deps, sourceId)
    const c = await courseOf(keyOf(1))
    expect(c).toMatchObject({ title: 'Safe Title', summary: 'Short', description_html: '<p>Learn this</p>' })
    expect(c.description).not.toMatch(/script|javascript|steal/)
  })

  it('counts a course repeated on one page and across pages once', async () => {
    const twice = course(1)
    api.courses = [twice, twice, ...Array.from({ length: 99 }, (_, i) => course(i + 2)), twice]
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', seen: 102, added: 100, unchanged: 1 })
    expect(await listingsOf(sourceId)).toHaveLength(100)
  })
})

describe('course-discovery feeds that misbehave', () => {
  it('fails on a malformed page and keeps what the earlier page brought', async () => {
    api.override((req, res, recorded) => {
      if (new URL(recorded.url, api.url).searchParams.get('page') === '2')
        return answer(200, '{"results": [')(req, res)
      return answer(200, {
        count: 250,
        next: `${api.url}/api/v1/courses/?page=2`,
        results: api.courses.slice(0, 100),
      })(req, res)
    })
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'failed', complete: false, added: 100, withdrawn: 0 })
    expect(run.error).toMatch(/^bad page: .*\/api\/v1\/courses\/\?page=2 is not valid JSON/)
    expect(await listingsOf(sourceId)).toHaveLength(100)
  })

  it('fails a page without "results" with what the platform says', async () => {
    api.override(answer(200, { detail: 'You do not have permission to perform this action.' }))
    const run = await harvestSource(deps, sourceId)
    expect(run.error).toMatch(
      /is not a course-discovery page: expected "results" \(the platform says: You do not have permission/,
    )
  })

  it('refuses a next link that leaves the service, so the token goes nowhere else', async () => {
    api.override(
      answer(200, { count: 2, next: 'http://169.254.169.254/latest/meta-data', results: [course(1)] }),
    )
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'failed', complete: false })
    expect(requests('/api/v1/courses/')).toHaveLength(1)
    expect(run.error).toMatch(
      /the next-page link "http:\/\/169\.254\.169\.254\/latest\/meta-data" leaves http:\/\/127/,
    )
  })

  it('stops a next link that loops back to a page already read', async () => {
    api.override((req, res, recorded) =>
      answer(200, { count: 2, next: `${api.url}${recorded.url}`, results: [course(1)] })(req, res),
    )
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'failed', complete: false })
    expect(run.error).toMatch(/links back to a page it already gave/)
    expect(requests('/api/v1/courses/')).toHaveLength(1)
  })
})
