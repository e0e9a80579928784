// The index's terms: each term's id and postings, and the surface forms (unstemmed words) that
// lead to it, kept per first character in sorted order for prefix and typo lookups, and filed by
// short keys for typos in the first letter.
import { FirstLetterTypos } from './first-letter-typos.ts'
import { PostingStore } from './posting-list.ts'

export class Vocabulary {
  private readonly ids = new Map<string, number>()
  postings = new PostingStore()
  readonly terms: string[] = []
  private readonly surfaceTerms = new Map<string, number[]>()
  /** Surfaces by first character; a bucket is sorted again on its first lookup after additions. */
  private readonly buckets = new Map<string, { list: string[]; sorted: boolean }>()
  /** Surfaces in the order they came, numbered for `firstLetterTypos`. */
  private readonly surfaces: string[] = []
  private readonly firstLetterTypos = new FirstLetterTypos((id) => this.surfaces[id] ?? '')

  get size(): number {
    return this.terms.length
  }

  termId(term: string): number | undefined {
    return this.ids.get(term)
  }

  /** The id of `term`, added when new; `surface` is remembered as a way to reach it. */
  intern(term: string, surface: string): number {
    let id = this.ids.get(term)
    if (id === undefined) {
      id = this.terms.length
      this.ids.set(term, id)
      this.terms.push(term)
    }
    const known = this.surfaceTerms.get(surface)
    if (!known) {
      this.surfaceTerms.set(surface, [id])
      this.insertSurface(surface)
    } else if (!known.includes(id)) known.push(id)
    return id
  }

  /** Terms and surfaces (postings are saved by their store). */
  toState(): { terms: string[]; surfaces: [string, number[]][] } {
    return { terms: this.terms, surfaces: [...this.surfaceTerms] }
  }

  static fromState(
    state: { terms: string[]; surfaces: [string, number[]][] },
    postings: PostingStore,
  ): Vocabulary {
    const vocabulary = new Vocabulary()
    vocabulary.postings = postings
    for (const term of state.terms) {
      vocabulary.ids.set(term, vocabulary.terms.length)
      vocabulary.terms.push(term)
    }
    for (const [surface, ids] of state.surfaces) {
      vocabulary.surfaceTerms.set(surface, ids)
      vocabulary.insertSurface(surface)
    }
    return vocabulary
  }

  /** Terms a surface form leads to. */
  termsOfSurface(surface: string): readonly number[] {
    return this.surfaceTerms.get(surface) ?? []
  }

  /** Whether a surface other than `prefix` itself starts with it. */
  hasPrefix(prefix: string): boolean {
    const bucket = this.bucket(prefix)
    const at = lowerBound(bucket, prefix)
    const found = bucket[at] === prefix ? bucket[at + 1] : bucket[at]
    return found?.startsWith(prefix) ?? false
  }

  /** Surfaces starting with `prefix`, most frequent first, at most `limit`. */
  withPrefix(prefix: string, limit: number): string[] {
    const bucket = this.bucket(prefix)
    // The best `limit` so far, most frequent first: a short prefix starts thousands of surfaces,
    // and sorting them all (working out frequencies again in every comparison) cost milliseconds.
    const best: { surface: string; frequency: number }[] = []
    for (let i = lowerBound(bucket, prefix); i < bucket.length; i++) {
      const surface = bucket[i] ?? ''
      if (!surface.startsWith(prefix)) break
      const frequency = this.frequency(surface)
      if (best.length === limit && frequency <= (best[limit - 1]?.frequency ?? 0)) continue
      // Surfaces come in sorted order: among equal frequencies the one already kept comes first.
      let at = best.length
      while (at > 0 && (best[at - 1]?.frequency ?? 0) < frequency) at--
      best.splice(at, 0, { surface, frequency })
      if (best.length > limit) best.pop()
    }
    return best.map((b) => b.surface)
  }

  /**
   * Surfaces with a length within `maxEdits` of `word`'s that may be near misses of it: those sharing
   * its first character, and those one typo in the first letter away within their first characters
   * (so a second typo is found only further on). Each once, never `word` itself.
   */
  *candidates(word: string, maxEdits: number): Generator<string> {
    const near = (surface: string) => Math.abs(surface.length - word.length) <= maxEdits && surface !== word
    for (const surface of this.bucket(word)) if (near(surface)) yield surface
    const first = firstChar(word)
    const seen = new Set<number>()
    for (const id of this.firstLetterTypos.lookup(word, maxEdits)) {
      const surface = this.surfaces[id]
      if (surface === undefined || seen.has(id) || firstChar(surface) === first) continue
      seen.add(id)
      if (near(surface)) yield surface
    }
  }

  /** How many documents a surface's terms occur in (an upper bound when it has several). */
  frequency(surface: string): number {
    let total = 0
    for (const id of this.termsOfSurface(surface)) total += this.postings.count(id)
    return total
  }

  private insertSurface(surface: string): void {
    this.firstLetterTypos.add(surface, this.surfaces.length)
    this.surfaces.push(surface)
    const key = firstChar(surface)
    const bucket = this.buckets.get(key)
    if (bucket) {
      bucket.list.push(surface)
      bucket.sorted = false
    } else this.buckets.set(key, { list: [surface], sorted: true })
  }

  private bucket(word: string): readonly string[] {
    const bucket = this.buckets.get(firstChar(word))
    if (!bucket) return []
    if (!bucket.sorted) {
      bucket.list.sort()
      bucket.sorted = true
    }
    return bucket.list
  }
}

function firstChar(text: string): string {
  const code = text.codePointAt(0)
  return code === undefined ? '' : String.fromCodePoint(code)
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((sorted[mid] ?? '') < value) low = mid + 1
    else high = mid
  }
  return low
}
