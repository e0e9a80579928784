// Query analysis: the same terms as documents, stop words only when nothing else, the word being typed.
import { describe, expect, it } from 'vitest'
import { analyze, analyzeQuery } from './analyze.ts'

const query = (text: string, language = 'en') => {
  const { tokens, lastIsPrefix } = analyzeQuery(text, language)
  return { terms: tokens.map((token) => token.term), lastIsPrefix }
}

describe('analyzing a query', () => {
  it('gives the same terms as the document analysis', () => {
    for (const [text, language] of [
      ['Machine Learning', 'en'],
      ['機器學習', 'zh'],
      ['обучения', 'ru'],
      ['التَّعْلِيم', 'ar'],
      ['educacion', 'es'],
    ] as const) {
      expect(analyzeQuery(text, language).tokens.map((t) => t.term)).toEqual(
        analyze(text, language).map((t) => t.term),
      )
    }
  })

  it('flags the last word while it is being typed', () => {
    expect(query('machine lear')).toEqual({ terms: ['machin', 'lear'], lastIsPrefix: true })
    expect(analyzeQuery('machine lear', 'en').tokens[1]?.surface).toBe('lear')
    expect(query('machine learning ')).toEqual({ terms: ['machin', 'learn'], lastIsPrefix: false })
    expect(query('machine learning.')).toEqual({ terms: ['machin', 'learn'], lastIsPrefix: false })
    expect(query('machine learning\u200f')).toEqual({ terms: ['machin', 'learn'], lastIsPrefix: true })
  })

  it('flags the last word of unspaced scripts too', () => {
    expect(query('机器学', 'zh')).toEqual({ terms: ['机器', '学'], lastIsPrefix: true })
    expect(query('机器学习 ', 'zh')).toEqual({ terms: ['机器', '学习'], lastIsPrefix: false })
  })

  it('drops stop words, unless the query has nothing else', () => {
    expect(query('the history of art ')).toEqual({ terms: ['histori', 'art'], lastIsPrefix: false })
    expect(query('the of')).toEqual({ terms: ['the', 'of'], lastIsPrefix: true })
    expect(query('и', 'ru')).toEqual({ terms: ['и'], lastIsPrefix: true })
  })

  it('does not flag an earlier word when a stop word is being typed last', () => {
    expect(query('introduction to')).toEqual({ terms: ['introduct'], lastIsPrefix: false })
  })

  it('keeps word positions, stop words counted, for phrase matching', () => {
    expect(analyzeQuery('history of art', 'en').tokens.map((t) => t.position)).toEqual([0, 2])
  })

  it('answers nothing for empty and punctuation-only queries', () => {
    for (const text of ['', '   ', '?!', '— …', '😀👍🏽'])
      expect(analyzeQuery(text, 'en')).toEqual({ tokens: [], lastIsPrefix: false })
  })

  it('bounds long queries in characters and in tokens', () => {
    const long = 'learning '.repeat(2000)
    const { tokens, lastIsPrefix } = analyzeQuery(long, 'en')
    expect(tokens).toHaveLength(32)
    expect(lastIsPrefix).toBe(false)
    expect(analyzeQuery(long, 'en', { maxTokens: 3 }).tokens).toHaveLength(3)
    expect(analyzeQuery('a'.repeat(600) + ' learning', 'en').tokens).toEqual([])
    expect(analyzeQuery('python learning', 'en', { maxChars: 10 })).toEqual({
      tokens: [{ term: 'python', surface: 'python', position: 0 }],
      lastIsPrefix: false,
    })
  })
})
