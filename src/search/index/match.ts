// Scores the documents matching a query plan, term at a time: each word position counts once (its
// best expansion). A title with two query words side by side scores PHRASE_BOOST times more: the
// caller applies that (see boostPhrases), for all matches or only those that may rank. The buffers live in a
// workspace reused by every query (a search runs to its end without yielding), so a query over a
// million documents allocates nothing and clears only what it touched.
import type { QueryPlan } from './query-plan.ts'
import { best, first, fold } from './match-loops.ts'
import type { SearchIndex } from './search-index.ts'

/** A course whose title has two query words side by side scores this many times more. */
export const PHRASE_BOOST = 1.5
/** Touched more than one document in this many, a clear zeroes every one. */
const CLEAR_ALL = 8

export class Workspace {
  /** The text score of each document touched. */
  sum = new Float32Array(0)
  /** Which word positions each touched document matched (bit per position). */
  mask = new Uint16Array(0)
  /** The best expansion of the current position, per document. */
  private scratch = new Float32Array(0)
  private touched = new Int32Array(0)
  /** Documents touched since the last clear. */
  seen = new Int32Array(0)
  seenCount = 0
  /** The documents matched, after match(). */
  found = new Int32Array(0)
  foundCount = 0
  /** One bit per document, for putting `found` in document order. */
  private bits = new Uint32Array(0)
  /** `found` is in document order already (one word's postings are): no sorting needed. */
  private inOrder = false

  /** Room for `documents` documents (buffers only grow). */
  ensure(documents: number): void {
    if (this.sum.length >= documents) return
    const n = Math.max(documents, Math.ceil(this.sum.length * 1.25))
    this.sum = new Float32Array(n)
    this.mask = new Uint16Array(n)
    this.scratch = new Float32Array(n)
    this.touched = new Int32Array(n)
    this.seen = new Int32Array(n)
    this.found = new Int32Array(n)
    this.bits = new Uint32Array(Math.ceil(n / 32))
    this.seenCount = 0
    this.foundCount = 0
  }

  /** Zeroes everything (after a search that did not finish). */
  wipe(): void {
    this.sum.fill(0)
    this.mask.fill(0)
    this.scratch.fill(0)
    this.bits.fill(0)
    this.seenCount = 0
    this.foundCount = 0
  }

  /** Zeroes what the last match touched. */
  clear(): void {
    if (this.seenCount * CLEAR_ALL > this.sum.length) {
      // Zeroing everything in one sweep is faster than finding a large share of it one by one.
      this.sum.fill(0)
      this.mask.fill(0)
      this.seenCount = 0
      this.foundCount = 0
      return
    }
    for (let i = 0; i < this.seenCount; i++) {
      const doc = this.seen[i] ?? 0
      this.sum[doc] = 0
      this.mask[doc] = 0
    }
    this.seenCount = 0
    this.foundCount = 0
  }

  /**
   * Scores the documents matching `plan` into `sum` and lists them in `found`: those matching every
   * position; failing that (when `relax`), those matching any, scaled by the share they match.
   * Returns whether the result was relaxed.
   */
  match(index: SearchIndex, plan: QueryPlan, relax: boolean): boolean {
    this.ensure(index.documents)
    this.clear()
    // A word typed twice is one position; the rarest position goes first, so a strict pass only
    // needs the documents it found.
    const distinct = new Map<string, number>()
    plan.positions.forEach((position, p) => {
      const key = position.expansions
        .map((e) => e.termId)
        .sort((a, b) => a - b)
        .join(' ')
      if (!distinct.has(key)) distinct.set(key, p)
    })
    const positions = distinct.size
    if (positions === 0) return false
    const order = [...distinct.values()]
      .map((p, bit) => ({ p, bit, postings: postingsOf(index, plan.positions[p]?.expansions ?? []) }))
      .sort((a, b) => a.postings - b.postings)
    this.score(index, plan, order, true)
    this.keep((1 << positions) - 1)
    if (this.foundCount > 0 || !relax || positions === 1) {
      if (!this.inOrder) this.sortFound()
      return false
    }
    this.clear()
    this.score(index, plan, order, false)
    for (let i = 0; i < this.seenCount; i++) {
      const doc = this.seen[i] ?? 0
      this.sum[doc] = (this.sum[doc] ?? 0) * (popcount(this.mask[doc] ?? 0) / positions)
    }
    this.keep(0)
    if (!this.inOrder) this.sortFound()
    return this.foundCount > 0
  }

  private score(
    index: SearchIndex,
    plan: QueryPlan,
    order: { p: number; bit: number }[],
    strict: boolean,
  ): void {
    const n = index.documents
    const postings = index.vocabulary.postings
    const alive = index.alive
    order.forEach(({ p, bit }, step) => {
      const position = plan.positions[p]
      if (!position) return
      if (step === 0) {
        // Nothing is scored yet: each document's best expansion goes straight into its sum.
        for (const { termId, factor } of position.expansions) {
          const weight = (idf(n, postings.count(termId)) * factor) / 255
          postings.blocks(termId, (docs, weights, from, to) => {
            this.seenCount = first(docs, weights, from, to, weight, alive, this, 1 << bit)
          })
        }
        return
      }
      // After the first position a strict pass only adds to documents already seen.
      const known = strict
      let touched = 0
      for (const { termId, factor } of position.expansions) {
        const weight = (idf(n, postings.count(termId)) * factor) / 255
        postings.blocks(termId, (docs, weights, from, to) => {
          touched = best(
            docs,
            weights,
            from,
            to,
            weight,
            alive,
            this.mask,
            known,
            this.scratch,
            this.touched,
            touched,
          )
        })
      }
      this.seenCount = fold(
        this.touched,
        touched,
        this.scratch,
        this.sum,
        this.mask,
        1 << bit,
        this.seen,
        this.seenCount,
      )
    })
  }

  /**
   * Puts `found` in document order, through a bitmap (linear, no comparisons): every later pass
   * over the documents' arrays then reads memory forward instead of jumping around it, which at a
   * million documents is most of their cost.
   */
  sortFound(): void {
    const { bits, found } = this
    if (this.foundCount < 2) return
    for (let i = 0; i < this.foundCount; i++) {
      const doc = found[i] ?? 0
      bits[doc >>> 5] = (bits[doc >>> 5] ?? 0) | (1 << (doc & 31))
    }
    let k = 0
    for (let w = 0; w < bits.length && k < this.foundCount; w++) {
      let word = bits[w] ?? 0
      if (word === 0) continue
      bits[w] = 0
      while (word !== 0) {
        const low = word & -word
        found[k++] = (w << 5) | (31 - Math.clz32(low))
        word ^= low
      }
    }
  }

  /** Multiplies the scores of the matches whose title has two query words side by side. */
  boostPhrases(index: SearchIndex, plan: QueryPlan): void {
    if (plan.pairs.size === 0) return
    const pairs = Uint32Array.from(plan.pairs)
    for (let i = 0; i < this.foundCount; i++) {
      const doc = this.found[i] ?? 0
      if (index.titlePairs.hasAny(doc, pairs)) this.sum[doc] = (this.sum[doc] ?? 0) * PHRASE_BOOST
    }
  }

  /** Lists in `found` the seen documents whose mask covers `all` (0: every seen document). */
  private keep(all: number): void {
    let k = 0
    let last = -1
    let inOrder = true
    for (let i = 0; i < this.seenCount; i++) {
      const doc = this.seen[i] ?? 0
      if (((this.mask[doc] ?? 0) & all) !== all) continue
      this.found[k++] = doc
      if (doc < last) inOrder = false
      last = doc
    }
    this.foundCount = k
    this.inOrder = inOrder
  }
}

function postingsOf(index: SearchIndex, expansions: readonly { termId: number }[]): number {
  let total = 0
  for (const { termId } of expansions) total += index.vocabulary.postings.count(termId)
  return total
}

function idf(documents: number, frequency: number): number {
  return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))
}

function popcount(mask: number): number {
  let count = 0
  for (let m = mask; m; m &= m - 1) count++
  return count
}
