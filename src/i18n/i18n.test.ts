import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import { catalogs, direction, LOCALES, negotiateLocale, translator } from './i18n.ts'

describe('locale negotiation', () => {
  it('prefers ?lang=, then the cookie, then Accept-Language by weight', () => {
    expect(negotiateLocale('ar', 'ru', 'zh')).toBe('ar')
    expect(negotiateLocale(undefined, 'ru', 'zh')).toBe('ru')
    expect(negotiateLocale('klingon', undefined, 'de-DE, th;q=0.8, zh;q=0.9')).toBe('zh')
    expect(negotiateLocale(undefined, undefined, 'pt-BR,es-MX;q=0.5')).toBe('es')
    expect(negotiateLocale(undefined, undefined, 'de')).toBe('en')
    expect(negotiateLocale(undefined, undefined, ';;;,q=,,')).toBe('en')
  })

  it('lays Arabic out right to left', () => {
    expect(direction('ar')).toBe('rtl')
    expect(LOCALES.filter((l) => direction(l) === 'rtl')).toEqual(['ar'])
  })
})

describe('message catalogs', () => {
  const keys = Object.keys(catalogs.en).sort()

  it.each(LOCALES)('%s has every key and every message formats', (locale) => {
    expect(Object.keys(catalogs[locale]).sort()).toEqual(keys)
    for (const [key, message] of Object.entries(catalogs[locale])) {
      const format = new IntlMessageFormat(message, locale)
      for (const n of [0, 1, 2, 3, 5, 11, 21, 101]) {
        const out = format.format({
          count: n,
          hours: n,
          weeks: n,
          page: 1,
          pages: n,
          platform: 'edX',
          label: 'L',
          opens: 'a',
          closes: 'b',
          detail: 'd',
          name: 'N',
          id: 'I',
          seconds: n,
          price: 'P',
          institution: 'U',
          subject: 'S',
          language: 'Lang',
        })
        expect(String(out), `${locale} ${key}`).not.toMatch(/\{|\}/)
      }
    }
  })

  it('uses real plural forms in Russian and Arabic', () => {
    const ru = translator('ru')
    expect([1, 2, 5, 21].map((n) => ru('course.weeks', { weeks: n }))).toEqual([
      '1 неделя',
      '2 недели',
      '5 недель',
      '21 неделя',
    ])
    const ar = translator('ar')
    const forms = new Set([0, 1, 2, 3, 11, 100].map((n) => ar('home.courseCount', { count: n })))
    expect(forms.size).toBe(6)
  })

  it('translates the catalogs (only a few words, such as names and cognates, equal the English)', () => {
    const hasWords = (message: string) => /\p{L}{2,}/u.test(message.replace(/\{[^{}]*\}/g, ''))
    const english = Object.entries(catalogs.en).filter(([, v]) => hasWords(v))
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const same = english
        .filter(([k, v]) => catalogs[locale][k as keyof typeof catalogs.en] === v)
        .map(([k]) => k)
      expect(same.length, `${locale}: ${same.join(', ')}`).toBeLessThanOrEqual(english.length / 10)
    }
  })
})
