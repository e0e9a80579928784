// Documents and queries through moocx's own analysis, for the baselines fed with moocx's tokens
// (FTS5 best layout, PostgreSQL): indexed terms per field, and a query as AND-ed groups of
// alternatives (a misspelled word's known neighbours; the typed prefix's surface and term).
import { analyze, analyzeQuery } from '../../src/search/analysis/analyze.ts'
import type { CourseDoc, Language, Query } from './engine.ts'
import { createTypoIndex, type TypoIndex } from './typo-index.ts'

export interface AnalyzedField {
  terms: string[]
  positions: number[]
}

/** Known words per language, for typo expansion in the query's language. */
export type Vocabularies = Map<Language, TypoIndex>

export function vocabularyOf(vocabularies: Vocabularies, language: Language): TypoIndex {
  let typos = vocabularies.get(language)
  if (!typos) vocabularies.set(language, (typos = createTypoIndex()))
  return typos
}

/** Title and description terms, recording every surface form in the document language's vocabulary. */
export function analyzeDoc(
  doc: CourseDoc,
  vocabularies: Vocabularies,
): { title: AnalyzedField; description: AnalyzedField } {
  const typos = vocabularyOf(vocabularies, doc.language)
  const field = (text: string): AnalyzedField => {
    const tokens = analyze(text, doc.language)
    for (const t of tokens) typos.add(t.surface, t.term)
    return { terms: tokens.map((t) => t.term), positions: tokens.map((t) => t.position) }
  }
  return { title: field(doc.title), description: field(doc.description) }
}

export interface TermGroup {
  /** Any of these terms matches. */
  alternatives: string[]
  /** The alternatives match as prefixes. */
  prefix: boolean
}

export function planQuery(query: Query, vocabularies: Vocabularies): TermGroup[] {
  const typos = vocabularyOf(vocabularies, query.language)
  const { tokens, lastIsPrefix } = analyzeQuery(query.text, query.language)
  return tokens.map((token, i) => {
    if (lastIsPrefix && query.lastIsPrefix && i === tokens.length - 1) {
      return { alternatives: [...new Set([token.surface, token.term])], prefix: true }
    }
    if (typos.has(token.surface)) return { alternatives: [token.term], prefix: false }
    const near = typos.expand(token.surface)
    return { alternatives: near.length > 0 ? near : [token.term], prefix: false }
  })
}
