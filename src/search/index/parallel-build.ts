// Fills a search index with many courses in their order, while a pool of workers analyzes their texts:
// the main thread reads the next batches and gathers their texts, the workers weigh their terms, and the
// main thread adds each batch as its turn comes (interning terms, postings, facet rows).
import type { SearchDocument } from '../search-document.ts'
import type { AnalysisPool } from './analysis-pool.ts'
import { fieldTexts } from './document-terms.ts'
import type { SearchIndex } from './search-index.ts'
import { PairTermIds } from './term-numbers.ts'
import { packTexts, type WeighedBatch } from './text-batch.ts'

/**
 * Adds every course of `batches` to `index`, in order, as `upsert` one by one would (the same document
 * numbers, terms, weights). Without a pool, it is just that. At most two batches a worker (and one
 * being read) are in flight, so memory does not grow with the catalog.
 */
export async function addInOrder(
  index: SearchIndex,
  batches: AsyncIterable<readonly SearchDocument[]> | Iterable<readonly SearchDocument[]>,
  pool: AnalysisPool | null,
): Promise<void> {
  if (!pool) {
    for await (const docs of batches) for (const doc of docs) index.upsert(doc)
    return
  }
  const inFlight: { docs: readonly SearchDocument[]; weighed: Promise<WeighedBatch> }[] = []
  const numbered = new Map<number, PairTermIds>()
  const addHead = async () => {
    const head = inFlight.shift()
    if (head) addWeighed(index, head.docs, await head.weighed, numbered)
  }
  let id = 0
  for await (const docs of batches) {
    if (docs.length === 0) continue
    const texts = docs.map((doc) => ({ texts: fieldTexts(index.labels, doc), language: doc.language }))
    const weighed = pool.weigh(packTexts(id++, texts))
    // Awaited in turn; until then, a failure must not count as unhandled.
    weighed.catch(() => {})
    inFlight.push({ docs, weighed })
    while (inFlight.length > Math.max(2, 2 * pool.workers)) await addHead()
  }
  while (inFlight.length > 0) await addHead()
}

/** Adds the courses of a weighed batch: pair numbers to term ids (interning new ones), then postings. */
function addWeighed(
  index: SearchIndex,
  docs: readonly SearchDocument[],
  batch: WeighedBatch,
  numbered: Map<number, PairTermIds>,
): void {
  let pairIds = numbered.get(batch.lane)
  if (batch.lane < 0 || pairIds?.generation !== batch.generation) {
    pairIds = new PairTermIds(batch.generation)
    if (batch.lane >= 0) numbered.set(batch.lane, pairIds)
  }
  pairIds.learn(batch.firstNew, batch.newTerms, batch.newSurfaces)
  const termIds = new Int32Array(batch.pairs.length)
  for (let i = 0; i < termIds.length; i++) termIds[i] = pairIds.termId(index.vocabulary, batch.pairs[i] ?? 0)
  let terms = 0
  let pairs = 0
  docs.forEach((doc, c) => {
    const t = batch.termCounts[c] ?? 0
    const p = batch.pairCounts[c] ?? 0
    index.add(doc, {
      termIds: termIds.subarray(terms, terms + t),
      weights: batch.weights.subarray(terms, terms + t),
      titlePairs: batch.titlePairs.subarray(pairs, pairs + p),
    })
    terms += t
    pairs += p
  })
}

/** `items` in arrays of `size` (the last one shorter). */
export function* inBatches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = []
  for (const item of items) {
    batch.push(item)
    if (batch.length < size) continue
    yield batch
    batch = []
  }
  if (batch.length > 0) yield batch
}
