// The pass over the matching documents: tests each against the selection (see selection.ts), keeps
// the best ranked, and counts facets. Values within a facet are OR-ed, facets AND-ed; each facet's
// counts reflect the other facets' selections (disjunctive faceting): a document failing exactly
// one facet's filter still counts toward that facet's values. Beyond EXACT_COUNTS candidates the
// counts come from an even sample of them, scaled up, and are flagged approximate: no learner
// reads 312,418 against 312,000, and counting every course of a huge result would cost more than
// everything else the search does.
import { AVAILABILITIES } from '../../catalog/course.ts'
import { OTHER_SUBTITLES, ROW_FACETS } from './facet-rows.ts'
import { PHRASE_BOOST } from './match.ts'
import { SUBTITLED_FACTOR, TIER } from './ranking.ts'
import type { FacetName, SearchIndex } from './search-index.ts'
import { AVAILABILITY, HARD, type Selection } from './selection.ts'
import type { TopK } from './top-k.ts'

export type FacetCounts = Record<FacetName, Record<string, number>>

/** Candidates up to which every one is counted. */
export const EXACT_COUNTS = 20_000
/** Beyond that, runs of this many adjacent candidates are counted: neighbours in memory, read fast. */
const RUN = 16

/** Documents to rank: text scores (null: browsing, ranked by standing) and which are cross-lingual. */
export interface Candidates {
  docs: Int32Array
  length: number
  scores: Float32Array | null
  crossLingual: Uint8Array
  /** Hashes of the query's adjacent words: direct matches with one in their title score more. Worked
   * out only for documents that may rank, as reading the titles of every match would cost more. */
  phrases: Uint32Array | null
}

/** Facet counts being gathered: per facet value, and per availability. */
export interface Counts {
  values: Int32Array
  days: Int32Array
  /** One run of RUN candidates in `stride` was counted (1: all of them)… */
  stride: number
  /** …which made this many candidates. */
  counted: number
  /** How many candidates there were. */
  of: number
}

export function newCounts(index: SearchIndex, candidates: number): Counts {
  return {
    values: new Int32Array(Math.max(1, index.facetRows.names.length)),
    days: new Int32Array(AVAILABILITIES.length),
    stride: Math.max(1, Math.ceil(candidates / EXACT_COUNTS)),
    counted: 0,
    of: candidates,
  }
}

/**
 * How many documents meet the selection; the best go to `top`, facet counts to `counts` (unless
 * null). Three passes, each a tight loop: count (a sample, when the candidates are many), keep
 * those meeting the filters (into `kept`), rank those.
 */
export function collect(
  index: SearchIndex,
  candidates: Candidates,
  selection: Selection,
  top: TopK,
  counts: Counts | null,
  kept: Int32Array,
): number {
  if (counts) count(index, candidates, selection, counts)
  if (selection.required === 0) {
    rank(index, candidates, candidates.docs, candidates.length, selection, top)
    return candidates.length
  }
  const total = keep(index, candidates, selection, kept)
  rank(index, candidates, kept, total, selection, top)
  return total
}

/** Which requirements a document meets: through bitmaps over many candidates, else its row. */
function met(index: SearchIndex, selection: Selection, doc: number): number {
  const { values, starts, ends, availability } = index.facetRows
  let met = 0
  const bitmaps = selection.bitmaps
  if (bitmaps.length === 0)
    for (let i = starts[doc] ?? 0; i < (ends[doc] ?? 0); i++) met |= selection.passes[values[i] ?? 0] ?? 0
  else
    for (let b = 0; b < bitmaps.length; b++) {
      const test = bitmaps[b]
      if (test && ((test.documents[doc >>> 5] ?? 0) & (1 << (doc & 31))) !== 0) met |= test.bit
    }
  if (((availability[doc] ?? 0) & selection.availabilityWanted) !== 0) met |= selection.availabilityBit
  return met
}

/** Puts the candidates meeting every requirement in `kept`; returns how many. */
function keep(index: SearchIndex, candidates: Candidates, selection: Selection, kept: Int32Array): number {
  const { docs, length } = candidates
  if (selection.allowed) return keepAllowed(index, docs, length, selection, selection.allowed, kept)
  const required = selection.required
  let k = 0
  for (let c = 0; c < length; c++) {
    const doc = docs[c] ?? 0
    if ((required & ~met(index, selection, doc)) === 0) kept[k++] = doc
  }
  return k
}

/** keep() through the bitmap of documents meeting every row filter, and the availability bytes. */
function keepAllowed(
  index: SearchIndex,
  docs: Int32Array,
  length: number,
  selection: Selection,
  allowed: Uint32Array,
  kept: Int32Array,
): number {
  const { availability } = index.facetRows
  const wanted = selection.availabilityWanted
  const days = selection.availabilityBit !== 0
  let k = 0
  for (let c = 0; c < length; c++) {
    const doc = docs[c] ?? 0
    if (((allowed[doc >>> 5] ?? 0) & (1 << (doc & 31))) === 0) continue
    if (days && ((availability[doc] ?? 0) & wanted) === 0) continue
    kept[k++] = doc
  }
  return k
}

function rank(
  index: SearchIndex,
  candidates: Candidates,
  docs: Int32Array,
  length: number,
  selection: Selection,
  top: TopK,
): void {
  const { boost, browse, tiebreak } = index
  const { scores, crossLingual } = candidates
  if (!scores) {
    for (let c = 0; c < length; c++) {
      const doc = docs[c] ?? 0
      const rank = browse[doc] ?? 0
      if (top.admits(rank, tiebreak[doc] ?? 0)) top.offer(doc, rank)
    }
    return
  }
  const phrases = candidates.phrases
  for (let c = 0; c < length; c++) {
    const doc = docs[c] ?? 0
    const direct = crossLingual[doc] === 0
    const tie = tiebreak[doc] ?? 0
    // The most this course could rank (its languages and a phrase only ever lower or raise it by
    // a known factor): most courses stop here, without reading more about them.
    let score = (scores[doc] ?? 0) * (boost[doc] ?? 0)
    const phrased = phrases !== null && direct
    if (!top.admits((direct ? TIER : 0) + score * (phrased ? PHRASE_BOOST : 1), tie)) continue
    score *= preference(index, selection, doc)
    if (phrased && index.titlePairs.hasAny(doc, phrases)) score *= PHRASE_BOOST
    const rank = (direct ? TIER : 0) + score
    if (top.admits(rank, tie)) top.offer(doc, rank)
  }
}

/** How much the learner's languages prefer a course: taught in one, subtitled in one, neither. */
function preference(index: SearchIndex, selection: Selection, doc: number): number {
  const { language, subtitles } = index.facetRows
  if ((selection.preference[language[doc] ?? 0] ?? 0) === 1) return 1
  const own = subtitles[doc] ?? 0
  if ((own & selection.subtitleMask) !== 0) return SUBTITLED_FACTOR
  if (selection.rowSubtitles && (own & OTHER_SUBTITLES) !== 0) {
    const { values, starts, ends } = index.facetRows
    for (let i = starts[doc] ?? 0; i < (ends[doc] ?? 0); i++)
      if ((selection.preference[values[i] ?? 0] ?? 0) > 0) return SUBTITLED_FACTOR
  }
  return selection.unpreferred
}

/** Counts facets over the candidates (or one run in `stride`): all of a facet's values for one
 * meeting every requirement; only the failed facet's for one failing exactly one (disjunctive). */
function count(index: SearchIndex, candidates: Candidates, selection: Selection, counts: Counts): void {
  const { docs, length } = candidates
  const step = counts.stride === 1 ? length : counts.stride * RUN
  for (let from = 0; from < length; from += step) {
    const to = Math.min(length, from + (counts.stride === 1 ? length : RUN))
    countRun(index, docs, from, to, selection, counts)
    counts.counted += to - from
  }
}

function countRun(
  index: SearchIndex,
  docs: Int32Array,
  from: number,
  to: number,
  selection: Selection,
  counts: Counts,
): void {
  const { values, starts, ends, availability, facetOf } = index.facetRows
  const { required, hard, allowed, availabilityBit, availabilityWanted } = selection
  for (let c = from; c < to; c++) {
    const doc = docs[c] ?? 0
    // Through the bitmap of all row filters, most documents meeting every filter need no more.
    const all =
      allowed !== null &&
      ((allowed[doc >>> 5] ?? 0) & (1 << (doc & 31))) !== 0 &&
      (availabilityBit === 0 || ((availability[doc] ?? 0) & availabilityWanted) !== 0)
    const missing = required === 0 || all ? 0 : required & ~met(index, selection, doc)
    const start = starts[doc] ?? 0
    const end = ends[doc] ?? 0
    const days = availability[doc] ?? 0
    if (missing === 0) {
      for (let i = start; i < end; i++) increment(counts.values, values[i] ?? 0)
      countDays(counts.days, days)
    } else if ((missing & (missing - 1)) === 0 && (missing & hard) === 0) {
      const facet = selection.facetOfBit[31 - Math.clz32(missing)] ?? HARD
      if (facet === AVAILABILITY) countDays(counts.days, days)
      else
        for (let i = start; i < end; i++) {
          const v = values[i] ?? 0
          if (facetOf[v] === facet) increment(counts.values, v)
        }
    }
  }
}

function countDays(days: Int32Array, mask: number): void {
  for (let i = 0, m = mask; m !== 0; i++, m >>= 1) if (m & 1) increment(days, i)
}

function increment(counts: Int32Array, i: number): void {
  counts[i] = (counts[i] ?? 0) + 1
}

/** Counts by facet and value name (scaled up when a sample was counted). */
export function facetCounts(index: SearchIndex, counts: Counts | null): FacetCounts {
  const result: FacetCounts = {
    subject: {},
    language: {},
    subtitle: {},
    institution: {},
    platform: {},
    level: {},
    availability: {},
    access: {},
    certificate: {},
  }
  if (!counts) return result
  const scale = (count: number) =>
    counts.stride === 1 ? count : roughly((count * counts.of) / Math.max(1, counts.counted))
  const rows = index.facetRows
  rows.names.forEach((name, id) => {
    const count = counts.values[id] ?? 0
    const facet = ROW_FACETS[rows.facetOf[id] ?? 0]
    if (count > 0 && facet) result[facet][name] = scale(count)
  })
  AVAILABILITIES.forEach((a, i) => {
    const count = counts.days[i] ?? 0
    if (count > 0) result.availability[a] = scale(count)
  })
  return result
}

/** An estimate rounded to two significant digits, so it does not pass for an exact count. */
function roughly(estimate: number): number {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(estimate)) - 1)
  return Math.round(estimate / unit) * unit
}
