// Server-rendered pages: every page type in every locale, error pages in the visitor's language,
// locale negotiation, safe output, and page weight.
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCourse, makeListing, makeRun } from '../../test/factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { LOCALES } from '../i18n/i18n.ts'

let t: TestApp
const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers })

beforeAll(async () => {
  t = await createTestApp({ demo: true })
  await makeCourse(t.deps, {
    id: 'hostile-title',
    title: 'Evil </script><script>alert(1)</script> & co',
    summary: '<img src=x onerror=alert(1)>',
    institutions: ['cornell'],
  })
  const listing = await makeListing(t.deps, 'hostile-title')
  await makeRun(t.deps, listing.id, { startsOn: '2026-12-01', endsOn: '2027-02-01' })
})
afterAll(() => t.close())

const PAGES = [
  '/',
  '/courses',
  '/courses?subject=06&availability=current',
  '/courses/tsinghua-machine-learning',
  '/search?q=python',
  '/institutions',
  '/institutions/spbu',
  '/platforms',
  '/platforms/edx',
  '/about',
  '/api/docs',
]

describe('every page type', () => {
  it.each(PAGES.flatMap((p) => LOCALES.map((l) => [p, l] as const)))('%s in %s', async (path, locale) => {
    const res = await get(`${path}${path.includes('?') ? '&' : '?'}lang=${locale}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`)
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
    expect(html).toContain('<main id="main"')
    expect(html).toContain('class="skip" href="#main"')
    // Works without JavaScript: besides JSON-LD data blocks, the one script is the deferred, external
    // suggestions script, which only enhances the search box.
    expect(html.match(/<script(?![^>]*application\/ld\+json)[^>]*>/g)).toEqual([
      '<script src="/assets/suggest.js" defer="">',
    ])
    expect(html).toContain('<script src="/assets/suggest.js" defer=""></script>')
    expect(html).toMatch(/<form class="search-box" role="search" method="get" action="\/search"/)
  })
})

describe('the course page', () => {
  it('marks course text with its own language and carries schema.org Course JSON-LD', async () => {
    const html = await (await get('/courses/tsinghua-machine-learning?lang=ar')).text()
    expect(html).toMatch(/<h1 lang="zh">机器学习<\/h1>/)
    const block = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? ''
    const data = JSON.parse(block) as Record<string, unknown>
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Course',
      name: '机器学习',
      inLanguage: 'zh',
    })
    expect(data.provider).toEqual([expect.objectContaining({ name: 'Tsinghua University' })])
  })

  it("says what each listing costs in the visitor's language, and offers it in JSON-LD", async () => {
    await makeCourse(t.deps, { id: 'priced', title: 'Priced course', institutions: ['cornell'] })
    const listing = await makeListing(t.deps, 'priced', {
      access: 'free',
      certificate: 'paid',
      price: { amount: 49, currency: 'USD' },
    })
    await makeRun(t.deps, listing.id, { startsOn: '2026-12-01', endsOn: '2027-02-01' })
    const en = await (await get('/courses/priced?lang=en')).text()
    expect(en).toContain('Free to take · Certificate for a fee · From $49.00')
    const ru = await (await get('/courses/priced?lang=ru')).text()
    expect(ru).toMatch(/Можно пройти бесплатно · Платный сертификат · От 49,00\s\$/)
    const block = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(en)?.[1] ?? ''
    expect(JSON.parse(block)).toMatchObject({
      offers: [{ '@type': 'Offer', category: 'Partially Free', price: 49, priceCurrency: 'USD' }],
    })
  })

  it('escapes hostile course text in HTML and in JSON-LD', async () => {
    const html = await (await get('/courses/hostile-title')).text()
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('Evil &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co')
    const block = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? ''
    expect((JSON.parse(block) as { name: string }).name).toBe('Evil </script><script>alert(1)</script> & co')
  })
})

describe('catalog browsing', () => {
  it('filters by facets and shows counts', async () => {
    const html = await (await get('/courses?language=ru&lang=en')).text()
    const found = Number(/(\d+) courses found/.exec(html)?.[1])
    expect(found).toBeGreaterThan(10)
    const russian = await t.db.selectFrom('courses').select('id').where('language', '=', 'ru').execute()
    expect(found).toBe(russian.length)
    expect(html).toMatch(/name="language" value="ru" checked/)
  })

  it('answers a bad query with a 400 page in the visitor’s language', async () => {
    const res = await get('/courses?page=abc', { 'accept-language': 'fr-CA,fr;q=0.9' })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('<html lang="fr"')
    expect(html).toContain('query.page')
  })
})

describe('errors and locales', () => {
  it('answers unknown pages with a 404 page in the visitor’s language', async () => {
    for (const path of ['/no-such-page', '/courses/no-such-course', '/institutions/nowhere']) {
      const res = await get(path, { 'accept-language': 'ru' })
      expect(res.status).toBe(404)
      const html = await res.text()
      expect(html).toContain('<html lang="ru"')
      expect(html).toMatch(/\p{Script=Cyrillic}{4,}/u)
    }
  })

  it('remembers ?lang= in a cookie', async () => {
    const first = await get('/about?lang=th')
    const cookie = first.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^lang=th;/)
    const next = await get('/about', { cookie: 'lang=th', 'accept-language': 'en' })
    expect(await next.text()).toContain('<html lang="th"')
  })
})

describe('page weight', () => {
  const assetBytes = ['moocx.css', 'suggest.js']
    .map((name) => fs.statSync(new URL(`./assets/${name}`, import.meta.url)).size)
    .reduce((a, b) => a + b)

  it.each(LOCALES)(
    'home, catalog and search weigh under 60 KB of HTML, CSS and script in %s',
    async (locale) => {
      for (const path of ['/', '/courses', '/search?q=python&']) {
        const html = await (await get(`${path}${path.includes('?') ? '' : '?'}lang=${locale}`)).arrayBuffer()
        expect(html.byteLength + assetBytes, `${path} in ${locale}`).toBeLessThan(60 * 1024)
      }
    },
  )
})
