import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCourse, makeListing } from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import type { CourseCreate } from '../../catalog/course.ts'
import { translator } from '../../i18n/i18n.ts'

const BASE = 'http://moocx.test'
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  textNodeName: '#text',
  isArray: (name) => ['entry', 'author', 'category', 'link'].includes(name),
})

interface Entry {
  'xml:lang': string
  id: string
  title: { '#text': string }
  summary?: { '#text': string }
  published: string
  updated: string
  link: { rel: string; href: string }[]
  author: { name: { '#text': string; 'xml:lang'?: string }; uri?: string }[]
  category?: { term: string; label: string; 'xml:lang': string }[]
}

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  // 55 live courses, one a day (course-day-54 newest), then a few with their own traits.
  for (let i = 0; i < 55; i++) {
    await course(new Date(Date.UTC(2026, 8, 1 + i)).toISOString(), {
      id: `course-day-${String(i).padStart(2, '0')}`,
      subjects: ['0111'],
    })
  }
  await course('2026-11-10T00:00:00.000Z', {
    id: 'tsinghua-ai',
    language: 'zh-Hans',
    title: '人工智能导论',
    summary: '机器学习与搜索的基础。',
    institutions: ['tsinghua', 'spbu'],
    subjects: ['0613'],
  })
  await course('2026-11-11T00:00:00.000Z', {
    id: 'ict-broad',
    title: 'Networks for everyone',
    institutions: ['cornell'],
    subjects: ['061', '0111'],
  })
  await course('2026-11-12T00:00:00.000Z', {
    id: 'hostile',
    title: 'Bad \u0001\u000B title <script>alert("x")</script> & ]]> \'quoted\' \uFFFE end',
    summary: 'Summary with \u0008 a backspace & an <b>tag</b>',
    subjects: [],
  })
  // Newest of all, but withdrawn from its only platform: no feed lists it.
  const gone = await makeCourse(at('2026-11-20T00:00:00.000Z'), {
    id: 'withdrawn-newest',
    institutions: ['cornell'],
  })
  await makeListing(at('2026-11-20T00:00:00.000Z'), gone.id, { status: 'withdrawn' })
}, 60_000)
afterAll(async () => t.close())

function at(iso: string) {
  return { ...t.deps, now: () => new Date(iso) }
}

async function course(iso: string, overrides: Partial<CourseCreate>) {
  const c = await makeCourse(at(iso), overrides)
  await makeListing(at(iso), c.id)
  return c
}

async function feed(path: string, headers: Record<string, string> = {}) {
  const res = await t.app.request(path, { headers })
  expect(res.status, path).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
  expect(res.headers.get('last-modified')).toMatch(/GMT$/)
  const text = await res.text()
  expect(XMLValidator.validate(text), text.slice(0, 300)).toBe(true)
  const doc = parser.parse(text).feed
  const entries: Entry[] = doc.entry ?? []
  return { text, doc, entries, ids: entries.map((e) => e.id.slice(`${BASE}/courses/`.length)) }
}

describe('Atom feeds of new courses', () => {
  it('lists the 50 live courses created last, newest first, with ids, dates, links, authors and categories', async () => {
    const { doc, entries, ids } = await feed('/feeds/courses.atom')
    expect(doc.xmlns).toBe('http://www.w3.org/2005/Atom')
    expect(doc['xml:lang']).toBe('en')
    expect(doc.id).toBe(`${BASE}/feeds/courses.atom`)
    expect(doc.title['#text']).toBe(translator('en')('feed.all.title'))
    expect(doc.link).toContainEqual(
      expect.objectContaining({ rel: 'self', href: `${BASE}/feeds/courses.atom?lang=en` }),
    )
    expect(entries).toHaveLength(50)
    expect(ids.slice(0, 5)).toEqual(['hostile', 'ict-broad', 'tsinghua-ai', 'course-day-54', 'course-day-53'])
    expect(ids).not.toContain('withdrawn-newest')
    const published = entries.map((e) => e.published)
    expect(published).toEqual([...published].sort().reverse())
    expect(doc.updated).toBe([...entries.map((e) => e.updated)].sort().at(-1))

    const ai = entries[2]
    expect(ai?.['xml:lang']).toBe('zh-Hans')
    expect(ai?.title['#text']).toBe('人工智能导论')
    expect(ai?.summary?.['#text']).toBe('机器学习与搜索的基础。')
    expect(ai?.published).toBe('2026-11-10T00:00:00.000Z')
    expect(ai?.link).toEqual([
      expect.objectContaining({ rel: 'alternate', href: `${BASE}/courses/tsinghua-ai` }),
    ])
    expect(ai?.author.map((a) => a.name['#text'])).toEqual([
      'Tsinghua University',
      'Saint Petersburg State University',
    ])
    expect(ai?.author[1]?.uri).toBe('https://spbu.ru/')
    expect(ai?.category).toEqual([
      expect.objectContaining({
        term: '0613',
        label: 'Software and applications development and analysis',
        'xml:lang': 'en',
      }),
    ])
  })

  it('follows one institution, one subject with its narrower fields, or one language with its variants', async () => {
    expect((await feed('/feeds/institutions/cornell.atom')).ids).toEqual(['ict-broad'])
    expect((await feed('/feeds/institutions/tsinghua.atom')).ids).toEqual(['tsinghua-ai'])
    expect((await feed('/feeds/institutions/ntu.atom')).ids).toEqual([])
    expect((await feed('/feeds/subjects/06.atom')).ids).toEqual(['ict-broad', 'tsinghua-ai'])
    expect((await feed('/feeds/subjects/0613.atom')).ids).toEqual(['tsinghua-ai'])
    const education = await feed('/feeds/subjects/011.atom')
    expect(education.ids.slice(0, 2)).toEqual(['ict-broad', 'course-day-54'])
    expect(education.ids).not.toContain('tsinghua-ai')
    expect((await feed('/feeds/languages/zh.atom')).ids).toEqual(['tsinghua-ai'])
    const variant = await feed('/feeds/languages/zh-hans.atom')
    expect(variant.ids).toEqual(['tsinghua-ai'])
    expect(variant.doc.id).toBe(`${BASE}/feeds/languages/zh-Hans.atom`)
    expect((await feed('/feeds/languages/en.atom')).ids).not.toContain('tsinghua-ai')
    const german = await feed('/feeds/languages/de.atom')
    expect(german.ids).toEqual([])
    expect(german.doc.title['#text']).toBe('New courses taught in German')
  })

  it('speaks the requested locale: Arabic and Chinese titles, labels and xml:lang', async () => {
    const ar = await feed('/feeds/institutions/spbu.atom?lang=ar')
    expect(ar.doc['xml:lang']).toBe('ar')
    expect(ar.doc.title['#text']).toBe('مقررات جديدة من جامعة سانت بطرسبرغ الحكومية')
    expect(ar.doc.subtitle['#text']).toBe(translator('ar')('feed.subtitle'))
    expect(ar.doc.link).toContainEqual(
      expect.objectContaining({ rel: 'self', href: `${BASE}/feeds/institutions/spbu.atom?lang=ar` }),
    )
    const aiInArabic = ar.entries.find((e) => e.title['#text'] === '人工智能导论')
    expect(aiInArabic?.['xml:lang']).toBe('zh-Hans')
    expect(aiInArabic?.author[1]?.name).toEqual({ '#text': 'جامعة سانت بطرسبرغ الحكومية', 'xml:lang': 'ar' })
    expect(aiInArabic?.category?.[0]).toMatchObject({
      label: 'تطوير البرمجيات والتطبيقات وتحليلها',
      'xml:lang': 'ar',
    })

    const zh = await feed('/feeds/subjects/06.atom', { 'accept-language': 'zh-CN,zh;q=0.9' })
    expect(zh.doc['xml:lang']).toBe('zh')
    expect(zh.doc.title['#text']).toBe('信息与通信技术（ICT）领域的新课程')
    const zhLanguage = await feed('/feeds/languages/ru.atom?lang=zh')
    expect(zhLanguage.doc.title['#text']).toBe('以俄语授课的新课程')
  })

  it('is announced in the head of every page, in the page locale', async () => {
    const html = await (await t.app.request('/courses?lang=zh')).text()
    const link =
      /<link rel="alternate" type="application\/atom\+xml" title="([^"]*)" href="([^"]*)"\/?>/.exec(html)
    expect(link?.[1]).toBe(translator('zh')('feed.all.title'))
    expect(link?.[2]).toBe('/feeds/courses.atom?lang=zh')
    expect((await feed(link?.[2] ?? '')).doc['xml:lang']).toBe('zh')
  })

  it('keeps the XML well-formed around a hostile title: controls dropped, markup escaped', async () => {
    const { text, entries } = await feed('/feeds/courses.atom')
    const hostile = entries.find((e) => e.id === `${BASE}/courses/hostile`)
    expect(hostile?.title['#text']).toBe('Bad  title <script>alert("x")</script> & ]]> \'quoted\'  end')
    expect(hostile?.summary?.['#text']).toBe('Summary with  a backspace & an <b>tag</b>')
    expect(hostile?.category).toBeUndefined()
    for (const forbidden of ['\u0001', '\u0008', '\u000B', '\uFFFE']) expect(text).not.toContain(forbidden)
    expect(text).not.toContain('<script>')
    expect(text).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt; &apos;quoted&apos;',
    )
  })

  it('answers 404 for an institution, subject or language it does not know, and 400 for a malformed code or tag', async () => {
    const unknownSubject = await t.db
      .selectFrom('subjects')
      .select('code')
      .where('code', '=', '0777')
      .executeTakeFirst()
    expect(unknownSubject).toBeUndefined()
    for (const path of [
      '/feeds/institutions/nowhere.atom',
      '/feeds/subjects/0777.atom',
      '/feeds/languages/xx.atom',
      '/feeds/languages/qaa.atom',
      '/feeds/institutions/spbu.rss',
      '/feeds/institutions/.atom',
      '/feeds/all.atom',
    ]) {
      const res = await t.app.request(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('content-type')).toContain('text/html')
    }
    for (const path of [
      '/feeds/subjects/abc.atom',
      '/feeds/subjects/12345.atom',
      '/feeds/subjects/6.atom',
      '/feeds/languages/e.atom',
      '/feeds/languages/en--us.atom',
      '/feeds/languages/%3Cscript%3E.atom',
      `/feeds/languages/${'a'.repeat(40)}.atom`,
    ]) {
      const res = await t.app.request(path)
      expect(res.status, path).toBe(400)
      expect(await res.text()).not.toContain('<script>')
    }
  })
})
