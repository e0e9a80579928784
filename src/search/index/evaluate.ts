// Answers a search: matches the query's words (see match.ts), adds the courses found through other
// languages' names of a concept the query names, then in one pass over them applies the filters,
// counts facets disjunctively and keeps the best ranked (see facet-counts.ts and ranking.ts).
import { UNSPACED_SCRIPTS } from '../analysis/script.ts'
import { collect, facetCounts, newCounts, type Candidates, type FacetCounts } from './facet-counts.ts'
import { Workspace } from './match.ts'
import { planQuery } from './query-plan.ts'
import { BROADER_FACTOR, CROSS_LINGUAL_FACTOR } from './ranking.ts'
import type { SearchIndex } from './search-index.ts'
import { select, type Filters } from './selection.ts'
import { TopK } from './top-k.ts'

export interface SearchRequest {
  q: string
  /** The learner's interface language: a hint for reading the query, and preferred in ranking. */
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
  /** The facet counts were taken from a sample of a very large result and scaled up. */
  facetsApproximate: boolean
  /** No course matched every word: these match some of them. */
  relaxed: boolean
  /** The query with unknown words replaced by their nearest known word, when results are few. */
  suggestion: string | null
}

/** Buffers of one search, kept between searches of the same index. */
interface Buffers {
  direct: Workspace
  other: Workspace
  crossLingual: Uint8Array
  all: Int32Array
  /** The candidates meeting the filters. */
  kept: Int32Array
  /** A search started and did not finish (it threw): the buffers may hold its marks. */
  dirty: boolean
}
const buffers = new WeakMap<SearchIndex, Buffers>()

export function search(index: SearchIndex, request: SearchRequest): SearchResult {
  index.refreshAvailability(request.today)
  const plan = request.q.trim() ? planQuery(index, request.q, request.locale) : null
  const own = buffersOf(index)
  own.dirty = true
  let candidates: Candidates
  let relaxed = false
  let translated = false
  /** The languages the query was read in: the learner's, as far as the query tells. */
  let preferred: string[] = []
  if (!plan)
    candidates = { ...aliveDocs(index, own), scores: null, crossLingual: own.crossLingual, phrases: null }
  else {
    const { direct, other, crossLingual } = own
    relaxed = direct.match(index, plan, true)
    preferred = plan.languages.filter((l) => l !== 'und')
    const translations = index.crossLingual?.translations(request.q, plan.languages) ?? []
    translated = translations.length > 0
    if (translations.length > 0)
      for (let i = 0; i < direct.foundCount; i++) crossLingual[direct.found[i] ?? 0] = 2
    for (const translation of translations) {
      const more = planQuery(index, `${translation.text} `, translation.language, { exact: true })
      if (more.positions.length === 0) continue
      other.match(index, more, false)
      other.boostPhrases(index, more)
      // The concept's name in the learner's own language (بايثون for "python") finds direct matches.
      const mark = preferred.includes(translation.language) ? 2 : 1
      const factor = translation.broader ? BROADER_FACTOR : CROSS_LINGUAL_FACTOR
      for (let i = 0; i < other.foundCount; i++) {
        const doc = other.found[i] ?? 0
        if (crossLingual[doc]) continue
        crossLingual[doc] = mark
        direct.sum[doc] = (other.sum[doc] ?? 0) * factor
        direct.found[direct.foundCount++] = doc
      }
    }
    other.clear()
    if (translations.length > 0) {
      direct.sortFound()
      // 2 marked a direct match while translations were added; the pass only needs "cross-lingual".
      for (let i = 0; i < direct.foundCount; i++) {
        const doc = direct.found[i] ?? 0
        if (crossLingual[doc] === 2) crossLingual[doc] = 0
      }
    }
    candidates = {
      docs: direct.found,
      length: direct.foundCount,
      scores: direct.sum,
      crossLingual,
      phrases: plan.pairs.size > 0 ? Uint32Array.from(plan.pairs) : null,
    }
  }
  const selection = select(
    index,
    request.filters,
    { ...(request.understood && { understood: request.understood }), preferred },
    candidates.length,
  )
  const top = new TopK(request.offset + request.limit, index.tiebreak, (doc) => index.courseIds[doc] ?? '')
  const counts = request.facets === false ? null : newCounts(index, candidates.length)
  const total = collect(index, candidates, selection, top, counts, own.kept)
  const hits = top
    .sorted()
    .slice(request.offset)
    .map(({ doc, rank }) => ({
      courseId: index.courseIds[doc] ?? '',
      score: rank,
      crossLingual: candidates.crossLingual[doc] === 1,
    }))
  if (plan) forget(own, candidates, translated)
  own.dirty = false
  const corrections = plan?.positions.map((p) => p.correction ?? p.surfaces[0] ?? '') ?? []
  const suggestion =
    plan && total < 3 && plan.positions.some((p) => p.correction) ? joinWords(index, corrections) : null
  const facetsApproximate = (counts?.stride ?? 1) > 1
  return { total, hits, facets: facetCounts(index, counts), facetsApproximate, relaxed, suggestion }
}

function buffersOf(index: SearchIndex): Buffers {
  let own = buffers.get(index)
  if (!own) {
    own = {
      direct: new Workspace(),
      other: new Workspace(),
      crossLingual: new Uint8Array(0),
      all: new Int32Array(0),
      kept: new Int32Array(0),
      dirty: false,
    }
    buffers.set(index, own)
  }
  if (own.dirty) {
    own.crossLingual.fill(0)
    own.direct.wipe()
    own.other.wipe()
  }
  if (own.crossLingual.length < index.documents) {
    own.crossLingual = new Uint8Array(Math.ceil(index.documents * 1.25))
    own.all = new Int32Array(own.crossLingual.length)
    own.kept = new Int32Array(own.crossLingual.length)
  }
  return own
}

/** Clears the marks and scores this search left, so the next starts from zero. */
function forget(own: Buffers, candidates: Candidates, translated: boolean): void {
  // Without translations every candidate was seen by the direct match, which clears itself.
  for (let i = 0; translated && i < candidates.length; i++) {
    const doc = candidates.docs[i] ?? 0
    own.crossLingual[doc] = 0
    own.direct.sum[doc] = 0
  }
  own.direct.clear()
}

function aliveDocs(index: SearchIndex, own: Buffers): { docs: Int32Array; length: number } {
  let k = 0
  for (let doc = 0; doc < index.documents; doc++) if (index.alive[doc]) own.all[k++] = doc
  return { docs: own.all, length: k }
}

/** Words joined as their scripts write them: Chinese, Japanese, Thai, Lao, Khmer, Burmese without spaces. */
function joinWords(index: SearchIndex, words: readonly string[]): string {
  const unspaced = (word: string | undefined) => UNSPACED_SCRIPTS.has(index.analyzer.scriptOf(word ?? ''))
  return words.reduce(
    (text, word, i) =>
      i > 0 && unspaced(words[i - 1]) && unspaced(word) ? text + word : text ? `${text} ${word}` : word,
    '',
  )
}
