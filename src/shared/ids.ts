// Row ids: UUID version 7 (RFC 9562) — a millisecond timestamp, then a counter, then random bits.
// Ids made later sort later, so new rows append to the end of every index keyed by them instead of
// landing on random pages (a 100,000-course harvest dirties a few pages per page saved, not hundreds).
import { randomFillSync } from 'node:crypto'

const pool = Buffer.alloc(4096)
let poolAt = pool.length
let lastMs = 0
let counter = 0

function randomBytes(n: number): Buffer {
  if (poolAt + n > pool.length) {
    randomFillSync(pool)
    poolAt = 0
  }
  poolAt += n
  return pool.subarray(poolAt - n, poolAt)
}

/** A new UUIDv7, strictly greater than every earlier one made by this process. */
export function timeOrderedId(nowMs: number = Date.now()): string {
  if (nowMs > lastMs) {
    lastMs = nowMs
    counter = randomBytes(2).readUInt16BE(0) & 0x3ff // start low so the 12-bit counter has room
  } else if (++counter > 0xfff) {
    lastMs++ // more than ~3,000 ids in one millisecond: borrow the next one
    counter = 0
  }
  const bytes = Buffer.alloc(16)
  bytes.writeUIntBE(lastMs, 0, 6)
  bytes[6] = 0x70 | (counter >> 8)
  bytes[7] = counter & 0xff
  randomBytes(8).copy(bytes, 8)
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f)
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
