// Sitemaps (sitemaps.org 0.9) with every page's language versions as xhtml:link hreflang alternates,
// as Google documents: each UI locale is the same URL with `?lang=`, and the URL without it (which
// negotiates the locale) is x-default.
import { LOCALES, type Locale } from '../../i18n/i18n.ts'
import { datestamp } from '../record.ts'
import { element } from './xml.ts'

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const XHTML_NS = 'http://www.w3.org/1999/xhtml'
const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n'

/** One page: its absolute URL without `lang`, and when it last changed (ISO instant) if known. */
export interface SitemapEntry {
  loc: string
  lastmod?: string | null | undefined
}

/** The sitemap index listing child sitemaps by absolute URL. */
export function sitemapIndex(children: readonly SitemapEntry[]): string {
  const items = children.map(
    (child) =>
      `<sitemap>${element('loc', {}, child.loc)}${child.lastmod ? element('lastmod', {}, datestamp(child.lastmod)) : ''}</sitemap>`,
  )
  return `${PROLOG}<sitemapindex xmlns="${SITEMAP_NS}">\n${items.join('\n')}\n</sitemapindex>\n`
}

/** A urlset, opened and closed around `body` (urlEntry() lines), so long sets can be written page by page. */
export function urlset(body: readonly string[]): string {
  const lines = body.length > 0 ? `\n${body.join('\n')}` : ''
  return `${PROLOG}<urlset xmlns="${SITEMAP_NS}" xmlns:xhtml="${XHTML_NS}">${lines}\n</urlset>\n`
}

/** One <url>: the page, its lastmod, and an alternate for every UI locale plus x-default. */
export function urlEntry(entry: SitemapEntry): string {
  const alternates = [
    ...LOCALES.map((locale) =>
      element('xhtml:link', { rel: 'alternate', hreflang: locale, href: withLang(entry.loc, locale) }),
    ),
    element('xhtml:link', { rel: 'alternate', hreflang: 'x-default', href: entry.loc }),
  ]
  const lastmod = entry.lastmod ? element('lastmod', {}, datestamp(entry.lastmod)) : ''
  return `<url>${element('loc', {}, entry.loc)}${lastmod}${alternates.join('')}</url>`
}

/** The page in one UI locale: the locale middleware reads `?lang=` before the cookie and the browser's. */
export function withLang(url: string, locale: Locale): string {
  const parsed = new URL(url)
  parsed.searchParams.set('lang', locale)
  return parsed.toString()
}
