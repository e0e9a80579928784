// GET /sitemap.xml (the index), /sitemaps/pages.xml, /sitemaps/institutions.xml and
// /sitemaps/courses-<n>.xml. Course files number the live courses in id order: file n starts at the
// (n-1)×size-th course. Where every file starts is found in one pass and kept until the catalog
// changes; each file is walked a page at a time from its start.
import { Hono } from 'hono'
import type { Db } from '../../db/schema.ts'
import type { AppEnv } from '../../http/env.ts'
import { listInstitutions } from '../../institutions/institution-repository.ts'
import { listPlatforms } from '../../institutions/platform-repository.ts'
import { NotFoundError } from '../../shared/errors.ts'
import { perChange } from '../per-change.ts'
import { latestChange } from '../record-repository.ts'
import { sitemapIndex, urlEntry, urlset, type SitemapEntry } from './sitemap.ts'
import { liveCourseFileStarts, liveCoursePage } from './sitemap-repository.ts'
import { discoveryHeaders, latest, XML_TYPE } from './web-response.ts'

export interface SitemapDeps {
  db: Db
  publicUrl: string
  /** Courses per sitemap file (the protocol allows 50,000 URLs; with 8 alternates each, far fewer keeps files small). */
  coursesPerFile: number
}

/** Pages that list or find rather than show one thing; dated by the catalog when they show it. */
const PAGES: readonly { path: string; dated: boolean }[] = [
  { path: '/', dated: true },
  { path: '/courses', dated: true },
  { path: '/search', dated: false },
  { path: '/institutions', dated: false },
  { path: '/platforms', dated: false },
  { path: '/about', dated: false },
]
const PAGE_SIZE = 500
const ALL = { page: 1, perPage: 100_000 }

export function sitemapRoutes(deps: SitemapDeps) {
  const { db, publicUrl, coursesPerFile } = deps
  const url = (path: string) => `${publicUrl}${path}`
  const fileStarts = perChange(() => liveCourseFileStarts(db, coursesPerFile))
  return new Hono<AppEnv>()
    .get('/sitemap.xml', async (c) => {
      const changed = await latestChange(db)
      const files = (await fileStarts(changed)).length
      const children = [
        url('/sitemaps/pages.xml'),
        url('/sitemaps/institutions.xml'),
        ...Array.from({ length: files }, (_, i) => url(`/sitemaps/courses-${i + 1}.xml`)),
      ]
      return c.body(sitemapIndex(children.map((loc) => ({ loc }))), 200, discoveryHeaders(XML_TYPE, changed))
    })
    .get('/sitemaps/:file', async (c) => {
      const file = c.req.param('file')
      if (file === 'pages.xml') {
        const changed = await latestChange(db)
        const entries = PAGES.map((p) => ({ loc: url(p.path), lastmod: p.dated ? changed : null }))
        return c.body(urlset(entries.map(urlEntry)), 200, discoveryHeaders(XML_TYPE, changed))
      }
      if (file === 'institutions.xml') {
        const entries = await registryEntries(db, url)
        const changed = latest(...entries.map((e) => e.lastmod))
        return c.body(urlset(entries.map(urlEntry)), 200, discoveryHeaders(XML_TYPE, changed))
      }
      const n = /^courses-([1-9]\d{0,6})\.xml$/.exec(file)?.[1]
      if (!n) throw new NotFoundError('sitemap', file)
      const changed = await latestChange(db)
      const start = (await fileStarts(changed))[Number(n) - 1]
      if (start === undefined) throw new NotFoundError('sitemap', file)
      const lines: string[] = []
      for await (const ref of liveCoursesFrom(db, start, coursesPerFile)) {
        lines.push(urlEntry({ loc: url(`/courses/${encodeURIComponent(ref.id)}`), lastmod: ref.changedAt }))
      }
      // The newest change anywhere, not in this file: a course that left the file changed it too.
      return c.body(urlset(lines), 200, discoveryHeaders(XML_TYPE, changed))
    })
}

/** Up to `count` live courses from `start` on, one page in memory at a time. */
async function* liveCoursesFrom(db: Db, start: string, count: number) {
  let left = count
  let page = await liveCoursePage(db, { from: start }, Math.min(PAGE_SIZE, left))
  while (page.length > 0) {
    yield* page
    left -= page.length
    const last = page.at(-1)
    if (!last || left <= 0) return
    page = await liveCoursePage(db, { after: last.id }, Math.min(PAGE_SIZE, left))
  }
}

async function registryEntries(db: Db, url: (path: string) => string): Promise<SitemapEntry[]> {
  const [institutions, platforms] = await Promise.all([
    listInstitutions(db, {}, ALL),
    listPlatforms(db, {}, ALL),
  ])
  return [
    ...institutions.items.map((i) => ({
      loc: url(`/institutions/${encodeURIComponent(i.id)}`),
      lastmod: i.updatedAt,
    })),
    ...platforms.items.map((p) => ({
      loc: url(`/platforms/${encodeURIComponent(p.id)}`),
      lastmod: p.updatedAt,
    })),
  ]
}
