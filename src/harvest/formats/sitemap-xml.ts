// Reads a sitemap (sitemaps.org 0.9): a <urlset> of page links or a <sitemapindex> of sitemaps, each
// entry with its <loc> and <lastmod>; parsed by the hardened reader (no DTDs, no entity expansion).
import { calendarDate, PageError } from './connector.ts'
import { child, childrenNamed, parseXml } from './safe-xml.ts'

export interface SitemapEntry {
  /** Absolute http(s) URL, as written (entities decoded). */
  loc: string
  /** `<lastmod>` as a calendar date (UTC), or null when missing or unreadable. */
  lastmod: string | null
}

export interface Sitemap {
  kind: 'index' | 'urlset'
  /** Every entry with a `<loc>`, in document order. */
  entries: SitemapEntry[]
}

/** Entries on the wanted host and those left out, so a caller can say why. */
export interface HostSplit {
  kept: SitemapEntry[]
  /** The `<loc>` of entries that are not an http(s) URL on the host. */
  elsewhere: string[]
}

/** Throws PageError for XML that is not well-formed, has a DTD, or is not a sitemap. */
export function readSitemap(text: string, url: string): Sitemap {
  const root = parseXml(text, url)
  const kind = root.name === 'sitemapindex' ? 'index' : root.name === 'urlset' ? 'urlset' : null
  if (!kind) {
    throw new PageError(
      `${url} is not a sitemap: its root element is <${root.name.slice(0, 50)}>, not <urlset> or <sitemapindex>`,
    )
  }
  const entries = childrenNamed(root, kind === 'index' ? 'sitemap' : 'url').flatMap((element) => {
    const loc = child(element, 'loc')?.text ?? ''
    return loc === '' ? [] : [{ loc, lastmod: calendarDate(child(element, 'lastmod')?.text ?? null) }]
  })
  return { kind, entries }
}

/**
 * The entries whose `<loc>` is an http(s) URL on `host` (host and port, as `URL.host`; http and
 * https both count), each once, in document order. The sitemaps protocol allows only same-host
 * links, and a sitemap must not send the harvester to other sites.
 */
export function onHost(entries: SitemapEntry[], host: string): HostSplit {
  const kept = new Map<string, SitemapEntry>()
  const elsewhere: string[] = []
  for (const entry of entries) {
    const url = URL.canParse(entry.loc) ? new URL(entry.loc) : null
    if (!url || !/^https?:$/.test(url.protocol) || url.host !== host || url.username || url.password) {
      elsewhere.push(entry.loc)
      continue
    }
    url.hash = ''
    if (!kept.has(url.href)) kept.set(url.href, { loc: url.href, lastmod: entry.lastmod })
  }
  return { kept: [...kept.values()], elsewhere }
}
