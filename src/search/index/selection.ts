// A query's filters and languages, compiled against the index's facet values: one number per
// facet value says which filters it meets and how much a course with it is preferred, so one pass
// over a course's row answers both. Over many candidates, each row filter becomes a bitmap of the
// documents meeting it (built from the value's document list), and a course is tested by a few
// bit lookups instead of a pass over its row.
import { AVAILABILITIES } from '../../catalog/course.ts'
import { OTHER_SUBTITLES, ROW_FACETS, type RowFacet } from './facet-rows.ts'
import { OTHER_LANGUAGE_FACTOR, SUBTITLED_FACTOR } from './ranking.ts'
import { FACETS, primary, type FacetName, type SearchIndex } from './search-index.ts'

export type Filters = Partial<Record<FacetName, readonly string[]>>

/** Candidates beyond which row filters are tested through bitmaps. */
const BITMAPS_FROM = 10_000

export const AVAILABILITY = -1
export const HARD = -2

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
  /** The bits (FacetRows.subtitles) of preferred subtitle languages… */
  subtitleMask: number
  /** …and whether one is numbered past those bits (a course having such must have its row read). */
  rowSubtitles: boolean
  /** Over many candidates: the row requirements as bitmaps of the documents meeting them (else none). */
  bitmaps: { bit: number; documents: Uint32Array }[]
  /** With bitmaps: the documents meeting every row requirement (all bitmaps AND-ed; not to be changed). */
  allowed: Uint32Array | null
}

export interface SelectOptions {
  /** Only courses taught or subtitled in one of these. */
  understood?: readonly string[]
  /** Courses taught (then subtitled) in these first. */
  preferred?: readonly string[]
}

/** `candidates`: how many documents the selection will be tested on. */
export function select(
  index: SearchIndex,
  filters: Filters,
  options: SelectOptions,
  candidates: number,
): Selection {
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
  let subtitleMask = 0
  let rowSubtitles = false
  for (const { id, name } of rows.valuesOf('subtitle')) {
    if (!preferred.has(name)) continue
    preference[id] = SUBTITLED_FACTOR
    const bit = rows.subtitleBit(id)
    if (bit === OTHER_SUBTITLES) rowSubtitles = true
    else subtitleMask |= bit
  }
  const unpreferred = preferred.size > 0 ? OTHER_LANGUAGE_FACTOR : 1
  const bitmaps: Selection['bitmaps'] = []
  if (candidates >= BITMAPS_FROM)
    for (let j = 0; j <= FACETS.length; j++) {
      const bit = 1 << j
      if ((required & bit) === 0 || bit === availabilityBit) continue
      const meeting = [...passes.keys()].filter((v) => ((passes[v] ?? 0) & bit) !== 0)
      bitmaps.push({ bit, documents: rows.bitmap(meeting, index.documents) })
    }
  return {
    allowed: allMet(bitmaps),
    passes,
    availabilityBit,
    availabilityWanted,
    required,
    hard,
    facetOfBit,
    preference,
    unpreferred,
    subtitleMask,
    rowSubtitles,
    bitmaps,
  }
}

/** The bitmaps AND-ed: the one bitmap itself when there is one, none when there are none. */
function allMet(bitmaps: Selection['bitmaps']): Uint32Array | null {
  const [head, ...rest] = bitmaps
  if (!head) return null
  if (rest.length === 0) return head.documents
  const all = head.documents.slice()
  for (const { documents } of rest)
    for (let w = 0; w < all.length; w++) all[w] = (all[w] ?? 0) & (documents[w] ?? 0)
  return all
}
