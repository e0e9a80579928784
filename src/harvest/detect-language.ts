// Guesses the language of a record's title and summary when its feed does not say (the Open edX
// Courses API has no language field): from the script for scripts that point to one language, from
// common short words and letters for Latin script. Undecided texts give undefined, never a guess.

/** Scripts that point to one language, checked in order; Han alone is Chinese, Han with kana Japanese. */
const SCRIPTS: readonly [RegExp, string][] = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Hangul}/gu, 'ko'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Devanagari}/gu, 'hi'],
  [/\p{Script=Latin}/gu, 'latin'],
]

/** Letters that mark one language among others of its script. */
const MARKS: readonly [RegExp, string, string][] = [
  [/[әғқңөұүһ]/iu, 'ru', 'kk'],
  [/[іїєґ]/iu, 'ru', 'uk'],
  [/[پچژگ]/u, 'ar', 'fa'],
  [/[ٹڈڑںے]/u, 'ar', 'ur'],
]

// prettier-ignore
const WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'of', 'to', 'for', 'with', 'an', 'is', 'on', 'your', 'how', 'from', 'this', 'what', 'you', 'are', 'learn', 'introduction'],
  fr: ['le', 'la', 'les', 'des', 'et', 'du', 'pour', 'une', 'dans', 'sur', 'au', 'aux', 'est', 'vous', 'à', 'cours'],
  es: ['el', 'la', 'los', 'las', 'y', 'del', 'para', 'una', 'con', 'por', 'al', 'sobre', 'es', 'curso', 'introducción'],
  it: ['il', 'gli', 'della', 'delle', 'dei', 'per', 'con', 'di', 'che', 'alla', 'nel', 'corso', 'introduzione'],
  de: ['der', 'die', 'das', 'und', 'für', 'mit', 'ein', 'eine', 'von', 'zu', 'im', 'den', 'kurs', 'einführung'],
  pt: ['os', 'da', 'do', 'das', 'dos', 'para', 'com', 'uma', 'em', 'ao', 'curso', 'introdução'],
}
const LATIN_LETTERS: readonly [RegExp, string][] = [
  [/ñ|ción\b/iu, 'es'],
  [/[èœ]|ç(?![ãõ])/iu, 'fr'],
  [/[ãõ]/iu, 'pt'],
  [/[ßäöü]/iu, 'de'],
]
const WORD_LANGUAGES = new Map<string, string[]>()
for (const [language, words] of Object.entries(WORDS))
  for (const word of words) WORD_LANGUAGES.set(word, [...(WORD_LANGUAGES.get(word) ?? []), language])

/** The language `text` is written in, or undefined when the text does not tell. */
export function detectLanguage(text: string): string | undefined {
  const counts = SCRIPTS.map(([pattern, language]) => [language, text.match(pattern)?.length ?? 0] as const)
  const letters = counts.reduce((sum, [, n]) => sum + n, 0)
  if (letters === 0) return undefined
  const kana = counts[0]?.[1] ?? 0
  if (kana > 0 && kana + (counts[2]?.[1] ?? 0) >= letters * 0.6) return 'ja'
  const [script, n] = counts.reduce((best, next) => (next[1] > best[1] ? next : best))
  if (n < letters * 0.6) return undefined
  if (script === 'latin') return latinLanguage(text)
  return MARKS.find(([pattern, base]) => base === script && pattern.test(text))?.[2] ?? script
}

function latinLanguage(text: string): string | undefined {
  const score = new Map<string, number>()
  const add = (language: string, points: number) => score.set(language, (score.get(language) ?? 0) + points)
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const languages = WORD_LANGUAGES.get(word) ?? []
    for (const language of languages) add(language, 1 / languages.length)
  }
  for (const [pattern, language] of LATIN_LETTERS) if (pattern.test(text)) add(language, 1)
  const ranked = [...score].sort((a, b) => b[1] - a[1])
  const [first, second] = ranked
  if (!first || first[1] < 1) return undefined
  return !second || first[1] >= second[1] * 2 ? first[0] : undefined
}

/**
 * The language of a record that does not say: what the text shows when it shows one, otherwise the
 * source's declared language. A declared language of the same primary language wins over a guess.
 */
export function languageOfText(declared: string | null, text: string): string | undefined {
  const detected = detectLanguage(text)
  if (!detected) return declared ?? undefined
  if (declared && declared.split('-')[0] === detected) return declared
  return detected
}
