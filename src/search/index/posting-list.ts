// The documents a term occurs in, in the order they were added, each with its quantized BM25F
// weight (0–255): typed arrays that grow by half, 5 bytes a posting.
export class PostingList {
  docs: Int32Array
  weights: Uint8Array
  length = 0

  constructor(capacity = 4) {
    this.docs = new Int32Array(capacity)
    this.weights = new Uint8Array(capacity)
  }

  add(doc: number, weight: number): void {
    if (this.length === this.docs.length) this.grow(Math.max(4, Math.ceil(this.length * 1.5)))
    this.docs[this.length] = doc
    this.weights[this.length] = weight
    this.length++
  }

  /** Drops postings of documents that are gone and renumbers the rest (`remap[old]` = new or -1). */
  compact(remap: Int32Array): void {
    let kept = 0
    for (let i = 0; i < this.length; i++) {
      const doc = remap[this.docs[i] ?? -1] ?? -1
      if (doc < 0) continue
      this.docs[kept] = doc
      this.weights[kept] = this.weights[i] ?? 0
      kept++
    }
    this.length = kept
    this.trim()
  }

  /** Gives back the spare capacity, after a bulk build. */
  trim(): void {
    if (this.docs.length > this.length) this.grow(this.length)
  }

  private grow(capacity: number): void {
    const docs = new Int32Array(capacity)
    docs.set(this.docs.subarray(0, Math.min(this.length, capacity)))
    const weights = new Uint8Array(capacity)
    weights.set(this.weights.subarray(0, Math.min(this.length, capacity)))
    this.docs = docs
    this.weights = weights
  }
}
