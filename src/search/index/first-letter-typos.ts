// Finds the surfaces a typed word may be a misspelling of when the typo is in its first letter
// (missing, wrong, extra, or swapped with the second), which first-character buckets never reach:
// `sicología` → `psicología`. Each surface is filed under three short keys, and a word looks up
// the four keys such a typo would give it (a symmetric-delete index over a bounded prefix).
import { grown } from './typed-arrays.ts'

/** Characters a key keeps: enough to tell most words apart, few enough to stay small. */
const KEY_LENGTH = 6
/** Shorter surfaces are never a near miss: words get typo tolerance from 5 characters. */
const MIN_LENGTH = 4
/** What a key was made from, mixed into its hash so that only keys of the matching kind meet. */
const WITHOUT_FIRST = 1
const WITHOUT_SECOND = 2
const WHOLE = 3

export class FirstLetterTypos {
  /** Hash bucket → its first entry + 1 (0: empty). */
  private heads = new Int32Array(1024)
  /** Entry → the next entry of its bucket + 1. */
  private next = new Int32Array(1024)
  /** Entry → surface number × 4 + kind of key (the kind lets a grown table rehash without storing hashes). */
  private entries = new Int32Array(1024)
  private count = 0

  /** `surfaceOf` gives back a surface by the number it was added with. */
  constructor(private readonly surfaceOf: (id: number) => string) {}

  /** Files the surface numbered `id` (Han surfaces and short ones are left out: never near misses). */
  add(surface: string, id: number): void {
    if (surface.length < MIN_LENGTH || HAN.test(surface)) return
    const hashes = new Set<number>()
    for (const kind of [WITHOUT_FIRST, WITHOUT_SECOND, WHOLE]) {
      const hash = keyHash(surface, kind, kind)
      // "aab" without its first or its second letter is the same key: file it once.
      if (hashes.has(hash)) continue
      hashes.add(hash)
      this.insert(hash, id * 4 + kind)
    }
  }

  /**
   * Numbers of surfaces that `word` may be one first-letter typo away from (a surface may come more
   * than once, and a few share only a hash: the caller checks the distance). From the word without
   * its first letter: a wrong first letter (key without first), an extra one (whole key), a swap
   * (key without second); the word as typed: a missing first letter (key without first).
   */
  *lookup(word: string): Generator<number> {
    const tail = keyHash(word, WITHOUT_FIRST, 0)
    yield* this.bucket(mix(tail, WITHOUT_FIRST))
    yield* this.bucket(mix(tail, WHOLE))
    yield* this.bucket(mix(tail, WITHOUT_SECOND))
    yield* this.bucket(keyHash(word, WHOLE, WITHOUT_FIRST))
  }

  private *bucket(hash: number): Generator<number> {
    for (let e = this.heads[hash & (this.heads.length - 1)] ?? 0; e > 0; e = this.next[e - 1] ?? 0)
      yield (this.entries[e - 1] ?? 0) >>> 2
  }

  private insert(hash: number, entry: number): void {
    if (this.count >= this.heads.length) this.rehash(this.heads.length * 2)
    this.next = grown(this.next, this.count + 1, (n) => new Int32Array(n))
    this.entries = grown(this.entries, this.count + 1, (n) => new Int32Array(n))
    this.entries[this.count] = entry
    this.link(this.count, hash)
    this.count++
  }

  private link(e: number, hash: number): void {
    const b = hash & (this.heads.length - 1)
    this.next[e] = this.heads[b] ?? 0
    this.heads[b] = e + 1
  }

  /** A larger bucket table, each entry's hash worked out again from its surface. */
  private rehash(size: number): void {
    this.heads = new Int32Array(size)
    for (let e = 0; e < this.count; e++) {
      const entry = this.entries[e] ?? 0
      const kind = entry & 3
      this.link(e, keyHash(this.surfaceOf(entry >>> 2), kind, kind))
    }
  }
}

const HAN = /^\p{Script=Han}/u

/**
 * FNV-1a of the first KEY_LENGTH characters of `text` left when the first letter (WITHOUT_FIRST),
 * the second (WITHOUT_SECOND) or none (WHOLE) is left out, mixed with `salt` (0: not yet mixed).
 */
function keyHash(text: string, kind: number, salt: number): number {
  const skip = kind === WITHOUT_FIRST ? 0 : kind === WITHOUT_SECOND ? 1 : -1
  let hash = 0x811c9dc5
  let kept = 0
  for (let i = 0; i < text.length && kept < KEY_LENGTH; i++) {
    if (i === skip) continue
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
    kept++
  }
  return salt === 0 ? hash >>> 0 : mix(hash, salt)
}

function mix(hash: number, salt: number): number {
  return Math.imul(hash ^ (salt * 0x9e3779b1), 0x01000193) >>> 0
}
