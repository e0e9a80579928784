// Which script a character or a term is written in, and how the word splitter treats each character.
// Both are looked up per UTF-16 code unit in tables filled lazily (one regex pass per distinct character).

/** Script names returned by `scriptOf`; 'common' is a term with no letter of a specific script (e.g. `2024`). */
export type Script =
  | 'common'
  | 'latin'
  | 'cyrillic'
  | 'greek'
  | 'armenian'
  | 'georgian'
  | 'hebrew'
  | 'arabic'
  | 'devanagari'
  | 'bengali'
  | 'tamil'
  | 'thai'
  | 'lao'
  | 'khmer'
  | 'myanmar'
  | 'han'
  | 'kana'
  | 'hangul'
  | 'ethiopic'
  | 'other'

/** Scripts written without spaces between words (their words are found by Intl.Segmenter). */
export const UNSPACED_SCRIPTS: ReadonlySet<string> = new Set<Script>([
  'han',
  'kana',
  'thai',
  'lao',
  'khmer',
  'myanmar',
])

/** How the word splitter treats a character (one of the constants below). */
export type CharClass = number
export const SEPARATOR = 0
/** A letter, mark or digit of a script that writes spaces between words. */
export const WORD_CHAR = 1
export const APOSTROPHE = 2
/** `.` and `,`, kept inside numbers (`3.5`, `1,000`). */
export const NUMBER_JOIN = 3
/** `+` and `#`, kept after short words (`c++`, `c#`). */
export const SUFFIX = 4
/** Format characters that join or direct text (ZWJ, ZWNJ, soft hyphen, bidi marks): skipped, never break a word. */
export const IGNORED = 5
/** Scripts written without spaces between words, split by Intl.Segmenter: Han and kana, Thai, Lao, Khmer, Myanmar. */
export const CJK = 6
export const THAI = 7
export const LAO = 8
export const KHMER = 9
export const MYANMAR = 10

/** The script of the first character of `term` that belongs to one, else 'common'. */
export function scriptOf(term: string): Script {
  for (let i = 0; i < term.length; i++) {
    const script = scriptAt(term, i)
    if (script !== 'common') return script
  }
  return 'common'
}

/** The script of the character starting at `i` (a lone surrogate is 'common'). */
export function scriptAt(text: string, i: number): Script {
  if (i >= text.length) return 'common'
  const code = text.charCodeAt(i)
  if (code < 0x80) return isAsciiLetter(code) ? 'latin' : 'common'
  if (code >= 0xd800 && code <= 0xdfff) return astralScript(text.codePointAt(i) ?? code)
  let id = scriptIds[code] ?? 0
  if (id === 0) {
    id = SCRIPTS.indexOf(computeScript(String.fromCharCode(code))) + 1
    scriptIds[code] = id
  }
  return SCRIPTS[id - 1] ?? 'common'
}

/** 2 when a surrogate pair starts at `i`, else 1 (lone surrogates count as one character). */
export function charWidth(text: string, i: number): 1 | 2 {
  const code = text.charCodeAt(i)
  if (code < 0xd800 || code > 0xdbff) return 1
  const next = text.charCodeAt(i + 1)
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1
}

/** `text` without the characters of class IGNORED. */
export function withoutIgnored(text: string): string {
  let out = ''
  let last = 0
  for (let i = 0; i < text.length; i++) {
    if (!inRanges(text.charCodeAt(i), IGNORED_RANGES)) continue
    out += text.slice(last, i)
    last = i + 1
  }
  return last === 0 ? text : out + text.slice(last)
}

/** Whether `code` lies in one of `ranges` (inclusive pairs). */
export function inRanges(code: number, ranges: readonly (readonly [number, number])[]): boolean {
  for (const [from, to] of ranges) if (code >= from && code <= to) return true
  return false
}

/** The splitter's class of the UTF-16 code unit at `i`; astral characters are classed by their code point. */
export function charClassAt(text: string, i: number): CharClass {
  if (i >= text.length) return SEPARATOR
  const code = text.charCodeAt(i)
  if (code >= 0xd800 && code <= 0xdfff) return astralClass(text.codePointAt(i) ?? code)
  let cls = classes[code] ?? UNKNOWN
  if (cls === UNKNOWN) {
    cls = computeClass(String.fromCharCode(code))
    classes[code] = cls
  }
  return cls
}

const SCRIPTS: readonly Script[] = [
  'common',
  'latin',
  'cyrillic',
  'greek',
  'armenian',
  'georgian',
  'hebrew',
  'arabic',
  'devanagari',
  'bengali',
  'tamil',
  'thai',
  'lao',
  'khmer',
  'myanmar',
  'han',
  'kana',
  'hangul',
  'ethiopic',
  'other',
]

const SCRIPT_TESTS: readonly [RegExp, Script][] = [
  [/\p{Script=Latin}/u, 'latin'],
  [/\p{Script=Cyrillic}/u, 'cyrillic'],
  [/\p{Script=Greek}/u, 'greek'],
  [/\p{Script=Armenian}/u, 'armenian'],
  [/\p{Script=Georgian}/u, 'georgian'],
  [/\p{Script=Hebrew}/u, 'hebrew'],
  [/\p{Script=Arabic}/u, 'arabic'],
  [/\p{Script=Devanagari}/u, 'devanagari'],
  [/\p{Script=Bengali}/u, 'bengali'],
  [/\p{Script=Tamil}/u, 'tamil'],
  [/\p{Script=Thai}/u, 'thai'],
  [/\p{Script=Lao}/u, 'lao'],
  [/\p{Script=Khmer}/u, 'khmer'],
  [/\p{Script=Myanmar}/u, 'myanmar'],
  [/\p{Script=Han}/u, 'han'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}\u30fc\uff70]/u, 'kana'],
  [/\p{Script=Hangul}/u, 'hangul'],
  [/\p{Script=Ethiopic}/u, 'ethiopic'],
]

const UNKNOWN = 255
const classes = new Uint8Array(0x10000).fill(UNKNOWN)
const scriptIds = new Uint8Array(0x10000)
const astralScripts = new Map<number, Script>()

// prettier-ignore
const IGNORED_RANGES: readonly [number, number][] = [
  [0xad, 0xad], [0x34f, 0x34f], [0x61c, 0x61c], [0x180e, 0x180e], [0x200c, 0x200f], [0x202a, 0x202e],
  [0x2060, 0x2064], [0x2066, 0x206f], [0xfe00, 0xfe0f], [0xfeff, 0xfeff],
]
const WORD = /[\p{L}\p{M}\p{N}]/u

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)
}

function computeScript(ch: string): Script {
  if (!/[\p{L}\p{M}]/u.test(ch)) return 'common'
  for (const [test, script] of SCRIPT_TESTS) if (test.test(ch)) return script
  return /\p{Script=Common}|\p{Script=Inherited}/u.test(ch) ? 'common' : 'other'
}

function computeClass(ch: string): CharClass {
  if (ch === "'" || ch === '\u2019' || ch === '\u02bc') return APOSTROPHE
  if (ch === '.' || ch === ',') return NUMBER_JOIN
  if (ch === '+' || ch === '#') return SUFFIX
  if (inRanges(ch.charCodeAt(0), IGNORED_RANGES)) return IGNORED
  if (!WORD.test(ch)) return SEPARATOR
  switch (computeScript(ch)) {
    case 'han':
    case 'kana':
      return CJK
    case 'thai':
      return THAI
    case 'lao':
      return LAO
    case 'khmer':
      return KHMER
    case 'myanmar':
      return MYANMAR
    default:
      return WORD_CHAR
  }
}

function astralScript(codePoint: number): Script {
  if (codePoint < 0x10000) return 'common'
  let script = astralScripts.get(codePoint)
  if (script === undefined) {
    script = computeScript(String.fromCodePoint(codePoint))
    if (astralScripts.size < 10_000) astralScripts.set(codePoint, script)
  }
  return script
}

function astralClass(codePoint: number): CharClass {
  if (codePoint < 0x10000) return SEPARATOR
  const script = astralScript(codePoint)
  if (script === 'han' || script === 'kana') return CJK
  return WORD.test(String.fromCodePoint(codePoint)) ? WORD_CHAR : SEPARATOR
}
