// Answers a search: scores documents term at a time (the best expansion of each word position
// counts once), keeps those matching every position (or, failing that, any), applies facet filters
// with disjunctive counts, and ranks by relevance blended with popularity and availability.
import { countFacets, facetFilter, type FacetCounts, type Filters } from './facet-counts.ts'
import { planQuery, type QueryPlan } from './query-plan.ts'
import { primary, type SearchIndex } from './search-index.ts'
import { topK } from './top-k.ts'

export interface SearchRequest {
  q: string
  /** The learner's interface language: a hint for reading the query. */
  locale: string
  filters: Filters
  offset: number
  limit: number
  /** YYYY-MM-DD: availability is worked out for this day. */
  today: string
  /** Only courses taught or subtitled in one of these languages (the learner understands them). */
  understood?: readonly string[]
  /** Count facets (default); false when only the hits are wanted. */
  facets?: boolean
}

export interface SearchResult {
  total: number
  /** `crossLingual`: found through another language's name of a concept the query names. */
  hits: { courseId: string; score: number; crossLingual: boolean }[]
  facets: FacetCounts
  /** No course matched every word: these match some of them. */
  relaxed: boolean
  /** The query with unknown words replaced by their nearest known word, when results are few. */
  suggestion: string | null
}

/** A course whose title has two query words side by side scores this many times more. */
const PHRASE_BOOST = 1.5
const OPEN_BONUS = 1.1
/** A course updated today scores this much more than one untouched for a year. */
const FRESH_BONUS = 0.05
/** What a match through another language's name of a concept counts, against a direct one. */
const CROSS_LINGUAL_FACTOR = 0.5
/** Added to the rank of direct matches, so they all come before cross-lingual ones. */
const TIER = 1e9

export function search(index: SearchIndex, request: SearchRequest): SearchResult {
  index.refreshAvailability(request.today)
  const n = index.documents
  const plan = request.q.trim() ? planQuery(index, request.q, request.locale) : null
  let candidates: Int32Array
  let scores: Float32Array | null = null
  let relaxed = false
  /** Courses found only through another language's name of a concept the query names. */
  const crossLingual = new Set<number>()
  if (!plan) candidates = aliveDocs(index)
  else if (plan.positions.length === 0) candidates = new Int32Array(0)
  else {
    const buffers = { sum: new Float32Array(n), mask: new Uint16Array(n), scratch: new Float32Array(n) }
    const main = match(index, plan, buffers, true)
    relaxed = main.relaxed
    const translations = index.crossLingual?.translations(request.q, plan.languages) ?? []
    const final = translations.length === 0 ? buffers.sum : new Float32Array(n)
    if (translations.length > 0) {
      for (const doc of main.docs) final[doc] = buffers.sum[doc] ?? 0
      reset(buffers, main.seen)
    }
    const found = translations.length === 0 ? null : new Set(main.docs)
    for (const translation of translations) {
      if (!found) break
      const other = planQuery(index, `${translation.text} `, translation.language, { exact: true })
      if (other.positions.length === 0) continue
      const more = match(index, other, buffers, false)
      for (const doc of more.docs)
        if (!found.has(doc)) {
          found.add(doc)
          crossLingual.add(doc)
          final[doc] = (buffers.sum[doc] ?? 0) * CROSS_LINGUAL_FACTOR
        }
      reset(buffers, more.seen)
    }
    scores = final
    candidates = Int32Array.from(found ?? main.docs)
  }
  if (request.understood?.length) candidates = understoodOnly(index, candidates, request.understood)
  const filter = facetFilter(index, request.filters)
  const { matching, facets } = countFacets(index, candidates, filter, request.facets ?? true)
  const open = openValues(index)
  const day = Date.parse(request.today) / 86_400_000 || 0
  /** 1 for a course updated today, falling to 0 over a year. */
  const fresh = (doc: number) => Math.min(1, Math.max(0, 1 - (day - (index.freshness[doc] ?? 0)) / 365))
  const rank = (doc: number) => {
    const isOpen = index.facets.availability.hasAny(doc, open)
    if (!scores) return (index.popularity[doc] ?? 0) + (isOpen ? 2 : 0) + fresh(doc)
    // Courses in the query's own words come first; those found through another language after.
    const tier = crossLingual.has(doc) ? 0 : TIER
    const blend =
      (1 + 0.05 * (index.popularity[doc] ?? 0)) * (isOpen ? OPEN_BONUS : 1) * (1 + FRESH_BONUS * fresh(doc))
    return tier + (scores[doc] ?? 0) * blend
  }
  // No blend lifts a text score by more than this: documents below the k-th rank divided by it are
  // skipped without working out their rank.
  const most = (1 + 0.05 * index.maxPopularity) * OPEN_BONUS * (1 + FRESH_BONUS)
  const bound = scores
    ? (doc: number) => (crossLingual.has(doc) ? 0 : TIER) + (scores?.[doc] ?? 0) * most
    : undefined
  const hits = topK(
    matching,
    request.offset + request.limit,
    rank,
    (doc) => index.courseIds[doc] ?? '',
    bound,
  )
    .slice(request.offset)
    .map((doc) => ({
      courseId: index.courseIds[doc] ?? '',
      score: rank(doc),
      crossLingual: crossLingual.has(doc),
    }))
  const corrections = plan?.positions.map((p) => p.correction ?? p.surfaces[0] ?? '') ?? []
  const suggestion =
    plan && matching.length < 3 && plan.positions.some((p) => p.correction) ? corrections.join(' ') : null
  return { total: matching.length, hits, facets, relaxed, suggestion }
}

interface Buffers {
  sum: Float32Array
  mask: Uint16Array
  scratch: Float32Array
}

/**
 * Scores the documents matching a plan into `buffers.sum`: term at a time, each word position
 * counting once (its best expansion). Keeps those matching every position; failing that (when
 * `relax`), those matching any, scaled by the share of positions they match.
 */
function match(
  index: SearchIndex,
  plan: QueryPlan,
  { sum, mask, scratch }: Buffers,
  relax: boolean,
): { docs: number[]; seen: number[]; relaxed: boolean } {
  const n = index.documents
  const alive = index.alive
  const postings = index.vocabulary.postings
  const touched: number[] = []
  const seen: number[] = []
  plan.positions.forEach((position, p) => {
    for (const { termId, factor } of position.expansions) {
      const weight = (idf(n, postings.count(termId)) * factor) / 255
      postings.blocks(termId, (docs, weights, from, to) => {
        for (let i = from; i < to; i++) {
          const doc = docs[i] ?? 0
          if (!alive[doc]) continue
          const value = (weights[i] ?? 0) * weight
          const before = scratch[doc] ?? 0
          if (before === 0) touched.push(doc)
          if (value > before) scratch[doc] = value
        }
      })
    }
    for (const doc of touched) {
      if (mask[doc] === 0) seen.push(doc)
      sum[doc] = (sum[doc] ?? 0) + (scratch[doc] ?? 0)
      mask[doc] = (mask[doc] ?? 0) | (1 << p)
      scratch[doc] = 0
    }
    touched.length = 0
  })
  if (plan.pairs.size > 0)
    for (const doc of seen)
      if (index.titlePairs.hasAny(doc, plan.pairs)) sum[doc] = (sum[doc] ?? 0) * PHRASE_BOOST
  const all = (1 << plan.positions.length) - 1
  const complete = seen.filter((doc) => mask[doc] === all)
  const relaxed = relax && complete.length === 0 && plan.positions.length > 1 && seen.length > 0
  if (relaxed)
    for (const doc of seen) sum[doc] = (sum[doc] ?? 0) * (popcount(mask[doc] ?? 0) / plan.positions.length)
  return { docs: relaxed ? seen : complete, seen, relaxed }
}

function reset({ sum, mask }: Buffers, docs: readonly number[]): void {
  for (const doc of docs) {
    sum[doc] = 0
    mask[doc] = 0
  }
}

/** Courses taught in, or subtitled in, one of the languages the learner understands. */
function understoodOnly(index: SearchIndex, docs: Int32Array, languages: readonly string[]): Int32Array {
  const wanted = (facet: 'language' | 'subtitle') =>
    new Set(languages.map((l) => index.facets[facet].valueId(primary(l))).filter((v) => v !== undefined))
  const taught = wanted('language')
  const subtitled = wanted('subtitle')
  return docs.filter(
    (doc) =>
      index.facets.language.of(doc).some((v) => taught.has(v)) ||
      index.facets.subtitle.of(doc).some((v) => subtitled.has(v)),
  )
}

function aliveDocs(index: SearchIndex): Int32Array {
  const docs = new Int32Array(index.size)
  let k = 0
  for (let doc = 0; doc < index.documents; doc++) if (index.alive[doc]) docs[k++] = doc
  return docs.subarray(0, k)
}

/** Availability value numbers of courses open now or starting soon, marked. */
function openValues(index: SearchIndex): Uint8Array {
  const marks = new Uint8Array(Math.max(1, index.facets.availability.names.length))
  for (const value of ['current', 'starting-soon']) {
    const id = index.facets.availability.valueId(value)
    if (id !== undefined) marks[id] = 1
  }
  return marks
}

function idf(documents: number, frequency: number): number {
  return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))
}

function popcount(mask: number): number {
  let count = 0
  for (let m = mask; m; m &= m - 1) count++
  return count
}
