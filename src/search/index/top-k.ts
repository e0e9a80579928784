// The k best documents by rank (higher first), kept in a bounded min-heap of typed arrays so a
// million matches cost one pass, not a sort, and no allocation. Callers compare a rank with
// `floor` before offering: most documents stop there. Ties go by a hash of the course id (then the
// id itself), so results never shuffle: comparing numbers, because at a million courses many tie,
// and reading their id strings scattered over the heap cost more than ranking them.

export class TopK {
  private readonly docs: Int32Array
  private readonly ranks: Float64Array
  private size = 0
  /** The rank a document must reach to be worth offering (the worst kept, once full)… */
  floor = -Infinity
  /** …and, at that very rank, the tie-break it must be below. */
  floorTie = 0xffffffff

  constructor(
    private readonly k: number,
    private readonly tiebreak: Uint32Array,
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
    if (this.size === this.k) {
      this.floor = this.ranks[0] ?? -Infinity
      this.floorTie = this.tiebreak[this.docs[0] ?? 0] ?? 0
    }
  }

  /** Whether a document of this rank and tie-break may enter (the same test offer() makes, cheaply). */
  admits(rank: number, tie: number): boolean {
    return rank > this.floor || (rank === this.floor && tie <= this.floorTie)
  }

  /** The kept documents, best first. */
  sorted(): { doc: number; rank: number }[] {
    const kept = Array.from({ length: this.size }, (_, i) => ({
      doc: this.docs[i] ?? 0,
      rank: this.ranks[i] ?? 0,
    }))
    return kept.sort((a, b) => (this.before(a.doc, a.rank, b.doc, b.rank) ? -1 : 1))
  }

  /** Whether the entry at `i` is worse than (doc, rank). */
  private worse(i: number, doc: number, rank: number): boolean {
    return this.before(doc, rank, this.docs[i] ?? 0, this.ranks[i] ?? 0)
  }

  /** Whether (a, rankA) comes before (b, rankB): a higher rank, or equal and a lower tie-break. */
  private before(a: number, rankA: number, b: number, rankB: number): boolean {
    if (rankA !== rankB) return rankA > rankB
    const ta = this.tiebreak[a] ?? 0
    const tb = this.tiebreak[b] ?? 0
    if (ta !== tb) return ta < tb
    return this.idOf(a) < this.idOf(b)
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
