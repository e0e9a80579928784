// Finds the words of a course's text that a search matched, for <mark>: each word is analyzed the way
// the index analyzes it and compared with the query's terms, or completes the word being typed.
import * as analyzer from './analysis/analyze.ts'
import { readQuery } from './index/query-plan.ts'

/** What a query looks for, in every language the index reads it in. */
export interface QueryTerms {
  /** Indexed forms (stemmed) and surfaces (unstemmed) of the query's words. */
  words: ReadonlySet<string>
  /** Surfaces of the word being typed: words starting with one of them match. */
  prefixes: readonly string[]
}

/** A run of text, marked when it is a matched word. */
export interface Piece {
  text: string
  mark: boolean
}

/** The run of an unspaced script the query ends with. */
const UNSPACED_RUN = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}]+$/u

/** Texts are highlighted up to here (a card's summary is far shorter); the rest is left plain. */
const MAX_CHARS = 2_000

/**
 * Reads `q` the way the index does (readQuery): in its detected language, the UI locale and 'und'.
 * `also` adds the words of other texts (the "did you mean" suggestion), without prefixes.
 */
export function queryTerms(q: string, locale: string, also: readonly string[] = []): QueryTerms {
  const words = new Set<string>()
  const prefixes = new Set<string>()
  for (const [i, text] of [q, ...also].entries()) {
    if (!text.trim()) continue
    const { positions, typing } = readQuery(analyzer, text, locale)
    for (const [position, { terms, surfaces }] of positions) {
      for (const word of [...terms, ...surfaces]) words.add(word)
      if (i === 0 && position === typing) for (const surface of surfaces) prefixes.add(surface)
    }
    // The segmenter cuts an unfinished word of an unspaced script into pieces (แคลคู → แค|ล|คู), and
    // the index completes the run of them whole: so does the highlighter.
    const run = UNSPACED_RUN.exec(analyzer.foldQuery(text))?.[0]
    if (i === 0 && typing >= 0 && run) prefixes.add(run)
  }
  return { words, prefixes: [...prefixes] }
}

/** Splits `text` (written in `language`) into pieces, marking the words `query` matches. */
export function highlight(text: string, language: string, query: QueryTerms): Piece[] {
  if (query.words.size === 0 && query.prefixes.length === 0) return text ? [{ text, mark: false }] : []
  const head = text.slice(0, MAX_CHARS)
  const pieces: Piece[] = []
  const push = (piece: string, mark: boolean) => {
    const last = pieces.at(-1)
    if (last && last.mark === mark) last.text += piece
    else if (piece) pieces.push({ text: piece, mark })
  }
  for (const { segment, isWordLike } of segmenter(language).segment(head))
    push(segment, isWordLike === true && matches(segment, language, query))
  if (text.length > head.length) push(text.slice(head.length), false)
  return pieces
}

function matches(word: string, language: string, query: QueryTerms): boolean {
  return analyzer
    .analyze(word, language)
    .some(
      (token) =>
        query.words.has(token.term) ||
        query.words.has(token.surface) ||
        query.prefixes.some((prefix) => token.surface.startsWith(prefix)),
    )
}

const SEGMENTERS = new Map<string, Intl.Segmenter>()

/** A word segmenter for the text's language; an unknown or malformed tag falls back to the root locale. */
function segmenter(language: string): Intl.Segmenter {
  let found = SEGMENTERS.get(language)
  if (!found) {
    found = makeSegmenter(language)
    if (SEGMENTERS.size < 200) SEGMENTERS.set(language, found)
  }
  return found
}

function makeSegmenter(language: string): Intl.Segmenter {
  try {
    return new Intl.Segmenter(language, { granularity: 'word' })
  } catch {
    return new Intl.Segmenter('und', { granularity: 'word' })
  }
}
