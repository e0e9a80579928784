import { describe, expect, it } from 'vitest'
import { NAMED_LANGUAGES, UI_LOCALES, normalizeLanguage, normalizeLanguages } from './normalize-language.ts'

describe('normalizeLanguage', () => {
  it.each([
    ['en', 'en'],
    ['EN', 'en'],
    ['en-us', 'en-US'],
    ['EN-us', 'en-US'],
    ['en_US', 'en-US'],
    ['en_US.UTF-8', 'en-US'],
    ['de_DE@euro', 'de-DE'],
    ['zh_CN', 'zh-CN'],
    ['zh-Hans', 'zh-Hans'],
    ['ZH-HANS-cn', 'zh-Hans-CN'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['pt-br', 'pt-BR'],
    ['es-419', 'es-419'],
    ['ca-ES-valencia', 'ca-ES-valencia'],
  ])('canonicalises the tag %j to %s', (input, expected) => {
    expect(normalizeLanguage(input)).toBe(expected)
  })

  it.each([
    ['zh-cmn', 'zh'],
    ['zh-cmn-Hans', 'zh-Hans'],
    ['zh-cmn-Hant-TW', 'zh-Hant-TW'],
    ['cmn', 'zh'],
    ['zh-yue', 'yue'],
  ])('reads the extended language subtag in %j as %s', (input, expected) => {
    expect(normalizeLanguage(input)).toBe(expected)
  })

  it.each([
    ['eng', 'en'],
    ['rus', 'ru'],
    ['zho', 'zh'],
    ['chi', 'zh'],
    ['fre', 'fr'],
    ['ger', 'de'],
    ['tha', 'th'],
    ['ara', 'ar'],
    ['swh', 'sw'],
    ['zho-Hans', 'zh-Hans'],
  ])('canonicalises the ISO 639-2/3 code %j to %s', (input, expected) => {
    expect(normalizeLanguage(input)).toBe(expected)
  })

  it.each([
    ['iw', 'he'],
    ['in', 'id'],
    ['tl', 'fil'],
  ])('replaces the deprecated code %j by %s', (input, expected) => {
    expect(normalizeLanguage(input)).toBe(expected)
  })

  it.each([
    ['English', 'en'],
    ['ENGLISH', 'en'],
    ['  english\t', 'en'],
    ['\u00a0English\u00a0', 'en'],
    ['Chinese - Mandarin', 'zh'],
    ['Mandarin Chinese', 'zh'],
    ['Mandarin', 'zh'],
    ['Chinese', 'zh'],
    ['Simplified Chinese', 'zh-Hans'],
    ['Chinese (Simplified)', 'zh-Hans'],
    ['Traditional Chinese', 'zh-Hant'],
    ['Cantonese', 'yue'],
    ['Russian', 'ru'],
    ['Thai', 'th'],
    ['Arabic', 'ar'],
    ['French', 'fr'],
    ['Spanish', 'es'],
    ['Portuguese', 'pt'],
    ['Brazilian Portuguese', 'pt-BR'],
    ['Portuguese (Brazil)', 'pt-BR'],
    ['German', 'de'],
    ['Italian', 'it'],
    ['Swahili', 'sw'],
    ['Kiswahili', 'sw'],
    ['Japanese', 'ja'],
    ['Korean', 'ko'],
    ['Vietnamese', 'vi'],
    ['Hindi', 'hi'],
    ['Persian', 'fa'],
    ['Farsi', 'fa'],
    ['Filipino', 'fil'],
    ['Tagalog', 'fil'],
    ['Bahasa Indonesia', 'id'],
    ['English language', 'en'],
  ])('recognises the English name %j as %s', (input, expected) => {
    expect(normalizeLanguage(input)).toBe(expected)
  })

  it.each([
    ['中文', 'zh'],
    ['简体中文', 'zh-Hans'],
    ['繁體中文', 'zh-Hant'],
    ['繁体中文', 'zh-Hant'],
    ['普通话', 'zh'],
    ['Русский', 'ru'],
    ['русский язык', 'ru'],
    ['ไทย', 'th'],
    ['ภาษาไทย', 'th'],
    ['العربية', 'ar'],
    ['اللغة العربية', 'ar'],
    ['Français', 'fr'],
    ['FRANÇAIS', 'fr'],
    ['Francais', 'fr'],
    ['Español', 'es'],
    ['Espanol', 'es'],
    ['Castellano', 'es'],
    ['Deutsch', 'de'],
    ['Italiano', 'it'],
    ['Português', 'pt'],
    ['Portugues', 'pt'],
    ['Kiswahili', 'sw'],
    ['日本語', 'ja'],
    ['한국어', 'ko'],
    ['Tiếng Việt', 'vi'],
    ['Türkçe', 'tr'],
    ['Українська', 'uk'],
  ])('recognises the autonym %j as %s', (input, expected) => {
    expect(normalizeLanguage(input)).toBe(expected)
  })

  it.each([
    ['英语', 'en'],
    ['英文', 'en'],
    ['俄语', 'ru'],
    ['английский', 'en'],
    ['китайский', 'zh'],
    ['อังกฤษ', 'en'],
    ['ภาษาอังกฤษ', 'en'],
    ['الإنجليزية', 'en'],
    ['anglais', 'en'],
    ['langue française', 'fr'],
    ['inglés', 'en'],
    ['ingles', 'en'],
    ['chino', 'zh'],
  ])('recognises the name %j in a UI locale as %s', (input, expected) => {
    expect(normalizeLanguage(input)).toBe(expected)
  })

  it.each([
    ['en-u-ca-gregory', 'en'],
    ['zh-Hans-CN-x-private', 'zh-Hans-CN'],
    ['en-XX', 'en'],
    ['en-ZZ', 'en'],
    ['zh-Zzzz-CN', 'zh-CN'],
  ])('keeps only the known language, script and region of %j', (input, expected) => {
    expect(normalizeLanguage(input)).toBe(expected)
  })

  it.each([
    '',
    '  ',
    '\t\n',
    'xx-invalid-tag-!!',
    'Klingon',
    'xx',
    'und',
    'mul',
    'zxx',
    'qaa',
    'language',
    'Multilingual',
    'en, ru',
    'en-',
    '-en',
    'e',
    'english-english-english-english-english',
    'zh-min-nan',
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    '😀',
    'en\u0000',
    '\ud800',
    'a'.repeat(10_000),
    'English'.repeat(100),
  ])('does not recognise %j', (input) => {
    expect(normalizeLanguage(input)).toBeUndefined()
  })

  it('recognises every named language by its English name and its autonym', () => {
    const english = new Intl.DisplayNames(['en'], { type: 'language' })
    for (const tag of NAMED_LANGUAGES) {
      const canonical = Intl.getCanonicalLocales(tag)[0]
      expect(normalizeLanguage(english.of(tag) ?? ''), tag).toBe(canonical)
      const autonym = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? ''
      expect(normalizeLanguage(autonym), `${tag} ${autonym}`).toBe(canonical)
    }
  })

  it('recognises the name of every named language in every UI locale', () => {
    for (const ui of UI_LOCALES) {
      const names = new Intl.DisplayNames([ui], { type: 'language' })
      for (const tag of ['en', 'zh', 'ru', 'th', 'ar', 'fr', 'es', 'de', 'ja']) {
        expect(normalizeLanguage(names.of(tag) ?? ''), `${ui}: ${tag}`).toBe(tag)
      }
    }
  })

  it('returns tags that Intl accepts unchanged', () => {
    for (const input of ['en_us', 'zh-cmn-Hans', 'Русский', 'pt-br', 'eng', '繁體中文']) {
      const tag = normalizeLanguage(input) ?? ''
      expect(Intl.getCanonicalLocales(tag)).toEqual([tag])
    }
  })
})

describe('normalizeLanguages', () => {
  it('canonicalises, deduplicates in first-seen order and drops unknown values', () => {
    expect(normalizeLanguages(['en', 'EN', 'English', 'xx', 'ru', 'en_US', 'Русский'])).toEqual([
      'en',
      'ru',
      'en-US',
    ])
  })

  it.each([
    ['en, ru; zh-Hans/zh-Hant', ['en', 'ru', 'zh-Hans', 'zh-Hant']],
    ['English, Russian', ['en', 'ru']],
    ['中文、英文', ['zh', 'en']],
    ['Chinese - Mandarin', ['zh']],
    ['pt-br', ['pt-BR']],
  ])('splits the single string %j into %j', (input, expected) => {
    expect(normalizeLanguages(input)).toEqual(expected)
  })

  it('reads schema.org Language objects by alternateName, then name', () => {
    const list = [
      { '@type': 'Language', name: 'Spanish', alternateName: 'es' },
      { '@type': 'Language', name: 'Thai' },
      { '@type': 'Language', name: 'Klingon', alternateName: 'xx' },
    ]
    expect(normalizeLanguages(list)).toEqual(['es', 'th'])
  })

  it.each([undefined, null, 42, true, {}, [], [null, 3, ['en']], '', 'nonsense'])(
    'returns an empty list for %j',
    (input) => {
      expect(normalizeLanguages(input)).toEqual([])
    },
  )
})
