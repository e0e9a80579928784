// The in-memory index on its own: matching in every script, ranking, facets, updates, hostile queries.
import { beforeEach, describe, expect, it } from 'vitest'
import * as analyzer from '../analysis/analyze.ts'
import type { SearchDocument } from '../search-document.ts'
import { search, type SearchRequest } from './evaluate.ts'
import { CrossLingual } from '../cross-lingual.ts'
import { SearchIndex } from './search-index.ts'

const TODAY = '2026-11-29'
const labels = {
  subject: (code: string) => (code.startsWith('061') ? ['Information and Communication Technologies'] : []),
  institution: (id: string) => (id === 'tsinghua' ? ['Tsinghua University', '清华大学'] : [id]),
}

function doc(courseId: string, fields: Partial<SearchDocument> = {}): SearchDocument {
  return {
    courseId,
    language: 'en',
    title: courseId,
    summary: null,
    description: null,
    subjects: [],
    keywords: [],
    instructors: [],
    institutions: ['cornell'],
    platforms: ['edx'],
    subtitleLanguages: [],
    level: null,
    runs: [{ pacing: 'self', startsOn: '2026-01-01', endsOn: null }],
    access: ['free'],
    certificate: [],
    enrollments: 0,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...fields,
  }
}

let index: SearchIndex
const find = (q: string, more: Partial<SearchRequest> = {}) =>
  search(index, { q, locale: 'en', filters: {}, offset: 0, limit: 20, today: TODAY, ...more })
const ids = (q: string, more: Partial<SearchRequest> = {}) => find(q, more).hits.map((h) => h.courseId)

beforeEach(() => {
  index = new SearchIndex(analyzer, labels)
  index.upsert(doc('ml-en', { title: 'Machine Learning', subjects: ['0613'], enrollments: 5000 }))
  index.upsert(doc('ml-ru', { language: 'ru', title: 'Машинное обучение', subjects: ['0613'] }))
  index.upsert(
    doc('ml-zh', { language: 'zh', title: '机器学习课程', institutions: ['tsinghua'], subjects: ['0613'] }),
  )
  index.upsert(doc('ml-th', { language: 'th', title: 'การเรียนรู้ของเครื่อง', subjects: ['0613'] }))
  index.upsert(
    doc('learning-machines', {
      title: 'Learning about old machines',
      subjects: ['0715'],
      access: ['paid'],
      runs: [{ pacing: 'instructor', startsOn: '2027-03-01', endsOn: '2027-05-01' }],
    }),
  )
  index.upsert(doc('history', { title: 'History of Philosophy', level: 'introductory', subjects: ['0223'] }))
})

describe('matching', () => {
  it('finds words in every script, stemmed and segmented', () => {
    expect(ids('learning')).toEqual(expect.arrayContaining(['ml-en', 'learning-machines']))
    expect(ids('обучения')).toEqual(['ml-ru'])
    expect(ids('学习')).toEqual(['ml-zh'])
    expect(ids('機器學習')).toEqual(['ml-zh'])
    expect(ids('เรียนรู้')).toEqual(['ml-th'])
    expect(ids('清华大学')).toEqual(['ml-zh'])
  })

  it('completes the last word as you type and forgives typos, but not in Han script', () => {
    expect(ids('machine lea')).toContain('ml-en')
    expect(ids('philosphy')).toEqual(['history'])
    expect(find('philosphy').suggestion).toBe('philosophy')
    // No near misses in Han script: an unknown character leaves the query matched only in part.
    expect(find('机器学刁').relaxed).toBe(true)
  })

  it('ranks the title phrase first and breaks ties the same way whatever the order courses came in', () => {
    expect(ids('machine learning')[0]).toBe('ml-en')
    index.upsert(doc('words-apart', { title: 'Learning the machine', enrollments: 1000 }))
    index.upsert(doc('side-by-side', { title: 'Machine learning', enrollments: 10 }))
    expect(ids('machine learning', { locale: 'en' }).indexOf('side-by-side')).toBeLessThan(
      ids('machine learning').indexOf('words-apart'),
    )
    index.upsert(doc('b-same', { title: 'Quantum optics' }))
    index.upsert(doc('a-same', { title: 'Quantum optics' }))
    const order = ids('quantum optics')
    expect([...order].sort()).toEqual(['a-same', 'b-same'])
    const again = new SearchIndex(analyzer, labels)
    again.upsert(doc('a-same', { title: 'Quantum optics' }))
    again.upsert(doc('b-same', { title: 'Quantum optics' }))
    const first = search(again, {
      q: 'quantum optics',
      locale: 'en',
      filters: {},
      offset: 0,
      limit: 20,
      today: TODAY,
    })
    expect(first.hits.map((h) => h.courseId)).toEqual(order)
  })

  it('ranks the course updated more recently first when all else is equal', () => {
    index.upsert(doc('a-old', { title: 'Glacier dynamics', updatedAt: '2025-12-01T00:00:00Z' }))
    index.upsert(doc('b-new', { title: 'Glacier dynamics', updatedAt: '2026-11-20T00:00:00Z' }))
    expect(ids('glacier dynamics')).toEqual(['b-new', 'a-old'])
  })

  it('takes a word many courses use as meant, without its near misses', () => {
    for (let i = 0; i < 20; i++) index.upsert(doc(`zanthor-${i}`, { title: `Zanthor ${i}` }))
    index.upsert(doc('zanther', { title: 'Zanther studies' }))
    expect(ids('zanthor', { limit: 50 })).not.toContain('zanther')
    expect(ids('zanther')).toContain('zanther')
    // A misspelling still finds both.
    expect(ids('zanthr', { limit: 50 })).toEqual(expect.arrayContaining(['zanthor-0', 'zanther']))
  })

  it('needs every word, and says so when it had to settle for some', () => {
    expect(find('machine philosophy')).toMatchObject({ relaxed: true })
    expect(find('machine learning').relaxed).toBe(false)
  })
})

describe('the learner’s languages', () => {
  beforeEach(() => {
    index.upsert(doc('py-en', { title: 'Python for Everybody', enrollments: 900_000 }))
    index.upsert(doc('py-th', { language: 'th', title: 'Python สำหรับผู้เริ่มต้น', enrollments: 300 }))
    index.upsert(
      doc('py-fr', {
        language: 'fr',
        title: 'Python pour tous',
        subtitleLanguages: ['th'],
        enrollments: 500,
      }),
    )
    index.upsert(doc('py-es', { language: 'es', title: 'Python para todos', enrollments: 5000 }))
  })

  it('come first: taught in them, then subtitled in them, then the rest', () => {
    expect(ids('python', { locale: 'th' })).toEqual(['py-th', 'py-fr', 'py-en', 'py-es'])
    expect(ids('python', { locale: 'en' })[0]).toBe('py-en')
    expect(ids('python', { locale: 'en', understood: ['es'] })).toEqual(['py-es'])
  })

  it('count subtitles in any of many languages (past the 31 kept as bits)', () => {
    for (let i = 0; i < 40; i++)
      index.upsert(doc(`sub-${i}`, { title: 'Other', subtitleLanguages: [`x${i}`] }))
    index.upsert(doc('zebra-de', { language: 'de', title: 'Zebra', enrollments: 100 }))
    index.upsert(doc('zebra-es', { language: 'es', title: 'Zebra', subtitleLanguages: ['x35'] }))
    expect(ids('zebra', { locale: 'x35' })).toEqual(['zebra-es', 'zebra-de'])
    expect(ids('zebra', { locale: 'en' })).toEqual(['zebra-de', 'zebra-es'])
  })
})

describe('facets', () => {
  it('counts each facet under the other facets’ selections (disjunctive)', () => {
    const result = find('', { filters: { language: ['en'], access: ['free'] } })
    expect(result.hits.map((h) => h.courseId).sort()).toEqual(['history', 'ml-en'])
    expect(result.facets.language).toMatchObject({ en: 2, ru: 1, zh: 1, th: 1 })
    expect(result.facets.access).toEqual({ free: 2, paid: 1 })
    expect(result.facets.subject).toMatchObject({ '06': 1, '061': 1, '0613': 1, '02': 1 })
  })

  it('filters subjects at any level and works availability out for the day', () => {
    expect(ids('', { filters: { subject: ['06'] } }).sort()).toEqual(['ml-en', 'ml-ru', 'ml-th', 'ml-zh'])
    expect(find('', { filters: { availability: ['upcoming'] } }).hits.map((h) => h.courseId)).toEqual([
      'learning-machines',
    ])
    expect(find('', { today: '2027-03-10', filters: { availability: ['current'] } }).hits[0]?.courseId).toBe(
      'learning-machines',
    )
  })
})

describe('changes', () => {
  it('replaces a changed course and forgets a removed one, also after compaction', () => {
    index.upsert(doc('ml-en', { title: 'Deep Learning' }))
    expect(ids('machine')).not.toContain('ml-en')
    expect(ids('deep')).toEqual(['ml-en'])
    index.remove('history')
    expect(ids('philosophy')).toEqual([])
    for (let i = 0; i < 3000; i++) index.upsert(doc(`filler-${i % 1000}`, { title: `Filler ${i}` }))
    expect(index.compactIfWorthIt()).toBe(true)
    expect(ids('deep')).toEqual(['ml-en'])
    expect(find('filler').total).toBe(1000)
  })
})

describe('a search that fails half way', () => {
  it('leaves nothing behind that changes the next one', () => {
    index.crossLingual = new CrossLingual(analyzer, [
      [
        { language: 'en', text: 'machine learning' },
        { language: 'ru', text: 'машинное обучение' },
      ],
    ])
    const before = find('machine learning')
    expect(before.hits.find((h) => h.courseId === 'ml-ru')?.crossLingual).toBe(true)
    const plain = find('machine')
    // Asking for more results than memory holds fails after the matching marked its courses.
    expect(() => find('машинное обучение', { locale: 'ru', limit: 2 ** 40 })).toThrow(RangeError)
    expect(find('machine')).toEqual(plain)
    expect(find('machine learning')).toEqual(before)
  })
})

describe('hostile queries', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['10,000 characters', 'machine '.repeat(1250)],
    ['control characters', 'mach\u0000ine\u0007 \u001b[31m'],
    ['emoji', '🤖 machine 🧠'],
    ['mixed scripts', 'machine 机器 обучение การเรียนรู้'],
    ['lone surrogate', 'mach\ud800ine'],
  ])('%s: answers without throwing', (_, q) => {
    const result = find(q)
    expect(result.total).toBeGreaterThanOrEqual(0)
  })

  it('gives an empty page past the end, with the total', () => {
    const result = find('', { offset: 10_000 })
    expect(result.hits).toEqual([])
    expect(result.total).toBe(6)
  })
})

describe('stop words in queries', () => {
  it('does not require a stop word the query’s language drops, even as the last word', () => {
    index.upsert(doc('intro', { title: 'Introduction to Statistics' }))
    expect(ids('introduction to')).toContain('intro')
    expect(find('introduction to').relaxed).toBe(false)
  })
})
