import { describe, expect, it } from 'vitest'
import { highlight, queryTerms } from './highlight.ts'

/** The text with marked words in [brackets]. */
const marked = (text: string, language: string, q: string, locale = 'en', also: string[] = []) =>
  highlight(text, language, queryTerms(q, locale, also))
    .map((p) => (p.mark ? `[${p.text}]` : p.text))
    .join('')

describe('highlighting the words a search matched', () => {
  it('marks inflected forms through the stemmer of the text’s language', () => {
    expect(marked('Machine Learning for Engineers', 'en', 'learn ')).toBe('Machine [Learning] for Engineers')
    expect(marked('Машинное обучение и анализ данных', 'ru', 'машинного обучения')).toBe(
      '[Машинное] [обучение] и анализ данных',
    )
    expect(marked('مقدمة في التعلم الآلي', 'ar', 'التعلم')).toBe('مقدمة في [التعلم] الآلي')
  })

  it('marks words in scripts without spaces, Traditional query against Simplified text', () => {
    expect(marked('机器学习导论', 'zh', '機器學習')).toMatch(/^\[机器学习\]/)
    expect(marked('การเรียนรู้ของเครื่อง', 'th', 'เรียนรู้', 'th')).toContain('[เรียนรู้]')
  })

  it('completes the word being typed, but not a finished one', () => {
    expect(marked('Machine Learning for Engineers', 'en', 'machine lear')).toBe(
      '[Machine] [Learning] for Engineers',
    )
    expect(marked('Machine Learning for Engineers', 'en', 'lear ')).toBe('Machine Learning for Engineers')
    expect(marked('Introduction to Python', 'en', 'pyth')).toBe('Introduction to [Python]')
    // The segmenter cuts the unfinished Thai word apart; it is completed whole.
    expect(marked('แคลคูลัส 1', 'th', 'แคลคู', 'th')).toBe('[แคลคูลัส] 1')
    expect(marked('แคลคูลัส 1', 'th', 'แคลคู ', 'th')).toBe('แคลคูลัส 1')
  })

  it('marks the words of the did-you-mean suggestion too', () => {
    expect(marked('Machine Learning', 'en', 'machne ', 'en', ['machine'])).toBe('[Machine] Learning')
  })

  it('leaves stop words, punctuation and markup-looking text as plain text pieces', () => {
    const pieces = highlight('<img src=x onerror=alert(1)> & python', 'en', queryTerms('python img', 'en'))
    expect(pieces.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)> & python')
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['img', 'python'])
    expect(marked('Introduction to the Python', 'en', 'the python ')).toBe('Introduction to the [Python]')
  })

  it('returns the text unmarked for an empty, emoji or punctuation query', () => {
    for (const q of ['', '   ', '🤖🧠', '!!! ???'])
      expect(highlight('Python for all', 'en', queryTerms(q, 'en'))).toEqual([
        { text: 'Python for all', mark: false },
      ])
  })

  it('copes with malformed language tags and bounds the work on long texts', () => {
    expect(marked('Python', 'not a tag!', 'python')).toBe('[Python]')
    const long = 'python '.repeat(5_000)
    const started = performance.now()
    const pieces = highlight(long, 'en', queryTerms('python', 'en'))
    expect(performance.now() - started).toBeLessThan(1_000)
    expect(pieces.map((p) => p.text).join('')).toBe(long)
    expect(pieces.at(-1)?.mark).toBe(false)
  })
})
