// Cross-lingual discovery: concepts named in every UI language — the ISCED-F field labels and a
// curated list of course topics (data/cross-lingual-terms.csv) — so a query naming a concept in one
// language also finds courses that name it in another ("machine learning" → 机器学习, машинное обучение).
import fs from 'node:fs'
import { readCsvRecords } from '../shared/csv.ts'
import { readIscedF } from '../subjects/isced-f.ts'
import type { Analyzer } from './index/search-index.ts'

const TERMS_URL = new URL('./data/cross-lingual-terms.csv', import.meta.url)

/** One name of a concept: its language and its terms as that language's analysis gives them. */
interface Name {
  language: string
  text: string
  terms: string[]
}

export interface Translation {
  language: string
  text: string
}

/** Concepts as names in several languages, each name analyzed once. */
export class CrossLingual {
  private readonly concepts: Name[][]
  /** Concepts by each of their terms, to look at only those a query could name. */
  private readonly byTerm = new Map<string, number[]>()

  constructor(
    private readonly analyzer: Analyzer,
    concepts: readonly Translation[][],
  ) {
    this.concepts = concepts.map((names) =>
      names
        .map(({ language, text }) => ({
          language,
          text,
          terms: analyzer.analyze(text, language).map((t) => t.term),
        }))
        .filter((n) => n.terms.length > 0),
    )
    this.concepts.forEach((names, c) => {
      for (const name of names)
        for (const term of name.terms) {
          const list = this.byTerm.get(term) ?? []
          if (!list.includes(c)) list.push(c)
          this.byTerm.set(term, list)
        }
    })
  }

  /**
   * The names, in other languages, of the concepts a query names: a concept is named when every term
   * of one of its names is among the query's terms (analyzed in each of `languages`).
   */
  translations(query: string, languages: readonly string[]): Translation[] {
    const termsByLanguage = languages.map((language) => ({
      language,
      terms: new Set(this.analyzer.analyze(query, language).map((t) => t.term)),
    }))
    const all = new Set(termsByLanguage.flatMap(({ terms }) => [...terms]))
    const found = new Map<string, Translation>()
    const candidates = new Set([...all].flatMap((term) => this.byTerm.get(term) ?? []))
    for (const c of candidates) {
      const names = this.concepts[c] ?? []
      const named = names.find((name) => name.terms.every((term) => all.has(term)))
      if (!named) continue
      for (const other of names)
        if (other.language !== named.language && !found.has(`${other.language} ${other.text}`))
          found.set(`${other.language} ${other.text}`, { language: other.language, text: other.text })
    }
    return [...found.values()]
  }
}

/** The curated topics and the ISCED-F fields, each as names in every UI language. */
export function loadConcepts(): Translation[][] {
  const [header, ...rows] = readCsvRecords(fs.readFileSync(TERMS_URL, 'utf8'), ',', 10_000)
  const languages = header?.fields ?? []
  const topics = rows.map(({ fields }) =>
    fields.flatMap((text, i) =>
      text.trim() ? [{ language: languages[i] ?? 'und', text: text.trim() }] : [],
    ),
  )
  const fields = readIscedF()
    .filter((s) => s.level !== 'broad')
    .map((s) => Object.entries(s.labels).map(([language, text]) => ({ language, text })))
  return [...topics, ...fields]
}
