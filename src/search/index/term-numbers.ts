// Short numbers for (term, surface) pairs, so that an analysis worker sends each pair's strings once
// and then only its number, and the main thread looks the pair up in an array instead of hashing its
// strings again. A worker numbers pairs in generations of at most `limit`, so neither side keeps more
// than that; the main thread keeps, per worker, what each number's term id is.
import type { Vocabulary } from './vocabulary.ts'

/** Pairs a worker numbers before it starts again from 0 (bounds memory on both sides). */
export const PAIRS_PER_GENERATION = 1 << 18

/** A worker's side: numbers pairs as they come. */
export class PairNumbering {
  generation = 0
  private readonly numbers = new Map<string, number[]>()
  private surfaces: string[] = []
  /** Pairs numbered since `take` was last called, the first of them numbered `first`. */
  private fresh: Fresh = { first: 0, terms: [], surfaces: [] }

  constructor(private readonly limit = PAIRS_PER_GENERATION) {}

  /** Before a batch: a new generation, numbered from 0 again, when this one is full. */
  startBatch(): void {
    if (this.surfaces.length < this.limit) return
    this.generation++
    this.numbers.clear()
    this.surfaces = []
    this.fresh = { first: 0, terms: [], surfaces: [] }
  }

  number(term: string, surface: string): number {
    const known = this.numbers.get(term)
    if (known) for (const n of known) if (this.surfaces[n] === surface) return n
    const n = this.surfaces.length
    this.surfaces.push(surface)
    if (known) known.push(n)
    else this.numbers.set(term, [n])
    this.fresh.terms.push(term)
    this.fresh.surfaces.push(surface)
    return n
  }

  /**
   * The pairs numbered since the last call, in number order (after a batch that failed, also those
   * it numbered: the other side learns every number in order).
   */
  take(): Fresh {
    const fresh = this.fresh
    this.fresh = { first: this.surfaces.length, terms: [], surfaces: [] }
    return fresh
  }
}

interface Fresh {
  first: number
  terms: string[]
  surfaces: string[]
}

/** The main thread's side, for one worker's generation: pair number → term id in the index. */
export class PairTermIds {
  private readonly terms: string[] = []
  private readonly surfaces: string[] = []
  private readonly ids: number[] = []

  constructor(readonly generation: number) {}

  /** Learns the pairs a batch numbered first, from number `first` on. */
  learn(first: number, terms: readonly string[], surfaces: readonly string[]): void {
    if (first !== this.terms.length)
      throw new Error(`pair numbers out of step: ${first}, ${this.terms.length}`)
    terms.forEach((term, i) => {
      this.terms.push(term)
      this.surfaces.push(surfaces[i] ?? '')
      this.ids.push(-1)
    })
  }

  /** The term id of pair `n`, interned (with its surface) the first time it is asked for. */
  termId(vocabulary: Vocabulary, n: number): number {
    const id = this.ids[n] ?? -1
    if (id >= 0) return id
    const interned = vocabulary.intern(this.terms[n] ?? '', this.surfaces[n] ?? '')
    this.ids[n] = interned
    return interned
  }
}
