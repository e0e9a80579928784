// nDCG@k and recall@k against values worked out by hand.
import { describe, expect, it } from 'vitest'
import { dcg, gain, ndcgAt, recallAt, scoreQuery, summarize } from './metrics.ts'

const judged = new Map([
  ['a', 3],
  ['b', 2],
  ['c', 1],
])

describe('gain and dcg', () => {
  it('gains 2^grade - 1 and discounts by log2 of rank + 1', () => {
    expect([0, 1, 2, 3].map(gain)).toEqual([0, 1, 3, 7])
    // 7/log2(2) + 3/log2(3) + 1/log2(4) = 7 + 1.892789 + 0.5
    expect(dcg([3, 2, 1])).toBeCloseTo(9.392789, 5)
    expect(dcg([])).toBe(0)
  })
})

describe('ndcgAt', () => {
  it('is 1 for the ideal order and ignores unjudged courses after it', () => {
    expect(ndcgAt(['a', 'b', 'c', 'x'], judged, 10)).toBeCloseTo(1, 10)
  })

  it('scores a worse order below 1, as worked out by hand', () => {
    // c, x, a, b: 1/1 + 0 + 7/2 + 3/log2(5) = 1 + 3.5 + 1.292030 = 5.792030; ideal 9.392789
    expect(ndcgAt(['c', 'x', 'a', 'b'], judged, 10)).toBeCloseTo(5.79203 / 9.392789, 5)
  })

  it('cuts both the ranking and the ideal at k', () => {
    // k = 1: b scores 3, the ideal (a) 7
    expect(ndcgAt(['b', 'a'], judged, 1)).toBeCloseTo(3 / 7, 10)
    // k = 2 with one relevant course at rank 2: (1/log2 3) / 1
    expect(ndcgAt(['x', 'c'], new Map([['c', 1]]), 2)).toBeCloseTo(1 / Math.log2(3), 10)
  })

  it('is 0 when nothing relevant comes back and null when nothing is relevant', () => {
    expect(ndcgAt(['x', 'y'], judged, 10)).toBe(0)
    expect(ndcgAt([], judged, 10)).toBe(0)
    expect(ndcgAt(['x'], new Map(), 10)).toBeNull()
  })
})

describe('recallAt', () => {
  it('counts every relevant course found in the first k, whatever its grade', () => {
    expect(recallAt(['c', 'x', 'a'], judged, 20)).toBeCloseTo(2 / 3, 10)
    expect(recallAt(['x', 'y', 'a'], judged, 2)).toBe(0)
    expect(recallAt(['a', 'b', 'c'], judged, 20)).toBe(1)
    expect(recallAt(['a'], new Map(), 20)).toBeNull()
  })
})

describe('summarize', () => {
  it('averages over judged queries only and counts empty answers to answerable queries', () => {
    const scores = [
      scoreQuery(['a', 'b', 'c'], judged), // nDCG 1, recall 1
      scoreQuery([], judged), // nDCG 0, recall 0, zero with relevant
      scoreQuery([], new Map()), // nothing relevant: not averaged, but an empty answer
      scoreQuery(['x'], new Map()),
    ]
    expect(summarize(scores)).toEqual({
      queries: 4,
      judged: 2,
      ndcg: 0.5,
      recall: 0.5,
      zeroRate: 0.5,
      zeroWithRelevant: 1,
    })
  })
})
