// Guesses the language of a record's title and summary when its feed does not say (the Open edX
// Courses API has no language field): from the script for scripts that point to one language, from
// common short words and letters for Latin script. Undecided texts give undefined, never a guess.

/** Code point ranges of scripts that point to one language (Han with kana is Japanese, see below). */
// prettier-ignore
const SCRIPTS: readonly [number, number, string][] = [
  [0x41, 0x5a, 'latin'], [0x61, 0x7a, 'latin'], [0xc0, 0x24f, 'latin'], [0x1e00, 0x1eff, 'latin'],
  [0x370, 0x3ff, 'el'], [0x400, 0x4ff, 'ru'], [0x590, 0x5ff, 'he'],
  [0x600, 0x6ff, 'ar'], [0x750, 0x77f, 'ar'], [0xfb50, 0xfdff, 'ar'], [0xfe70, 0xfeff, 'ar'],
  [0x900, 0x97f, 'hi'], [0xe00, 0xe7f, 'th'], [0x1100, 0x11ff, 'ko'], [0xac00, 0xd7af, 'ko'],
  [0x3040, 0x30ff, 'kana'], [0x3400, 0x4dbf, 'zh'], [0x4e00, 0x9fff, 'zh'], [0xf900, 0xfaff, 'zh'],
]

/** Only the start of a text is read: a title and the beginning of a summary tell enough. */
const READ_CHARS = 400

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
  const counts = new Map<string, number>()
  let letters = 0
  for (let i = 0; i < text.length && i < READ_CHARS; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x41 || (code > 0x5a && code < 0x61)) continue
    const script = code <= 0x7a ? 'latin' : SCRIPTS.find(([from, to]) => code >= from && code <= to)?.[2]
    if (!script) continue
    counts.set(script, (counts.get(script) ?? 0) + 1)
    letters++
  }
  if (letters === 0) return undefined
  const kana = counts.get('kana') ?? 0
  if (kana > 0 && kana + (counts.get('zh') ?? 0) >= letters * 0.6) return 'ja'
  const [script, n] = [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))
  if (n < letters * 0.6 || script === 'kana') return undefined
  const sample = text.slice(0, READ_CHARS)
  if (script === 'latin') return latinLanguage(sample)
  return MARKS.find(([pattern, base]) => base === script && pattern.test(sample))?.[2] ?? script
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
