// The loops over postings that matching runs for every posting of every query word: plain
// functions over typed arrays, so the engine compiles them tight (the block walk calls them once
// per block of up to 4,096 postings).
import type { Workspace } from './match.ts'

/** The first position's postings: each document's best weight straight into its sum; returns seenCount. */
export function first(
  docs: Int32Array,
  weights: Uint8Array,
  from: number,
  to: number,
  weight: number,
  alive: Uint8Array,
  { sum, mask, seen, seenCount }: Workspace,
  bit: number,
): number {
  let s = seenCount
  for (let i = from; i < to; i++) {
    const doc = docs[i] ?? 0
    const value = (weights[i] ?? 0) * weight
    // A document with a mark is alive (only those are marked): only a new one is looked up.
    if (mask[doc] === 0) {
      if (alive[doc] === 0) continue
      mask[doc] = bit
      sum[doc] = value
      seen[s++] = doc
    } else if (value > (sum[doc] ?? 0)) sum[doc] = value
  }
  return s
}

/** Keeps each document's best weight of a position's expansions in `scratch`; returns the touched count. */
export function best(
  docs: Int32Array,
  weights: Uint8Array,
  from: number,
  to: number,
  weight: number,
  alive: Uint8Array,
  mask: Uint16Array,
  known: boolean,
  scratch: Float32Array,
  touched: Int32Array,
  count: number,
): number {
  let k = count
  for (let i = from; i < to; i++) {
    const doc = docs[i] ?? 0
    if (known ? mask[doc] === 0 : alive[doc] === 0) continue
    const value = (weights[i] ?? 0) * weight
    const before = scratch[doc] ?? 0
    if (before === 0) touched[k++] = doc
    if (value > before) scratch[doc] = value
  }
  return k
}

/** Adds a position's best weights to the documents' sums and marks the position; returns seenCount. */
export function fold(
  touched: Int32Array,
  count: number,
  scratch: Float32Array,
  sum: Float32Array,
  mask: Uint16Array,
  bit: number,
  seen: Int32Array,
  seenCount: number,
): number {
  let s = seenCount
  for (let i = 0; i < count; i++) {
    const doc = touched[i] ?? 0
    if (mask[doc] === 0) seen[s++] = doc
    sum[doc] = (sum[doc] ?? 0) + (scratch[doc] ?? 0)
    mask[doc] = (mask[doc] ?? 0) | bit
    scratch[doc] = 0
  }
  return s
}
