// The k best documents by rank (higher first; ties by course id, so results never shuffle), kept
// in a bounded min-heap so a million matches cost one pass, not a sort.

export function topK(
  docs: Int32Array,
  k: number,
  rank: (doc: number) => number,
  idOf: (doc: number) => string,
  /** A cheap upper bound of rank(doc): documents that cannot enter the heap are skipped unranked. */
  bound?: (doc: number) => number,
): number[] {
  if (k <= 0) return []
  const heap: { doc: number; rank: number; id: string }[] = []
  // `a` is worse than `b`: lower rank, or equal rank and a later id.
  const worse = (a: { rank: number; id: string }, b: { rank: number; id: string }) =>
    a.rank < b.rank || (a.rank === b.rank && a.id > b.id)
  const swap = (i: number, j: number) => {
    const t = heap[i]
    const u = heap[j]
    if (t && u) [heap[i], heap[j]] = [u, t]
  }
  const up = (i: number) => {
    for (let p = (i - 1) >> 1; i > 0 && worse(heap[i] ?? entry0, heap[p] ?? entry0); i = p, p = (i - 1) >> 1)
      swap(i, p)
  }
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < heap.length && worse(heap[l] ?? entry0, heap[m] ?? entry0)) m = l
      if (r < heap.length && worse(heap[r] ?? entry0, heap[m] ?? entry0)) m = r
      if (m === i) return
      swap(i, m)
      i = m
    }
  }
  for (const doc of docs) {
    if (bound && heap.length === k && bound(doc) < (heap[0]?.rank ?? -Infinity)) continue
    const r = rank(doc)
    if (heap.length < k) {
      heap.push({ doc, rank: r, id: idOf(doc) })
      up(heap.length - 1)
      continue
    }
    const least = heap[0]
    if (!least || r < least.rank) continue
    const candidate = { doc, rank: r, id: idOf(doc) }
    if (!worse(least, candidate)) continue
    heap[0] = candidate
    down(0)
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0)).map((e) => e.doc)
}

const entry0 = { doc: -1, rank: -Infinity, id: '' }
