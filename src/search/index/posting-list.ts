// Every term's postings (document number + quantized BM25F weight) in shared typed-array chunks:
// a term owns a chain of blocks that double in size as it grows (4, 8, ... 4,096 postings), so a
// rare term costs a few bytes, not a pair of arrays, and adding a document never copies a list.

/** Postings per chunk: 4 MiB of document numbers and 1 MiB of weights. */
const CHUNK = 1 << 20
/** A block holds its next block's address and its capacity before its postings. */
const HEADER = 2
const FIRST_BLOCK = 4
const LARGEST_BLOCK = 4096

import { grown } from './typed-arrays.ts'

export interface PostingState {
  docs: Int32Array[]
  weights: Uint8Array[]
  used: number
  first: Int32Array
  last: Int32Array
  fill: Int32Array
  counts: Int32Array
}

export class PostingStore {
  private docs: Int32Array[] = []
  private weights: Uint8Array[] = []
  private used = CHUNK
  private first: Int32Array = new Int32Array(1024).fill(-1)
  private last: Int32Array = new Int32Array(1024).fill(-1)
  private fill: Int32Array = new Int32Array(1024)
  private counts: Int32Array = new Int32Array(1024)

  /** How many postings a term has (documents gone since the last compaction included). */
  count(term: number): number {
    return this.counts[term] ?? 0
  }

  add(term: number, doc: number, weight: number): void {
    this.ensureTerm(term)
    let block = this.last[term] ?? -1
    if (block === -1 || (this.fill[term] ?? 0) === this.capacity(block)) {
      const size = block === -1 ? FIRST_BLOCK : Math.min(LARGEST_BLOCK, this.capacity(block) * 2)
      const next = this.allocate(size)
      if (block === -1) this.first[term] = next
      else this.setWord(block, 0, next)
      this.last[term] = next
      this.fill[term] = 0
      block = next
    }
    const at = block + HEADER + (this.fill[term] ?? 0)
    const chunk = Math.floor(at / CHUNK)
    const docs = this.docs[chunk]
    const weights = this.weights[chunk]
    if (docs && weights) {
      docs[at % CHUNK] = doc
      weights[at % CHUNK] = weight
    }
    this.fill[term] = (this.fill[term] ?? 0) + 1
    this.counts[term] = (this.counts[term] ?? 0) + 1
  }

  /**
   * Calls `visit` with each block of a term's postings, oldest first: the postings are
   * `docs[from..to)` with `weights[from..to)` (the loop over them stays in the caller, where it is fast).
   */
  blocks(
    term: number,
    visit: (docs: Int32Array, weights: Uint8Array, from: number, to: number) => void,
  ): void {
    for (let block = this.first[term] ?? -1; block !== -1;) {
      const chunk = Math.floor(block / CHUNK)
      const docs = this.docs[chunk]
      const weights = this.weights[chunk]
      if (!docs || !weights) return
      const base = block % CHUNK
      const n = block === this.last[term] ? (this.fill[term] ?? 0) : (docs[base + 1] ?? 0)
      visit(docs, weights, base + HEADER, base + HEADER + n)
      block = docs[base] ?? -1
    }
  }

  /** Calls `visit` with each posting of a term, oldest first. */
  scan(term: number, visit: (doc: number, weight: number) => void): void {
    this.blocks(term, (docs, weights, from, to) => {
      for (let i = from; i < to; i++) visit(docs[i] ?? 0, weights[i] ?? 0)
    })
  }

  /** The same postings without documents that are gone, renumbered (`remap[old]` = new or -1). */
  compacted(remap: Int32Array, terms: number): PostingStore {
    const next = new PostingStore()
    for (let term = 0; term < terms; term++)
      this.scan(term, (doc, weight) => {
        const renumbered = remap[doc] ?? -1
        if (renumbered >= 0) next.add(term, renumbered, weight)
      })
    return next
  }

  /** Everything the store holds, as plain values and typed arrays (for a snapshot). */
  toState(): PostingState {
    return {
      docs: this.docs,
      weights: this.weights,
      used: this.used,
      first: this.first,
      last: this.last,
      fill: this.fill,
      counts: this.counts,
    }
  }

  static fromState(state: PostingState): PostingStore {
    const store = new PostingStore()
    store.docs = state.docs
    store.weights = state.weights
    store.used = state.used
    store.first = state.first
    store.last = state.last
    store.fill = state.fill
    store.counts = state.counts
    return store
  }

  /** Bytes held by the chunks. */
  get bytes(): number {
    return this.docs.length * CHUNK * 5
  }

  private capacity(block: number): number {
    return this.docs[Math.floor(block / CHUNK)]?.[(block % CHUNK) + 1] ?? 0
  }

  private setWord(block: number, offset: number, value: number): void {
    const docs = this.docs[Math.floor(block / CHUNK)]
    if (docs) docs[(block % CHUNK) + offset] = value
  }

  private allocate(size: number): number {
    if (this.used + HEADER + size > CHUNK) {
      this.docs.push(new Int32Array(CHUNK))
      this.weights.push(new Uint8Array(CHUNK))
      this.used = 0
    }
    const block = (this.docs.length - 1) * CHUNK + this.used
    this.used += HEADER + size
    this.setWord(block, 0, -1)
    this.setWord(block, 1, size)
    return block
  }

  private ensureTerm(term: number): void {
    if (term < this.counts.length) return
    this.first = grown(this.first, term + 1, none)
    this.last = grown(this.last, term + 1, none)
    this.fill = grown(this.fill, term + 1, zero)
    this.counts = grown(this.counts, term + 1, zero)
  }
}

const none = (n: number): Int32Array => new Int32Array(n).fill(-1)
const zero = (n: number): Int32Array => new Int32Array(n)
