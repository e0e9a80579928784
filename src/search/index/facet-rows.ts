// Every facet value of every document in one row per document: values of all facets are numbered
// together, so filtering and counting a document is one pass over a few adjacent numbers instead
// of one lookup per facet (the loop runs over every matching document). Subjects are stored at
// every ISCED-F level they belong to ("0613" also as "061" and "06"), so a subject filter and the
// counts of every level are plain value lookups. Availability changes with the day, not with the
// course: it lives apart, as a bit mask per document. A course's language and subtitle languages
// are also kept as one number each, for ranking, which reads them for every matching course.
import { AVAILABILITIES, type Availability } from '../../catalog/course.ts'
import { PostingStore, type PostingState } from './posting-list.ts'
import { ROW_FACETS, type RowFacet } from './facets.ts'
import { grown } from './typed-arrays.ts'

export { ROW_FACETS, type RowFacet } from './facets.ts'

export interface FacetRowsState {
  names: string[]
  facetOf: Uint8Array
  values: Uint32Array
  used: number
  starts: Int32Array
  ends: Int32Array
  availability: Uint8Array
  language: Uint32Array
  subtitles: Uint32Array
  docs: PostingState
}

/** No language value. */
export const NO_VALUE = 0xffffffff
/** A subtitle value numbered past the bits of `subtitles`: its row must be read. */
export const OTHER_SUBTITLES = 1 << 31

export class FacetRows {
  private readonly ids = new Map<string, number>()
  /** Value number → its name (within its facet) and its facet (index in ROW_FACETS). */
  readonly names: string[] = []
  facetOf: Uint8Array = new Uint8Array(64)
  values: Uint32Array = new Uint32Array(4096)
  used = 0
  starts: Int32Array = new Int32Array(1024)
  ends: Int32Array = new Int32Array(1024)
  /** Per document, bit i set when it is AVAILABILITIES[i] today. */
  availability: Uint8Array = new Uint8Array(1024)
  /** Per document, its language's value number (NO_VALUE when none)… */
  language: Uint32Array = new Uint32Array(1024).fill(NO_VALUE)
  /** …and a bit per subtitle language, bit i for the i-th subtitle value (see subtitleBit). */
  subtitles: Uint32Array = new Uint32Array(1024)
  /** Subtitle value number → its bit in `subtitles` (OTHER_SUBTITLES past the 31st). */
  private readonly subtitleBits = new Map<number, number>()
  /** Bitmaps of the values one document in DENSE or more has (see bitmap()). */
  private readonly bitmaps = new Map<number, Uint32Array>()
  /** Per value, the documents that have it, in document order (for filters over many documents). */
  docs = new PostingStore()

  /** The number of a facet's value, or undefined if no document ever had it. */
  valueId(facet: RowFacet, name: string): number | undefined {
    return this.ids.get(key(facet, name))
  }

  /** Every value number of a facet, with its name. */
  valuesOf(facet: RowFacet): { id: number; name: string }[] {
    const f = ROW_FACETS.indexOf(facet)
    const found: { id: number; name: string }[] = []
    this.names.forEach((name, id) => {
      if (this.facetOf[id] === f) found.push({ id, name })
    })
    return found
  }

  set(doc: number, row: Record<RowFacet, readonly string[]>): void {
    this.ensureDocs(doc + 1)
    const ids = new Set<number>()
    for (const facet of ROW_FACETS) {
      const names = facet === 'subject' ? row.subject.flatMap(subjectLevels) : row[facet]
      for (const name of names) ids.add(this.intern(facet, name))
    }
    this.values = grown(this.values, this.used + ids.size, (n) => new Uint32Array(n))
    this.starts[doc] = this.used
    this.language[doc] = row.language.length > 0 ? this.intern('language', row.language[0] ?? '') : NO_VALUE
    this.subtitles[doc] = row.subtitle.reduce(
      (bits, name) => bits | this.subtitleBit(this.intern('subtitle', name)),
      0,
    )
    for (const id of ids) {
      this.values[this.used++] = id
      this.docs.add(id, doc, 0)
      const bits = this.bitmaps.get(id)
      if (bits && doc >>> 5 < bits.length) bits[doc >>> 5] = (bits[doc >>> 5] ?? 0) | (1 << (doc & 31))
      else if (bits) this.bitmaps.delete(id)
    }
    this.ends[doc] = this.used
  }

  setAvailability(doc: number, values: readonly Availability[]): void {
    this.ensureDocs(doc + 1)
    let mask = 0
    for (const value of values) mask |= 1 << AVAILABILITIES.indexOf(value)
    this.availability[doc] = mask
  }

  /** A subtitle value's bit in `subtitles`. */
  subtitleBit(value: number): number {
    let bit = this.subtitleBits.get(value)
    if (bit === undefined) {
      bit = this.subtitleBits.size < 31 ? 1 << this.subtitleBits.size : OTHER_SUBTITLES
      this.subtitleBits.set(value, bit)
    }
    return bit
  }

  /**
   * A bitmap (one bit per document, `documents` of them) of the documents having one of `values`.
   * Values most documents have keep theirs, updated as documents come (filtering on the language
   * of half the catalog would otherwise mean reading half a million document numbers): one such
   * value is answered with its own bitmap, which must not be changed.
   */
  bitmap(values: readonly number[], documents: number): Uint32Array {
    const words = Math.ceil(documents / 32) + 1
    const kept = values.length === 1 ? this.keptBitmap(values[0] ?? 0, documents) : undefined
    if (kept) return kept
    const bits = new Uint32Array(words)
    for (const value of values) {
      const own = this.keptBitmap(value, documents)
      if (own) for (let w = 0; w < words; w++) bits[w] = (bits[w] ?? 0) | (own[w] ?? 0)
      else this.docs.blocks(value, (docs, _, from, to) => setBits(bits, docs, from, to))
    }
    return bits
  }

  private keptBitmap(value: number, documents: number): Uint32Array | undefined {
    let bits = this.bitmaps.get(value)
    if (!bits && this.docs.count(value) * DENSE >= documents && documents >= DENSE_FROM) {
      bits = new Uint32Array(Math.ceil(documents / 32) + 1)
      const own = bits
      this.docs.blocks(value, (docs, _, from, to) => setBits(own, docs, from, to))
      this.bitmaps.set(value, bits)
    }
    if (bits && bits.length * 32 <= documents) {
      bits = grown(bits, Math.ceil(documents / 32) + 1, (n) => new Uint32Array(n))
      this.bitmaps.set(value, bits)
    }
    return bits
  }

  /** The value numbers of a document's row (a view). */
  row(doc: number): Uint32Array {
    return this.values.subarray(this.starts[doc] ?? 0, this.ends[doc] ?? 0)
  }

  /** Keeps the rows of the documents still there, renumbered (`remap[old]` = new or -1). */
  compacted(remap: Int32Array, documents: number): FacetRows {
    const next = FacetRows.fromState({ ...this.toState(), values: new Uint32Array(this.used), used: 0 })
    next.docs = this.docs.compacted(remap, this.names.length)
    next.starts = new Int32Array(Math.max(1024, documents))
    next.ends = new Int32Array(Math.max(1024, documents))
    next.availability = new Uint8Array(Math.max(1024, documents))
    next.language = new Uint32Array(Math.max(1024, documents)).fill(NO_VALUE)
    next.subtitles = new Uint32Array(Math.max(1024, documents))
    for (let old = 0; old < remap.length; old++) {
      const doc = remap[old] ?? -1
      if (doc < 0) continue
      const own = this.row(old)
      next.starts[doc] = next.used
      next.values.set(own, next.used)
      next.used += own.length
      next.ends[doc] = next.used
      next.availability[doc] = this.availability[old] ?? 0
      next.language[doc] = this.language[old] ?? NO_VALUE
      next.subtitles[doc] = this.subtitles[old] ?? 0
    }
    return next
  }

  toState(): FacetRowsState {
    const { names, facetOf, values, used, starts, ends, availability, language, subtitles } = this
    const docs = this.docs.toState()
    return { names, facetOf, values, used, starts, ends, availability, language, subtitles, docs }
  }

  static fromState(state: FacetRowsState): FacetRows {
    const rows = new FacetRows()
    state.names.forEach((name, id) => {
      rows.names.push(name)
      rows.ids.set(key(ROW_FACETS[state.facetOf[id] ?? 0] ?? 'subject', name), id)
    })
    rows.facetOf = state.facetOf
    rows.values = state.values
    rows.used = state.used
    rows.starts = state.starts
    rows.ends = state.ends
    rows.availability = state.availability
    rows.language = state.language
    rows.subtitles = state.subtitles
    // Subtitle bits were handed out in the order subtitle values were first seen: the same order.
    state.names.forEach((_, id) => {
      if (ROW_FACETS[state.facetOf[id] ?? 0] === 'subtitle') rows.subtitleBit(id)
    })
    rows.docs = PostingStore.fromState(state.docs)
    return rows
  }

  private intern(facet: RowFacet, name: string): number {
    const k = key(facet, name)
    let id = this.ids.get(k)
    if (id === undefined) {
      id = this.names.length
      this.ids.set(k, id)
      this.names.push(name)
      this.facetOf = grown(this.facetOf, id + 1, (n) => new Uint8Array(n))
      this.facetOf[id] = ROW_FACETS.indexOf(facet)
    }
    return id
  }

  private ensureDocs(needed: number): void {
    this.starts = grown(this.starts, needed, (n) => new Int32Array(n))
    this.ends = grown(this.ends, needed, (n) => new Int32Array(n))
    this.availability = grown(this.availability, needed, (n) => new Uint8Array(n))
    this.language = grown(this.language, needed, (n) => new Uint32Array(n).fill(NO_VALUE))
    this.subtitles = grown(this.subtitles, needed, (n) => new Uint32Array(n))
  }
}

/** A value one document in this many has keeps a bitmap… */
const DENSE = 32
/** …once there are this many documents. */
const DENSE_FROM = 10_000

function setBits(bits: Uint32Array, docs: Int32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const doc = docs[i] ?? 0
    bits[doc >>> 5] = (bits[doc >>> 5] ?? 0) | (1 << (doc & 31))
  }
}

function key(facet: RowFacet, name: string): string {
  return `${facet}\u0000${name}`
}

/** An ISCED-F code and the broader fields it belongs to: "0613" → "06", "061", "0613". */
function subjectLevels(code: string): string[] {
  return [...new Set([code.slice(0, 2), code.slice(0, 3), code])]
}
