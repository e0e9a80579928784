// A fake university course web site on 127.0.0.1: a sitemap index → child sitemaps → HTML course pages
// with real-shaped schema.org JSON-LD (several blocks, @graph wrappers, broken blocks, pages without a Course).
import { startFakeHttpServer, type FakeHandler, type FakeHttpServer } from '../fake-http-server.ts'

export interface SitePage {
  /** Path on the site, e.g. `/courses/open-science`. */
  path: string
  /** Which child sitemap lists the page (`/sitemap-<n>.xml`); null: listed nowhere, still served. */
  sitemap: number | null
  /** `<lastmod>` as written, or null for none. */
  lastmod: string | null
  /** HTTP status the page answers with. */
  status: number
  html: string
}

export interface FakeCourseSite extends FakeHttpServer {
  /** The sitemap index: `${url}/sitemap.xml`. */
  index: string
  pages: SitePage[]
  /** How many child sitemaps the index lists (`/sitemap-0.xml` …). */
  sitemapCount: number
  /** More `<loc>`s per child sitemap, as written (off-host links, odd ones). */
  extraLinks: Record<number, string[]>
  /** More `<loc>`s in the index, as written (itself, another host). */
  extraSitemaps: string[]
  override: (handler: FakeHandler | undefined) => void
  /** The site's own handler, for overrides that misbehave only sometimes. */
  serve: FakeHandler
  /** Paths of the pages (not sitemaps) requested so far, in order. */
  pageRequests: () => string[]
}

type SiteContent = Pick<FakeCourseSite, 'pages' | 'sitemapCount' | 'extraLinks' | 'extraSitemaps'>

const TOPICS = ['Open Science', 'Linear Algebra', 'Marine Biology', 'Data Literacy', 'Russian Literature']

export async function startFakeCourseSite(): Promise<FakeCourseSite> {
  const site: SiteContent = { pages: [], sitemapCount: 3, extraLinks: {}, extraSitemaps: [] }
  let override: FakeHandler | undefined
  const serve: FakeHandler = (_req, res, recorded) => {
    const xml = (body: string) => res.writeHead(200, { 'content-type': 'application/xml' }).end(body)
    if (recorded.path === '/sitemap.xml') return xml(sitemapIndex(server.url, site))
    const child = /^\/sitemap-(\d+)\.xml$/.exec(recorded.path)?.[1]
    if (child !== undefined && Number(child) < site.sitemapCount)
      return xml(urlset(server.url, site, Number(child)))
    const page = site.pages.find((p) => p.path === recorded.path)
    if (!page) return res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>')
    return res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8' }).end(page.html)
  }
  const server = await startFakeHttpServer({
    '*': (req, res, recorded) => (override ?? serve)(req, res, recorded),
  })
  return Object.assign(site, {
    ...server,
    index: `${server.url}/sitemap.xml`,
    override: (handler: FakeHandler | undefined) => {
      override = handler
    },
    serve,
    pageRequests: () => server.requests.filter((r) => !r.path.endsWith('.xml')).map((r) => r.path),
  })
}

/** A page of the site: its HTML around the given script blocks. */
export function sitePage(path: string, blocks: string[], overrides: Partial<SitePage> = {}): SitePage {
  return { path, sitemap: 0, lastmod: '2026-10-01', status: 200, html: pageHtml(path, blocks), ...overrides }
}

/** A course page as a university CMS renders it: WebSite, Organization and Course blocks. */
export function coursePage(
  path: string,
  n: number,
  course: Record<string, unknown> = {},
  overrides: Partial<SitePage> = {},
) {
  return sitePage(
    path,
    [jsonLdScript(webSite()), jsonLdScript(organization()), jsonLdScript(courseJsonLd(n, course))],
    overrides,
  )
}

/** A schema.org Course as Google's course rich results ask for it, its provider a reference to the Organization block. */
export function courseJsonLd(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const topic = TOPICS[n % TOPICS.length] ?? 'Course'
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: `${topic} ${n}`,
    description: `<p>An open course on ${topic} &amp; its methods.</p>`,
    courseCode: `OS${100 + n}`,
    inLanguage: 'en-US',
    provider: { '@id': '/#organization' },
    educationalLevel: 'Beginner',
    about: [{ '@type': 'Thing', name: topic }],
    teaches: ['Reading papers', 'Writing reproducible code'],
    keywords: 'open access, reproducibility',
    educationalCredentialAwarded: [
      {
        '@type': 'EducationalOccupationalCredential',
        name: 'Certificate of completion',
        credentialCategory: 'Certificate',
      },
    ],
    offers: [
      { '@type': 'Offer', category: 'Partially Free', price: 0, priceCurrency: 'EUR' },
      {
        '@type': 'Offer',
        category: 'Paid',
        name: 'Verified certificate',
        price: '49.00',
        priceCurrency: 'EUR',
      },
    ],
    hasCourseInstance: [
      {
        '@type': 'CourseInstance',
        courseMode: 'Online',
        startDate: '2027-02-01',
        endDate: '2027-03-22',
        courseSchedule: { '@type': 'Schedule', duration: 'PT4H', repeatFrequency: 'Weekly', repeatCount: 7 },
        instructor: [{ '@type': 'Person', name: 'Maria Ivanova' }],
      },
    ],
    ...overrides,
  }
}

export function organization(): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollegeOrUniversity',
    '@id': '/#organization',
    name: 'Open Science Institute',
    url: '/',
    sameAs: ['https://www.wikidata.org/wiki/Q0'],
  }
}

export function webSite(): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: 'Open Science Institute courses',
    url: '/',
  }
}

/** A `<script type="application/ld+json">` block; `json` may be any text, valid or not. */
export function jsonLdScript(value: unknown, { type = 'application/ld+json', raw = false } = {}): string {
  // Like CMS JSON encoders, `</` is written `<\/` so that no text in the JSON ends the script element.
  const json =
    raw && typeof value === 'string' ? value : JSON.stringify(value, null, 2).replace(/<\//g, '<\\/')
  return `<script type="${type}">\n${json}\n</script>`
}

export function pageHtml(path: string, blocks: string[]): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${path}</title>
<script>window.dataLayer = window.dataLayer || [];</script>
${blocks.join('\n')}
</head><body><main><h1>${path}</h1><p>Course page.</p></main></body></html>`
}

function sitemapIndex(base: string, site: SiteContent): string {
  const children = Array.from({ length: site.sitemapCount }, (_, i) => `${base}/sitemap-${i}.xml`)
  const entries = [...children, ...site.extraSitemaps]
    .map(
      (loc) => `  <sitemap><loc>${escape(loc)}</loc><lastmod>2026-11-01T08:00:00+00:00</lastmod></sitemap>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries}
</sitemapindex>
`
}

function urlset(base: string, site: SiteContent, n: number): string {
  const pages = site.pages.filter((p) => p.sitemap === n).map((p) => entry(`${base}${p.path}`, p.lastmod))
  const extra = (site.extraLinks[n] ?? []).map((loc) => entry(loc, null))
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
${[...pages, ...extra].join('\n')}
</urlset>
`
}

function entry(loc: string, lastmod: string | null): string {
  const modified = lastmod ? `<lastmod>${lastmod}</lastmod>` : ''
  return `  <url><loc>${escape(loc)}</loc>${modified}<changefreq>weekly</changefreq><image:image><image:loc>${escape(loc)}/cover.jpg</image:loc></image:image></url>`
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
