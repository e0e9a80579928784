// Cross-lingual discovery: concepts named in every UI language — the ISCED-F field labels and a
// curated list of course topics (data/cross-lingual-terms.csv) — so a query naming a concept in one
// language also finds courses that name it in another ("machine learning" → 机器学习, машинное обучение).
import fs from 'node:fs'
import { readCsvRecords } from '../shared/csv.ts'
import { readIscedF } from '../subjects/isced-f.ts'
import { boundedDistance } from './index/edit-distance.ts'
import type { Analyzer } from './index/search-index.ts'

const TERMS_URL = new URL('./data/cross-lingual-terms.csv', import.meta.url)
/** Names of one concept in one language, in one cell of the term list: `ไพธอน|ไพทอน`. */
const VARIANTS = '|'
/** A word being typed completes a name's word from this many characters on. */
const MIN_TYPED = 3

/** One name of a concept: its language and its words as that language's analysis gives them. */
interface Name {
  language: string
  text: string
  terms: string[]
  /** The unstemmed words, for completing the word being typed. */
  surfaces: string[]
}

export interface Translation {
  language: string
  text: string
  /**
   * The concept is named by some of the words that name a larger one in the same query ("history" in
   * "history of China"): its courses are less likely what the learner wants.
   */
  broader?: boolean
}

/** What a query says, read in several languages. */
interface QueryWords {
  terms: Set<string>
  /** The unstemmed words, for forgiving a typo in one. */
  surfaces: Set<string>
  /** Surfaces of the word being typed (none when the query ends with a space). */
  typed: string[]
}

/** Concepts as names in several languages, each name analyzed once. */
export class CrossLingual {
  private readonly concepts: Name[][]
  /** Concepts by each of their terms, to look at only those a query could name. */
  private readonly byTerm = new Map<string, number[]>()
  /** Languages names are given in, by the script they are written in. */
  private readonly languagesByScript = new Map<string, Set<string>>()

  constructor(
    private readonly analyzer: Analyzer,
    concepts: readonly Translation[][],
  ) {
    this.concepts = concepts.map((names) =>
      names
        .map(({ language, text }) => {
          const tokens = analyzer.analyze(text, language)
          return { language, text, terms: tokens.map((t) => t.term), surfaces: tokens.map((t) => t.surface) }
        })
        .filter((n) => n.terms.length > 0),
    )
    this.concepts.forEach((names, c) => {
      for (const name of names) {
        const script = analyzer.scriptOf(name.text)
        this.languagesByScript.set(
          script,
          (this.languagesByScript.get(script) ?? new Set()).add(name.language),
        )
        for (const term of name.terms) {
          const list = this.byTerm.get(term) ?? []
          if (!list.includes(c)) list.push(c)
          this.byTerm.set(term, list)
        }
      }
    })
  }

  /**
   * The other names of the concepts a query names. A concept is named when every term of one of its
   * names is among the query's terms — read in each of `languages` and in every language whose names
   * are written in the query's script ("machine learning" typed in a French interface is English) —
   * the last word of a name possibly still being typed ("apprentissage auto").
   */
  translations(query: string, languages: readonly string[]): Translation[] {
    const words = this.read(query, languages)
    const candidates = new Set([...words.terms].flatMap((term) => this.byTerm.get(term) ?? []))
    const named: { names: Name[]; terms: Set<string> }[] = []
    for (const c of candidates) {
      const names = this.concepts[c] ?? []
      const name = names.find((n) => names.length > 1 && isNamed(n, words))
      if (name) named.push({ names, terms: new Set(name.terms) })
    }
    const found = new Map<string, Translation>()
    for (const { names, terms } of named) {
      const broader = named.some(
        (other) => other.terms.size > terms.size && [...terms].every((t) => other.terms.has(t)),
      )
      for (const other of names) {
        // A name whose words are all in the query finds nothing the query does not find itself.
        if (other.terms.every((term) => words.terms.has(term))) continue
        const key = `${other.language} ${other.text}`
        if (!found.has(key) || !broader)
          found.set(key, { language: other.language, text: other.text, broader })
      }
    }
    return [...found.values()]
  }

  private read(query: string, languages: readonly string[]): QueryWords {
    const scripts = new Set(this.analyzer.analyze(query, 'und').map((t) => this.analyzer.scriptOf(t.term)))
    const readIn = new Set(languages)
    for (const script of scripts) for (const l of this.languagesByScript.get(script) ?? []) readIn.add(l)
    const words: QueryWords = { terms: new Set(), surfaces: new Set(), typed: [] }
    for (const language of readIn) {
      // Analyzed as names are, so that a name's every term can be in the query (Han words glued whole too).
      for (const token of this.analyzer.analyze(query, language)) {
        words.terms.add(token.term)
        words.surfaces.add(token.surface)
      }
      const { tokens, lastIsPrefix } = this.analyzer.analyzeQuery(query, language)
      const last = tokens[tokens.length - 1]
      if (lastIsPrefix && last && [...last.surface].length >= MIN_TYPED) words.typed.push(last.surface)
    }
    return words
  }
}

/**
 * Every word of `name` is in the query, one of them possibly still being typed, the others possibly
 * misspelled ("aprentissage automatique"), as long as one is there exactly.
 */
function isNamed(name: Name, words: QueryWords): boolean {
  let completed = false
  let exact = false
  const all = name.terms.every((term, i) => {
    if (words.terms.has(term)) return (exact = true)
    const surface = name.surfaces[i] ?? ''
    if (!completed && words.typed.some((typed) => surface.startsWith(typed))) return (completed = true)
    return [...words.surfaces].some((s) => isTypo(s, surface))
  })
  return all && exact
}

/** One edit from a word of 5 characters, two from 9, as search forgives; never in Han script. */
function isTypo(typed: string, word: string): boolean {
  const length = [...word].length
  const max = length < 5 || HAN.test(word) ? 0 : length >= 9 ? 2 : 1
  return max > 0 && boundedDistance(typed, word, max) <= max
}

const HAN = /\p{Script=Han}/u

/** The curated topics and the ISCED-F fields, each as names in every UI language. */
export function loadConcepts(): Translation[][] {
  const [header, ...rows] = readCsvRecords(fs.readFileSync(TERMS_URL, 'utf8'), ',', 10_000)
  const languages = header?.fields ?? []
  const topics = rows.map(({ fields }) =>
    fields.flatMap((cell, i) =>
      cell
        .split(VARIANTS)
        .map((text) => text.trim())
        .filter((text) => text !== '')
        .map((text) => ({ language: languages[i] ?? 'und', text })),
    ),
  )
  const fields = readIscedF()
    .filter((s) => s.level !== 'broad')
    .map((s) => Object.entries(s.labels).map(([language, text]) => ({ language, text })))
  return [...topics, ...fields]
}
