// The index over tens of thousands of courses, where its shortcuts start: filters tested through
// bitmaps, facet counts taken from a sample (and said to be), ranking shortcuts. Every answer is
// checked against counting the generated courses one by one.
import { beforeAll, describe, expect, it } from 'vitest'
import * as analyzer from '../analysis/analyze.ts'
import type { SearchDocument } from '../search-document.ts'
import { search, type SearchRequest } from './evaluate.ts'
import { SearchIndex } from './search-index.ts'

const TODAY = '2026-11-29'
const LANGUAGES = ['en', 'fr', 'es']
const SUBJECTS = ['0613', '0612', '0311', '0521']
const COURSES = 60_000

interface Generated {
  id: string
  common: boolean
  quarter: boolean
  language: string
  access: 'free' | 'paid'
  subject: string
  current: boolean
}

/** Course i: every other one has the word "common" (30,000), every fourth "quarter" (15,000), all "everything". */
function generated(i: number): Generated {
  const mixed = (salt: number, n: number) => (Math.imul(i ^ salt, 0x9e3779b1) >>> 7) % n
  return {
    id: `c${String(i).padStart(6, '0')}`,
    common: i % 2 === 0,
    quarter: i % 4 === 0,
    language: LANGUAGES[mixed(1, 3)] ?? 'en',
    access: mixed(2, 5) === 0 ? 'paid' : 'free',
    subject: SUBJECTS[mixed(3, 4)] ?? '0613',
    current: mixed(4, 3) !== 0,
  }
}

function toDocument(g: Generated): SearchDocument {
  return {
    courseId: g.id,
    language: g.language,
    title: `${g.common ? 'common ' : ''}${g.quarter ? 'quarter ' : ''}everything ${g.id}`,
    summary: null,
    description: null,
    subjects: [g.subject],
    keywords: [],
    instructors: [],
    institutions: ['cornell'],
    platforms: ['edx'],
    subtitleLanguages: [],
    level: null,
    runs: [
      g.current
        ? { pacing: 'instructor', startsOn: '2026-11-01', endsOn: '2027-01-31' }
        : { pacing: 'instructor', startsOn: '2025-01-01', endsOn: '2025-03-31' },
    ],
    access: [g.access],
    certificate: [],
    enrollments: 0,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  }
}

const all = Array.from({ length: COURSES }, (_, i) => generated(i))
let index: SearchIndex
beforeAll(() => {
  index = new SearchIndex(analyzer, { subject: () => [], institution: () => [] })
  for (const g of all) index.upsert(toDocument(g))
})

const find = (q: string, more: Partial<SearchRequest> = {}) =>
  search(index, { q, locale: 'en', filters: {}, offset: 0, limit: 20, today: TODAY, ...more })

/** Disjunctive counts worked out one course at a time. */
function expected(courses: Generated[], languages: string[], access: string[]) {
  const tally = (pick: (g: Generated) => string, keep: (g: Generated) => boolean) => {
    const counts: Record<string, number> = {}
    for (const g of courses.filter(keep)) counts[pick(g)] = (counts[pick(g)] ?? 0) + 1
    return counts
  }
  const inLanguage = (g: Generated) => languages.includes(g.language)
  const inAccess = (g: Generated) => access.includes(g.access)
  return {
    total: courses.filter((g) => inLanguage(g) && inAccess(g)).length,
    language: tally((g) => g.language, inAccess),
    access: tally((g) => g.access, inLanguage),
  }
}

describe('an index of 60,000 courses', () => {
  it('filters and counts exactly through bitmaps up to 20,000 candidates', () => {
    const result = find('quarter', { filters: { language: ['en', 'fr'], access: ['free'] } })
    const truth = expected(
      all.filter((g) => g.quarter),
      ['en', 'fr'],
      ['free'],
    )
    expect(result.facetsApproximate).toBe(false)
    expect(result.total).toBe(truth.total)
    expect(result.facets.language).toEqual(truth.language)
    expect(result.facets.access).toEqual(truth.access)
    expect(result.hits).toHaveLength(20)
    // Courses added after the filters' bitmaps were made are filtered like the rest.
    const added = Array.from({ length: 5 }, (_, i): Generated => ({
      ...generated(i * 4),
      id: `new-${i}`,
      language: 'en',
      access: 'free',
    }))
    for (const g of added) index.upsert(toDocument(g))
    const after = find('quarter', { filters: { language: ['en', 'fr'], access: ['free'] } })
    expect(after.total).toBe(truth.total + 5)
    for (const g of added) index.remove(g.id)
  })

  it('filters exactly and counts from a sample, said to be approximate, beyond 20,000 candidates', () => {
    const result = find('everything', { filters: { language: ['es'], availability: ['current'] } })
    const spanish = all.filter((g) => g.language === 'es')
    expect(result.total).toBe(spanish.filter((g) => g.current).length)
    expect(result.facetsApproximate).toBe(true)
    const currentBy = (language: string) => all.filter((g) => g.language === language && g.current).length
    for (const language of LANGUAGES) {
      const estimate = result.facets.language[language] ?? 0
      expect(Math.abs(estimate - currentBy(language)) / currentBy(language)).toBeLessThan(0.1)
    }
    const archived = spanish.filter((g) => !g.current).length
    expect(Math.abs((result.facets.availability.archived ?? 0) - archived) / archived).toBeLessThan(0.1)
  })

  it('counts every level of the subjects, and a subject filter takes in the narrower fields', () => {
    const result = find('quarter', { filters: { subject: ['06'] } })
    const common = all.filter((g) => g.quarter)
    const ict = common.filter((g) => g.subject.startsWith('06')).length
    expect(result.total).toBe(ict)
    expect(result.facets.subject['06']).toBe(ict)
    expect(result.facets.subject['0613']).toBe(common.filter((g) => g.subject === '0613').length)
    expect(result.facets.subject['03']).toBe(common.filter((g) => g.subject.startsWith('03')).length)
  })

  it('ranks exactly what sorting every match would', () => {
    const result = find('common', { limit: 50, filters: { access: ['paid'] } })
    const ranked = [...result.hits].sort((a, b) => b.score - a.score)
    expect(result.hits.map((h) => h.courseId)).toEqual(ranked.map((h) => h.courseId))
    // Titles differ only by id: every paid "common" course has the same text score, so the 50 come from
    // all of them, in the same order each time.
    expect(find('common', { limit: 50, filters: { access: ['paid'] } }).hits).toEqual(result.hits)
    const paid = new Set(all.filter((g) => g.common && g.access === 'paid').map((g) => g.id))
    for (const hit of result.hits) expect(paid.has(hit.courseId)).toBe(true)
  })
})
