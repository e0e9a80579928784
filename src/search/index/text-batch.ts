// What goes to an analysis worker and back, compact so that a message costs little next to the
// analysis: the texts of a few hundred courses as one list of strings with counts; their weighed
// terms as numbers of (term, surface) pairs (term-numbers.ts: a pair's strings travel once), weights
// and title pairs, in typed arrays that are moved, not copied.
import type { MessagePort } from 'node:worker_threads'
import { FIELD_COUNT, weighTerms } from './document-terms.ts'
import type { Analyzer } from './search-index.ts'
import { PairNumbering } from './term-numbers.ts'

export interface TextBatch {
  id: number
  /** Each course's language. */
  languages: string[]
  /** Every course's field texts (from `fieldTexts`), one after another. */
  texts: string[]
  /** How many texts each field of each course has (`FIELD_COUNT` a course). */
  counts: Uint32Array
}

export interface WeighedBatch {
  id: number
  /** Which worker numbered the pairs (set by the pool; -1: numbered for this batch alone). */
  lane: number
  /** The worker's numbering generation, and the number of the first pair new in this batch. */
  generation: number
  firstNew: number
  newTerms: string[]
  newSurfaces: string[]
  /** Each course's terms as pair numbers, one course after another, with their weights. */
  pairs: Uint32Array<ArrayBuffer>
  weights: Uint8Array<ArrayBuffer>
  /** How many terms, and how many title pairs, each course has. */
  termCounts: Uint32Array<ArrayBuffer>
  titlePairs: Uint32Array<ArrayBuffer>
  pairCounts: Uint32Array<ArrayBuffer>
}

/** A worker's answer: the weighed batch, or why it could not weigh it. */
export type WorkerAnswer = WeighedBatch | { id: number; error: string }

export function packTexts(
  id: number,
  courses: readonly { texts: string[][]; language: string }[],
): TextBatch {
  const batch: TextBatch = {
    id,
    languages: [],
    texts: [],
    counts: new Uint32Array(courses.length * FIELD_COUNT),
  }
  courses.forEach(({ texts, language }, c) => {
    batch.languages.push(language)
    for (let f = 0; f < FIELD_COUNT; f++) {
      const field = texts[f] ?? []
      batch.counts[c * FIELD_COUNT + f] = field.length
      for (const text of field) batch.texts.push(text)
    }
  })
  return batch
}

/** Analyzes and weighs a batch, numbering its pairs with `numbering` (a fresh one: for this batch alone). */
export function weighBatch(
  analyzer: Pick<Analyzer, 'analyze'>,
  batch: TextBatch,
  numbering = new PairNumbering(),
): WeighedBatch {
  const courses = batch.languages.length
  numbering.startBatch()
  const pairs: number[] = []
  const weights: number[] = []
  const titlePairs: number[] = []
  const termCounts = new Uint32Array(courses)
  const pairCounts = new Uint32Array(courses)
  let at = 0
  for (let c = 0; c < courses; c++) {
    const texts: string[][] = []
    for (let f = 0; f < FIELD_COUNT; f++) {
      const count = batch.counts[c * FIELD_COUNT + f] ?? 0
      texts.push(batch.texts.slice(at, at + count))
      at += count
    }
    const weighed = weighTerms(analyzer, texts, batch.languages[c] ?? 'und')
    weighed.terms.forEach((term, i) => {
      pairs.push(numbering.number(term, weighed.surfaces[i] ?? ''))
      weights.push(weighed.weights[i] ?? 1)
    })
    for (const hash of weighed.titlePairs) titlePairs.push(hash)
    termCounts[c] = weighed.terms.length
    pairCounts[c] = weighed.titlePairs.length
  }
  const fresh = numbering.take()
  return {
    id: batch.id,
    lane: -1,
    generation: numbering.generation,
    firstNew: fresh.first,
    newTerms: fresh.terms,
    newSurfaces: fresh.surfaces,
    pairs: Uint32Array.from(pairs),
    weights: Uint8Array.from(weights),
    termCounts,
    titlePairs: Uint32Array.from(titlePairs),
    pairCounts,
  }
}

/** A worker's loop: weighs each batch it is sent and answers on the same port. */
export function serveBatches(port: MessagePort, analyzer: Pick<Analyzer, 'analyze'>): void {
  const numbering = new PairNumbering()
  port.on('message', (message: unknown) => {
    if (!isTextBatch(message)) return
    let answer: WeighedBatch
    try {
      answer = weighBatch(analyzer, message, numbering)
    } catch (err) {
      const error = err instanceof Error ? (err.stack ?? err.message) : String(err)
      port.postMessage({ id: message.id, error } satisfies WorkerAnswer)
      return
    }
    const { pairs, weights, termCounts, titlePairs, pairCounts } = answer
    port.postMessage(answer, [
      pairs.buffer,
      weights.buffer,
      termCounts.buffer,
      titlePairs.buffer,
      pairCounts.buffer,
    ])
  })
}

export function isWorkerAnswer(message: unknown): message is WorkerAnswer {
  if (typeof message !== 'object' || message === null || !('id' in message)) return false
  if ('error' in message) return typeof message.error === 'string'
  return 'pairs' in message && message.pairs instanceof Uint32Array && 'newTerms' in message
}

function isTextBatch(message: unknown): message is TextBatch {
  return (
    typeof message === 'object' &&
    message !== null &&
    'languages' in message &&
    Array.isArray(message.languages) &&
    'texts' in message &&
    Array.isArray(message.texts) &&
    'counts' in message &&
    message.counts instanceof Uint32Array
  )
}
