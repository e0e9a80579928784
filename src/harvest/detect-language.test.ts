import { describe, expect, it } from 'vitest'
import { detectLanguage, languageOfText } from './detect-language.ts'

describe('detecting the language of a title and summary', () => {
  it.each([
    ['机器学习 从基础到实践', 'zh'],
    ['機器學習', 'zh'],
    ['機械学習入門 ― データから学ぶ', 'ja'],
    ['인공지능 입문', 'ko'],
    ['Машинное обучение: от основ к практике', 'ru'],
    ['Історія України', 'uk'],
    ['Қазақ әдебиеті', 'kk'],
    ['การเรียนรู้ของเครื่อง', 'th'],
    ['التعلم الآلي للمبتدئين', 'ar'],
    ['آموزش برنامه‌نویسی پایتون', 'fa'],
    ['Philosophy of Science. From Aristotle to Kuhn', 'en'],
    ['Introduction to the History of Art', 'en'],
    ['Les ressources éducatives libres pour les enseignants', 'fr'],
    ['Introducción a la programación con Python', 'es'],
    ['Introduzione alla fisica delle particelle', 'it'],
    ['Einführung in die Informatik für Schüler', 'de'],
    ['Introdução à ciência de dados', 'pt'],
    ['Educação', 'pt'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language)
  })

  it.each([
    ['', 'nothing'],
    ['12345 — 2026', 'no letters'],
    ['Machine Learning', 'no telling words'],
    ['Data de', 'a word shared by several languages'],
    ['Python 机器 learning обучение', 'no script in the majority'],
  ])('leaves %j undecided (%s)', (text) => {
    expect(detectLanguage(text)).toBeUndefined()
  })

  it('keeps the declared language unless the text shows another', () => {
    expect(languageOfText('ru', 'Philosophy of Science. From Aristotle to Kuhn')).toBe('en')
    expect(languageOfText('ru', 'Философия науки')).toBe('ru')
    expect(languageOfText('zh-Hant', '機器學習')).toBe('zh-Hant')
    expect(languageOfText('fr', 'Machine Learning')).toBe('fr')
    expect(languageOfText(null, 'Machine Learning')).toBeUndefined()
    expect(languageOfText(null, 'ภาษาไทยเบื้องต้น')).toBe('th')
  })
})
