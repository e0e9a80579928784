// Per-language vocabularies for the synthetic catalog: seed words first (the Zipf head), then the long
// tail of compounds and inflections, drawn with Zipf–Mandelbrot frequencies.
import { LEXICONS, type Language, type Lexicon } from './lexicon/index.ts'
import { createRng, zipfSampler, type Rng, type Sampler } from './prng.ts'

export interface Vocabulary {
  lexicon: Lexicon
  /** Distinct content terms, most frequent first. */
  terms: readonly string[]
  /** How many of the terms are seed words (the rest is the tail). */
  headSize: number
  sampler: Sampler
  /** A content word with realistic (Zipf) frequency. */
  draw(rng: Rng): string
}

/** Zipf exponent and offset of term frequencies: the head words carry most of the running text. */
const ZIPF_S = 1.3
const ZIPF_Q = 4

const cache = new Map<Language, Vocabulary>()

export function vocabulary(language: Language): Vocabulary {
  const cached = cache.get(language)
  if (cached) return cached
  const lexicon = LEXICONS[language]
  const stop = new Set(lexicon.stop)
  const head = [...new Set(lexicon.words)].filter((w) => !stop.has(w))
  const seen = new Set(head)
  const tail = lexicon.expand(head).filter((w) => !seen.has(w) && (seen.add(w), true))
  shuffle(tail, createRng(hash(language)))
  const terms = [...head, ...tail]
  const sampler = zipfSampler(terms.length, ZIPF_S, ZIPF_Q)
  const vocab: Vocabulary = {
    lexicon,
    terms,
    headSize: head.length,
    sampler,
    draw: (rng) => terms[sampler.draw(rng)] ?? '',
  }
  cache.set(language, vocab)
  return vocab
}

export function shuffle<T>(items: T[], rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    const a = items[i]
    const b = items[j]
    if (a === undefined || b === undefined) continue
    items[i] = b
    items[j] = a
  }
}

/** FNV-1a: a stable seed from a string. */
export function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h
}
