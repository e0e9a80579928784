import { describe, expect, it } from 'vitest'
import { boundedDistance } from './edit-distance.ts'

describe('bounded edit distance', () => {
  it.each([
    ['machine', 'machine', 0],
    ['machine', 'machne', 1],
    ['machine', 'mahcine', 1],
    ['machine', 'maschine', 1],
    ['learning', 'lerning', 1],
    ['обучение', 'обучене', 1],
    ['algorithm', 'algortihm', 1],
    ['algorithm', 'alogrithm', 1],
    ['kitten', 'sitting', 3],
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(boundedDistance(a, b, 3)).toBe(d)
    expect(boundedDistance(b, a, 3)).toBe(d)
  })

  it('gives max + 1 for anything further, without working it out', () => {
    expect(boundedDistance('kitten', 'sitting', 2)).toBe(3)
    expect(boundedDistance('a', 'abcdef', 2)).toBe(3)
    expect(boundedDistance('x'.repeat(10_000), 'y'.repeat(10_000), 1)).toBe(2)
  })
})
