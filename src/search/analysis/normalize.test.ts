// Normalization of whole texts and folding of single words.
import { describe, expect, it } from 'vitest'
import { foldWord, prepareText } from './normalize.ts'

describe('preparing a text', () => {
  it('applies NFKC and lower case', () => {
    expect(prepareText('Ｐｙｔｈｏｎ ＡＩ ﬁ ①', 100).text).toBe('python ai fi 1')
  })

  it('keeps Thai and Lao SARA AM composed (NFKC splits it, the segmenters need it whole)', () => {
    expect(prepareText('สำหรับ', 100).text).toBe('สำหรับ')
    expect(prepareText('ຄຳ', 100).text).toBe('ຄຳ')
  })

  it('cuts at the bound and says whether a word was cut', () => {
    expect(prepareText('learning machine', 8)).toEqual({
      text: 'learning',
      truncated: true,
      cutInWord: false,
    })
    expect(prepareText('learning machine', 12)).toEqual({
      text: 'learning mac',
      truncated: true,
      cutInWord: true,
    })
    expect(prepareText('learning', 100)).toEqual({ text: 'learning', truncated: false, cutInWord: false })
  })

  it('reads odd bounds sensibly', () => {
    expect(prepareText('learning', Number.NaN).text).toBe('')
    expect(prepareText('learning', -5).text).toBe('')
    expect(prepareText('learning', 3.7).text).toBe('lea')
    expect(prepareText('learning', Infinity).text).toBe('learning')
  })

  it('never leaves half a surrogate pair at the cut', () => {
    expect(prepareText('a😀b', 2).text).toBe('a')
    expect(prepareText('a😀b', 0).text).toBe('')
  })
})

describe('folding a word', () => {
  it.each([
    ['éducation', 'education'],
    ['año', 'ano'],
    ['über', 'uber'],
    ['ç', 'c'],
    ['straße', 'strasse'],
    ['œuvre', 'oeuvre'],
    ['øre', 'ore'],
    ['łódź', 'lodz'],
    ['i\u0307stanbul', 'istanbul'],
    ['ılık', 'ilik'],
    ['tiếng', 'tieng'],
    ['μαθηματικά', 'μαθηματικα'],
    ['ёлка', 'елка'],
    ['обуче\u0301ние', 'обучение'],
    ['الْعَرَبِيَّة', 'العربيه'],
    ['أإآٱا', 'ااااا'],
    ['مصطفى', 'مصطفي'],
    ['الـعـربـيـة', 'العربيه'],
    ['یک', 'يك'],
    ['שָׁלוֹם', 'שלום'],
    ['٢٠٢٤', '2024'],
    ['۱۴۰۲', '1402'],
    ['๒๕๖๗', '2567'],
    ['१२३', '123'],
    ['學習', '学习'],
    ['𠀀', '𠀀'],
  ])('%s → %s', (word, folded) => {
    expect(foldWord(word)).toBe(folded)
  })

  it.each([
    ['й', 'Cyrillic short i is a letter of its own'],
    ['ї', 'Ukrainian yi is a letter of its own'],
    ['ไม้', 'Thai tone marks change meaning'],
    ['ไม่', 'Thai tone marks change meaning'],
    ['हिन्दी', 'Devanagari vowel signs and virama'],
    ['한국어', 'Hangul'],
    ['コース', 'kana'],
  ])('keeps %s (%s)', (word) => {
    expect(foldWord(word)).toBe(word)
  })

  it('returns ASCII words unchanged', () => {
    const word = 'learning'
    expect(foldWord(word)).toBe(word)
  })
})
