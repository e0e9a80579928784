// Turns what a learner typed into the terms to look up: each word position with its exact terms,
// the words it is a prefix of (the last word, as you type) and its near misses (typos), each with
// how much a match through it counts; and the title phrases of adjacent words.
import { detectLanguage } from '../../harvest/detect-language.ts'
import { boundedDistance } from './edit-distance.ts'
import type { Analyzer, SearchIndex } from './search-index.ts'
import { pairHash } from './title-pairs.ts'

export interface Expansion {
  termId: number
  /** 1 for the word itself, less for a completion or a near miss. */
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
const TYPO_FACTOR = [1, 0.7, 0.5]

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
  const positions = ordered.map(([position, { terms, surfaces }]) =>
    expand(index, [...terms], [...surfaces], position === typing, options.exact ?? false),
  )
  const pairs = new Set<number>()
  for (let i = 1; i < ordered.length; i++) {
    const [a, b] = [ordered[i - 1], ordered[i]]
    if (!a || !b || b[0] !== a[0] + 1) continue
    for (const x of a[1].terms) for (const y of b[1].terms) pairs.add(pairHash(x, y))
  }
  return { languages, positions, pairs }
}

function expand(
  index: SearchIndex,
  terms: string[],
  surfaces: string[],
  isPrefix: boolean,
  exact: boolean,
): QueryPosition {
  const vocabulary = index.vocabulary
  const factors = new Map<number, number>()
  const offer = (termId: number, factor: number) => {
    if ((factors.get(termId) ?? 0) < factor) factors.set(termId, factor)
  }
  for (const term of terms) {
    const id = vocabulary.termId(term)
    if (id !== undefined) offer(id, 1)
  }
  for (const surface of surfaces) for (const id of vocabulary.termsOfSurface(surface)) offer(id, 1)
  if (exact)
    return {
      surfaces,
      expansions: [...factors].map(([termId, factor]) => ({ termId, factor })),
      correction: null,
    }
  if (isPrefix)
    for (const surface of surfaces)
      for (const completion of vocabulary.withPrefix(surface, COMPLETIONS))
        for (const id of vocabulary.termsOfSurface(completion)) offer(id, PREFIX_FACTOR)
  let correction: string | null = null
  for (const surface of surfaces) {
    const max = typoBudget(index, surface)
    if (max === 0) continue
    const near: { surface: string; distance: number; frequency: number }[] = []
    for (const candidate of vocabulary.candidates(surface, max)) {
      const distance = boundedDistance(surface, candidate, max)
      if (distance <= max)
        near.push({ surface: candidate, distance, frequency: vocabulary.frequency(candidate) })
    }
    near.sort(
      (a, b) => a.distance - b.distance || b.frequency - a.frequency || (a.surface < b.surface ? -1 : 1),
    )
    for (const { surface: s, distance } of near.slice(0, NEAR_MISSES))
      for (const id of vocabulary.termsOfSurface(s)) offer(id, TYPO_FACTOR[distance] ?? 0.5)
    const known = vocabulary.termsOfSurface(surface).length > 0
    if (!known && !correction && near[0]) correction = near[0].surface
  }
  return {
    surfaces,
    expansions: [...factors].map(([termId, factor]) => ({ termId, factor })),
    correction,
  }
}

/** One typo from 5 characters, two from 9; none in Han script, where one character is a word. */
function typoBudget(index: SearchIndex, surface: string): number {
  const length = [...surface].length
  if (length < 5 || index.analyzer.scriptOf(surface) === 'han') return 0
  return length >= 9 ? 2 : 1
}
