// Finds the surfaces a typed word may be a misspelling of when the typo is in its first letter
// (missing, wrong, extra, or swapped with the second), which first-character buckets never reach:
// `sicología` → `psicología`. Each surface is filed under three short keys with its length, and a
// word looks up the keys such a typo would give it (a symmetric-delete index over a bounded prefix).
import { grown } from './typed-arrays.ts'

/** Characters a key keeps: enough to tell most words apart, few enough to stay small. */
const KEY_LENGTH = 6
/** Shorter surfaces are never a near miss: words get typo tolerance from 5 characters. */
const MIN_LENGTH = 4
/** What a key was made from, mixed into its hash so that only keys of the matching kind meet. */
const WITHOUT_FIRST = 1
const WITHOUT_SECOND = 2
const WHOLE = 3
const KINDS = [WITHOUT_FIRST, WITHOUT_SECOND, WHOLE]

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
    for (const kind of KINDS) this.insert(fileHash(surface, kind), id * 4 + kind)
  }

  /**
   * Numbers of surfaces that `word` may be a first-letter typo of, with up to `maxEdits` edits in
   * all (a surface may come more than once, and a few share only a hash: the caller checks the
   * distance). From the word without its first letter: a wrong first letter (key without first), an
   * extra one (whole key), a swap (key without second); the word as typed: a missing first letter
   * (key without first). Keys carry the surface's length, so only surfaces of a length that many
   * edits can reach are looked at.
   */
  *lookup(word: string, maxEdits: number): Generator<number> {
    const tail = rawHash(word, WITHOUT_FIRST)
    const whole = rawHash(word, WHOLE)
    const n = word.length
    const more = Math.max(0, maxEdits - 1)
    for (let length = n - more; length <= n + more; length++) {
      yield* this.bucket(mix(mix(tail, WITHOUT_FIRST), length))
      yield* this.bucket(mix(mix(tail, WITHOUT_SECOND), length))
      yield* this.bucket(mix(mix(tail, WHOLE), length - 1))
      yield* this.bucket(mix(mix(whole, WITHOUT_FIRST), length + 1))
    }
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
      this.link(e, fileHash(this.surfaceOf(entry >>> 2), kind))
    }
  }
}

const HAN = /^\p{Script=Han}/u

/** The hash a surface is filed under for one kind of key: its key, the kind and its length. */
function fileHash(surface: string, kind: number): number {
  return mix(mix(rawHash(surface, kind), kind), surface.length)
}

/**
 * FNV-1a of the first KEY_LENGTH characters of `text` left when the first letter (WITHOUT_FIRST),
 * the second (WITHOUT_SECOND) or none (WHOLE) is left out.
 */
function rawHash(text: string, kind: number): number {
  const skip = kind === WITHOUT_FIRST ? 0 : kind === WITHOUT_SECOND ? 1 : -1
  let hash = 0x811c9dc5
  let kept = 0
  for (let i = 0; i < text.length && kept < KEY_LENGTH; i++) {
    if (i === skip) continue
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
    kept++
  }
  return hash >>> 0
}

function mix(hash: number, value: number): number {
  return Math.imul(hash ^ Math.imul(value, 0x9e3779b1), 0x01000193) >>> 0
}
