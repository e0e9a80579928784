import { describe, expect, it } from 'vitest'
import { QUERY_CLASSES } from './engine.ts'
import { LANGUAGES } from './lexicon/index.ts'
import { createRng } from './prng.ts'
import { buildQueries, classLabel, misspell } from './queries.ts'
import { editDistance } from './typo-index.ts'
import { vocabulary } from './vocabulary.ts'

const queries = buildQueries({ perClass: 200 })

describe('query sets', () => {
  it('has every class plain and faceted, 200 each, the same on every run', () => {
    expect(queries).toHaveLength(QUERY_CLASSES.length * 2 * 200)
    expect(new Set(queries.map(classLabel)).size).toBe(8)
    expect(buildQueries({ perClass: 200 })).toEqual(queries)
    expect(new Set(queries.map((q) => q.id)).size).toBe(queries.length)
  })

  it('asks in every language in every class, and filters exactly the faceted queries', () => {
    for (const label of new Set(queries.map(classLabel))) {
      const languages = new Set(queries.filter((q) => classLabel(q) === label).map((q) => q.language))
      const expected = label.startsWith('misspelled') ? LANGUAGES.filter((l) => l !== 'zh') : LANGUAGES
      expect([...languages].sort()).toEqual([...expected].sort())
    }
    for (const q of queries) expect(Object.keys(q.filters).length > 0).toBe(q.faceted)
  })

  it('mostly asks for common words, sometimes rare ones', () => {
    const oneWord = queries.filter((q) => q.class === 'one-word')
    const head = oneWord.filter(
      (q) => vocabulary(q.language).terms.indexOf(q.text) < vocabulary(q.language).headSize,
    )
    expect(head.length / oneWord.length).toBeGreaterThan(0.6)
    expect(head.length).toBeLessThan(oneWord.length)
  })

  it('cuts prefixes as typed and marks only them', () => {
    for (const q of queries) {
      expect(q.lastIsPrefix).toBe(q.class === 'prefix')
      if (q.class !== 'prefix' || q.language === 'zh' || q.language === 'th') continue
      const last = q.text.split(' ').at(-1) ?? ''
      expect(last.length).toBeGreaterThanOrEqual(2)
      expect(last.length).toBeLessThanOrEqual(5)
    }
  })

  it('misspells words of 5 or more letters by one or two edits, never in Han script', () => {
    for (const q of queries.filter((x) => x.class === 'misspelled')) {
      expect(q.text).not.toMatch(/\p{Script=Han}/u)
      const typo = q.text.split(' ').at(-1) ?? ''
      expect(vocabulary(q.language).terms).not.toContain(typo)
    }
    const rng = createRng(5)
    for (const word of ['learning', 'обучение', 'การเรียนรู้', 'المحاسبة', 'internationalization']) {
      const one = misspell(rng, word, 1, 'en')
      expect(editDistance(word, one, 3)).toBeGreaterThanOrEqual(1)
      expect(editDistance(word, one, 3)).toBeLessThanOrEqual(1)
      expect(editDistance(word, misspell(rng, word, 2, 'en'), 3)).toBeLessThanOrEqual(2)
    }
    expect(misspell(rng, '机器学习', 1, 'zh')).toBe('机器学习')
  })
})
