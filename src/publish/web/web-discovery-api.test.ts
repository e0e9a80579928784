import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCourse, makeListing } from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import type { AppEnv } from '../../http/env.ts'
import { errorHandler, notFoundHandler } from '../../http/error-handler.ts'
import { localeMiddleware } from '../../http/locale-middleware.ts'
import { LOCALES } from '../../i18n/i18n.ts'
import { createLogger } from '../../shared/logger.ts'
import { webDiscovery } from './web-discovery-api.ts'

const BASE = 'http://moocx.test'
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['url', 'sitemap', 'xhtml:link'].includes(name),
})

interface UrlNode {
  loc: string
  lastmod?: string
  'xhtml:link': { rel: string; hreflang: string; href: string }[]
}

let t: TestApp
/** The same router with files of 7 courses, so the demo catalog spans many files. */
let small: Hono<AppEnv>

beforeAll(async () => {
  t = await createTestApp({ demo: true })
  small = new Hono<AppEnv>()
    .use(localeMiddleware)
    .route('/', webDiscovery({ ...t.deps, publicUrl: BASE }, { coursesPerFile: 7 }))
  small.onError(errorHandler(createLogger('silent')))
  small.notFound(notFoundHandler)
  // One course withdrawn from its only platform, one never listed: neither is live.
  const withdrawn = await makeCourse(t.deps, { id: 'zz-withdrawn-course' })
  await makeListing(t.deps, withdrawn.id, { status: 'withdrawn' })
  await makeCourse(t.deps, { id: 'zz-unlisted-course' })
}, 60_000)
afterAll(async () => t.close())

async function xmlOf(app: Hono<AppEnv>, path: string) {
  const res = await app.request(path)
  expect(res.status, path).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8')
  const text = await res.text()
  expect(XMLValidator.validate(text), path).toBe(true)
  return { res, text, doc: parser.parse(text) }
}

async function urlsOf(app: Hono<AppEnv>, path: string): Promise<UrlNode[]> {
  const { doc } = await xmlOf(app, path)
  expect(doc.urlset.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
  expect(doc.urlset['xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml')
  return doc.urlset.url ?? []
}

async function liveCourseIds(): Promise<string[]> {
  const rows = await t.db
    .selectFrom('courses')
    .select('id')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('listings')
          .select('id')
          .whereRef('listings.course_id', '=', 'courses.id')
          .where('status', '=', 'active'),
      ),
    )
    .execute()
  return rows.map((r) => r.id).sort()
}

function expectAlternates(url: UrlNode) {
  const links = url['xhtml:link']
  expect(links.map((l) => l.hreflang)).toEqual([...LOCALES, 'x-default'])
  for (const link of links) {
    expect(link.rel).toBe('alternate')
    expect(link.href).toBe(link.hreflang === 'x-default' ? url.loc : `${url.loc}?lang=${link.hreflang}`)
  }
}

describe('sitemaps', () => {
  it('indexes the pages, the registry and as many course files as the live courses need', async () => {
    const { res, doc } = await xmlOf(small, '/sitemap.xml')
    expect(res.headers.get('last-modified')).toMatch(/GMT$/)
    expect(res.headers.get('cache-control')).toContain('max-age=')
    const files = Math.ceil((await liveCourseIds()).length / 7)
    expect(files).toBeGreaterThan(10)
    expect(doc.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([
      `${BASE}/sitemaps/pages.xml`,
      `${BASE}/sitemaps/institutions.xml`,
      ...Array.from({ length: files }, (_, i) => `${BASE}/sitemaps/courses-${i + 1}.xml`),
    ])
  })

  it('lists every live course exactly once across the course files, each with 8 hreflang alternates', async () => {
    const { doc } = await xmlOf(small, '/sitemap.xml')
    const courseFiles: string[] = doc.sitemapindex.sitemap
      .map((s: { loc: string }) => s.loc.slice(BASE.length))
      .filter((p: string) => p.startsWith('/sitemaps/courses-'))
    const seen: string[] = []
    for (const file of courseFiles) {
      const urls = await urlsOf(small, file)
      expect(urls.length).toBeGreaterThan(0)
      expect(urls.length).toBeLessThanOrEqual(7)
      for (const url of urls) {
        expectAlternates(url)
        expect(url.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
        seen.push(decodeURIComponent(url.loc.slice(`${BASE}/courses/`.length)))
      }
    }
    expect([...seen].sort()).toEqual(await liveCourseIds())
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).not.toContain('zz-withdrawn-course')
    expect(seen).not.toContain('zz-unlisted-course')
    expect(await small.request(`/sitemaps/courses-${courseFiles.length + 1}.xml`)).toHaveProperty(
      'status',
      404,
    )
  })

  it('dates each course by its record change and drops it once its last listing is withdrawn', async () => {
    const course = await makeCourse(t.deps, { id: 'aaa-first-in-id-order' })
    const listing = await makeListing(t.deps, course.id)
    const { changed_at } = await t.db
      .selectFrom('search_changes')
      .select('changed_at')
      .where('course_id', '=', course.id)
      .executeTakeFirstOrThrow()
    let [first] = await urlsOf(small, '/sitemaps/courses-1.xml')
    expect(first?.loc).toBe(`${BASE}/courses/aaa-first-in-id-order`)
    expect(first?.lastmod).toBe(`${changed_at.slice(0, 19)}Z`)
    const res = await t.app.request(`/api/v1/listings/${listing.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminKey}` },
      body: JSON.stringify({ status: 'withdrawn' }),
    })
    expect(res.status).toBe(200)
    ;[first] = await urlsOf(small, '/sitemaps/courses-1.xml')
    expect(first?.loc).not.toContain('aaa-first-in-id-order')
  })

  it('puts all live courses in one file of the mounted app, whose alternates really show each locale', async () => {
    const urls = await urlsOf(t.app, '/sitemaps/courses-1.xml')
    expect(urls.map((u) => decodeURIComponent(u.loc.slice(`${BASE}/courses/`.length))).sort()).toEqual(
      await liveCourseIds(),
    )
    const sample = urls[0]
    if (!sample) throw new Error('no course listed')
    for (const link of sample['xhtml:link']) {
      const res = await t.app.request(new URL(link.href).pathname + new URL(link.href).search, {
        headers: { 'accept-language': 'th' },
      })
      expect(res.status).toBe(200)
      const lang = link.hreflang === 'x-default' ? 'th' : link.hreflang
      expect(await res.text()).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`)
    }
  })

  it('lists the static pages and every institution and platform page, all of which answer', async () => {
    const pages = await urlsOf(t.app, '/sitemaps/pages.xml')
    expect(pages.map((u) => u.loc)).toEqual(
      ['/', '/courses', '/search', '/institutions', '/platforms', '/about'].map((p) => `${BASE}${p}`),
    )
    const registry = await urlsOf(t.app, '/sitemaps/institutions.xml')
    const institutions = await t.db.selectFrom('institutions').select('id').execute()
    const platforms = await t.db.selectFrom('platforms').select('id').execute()
    expect(registry).toHaveLength(institutions.length + platforms.length)
    for (const url of [...pages, ...registry]) {
      expectAlternates(url)
      const res = await t.app.request(url.loc.slice(BASE.length))
      expect(res.status, url.loc).toBe(200)
    }
  })

  it('answers 404 for files it does not have', async () => {
    for (const path of [
      '/sitemaps/courses-0.xml',
      '/sitemaps/courses-01.xml',
      '/sitemaps/courses-x.xml',
      '/sitemaps/other.xml',
    ]) {
      expect((await small.request(path)).status, path).toBe(404)
    }
  })
})

describe('robots.txt', () => {
  it('allows the public site, keeps crawlers out of the console and admin API, and names the sitemap', async () => {
    const res = await t.app.request('/robots.txt')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    const lines = (await res.text()).split('\n')
    expect(lines).toContain('User-agent: *')
    expect(lines).toContain('Allow: /')
    expect(lines).toContain('Disallow: /console')
    expect(lines).toContain('Disallow: /api/v1/sources')
    expect(lines).not.toContain('Disallow: /')
    expect(lines).not.toContain('Disallow: /courses')
    expect(lines).toContain(`Sitemap: ${BASE}/sitemap.xml`)
  })
})
