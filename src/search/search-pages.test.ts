// The search page over the demo catalog, on SQLite and PostgreSQL: every locale, marked matches that
// stay escaped, "did you mean", partial matches, facets, pages, and hostile input answered with a 400
// page in the visitor's language, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCourse, makeListing } from '../../test/factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { LOCALES } from '../i18n/i18n.ts'

let t: TestApp
const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers })
const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await get(path, headers)
  expect(res.status, path).toBe(200)
  return res.text()
}
const apiTotal = async (query: string) =>
  ((await (await get(`/api/v1/search?${query}`)).json()) as { meta: { total: number } }).meta.total
/** The courses linked from the result cards, in order. */
const resultIds = (html: string) =>
  [...html.matchAll(/<li class="card"><h3><a href="\/courses\/([^"]+)"/g)].map((m) => m[1] ?? '')

beforeAll(async () => {
  t = await createTestApp({ demo: true })
  await makeCourse(t.deps, {
    id: 'hostile-zebrafish',
    title: '<img src=x onerror=alert(1)> Zebrafish & "friends"',
    summary: '</p><script>alert(1)</script> Zebrafish genetics',
    institutions: ['cornell'],
  })
  await makeListing(t.deps, 'hostile-zebrafish')
})
afterAll(() => t.close())

describe('the search page in every locale', () => {
  it.each(LOCALES)('%s: with a query, results and the query box prefilled', async (locale) => {
    const html = await page(`/search?q=python&lang=${locale}`)
    expect(html).toContain(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`)
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
    expect(html).toMatch(/<input type="search" id="q" name="q" value="python"/)
    expect(html).toContain('<meta name="robots" content="noindex"/>')
    expect(resultIds(html).length).toBe(Math.min(20, await apiTotal('q=python')))
    expect(html).toMatch(/<mark>python<\/mark>/i)
    expect(html).toContain('name="level" value="')
  })

  it.each(LOCALES)('%s: without a query, the box and the catalog by popularity', async (locale) => {
    const html = await page(`/search?lang=${locale}`)
    expect(html).toMatch(/<input type="search" id="q" name="q" value=""/)
    expect(html).not.toContain('<mark>')
    expect(resultIds(html)).toHaveLength(20)
    expect(html).toContain('rel="next"')
  })

  it('counts results with the plural rules of the locale', async () => {
    const total = await apiTotal('q=python')
    expect(await page('/search?q=python&lang=en')).toContain(`${total} courses found`)
    expect(await page('/search?q=python&lang=ru')).toMatch(new RegExp(`Найдено ${total} курс`))
    expect(await page('/search?q=zzzzzz&lang=en')).toContain('No courses found')
  })
})

describe('marked matches', () => {
  it('marks matched words of titles and summaries and keeps hostile text escaped', async () => {
    const html = await page('/search?q=zebrafish&lang=en')
    expect(resultIds(html)).toEqual(['hostile-zebrafish'])
    expect(html).toContain(
      '&lt;img src=x onerror=alert(1)&gt; <mark>Zebrafish</mark> &amp; &quot;friends&quot;',
    )
    expect(html).toContain('&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt; <mark>Zebrafish</mark> genetics')
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('<script>alert')
  })

  it('keeps a hostile query escaped in the box, the title and the links', async () => {
    const q = '"><script>alert(1)</script><img src=x onerror=alert(1)>'
    const html = await page(`/search?q=${encodeURIComponent(q)}&lang=en`)
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('marks the completion of the word being typed, in another script too', async () => {
    expect(await page('/search?q=machine%20lear&lang=en')).toContain(
      '<mark>Machine</mark> <mark>Learning</mark>',
    )
    const zh = await page(`/search?q=${encodeURIComponent('機器學習')}&lang=zh`)
    expect(zh).toContain('<mark>机器学习</mark>')
  })
})

describe('did you mean, partial matches and the empty state', () => {
  it('offers the corrected query as a link that keeps the filters, in the visitor’s language', async () => {
    const html = await page('/search?q=machne%20lerning%20&level=advanced&lang=en')
    expect(html).toMatch(
      /<p class="notice">Did you mean <a href="\/search\?q=machine\+learning&amp;level=advanced&amp;lang=en"><strong>machine learning<\/strong><\/a>\?<\/p>/,
    )
    const ar = await page('/search?q=machne%20lerning%20&lang=ar')
    expect(ar).toContain(
      'هل تقصد <a href="/search?q=machine+learning&amp;lang=ar"><strong>machine learning</strong></a>؟',
    )
    const followed = await page('/search?q=machine+learning&lang=en')
    expect(followed).not.toContain('Did you mean')
    expect(resultIds(followed)[0]).toBe('cornell-machine-learning-engineers')
  })

  it('says so when courses match only some of the words', async () => {
    const html = await page('/search?q=machine%20zzzqqq&lang=en')
    expect(html).toContain('No course matches all of your words')
    expect(resultIds(html).length).toBeGreaterThan(0)
  })

  it('leads back to the first page from past the last one', async () => {
    const html = await page('/search?q=python&page=50&lang=en')
    expect(resultIds(html)).toEqual([])
    expect(html).toContain('<a href="/search?q=python&amp;lang=en">Back to the first page of results</a>')
  })

  it('explains what to try when nothing matches', async () => {
    const html = await page('/search?q=zzzzzz&lang=fr')
    expect(resultIds(html)).toEqual([])
    expect(html).toContain('Aucun cours ne correspond à votre recherche')
    expect(html).not.toContain('class="pager"')
  })
})

describe('facets', () => {
  it('filters by a facet, keeps the query and counts the other values of that facet', async () => {
    const all = await page('/search?q=python&lang=en')
    const russian = await page('/search?q=python&language=ru&lang=en')
    const ids = resultIds(russian)
    expect(ids).toContain('spbu-programming-in-python')
    const languages = await t.db
      .selectFrom('courses')
      .select(['id', 'language'])
      .where('id', 'in', ids)
      .execute()
    expect(languages.every((c) => c.language === 'ru')).toBe(true)
    expect(ids).toHaveLength(await apiTotal('q=python&language=ru'))
    expect(russian).toMatch(/name="language" value="ru" checked/)
    expect(russian).toContain('<input type="hidden" name="q" value="python"/>')
    const english = /value="en"\/><span>English \((\d+)\)/
    expect(english.exec(russian)?.[1]).toBe(english.exec(all)?.[1])
  })

  it('labels values in the visitor’s language and opens the fields of a chosen subject', async () => {
    const html = await page('/search?subject=06&lang=fr')
    expect(html).toMatch(/name="subject" value="06" checked/)
    expect(html).toMatch(/name="subject" value="061"/)
    expect(html).toMatch(/Gratuit|gratuit/)
    expect(html).toMatch(/<span>anglais \(\d+\)<\/span>/)
  })

  it('pages through results, keeping the query and the filters', async () => {
    const first = await page('/search?per_page=5&access=free&lang=en')
    expect(first).toContain('href="/search?per_page=5&amp;access=free&amp;lang=en&amp;page=2" rel="next"')
    const second = await page('/search?per_page=5&access=free&page=2&lang=en')
    expect(resultIds(second)).toHaveLength(5)
    expect(resultIds(second).some((id) => resultIds(first).includes(id))).toBe(false)
  })
})

describe('hostile input', () => {
  it.each([
    ['a 10,000-character query', `q=${'a'.repeat(10_000)}`, 'query.q'],
    ['an unknown parameter', 'q=x&colour=red', 'query.colour'],
    ['an unknown facet value', 'q=x&availability=soonish', 'query.availability'],
    ['an absurd page number', 'q=x&page=99999999999', 'query.page'],
    ['a page past the 10,000th result', 'page=1000&per_page=100', 'query.page'],
    ['a malformed subject code', 'subject=%3Cscript%3E', 'query.subject'],
  ])('%s: a 400 page in the visitor’s language that says what is wrong', async (_, query, field) => {
    const res = await get(`/search?${query}`, { 'accept-language': 'ru-RU,ru;q=0.9' })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('<html lang="ru"')
    expect(html).toMatch(/\p{Script=Cyrillic}{4,}/u)
    expect(html).toContain(field)
    expect(html).not.toContain('<script>')
  })

  it.each([
    ['control characters', encodeURIComponent('mach\u0000ine\u0007')],
    ['emoji only', encodeURIComponent('🤖🧠')],
    ['mixed scripts', encodeURIComponent('python 机器 обучение การเรียนรู้ التعلم')],
    ['lone surrogates and bidi controls', encodeURIComponent('\u202epython\u202c') + '%ED%A0%80'],
  ])('%s: a page, not an error', async (_, q) => {
    const res = await get(`/search?q=${q}&institution=hogwarts`)
    expect(res.status).toBe(200)
  })
})
