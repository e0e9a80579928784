// Hostile and odd input: analysis never throws, never stalls and never returns broken terms.
import { describe, expect, it } from 'vitest'
import { analyze, analyzeQuery, DEFAULT_MAX_CHARS, scriptOf } from './analyze.ts'

const terms = (text: string, language = 'en') => analyze(text, language).map((token) => token.term)
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

const WORDS = [
  '线性代数',
  '分子生物学',
  '機器學習',
  'การเรียนรู้',
  'learning',
  "l'éducation",
  'обучение',
  'التعليم',
  'c++',
]

function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('hostile input', () => {
  it('answers nothing for empty and wordless text', () => {
    for (const text of ['', ' ', '\n\t', '...', '\u0000\u0001\u001f', '😀🎉👨‍👩‍👧', '\u200b\u200d\u200e\u200f'])
      expect(analyze(text, 'en')).toEqual([])
  })

  it('answers nothing for values that are not text', () => {
    for (const value of [null, undefined, 42, {}, ['learning']]) {
      expect(analyze(value as unknown as string, 'en')).toEqual([])
      expect(analyze('learning', value as unknown as string)).toEqual([
        { term: 'learning', surface: 'learning', position: 0 },
      ])
      expect(analyzeQuery(value as unknown as string, 'en')).toEqual({ tokens: [], lastIsPrefix: false })
    }
  })

  it('treats control characters as spaces', () => {
    expect(terms('machine\u0000learning\u0007online\u001fcourse')).toEqual([
      'machin',
      'learn',
      'onlin',
      'cours',
    ])
  })

  it('skips lone surrogates without losing the letters around them', () => {
    expect(terms('abc\ud800def \udc00ghi jkl\ud83d', 'und')).toEqual(['abc', 'def', 'ghi', 'jkl'])
  })

  it('reads through zero-width joiners, soft hyphens and direction marks', () => {
    expect(terms('ma\u200dchine lear\u00adning \u202bتعليم\u202c \u2067data\u2069', 'en')).toEqual([
      'machin',
      'learn',
      'تعليم',
      'data',
    ])
    expect(terms('آموزش برنامه\u200cنویسی', 'fa')).toEqual(['اموزش', 'برنامهنويسي'])
  })

  it('splits on zero-width spaces', () => {
    expect(terms('machine\u200blearning')).toEqual(['machin', 'learn'])
  })

  it('brings fullwidth and halfwidth forms and ligatures to their usual form', () => {
    expect(terms('Ｐｙｔｈｏｎ３ ﬁnance ﾏｼﾝ', 'und')).toEqual(['python3', 'finance', 'マシン'])
  })

  it('analyzes only the first 10,000 characters, dropping a word cut in two', () => {
    const text = 'learning '.repeat(5000)
    const tokens = analyze(text, 'en')
    expect(tokens.length).toBe(Math.floor(DEFAULT_MAX_CHARS / 9))
    expect(analyze('ab'.repeat(6000), 'en')).toEqual([])
    expect(terms('learning machine', 'en').length).toBe(2)
    expect(analyze('learning machine', 'en', { maxChars: 12 }).map((t) => t.term)).toEqual(['learn'])
  })

  it('never cuts a surrogate pair at the bound', () => {
    const tokens = analyze('ab 𠀀𠀀', 'zh', { maxChars: 5 })
    for (const token of tokens) expect(token.term).not.toMatch(LONE_SURROGATE)
  })

  it('skips overlong words but counts their position', () => {
    expect(analyze(`${'x'.repeat(100)} learning`, 'en')).toEqual([
      { term: 'learn', surface: 'learning', position: 1 },
    ])
  })

  it('handles long unspaced text within a bounded time', () => {
    const thai = 'การเรียนรู้ของเครื่อง'.repeat(2000)
    const chinese = '机器学习课程'.repeat(5000)
    const started = performance.now()
    expect(analyze(thai, 'th').length).toBeGreaterThan(1000)
    expect(analyze(chinese, 'zh').length).toBeGreaterThan(1000)
    expect(analyzeQuery(thai, 'th').tokens.length).toBeLessThanOrEqual(32)
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('never throws and returns well-formed tokens for random text in any language', () => {
    const random = mulberry32(42)
    const pools: [number, number][] = [
      [0, 0x80],
      [0x80, 0x800],
      [0x600, 0x700],
      [0xe00, 0xe80],
      [0x4e00, 0x4f00],
      [0xd7f0, 0xe010],
      [0xfe00, 0xff00],
      [0x200b, 0x2070],
      [0x300, 0x370],
    ]
    const languages = ['en', 'fr', 'ru', 'ar', 'zh', 'th', 'ja', 'de', 'und', 'tr', 'el', 'sr', '']
    const failures: string[] = []
    for (let n = 0; n < 2000; n++) {
      let text = ''
      const length = Math.floor(random() * 60)
      for (let i = 0; i < length; i++) {
        if (random() < 0.1) text += WORDS[Math.floor(random() * WORDS.length)] ?? ''
        const [from, to] = pools[Math.floor(random() * pools.length)] ?? [0, 0x80]
        text += String.fromCharCode(from + Math.floor(random() * (to - from)))
      }
      const language = languages[n % languages.length] ?? 'und'
      const tokens = analyze(text, language)
      let previous = -1
      let parts = false
      for (const token of tokens) {
        const broken = token.term === '' || token.surface === '' || LONE_SURROGATE.test(token.term)
        // Words come in text order; the parts of long Han words follow, at positions already seen.
        parts ||= token.position <= previous
        const misplaced = parts ? token.position > previous || scriptOf(token.term) !== 'han' : false
        if (broken || misplaced || !Number.isInteger(token.position))
          failures.push(JSON.stringify({ text, language, token }))
        if (!parts) previous = token.position
      }
      analyzeQuery(text, language)
    }
    expect(failures).toEqual([])
  })
})
