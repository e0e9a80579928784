// Turns what a learner typed into the terms to look up: each word position with its exact terms,
// the words it is a prefix of (the last word, as you type), its near misses (typos) and the parts of
// a joined or compound word, each with how much a match through it counts; and the title phrases of
// adjacent words.
import { detectLanguage } from '../../harvest/detect-language.ts'
import { foldQuery } from '../analysis/analyze.ts'
import { boundedDistance } from './edit-distance.ts'
import { rejoin, type Lexicon, type QueryWord } from './rejoin.ts'
import type { Analyzer, SearchIndex } from './search-index.ts'
import { pairHash } from './title-pairs.ts'

export interface Expansion {
  termId: number
  /** 1 for the word itself, less for a completion, a near miss or a part of a joined word. */
  factor: number
}

export interface QueryPosition {
  surfaces: string[]
  expansions: Expansion[]
  /** The best near miss when the word itself is unknown, for "did you mean". */
  correction: string | null
}

export interface QueryPlan {
  /** The languages the query was read in. */
  languages: string[]
  positions: QueryPosition[]
  /** Hashes of adjacent query terms, to find them adjacent in titles. */
  pairs: Set<number>
}

/** Queries are cut here: nobody types more, and it bounds the work a hostile query causes. */
export const MAX_QUERY_CHARS = 200
const MAX_POSITIONS = 12
const COMPLETIONS = 20
const NEAR_MISSES = 10
const PREFIX_FACTOR = 0.85
const COMMON_SHARE = 1000
const COMMON_AT_LEAST = 20
const TYPO_FACTOR = [1, 0.7, 0.5]
/** A part of a joined or compound word (历史 of 历史学, แพทย์ of แพทยศาสตร์). */
const PART_FACTOR = 0.6
/** Near-miss lookups one query may make while segmenting its unspaced runs again. */
const MAX_REJOIN_LOOKUPS = 24

/** What a query says, read in every language it may be in, word position by word position. */
export interface QueryReading {
  languages: string[]
  /** Position → the indexed forms and the surfaces the readings give there, in position order. */
  positions: [number, { terms: Set<string>; surfaces: Set<string> }][]
  /** The position of the word still being typed, or -1 when the last word is finished. */
  typing: number
}

/**
 * Reads a query in its detected language, the learner's locale and no language. The languages the
 * query may be in decide its word positions: a stop word they drop ("to" in "introduction to") is
 * not required just because the language-less reading keeps it. The index and the highlighter
 * both read queries this way.
 */
export function readQuery(analyzer: Analyzer, q: string, locale: string): QueryReading {
  const text = q.slice(0, MAX_QUERY_CHARS)
  const languages = [...new Set([detectLanguage(text), locale, 'und'].filter((l): l is string => !!l))]
  const byPosition = new Map<number, { terms: Set<string>; surfaces: Set<string> }>()
  let last = -1
  let prefix = false
  const readings = languages.map((language) => ({ language, ...analyzer.analyzeQuery(text, language) }))
  const named = readings.filter((r) => r.language !== 'und' && r.tokens.length > 0)
  const deciding = named.length > 0 ? named : readings
  const wanted = new Set(deciding.flatMap((r) => r.tokens.map((t) => t.position)))
  for (const reading of readings) {
    for (const token of reading.tokens) {
      if (!wanted.has(token.position)) continue
      const at = byPosition.get(token.position) ?? { terms: new Set(), surfaces: new Set() }
      at.terms.add(token.term)
      at.surfaces.add(token.surface)
      byPosition.set(token.position, at)
      last = Math.max(last, token.position)
    }
    if (deciding.includes(reading)) prefix ||= reading.lastIsPrefix
  }
  const positions = [...byPosition.entries()].sort((a, b) => a[0] - b[0]).slice(0, MAX_POSITIONS)
  return { languages, positions, typing: prefix ? last : -1 }
}

/** `exact`: no completions and no near misses (for a known name of a concept in another language). */
export function planQuery(
  index: SearchIndex,
  q: string,
  locale: string,
  options: { exact?: boolean } = {},
): QueryPlan {
  const { languages, positions: ordered, typing } = readQuery(index.analyzer, q, locale)
  const exact = options.exact ?? false
  const near = nearMissFinder(index)
  const read: QueryWord[] = ordered.map(([position, { terms, surfaces }]) => ({
    position,
    terms: [...terms],
    surfaces: [...surfaces],
    parts: [],
    typing: position === typing,
  }))
  const words = exact ? read : rejoin(read, foldQuery(q.slice(0, MAX_QUERY_CHARS)), lexicon(index, near))
  const positions = words.map((word) => expand(index, word, exact, near))
  const pairs = new Set<number>()
  for (let i = 1; i < words.length; i++) {
    const [a, b] = [words[i - 1], words[i]]
    if (!a || !b || b.position !== a.position + 1) continue
    // A pair with a word no course has (one still being typed, often) is in no title.
    const known = (terms: readonly string[]) => terms.filter((t) => index.vocabulary.termId(t) !== undefined)
    for (const x of known(a.terms)) for (const y of known(b.terms)) pairs.add(pairHash(x, y))
  }
  return { languages, positions, pairs }
}

interface NearMiss {
  surface: string
  distance: number
  frequency: number
}

/** Near misses of a surface within its typo budget, nearest and most frequent first (remembered per query). */
type NearMisses = (surface: string) => readonly NearMiss[]

function expand(index: SearchIndex, word: QueryWord, exact: boolean, near: NearMisses): QueryPosition {
  const vocabulary = index.vocabulary
  const { terms, surfaces } = word
  const factors = new Map<number, number>()
  const offer = (termId: number, factor: number) => {
    if ((factors.get(termId) ?? 0) < factor) factors.set(termId, factor)
  }
  for (const term of terms) {
    const id = vocabulary.termId(term)
    if (id !== undefined) offer(id, 1)
  }
  for (const surface of surfaces) for (const id of vocabulary.termsOfSurface(surface)) offer(id, 1)
  const expansions = () => [...factors].map(([termId, factor]) => ({ termId, factor }))
  if (exact) return { surfaces, expansions: expansions(), correction: null }
  for (const part of word.parts) for (const id of vocabulary.termsOfSurface(part)) offer(id, PART_FACTOR)
  if (word.typing)
    for (const surface of surfaces)
      for (const completion of vocabulary.withPrefix(surface, COMPLETIONS))
        for (const id of vocabulary.termsOfSurface(completion)) offer(id, PREFIX_FACTOR)
  let correction: string | null = null
  for (const surface of surfaces) {
    // A word many courses use is what the learner meant: its near misses would only add courses
    // (the bulk of a million-course search's work) that rank below it anyway.
    if (isCommon(index, surface)) continue
    const misses = near(surface)
    for (const { surface: s, distance } of misses.slice(0, NEAR_MISSES))
      for (const id of vocabulary.termsOfSurface(s)) offer(id, TYPO_FACTOR[distance] ?? 0.5)
    // A word being typed that starts a known word is no misspelling, whatever it is one edit from.
    const known =
      vocabulary.termsOfSurface(surface).length > 0 || (word.typing && vocabulary.hasPrefix(surface))
    if (!known && !correction && misses[0]) correction = misses[0].surface
  }
  return { surfaces, expansions: expansions(), correction }
}

/** A word in at least one course in COMMON_SHARE, and in COMMON_AT_LEAST courses. */
function isCommon(index: SearchIndex, surface: string): boolean {
  const frequency = index.vocabulary.frequency(surface)
  return frequency >= COMMON_AT_LEAST && frequency * COMMON_SHARE >= index.documents
}

function nearMissFinder(index: SearchIndex): NearMisses {
  const vocabulary = index.vocabulary
  const found = new Map<string, readonly NearMiss[]>()
  return (surface) => {
    let misses = found.get(surface)
    if (misses) return misses
    const max = typoBudget(index, surface)
    const han = index.analyzer.scriptOf(surface) === 'han'
    const near: NearMiss[] = []
    if (max > 0)
      for (const candidate of vocabulary.candidates(surface, max)) {
        if (han && candidate.length !== surface.length) continue
        const distance = boundedDistance(surface, candidate, max)
        if (distance <= max)
          near.push({ surface: candidate, distance, frequency: vocabulary.frequency(candidate) })
      }
    near.sort(
      (a, b) => a.distance - b.distance || b.frequency - a.frequency || (a.surface < b.surface ? -1 : 1),
    )
    misses = near
    found.set(surface, misses)
    return misses
  }
}

/** What rejoining sees of the vocabulary; it may look for near misses of so many pieces, no more. */
function lexicon(index: SearchIndex, near: NearMisses): Lexicon {
  const vocabulary = index.vocabulary
  let lookups = MAX_REJOIN_LOOKUPS
  return {
    known: (word) => vocabulary.termsOfSurface(word).length > 0 || vocabulary.termId(word) !== undefined,
    completes: (prefix) => vocabulary.hasPrefix(prefix),
    nearMiss: (word) =>
      typoBudget(index, word) > 0 && lookups-- > 0 ? (near(word)[0]?.distance ?? null) : null,
    scriptOf: (word) => index.analyzer.scriptOf(word),
  }
}

/**
 * One typo from 5 characters, two from 9. In Han script, where one character is a word, only an
 * unknown word of three or more characters gets one, and only a substituted (or swapped) character:
 * a homophone picked in a pinyin input method (心里学 for 心理学).
 */
function typoBudget(index: SearchIndex, surface: string): number {
  const length = [...surface].length
  if (index.analyzer.scriptOf(surface) === 'han')
    return length >= 3 && index.vocabulary.termsOfSurface(surface).length === 0 ? 1 : 0
  if (length < 5) return 0
  return length >= 9 ? 2 : 1
}
