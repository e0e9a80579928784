// Query plans on a small index: which words each position of a query looks up, and how much each counts.
import { beforeEach, describe, expect, it } from 'vitest'
import * as analyzer from '../analysis/analyze.ts'
import type { SearchDocument } from '../search-document.ts'
import { planQuery } from './query-plan.ts'
import { SearchIndex } from './search-index.ts'

function doc(courseId: string, language: string, title: string): SearchDocument {
  return {
    courseId,
    language,
    title,
    summary: null,
    description: null,
    subjects: [],
    keywords: [],
    instructors: [],
    institutions: [],
    platforms: [],
    subtitleLanguages: [],
    level: null,
    runs: [],
    access: [],
    certificate: [],
    enrollments: 0,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  }
}

let index: SearchIndex

beforeEach(() => {
  index = new SearchIndex(analyzer, { subject: () => [], institution: () => [] })
  index.upsert(doc('psi', 'es', 'Introducción a la psicología'))
  index.upsert(doc('soc', 'es', 'Sociología urbana'))
})

describe('near misses', () => {
  it('reach a word whose first letter was left out, and suggest it', () => {
    const plan = planQuery(index, 'sicología ', 'es')
    const [psicologia] = index.vocabulary.termsOfSurface('psicologia')
    expect(plan.positions[0]?.expansions).toContainEqual({ termId: psicologia, factor: 0.7 })
    expect(plan.positions[0]?.correction).toBe('psicologia')
  })
})
