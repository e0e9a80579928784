import { describe, expect, it } from 'vitest'
import { generateCatalog, LANGUAGE_MIX } from './catalog-generator.ts'
import { LANGUAGES } from './lexicon/index.ts'
import { TOPIC_SUBJECTS } from './lexicon/topics.ts'
import { vocabulary } from './vocabulary.ts'

const catalog = [...generateCatalog({ size: 20_000, seed: 3 })]

describe('synthetic catalog', () => {
  it('is the same for the same seed and different for another', () => {
    const again = [...generateCatalog({ size: 20_000, seed: 3 })].slice(0, 300)
    expect(again).toEqual(catalog.slice(0, 300))
    const other = [...generateCatalog({ size: 300, seed: 4 })]
    expect(other.map((d) => d.title)).not.toEqual(catalog.slice(0, 300).map((d) => d.title))
  })

  it('streams: the first course of a million comes at once and nothing is generated past size', () => {
    const started = performance.now()
    const first = generateCatalog({ size: 1_000_000 }).next()
    expect(first.done).toBe(false)
    expect(performance.now() - started).toBeLessThan(1000)
    expect([...generateCatalog({ size: 0 })]).toEqual([])
  })

  it('numbers courses 1..n in an order unrelated to popularity', () => {
    const ids = catalog.map((d) => d.id).sort((a, b) => a - b)
    expect(ids[0]).toBe(1)
    expect(new Set(ids).size).toBe(catalog.length)
    expect(ids.at(-1)).toBe(catalog.length)
    const byId = [...catalog].sort((a, b) => a.id - b.id).slice(0, 100)
    const sortedByPopularity = [...byId].sort((a, b) => b.enrollments - a.enrollments)
    expect(byId.map((d) => d.id)).not.toEqual(sortedByPopularity.map((d) => d.id))
  })

  it('mixes languages as LANGUAGE_MIX says', () => {
    for (const language of LANGUAGES) {
      const share = catalog.filter((d) => d.language === language).length / catalog.length
      expect(Math.abs(share - LANGUAGE_MIX[language])).toBeLessThan(0.015)
    }
  })

  it('has Zipf popularity: a few courses hold most enrollments', () => {
    const sorted = catalog.map((d) => d.enrollments).sort((a, b) => b - a)
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0)
    expect(sum(sorted.slice(0, catalog.length / 100)) / sum(sorted)).toBeGreaterThan(0.3)
    const slope = Math.log((sorted[999] ?? 1) / (sorted[9] ?? 1)) / Math.log(1000 / 10)
    expect(slope).toBeGreaterThan(-1)
    expect(slope).toBeLessThan(-0.7)
  })

  it('writes Chinese without spaces and Thai with spaces only between sentences', () => {
    const zh = catalog.filter((d) => d.language === 'zh')
    expect(zh.every((d) => !/\s/.test(d.title + d.description))).toBe(true)
    const th = catalog.filter((d) => d.language === 'th')
    expect(th.every((d) => !/\s/.test(d.title))).toBe(true)
    for (const d of th.slice(0, 200)) expect(d.description.split(' ').length).toBeLessThanOrEqual(200 / 8 + 1)
  })

  it('has titles of 3–10 words and descriptions of 80–200 words in spaced languages', () => {
    const spaced = catalog.filter((d) => !['zh', 'th'].includes(d.language)).slice(0, 2000)
    for (const d of spaced) {
      const title = d.title.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length
      expect(title).toBeGreaterThanOrEqual(2)
      expect(title).toBeLessThanOrEqual(10)
      const words = d.description.split(/\s+/).length
      expect(words).toBeGreaterThanOrEqual(80)
      expect(words).toBeLessThanOrEqual(200)
    }
  })

  it('draws words with Zipf frequency from a vocabulary of tens of thousands of terms', () => {
    const distinct = LANGUAGES.reduce((n, l) => n + vocabulary(l).terms.length, 0)
    expect(distinct).toBeGreaterThan(30_000)
    const counts = new Map<string, number>()
    for (const d of catalog.filter((x) => x.language === 'en')) {
      for (const w of d.description.toLowerCase().split(/[\s.]+/)) counts.set(w, (counts.get(w) ?? 0) + 1)
    }
    const en = vocabulary('en').terms
    expect(counts.get(en[0] ?? '') ?? 0).toBeGreaterThan(20 * (counts.get(en[99] ?? '') ?? 0))
  })

  it('carries cross-lingual topic phrases and real subject codes', () => {
    const text = catalog
      .map((d) => d.title)
      .join('\n')
      .toLowerCase()
    for (const phrase of [
      'machine learning',
      '机器学习',
      'машинное обучение',
      'การเรียนรู้ของเครื่อง',
      'التعلم الآلي',
    ]) {
      expect(text).toContain(phrase)
    }
    for (const d of catalog.slice(0, 500)) {
      expect(d.subjects.length).toBeGreaterThanOrEqual(1)
      expect(d.subjects.length).toBeLessThanOrEqual(3)
      for (const s of d.subjects) expect(s).toMatch(/^\d{4}$/)
    }
    expect(TOPIC_SUBJECTS).toHaveLength(vocabulary('en').lexicon.topics.length)
    for (const l of LANGUAGES) expect(vocabulary(l).lexicon.topics).toHaveLength(TOPIC_SUBJECTS.length)
  })
})
