// A course's terms with their BM25F weights: every field analyzed in the course's language, term
// frequencies weighted by field and normalized by field length, then saturated and quantized to a
// byte; and the hashed pairs of adjacent title terms for the phrase boost.
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

export interface DocumentTerms {
  /** Term → the surface form it was seen as, and its weight (1–255). */
  weights: Map<string, { surface: string; weight: number }>
  titlePairs: number[]
}

export function documentTerms(analyzer: Analyzer, labels: Labels, doc: SearchDocument): DocumentTerms {
  const texts: Record<Field, string[]> = {
    title: [doc.title],
    keywords: doc.keywords,
    subjects: doc.subjects.flatMap((code) => labels.subject(code, doc.language)),
    instructors: doc.instructors,
    institutions: doc.institutions.flatMap((id) => labels.institution(id)),
    description: [doc.summary ?? '', doc.description ?? ''],
  }
  const frequencies = new Map<string, { surface: string; tf: number }>()
  const titlePairs: number[] = []
  for (const field of FIELD_NAMES) {
    const tokens = texts[field].flatMap((text) => (text ? analyzer.analyze(text, doc.language) : []))
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
  }
  const weights = new Map<string, { surface: string; weight: number }>()
  for (const [term, { surface, tf }] of frequencies)
    weights.set(term, { surface, weight: Math.max(1, Math.round((255 * tf) / (K1 + tf))) })
  return { weights, titlePairs }
}
