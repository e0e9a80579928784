// The vocabulary on its own: surfaces for completion and the candidates typo tolerance checks.
import { describe, expect, it } from 'vitest'
import { PostingStore } from './posting-list.ts'
import { Vocabulary } from './vocabulary.ts'

function vocabularyOf(surfaces: readonly string[]): Vocabulary {
  const vocabulary = new Vocabulary()
  for (const surface of surfaces) vocabulary.intern(surface, surface)
  return vocabulary
}

const WORDS = ['psicologia', 'psychology', 'sociologia', 'python', 'philosophy', 'typhon', 'machine']

describe('typo candidates', () => {
  it('offers words sharing the first letter within the length budget', () => {
    const candidates = [...vocabularyOf(WORDS).candidates('pyhton', 1)]
    expect(candidates).toContain('python')
    expect(candidates).not.toContain('machine')
  })

  it.each([
    ['missing', 'sicologia', 'psicologia'],
    ['wrong', 'bsicologia', 'psicologia'],
    ['extra', 'apsicologia', 'psicologia'],
    ['swapped with the second', 'spicologia', 'psicologia'],
    ['missing, with a second typo further on', 'sychologi', 'psychology'],
  ])('offers a word whose first letter is %s', (_, typed, known) => {
    expect([...vocabularyOf(WORDS).candidates(typed, 2)]).toContain(known)
  })

  it('offers each candidate once and never the word itself', () => {
    const candidates = [...vocabularyOf([...WORDS, 'sicologia']).candidates('sicologia', 1)]
    expect(candidates.filter((c) => c === 'psicologia')).toHaveLength(1)
    expect(candidates).not.toContain('sicologia')
  })

  it('finds first-letter typos in other scripts, and among many words', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}ord`)
    const vocabulary = vocabularyOf([...many, 'психология', 'ดาราศาสตร์'])
    expect([...vocabulary.candidates('сихология', 1)]).toContain('психология')
    expect([...vocabulary.candidates('าราศาสตร์', 1)]).toContain('ดาราศาสตร์')
    const word = many[1000] ?? ''
    expect([...vocabulary.candidates(word.slice(1), 1)]).toContain(word)
  })

  it('keeps finding them after a round trip through its state', () => {
    const vocabulary = vocabularyOf(WORDS)
    const restored = Vocabulary.fromState(vocabulary.toState(), new PostingStore())
    expect([...restored.candidates('sicologia', 1)]).toContain('psicologia')
  })
})

describe('completions', () => {
  it('are the most frequent surfaces with the prefix, ties in alphabetical order, at most the limit', () => {
    const vocabulary = vocabularyOf(['data', 'database', 'datum', 'date', 'dative', 'day', 'dog'])
    // Frequencies: database 3, date 2, data 2, the rest 1.
    let doc = 0
    for (const [surface, times] of [
      ['database', 3],
      ['date', 2],
      ['data', 2],
      ['datum', 1],
      ['dative', 1],
    ] as const) {
      const [id] = vocabulary.termsOfSurface(surface)
      for (let i = 0; i < times; i++) vocabulary.postings.add(id ?? -1, doc++, 1)
    }
    expect(vocabulary.withPrefix('dat', 10)).toEqual(['database', 'data', 'date', 'dative', 'datum'])
    expect(vocabulary.withPrefix('dat', 3)).toEqual(['database', 'data', 'date'])
    expect(vocabulary.withPrefix('dat', 4)).toEqual(['database', 'data', 'date', 'dative'])
    expect(vocabulary.withPrefix('dat', 0)).toEqual([])
    expect(vocabulary.withPrefix('x', 5)).toEqual([])
  })
})
