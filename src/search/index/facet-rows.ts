// Every facet value of every document in one row per document: values of all facets are numbered
// together, so filtering and counting a document is one pass over a few adjacent numbers instead
// of one lookup per facet (the loop runs over every matching document). Subjects are stored at
// every ISCED-F level they belong to ("0613" also as "061" and "06"), so a subject filter and the
// counts of every level are plain value lookups. Availability changes with the day, not with the
// course: it lives apart, as a bit mask per document.
import { AVAILABILITIES, type Availability } from '../../catalog/course.ts'
import { grown } from './typed-arrays.ts'

/** Facets stored in rows: every facet but availability. */
export const ROW_FACETS = [
  'subject',
  'language',
  'subtitle',
  'institution',
  'platform',
  'level',
  'access',
  'certificate',
] as const
export type RowFacet = (typeof ROW_FACETS)[number]

export interface FacetRowsState {
  names: string[]
  facetOf: Uint8Array
  values: Uint32Array
  used: number
  starts: Int32Array
  ends: Int32Array
  availability: Uint8Array
}

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
    for (const id of ids) this.values[this.used++] = id
    this.ends[doc] = this.used
  }

  setAvailability(doc: number, values: readonly Availability[]): void {
    this.ensureDocs(doc + 1)
    let mask = 0
    for (const value of values) mask |= 1 << AVAILABILITIES.indexOf(value)
    this.availability[doc] = mask
  }

  /** The value numbers of a document's row (a view). */
  row(doc: number): Uint32Array {
    return this.values.subarray(this.starts[doc] ?? 0, this.ends[doc] ?? 0)
  }

  /** Keeps the rows of the documents still there, renumbered (`remap[old]` = new or -1). */
  compacted(remap: Int32Array, documents: number): FacetRows {
    const next = FacetRows.fromState({ ...this.toState(), values: new Uint32Array(this.used), used: 0 })
    next.starts = new Int32Array(Math.max(1024, documents))
    next.ends = new Int32Array(Math.max(1024, documents))
    next.availability = new Uint8Array(Math.max(1024, documents))
    for (let old = 0; old < remap.length; old++) {
      const doc = remap[old] ?? -1
      if (doc < 0) continue
      const own = this.row(old)
      next.starts[doc] = next.used
      next.values.set(own, next.used)
      next.used += own.length
      next.ends[doc] = next.used
      next.availability[doc] = this.availability[old] ?? 0
    }
    return next
  }

  toState(): FacetRowsState {
    const { names, facetOf, values, used, starts, ends, availability } = this
    return { names, facetOf, values, used, starts, ends, availability }
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
  }
}

function key(facet: RowFacet, name: string): string {
  return `${facet}\u0000${name}`
}

/** An ISCED-F code and the broader fields it belongs to: "0613" → "06", "061", "0613". */
function subjectLevels(code: string): string[] {
  return [...new Set([code.slice(0, 2), code.slice(0, 3), code])]
}
