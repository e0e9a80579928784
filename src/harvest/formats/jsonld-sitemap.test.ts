// Harvesting schema.org Course JSON-LD from a course web site's sitemaps end to end, against a fake site
// on 127.0.0.1: index → sitemaps → pages, resuming, incremental passes, withdrawals, hostile sitemaps.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  coursePage,
  courseJsonLd,
  jsonLdScript,
  organization,
  sitePage,
  startFakeCourseSite,
  type FakeCourseSite,
  type SitePage,
} from '../../../test/fakes/course-site.ts'
import { harvestDeps, type TestHarvestDeps } from '../../../test/harvest-deps.ts'
import { listingsOfSource } from '../../../test/listings.ts'
import { createRegistryDb } from '../../../test/test-app.ts'
import type { TestDb } from '../../../test/test-db.ts'
import { listRejections } from '../harvest-run-repository.ts'
import { harvestSource } from '../harvest-source.ts'
import { applyPush } from '../push-service.ts'
import { createSource, getSource } from '../source-repository.ts'
import type { PageRequest, Source } from '../source.ts'
import { PageError, type ParseContext } from './connector.ts'
import { jsonldSitemap, LINKS_PER_STEP } from './jsonld-sitemap.ts'

const DAY = 86_400_000

let t: TestDb
let site: FakeCourseSite
let deps: TestHarvestDeps
let n = 0

beforeAll(async () => {
  t = await createRegistryDb()
  site = await startFakeCourseSite()
})
afterAll(async () => {
  await site.close()
  await t.close()
})
beforeEach(() => {
  deps = harvestDeps(t.db)
  n++
  site.override(undefined)
  site.pages = []
  site.sitemapCount = 3
  site.extraLinks = {}
  site.extraSitemaps = []
})

/** A path of this test only: listing keys are per platform and tests share the database. */
const at = (name: string) => `/t${n}/courses/${name}`

async function newSource(baseUrl = site.index): Promise<string> {
  const source = await createSource(deps, {
    id: `site-${n}`,
    platformId: 'openedu',
    format: 'jsonld-sitemap',
    baseUrl,
    orgMap: { 'Open Science Institute': 'spbu' },
    ratePerMinute: 60_000,
  })
  return source.id
}

async function stored(path: string) {
  const listing = await t.db
    .selectFrom('listings')
    .selectAll()
    .where('platform_key', '=', `${site.url}${path}`)
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
    .execute()
  const runs = await t.db.selectFrom('runs').selectAll().where('listing_id', '=', listing.id).execute()
  return { listing, course, institutions: institutions.map((i) => i.institution_id), runs }
}

const courses = (count: number, overrides: Partial<SitePage> = {}) =>
  Array.from({ length: count }, (_, i) => coursePage(at(`c${i}`), i, {}, overrides))

/** A whole site: plain pages, a @graph page, a broken block, a page without a course, a 404, an off-host link. */
function realisticSite(): SitePage[] {
  const graph = {
    '@context': 'https://schema.org',
    '@graph': [
      { ...organization(), '@id': '#org', name: 'Open Science Institute' },
      { ...courseJsonLd(7, { provider: { '@id': '#org' } }), '@id': '#course', '@context': undefined },
      { '@type': 'BreadcrumbList', itemListElement: [] },
    ],
  }
  const wrapped = `//<![CDATA[\n${JSON.stringify(courseJsonLd(9, { '@type': ['Course', 'Product'] }))}\n//]]>`
  return [
    coursePage(at('plain-0'), 0),
    coursePage(at('plain-1'), 1, {
      inLanguage: { '@type': 'Language', name: 'Russian', alternateName: 'ru' },
    }),
    sitePage(at('graph'), [jsonLdScript(graph)], { sitemap: 1 }),
    sitePage(
      at('broken-block'),
      [
        jsonLdScript('{"@type": "WebPage", "name": "Broken",}', { raw: true }),
        jsonLdScript(courseJsonLd(8)),
        jsonLdScript(organization()),
      ],
      { sitemap: 1 },
    ),
    sitePage(
      at('about'),
      [jsonLdScript(organization()), jsonLdScript({ '@type': 'WebPage', name: 'About' })],
      {
        sitemap: 1,
      },
    ),
    { ...coursePage(at('gone'), 3), sitemap: 1, status: 404 },
    sitePage(
      at('cdata'),
      [
        jsonLdScript(wrapped, { raw: true, type: ' Application/LD+JSON; charset=utf-8' }),
        `<!--\n${jsonLdScript({ '@type': 'Course', name: 'Commented out' })}\n-->`,
        `<SCRIPT data-type="x" TYPE='application/ld+json'><!--\n${JSON.stringify(organization())}\n--></SCRIPT>`,
      ],
      { sitemap: 2 },
    ),
  ]
}

describe('harvesting course pages through a sitemap index', () => {
  it('reads every sitemap of the index and every Course page, rejecting the rest with reasons', async () => {
    site.pages = realisticSite()
    const offHost = `http://localhost:${new URL(site.url).port}${at('elsewhere')}`
    site.extraLinks = { 1: [offHost] }
    const id = await newSource()
    const run = await harvestSource(deps, id)
    expect(run).toMatchObject({ status: 'succeeded', complete: true, seen: 8, added: 5, rejected: 3 })
    const reasons = (await listRejections(t.db, run.id)).map((r) => [r.recordKey, r.reason])
    expect(reasons).toEqual(
      expect.arrayContaining([
        [
          `${site.url}${at('about')}`,
          "no schema.org Course in the page's JSON-LD (only CollegeOrUniversity, WebPage)",
        ],
        [`${site.url}${at('gone')}`, expect.stringMatching(/HTTP 404/)],
        [
          offHost,
          expect.stringMatching(/not an http\(s\) page on 127\.0\.0\.1:\d+; only pages on the source's host/),
        ],
      ]),
    )
    expect(site.pageRequests()).not.toContain(at('elsewhere'))
    const listings = await listingsOfSource(t.db, id)
    expect(listings.map((l) => l.platform_key).sort()).toEqual(
      [
        `${site.url}${at('broken-block')}`,
        `${site.url}${at('cdata')}`,
        `${site.url}${at('graph')}#course`,
        `${site.url}${at('plain-0')}`,
        `${site.url}${at('plain-1')}`,
      ].sort(),
    )
  })

  it('stores what a Course page says: text, language, provider, level, keywords, effort, runs and offers', async () => {
    site.pages = realisticSite()
    await harvestSource(deps, await newSource())
    const { listing, course, institutions, runs } = await stored(at('plain-0'))
    expect(course).toMatchObject({
      title: 'Open Science 0',
      language: 'en-US',
      summary: 'An open course on Open Science & its methods.',
      description: 'An open course on Open Science & its methods.',
      description_html: '<p>An open course on Open Science &amp; its methods.</p>',
      course_number: 'OS100',
      level: 'introductory',
      effort_hours_per_week: 4,
      weeks: 7,
      origin: 'harvest',
    })
    expect(JSON.parse(course.instructors ?? '[]')).toEqual(['Maria Ivanova'])
    expect(JSON.parse(course.keywords ?? '[]')).toEqual(
      expect.arrayContaining(['Open Science', 'Reading papers', 'open access', 'reproducibility']),
    )
    expect(listing).toMatchObject({
      url: `${site.url}${at('plain-0')}`,
      status: 'active',
      access: 'free',
      certificate: 'paid',
      price_amount: 49,
      price_currency: 'EUR',
    })
    expect(institutions).toEqual(['spbu'])
    expect(runs).toMatchObject([
      { run_key: '2027-02-01', pacing: 'instructor', starts_on: '2027-02-01', ends_on: '2027-03-22' },
    ])
    expect((await stored(at('plain-1'))).course.language).toBe('ru')
    expect((await stored(`${at('graph')}#course`)).institutions).toEqual(['spbu'])
    expect((await stored(at('cdata'))).course.title).toBe('Russian Literature 9')
  })

  it('resumes after a page keeps failing, from the saved step, without fetching earlier pages again', async () => {
    site.sitemapCount = 1
    site.pages = courses(120)
    const failing = at('c70')
    let recovered = false
    site.override((req, res, recorded) =>
      recorded.path === failing && !recovered
        ? res.writeHead(503).end('busy')
        : site.serve(req, res, recorded),
    )
    const id = await newSource()
    const failed = await harvestSource(deps, id)
    expect(failed).toMatchObject({ status: 'failed', complete: false, added: LINKS_PER_STEP })
    expect(failed.error).toMatch(/HTTP 503/)
    expect(site.pageRequests().filter((p) => p === failing)).toHaveLength(3) // retried twice
    recovered = true
    const before = site.pageRequests().length
    const resumed = await harvestSource(deps, id)
    expect(resumed).toMatchObject({
      status: 'succeeded',
      complete: true,
      added: 120 - LINKS_PER_STEP,
      generation: failed.generation,
    })
    const again = site.pageRequests().slice(before)
    expect(again).toHaveLength(120 - LINKS_PER_STEP)
    expect(again).not.toContain(at('c0'))
    expect(again).not.toContain(at(`c${LINKS_PER_STEP - 1}`))
    expect(await listingsOfSource(t.db, id)).toHaveLength(120)
  })

  it('rejects a page that redirects to another host or is not UTF-8, and reads the others', async () => {
    site.pages = courses(4)
    site.override((req, res, recorded) => {
      if (recorded.path === at('c1'))
        return res.writeHead(302, { location: 'http://elsewhere.example.org/c1' }).end()
      if (recorded.path === at('c2'))
        return res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.from([0x3c, 0x70, 0xff, 0xfe]))
      return site.serve(req, res, recorded)
    })
    const run = await harvestSource(deps, await newSource())
    expect(run).toMatchObject({ status: 'succeeded', added: 2, rejected: 2 })
    const reasons = (await listRejections(t.db, run.id)).map((r) => r.reason).sort()
    expect(reasons).toEqual([expect.stringMatching(/^bad_url: /), expect.stringMatching(/^invalid_utf8: /)])
  })

  it('fetches only pages modified since the last pass on an incremental pass, and withdraws nothing', async () => {
    site.pages = courses(6)
    const id = await newSource()
    expect(await harvestSource(deps, id)).toMatchObject({ complete: true, added: 6 })
    site.pages = site.pages
      .map((p, i) =>
        i < 2 ? coursePage(p.path, i, { name: `Renamed ${i}` }, { lastmod: '2026-11-29T14:00:00+00:00' }) : p,
      )
      .filter((p) => p.path !== at('c5'))
    const before = site.pageRequests().length
    const incremental = await harvestSource(deps, id)
    expect(incremental).toMatchObject({
      status: 'succeeded',
      complete: false,
      seen: 2,
      updated: 2,
      withdrawn: 0,
    })
    expect(site.pageRequests().slice(before).sort()).toEqual([at('c0'), at('c1')])
    expect((await stored(at('c0'))).course.title).toBe('Renamed 0')
    expect((await stored(at('c5'))).listing.status).toBe('active')
  })

  it('withdraws a page that left the sitemap on the next full pass', async () => {
    site.pages = courses(4)
    const id = await newSource()
    await harvestSource(deps, id)
    site.pages = site.pages.slice(1)
    deps.advance(8 * DAY) // past the incremental window: a full pass
    const full = await harvestSource(deps, id)
    expect(full).toMatchObject({ status: 'succeeded', complete: true, seen: 3, unchanged: 3, withdrawn: 1 })
    expect((await stored(at('c0'))).listing.status).toBe('withdrawn')
  })

  it('reads a source that is a plain sitemap, stepping through it', async () => {
    site.pages = courses(LINKS_PER_STEP + 3)
    const id = await newSource(`${site.url}/sitemap-0.xml`)
    const before = site.requests.length
    const run = await harvestSource(deps, id)
    expect(run).toMatchObject({ status: 'succeeded', complete: true, added: LINKS_PER_STEP + 3 })
    const sitemaps = site.requests.slice(before).filter((r) => r.path.endsWith('.xml'))
    expect(sitemaps.map((r) => r.path)).toEqual(['/sitemap-0.xml']) // read once, stepped from memory
  })

  it('accepts a pushed Course JSON-LD object with its url as the key', async () => {
    const id = await newSource()
    const source = await getSource(t.db, id)
    const url = `${site.url}${at('pushed')}`
    const pushed = await applyPush(
      deps,
      source,
      {
        upserted: [
          { ...courseJsonLd(2), url, provider: { '@type': 'Organization', name: 'Open Science Institute' } },
          { '@type': 'Organization', name: 'Not a course' },
        ],
      },
      `sig-${n}`,
    )
    expect(pushed).toMatchObject({ status: 'succeeded', added: 1, rejected: 1 })
    expect(pushed.rejections.map((r) => r.reason)).toEqual(['no schema.org Course in the pushed JSON-LD'])
    expect((await stored(at('pushed'))).course.title).toBe('Marine Biology 2')
  })
})

describe('course sites that misbehave', () => {
  const answerIndex = (body: string) =>
    site.override((req, res, recorded) =>
      recorded.path === '/sitemap.xml'
        ? res.writeHead(200, { 'content-type': 'application/xml' }).end(body)
        : site.serve(req, res, recorded),
    )

  it('refuses a sitemap whose DOCTYPE declares entities, without fetching them', async () => {
    answerIndex(`<?xml version="1.0"?>
<!DOCTYPE sitemapindex [<!ENTITY secret SYSTEM "${site.url}/secret">]>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>&secret;</loc></sitemap></sitemapindex>`)
    const run = await harvestSource(deps, await newSource())
    expect(run).toMatchObject({ status: 'failed', seen: 0 })
    expect(run.error).toMatch(/XML with a DOCTYPE is refused/)
    expect(site.requests.some((r) => r.path === '/secret')).toBe(false)
  })

  it("fails on a malformed child sitemap with the parser's message", async () => {
    site.pages = courses(2)
    site.override((req, res, recorded) =>
      recorded.path === '/sitemap-1.xml'
        ? res.writeHead(200, { 'content-type': 'application/xml' }).end('<urlset><url><loc>x</url></urlset>')
        : site.serve(req, res, recorded),
    )
    const run = await harvestSource(deps, await newSource())
    expect(run).toMatchObject({ status: 'failed', added: 2 })
    expect(run.error).toMatch(/sitemap-1\.xml is not well-formed XML: .*\(line \d+/)
  })

  it('skips an index listed as its own sitemap and fails an index that lists only itself', async () => {
    site.pages = courses(3)
    site.extraSitemaps = [site.index]
    const run = await harvestSource(deps, await newSource())
    expect(run).toMatchObject({ status: 'succeeded', added: 3 })
    n++
    site.sitemapCount = 0
    const alone = await harvestSource(deps, await newSource())
    expect(alone.status).toBe('failed')
    expect(alone.error).toMatch(/none of the 1 sitemaps listed by .* is another sitemap on 127\.0\.0\.1/)
  })

  it('does not follow a sitemap index nested in the index', async () => {
    site.sitemapCount = 1
    site.override((req, res, recorded) =>
      recorded.path === '/sitemap-0.xml'
        ? site.serve(req, res, { ...recorded, path: '/sitemap.xml' })
        : site.serve(req, res, recorded),
    )
    const run = await harvestSource(deps, await newSource())
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/is itself a sitemap index: nested indexes are not followed/)
  })

  it('skips sitemaps on other hosts and fails an index whose sitemaps are all elsewhere', async () => {
    site.pages = courses(1)
    const port = new URL(site.url).port
    site.extraSitemaps = [`http://localhost:${port}/sitemap-0.xml`, 'javascript:alert(1)']
    expect(await harvestSource(deps, await newSource())).toMatchObject({ status: 'succeeded', added: 1 })
    n++
    site.sitemapCount = 0
    const run = await harvestSource(deps, await newSource())
    expect(run.error).toMatch(/none of the 2 sitemaps listed by/)
  })

  it('fails a sitemap URL that answers with a web page', async () => {
    answerIndex('<html><body><h1>Welcome</h1></body></html>')
    const run = await harvestSource(deps, await newSource())
    expect(run.error).toMatch(/is not a sitemap: its root element is <html>/)
  })

  it('sanitizes scripts and javascript: links in descriptions and rejects a course without a name', async () => {
    site.pages = [
      coursePage(at('hostile'), 0, {
        name: 'Safe <script>alert(1)</script>Title',
        description:
          '<p>Intro<script>alert(1)</script> <a href="javascript:alert(2)">click</a> <a href="/syllabus">syllabus</a></p>',
        url: 'javascript:alert(3)',
      }),
      coursePage(at('nameless'), 1, { name: undefined }),
      sitePage(at('list'), [
        jsonLdScript([courseJsonLd(1, { url: at('c1') }), courseJsonLd(2, { url: at('c2') })]),
      ]),
    ]
    const run = await harvestSource(deps, await newSource())
    expect(run).toMatchObject({ status: 'succeeded', added: 1, rejected: 2 })
    const { course, listing } = await stored(at('hostile'))
    expect(course.title).toBe('Safe Title')
    expect(course.description).toBe('Intro click syllabus')
    expect(course.description_html).toBe(
      `<p>Intro click <a href="${site.url}/syllabus" rel="nofollow noopener">syllabus</a></p>`,
    )
    expect(listing.url).toBe(`${site.url}${at('hostile')}`)
    const reasons = (await listRejections(t.db, run.id)).map((r) => r.reason)
    expect(reasons).toEqual(
      expect.arrayContaining([
        'the course has no name',
        expect.stringMatching(/^the page lists 2 courses and none of them is the page itself/),
      ]),
    )
  })
})

describe('the jsonld-sitemap connector', () => {
  const BASE = 'https://courses.example.edu/sitemap.xml'
  const source = { baseUrl: BASE } as Source
  const urlset = (locs: string[], lastmod = '2026-10-01') =>
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs
      .map((loc) => `<url><loc>${loc}</loc><lastmod>${lastmod}</lastmod></url>`)
      .join('')}</urlset>`
  const links = (count: number, from = 0) =>
    Array.from({ length: count }, (_, i) => `https://courses.example.edu/c/${from + i}`)
  const read = (text: string, request: PageRequest) =>
    jsonldSitemap.readPage({ url: request.url, text }, source, request)
  const locs = (records: unknown[]) => records.map((r) => jsonldSitemap.linkedPage?.(r).url)

  it('starts at the source URL, carrying since for an incremental pass that is not full', () => {
    const full = jsonldSitemap.firstPage(source)
    expect(full).toEqual({ url: BASE, method: 'GET' })
    expect(jsonldSitemap.isFullPass?.(full)).toBe(true)
    const incremental = jsonldSitemap.firstPage(source, '2026-11-01')
    expect(incremental).toEqual({ url: BASE, method: 'GET', state: '{"since":"2026-11-01"}' })
    expect(jsonldSitemap.isFullPass?.(incremental)).toBe(false)
  })

  it('hands out a long sitemap a step at a time, re-reading the same text', () => {
    const text = urlset(links(120))
    const first = read(text, jsonldSitemap.firstPage(source))
    expect(locs(first.records)).toEqual(links(LINKS_PER_STEP))
    expect(first.next).toEqual({
      url: BASE,
      method: 'GET',
      state: JSON.stringify({ offset: 50, after: 'https://courses.example.edu/c/49' }),
    })
    const second = read(text, first.next ?? jsonldSitemap.firstPage(source))
    expect(locs(second.records)).toEqual(links(50, 50))
    const third = read(text, second.next ?? jsonldSitemap.firstPage(source))
    expect(locs(third.records)).toEqual(links(20, 100))
    expect(third.next).toBeNull()
  })

  it('continues after the last link handed out when the sitemap changed in between', () => {
    const first = read(urlset(links(120)), jsonldSitemap.firstPage(source))
    const shrunk = urlset(links(110, 10)) // ten links removed before the position
    const next = read(shrunk, first.next ?? jsonldSitemap.firstPage(source))
    expect(locs(next.records)[0]).toBe('https://courses.example.edu/c/50')
  })

  it('skips links older than since on an incremental pass, keeping links without a lastmod', () => {
    const text = `<urlset>
      <url><loc>https://courses.example.edu/old</loc><lastmod>2026-10-31</lastmod></url>
      <url><loc>https://courses.example.edu/new</loc><lastmod>2026-11-01T00:30:00Z</lastmod></url>
      <url><loc>https://courses.example.edu/undated</loc></url></urlset>`
    const { records } = read(text, jsonldSitemap.firstPage(source, '2026-11-01'))
    expect(locs(records)).toEqual(['https://courses.example.edu/new', 'https://courses.example.edu/undated'])
  })

  it('fails a sitemap whose links all lead elsewhere, and a position it cannot read', () => {
    const elsewhere = urlset(['https://other.example.org/a', 'javascript:alert(1)'])
    expect(() => read(elsewhere, jsonldSitemap.firstPage(source))).toThrow(
      /none of the 2 links of .* is on courses\.example\.edu/,
    )
    expect(() => read(urlset(links(1)), { url: BASE, method: 'GET', state: '{"offset":-1}' })).toThrow(
      PageError,
    )
  })

  it('rejects a pushed value that is not a Course object', () => {
    const ctx = { source, platform: { institutionId: null } } as ParseContext
    expect(jsonldSitemap.parseRecord('Course', ctx)).toEqual({
      rejected: { key: null, reason: 'not a schema.org Course JSON-LD object' },
    })
    expect(jsonldSitemap.parseRecord([{ '@type': 'Event' }], ctx)).toEqual({
      rejected: { key: null, reason: 'no schema.org Course in the pushed JSON-LD' },
    })
  })
})
