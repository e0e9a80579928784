// The light Arabic stemmer (input already normalized by foldWord).
import { describe, expect, it } from 'vitest'
import { stemArabic } from './arabic.ts'

describe('light Arabic stemming', () => {
  it.each([
    ['التعليم', 'تعليم'],
    ['والتعليم', 'تعليم'],
    ['بالتعليم', 'تعليم'],
    ['كالتعليم', 'تعليم'],
    ['فالتعليم', 'تعليم'],
    ['للتعليم', 'تعليم'],
    ['وتعليم', 'تعليم'],
    ['المعلمون', 'معلم'],
    ['المعلمين', 'معلم'],
    ['معلمات', 'معلم'],
    ['كتابها', 'كتاب'],
    ['المدرسه', 'مدرس'],
    ['العربيه', 'عرب'],
  ])('%s → %s', (word, stem) => {
    expect(stemArabic(word)).toBe(stem)
  })

  it('leaves at least two letters', () => {
    expect(stemArabic('وه')).toBe('وه')
    expect(stemArabic('الي')).toBe('ال')
    expect(stemArabic('الها')).toBe('ها')
    expect(stemArabic('ولد')).toBe('ولد')
    expect(stemArabic('')).toBe('')
  })
})
