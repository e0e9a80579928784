// Harvesting Coursera's courses.v1 end to end against a fake API on 127.0.0.1: offsets to the end,
// partners and instructors from `linked` (even when it is empty), re-harvests, withdrawals and bad feeds.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { courseraCourse, startFakeCoursera, type FakeCoursera } from '../../../test/fakes/coursera.ts'
import { harvestDeps, type TestHarvestDeps } from '../../../test/harvest-deps.ts'
import { createRegistryDb } from '../../../test/test-app.ts'
import { type TestDb } from '../../../test/test-db.ts'
import { harvestSource } from '../harvest-source.ts'
import { listRejections } from '../harvest-run-repository.ts'
import { createSource } from '../source-repository.ts'
import { listingsOfSource } from '../../../test/listings.ts'

let t: TestDb
let api: FakeCoursera
let deps: TestHarvestDeps
let sourceId = ''
let n = 0

beforeAll(async () => {
  t = await createRegistryDb()
  api = await startFakeCoursera()
})
afterAll(async () => {
  await api.close()
  await t.close()
})
beforeEach(async () => {
  deps = harvestDeps(t.db)
  api.override(undefined)
  api.emptyLinked.clear()
  const source = await createSource(deps, {
    id: `coursera-${++n}`,
    platformId: 'coursera',
    format: 'coursera',
    baseUrl: api.api,
    orgMap: { toronto: 'utoronto', '77': 'polimi' },
    ratePerMinute: 600,
  })
  sourceId = source.id
  // Listing keys are per platform: each test harvests its own slugs.
  api.courses = Array.from({ length: 250 }, (_, i) => course(i))
})

const course = (i: number, overrides: Parameters<typeof courseraCourse>[1] = {}) =>
  courseraCourse(i, { id: `T${n}-${i}`, slug: `t${n}-course-${i}`, ...overrides })
const listingsOf = (id: string) => listingsOfSource(t.db, id)
const courseOf = (slug: string) =>
  t.db
    .selectFrom('courses')
    .innerJoin('listings', 'listings.course_id', 'courses.id')
    .selectAll('courses')
    .select(['listings.url', 'listings.status', 'listings.id as listingId'])
    .where('listings.platform_key', '=', slug)
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
/** What the stored listing says a course costs: access, certificate, price amount and currency. */
const offerOf = async (slug: string) => {
  const l = await t.db
    .selectFrom('listings')
    .select(['access', 'certificate', 'price_amount', 'price_currency'])
    .where('platform_key', '=', slug)
    .executeTakeFirstOrThrow()
  return [l.access, l.certificate, l.price_amount, l.price_currency]
}
const reasonsOf = async (runId: string) => (await listRejections(t.db, runId)).map((r) => r.reason)

describe('harvesting Coursera courses.v1', () => {
  it('walks every page by offset and maps name, slug, languages, workload, partners and instructors', async () => {
    api.courses[0] = course(0, {
      partnerIds: ['245', '13'],
      instructorIds: ['1244', '3071', '5150'],
      primaryLanguages: ['ru'],
    })
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', complete: true, seen: 250, added: 250, rejected: 0 })
    const calls = api.requests.filter((r) => r.path === '/api/courses.v1').map((r) => r.url)
    expect(calls).toEqual([0, 100, 200].map((s) => expect.stringContaining(`start=${s}&limit=100`)))
    expect(calls[0]).toContain('fields=name,slug,description,primaryLanguages,subtitleLanguages,workload')
    expect(calls[0]).toContain('&includes=partnerIds,instructorIds')
    const first = await courseOf(`t${n}-course-0`)
    expect(first).toMatchObject({
      url: `https://www.coursera.org/learn/t${n}-course-0`,
      title: 'Machine Learning 0',
      language: 'ru',
      effort_hours_per_week: 6,
      origin: 'harvest',
    })
    expect(JSON.parse(first.instructors)).toEqual(['Andrei Ivanov', 'Maria Rossi', 'Dr. Li Wei'])
    expect(JSON.parse(first.subtitle_languages)).toEqual(['zh-CN', 'uk', 'ar'])
    expect(await institutionsOf(first.id)).toEqual(['spbu', 'utoronto'])
    const subjects = await t.db
      .selectFrom('course_subjects')
      .select('subject_code')
      .where('course_id', '=', first.id)
      .execute()
    expect(subjects.map((s) => s.subject_code)).toEqual(['0613'])
    const runs = await t.db.selectFrom('runs').selectAll().where('listing_id', '=', first.listingId).execute()
    expect(runs).toMatchObject([{ run_key: '2026-02-09', starts_on: '2026-02-09', pacing: 'self' }])
  })

  it('keeps plain-text paragraphs, escapes stray angle brackets and cuts the summary at a word', async () => {
    api.courses = [course(1), course(2, { description: 'word '.repeat(400) })]
    await harvestSource(deps, sourceId)
    const long = await courseOf(`t${n}-course-2`)
    expect(long.summary?.length).toBe(495)
    expect(long.summary).toMatch(/word…$/)
    const c = await courseOf(`t${n}-course-1`)
    expect(c.description_html).toBe(
      '<p>What you will learn in course 1.<br />Week by week.</p><p>A second paragraph: Q&amp;A, 2 &lt; 3.</p>',
    )
    expect(c.description).toBe(
      'What you will learn in course 1. Week by week. A second paragraph: Q&A, 2 < 3.',
    )
    expect(c.summary).toBe('What you will learn in course 1. Week by week. A second paragraph: Q&A, 2 < 3.')
  })

  it('makes a session course with a start date instructor-paced and one without a date self-paced', async () => {
    api.courses = [
      course(1, { courseType: 'v1.session', startDate: Date.UTC(2026, 8, 1) }),
      course(2, { startDate: undefined }),
    ]
    await harvestSource(deps, sourceId)
    const runsOf = async (slug: string) =>
      t.db
        .selectFrom('runs')
        .select(['run_key', 'pacing', 'starts_on'])
        .where('listing_id', '=', (await courseOf(slug)).listingId)
        .execute()
    expect(await runsOf(`t${n}-course-1`)).toEqual([
      { run_key: '2026-09-01', pacing: 'instructor', starts_on: '2026-09-01' },
    ])
    expect(await runsOf(`t${n}-course-2`)).toEqual([
      { run_key: 'self-paced', pacing: 'self', starts_on: null },
    ])
  })

  it('falls back to partner ids in the orgMap when a page comes with empty "linked"', async () => {
    api.courses = [
      course(1, { partnerIds: ['77'], instructorIds: ['3071'] }),
      course(2, { partnerIds: ['245'] }),
    ]
    api.emptyLinked.add(0)
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ added: 1, rejected: 1 })
    const polimi = await courseOf(`t${n}-course-1`)
    expect(await institutionsOf(polimi.id)).toEqual(['polimi'])
    expect(JSON.parse(polimi.instructors)).toEqual([])
    expect(await reasonsOf(run.id)).toEqual([
      `partner id 245 is not mapped to an institution; add it to the source's orgMap`,
    ])
  })

  it('reads whether a certificate is offered from certificates[], leaving access and price unknown', async () => {
    const { certificates: _none, ...withoutCertificates } = course(3)
    api.courses = [
      course(0),
      course(1, { certificates: ['Specialization', 'VerifiedCert'] }),
      course(2, { certificates: [] }),
      withoutCertificates,
    ]
    expect(await harvestSource(deps, sourceId)).toMatchObject({ added: 4, rejected: 0 })
    expect(await offerOf(`t${n}-course-0`)).toEqual([null, 'paid', null, null])
    expect(await offerOf(`t${n}-course-1`)).toEqual([null, 'paid', null, null])
    expect(await offerOf(`t${n}-course-2`)).toEqual([null, 'none', null, null])
    expect(await offerOf(`t${n}-course-3`)).toEqual([null, null, null, null])
  })

  it('keeps a course whose certificates are garbage, saying nothing of its certificate', async () => {
    const garbage: unknown[] = ['VerifiedCert', [null, 42], { VerifiedCert: true }, [''], null, 1]
    api.courses = garbage.map((certificates, i) => course(i, { certificates }))
    expect(await harvestSource(deps, sourceId)).toMatchObject({ added: garbage.length, rejected: 0 })
    for (const [i] of garbage.entries())
      expect(await offerOf(`t${n}-course-${i}`)).toEqual([null, null, null, null])
  })

  it('writes nothing on an unchanged re-harvest', async () => {
    await harvestSource(deps, sourceId)
    const before = await listingsOf(sourceId)
    deps.advance(60_000)
    const again = await harvestSource(deps, sourceId)
    expect(again).toMatchObject({ status: 'succeeded', seen: 250, added: 0, updated: 0, unchanged: 250 })
    expect(await listingsOf(sourceId)).toEqual(before)
  })

  it('withdraws a course removed upstream on the next full pass', async () => {
    await harvestSource(deps, sourceId)
    api.courses = api.courses.filter((_, i) => i !== 7)
    const second = await harvestSource(deps, sourceId)
    expect(second).toMatchObject({ status: 'succeeded', complete: true, unchanged: 249, withdrawn: 1 })
    expect((await courseOf(`t${n}-course-7`)).status).toBe('withdrawn')
  })

  it('rejects broken and unmapped records with a reason, keeping the good ones', async () => {
    api.courses = [
      course(1),
      { ...course(2), slug: undefined },
      { ...course(3), id: undefined },
      course(4, { name: '   ' }),
      course(5, { slug: '../../admin' }),
      course(6, { partnerIds: ['999'] }),
      course(7, { partnerIds: [] }),
      'not a course',
    ]
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', seen: 8, added: 1, rejected: 7 })
    expect(await reasonsOf(run.id)).toEqual(
      expect.arrayContaining([
        'invalid record: slug Invalid input: expected string, received undefined',
        'invalid record: id Invalid input: expected string, received undefined',
        'the course has no name',
        'invalid record: slug is not a Coursera course slug',
        `partner "nobody" (id 999) is not mapped to an institution; add it to the source's orgMap`,
        'the course names no partner institution',
        expect.stringMatching(/^invalid record/),
      ]),
    )
  })

  it('sanitizes scripts and javascript: links in descriptions and names', async () => {
    api.courses = [
      course(1, {
        name: 'Safe <script>alert(1)</script>Title',
        description: '<p>Learn <a href="javascript:alert(1)">this</a><script>steal()</script></p>',
      }),
    ]
    await harvestSource(deps, sourceId)
    const c = await courseOf(`t${n}-course-1`)
    expect(c.title).toBe('Safe Title')
    expect(c.description_html).toBe('<p>Learn this</p>')
    expect(c.description).not.toMatch(/script|javascript|steal/)
    expect(c.summary).toBe('Learn this')
  })

  it('counts a course repeated on one page and across pages once', async () => {
    const twice = course(1)
    api.courses = [twice, twice, ...Array.from({ length: 99 }, (_, i) => course(i + 2)), twice]
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', seen: 102, added: 100, unchanged: 1 })
    expect(await listingsOf(sourceId)).toHaveLength(100)
  })
})

describe('Coursera feeds that misbehave', () => {
  const answer = (body: unknown) => (_req: unknown, res: import('node:http').ServerResponse) =>
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(typeof body === 'string' ? body : JSON.stringify(body))

  it('fails on a malformed page and keeps what the earlier page brought', async () => {
    api.override((_req, res, recorded) => {
      const start = new URL(recorded.url, 'http://x').searchParams.get('start')
      if (start === '100') return answer('{"elements": [')(_req, res)
      return answer({ elements: api.courses.slice(0, 100), paging: { next: '100', total: 250 }, linked: {} })(
        _req,
        res,
      )
    })
    api.courses = Array.from({ length: 100 }, (_, i) => course(i, { partnerIds: ['77'] }))
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'failed', complete: false, added: 100, withdrawn: 0 })
    expect(run.error).toMatch(/^bad page: .*courses\.v1\?start=100.* is not valid JSON/)
    expect(await listingsOf(sourceId)).toHaveLength(100)
  })

  it('fails a page without "elements" with a clear reason', async () => {
    api.override(answer({ errorCode: 'Not Authorized', message: 'nope' }))
    const run = await harvestSource(deps, sourceId)
    expect(run.error).toMatch(/is not a Coursera courses\.v1 page/)
  })

  it('stops a paging.next that goes back to an earlier offset', async () => {
    api.override(answer({ elements: [course(1)], paging: { next: '0' } }))
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'failed', complete: false })
    expect(run.error).toMatch(/paging\.next "0" is not an offset past 0/)
  })

  it('refuses a paging.next that is a link elsewhere instead of an offset', async () => {
    api.override(answer({ elements: [], paging: { next: 'http://169.254.169.254/latest/meta-data' } }))
    const run = await harvestSource(deps, sourceId)
    expect(run.error).toMatch(/paging\.next "http:\/\/169\.254\.169\.254.*" is not an offset/)
    expect(api.requests.some((r) => r.url.includes('169.254'))).toBe(false)
  })
})
