// Harvesting an OAI-PMH repository end to end against a fake one on 127.0.0.1, in oai_dc and IEEE LOM:
// resumption tokens, deleted records, errors inside a 200, hostile XML; and the connector's request rules.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  oaiError,
  oaiResource,
  oaiResponse,
  startFakeOaiPmh,
  type FakeOaiPmh,
  type OaiResource,
} from '../../../test/fakes/oai-pmh.ts'
import { harvestDeps, type TestHarvestDeps } from '../../../test/harvest-deps.ts'
import { createRegistryDb } from '../../../test/test-app.ts'
import { type TestDb } from '../../../test/test-db.ts'
import { listRejections } from '../harvest-run-repository.ts'
import { harvestSource } from '../harvest-source.ts'
import type { Source } from '../source.ts'
import { createSource } from '../source-repository.ts'
import { oaiPmh } from './oai-pmh.ts'
import { listingsOfSource } from '../../../test/listings.ts'

const DAY = 86_400_000
/** A datestamp after the test clock's day (2026-11-29), so an incremental pass sees the change. */
const TODAY_STAMP = '2026-11-29T13:00:00Z'

let t: TestDb
let oai: FakeOaiPmh
let deps: TestHarvestDeps
let sourceCount = 0

beforeAll(async () => {
  t = await createRegistryDb()
  oai = await startFakeOaiPmh()
})
afterAll(async () => {
  await oai.close()
  await t.close()
})
beforeEach(() => {
  deps = harvestDeps(t.db)
  oai.override(undefined)
  oai.pageSize = 100
  sourceCount++
})

/** Resources with identifiers of this test only: listing keys are per platform and tests share the database. */
function resources(count: number, overrides: Partial<OaiResource> = {}): OaiResource[] {
  return Array.from({ length: count }, (_, i) =>
    oaiResource(i, { identifier: `oai:oer.example.org:t${sourceCount}/${i}`, ...overrides }),
  )
}

async function newSource(query = ''): Promise<string> {
  const source = await createSource(deps, {
    id: `oai-${sourceCount}`,
    platformId: 'openedu',
    format: 'oai-pmh',
    baseUrl: `${oai.endpoint}${query}`,
    orgMap: { SPbU: 'spbu' },
    ratePerMinute: 600,
  })
  return source.id
}

const listingsOf = (id: string) => listingsOfSource(t.db, id)

async function courseOf(platformKey: string) {
  const listing = await t.db
    .selectFrom('listings')
    .selectAll()
    .where('platform_key', '=', platformKey)
    .executeTakeFirstOrThrow()
  const course = await t.db
    .selectFrom('courses')
    .selectAll()
    .where('id', '=', listing.course_id)
    .executeTakeFirstOrThrow()
  const subjects = await t.db
    .selectFrom('course_subjects')
    .select('subject_code')
    .where('course_id', '=', course.id)
    .orderBy('subject_code')
    .execute()
  const institutions = await t.db
    .selectFrom('course_institutions')
    .select('institution_id')
    .where('course_id', '=', course.id)
    .execute()
  const runs = await t.db.selectFrom('runs').selectAll().where('listing_id', '=', listing.id).execute()
  return {
    listing,
    course,
    subjects: subjects.map((s) => s.subject_code),
    institutions: institutions.map((i) => i.institution_id),
    runs,
  }
}

const offerOf = (l: {
  access: unknown
  certificate: unknown
  price_amount: unknown
  price_currency: unknown
}) => [l.access, l.certificate, l.price_amount, l.price_currency]
const oaiRequests = () => oai.requests.filter((r) => r.path === '/oai').map((r) => r.url)

describe('harvesting an OAI-PMH repository in oai_dc', () => {
  it('pages through every resumption token to the end, sending each token alone and URL-encoded', async () => {
    oai.resources = resources(250)
    const id = await newSource()
    const before = oaiRequests().length
    const run = await harvestSource(deps, id)
    expect(run).toMatchObject({ status: 'succeeded', complete: true, seen: 250, added: 250, rejected: 0 })
    expect(await listingsOf(id)).toHaveLength(250)
    const urls = oaiRequests().slice(before)
    expect(urls).toHaveLength(3)
    expect(urls[0]).toBe('/oai?verb=ListRecords&metadataPrefix=oai_dc')
    for (const url of urls.slice(1)) {
      expect(url).toMatch(/^\/oai\?verb=ListRecords&resumptionToken=[A-Za-z0-9%]+$/)
      expect(url).toMatch(/%2B.*%2F.*%3D$/)
    }
  })

  it('maps title, en_US language, description, URL, institution and ISCED-F subjects of a record', async () => {
    const [resource] = resources(1, {
      subjects: ['0611 Computer use', 'Mathematics 101', '2026', 'ISCED-F 2013: 061', 'Open science'],
    })
    oai.resources = resource ? [resource] : []
    const run = await harvestSource(deps, await newSource())
    expect(run).toMatchObject({ added: 1, rejected: 0 })
    const { listing, course, subjects, institutions, runs } = await courseOf(resource?.identifier ?? '')
    expect(course).toMatchObject({
      title: 'Open Science 0',
      language: 'en-US',
      summary: 'An open course on Open Science & its methods.',
      description: 'An open course on Open Science & its methods.',
      origin: 'harvest',
    })
    expect(listing).toMatchObject({ url: 'https://oer.example.org/courses/0', status: 'active' })
    expect(subjects).toEqual(['061', '0611'])
    expect(institutions).toEqual(['spbu'])
    expect(runs).toEqual([])
    // Dublin Core names no cost (dc:rights is the licence), even when the same resource's LOM would.
    expect(offerOf(listing)).toEqual([null, null, null, null])
  })

  it('reads metadataPrefix and set from the source URL and asks the endpoint without that query', async () => {
    oai.resources = [
      ...resources(3),
      ...resources(2).map((r, i) => ({ ...r, identifier: `${r.identifier}-other-${i}`, sets: ['other'] })),
    ]
    const id = await newSource('?metadataPrefix=oai_dc&set=courses')
    const before = oaiRequests().length
    const run = await harvestSource(deps, id)
    expect(run).toMatchObject({ status: 'succeeded', added: 3 })
    expect(oaiRequests().slice(before)).toEqual(['/oai?verb=ListRecords&metadataPrefix=oai_dc&set=courses'])
  })

  it('writes nothing on an unchanged re-harvest', async () => {
    oai.resources = resources(150)
    const id = await newSource()
    await harvestSource(deps, id)
    const before = await listingsOf(id)
    deps.advance(8 * DAY) // past FULL_PASS_DAYS: a full pass again, not an incremental one
    const again = await harvestSource(deps, id)
    expect(again).toMatchObject({
      status: 'succeeded',
      complete: true,
      seen: 150,
      added: 0,
      updated: 0,
      unchanged: 150,
    })
    expect(await listingsOf(id)).toEqual(before)
  })

  it('withdraws a record removed upstream on the next full pass', async () => {
    oai.resources = resources(120)
    const id = await newSource()
    await harvestSource(deps, id)
    oai.resources = oai.resources.slice(1)
    deps.advance(8 * DAY)
    const second = await harvestSource(deps, id)
    expect(second).toMatchObject({ status: 'succeeded', complete: true, unchanged: 119, withdrawn: 1 })
    expect((await listingsOf(id)).filter((l) => l.status === 'withdrawn')).toHaveLength(1)
  })

  it('withdraws a listing harvested earlier when its record comes back deleted', async () => {
    oai.resources = resources(5)
    const id = await newSource()
    await harvestSource(deps, id)
    const gone = oai.resources[2]
    oai.resources = oai.resources.map((r) =>
      r === gone ? { ...r, deleted: true, datestamp: TODAY_STAMP } : r,
    )
    const second = await harvestSource(deps, id)
    // Incremental: only what changed since the last pass's day comes back, here the deletion.
    expect(second).toMatchObject({ status: 'succeeded', complete: false, seen: 1, withdrawn: 1, rejected: 0 })
    const withdrawn = (await listingsOf(id)).filter((l) => l.status === 'withdrawn')
    expect(withdrawn.map((l) => l.platform_key)).toEqual([gone?.identifier])
  })

  it('treats noRecordsMatch as an empty, successful harvest', async () => {
    oai.resources = []
    const run = await harvestSource(deps, await newSource('?set=empty'))
    expect(run).toMatchObject({ status: 'succeeded', complete: true, seen: 0, added: 0, error: null })
  })

  it('fails the run naming badResumptionToken when a token has expired, keeping earlier pages', async () => {
    oai.resources = resources(250)
    const id = await newSource()
    let pages = 0
    oai.override((req, res, recorded) => {
      if (++pages === 2) oai.expireTokens()
      return oai.serve(req, res, recorded)
    })
    const run = await harvestSource(deps, id)
    expect(run).toMatchObject({ status: 'failed', complete: false, added: 100, withdrawn: 0 })
    expect(run.error).toMatch(
      /OAI-PMH error badResumptionToken \(The value of the resumptionToken argument is invalid or expired/,
    )
    expect(await listingsOf(id)).toHaveLength(100)
  })

  it('fails with the code and message of other OAI-PMH errors', async () => {
    const run = await harvestSource(deps, await newSource('?metadataPrefix=marc21'))
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/cannotDisseminateFormat \(The metadata format 'marc21' is not supported/)
  })

  it('rejects records without a title, a URL or a known institution, with reasons, and keeps the good ones', async () => {
    const tweaks: Partial<OaiResource>[] = [
      {},
      { titles: {} },
      { url: null },
      { organization: 'Unknown Institute' },
      { organization: null },
      { metadataXml: '<marc:record xmlns:marc="http://www.loc.gov/MARC21/slim"/>' },
      { metadataXml: '' },
    ]
    oai.resources = resources(7).map((r, i) => ({ ...r, ...tweaks[i] }))
    const run = await harvestSource(deps, await newSource())
    expect(run).toMatchObject({ status: 'succeeded', seen: 7, added: 1, rejected: 6 })
    const reasons = (await listRejections(t.db, run.id)).map((r) => r.reason)
    expect(reasons).toEqual(
      expect.arrayContaining([
        'the record has no title',
        expect.stringMatching(/^no http\(s\) URL/),
        // The publisher (the repository) counts only for records that name no creator.
        expect.stringMatching(/^no creator or publisher \(Ivanova, Maria, Unknown Institute\) is mapped/),
        expect.stringMatching(/^no creator or publisher \(Open Education Repository\) is mapped/),
        'metadata in <record> is not read; harvest oai_dc or lom',
        'the record has no metadata',
      ]),
    )
  })

  it('sanitizes scripts and javascript: links in descriptions', async () => {
    const [resource] = resources(1, {
      titles: { en: 'Safe <script>alert(1)</script>Title' },
      descriptions: {
        en: '<p>Intro<script>alert(1)</script> <a href="javascript:alert(2)">click</a> <a href="/syllabus">syllabus</a></p>',
      },
    })
    oai.resources = resource ? [resource] : []
    await harvestSource(deps, await newSource())
    const { course } = await courseOf(resource?.identifier ?? '')
    expect(course.title).toBe('Safe Title')
    expect(course.description).toBe('Intro click syllabus')
    expect(course.description_html).toBe(
      '<p>Intro click <a href="https://oer.example.org/syllabus" rel="nofollow noopener">syllabus</a></p>',
    )
  })

  it('keeps one listing for a record repeated within and across pages', async () => {
    oai.pageSize = 3
    const list = resources(4)
    oai.resources = [...list, ...list.slice(0, 2)]
    const id = await newSource()
    const run = await harvestSource(deps, id)
    expect(run).toMatchObject({ status: 'succeeded', seen: 6, added: 4 })
    expect(await listingsOf(id)).toHaveLength(4)
  })
})

describe('harvesting an OAI-PMH repository in IEEE LOM', () => {
  it('reads strings in the record language, the vCard organization, location, ISCED-F taxa and learning time', async () => {
    const [resource] = resources(1, {
      language: 'ru',
      titles: { en: 'Open Science', ru: 'Открытая наука' },
      descriptions: { en: '<p>In English.</p>', ru: '<p>По-русски.</p>' },
      subjects: ['06', '061', '0611'],
    })
    oai.resources = resource ? [resource] : []
    const id = await newSource('?metadataPrefix=lom')
    const before = oaiRequests().length
    const run = await harvestSource(deps, id)
    expect(run).toMatchObject({ status: 'succeeded', added: 1, rejected: 0 })
    expect(oaiRequests().slice(before)).toEqual(['/oai?verb=ListRecords&metadataPrefix=lom'])
    const { listing, course, subjects, institutions } = await courseOf(resource?.identifier ?? '')
    expect(course).toMatchObject({
      title: 'Открытая наука',
      language: 'ru',
      description: 'По-русски.',
      weeks: 6,
      effort_hours_per_week: 3.5,
    })
    expect(listing.url).toBe('https://oer.example.org/courses/0')
    // One taxon path 06 → 061 → 0611 classifies the course as 0611.
    expect(subjects).toEqual(['0611'])
    expect(institutions).toEqual(['spbu'])
    expect(offerOf(listing)).toEqual(['free', null, null, null])
  })

  it('reads rights/cost as free or paid access, and nothing from a cost it does not know', async () => {
    const costs = ['no', 'yes', ' YES ', null, 'maybe', '', 'x'.repeat(5000), '<b>no</b>']
    oai.resources = costs.map((cost, i) =>
      oaiResource(i, { identifier: `oai:oer.example.org:t${sourceCount}/${i}`, cost }),
    )
    const run = await harvestSource(deps, await newSource('?metadataPrefix=lom'))
    expect(run).toMatchObject({ status: 'succeeded', added: costs.length, rejected: 0 })
    const offers = await Promise.all(
      costs.map(async (_, i) =>
        offerOf((await courseOf(`oai:oer.example.org:t${sourceCount}/${i}`)).listing),
      ),
    )
    expect(offers.map((o) => o[0])).toEqual(['free', 'paid', 'paid', null, null, null, null, null])
    // LOM says nothing of certificates or prices.
    expect(offers.every((o) => o[1] === null && o[2] === null && o[3] === null)).toBe(true)
  })

  it('pages LOM through resumption tokens and withdraws a record that comes back deleted', async () => {
    oai.pageSize = 40
    oai.resources = resources(100)
    const id = await newSource('?metadataPrefix=lom')
    expect(await harvestSource(deps, id)).toMatchObject({ status: 'succeeded', added: 100 })
    oai.resources = oai.resources.map((r, i) =>
      i === 50 ? { ...r, deleted: true, datestamp: TODAY_STAMP } : r,
    )
    expect(await harvestSource(deps, id)).toMatchObject({ status: 'succeeded', seen: 1, withdrawn: 1 })
  })

  it("asks only for changes since the repository's responseDate of the last successful pass, and reads everything again after a week", async () => {
    oai.resources = resources(30)
    const id = await newSource()
    await harvestSource(deps, id)
    oai.resources = oai.resources.map((r, i) =>
      i === 3 ? { ...r, titles: { en: 'Renamed today' }, datestamp: TODAY_STAMP } : r,
    )
    const incremental = await harvestSource(deps, id)
    expect(incremental).toMatchObject({
      status: 'succeeded',
      complete: false,
      seen: 1,
      updated: 1,
      withdrawn: 0,
    })
    expect(oai.requests.at(-1)?.url).toContain('from=2026-11-29T12:00:00Z')
    deps.advance(8 * DAY)
    const full = await harvestSource(deps, id)
    expect(full).toMatchObject({ complete: true, seen: 30, unchanged: 30 })
    expect(oai.requests.at(-1)?.url).not.toContain('from=')
  })

  it('asks again by the day when the repository refuses a time with badArgument (day granularity)', async () => {
    oai.resources = resources(5)
    const id = await newSource()
    await harvestSource(deps, id)
    oai.override((req, res, recorded) =>
      /from=\d{4}-\d\d-\d\dT/.test(recorded.url)
        ? res
            .writeHead(200, { 'content-type': 'text/xml' })
            .end(oaiError('badArgument', 'granularity is days'))
        : oai.serve(req, res, recorded),
    )
    const before = oaiRequests().length
    expect(await harvestSource(deps, id)).toMatchObject({ status: 'succeeded', complete: false })
    expect(oaiRequests().slice(before)).toEqual([
      '/oai?verb=ListRecords&metadataPrefix=oai_dc&from=2026-11-29T12:00:00Z',
      '/oai?verb=ListRecords&metadataPrefix=oai_dc&from=2026-11-29',
    ])
  })

  it('resumes an interrupted incremental pass without withdrawing what it was never sent', async () => {
    oai.pageSize = 10
    oai.resources = resources(40)
    const id = await newSource()
    await harvestSource(deps, id)
    oai.resources = oai.resources.map((r, i) => (i < 15 ? { ...r, datestamp: TODAY_STAMP } : r))
    let calls = 0
    oai.override((req, res, recorded) =>
      ++calls === 2 ? res.writeHead(404).end('gone for a moment') : oai.serve(req, res, recorded),
    )
    expect(await harvestSource(deps, id)).toMatchObject({ status: 'failed', seen: 10 })
    oai.override(undefined)
    const resumed = await harvestSource(deps, id)
    expect(resumed).toMatchObject({ status: 'succeeded', complete: false, seen: 5, withdrawn: 0 })
    expect((await listingsOf(id)).filter((l) => l.status !== 'active')).toEqual([])
  })
})

describe('OAI-PMH repositories that misbehave', () => {
  const answer = (body: string) =>
    oai.override((_req, res) => res.writeHead(200, { 'content-type': 'text/xml' }).end(body))

  it("fails on a malformed page with the parser's message, keeps earlier pages and resumes there", async () => {
    oai.resources = resources(250)
    const id = await newSource()
    let pages = 0
    oai.override((req, res, recorded) => {
      if (++pages !== 2) return oai.serve(req, res, recorded)
      return res
        .writeHead(200, { 'content-type': 'text/xml' })
        .end(oaiResponse('<ListRecords><record><header>'))
    })
    const failed = await harvestSource(deps, id)
    expect(failed).toMatchObject({ status: 'failed', added: 100, complete: false })
    expect(failed.error).toMatch(/^bad page: .* is not well-formed XML: .*\(line \d+/)
    expect(await listingsOf(id)).toHaveLength(100)
    oai.override(undefined)
    const resumed = await harvestSource(deps, id)
    expect(resumed).toMatchObject({
      status: 'succeeded',
      complete: true,
      added: 150,
      generation: failed.generation,
    })
  })

  it('refuses a page whose DOCTYPE declares an external entity, without fetching it', async () => {
    answer(`<?xml version="1.0"?>
<!DOCTYPE OAI-PMH [<!ENTITY secret SYSTEM "${oai.url}/secret">]>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record><header>
<identifier>&secret;</identifier></header></record></ListRecords></OAI-PMH>`)
    const run = await harvestSource(deps, await newSource())
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/XML with a DOCTYPE is refused/)
    expect(oai.requests.some((r) => r.path === '/secret')).toBe(false)
  })

  it('refuses a billion-laughs page before expanding anything', async () => {
    const levels = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('')
    answer(
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${levels}]><OAI-PMH><ListRecords>&lol9;</ListRecords></OAI-PMH>`,
    )
    const started = Date.now()
    const run = await harvestSource(deps, await newSource())
    expect(run.error).toMatch(/XML with a DOCTYPE is refused/)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('fails a page that is not an OAI-PMH response with a reason', async () => {
    answer('<html><body><h1>Service temporarily unavailable</h1></body></html>')
    const run = await harvestSource(deps, await newSource())
    expect(run.error).toMatch(/is not an OAI-PMH response \(its root element is <html>\)/)
  })

  it('stops a resumption token that loops', async () => {
    answer(
      oaiResponse(
        '<ListRecords><resumptionToken completeListSize="10" cursor="0">same-token</resumptionToken></ListRecords>',
      ),
    )
    const run = await harvestSource(deps, await newSource())
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/links back to a page/)
  })

  it('keeps requests on the endpoint whatever a resumption token holds', async () => {
    oai.override((_req, res, recorded) => {
      const body = recorded.url.includes('resumptionToken')
        ? oaiError('noRecordsMatch', 'No more records.')
        : oaiResponse(
            '<ListRecords><resumptionToken>http://169.254.169.254/latest/meta-data?x=1&amp;y=2</resumptionToken></ListRecords>',
          )
      res.writeHead(200, { 'content-type': 'text/xml' }).end(body)
    })
    const before = oaiRequests().length
    const run = await harvestSource(deps, await newSource())
    expect(run.status).toBe('succeeded')
    expect(oaiRequests().slice(before)[1]).toBe(
      '/oai?verb=ListRecords&resumptionToken=http%3A%2F%2F169.254.169.254%2Flatest%2Fmeta-data%3Fx%3D1%26y%3D2',
    )
  })
})

describe('the OAI-PMH connector', () => {
  const source = (baseUrl: string): Source => ({
    id: 's',
    platformId: 'p',
    format: 'oai-pmh',
    baseUrl,
    defaultLanguage: null,
    hasCredentials: false,
    scheduleMinutes: null,
    orgMap: {},
    ratePerMinute: 20,
    status: 'active',
    failures: 0,
    pausedReason: null,
    lastRunAt: null,
    nextRunAt: null,
    createdAt: '',
    updatedAt: '',
  })

  it('starts with ListRecords in oai_dc on the endpoint, keeping the set and dropping the rest of the query', () => {
    expect(oaiPmh.firstPage(source('https://oer.example.org/oai/request')).url).toBe(
      'https://oer.example.org/oai/request?verb=ListRecords&metadataPrefix=oai_dc',
    )
    expect(
      oaiPmh.firstPage(
        source('https://oer.example.org/oai?metadataPrefix=lom&set=math:open%20courses&verb=Identify'),
      ).url,
    ).toBe('https://oer.example.org/oai?verb=ListRecords&metadataPrefix=lom&set=math%3Aopen%20courses')
  })

  it('counts a pass as full unless it asks only for records changed from a date', () => {
    const full = oaiPmh.firstPage(source('https://oer.example.org/oai'))
    expect(oaiPmh.isFullPass?.(full)).toBe(true)
    expect(oaiPmh.isFullPass?.({ url: `${full.url}&from=2026-11-01`, method: 'GET' })).toBe(false)
  })

  it('keeps reading a deleted record without metadata as a deletion', () => {
    const page = oaiResponse(
      '<ListRecords><record><header status="deleted"><identifier>oai:x:1</identifier><datestamp>2026-01-01</datestamp></header></record></ListRecords>',
    )
    const { records, next } = oaiPmh.readPage({ url: 'https://x/oai', text: page }, source('https://x/oai'))
    expect(next).toBeNull()
    expect(records).toHaveLength(1)
    const ctx = {
      source: source('https://x/oai'),
      platform: { institutionId: null },
      institutionIds: new Set<string>(),
      subjectCodes: new Set<string>(),
    }
    expect(oaiPmh.parseRecord(records[0], ctx as never)).toEqual({ deleted: 'oai:x:1' })
    expect(oaiPmh.parseRecord('not a record', ctx as never)).toMatchObject({ rejected: { key: null } })
  })
})
