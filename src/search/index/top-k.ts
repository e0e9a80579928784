// The k best documents by rank (higher first; ties by course id, so results never shuffle), kept
// in a bounded min-heap of typed arrays so a million matches cost one pass, not a sort, and no
// allocation. Callers compare a rank with `floor` before offering: most documents stop there.

export class TopK {
  private readonly docs: Int32Array
  private readonly ranks: Float64Array
  private size = 0
  /** The rank a document must reach to be worth offering (the worst kept, once full). */
  floor = -Infinity

  constructor(
    private readonly k: number,
    private readonly idOf: (doc: number) => string,
  ) {
    this.docs = new Int32Array(Math.max(0, k))
    this.ranks = new Float64Array(Math.max(0, k))
  }

  offer(doc: number, rank: number): void {
    if (this.k <= 0) return
    if (this.size < this.k) {
      this.docs[this.size] = doc
      this.ranks[this.size] = rank
      this.up(this.size++)
    } else if (this.worse(0, doc, rank)) {
      this.docs[0] = doc
      this.ranks[0] = rank
      this.down(0)
    } else return
    if (this.size === this.k) this.floor = this.ranks[0] ?? -Infinity
  }

  /** The kept documents, best first. */
  sorted(): { doc: number; rank: number }[] {
    const kept = Array.from({ length: this.size }, (_, i) => ({
      doc: this.docs[i] ?? 0,
      rank: this.ranks[i] ?? 0,
      id: this.idOf(this.docs[i] ?? 0),
    }))
    kept.sort((a, b) => b.rank - a.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    return kept.map(({ doc, rank }) => ({ doc, rank }))
  }

  /** Whether the entry at `i` is worse than (doc, rank): a lower rank, or equal and a later id. */
  private worse(i: number, doc: number, rank: number): boolean {
    const own = this.ranks[i] ?? 0
    if (own !== rank) return own < rank
    return this.idOf(this.docs[i] ?? 0) > this.idOf(doc)
  }

  private up(start: number): void {
    let i = start
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.worse(i, this.docs[parent] ?? 0, this.ranks[parent] ?? 0)) return
      this.swap(i, parent)
      i = parent
    }
  }

  private down(start: number): void {
    let i = start
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < this.size && this.worse(l, this.docs[m] ?? 0, this.ranks[m] ?? 0)) m = l
      if (r < this.size && this.worse(r, this.docs[m] ?? 0, this.ranks[m] ?? 0)) m = r
      if (m === i) return
      this.swap(i, m)
      i = m
    }
  }

  private swap(i: number, j: number): void {
    const doc = this.docs[i] ?? 0
    const rank = this.ranks[i] ?? 0
    this.docs[i] = this.docs[j] ?? 0
    this.ranks[i] = this.ranks[j] ?? 0
    this.docs[j] = doc
    this.ranks[j] = rank
  }
}
