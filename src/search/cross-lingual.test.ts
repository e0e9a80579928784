// Cross-lingual discovery on its own: which other names of a concept a query leads to.
import { describe, expect, it } from 'vitest'
import * as analyzer from './analysis/analyze.ts'
import { CrossLingual, loadConcepts, type Translation } from './cross-lingual.ts'

const names = (row: Record<string, string>): Translation[] =>
  Object.entries(row).map(([language, text]) => ({ language, text }))

const concepts = new CrossLingual(analyzer, [
  names({
    en: 'machine learning',
    fr: 'apprentissage automatique',
    zh: '机器学习',
    es: 'aprendizaje automático',
  }),
  names({ en: 'python', th: 'ไพธอน', ar: 'بايثون' }),
  names({ en: 'history', fr: 'histoire' }),
  names({ en: 'chinese history', fr: 'histoire de la chine' }),
  [
    { language: 'th', text: 'ไพทอน' },
    { language: 'th', text: 'ไพธอน' },
  ],
])

const texts = (query: string, languages: string[]) =>
  concepts
    .translations(query, languages)
    .map((t) => t.text)
    .sort()

describe('the names a query leads to', () => {
  it('recognizes a name in any language written in the query’s script', () => {
    // Read only as French and as no language, "machine learning" is still the English name.
    expect(texts('machine learning ', ['fr', 'und'])).toEqual([
      'apprentissage automatique',
      'aprendizaje automático',
      '机器学习',
    ])
    expect(texts('机器学习', ['en', 'und'])).toContain('machine learning')
  })

  it('completes the word being typed, but not a finished one', () => {
    expect(texts('apprentissage auto', ['fr', 'und'])).toContain('machine learning')
    expect(texts('apprentissage auto ', ['fr', 'und'])).toEqual([])
    expect(texts('apprentissage au', ['fr', 'und'])).toEqual([])
  })

  it('forgives a typo in a word of the name, when another word is right', () => {
    expect(texts('aprentissage automatique ', ['fr', 'und'])).toContain('machine learning')
    expect(texts('aprentissage automatik ', ['fr', 'und'])).toEqual([])
  })

  it('leads to other spellings in the same language, and not to names the query already says', () => {
    expect(texts('ไพทอน', ['th', 'und'])).toEqual(['ไพธอน'])
    expect(texts('python ', ['en', 'und'])).toEqual(['بايثون', 'ไพธอน'])
  })

  it('flags the names of a concept the query names only as part of a larger one', () => {
    expect(concepts.translations('chinese history ', ['en'])).toEqual(
      expect.arrayContaining([
        { language: 'fr', text: 'histoire de la chine', broader: false },
        { language: 'fr', text: 'histoire', broader: true },
      ]),
    )
    expect(concepts.translations('history ', ['en'])).toEqual([
      { language: 'fr', text: 'histoire', broader: false },
    ])
  })
})

describe('the concepts', () => {
  it('include Buddhism and Python spelled as each language writes them', () => {
    const all = loadConcepts()
    const concept = (text: string) => all.find((c) => c.some((n) => n.text === text))?.map((n) => n.text)
    expect(concept('buddhism')).toEqual(
      expect.arrayContaining(['佛教', 'พุทธศาสนา', 'พระพุทธศาสนา', 'budismo']),
    )
    expect(concept('python')).toEqual(expect.arrayContaining(['ไพธอน', 'ไพทอน', 'بايثون', 'питон']))
  })
})
