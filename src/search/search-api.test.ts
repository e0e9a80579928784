// GET /api/v1/search over the seeded demo catalog, on SQLite and PostgreSQL: matches in several
// scripts, facets, an edit reflected at the next search, and hostile queries answered with a 4xx or
// an empty result, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, jsonRequest, type TestApp } from '../../test/test-app.ts'
import type { Course } from '../catalog/course.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ demo: true })
})
afterAll(() => t.close())

interface Results {
  data: Course[]
  meta: {
    total: number
    page: number
    pages: number
    relaxed: boolean
    suggestion: string | null
    crossLingual: string[]
  }
  facets: Record<string, Record<string, number>>
}

const find = async (query: string) => {
  const res = await t.app.request(`/api/v1/search?${query}`)
  expect(res.status).toBe(200)
  return (await res.json()) as Results
}
const ids = async (query: string) => (await find(query)).data.map((c) => c.id)

describe('searching the catalog', () => {
  it('finds courses by words in their own script', async () => {
    expect((await ids('q=machine%20learning'))[0]).toBe('cornell-machine-learning-engineers')
    expect(await ids(`q=${encodeURIComponent('машинное обучение')}`)).toContain(
      'spbu-machine-learning-methods',
    )
    expect(await ids(`q=${encodeURIComponent('机器学习')}`)).toContain('tsinghua-machine-learning')
    expect(await ids(`q=${encodeURIComponent('機器學習')}`)).toContain('tsinghua-machine-learning')
  })

  it('also finds courses that name the topic in another language, after those in the query’s', async () => {
    const results = await find('q=machine%20learning&per_page=50')
    const found = results.data.map((c) => c.id)
    expect(found[0]).toBe('cornell-machine-learning-engineers')
    expect(results.meta.crossLingual).toEqual(
      expect.arrayContaining(['tsinghua-machine-learning', 'spbu-machine-learning-methods']),
    )
    const firstOther = Math.min(...results.meta.crossLingual.map((id) => found.indexOf(id)))
    const direct = found.filter((id) => !results.meta.crossLingual.includes(id))
    expect(Math.max(...direct.map((id) => found.indexOf(id)))).toBeLessThan(firstOther)
    // From Russian to the others, too.
    const fromRussian = await find(`q=${encodeURIComponent('машинное обучение')}&per_page=50&lang=ru`)
    expect(fromRussian.meta.crossLingual).toEqual(
      expect.arrayContaining(['cornell-machine-learning-engineers', 'tsinghua-machine-learning']),
    )
    // A learner reading English finds the English name's courses among the direct matches.
    const readingEnglish = await find(`q=${encodeURIComponent('машинное обучение')}&per_page=50&lang=en`)
    expect(readingEnglish.meta.crossLingual).not.toContain('cornell-machine-learning-engineers')
    expect(readingEnglish.meta.crossLingual).toContain('tsinghua-machine-learning')
    expect(readingEnglish.data.map((c) => c.id)).toContain('cornell-machine-learning-engineers')
  })

  it('keeps only courses in languages the learner understands (taught or subtitled)', async () => {
    const understood = await find('q=machine%20learning&per_page=50&understand=en,ru')
    expect(understood.data.map((c) => c.id)).toContain('spbu-machine-learning-methods')
    for (const course of understood.data)
      expect(
        ['en', 'ru'].includes(course.language.split('-')[0] ?? '') ||
          course.subtitleLanguages.some((l) => ['en', 'ru'].includes(l.split('-')[0] ?? '')),
      ).toBe(true)
  })

  it('completes the last word and corrects typos', async () => {
    expect(await ids('q=machine%20lear')).toContain('cornell-machine-learning-engineers')
    expect(await ids('q=machne%20learning')).toContain('cornell-machine-learning-engineers')
  })

  it('counts facets and filters by them', async () => {
    const all = await find('q=python')
    expect(all.meta.total).toBeGreaterThanOrEqual(4)
    expect(Object.keys(all.facets.language ?? {})).toEqual(expect.arrayContaining(['en', 'ru', 'zh', 'it']))
    const russian = await find('q=python&language=ru')
    expect(russian.data.map((c) => c.id)).toContain('spbu-programming-in-python')
    expect(russian.data.every((c) => c.language === 'ru')).toBe(true)
    expect(russian.facets.language?.en).toBe(all.facets.language?.en)
    const browse = await find('per_page=5&availability=current,starting-soon')
    expect(browse.data).toHaveLength(5)
    for (const course of browse.data)
      expect(course.availability.some((a) => a === 'current' || a === 'starting-soon')).toBe(true)
    expect(browse.meta.total).toBeLessThan((await find('per_page=5')).meta.total)
  })

  it('reflects a new course and an edit at the next search', async () => {
    const created = await t.app.request(
      '/api/v1/courses',
      jsonRequest(
        'POST',
        { id: 'quetzal', language: 'en', title: 'Quetzalcoatl in Aztec Myth', institutions: ['utoronto'] },
        t.adminKey,
      ),
    )
    expect(created.status).toBe(201)
    expect(await ids('q=quetzalcoatl')).toEqual(['quetzal'])
    const renamed = await t.app.request(
      '/api/v1/courses/quetzal',
      jsonRequest('PATCH', { title: 'Zymurgy for Brewers' }, t.adminKey),
    )
    expect(renamed.status).toBe(200)
    expect(await ids('q=zymurgy')).toEqual(['quetzal'])
    expect(await ids('q=quetzalcoatl')).toEqual([])
  })
})

describe('hostile searches', () => {
  it.each([
    ['a 10,000-character query', 400, `q=${'a'.repeat(10_000)}`, /at most 500 characters/],
    ['an unknown facet', 400, 'q=x&colour=red', /colour/],
    ['an unknown facet value', 400, 'q=x&availability=soonish', /availability/],
    ['a page past 10,000 results', 400, 'q=x&page=1000&per_page=100', /past the 10000th/],
    ['an absurd page number', 400, 'page=99999999999', /page/],
  ])('%s: %i with a reason', async (_, status, query, reason) => {
    const res = await t.app.request(`/api/v1/search?${query}`)
    expect(res.status).toBe(status)
    expect(JSON.stringify(await res.json())).toMatch(reason)
  })

  it.each([
    ['control characters', `q=${encodeURIComponent('mach\u0000ine\u0007')}`],
    ['emoji only', `q=${encodeURIComponent('🤖🧠')}`],
    ['mixed scripts', `q=${encodeURIComponent('python 机器 обучение การเรียนรู้ التعلم')}`],
    ['punctuation only', `q=${encodeURIComponent('!!! ??? ...')}`],
    ['an unknown institution', 'q=python&institution=hogwarts'],
  ])('%s: an answer, not an error', async (_, query) => {
    const results = await find(query)
    expect(results.meta.total).toBeGreaterThanOrEqual(0)
  })
})
