// One facet of every document: the values a document has (several for subjects, platforms, ...),
// interned as small numbers and stored back to back (a document's values sit at [start, end)).
import { grown } from './typed-arrays.ts'

export interface FacetState {
  names: string[]
  values: Uint16Array
  used: number
  starts: Int32Array
  ends: Int32Array
}

export class FacetColumn {
  private readonly ids = new Map<string, number>()
  readonly names: string[] = []
  private values: Uint16Array = new Uint16Array(1024)
  private used = 0
  private starts: Int32Array = new Int32Array(1024)
  private ends: Int32Array = new Int32Array(1024)

  toState(): FacetState {
    return { names: this.names, values: this.values, used: this.used, starts: this.starts, ends: this.ends }
  }

  static fromState(state: FacetState): FacetColumn {
    const column = new FacetColumn()
    state.names.forEach((name) => column.intern(name))
    column.values = state.values
    column.used = state.used
    column.starts = state.starts
    column.ends = state.ends
    return column
  }

  /** The number of a value, or undefined if no document ever had it. */
  valueId(name: string): number | undefined {
    return this.ids.get(name)
  }

  set(doc: number, names: readonly string[]): void {
    if (doc >= this.starts.length) {
      this.starts = grown(this.starts, doc + 1, (n) => new Int32Array(n))
      this.ends = grown(this.ends, doc + 1, (n) => new Int32Array(n))
    }
    const unique = [...new Set(names)]
    if (this.used + unique.length > this.values.length)
      this.values = grown(this.values, this.used + unique.length, (n) => new Uint16Array(n))
    this.starts[doc] = this.used
    for (const name of unique) this.values[this.used++] = this.intern(name)
    this.ends[doc] = this.used
  }

  /** The raw columns, for loops that must not allocate: document d's values are values[starts[d]..ends[d]). */
  get raw(): { values: Uint16Array; starts: Int32Array; ends: Int32Array } {
    return { values: this.values, starts: this.starts, ends: this.ends }
  }

  /** Whether a document has one of the values marked in `wanted` (a lookup by value number). */
  hasAny(doc: number, wanted: Uint8Array): boolean {
    for (let i = this.starts[doc] ?? 0; i < (this.ends[doc] ?? 0); i++)
      if (wanted[this.values[i] ?? 0]) return true
    return false
  }

  /** The value numbers of a document (a view: copy it to keep it). */
  of(doc: number): Uint16Array {
    return this.values.subarray(this.starts[doc] ?? 0, this.ends[doc] ?? 0)
  }

  /** Keeps the values of the documents still there, renumbered (`remap[old]` = new or -1). */
  compact(remap: Int32Array, documents: number): void {
    const values = new Uint16Array(Math.max(1024, this.used))
    const starts = new Int32Array(Math.max(1024, documents))
    const ends = new Int32Array(Math.max(1024, documents))
    let used = 0
    for (let old = 0; old < remap.length; old++) {
      const doc = remap[old] ?? -1
      if (doc < 0) continue
      const own = this.of(old)
      starts[doc] = used
      values.set(own, used)
      used += own.length
      ends[doc] = used
    }
    this.values = values
    this.starts = starts
    this.ends = ends
    this.used = used
  }

  private intern(name: string): number {
    let id = this.ids.get(name)
    if (id === undefined) {
      if (this.names.length >= 0xffff) throw new Error('a facet holds at most 65,535 distinct values')
      id = this.names.length
      this.ids.set(name, id)
      this.names.push(name)
    }
    return id
  }
}
