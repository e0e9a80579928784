// Unicode normalization: the whole text once (bounded length, NFKC, lower case), then each word folded so
// that a learner typing without accents, tashkeel or Traditional characters finds the words that have them.

import { foldHan } from './han.ts'
import { charClassAt, charWidth, inRanges, SEPARATOR } from './script.ts'

/** A text ready to split into words, and whether it was cut at the length bound (inside a word or not). */
export interface PreparedText {
  text: string
  truncated: boolean
  cutInWord: boolean
}

/** Cuts `text` to `maxChars` UTF-16 code units (never inside a surrogate pair), applies NFKC and lower case. */
export function prepareText(text: string, maxChars: number): PreparedText {
  // Callers in plain JavaScript (or rows with NULL) may hand over anything: it is no text.
  if (typeof text !== 'string') return { text: '', truncated: false, cutInWord: false }
  let cut = text
  let cutInWord = false
  const limit = Number.isNaN(maxChars) ? 0 : Math.max(0, Math.floor(maxChars))
  const truncated = text.length > limit
  if (truncated) {
    let end = limit
    const code = text.charCodeAt(end - 1)
    if (code >= 0xd800 && code <= 0xdbff) end--
    cut = text.slice(0, end)
    cutInWord = end > 0 && charClassAt(text, end - 1) !== SEPARATOR && charClassAt(text, end) !== SEPARATOR
  }
  let normalized = cut.normalize('NFKC')
  // NFKC decomposes Thai and Lao SARA AM (ำ → ํ + า), which dictionaries do not know: compose it back.
  if (normalized.includes('\u0e4d\u0e32')) normalized = normalized.replaceAll('\u0e4d\u0e32', '\u0e33')
  if (normalized.includes('\u0ecd\u0eb2')) normalized = normalized.replaceAll('\u0ecd\u0eb2', '\u0eb3')
  return { text: normalized.toLowerCase(), truncated, cutInWord }
}

/**
 * Folds one lower-cased word. Choices, made for every language alike so that queries and documents agree:
 * - Latin and Greek letters lose their diacritics (é→e, ñ→n, ü→u, ç→c, ά→α); ß→ss, æ→ae, œ→oe, ø→o, ł→l,
 *   đ→d, ı→i. A learner who types `educacion`, `uber` or `ano` finds `educación`, `über` and `año`; the
 *   price (año and ano become one word) is the one every accent-insensitive catalog pays.
 * - Cyrillic ё→е (and stress marks are dropped); й, ї and other letters stay.
 * - Arabic loses tashkeel and tatweel; أ إ آ ٱ → ا, ى → ي, ة → ه; Persian ی → ي and ک → ك.
 * - Hebrew loses its vowel points. Thai, Lao and Indic vowel and tone marks stay: they change meaning.
 * - Digits of every script become ASCII digits (٢٠٢٤ → 2024).
 * - Traditional Chinese characters become Simplified.
 */
export function foldWord(word: string): string {
  let out = ''
  let last = 0
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (code < 0x80) continue
    const width = charWidth(word, i)
    const folded = width === 2 ? foldAstral(word.slice(i, i + 2)) : foldChar(code)
    if (folded !== undefined) {
      out += word.slice(last, i) + folded
      last = i + width
    }
    i += width - 1
  }
  return last === 0 ? word : out + word.slice(last)
}

/** Astral characters fold only when they are Traditional Chinese (CJK extension B and beyond). */
function foldAstral(pair: string): string | undefined {
  const folded = foldHan(pair)
  return folded === pair ? undefined : folded
}

/** The folded form of one BMP character, or undefined when it stays as it is. */
function foldChar(code: number): string | undefined {
  let folded = FOLDS[code]
  if (folded === undefined) {
    folded = computeFold(String.fromCharCode(code))
    FOLDS[code] = folded
  }
  return folded === KEEP ? undefined : folded
}

const KEEP = '\u0000keep'
const FOLDS: (string | undefined)[] = new Array<string | undefined>(0x10000)

// prettier-ignore
const SPECIAL: Readonly<Record<string, string>> = {
  'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'ħ': 'h', 'ı': 'i', 'ŀ': 'l',
  'ŧ': 't', 'ƀ': 'b', 'ɨ': 'i', 'ʉ': 'u', 'ё': 'е', 'ѐ': 'е', 'ѝ': 'и',
  '\u0622': '\u0627', '\u0623': '\u0627', '\u0625': '\u0627', '\u0671': '\u0627', '\u0649': '\u064a',
  '\u0629': '\u0647', '\u06cc': '\u064a', '\u06a9': '\u0643', '\u0640': '',
}

/** Dropped wherever they occur: combining diacritics, Arabic tashkeel and Quranic marks, Hebrew points. */
// prettier-ignore
const DROPPED_MARKS: readonly [number, number][] = [
  [0x300, 0x36f], [0x1ab0, 0x1aff], [0x1dc0, 0x1dff], [0x20d0, 0x20ff], [0xfe20, 0xfe2f],
  [0x610, 0x61a], [0x64b, 0x65f], [0x670, 0x670], [0x6d6, 0x6dc], [0x6df, 0x6e8], [0x6ea, 0x6ed],
  [0x591, 0x5bd], [0x5bf, 0x5bf], [0x5c1, 0x5c2], [0x5c4, 0x5c5], [0x5c7, 0x5c7],
]
const LATIN_OR_GREEK = /[\p{Script=Latin}\p{Script=Greek}]/u

function computeFold(ch: string): string {
  const special = SPECIAL[ch]
  if (special !== undefined) return special
  if (inRanges(ch.charCodeAt(0), DROPPED_MARKS)) return ''
  if (/\p{Nd}/u.test(ch)) return String(digitValue(ch.charCodeAt(0)))
  if (/\p{Script=Han}/u.test(ch)) return orKeep(ch, foldHan(ch))
  if (!LATIN_OR_GREEK.test(ch)) return KEEP
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/gu, '')
  return orKeep(ch, SPECIAL[base] ?? base)
}

function orKeep(ch: string, folded: string): string {
  return folded === ch ? KEEP : folded
}

/** Decimal digits come in runs of ten from 0 to 9 (Unicode guarantees it): count back to the run's start. */
function digitValue(code: number): number {
  let before = 0
  while (before < 60 && /\p{Nd}/u.test(String.fromCharCode(code - before - 1))) before++
  return before % 10
}
