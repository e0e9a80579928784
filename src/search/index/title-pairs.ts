// Each document's title as hashed pairs of adjacent terms, for the phrase boost: a query's adjacent
// words that are also adjacent in a title make that course rank higher. About 30 bytes a course.

import { grown } from './typed-arrays.ts'

/** FNV-1a of a text, continuing from `hash` (32 bits, unsigned). */
export function fnv1a(text: string, hash = 0x811c9dc5): number {
  let h = hash
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** FNV-1a over both terms: a 32-bit stand-in for the pair (a rare collision only boosts a little). */
export function pairHash(a: string, b: string): number {
  return fnv1a(b, Math.imul(fnv1a(a) ^ 1, 0x01000193))
}

export class TitlePairs {
  private values: Uint32Array = new Uint32Array(4096)
  private used = 0
  private starts: Int32Array = new Int32Array(1024)
  private ends: Int32Array = new Int32Array(1024)

  set(doc: number, hashes: ArrayLike<number>): void {
    if (doc >= this.starts.length) {
      this.starts = grown(this.starts, doc + 1, (n) => new Int32Array(n))
      this.ends = grown(this.ends, doc + 1, (n) => new Int32Array(n))
    }
    this.values = grown(this.values, this.used + hashes.length, (n) => new Uint32Array(n))
    this.starts[doc] = this.used
    for (let i = 0; i < hashes.length; i++) this.values[this.used++] = hashes[i] ?? 0
    this.ends[doc] = this.used
  }

  toState(): { values: Uint32Array; used: number; starts: Int32Array; ends: Int32Array } {
    return { values: this.values, used: this.used, starts: this.starts, ends: this.ends }
  }

  static fromState(state: {
    values: Uint32Array
    used: number
    starts: Int32Array
    ends: Int32Array
  }): TitlePairs {
    const pairs = new TitlePairs()
    pairs.values = state.values
    pairs.used = state.used
    pairs.starts = state.starts
    pairs.ends = state.ends
    return pairs
  }

  /** Whether the document's title has one of the pairs. */
  hasAny(doc: number, pairs: Uint32Array): boolean {
    for (let i = this.starts[doc] ?? 0; i < (this.ends[doc] ?? 0); i++) {
      const pair = this.values[i] ?? 0
      for (let j = 0; j < pairs.length; j++) if (pairs[j] === pair) return true
    }
    return false
  }

  /** Keeps the pairs of the documents still there, renumbered (`remap[old]` = new or -1). */
  compacted(remap: Int32Array): TitlePairs {
    const next = new TitlePairs()
    for (let old = 0; old < remap.length; old++) {
      const doc = remap[old] ?? -1
      if (doc >= 0) next.set(doc, this.values.subarray(this.starts[old] ?? 0, this.ends[old] ?? 0))
    }
    return next
  }
}
