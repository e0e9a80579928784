// Typo tolerance for the baselines that use moocx's tokens: the vocabulary of indexed words (surface
// form → indexed term), and expansion of an unknown word to known words one edit away (two from 9
// characters; never Han), as the best FTS5 layout does.
const HAN = /\p{Script=Han}/u

export interface TypoIndex {
  add(surface: string, term: string): void
  has(surface: string): boolean
  /** Indexed terms of known words within the allowed edits of `surface` (empty when none or Han). */
  expand(surface: string): string[]
  readonly size: number
}

export function createTypoIndex(): TypoIndex {
  const termOf = new Map<string, string>()
  const byLength = new Map<number, string[]>()
  return {
    add(surface, term) {
      if (termOf.has(surface)) return
      termOf.set(surface, term)
      const bucket = byLength.get(surface.length)
      if (bucket) bucket.push(surface)
      else byLength.set(surface.length, [surface])
    },
    has: (surface) => termOf.has(surface),
    expand(surface) {
      const max = allowedEdits(surface)
      if (max === 0) return []
      const terms = new Set<string>()
      for (let length = surface.length - max; length <= surface.length + max; length++) {
        for (const known of byLength.get(length) ?? []) {
          if (editDistance(surface, known, max) <= max) terms.add(termOf.get(known) ?? known)
        }
      }
      return [...terms]
    },
    get size() {
      return termOf.size
    },
  }
}

export function allowedEdits(word: string): number {
  if (HAN.test(word)) return 0
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0
}

/** Optimal string alignment distance (a swap of neighbours is one edit), or max + 1 once above max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const n = b.length
  if (rows.length < 3 * (n + 1)) rows = new Int32Array(3 * (n + 1) * 2)
  let prevPrev = 0
  let prev = n + 1
  let row = 2 * (n + 1)
  for (let j = 0; j <= n; j++) rows[prev + j] = j
  for (let i = 1; i <= a.length; i++) {
    rows[row] = i
    let best = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1)
      let d = Math.min(
        (rows[prev + j] ?? 0) + 1,
        (rows[row + j - 1] ?? 0) + 1,
        (rows[prev + j - 1] ?? 0) + (ca === cb ? 0 : 1),
      )
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        d = Math.min(d, (rows[prevPrev + j - 2] ?? 0) + 1)
      }
      rows[row + j] = d
      if (d < best) best = d
    }
    if (best > max) return max + 1
    const spare = prevPrev
    prevPrev = prev
    prev = row
    row = spare
  }
  return rows[prev + n] ?? max + 1
}

let rows = new Int32Array(96)
