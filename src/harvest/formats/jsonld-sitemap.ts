// schema.org `Course` JSON-LD from the pages of a sitemap (`jsonld-sitemap`): the source URL is a
// sitemap or a sitemap index; its pages are fetched as linked pages, a step of links at a time.
import { z } from 'zod'
import { absoluteUrl } from '../absolute-url.ts'
import type { ParseResult } from '../harvest-record.ts'
import type { PageRequest, Source } from '../source.ts'
import {
  PageError,
  rejected,
  type Connector,
  type FetchedPage,
  type PageContent,
  type ParseContext,
} from './connector.ts'
import {
  hasType,
  idOf,
  isObject,
  jsonLdGraph,
  textOf,
  typesOf,
  type JsonLdGraph,
  type JsonObject,
} from './json-ld.ts'
import { courseRecord } from './schema-org-course.ts'
import { onHost, readSitemap, type Sitemap, type SitemapEntry } from './sitemap-xml.ts'

/** Links handed to the runner per step: the cursor is saved after each step's pages. */
export const LINKS_PER_STEP = 50

/**
 * Where a pass is, carried in PageRequest.state. `since`: an incremental pass (links whose lastmod is
 * older are skipped). On the index: `child` is the next sitemap to read; on a child sitemap, the one
 * being read (its position in the index's list of sitemaps on the host). In a sitemap: `offset` links
 * were handed out, the last one `after` (found again when the sitemap changed between two reads).
 */
const State = z.object({
  since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  child: z.number().int().nonnegative().optional(),
  offset: z.number().int().nonnegative().optional(),
  after: z.string().optional(),
})
type State = z.infer<typeof State>

const Link = z.object({ loc: z.string(), lastmod: z.string().nullable() })
const Linked = z.object({ link: Link, page: z.object({ url: z.string(), text: z.string() }) })

export const jsonldSitemap: Connector = {
  firstPage: (source, since) => request(source.baseUrl, since ? { since } : {}),

  headers: { Accept: 'text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8' },

  /** An incremental pass (carrying `since`) does not see unchanged pages, so it withdraws nothing. */
  isFullPass: (first) => !readState(first).since,

  readPage(page: FetchedPage, source: Source, asked?: PageRequest): PageContent {
    const at = asked ?? jsonldSitemap.firstPage(source)
    const state = readState(at)
    const sitemap = readSitemap(page.text, page.url)
    const host = new URL(source.baseUrl).host
    if (at.url === source.baseUrl) {
      return sitemap.kind === 'index'
        ? fromIndex(sitemap, [page.url, source.baseUrl], host, state)
        : fromUrlset(sitemap, page.url, host, at, null)
    }
    if (sitemap.kind === 'index')
      throw new PageError(
        `${page.url}, listed in the sitemap index ${source.baseUrl}, is itself a sitemap index: nested indexes are not followed`,
      )
    return fromUrlset(sitemap, page.url, host, at, source.baseUrl)
  },

  linkedPage(raw: unknown): PageRequest {
    const link = Link.safeParse(raw)
    if (!link.success) throw new PageError('a sitemap link without a <loc>')
    return { url: link.data.loc, method: 'GET' }
  },

  parseRecord(raw: unknown, ctx: ParseContext): ParseResult {
    const linked = Linked.safeParse(raw)
    if (linked.success) {
      const { link, page } = linked.data
      const graph = jsonLdGraph({ html: page.text }, page.url)
      const found = pickCourse(graph, [link.loc, page.url])
      if (typeof found === 'string') return rejected(link.loc, found)
      return courseRecord({ course: found, graph, fallbackKey: link.loc }, ctx)
    }
    return pushedCourse(raw, ctx)
  },
}

/**
 * The index's next sitemap on the host. Sitemaps on other hosts are skipped (the protocol allows only
 * the index's own host); an index with none on the host fails the pass rather than look empty.
 */
function fromIndex(sitemap: Sitemap, urls: string[], host: string, state: State): PageContent {
  const url = urls[0] ?? ''
  const self = new Set(urls.map(samePage))
  const { kept } = onHost(sitemap.entries, host)
  // An index that lists itself would be read again and again: it is not its own child.
  const children = kept.filter((c) => !self.has(samePage(c.loc)))
  if (sitemap.entries.length > 0 && children.length === 0) {
    throw new PageError(
      `none of the ${sitemap.entries.length} sitemaps listed by ${url} is another sitemap on ${host}; only sitemaps on the source's host are read`,
    )
  }
  const child = state.child ?? 0
  const next = children[child]
  if (!next) return { records: [], next: null }
  return { records: [], next: request(next.loc, { since: state.since, child }) }
}

/** The next step of links; after the last one, the sitemap index's next sitemap (if read from one). */
function fromUrlset(
  sitemap: Sitemap,
  url: string,
  host: string,
  at: PageRequest,
  index: string | null,
): PageContent {
  const state = readState(at)
  const { kept, elsewhere } = onHost(sitemap.entries, host)
  // A sitemap that only points elsewhere is a wrong source URL, not a catalog that emptied: a full
  // pass over it would withdraw every listing.
  if (!index && sitemap.entries.length > 0 && kept.length === 0) {
    throw new PageError(`none of the ${sitemap.entries.length} links of ${url} is on ${host}`)
  }
  const since = state.since
  const wanted = since ? kept.filter((e) => !e.lastmod || e.lastmod >= since) : kept
  const start = resumeAt(wanted, state)
  const records: SitemapEntry[] = wanted.slice(start, start + LINKS_PER_STEP)
  // Links elsewhere are reported once, with the sitemap's first step.
  const rejected =
    state.offset === undefined
      ? elsewhere.map((loc) => ({
          key: loc.slice(0, 500),
          reason: `a link in ${url} that is not an http(s) page on ${host}; only pages on the source's host are read`,
        }))
      : []
  const end = start + records.length
  const last = records.at(-1)
  if (last && end < wanted.length)
    return { records, rejected, next: request(at.url, { ...state, offset: end, after: last.loc }) }
  const next = index === null ? null : request(index, { since, child: (state.child ?? 0) + 1 })
  return { records, rejected, next }
}

/** After the link handed out last when it is still listed, else at the saved offset. */
function resumeAt(entries: SitemapEntry[], state: State): number {
  const after = state.after === undefined ? -1 : entries.findIndex((e) => e.loc === state.after)
  return after === -1 ? (state.offset ?? 0) : after + 1
}

/**
 * The page's Course: the one whose `@id` or `url` is the page, else the only one. A page with several
 * courses, none of them its own, is a list of courses, each harvested from its own page.
 */
function pickCourse(graph: JsonLdGraph, pageUrls: string[]): JsonObject | string {
  const courses = graph.nodes.filter((n) => hasType(n, 'Course'))
  const pages = new Set(pageUrls.map(samePage))
  const own = courses.find((c) =>
    [idOf(c, graph.base), absoluteUrl(textOf(c.url), graph.base)].some((u) => u && pages.has(samePage(u))),
  )
  if (own) return own
  if (courses.length > 1)
    return `the page lists ${courses.length} courses and none of them is the page itself (a list of courses; each is read from its own page)`
  return courses[0] ?? noCourse(graph)
}

function noCourse(graph: JsonLdGraph): string {
  if (graph.blocks === 0) return 'no JSON-LD (<script type="application/ld+json">) on the page'
  if (graph.invalid === graph.blocks)
    return `none of the ${graph.blocks} JSON-LD blocks on the page is valid JSON`
  const types = [...new Set(graph.nodes.flatMap(typesOf))].slice(0, 5)
  const found = types.length > 0 ? `only ${types.join(', ')}` : 'no typed nodes'
  const invalid = graph.invalid > 0 ? `; ${graph.invalid} of ${graph.blocks} blocks are not valid JSON` : ''
  return `no schema.org Course in the page's JSON-LD (${found}${invalid})`
}

/** A platform pushing this format sends Course JSON-LD objects (a @graph wrapper or a list also do). */
function pushedCourse(raw: unknown, ctx: ParseContext): ParseResult {
  if (!isObject(raw) && !Array.isArray(raw)) return rejected(null, 'not a schema.org Course JSON-LD object')
  const first = jsonLdGraph({ value: raw }, ctx.source.baseUrl).nodes.find((n) => hasType(n, 'Course'))
  if (!first) return rejected(null, 'no schema.org Course in the pushed JSON-LD')
  const url = absoluteUrl(textOf(first.url), ctx.source.baseUrl)
  const graph = jsonLdGraph({ value: raw }, url ?? ctx.source.baseUrl)
  const course = graph.nodes.find((n) => hasType(n, 'Course')) ?? first
  return courseRecord({ course, graph, fallbackKey: url }, ctx)
}

function readState(at: PageRequest): State {
  if (at.state === undefined) return {}
  let value: unknown
  try {
    value = JSON.parse(at.state)
  } catch {
    value = undefined
  }
  const parsed = State.safeParse(value)
  if (!parsed.success) throw new PageError(`unreadable sitemap position "${at.state.slice(0, 100)}"`)
  return parsed.data
}

function request(url: string, state: State): PageRequest {
  const kept = Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined))
  return { url, method: 'GET', ...(Object.keys(kept).length > 0 && { state: JSON.stringify(kept) }) }
}

/** A URL without its fragment and trailing slashes, to compare pages. */
function samePage(url: string): string {
  return url.replace(/#.*$/, '').replace(/\/+$/, '')
}
