// Facet filters, counts and the ranking pass. Values within a facet are OR-ed, facets AND-ed; each
// facet's counts reflect the other facets' selections (disjunctive faceting): a document failing
// exactly one facet's filter still counts toward that facet's values. A query's selection is
// compiled into one number per facet value, so one pass over a document's row tells which filters
// it meets, how much its languages are preferred, and what it counts toward.
import { AVAILABILITIES } from '../../catalog/course.ts'
import { ROW_FACETS, type RowFacet } from './facet-rows.ts'
import { OTHER_LANGUAGE_FACTOR, SUBTITLED_FACTOR, TIER } from './ranking.ts'
import { FACETS, primary, type FacetName, type SearchIndex } from './search-index.ts'
import type { TopK } from './top-k.ts'

export type Filters = Partial<Record<FacetName, readonly string[]>>
export type FacetCounts = Record<FacetName, Record<string, number>>

const AVAILABILITY = -1
const HARD = -2

/** A query's filters and languages, compiled against the index's facet values. */
export interface Selection {
  /** Per facet value: bit j set when the value meets requirement j. */
  passes: Uint16Array
  /** The availability filter's bit, and the availabilities (bit mask) that meet it; 0 when none. */
  availabilityBit: number
  availabilityWanted: number
  /** Every requirement's bit. */
  required: number
  /** Requirements a document must meet to count at all (languages the learner understands). */
  hard: number
  /** Requirement bit → the ROW_FACETS index it filters, AVAILABILITY or HARD. */
  facetOfBit: Int8Array
  /** Per facet value: how much a course with it is preferred (the learner's languages). */
  preference: Float32Array
  /** The preference of a course with no preferred value. */
  unpreferred: number
}

export interface SelectOptions {
  /** Only courses taught or subtitled in one of these. */
  understood?: readonly string[]
  /** Courses taught (then subtitled) in these first. */
  preferred?: readonly string[]
}

export function select(index: SearchIndex, filters: Filters, options: SelectOptions = {}): Selection {
  const rows = index.facetRows
  const passes = new Uint16Array(Math.max(1, rows.names.length))
  const facetOfBit = new Int8Array(16)
  let required = 0
  let hard = 0
  let availabilityBit = 0
  let availabilityWanted = 0
  const mark = (facet: RowFacet, bit: number, meets: (name: string) => boolean) => {
    for (const { id, name } of rows.valuesOf(facet)) if (meets(name)) passes[id] = (passes[id] ?? 0) | bit
  }
  FACETS.forEach((facet, j) => {
    const wanted = filters[facet]
    if (!wanted || wanted.length === 0) return
    const bit = 1 << j
    required |= bit
    if (facet === 'availability') {
      availabilityBit = bit
      AVAILABILITIES.forEach((a, i) => (availabilityWanted |= wanted.includes(a) ? 1 << i : 0))
      facetOfBit[j] = AVAILABILITY
      return
    }
    facetOfBit[j] = ROW_FACETS.indexOf(facet)
    mark(facet, bit, (name) =>
      facet === 'subject' ? wanted.some((code) => name.startsWith(code)) : wanted.includes(name),
    )
  })
  const understood = new Set(options.understood?.map(primary))
  if (understood.size > 0) {
    const bit = 1 << FACETS.length
    required |= bit
    hard |= bit
    facetOfBit[FACETS.length] = HARD
    for (const facet of ['language', 'subtitle'] as const) mark(facet, bit, (name) => understood.has(name))
  }
  const preference = new Float32Array(Math.max(1, rows.names.length))
  const preferred = new Set([...(options.preferred ?? []), ...understood].map(primary))
  for (const { id, name } of rows.valuesOf('language')) if (preferred.has(name)) preference[id] = 1
  for (const { id, name } of rows.valuesOf('subtitle'))
    if (preferred.has(name)) preference[id] = SUBTITLED_FACTOR
  const unpreferred = preferred.size > 0 ? OTHER_LANGUAGE_FACTOR : 1
  return { passes, availabilityBit, availabilityWanted, required, hard, facetOfBit, preference, unpreferred }
}

/** Documents to rank: text scores (null: browsing, ranked by standing) and which are cross-lingual. */
export interface Candidates {
  docs: Int32Array
  length: number
  scores: Float32Array | null
  crossLingual: Uint8Array
}

/** How many documents meet the selection; their facet counts go to `counts` (unless null). */
export function collect(
  index: SearchIndex,
  candidates: Candidates,
  selection: Selection,
  top: TopK,
  counts: Counts | null,
): number {
  const { values, starts, ends, availability, facetOf } = index.facetRows
  const { boost, browse } = index
  const { docs, length, scores, crossLingual } = candidates
  const { passes, preference, unpreferred, required, hard, availabilityBit, availabilityWanted } = selection
  let total = 0
  for (let c = 0; c < length; c++) {
    const doc = docs[c] ?? 0
    const start = starts[doc] ?? 0
    const end = ends[doc] ?? 0
    let met = 0
    let prefer = unpreferred
    for (let i = start; i < end; i++) {
      const v = values[i] ?? 0
      met |= passes[v] ?? 0
      const p = preference[v] ?? 0
      if (p > prefer) prefer = p
    }
    const days = availability[doc] ?? 0
    if ((days & availabilityWanted) !== 0) met |= availabilityBit
    const missing = required & ~met
    if (missing === 0) {
      total++
      const rank = scores
        ? (crossLingual[doc] ? 0 : TIER) + (scores[doc] ?? 0) * (boost[doc] ?? 0) * prefer
        : (browse[doc] ?? 0)
      if (rank >= top.floor) top.offer(doc, rank)
      if (counts) {
        for (let i = start; i < end; i++) increment(counts.values, values[i] ?? 0)
        countDays(counts.days, days)
      }
    } else if (counts && (missing & (missing - 1)) === 0 && (missing & hard) === 0) {
      const facet = selection.facetOfBit[31 - Math.clz32(missing)] ?? HARD
      if (facet === AVAILABILITY) countDays(counts.days, days)
      else
        for (let i = start; i < end; i++) {
          const v = values[i] ?? 0
          if (facetOf[v] === facet) increment(counts.values, v)
        }
    }
  }
  return total
}

/** Facet counts being gathered: per facet value, and per availability. */
export interface Counts {
  values: Int32Array
  days: Int32Array
}

export function newCounts(index: SearchIndex): Counts {
  return {
    values: new Int32Array(Math.max(1, index.facetRows.names.length)),
    days: new Int32Array(AVAILABILITIES.length),
  }
}

function countDays(days: Int32Array, mask: number): void {
  for (let i = 0, m = mask; m !== 0; i++, m >>= 1) if (m & 1) increment(days, i)
}

function increment(counts: Int32Array, i: number): void {
  counts[i] = (counts[i] ?? 0) + 1
}

/** Counts by facet and value name. */
export function facetCounts(index: SearchIndex, counts: Counts | null): FacetCounts {
  const result = emptyCounts()
  if (!counts) return result
  const rows = index.facetRows
  rows.names.forEach((name, id) => {
    const count = counts.values[id] ?? 0
    const facet = ROW_FACETS[rows.facetOf[id] ?? 0]
    if (count > 0 && facet) result[facet][name] = count
  })
  AVAILABILITIES.forEach((a, i) => {
    const count = counts.days[i] ?? 0
    if (count > 0) result.availability[a] = count
  })
  return result
}

function emptyCounts(): FacetCounts {
  return {
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
}
