// Reading sitemaps: urlsets and indexes with their lastmod dates, hostile XML refused, links kept only
// on the source's host.
import { describe, expect, it } from 'vitest'
import { PageError } from './connector.ts'
import { onHost, readSitemap } from './sitemap-xml.ts'

const URL_ = 'https://courses.example.edu/sitemap.xml'
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'

describe('readSitemap', () => {
  it('reads a urlset: locs with entities decoded, lastmod as a UTC calendar date', () => {
    const sitemap = readSitemap(
      `<?xml version="1.0" encoding="UTF-8"?>
<urlset ${NS} xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url><loc> https://courses.example.edu/c?id=1&amp;lang=en </loc><lastmod>2026-11-29</lastmod>
    <image:image><image:loc>https://courses.example.edu/cover.jpg</image:loc></image:image></url>
  <url><loc>https://courses.example.edu/c/2</loc><lastmod>2026-11-30T01:00:00+03:00</lastmod></url>
  <url><loc>https://courses.example.edu/c/3</loc><lastmod>yesterday</lastmod></url>
  <url><changefreq>daily</changefreq></url>
</urlset>`,
      URL_,
    )
    expect(sitemap).toEqual({
      kind: 'urlset',
      entries: [
        { loc: 'https://courses.example.edu/c?id=1&lang=en', lastmod: '2026-11-29' },
        { loc: 'https://courses.example.edu/c/2', lastmod: '2026-11-29' },
        { loc: 'https://courses.example.edu/c/3', lastmod: null },
      ],
    })
  })

  it('reads a sitemap index', () => {
    const sitemap = readSitemap(
      `<sitemapindex ${NS}><sitemap><loc>https://courses.example.edu/s1.xml</loc></sitemap></sitemapindex>`,
      URL_,
    )
    expect(sitemap).toEqual({
      kind: 'index',
      entries: [{ loc: 'https://courses.example.edu/s1.xml', lastmod: null }],
    })
  })

  it.each([
    [
      'a DOCTYPE with entities',
      `<!DOCTYPE urlset [<!ENTITY x "y">]><urlset ${NS}><url><loc>&x;</loc></url></urlset>`,
      /DOCTYPE is refused/,
    ],
    [
      'malformed XML',
      `<urlset ${NS}><url><loc>https://x/</url></urlset>`,
      /is not well-formed XML: .*\(line 1/,
    ],
    ['an HTML page', '<html><body>Sitemap</body></html>', /is not a sitemap: its root element is <html>/],
    ['an RSS feed', '<rss><channel/></rss>', /not <urlset> or <sitemapindex>/],
  ])('refuses %s', (_, xml, message) => {
    expect(() => readSitemap(xml, URL_)).toThrow(PageError)
    expect(() => readSitemap(xml, URL_)).toThrow(message)
  })
})

describe('onHost', () => {
  it('keeps http(s) links on the host once each, without fragments, and lists the others', () => {
    const entries = [
      'https://courses.example.edu/a',
      'http://courses.example.edu/b',
      'https://courses.example.edu/a#top',
      'https://other.example.org/c',
      'https://courses.example.edu:8443/d',
      'https://user:pw@courses.example.edu/e',
      'javascript:alert(1)',
      '/relative',
      'ftp://courses.example.edu/f',
    ].map((loc) => ({ loc, lastmod: null }))
    expect(onHost(entries, 'courses.example.edu')).toEqual({
      kept: [
        { loc: 'https://courses.example.edu/a', lastmod: null },
        { loc: 'http://courses.example.edu/b', lastmod: null },
      ],
      elsewhere: [
        'https://other.example.org/c',
        'https://courses.example.edu:8443/d',
        'https://user:pw@courses.example.edu/e',
        'javascript:alert(1)',
        '/relative',
        'ftp://courses.example.edu/f',
      ],
    })
  })
})
