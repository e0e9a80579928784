import { describe, expect, it } from 'vitest'
import { timeOrderedId } from './ids.ts'

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('time-ordered ids', () => {
  it('are UUIDv7 carrying the millisecond they were made', () => {
    const at = Date.UTC(2026, 10, 29, 12, 0, 0)
    const id = timeOrderedId(at)
    expect(id).toMatch(UUID_V7)
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at)
  })

  it('sort in the order they were made, also many within one millisecond and across a clock step back', () => {
    const at = Date.UTC(2027, 0, 1)
    const ids = [
      ...Array.from({ length: 10_000 }, () => timeOrderedId(at)),
      ...Array.from({ length: 10 }, () => timeOrderedId(at - 5_000)),
      timeOrderedId(at + 10_000),
    ]
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
