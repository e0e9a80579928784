// Text analysis for search: turns a field of a course, or a query, into terms. Documents and queries go
// through the same pipeline: NFKC, lower case, word splitting by script, folding, stop words, stemming.

import { hanGlue } from './han-glue.ts'
import { foldWord, prepareText } from './normalize.ts'
import { pipelineFor, wordForm } from './pipeline.ts'
import { splitWords } from './split-words.ts'

export { scriptOf, type Script } from './script.ts'

export interface Token {
  /** The indexed form: normalized, folded, stemmed (Han: folded to Simplified, not stemmed). */
  term: string
  /** The normalized, folded but unstemmed word — for prefix matching and typo tolerance. */
  surface: string
  /** Word position in the text (0-based, counting stop words too), for phrase matching. */
  position: number
}

export interface AnalyzeOptions {
  /** Only the first `maxChars` UTF-16 code units are analyzed (a word cut there is dropped). */
  maxChars?: number
}

export interface QueryOptions extends AnalyzeOptions {
  /** At most this many tokens are returned (the first ones). */
  maxTokens?: number
}

/** Fields are analyzed up to 10,000 characters: ~1,500 words, far more than any title or course summary. */
export const DEFAULT_MAX_CHARS = 10_000
/** Queries are analyzed up to 500 characters and 32 tokens. */
export const DEFAULT_QUERY_MAX_CHARS = 500
export const DEFAULT_QUERY_MAX_TOKENS = 32

/**
 * Document analysis. `language`: BCP-47 tag of the text (`en`, `zh-Hant`, `pt-BR`, `und`, anything); its
 * primary subtag chooses stemmer and stop words, which apply to words in that language's script only.
 * Stop words are dropped but still take a position. Tokens come in text order, followed by the parts of
 * Han words of three or more characters (their characters and character pairs, at the word's position),
 * so that 代数 finds 线性代数, and by Han words the segmenter split a single character off, glued whole
 * (心理|学 also gives 心理学, see `hanGlue`). Never throws; work is bounded by `maxChars`.
 */
export function analyze(text: string, language: string, options: AnalyzeOptions = {}): Token[] {
  const pipeline = pipelineFor(language)
  const prepared = prepareText(text, options.maxChars ?? DEFAULT_MAX_CHARS)
  const tokens: Token[] = []
  const parts: Token[] = []
  const glued = hanGlue((word, at) => parts.push({ term: word, surface: word, position: at }))
  let position = 0
  splitWords(prepared.text, pipeline.hanLocale, (raw, end, attached) => {
    if (prepared.cutInWord && end === prepared.text.length) return
    const form = wordForm(pipeline, raw)
    if (form === null) return
    if (!form.stop) tokens.push({ term: form.term, surface: form.surface, position })
    for (const part of form.parts ?? []) parts.push({ term: part, surface: part, position })
    if (form.stop) glued.flush()
    else glued.add(form.surface, position, attached)
    position++
  })
  glued.flush()
  return parts.length === 0 ? tokens : tokens.concat(parts)
}

/**
 * Query analysis: the same pipeline, but stop words are kept when the query is only stop words, and
 * `lastIsPrefix` says that the last token is the word being typed: the query ends inside it, not with a space
 * or punctuation (for as-you-type prefix matching on its `surface`). A stop word being typed last is
 * dropped like any other, so `lastIsPrefix` is then false ("introduction to" searches "introduction").
 */
export function analyzeQuery(
  text: string,
  language: string,
  options: QueryOptions = {},
): { tokens: Token[]; lastIsPrefix: boolean } {
  const pipeline = pipelineFor(language)
  const prepared = prepareText(text, options.maxChars ?? DEFAULT_QUERY_MAX_CHARS)
  const all: (Token & { stop: boolean })[] = []
  let lastEnd = -1
  splitWords(prepared.text, pipeline.hanLocale, (raw, end) => {
    if (prepared.cutInWord && end === prepared.text.length) return
    const form = wordForm(pipeline, raw)
    if (form === null) return
    all.push({ term: form.term, surface: form.surface, position: all.length, stop: form.stop })
    lastEnd = end
  })
  const content = all.filter((token) => !token.stop)
  const kept = (content.length > 0 ? content : all.filter((token) => token.term !== '')).map(
    ({ term, surface, position }) => ({ term, surface, position }),
  )
  const maxTokens = options.maxTokens ?? DEFAULT_QUERY_MAX_TOKENS
  const tokens = kept.slice(0, Math.max(0, maxTokens))
  const last = all[all.length - 1]
  const lastIsPrefix =
    !prepared.truncated &&
    lastEnd === prepared.text.length &&
    last !== undefined &&
    tokens[tokens.length - 1]?.position === last.position
  return { tokens, lastIsPrefix }
}

/** A query as its words are compared (normalized and folded), to tell which words stand side by side. */
export function foldQuery(text: string, maxChars = DEFAULT_QUERY_MAX_CHARS): string {
  return foldWord(prepareText(text, maxChars).text)
}
