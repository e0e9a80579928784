// The in-memory search index of one process: documents are numbered as they are added; a changed
// course gets a new number and its old one is marked gone (compacted away when gone ones pile up).
// Postings carry a BM25F weight computed when the document is added.
import { courseAvailability, type Availability } from '../../catalog/course.ts'
import type { SearchDocument } from '../search-document.ts'
import type { CrossLingual } from '../cross-lingual.ts'
import { FacetRows, type FacetRowsState } from './facet-rows.ts'
import { blend, browseRank, freshnessOn } from './ranking.ts'
import { grown } from './typed-arrays.ts'
import { PostingStore, type PostingState } from './posting-list.ts'
import { fieldTexts, weighTerms, type InternedTerms } from './document-terms.ts'
import { fnv1a, TitlePairs } from './title-pairs.ts'
import { Vocabulary } from './vocabulary.ts'

export interface Token {
  term: string
  surface: string
  position: number
}

export interface Analyzer {
  analyze(text: string, language: string): Token[]
  analyzeQuery(text: string, language: string): { tokens: Token[]; lastIsPrefix: boolean }
  scriptOf(term: string): string
}

/** Words of subjects and institutions in a document's language (and English), for matching. */
export interface Labels {
  subject(code: string, language: string): string[]
  institution(id: string): string[]
}

export { FACETS, type FacetName } from './facets.ts'

export interface IndexState {
  courseIds: string[]
  alive: Uint8Array
  popularity: Float32Array
  freshness: Float32Array
  runs: SearchDocument['runs'][]
  gone: number
  vocabulary: ReturnType<Vocabulary['toState']>
  postings: PostingState
  titlePairs: ReturnType<TitlePairs['toState']>
  facetRows: FacetRowsState
}

export class SearchIndex {
  vocabulary = new Vocabulary()
  facetRows = new FacetRows()
  courseIds: string[] = []
  alive: Uint8Array = new Uint8Array(1024)
  /** log(1 + enrolments). */
  popularity: Float32Array = new Float32Array(1024)
  /** The day (since 1970) a course was last updated. */
  freshness: Float32Array = new Float32Array(1024)
  /** What a course's text score is multiplied by, and its rank when browsing (worked out daily). */
  boost: Float32Array = new Float32Array(1024)
  browse: Float32Array = new Float32Array(1024)
  /** A hash of each course id: how ties in rank are broken, the same way every time. */
  tiebreak: Uint32Array = new Uint32Array(1024)
  titlePairs = new TitlePairs()
  /** Concepts named in several languages, for cross-lingual discovery (none: no such discovery). */
  crossLingual: CrossLingual | undefined
  private readonly docOf = new Map<string, number>()
  private runs: SearchDocument['runs'][] = []
  private availabilityDay = ''
  gone = 0

  constructor(
    readonly analyzer: Analyzer,
    /** Courses added from now on are found by these labels (see `relabel`). */
    public labels: Labels,
  ) {}

  get size(): number {
    return this.docOf.size
  }

  get documents(): number {
    return this.courseIds.length
  }

  has(courseId: string): boolean {
    return this.docOf.has(courseId)
  }

  /** Adds a course, or replaces what the index knew of it. */
  upsert(doc: SearchDocument): void {
    const weighed = weighTerms(this.analyzer, fieldTexts(this.labels, doc), doc.language)
    const termIds = weighed.terms.map((term, i) => this.vocabulary.intern(term, weighed.surfaces[i] ?? ''))
    this.add(doc, { termIds, weights: weighed.weights, titlePairs: weighed.titlePairs })
  }

  /**
   * Adds a course whose terms were weighed already (`weighTerms` of `fieldTexts` with this index's
   * analyzer and labels, in a worker) and interned in this index's vocabulary, or replaces what the
   * index knew of it.
   */
  add(doc: SearchDocument, terms: InternedTerms): void {
    this.remove(doc.courseId)
    const n = this.courseIds.length
    this.ensureCapacity(n + 1)
    this.courseIds.push(doc.courseId)
    this.docOf.set(doc.courseId, n)
    this.alive[n] = 1
    this.tiebreak[n] = fnv1a(doc.courseId)
    this.popularity[n] = Math.log1p(Math.max(0, doc.enrollments))
    this.freshness[n] = dayNumber(doc.updatedAt)
    this.runs.push(doc.runs)
    this.titlePairs.set(n, terms.titlePairs)
    for (let i = 0; i < terms.termIds.length; i++)
      this.vocabulary.postings.add(terms.termIds[i] ?? 0, n, terms.weights[i] ?? 1)
    this.facetRows.set(n, {
      language: [primary(doc.language)],
      subject: doc.subjects,
      subtitle: doc.subtitleLanguages.map(primary),
      institution: doc.institutions,
      platform: doc.platforms,
      level: doc.level ? [doc.level] : [],
      access: doc.access,
      certificate: doc.certificate,
    })
    if (this.availabilityDay) this.standOn(n, this.availabilityDay, dayNumber(this.availabilityDay))
  }

  remove(courseId: string): void {
    const old = this.docOf.get(courseId)
    if (old === undefined) return
    this.alive[old] = 0
    this.docOf.delete(courseId)
    this.runs[old] = []
    this.gone++
  }

  /** Works out every document's availability, and so its standing, on `today` (YYYY-MM-DD) once a day. */
  refreshAvailability(today: string): void {
    if (today === this.availabilityDay) return
    this.availabilityDay = today
    const day = dayNumber(today)
    for (let n = 0; n < this.courseIds.length; n++) this.standOn(n, today, day)
  }

  /** `day`: `today` as days since 1970. */
  private standOn(n: number, today: string, day: number): void {
    const availability = this.alive[n] ? availabilityOf(this.runs[n] ?? [], today) : []
    this.facetRows.setAvailability(n, availability)
    const standing = {
      popularity: this.popularity[n] ?? 0,
      open: availability.includes('current') || availability.includes('starting-soon'),
      freshness: freshnessOn(day, this.freshness[n] ?? 0),
    }
    this.boost[n] = blend(standing)
    this.browse[n] = browseRank(standing)
  }

  /** Drops gone documents and renumbers the rest, when more than a fifth are gone. */
  compactIfWorthIt(): boolean {
    if (this.gone < 1000 || this.gone * 5 < this.courseIds.length) return false
    const remap = new Int32Array(this.courseIds.length).fill(-1)
    const ids: string[] = []
    const runs: SearchDocument['runs'][] = []
    for (let old = 0; old < this.courseIds.length; old++) {
      if (!this.alive[old]) continue
      remap[old] = ids.length
      ids.push(this.courseIds[old] ?? '')
      runs.push(this.runs[old] ?? [])
    }
    this.vocabulary.postings = this.vocabulary.postings.compacted(remap, this.vocabulary.size)
    this.titlePairs = this.titlePairs.compacted(remap)
    this.facetRows = this.facetRows.compacted(remap, ids.length)
    const keep = (array: Float32Array) => {
      const next = new Float32Array(Math.max(1024, ids.length))
      for (let old = 0; old < remap.length; old++)
        if ((remap[old] ?? -1) >= 0) next[remap[old] ?? 0] = array[old] ?? 0
      return next
    }
    this.popularity = keep(this.popularity)
    this.freshness = keep(this.freshness)
    this.boost = keep(this.boost)
    this.browse = keep(this.browse)
    this.tiebreak = hashes(ids, this.boost.length)
    this.alive = new Uint8Array(Math.max(1024, ids.length)).fill(1, 0, ids.length)
    this.courseIds = ids
    this.runs = runs
    this.docOf.clear()
    ids.forEach((id, n) => this.docOf.set(id, n))
    this.gone = 0
    return true
  }

  /** After a bulk build: nothing to give back (postings live in shared chunks). */
  trim(): void {}

  /** Everything the index holds, as plain values and typed arrays, for a snapshot on disk. */
  toState(): IndexState {
    return {
      courseIds: this.courseIds,
      alive: this.alive,
      popularity: this.popularity,
      freshness: this.freshness,
      runs: this.runs,
      gone: this.gone,
      vocabulary: this.vocabulary.toState(),
      postings: this.vocabulary.postings.toState(),
      titlePairs: this.titlePairs.toState(),
      facetRows: this.facetRows.toState(),
    }
  }

  /** Puts back what toState() gave; availability is worked out again on the next query. */
  restore(state: IndexState): void {
    this.courseIds = state.courseIds
    this.alive = state.alive
    this.popularity = state.popularity
    this.freshness = state.freshness
    this.runs = state.runs
    this.gone = state.gone
    this.vocabulary = Vocabulary.fromState(state.vocabulary, PostingStore.fromState(state.postings))
    this.titlePairs = TitlePairs.fromState(state.titlePairs)
    this.facetRows = FacetRows.fromState(state.facetRows)
    this.boost = new Float32Array(Math.max(1024, this.courseIds.length))
    this.browse = new Float32Array(Math.max(1024, this.courseIds.length))
    this.tiebreak = hashes(this.courseIds, Math.max(1024, this.courseIds.length))
    this.docOf.clear()
    this.courseIds.forEach((id, n) => {
      if (this.alive[n]) this.docOf.set(id, n)
    })
    this.availabilityDay = ''
  }

  private ensureCapacity(needed: number): void {
    this.alive = grown(this.alive, needed, (n) => new Uint8Array(n))
    this.popularity = grown(this.popularity, needed, (n) => new Float32Array(n))
    this.freshness = grown(this.freshness, needed, (n) => new Float32Array(n))
    this.boost = grown(this.boost, needed, (n) => new Float32Array(n))
    this.browse = grown(this.browse, needed, (n) => new Float32Array(n))
    this.tiebreak = grown(this.tiebreak, needed, (n) => new Uint32Array(n))
  }
}

function availabilityOf(runs: SearchDocument['runs'], today: string): Availability[] {
  return runs.length === 0 ? [] : courseAvailability(runs, today)
}

/** The tie-break hashes of course ids, in an array of `length`. */
function hashes(ids: readonly string[], length: number): Uint32Array {
  const hashed = new Uint32Array(length)
  ids.forEach((id, n) => (hashed[n] = fnv1a(id)))
  return hashed
}

function dayNumber(date: string): number {
  return Date.parse(date) / 86_400_000 || 0
}

export function primary(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase()
}
