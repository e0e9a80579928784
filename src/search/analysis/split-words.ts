// Splits prepared text into raw words. Scripts that write spaces are split by a character scan (far faster
// than Intl.Segmenter); runs of Han/kana, Thai, Lao, Khmer and Myanmar go to Intl.Segmenter with the run's
// language, so Chinese words inside an English title and English words inside a Thai one both come out right.

import { foldHan } from './han.ts'
import {
  APOSTROPHE,
  charClassAt,
  charWidth,
  CJK,
  IGNORED,
  KHMER,
  LAO,
  MYANMAR,
  NUMBER_JOIN,
  scriptAt,
  SUFFIX,
  THAI,
  WORD_CHAR,
  withoutIgnored,
  type CharClass,
} from './script.ts'

/**
 * Receives each word, the offset where it ends in the text, and whether it follows the word before
 * it with nothing between (within a run of an unspaced script: 心理|学, not 心理 学).
 */
export type WordSink = (word: string, end: number, attached: boolean) => void

/**
 * Calls `emit` for every word of `text` in order. `hanLocale` is the segmenter locale for Han runs without
 * kana ('ja' in Japanese documents, else 'zh'); Chinese runs are folded to Simplified before segmenting,
 * so Traditional and Simplified spellings split the same way.
 */
export function splitWords(text: string, hanLocale: 'ja' | 'zh', emit: WordSink): void {
  let i = 0
  while (i < text.length) {
    const cls = charClassAt(text, i)
    if (cls === WORD_CHAR) i = scanWord(text, i, emit)
    else if (cls >= CJK) i = scanRun(text, i, cls, hanLocale, emit)
    else i += charWidth(text, i)
  }
}

/** Intl.Segmenter instances, one per locale (creating one costs far more than using it). */
const SEGMENTERS = new Map<string, Intl.Segmenter>()

function segmenter(locale: string): Intl.Segmenter {
  let found = SEGMENTERS.get(locale)
  if (found === undefined) {
    found = new Intl.Segmenter(locale, { granularity: 'word' })
    SEGMENTERS.set(locale, found)
  }
  return found
}

const RUN_LOCALES: Readonly<Record<number, string>> = {
  [THAI]: 'th',
  [LAO]: 'lo',
  [KHMER]: 'km',
  [MYANMAR]: 'my',
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

/** A word of a spaced script from `start`; returns where scanning goes on. */
function scanWord(text: string, start: number, emit: WordSink): number {
  let end = start
  let ignored = false
  while (end < text.length) {
    const cls = charClassAt(text, end)
    if (cls === WORD_CHAR) end += charWidth(text, end)
    else if (cls === IGNORED) {
      ignored = true
      end++
    } else if (cls === APOSTROPHE && charClassAt(text, end + 1) === WORD_CHAR) end++
    else if (
      cls === NUMBER_JOIN &&
      isAsciiDigit(text.charCodeAt(end - 1)) &&
      isAsciiDigit(text.charCodeAt(end + 1))
    )
      end++
    else break
  }
  let word = text.slice(start, end)
  if (ignored) word = withoutIgnored(word)
  // Programming languages: c++, c#, f#, g++ keep their sign.
  if (word.length <= 2 && charClassAt(text, end) === SUFFIX && /^[a-z]+$/u.test(word)) {
    const sign = text.startsWith('++', end) ? '++' : text[end] === '#' ? '#' : ''
    if (sign !== '' && !isWordAt(text, end + sign.length)) {
      word += sign
      end += sign.length
    }
  }
  if (word.length > 0) emit(word, end, false)
  return end
}

/** Where the separators and punctuation starting at `i` end. */
function skipPunctuation(text: string, i: number): number {
  let end = i
  while (end < text.length) {
    const cls = charClassAt(text, end)
    if (cls === WORD_CHAR || cls >= CJK) break
    end += charWidth(text, end)
  }
  return end
}

function isWordAt(text: string, i: number): boolean {
  if (i >= text.length) return false
  const cls = charClassAt(text, i)
  return cls === WORD_CHAR || cls >= CJK
}

/** A run of one unspaced script from `start`, split by Intl.Segmenter; returns where scanning goes on. */
function scanRun(
  text: string,
  start: number,
  cls: CharClass,
  hanLocale: 'ja' | 'zh',
  emit: WordSink,
): number {
  let end = start
  let kana = false
  while (end < text.length) {
    const next = charClassAt(text, end)
    if (next === cls || next === IGNORED) {
      if (cls === CJK && !kana && scriptAt(text, end) === 'kana') kana = true
      end += charWidth(text, end)
      continue
    }
    // Spaces and punctuation between two stretches of the same script stay in the run: one segmenter call
    // per paragraph instead of one per phrase (each call has a fixed cost of a few microseconds).
    const after = skipPunctuation(text, end)
    if (after === end || charClassAt(text, after) !== cls) break
    end = after
  }
  let run = withoutIgnored(text.slice(start, end))
  let locale = RUN_LOCALES[cls] ?? hanLocale
  if (cls === CJK) {
    locale = kana ? 'ja' : hanLocale
    if (locale === 'zh') run = foldHan(run)
  }
  let lastEnd = -1
  for (const segment of segmenter(locale).segment(run)) {
    if (segment.isWordLike !== true) continue
    const atEnd = segment.index + segment.segment.length === run.length
    emit(segment.segment, atEnd ? end : start, segment.index === lastEnd)
    lastEnd = segment.index + segment.segment.length
  }
  return end
}
