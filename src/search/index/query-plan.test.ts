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
  const thai = ['แคลคูลัส 1', 'ดาราศาสตร์เบื้องต้น', 'การเรียนรู้ของเครื่อง', 'การแพทย์แผนไทย', 'กลศาสตร์ควอนตัม']
  const chinese = ['中国近现代史的历史进程', '心理学概论', '区块链技术', '数据结构', '阎步克讲中国古代史']
  thai.forEach((title, i) => index.upsert(doc(`th-${i}`, 'th', title)))
  chinese.forEach((title, i) => index.upsert(doc(`zh-${i}`, 'zh', title)))
})

/** Each position of the plan of `q`: the surfaces of what it looks up, with their factors. */
function lookedUp(q: string, locale: string): Record<string, number>[] {
  const surfaces = (termId: number) =>
    index.vocabulary.toState().surfaces.flatMap(([s, ids]) => (ids.includes(termId) ? [s] : []))
  return planQuery(index, q, locale).positions.map((p) =>
    Object.fromEntries(p.expansions.flatMap((e) => surfaces(e.termId).map((s) => [s, e.factor]))),
  )
}

describe('near misses', () => {
  it('reach a word whose first letter was left out, and suggest it', () => {
    const plan = planQuery(index, 'sicología ', 'es')
    const [psicologia] = index.vocabulary.termsOfSurface('psicologia')
    expect(plan.positions[0]?.expansions).toContainEqual({ termId: psicologia, factor: 0.7 })
    expect(plan.positions[0]?.correction).toBe('psicologia')
  })

  it('do not correct a word being typed that starts a known word', () => {
    index.upsert(doc('learn', 'en', 'Learn to learn'))
    index.upsert(doc('ml', 'en', 'Machine learning'))
    expect(planQuery(index, 'learni ', 'en').positions[0]?.correction).toBe('learn')
    expect(planQuery(index, 'learni', 'en').positions[0]?.correction).toBeNull()
  })
})

describe('Thai words the segmenter cut into pieces', () => {
  it('completes an unfinished word as a whole', () => {
    expect(lookedUp('แคลคู', 'th')).toEqual([{ แคลคูลัส: 0.85 }])
  })

  it('finds the near miss of a misspelled word as a whole, and suggests it', () => {
    expect(lookedUp('ดาราศาตร์ ', 'th')).toEqual([{ ดาราศาสตร์: 0.7 }])
    expect(planQuery(index, 'ดาราศาตร์ ', 'th').positions[0]?.correction).toBe('ดาราศาสตร์')
  })

  it('joins only the pieces the vocabulary does not know', () => {
    expect(lookedUp('การเรียนรู้ของเครือง ', 'th')).toEqual([{ เรียน: 1 }, { รู้: 1 }, { เครื่อง: 0.7 }])
  })

  it('looks up the first part of an unknown compound whose first part lost its silent mark', () => {
    expect(lookedUp('แพทยศาสตร์ ', 'th')).toEqual([{ แพทย์: 0.6 }])
  })

  it('leaves words the vocabulary knows as they are', () => {
    expect(lookedUp('ดาราศาสตร์ เครื่อง ', 'th')).toEqual([{ ดาราศาสตร์: 1 }, { เครื่อง: 1 }])
  })
})

describe('Han words with a character split off', () => {
  it('keep the word as one position, its parts counting less', () => {
    expect(lookedUp('历史学 ', 'zh')).toEqual([{ 历史: 0.6 }])
    expect(lookedUp('心理学 ', 'zh')).toEqual([{ 心理学: 1, 心理: 0.6 }])
  })

  it('never look up the lone character on its own', () => {
    expect(lookedUp('经济学 ', 'zh')).toEqual([{}])
    expect(lookedUp('心理学 ', 'zh').flatMap(Object.keys)).not.toContain('学')
  })

  it('find a homophone typo of a word of three or more characters', () => {
    expect(lookedUp('区快链 ', 'zh')).toEqual([{ 区块链: 0.7 }])
    expect(lookedUp('心里学 ', 'zh')).toEqual([{ 心理学: 0.7 }])
  })

  it('leave a lone character being typed last to start the next word', () => {
    expect(lookedUp('数据结', 'zh')).toEqual([{ 数据: 1 }, { 结构: 0.85 }])
  })

  it('keep the characters of a name nothing else matches', () => {
    expect(lookedUp('阎步克 ', 'zh')).toEqual([{ 阎: 1 }, { 步: 1 }, { 克: 1 }])
  })
})

describe('title phrases', () => {
  it('pair adjacent words the index knows, and never a word no course has', () => {
    index.upsert(doc('ml', 'en', 'Machine learning'))
    expect(planQuery(index, 'machine learning ', 'en').pairs.size).toBe(1)
    expect(planQuery(index, 'machine lea', 'en').pairs.size).toBe(0)
    expect(planQuery(index, 'machine learnin', 'en').pairs.size).toBe(0)
  })
})
