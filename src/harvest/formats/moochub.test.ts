// Harvesting a MOOChub platform end to end against a fake one on 127.0.0.1: v3 and v2 records, runs
// from start dates, institutions from organization names, re-harvests, withdrawals, hostile feeds.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  courseId,
  moochubCourse,
  startFakeMoochub,
  toV2,
  type FakeMoochub,
} from '../../../test/fakes/moochub.ts'
import { sourceOf } from '../../../test/factories.ts'
import { harvestDeps, type TestHarvestDeps } from '../../../test/harvest-deps.ts'
import { createRegistryDb, NOW } from '../../../test/test-app.ts'
import { type TestDb } from '../../../test/test-db.ts'
import { createInstitution } from '../../institutions/institution-repository.ts'
import { createPlatform } from '../../institutions/platform-repository.ts'
import { listRejections } from '../harvest-run-repository.ts'
import { harvestSource } from '../harvest-source.ts'
import { createSource } from '../source-repository.ts'
import type { ParseContext } from './connector.ts'
import { moochub } from './moochub.ts'
import { listingsOfSource } from '../../../test/listings.ts'

let t: TestDb
let hub: FakeMoochub
let deps: TestHarvestDeps
let sourceId = ''
let sourceCount = 0

/** Course `i` of the current test: ids differ per test, since listing keys are per platform. */
const course = (i: number, attributes: Record<string, unknown> = {}) =>
  moochubCourse(sourceCount * 1000 + i, attributes)
const idOf = (i: number) => courseId(sourceCount * 1000 + i)
const ORG_MAP = { 'TU Graz': 'tugraz', 'Universität Graz': 'uni-graz' }

async function addSource(baseUrl: string, orgMap: Record<string, string> = ORG_MAP): Promise<string> {
  const source = await createSource(deps, {
    id: `hub-${++sourceCount}`,
    platformId: 'imoox',
    format: 'moochub',
    baseUrl,
    orgMap,
    ratePerMinute: 600,
    defaultLanguage: 'de',
  })
  return source.id
}

beforeAll(async () => {
  t = await createRegistryDb()
  const now = NOW.toISOString()
  for (const [id, en, de] of [
    ['tugraz', 'Graz University of Technology', 'Technische Universität Graz'],
    ['uni-graz', 'University of Graz', 'Universität Graz'],
  ] as const) {
    await createInstitution(
      t.db,
      { id, kind: 'university', role: 'member', status: 'active', country: 'AT', names: { en, de } },
      now,
    )
  }
  await createPlatform(
    t.db,
    { id: 'imoox', name: 'iMooX', software: 'other', baseUrl: 'https://imoox.example', institutionId: null },
    now,
  )
  hub = await startFakeMoochub([], { pageSize: 50 })
})
afterAll(async () => {
  await hub.close()
  await t.close()
})
beforeEach(async () => {
  deps = harvestDeps(t.db)
  hub.override(undefined)
  sourceId = await addSource(hub.apiUrl)
  hub.courses = Array.from({ length: 120 }, (_, i) => course(i))
})

const listingsOf = (id: string) => listingsOfSource(t.db, id)

/** What moocx keeps of one upstream record: listing, course, institutions, subjects and runs. */
/** What the stored listing of record `i` says it costs: access, certificate, price amount and currency. */
async function offerOf(i: number) {
  const { listing: l } = await harvested(idOf(i))
  return [l.access, l.certificate, l.price_amount, l.price_currency]
}
const offer = (category: string, price: unknown, priceCurrency: unknown = 'EUR') => ({
  price,
  priceCurrency,
  paymentFrequency: 'one-time',
  category,
})

async function harvested(recordId: string) {
  const listing = await t.db
    .selectFrom('listings')
    .selectAll()
    .where('source_id', '=', sourceId)
    .where('platform_key', '=', recordId)
    .executeTakeFirstOrThrow()
  const course = await t.db
    .selectFrom('courses')
    .selectAll()
    .where('id', '=', listing.course_id)
    .executeTakeFirstOrThrow()
  const institutions = await t.db
    .selectFrom('course_institutions')
    .select('institution_id')
    .where('course_id', '=', course.id)
    .orderBy('position')
    .execute()
  const subjects = await t.db
    .selectFrom('course_subjects')
    .select('subject_code')
    .where('course_id', '=', course.id)
    .execute()
  const runs = await t.db
    .selectFrom('runs')
    .select(['run_key', 'pacing', 'starts_on', 'ends_on', 'enrollment_opens_on', 'enrollment_closes_on'])
    .where('listing_id', '=', listing.id)
    .orderBy('run_key')
    .execute()
  return {
    listing,
    course: { ...course, instructors: JSON.parse(course.instructors) as string[] },
    institutions: institutions.map((i) => i.institution_id),
    subjects: subjects.map((s) => s.subject_code),
    runs,
  }
}

const rejectionsOf = async (runId: string) => (await listRejections(t.db, runId)).map((r) => r.reason)

describe('harvesting a MOOChub v3 platform', () => {
  it('asks for v3 and adds every course through every page, with institution, subjects, effort and runs', async () => {
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', complete: true, seen: 120, added: 120, rejected: 0 })
    expect(await listingsOf(sourceId)).toHaveLength(120)
    const pages = hub.requests.filter((r) => r.path === '/api/moochub/courses').slice(-3)
    expect(pages.map((r) => r.url)).toEqual([
      '/api/moochub/courses',
      '/api/moochub/courses?page=2',
      '/api/moochub/courses?page=3',
    ])
    expect(pages.every((r) => r.headers.accept === 'application/vnd.api+json; moochub-version=3')).toBe(true)
    const { listing, course: c, institutions, subjects, runs } = await harvested(idOf(1))
    expect(listing).toMatchObject({
      url: `https://imoox.example/course/view.php?id=${sourceCount * 1000 + 1}`,
    })
    expect(c).toMatchObject({
      title: course(1).attributes.name,
      language: 'de',
      summary: null,
      effort_hours_per_week: 3,
      weeks: 8,
      course_number: `mooc${sourceCount * 1000 + 1}`,
      instructors: ['Martin Ebner', 'Sandra Schön'],
      license: 'CC-BY-SA-4.0',
    })
    expect(c.description).toMatch(/^Der Kurs \d+ führt in das Thema ein\. Mit Videos, Quizzes/)
    expect(c.description_html).toContain('<strong>Videos</strong>')
    expect(institutions).toEqual(['tugraz'])
    expect(subjects).toEqual(['0111'])
    expect(runs).toEqual([
      {
        run_key: '2026-03-02',
        pacing: 'instructor',
        starts_on: '2026-03-02',
        ends_on: '2026-04-27',
        enrollment_opens_on: null,
        enrollment_closes_on: null,
      },
    ])
  })

  it('makes one run per start date, self-paced when a run has no end date or the course no start date', async () => {
    hub.courses = [
      course(1, {
        startDate: ['2026-10-05T08:00:00Z', '2026-03-02T08:00:00Z', '2026-03-02T18:00:00Z'],
        endDate: ['2026-04-27T21:59:00Z'],
      }),
      course(2, { startDate: null, endDate: null, duration: undefined }),
      course(3, {
        startDate: ['2026-05-04T00:00:00Z'],
        endDate: ['2026-06-01T00:00:00Z'],
        applicationStartDate: '2026-04-01T00:00:00Z',
        applicationDeadline: '2026-05-10T00:00:00Z',
        duration: undefined,
      }),
    ]
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', added: 3 })
    expect((await harvested(idOf(1))).runs).toMatchObject([
      { run_key: '2026-03-02', pacing: 'instructor', starts_on: '2026-03-02', ends_on: '2026-04-27' },
      { run_key: '2026-10-05', pacing: 'self', starts_on: '2026-10-05', ends_on: null },
    ])
    expect((await harvested(idOf(2))).runs).toMatchObject([
      { run_key: 'self-paced', pacing: 'self', starts_on: null, ends_on: null },
    ])
    const third = await harvested(idOf(3))
    expect(third.runs).toMatchObject([
      { enrollment_opens_on: '2026-04-01', enrollment_closes_on: '2026-05-10' },
    ])
    expect(third.course.weeks).toBe(4)
  })

  it('reads the warts: entities, two people in one name, numeric ids, other language forms, bare records', async () => {
    const bare = course(3)
    bare.attributes = {
      name: 'Nur das Nötigste',
      learningResourceType: bare.attributes.learningResourceType,
      publisher: { type: 'Organization', name: 'Universität Graz' },
      creator: [{ type: 'Person', name: 'Anna Beispiel' }],
      url: '/course/view.php?id=3',
      license: bare.attributes.license,
    }
    hub.courses = [
      course(1, {
        name: 'Lehren &amp; Lernen mit Technologien',
        instructor: [{ type: 'Person', name: 'Sandra Sch&ouml;n &amp; Martin Ebner' }],
        description: '<p>Von Sandra Schön &amp; Martin Ebner &ndash; 2026</p>',
        inLanguage: ['en-us', 'de'],
        workload: { timeValue: 2, timeUnit: 'h/day' },
      }),
      { ...course(2, { inLanguage: 'Deutsch', educationalAlignment: [] }), id: 4711 + sourceCount * 1000 },
      bare,
    ]
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', added: 3, rejected: 0 })
    const first = await harvested(idOf(1))
    expect(first.course).toMatchObject({
      title: 'Lehren & Lernen mit Technologien',
      language: 'en-US',
      effort_hours_per_week: 14,
      instructors: ['Sandra Schön', 'Martin Ebner'],
      description: 'Von Sandra Schön & Martin Ebner – 2026',
    })
    const numeric = await harvested(String(4711 + sourceCount * 1000))
    expect(numeric.course.language).toBe('de')
    expect(numeric.subjects).toEqual([])
    const third = await harvested(idOf(3))
    expect(third.listing.url).toBe(`${hub.url}/course/view.php?id=3`)
    expect(third.institutions).toEqual(['uni-graz'])
    expect(third.course).toMatchObject({
      language: 'de',
      description: null,
      effort_hours_per_week: null,
      weeks: null,
      course_number: null,
      instructors: [],
    })
    expect(third.runs).toMatchObject([{ run_key: 'self-paced', pacing: 'self' }])
  })

  it('links every mapped creator, publisher or partner, and rejects a course whose organizations are all unmapped', async () => {
    const both = [
      { type: 'Organization', name: 'TU Graz' },
      { type: 'Organization', name: 'Universit&auml;t Graz' },
    ]
    hub.courses = [
      course(1, { creator: both }),
      course(2, { creator: [{ type: 'Organization', name: 'Hochschule Nirgendwo' }] }),
    ]
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ added: 1, rejected: 1 })
    expect((await harvested(idOf(1))).institutions).toEqual(['tugraz', 'uni-graz'])
    expect(await rejectionsOf(run.id)).toEqual([
      'none of "Hochschule Nirgendwo", "iMooX.at" is mapped to an institution; add one to the source\'s orgMap',
    ])
  })

  it('reads what a course costs from access[] and offer[]', async () => {
    hub.courses = [
      course(0),
      course(1, { access: ['paid'], offer: [offer('complete', 1490), offer('complete', 990)] }),
      course(2, { access: ['free'], offer: [] }),
      course(3, { access: ['student'], offer: undefined }),
      course(4, { access: undefined, offer: [offer('course', 0), offer('certificate', 0)] }),
      course(5, { access: ['free', 'paid'], offer: [offer('course', 0), offer('complete', 120, 'chf')] }),
      course(6, { access: ['paid'], offer: [offer('course', 59, 'USD'), offer('certificate', 19, 'USD')] }),
    ]
    expect(await harvestSource(deps, sourceId)).toMatchObject({ added: 7, rejected: 0 })
    expect(await offerOf(0)).toEqual(['free', 'paid', 29, 'EUR'])
    expect(await offerOf(1)).toEqual(['paid', 'paid', 990, 'EUR'])
    expect(await offerOf(2)).toEqual(['free', null, null, null])
    expect(await offerOf(3)).toEqual([null, null, null, null])
    expect(await offerOf(4)).toEqual(['free', 'free', null, null])
    expect(await offerOf(5)).toEqual(['free', 'paid', 120, 'CHF'])
    // Access is paid: the price is what taking the course costs, not the cheaper certificate.
    expect(await offerOf(6)).toEqual(['paid', 'paid', 59, 'USD'])
  })

  it('keeps a course whose offers are garbage, without a price it cannot read', async () => {
    hub.courses = [
      course(0, { offer: [offer('certificate', 'abc')] }),
      course(1, { offer: [offer('certificate', 49, 'Euro')] }),
      course(2, {
        offer: [offer('certificate', -1), offer('certificate', 1e12), offer('certificate', null)],
      }),
      course(3, { offer: [offer('donation', 5), 'garbage', null, 42, { price: 5 }] }),
      course(4, { access: 'paid', offer: offer('course', '1.234,50', 'eur') }),
      course(5, { access: [42, {}], offer: 'free' }),
      course(6, { offer: [offer('certificate', '€49'), offer('certificate', '39.00', 'EUR')] }),
    ]
    expect(await harvestSource(deps, sourceId)).toMatchObject({ added: 7, rejected: 0 })
    expect(await offerOf(0)).toEqual(['free', null, null, null])
    expect(await offerOf(1)).toEqual(['free', 'paid', null, null])
    expect(await offerOf(2)).toEqual(['free', null, null, null])
    expect(await offerOf(3)).toEqual(['free', null, null, null])
    expect(await offerOf(4)).toEqual(['paid', null, 1234.5, 'EUR'])
    expect(await offerOf(5)).toEqual([null, null, null, null])
    expect(await offerOf(6)).toEqual(['free', 'paid', 39, 'EUR'])
  })

  it('writes nothing on an unchanged re-harvest', async () => {
    await harvestSource(deps, sourceId)
    const before = await listingsOf(sourceId)
    deps.advance(60_000)
    const again = await harvestSource(deps, sourceId)
    expect(again).toMatchObject({ status: 'succeeded', seen: 120, added: 0, updated: 0, unchanged: 120 })
    expect(await listingsOf(sourceId)).toEqual(before)
  })

  it('withdraws a course removed upstream on the next full pass, and updates a changed one', async () => {
    await harvestSource(deps, sourceId)
    hub.courses = hub.courses.slice(1).map((c, i) => (i === 0 ? course(1, { name: 'Ein neuer Name' }) : c))
    const second = await harvestSource(deps, sourceId)
    expect(second).toMatchObject({ status: 'succeeded', updated: 1, unchanged: 118, withdrawn: 1 })
    expect((await harvested(idOf(0))).listing.status).toBe('withdrawn')
    expect((await harvested(idOf(1))).course.title).toBe('Ein neuer Name')
  })

  it('keeps the licence a course states, and follows it when it changes or goes', async () => {
    const licensed = (i: number, license: unknown) => course(i, { license })
    hub.courses = [
      licensed(0, [{ identifier: 'proprietary', url: null }]),
      licensed(1, [{ identifier: 'cc-by-4.0', url: 'https://spdx.org/licenses/CC-BY-4.0.html' }]),
      licensed(2, undefined),
      licensed(3, [{ identifier: 'Custom', url: 'https://creativecommons.org/licenses/by-nc/4.0/' }]),
    ]
    await harvestSource(deps, sourceId)
    const licenses = async () =>
      Promise.all([0, 1, 2, 3].map(async (i) => (await harvested(idOf(i))).course.license))
    expect(await licenses()).toEqual(['proprietary', 'CC-BY-4.0', null, 'CC-BY-NC-4.0'])
    hub.courses = [licensed(0, undefined), licensed(1, 'MIT'), licensed(2, undefined), hub.courses[3]]
    expect(await harvestSource(deps, sourceId)).toMatchObject({ updated: 2, unchanged: 2 })
    expect(await licenses()).toEqual([null, 'MIT', null, 'CC-BY-NC-4.0'])
  })

  it('rejects records missing required fields with a reason, keeping the good ones', async () => {
    const without = (key: string, attributes: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(attributes).filter(([k]) => k !== key))
    const noName = without('name', course(2).attributes)
    const noUrl = without('url', course(3).attributes)
    hub.courses = [
      course(1),
      { ...course(2), attributes: noName },
      { ...course(3), attributes: noUrl },
      course(4, { name: '<p> </p>' }),
      course(5, { url: 'javascript:alert(1)' }),
      { ...course(6), type: 'Program' },
      { type: 'Course', attributes: course(7).attributes },
      { id: idOf(8), type: 'Course' },
      'a string, not a record',
    ]
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'succeeded', seen: 9, added: 1, rejected: 8 })
    expect(await rejectionsOf(run.id)).toEqual([
      expect.stringMatching(/^invalid record: attributes\.name /),
      expect.stringMatching(/^invalid record: attributes\.url /),
      'the course has no name',
      'no usable course URL',
      'left out: a "Program" resource is not a course',
      expect.stringMatching(/^invalid record: id /),
      expect.stringMatching(/^invalid record: attributes /),
      expect.stringMatching(/^invalid record: record /),
    ])
    const keys = (await listRejections(t.db, run.id)).map((r) => r.recordKey)
    expect(keys).toEqual([idOf(2), idOf(3), idOf(4), idOf(5), idOf(6), null, idOf(8), null])
  })

  it('sanitizes scripts, javascript: links and event handlers out of descriptions', async () => {
    hub.courses = [
      course(1, {
        name: 'Sicher <script>alert(1)</script>im Netz',
        description:
          '<p onclick="alert(1)">Hallo<script>alert(2)</script> <a href="javascript:alert(3)">Klick</a> ' +
          '<a href="/faq">FAQ</a><img src=x onerror="alert(4)"></p>',
      }),
    ]
    await harvestSource(deps, sourceId)
    const { course: c } = await harvested(idOf(1))
    expect(c.title).toBe('Sicher im Netz')
    expect(c.description_html).toBe(
      '<p>Hallo Klick <a href="https://imoox.example/faq" rel="nofollow noopener">FAQ</a></p>',
    )
    expect(c.description).toBe('Hallo Klick FAQ')
  })

  it('keeps one listing for a record served twice, on one page and again on the next', async () => {
    const twice = course(7)
    hub.courses = [twice, ...Array.from({ length: 49 }, (_, i) => course(100 + i)), twice, twice]
    const run = await harvestSource(deps, sourceId)
    // The page's own duplicate is dropped before saving; the next page's copy is unchanged.
    expect(run).toMatchObject({ status: 'succeeded', seen: 52, added: 50, unchanged: 1, rejected: 0 })
    expect(await listingsOf(sourceId)).toHaveLength(50)
  })
})

describe('harvesting a MOOChub v2 platform', () => {
  it('reads the v2 records of a platform that answers v2 when asked for v3', async () => {
    const legacy = await startFakeMoochub([], { versions: [2] })
    try {
      // This platform's MOOC provider stands for the University of Graz (a test-only mapping).
      const id = await addSource(`${legacy.apiUrl}/courses/`, { ...ORG_MAP, 'iMooX.at': 'uni-graz' })
      sourceId = id
      const noPartner = course(2, { creator: [{ type: 'Person', name: 'Anna Beispiel' }] })
      legacy.courses = [course(1, { startDate: ['2026-03-02T08:00:00Z', '2026-10-05T08:00:00Z'] }), noPartner]
      const run = await harvestSource(deps, id)
      expect(run).toMatchObject({ status: 'succeeded', added: 2, rejected: 0 })
      expect(legacy.requests[0]?.url).toBe('/api/moochub/courses')
      const first = await harvested(idOf(1))
      expect(first.course).toMatchObject({
        language: 'de',
        effort_hours_per_week: 3,
        weeks: 8,
        instructors: ['Assoc.-Prof. Dr. Martin Ebner', 'Sandra Schön'],
      })
      expect(first.institutions).toEqual(['tugraz', 'uni-graz'])
      expect(first.runs).toMatchObject([
        { run_key: '2026-03-02', ends_on: '2026-04-27', pacing: 'instructor' },
      ])
      expect((await harvested(idOf(2))).institutions).toEqual(['uni-graz'])
      // v2 says the course is free to take; it has no offers, so nothing about a certificate.
      expect(await offerOf(1)).toEqual(['free', null, null, null])
    } finally {
      await legacy.close()
    }
  })
})

describe('MOOChub records and pages', () => {
  const source = sourceOf({
    id: 'unit',
    platformId: 'imoox',
    format: 'moochub',
    baseUrl: 'https://imoox.example/api/moochub',
    orgMap: ORG_MAP,
  })
  const ctx = {
    source,
    platform: { id: 'imoox', institutionId: null },
    institutionIds: new Set(['tugraz', 'uni-graz']),
    subjectCodes: new Set(['0111', '0611']),
  } as unknown as ParseContext

  it('starts at {api}/courses unless the base already names the endpoint', () => {
    const first = (baseUrl: string) => moochub.firstPage({ ...source, baseUrl }).url
    expect(first('https://imoox.example/api/moochub')).toBe('https://imoox.example/api/moochub/courses')
    expect(first('https://imoox.example/api/moochub/')).toBe('https://imoox.example/api/moochub/courses')
    expect(first('https://open.hpi.example/bridges/moochub/courses')).toBe(
      'https://open.hpi.example/bridges/moochub/courses',
    )
    expect(first('https://imoox.example/mooc/local/moochubs/classes/webservice.php')).toBe(
      'https://imoox.example/mooc/local/moochubs/classes/webservice.php',
    )
  })

  it('reads the same course alike from v3 and v2, but for academic titles, keywords and the offers v2 lacks', () => {
    const v3 = moochub.parseRecord(moochubCourse(1), ctx)
    const v2 = moochub.parseRecord(toV2(moochubCourse(1)), ctx)
    if (!('record' in v3) || !('record' in v2)) throw new Error('both should be accepted')
    const unlike = { instructors: [], subjects: [], keywords: [], certificate: null, price: null }
    expect({ ...v2.record, ...unlike }).toEqual({ ...v3.record, ...unlike })
    expect([v3.record.access, v3.record.certificate, v3.record.price]).toEqual([
      'free',
      'paid',
      { amount: 29, currency: 'EUR' },
    ])
    expect([v2.record.access, v2.record.certificate, v2.record.price]).toEqual(['free', null, null])
    expect(v3.record.subjects).toEqual(['0111'])
    expect(v3.record.keywords).toEqual(['Bildung'])
  })

  it('reads subjects from ISCED-F codes only, and a level from DigComp level names', () => {
    const alignment = (educationalFramework: string, shortCode?: string, targetUrl?: string) => ({
      type: 'EducationalAlignment',
      educationalFramework,
      educationalFrameworkVersion: '2013',
      name: [{ inLanguage: 'de', name: 'x' }],
      shortCode,
      targetUrl,
    })
    const result = moochub.parseRecord(
      moochubCourse(1, {
        educationalAlignment: [
          alignment('OEFOS', '0111'),
          alignment('ISCED-F', undefined, 'http://data.europa.eu/esco/isced-f/0611'),
          alignment('ISCED-F', '9999'),
        ],
        educationalLevel: [
          { name: [{ inLanguage: 'en', name: 'INTERMEDIATE' }], educationalFramework: 'DigComp' },
        ],
      }),
      ctx,
    )
    expect(result).toMatchObject({ record: { subjects: ['0611'], level: 'intermediate' } })
  })

  it('reads the licence from v3 license[] or v2 courseLicenses[], and nothing from garbage', () => {
    const licenseOf = (attributes: Record<string, unknown>) => {
      const result = moochub.parseRecord(moochubCourse(1, attributes), ctx)
      if (!('record' in result)) throw new Error('should be accepted')
      return result.record.license ?? null
    }
    expect(licenseOf({})).toBe('CC-BY-SA-4.0')
    expect(licenseOf({ license: [{ identifier: 'CC0-1.0', url: null }] })).toBe('CC0-1.0')
    expect(licenseOf({ license: 'https://creativecommons.org/licenses/by-nd/3.0/de/' })).toBe(
      'CC-BY-ND-3.0-DE',
    )
    expect(
      licenseOf({
        license: undefined,
        courseLicenses: [{ id: 'Proprietary', url: null, name: 'Proprietary License' }],
      }),
    ).toBe('proprietary')
    const v2 = moochub.parseRecord(toV2(moochubCourse(1)), ctx)
    expect(v2).toMatchObject({ record: { license: 'CC-BY-SA-4.0' } })
    for (const license of [null, 42, 'x'.repeat(100_000), [{ identifier: { a: 1 } }], [[['MIT']]], 'Frei']) {
      const result = moochub.parseRecord(moochubCourse(1, { license }), ctx)
      expect(result, JSON.stringify(license).slice(0, 40)).toMatchObject({ record: {} })
      expect('record' in result && 'license' in result.record).toBe(false)
    }
  })

  it("maps an organization whose url is an institution page on the source's host, as another moocx node writes it", () => {
    const creator = (name: string, url: string | null, identifier?: string) => ({
      type: 'Organization',
      name,
      url,
      identifier,
    })
    const institutionsOf = (creators: unknown[]) => {
      const result = moochub.parseRecord(moochubCourse(1, { creator: creators, publisher: creators[0] }), ctx)
      return 'record' in result ? result.record.institutions : result
    }
    expect(
      institutionsOf([creator('Graz University of Technology', 'https://imoox.example/institutions/tugraz')]),
    ).toEqual(['tugraz'])
    expect(
      institutionsOf([
        creator('Universität Graz', null),
        creator('X', null, 'https://imoox.example/institutions/tugraz/'),
      ]),
    ).toEqual(['uni-graz', 'tugraz'])
    for (const url of [
      'https://elsewhere.example/institutions/tugraz',
      'https://imoox.example/institutions/unknown',
      'https://imoox.example/institutions/tugraz/courses',
      'javascript:alert(1)',
      'not a url',
    ])
      expect(institutionsOf([creator('Somebody', url)]), url).toMatchObject({ rejected: {} })
  })

  it('takes the level another moocx node states in the resource meta', () => {
    const withMeta = (meta: unknown) => ({ ...moochubCourse(1), meta })
    expect(moochub.parseRecord(withMeta({ level: 'advanced' }), ctx)).toMatchObject({
      record: { level: 'advanced' },
    })
    for (const meta of [{ level: 'expert' }, { level: 3 }, 'advanced', null])
      expect(moochub.parseRecord(withMeta(meta), ctx)).toMatchObject({ record: { level: null } })
  })

  it("refuses a page without a JSON:API data array, quoting the platform's error", () => {
    const read = (text: string) => () => moochub.readPage({ url: 'https://imoox.example/x', text }, source)
    expect(read('{"errors":[{"title":"Unsupported requested version","status":"406"}]}')).toThrow(
      /not a MOOChub JSON:API page: expected a "data" array \(the platform says: Unsupported requested version\)/,
    )
    expect(read('{"courses":[]}')).toThrow(/not a MOOChub JSON:API page/)
    expect(read('<!doctype html><title>Wartung</title>')).toThrow(/not valid JSON/)
    expect(read('{"data":{"id":"1","type":"Course","attributes":{}}}')().records).toHaveLength(1)
  })
})

describe('feeds that misbehave', () => {
  it('fails a run on a malformed page, keeps what earlier pages brought, and resumes there next time', async () => {
    let calls = 0
    hub.override((_req, res, recorded) => {
      calls++
      const page = new URL(recorded.url, 'http://x').searchParams.get('page') ?? '1'
      const type = { 'content-type': 'application/vnd.api+json; moochub-version=3.0' }
      if (page === '2') return res.writeHead(200, type).end('{"links": {}, "data": [')
      const links = {
        self: hub.apiUrl,
        first: hub.apiUrl,
        last: hub.apiUrl,
        next: '/api/moochub/courses?page=2',
      }
      return res.writeHead(200, type).end(JSON.stringify({ links, data: hub.courses.slice(0, 50) }))
    })
    const failed = await harvestSource(deps, sourceId)
    expect(failed).toMatchObject({ status: 'failed', added: 50, complete: false, withdrawn: 0 })
    expect(failed.error).toMatch(/^bad page: .*\/api\/moochub\/courses\?page=2 is not valid JSON/)
    expect(await listingsOf(sourceId)).toHaveLength(50)
    expect(calls).toBe(2)
    hub.override(undefined)
    const resumed = await harvestSource(deps, sourceId)
    expect(resumed).toMatchObject({ status: 'succeeded', complete: true, added: 70, withdrawn: 0 })
  })

  it('fails a run on a page that is not JSON:API', async () => {
    hub.override((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"courses": [], "total": 0}'),
    )
    const run = await harvestSource(deps, sourceId)
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/not a MOOChub JSON:API page: expected a "data" array/)
  })

  it('stops a next link that loops', async () => {
    hub.override((_req, res) => {
      const links = { self: hub.apiUrl, first: hub.apiUrl, last: hub.apiUrl, next: `${hub.apiUrl}/courses` }
      res.writeHead(200).end(JSON.stringify({ links, data: [course(1)] }))
    })
    const run = await harvestSource(deps, sourceId)
    expect(run).toMatchObject({ status: 'failed', added: 1 })
    expect(run.error).toMatch(/links back to a page/)
  })

  it('refuses a next link to another host', async () => {
    hub.override((_req, res) => {
      const next = 'http://169.254.169.254/latest/meta-data'
      res.writeHead(200).end(JSON.stringify({ links: { next }, data: [course(1)] }))
    })
    const run = await harvestSource(deps, sourceId)
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/leaves http:\/\/127\.0\.0\.1:\d+$/)
  })
})
