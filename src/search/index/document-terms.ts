// A course's terms with their BM25F weights: every field analyzed in the course's language, term
// frequencies weighted by field and normalized by field length, then saturated and quantized to a
// byte; and the hashed pairs of adjacent title terms for the phrase boost. Split in two so that the
// analysis can run in a worker thread: the texts are gathered where the labels are (`fieldTexts`),
// then weighed (`weighTerms`, pure).
import type { SearchDocument } from '../search-document.ts'
import type { Analyzer, Labels } from './search-index.ts'
import { pairHash } from './title-pairs.ts'

/** BM25F field weights: a word in the title says more about a course than one in its description. */
const FIELDS = { title: 3, keywords: 2, subjects: 1.5, instructors: 1.5, institutions: 1, description: 1 }
type Field = keyof typeof FIELDS
const FIELD_NAMES: readonly Field[] = [
  'title',
  'keywords',
  'subjects',
  'instructors',
  'institutions',
  'description',
]
/** How many fields `fieldTexts` gives. */
export const FIELD_COUNT = FIELD_NAMES.length
const K1 = 1.2
const B = 0.75
/**
 * Typical field lengths in words, the "average length" of BM25. Fixed rather than measured, so a
 * course's weights do not depend on what was indexed before it (equal courses score equally).
 */
const TYPICAL_LENGTH: Record<Field, number> = {
  title: 6,
  keywords: 4,
  subjects: 4,
  instructors: 3,
  institutions: 4,
  description: 80,
}

/**
 * A course's terms in the order they first occur (title first), each with the surface form it was
 * first seen as and its weight (1–255); and the hashes of adjacent title terms.
 */
export interface WeighedTerms {
  terms: string[]
  surfaces: string[]
  weights: Uint8Array
  titlePairs: Uint32Array
}

/** A course's terms as ids in an index's vocabulary, with their weights, and its title pairs. */
export interface InternedTerms {
  termIds: ArrayLike<number>
  weights: ArrayLike<number>
  titlePairs: ArrayLike<number>
}

/** The texts of each field of a course, in field order (`FIELD_COUNT` lists), labels looked up. */
export function fieldTexts(labels: Labels, doc: SearchDocument): string[][] {
  return [
    [doc.title],
    doc.keywords,
    doc.subjects.flatMap((code) => labels.subject(code, doc.language)),
    doc.instructors,
    doc.institutions.flatMap((id) => labels.institution(id)),
    [doc.summary ?? '', doc.description ?? ''],
  ]
}

/** Analyzes the texts of `fieldTexts` in `language` and weighs their terms. */
export function weighTerms(
  analyzer: Pick<Analyzer, 'analyze'>,
  texts: readonly (readonly string[])[],
  language: string,
): WeighedTerms {
  const frequencies = new Map<string, { surface: string; tf: number }>()
  const titlePairs: number[] = []
  FIELD_NAMES.forEach((field, f) => {
    const tokens = (texts[f] ?? []).flatMap((text) => (text ? analyzer.analyze(text, language) : []))
    const norm = 1 - B + (B * tokens.length) / TYPICAL_LENGTH[field]
    for (const t of tokens) {
      const entry = frequencies.get(t.term) ?? { surface: t.surface, tf: 0 }
      entry.tf += FIELDS[field] / norm
      frequencies.set(t.term, entry)
    }
    if (field === 'title')
      for (let i = 1; i < tokens.length; i++) {
        const [a, b] = [tokens[i - 1], tokens[i]]
        if (a && b && b.position === a.position + 1) titlePairs.push(pairHash(a.term, b.term))
      }
  })
  const weighed: WeighedTerms = {
    terms: [],
    surfaces: [],
    weights: new Uint8Array(frequencies.size),
    titlePairs: Uint32Array.from(titlePairs),
  }
  for (const [term, { surface, tf }] of frequencies) {
    weighed.weights[weighed.terms.length] = Math.max(1, Math.round((255 * tf) / (K1 + tf)))
    weighed.terms.push(term)
    weighed.surfaces.push(surface)
  }
  return weighed
}
