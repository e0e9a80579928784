// Script of a term, and the splitter's classes of characters.
import { describe, expect, it } from 'vitest'
import { charClassAt, CJK, IGNORED, scriptOf, SEPARATOR, THAI, WORD_CHAR } from './script.ts'

describe('the script of a term', () => {
  it.each([
    ['learn', 'latin'],
    ['éducation', 'latin'],
    ['обучен', 'cyrillic'],
    ['μαθηματ', 'greek'],
    ['تعليم', 'arabic'],
    ['שלום', 'hebrew'],
    ['学习', 'han'],
    ['𠀀', 'han'],
    ['コース', 'kana'],
    ['한국어', 'hangul'],
    ['เรียน', 'thai'],
    ['ຮຽນ', 'lao'],
    ['រៀន', 'khmer'],
    ['သင်', 'myanmar'],
    ['हिन्दी', 'devanagari'],
    ['2024', 'common'],
    ['c++', 'latin'],
    ['3d', 'latin'],
    ['', 'common'],
    ['\ud800', 'common'],
  ])('%s is %s', (term, script) => {
    expect(scriptOf(term)).toBe(script)
  })
})

describe('character classes', () => {
  it.each([
    ['a', WORD_CHAR],
    ['9', WORD_CHAR],
    ['é', WORD_CHAR],
    ['ـ', WORD_CHAR],
    [' ', SEPARATOR],
    ['-', SEPARATOR],
    ['\u0000', SEPARATOR],
    ['😀', SEPARATOR],
    ['\u200b', SEPARATOR],
    ['\u200d', IGNORED],
    ['\u200f', IGNORED],
    ['学', CJK],
    ['ー', CJK],
    ['ก', THAI],
  ])('%j', (ch, cls) => {
    expect(charClassAt(ch, 0)).toBe(cls)
  })

  it('classes positions past the end as separators', () => {
    expect(charClassAt('a', 1)).toBe(SEPARATOR)
  })
})
