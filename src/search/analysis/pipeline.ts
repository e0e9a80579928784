// The analysis pipeline of one language: how one raw word becomes an indexed term (apostrophes, folding,
// stop words, stemming), with the results of recent words remembered — word frequencies are Zipfian, so
// most words of a catalog are analyzed once and then looked up.

import { foldWord } from './normalize.ts'
import { scriptOf, type Script } from './script.ts'
import { stemmerFor, type Stemmer } from './stemmers.ts'
import { stopWordList } from './stop-words.ts'

/** One analyzed word: `stop` words take a position but are not indexed; so do overlong words (empty term). */
export interface WordForm {
  term: string
  surface: string
  stop: boolean
  /** The one- and two-character parts of a Han word of three or more characters (see `hanParts`). */
  parts?: readonly string[]
}

export interface Pipeline {
  /** The primary language subtag this pipeline is for ('und' for languages without stemmer or stop words). */
  language: string
  /** The Intl.Segmenter locale for Han runs without kana. */
  hanLocale: 'ja' | 'zh'
  stemmer: Stemmer | undefined
  stopWords: ReadonlySet<string>
  stopScripts: ReadonlySet<Script>
  elisions: ReadonlySet<string>
  /** Recent words: looked up in `young`, then `old` (and moved back to `young`); `young` full → it becomes `old`. */
  cache: { young: Map<string, WordForm | null>; old: Map<string, WordForm | null> }
}

/** Words longer than this (in UTF-16 code units) are not indexed: they are URLs, hashes or garbage. */
export const MAX_WORD_LENGTH = 64

/** The pipeline for a BCP-47 tag: its primary subtag decides (`pt-BR` → pt, `zh-Hant` → zh). */
export function pipelineFor(language: string): Pipeline {
  const tag = typeof language === 'string' ? language.trim() : ''
  const primary = /^([a-z]{2,3})(?:$|[-_])/iu.exec(tag)?.[1]?.toLowerCase() ?? 'und'
  const key = (Object.hasOwn(ALIASES, primary) ? ALIASES[primary] : undefined) ?? primary
  let pipeline = PIPELINES.get(key)
  if (pipeline === undefined) {
    pipeline = isKnown(key) ? createPipeline(key) : undefinedPipeline()
    PIPELINES.set(key, pipeline)
  }
  return pipeline
}

/** The form of a raw word from the splitter (lower-cased, NFKC), or null when nothing of it is left. */
export function wordForm(pipeline: Pipeline, raw: string): WordForm | null {
  const cache = pipeline.cache
  const young = cache.young.get(raw)
  if (young !== undefined) return young
  const form = cache.old.get(raw) ?? computeForm(pipeline, raw)
  if (cache.young.size >= GENERATION_SIZE) {
    cache.old = cache.young
    cache.young = new Map()
  }
  cache.young.set(raw, form)
  return form
}

/** Words remembered per generation: at most 100,000 words for each language in use. */
const GENERATION_SIZE = 50_000

const ALIASES: Readonly<Record<string, string>> = { iw: 'he', in: 'id', ji: 'yi', zho: 'zh', chi: 'zh' }
const PIPELINES = new Map<string, Pipeline>()

// prettier-ignore
const ELISIONS: Readonly<Record<string, readonly string[]>> = {
  fr: ['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu'],
  it: ['l', 'd', 'c', 'un', 'dell', 'all', 'dall', 'nell', 'sull', 'coll', 'quell', 'quest', 'tutt'],
  ca: ['l', 'd', 'm', 'n', 's', 't'],
}

/** Languages with something of their own; all others share the 'und' pipeline (so odd tags cost nothing). */
function isKnown(language: string): boolean {
  return (
    language === 'ja' ||
    Object.hasOwn(ELISIONS, language) ||
    stemmerFor(language) !== undefined ||
    stopWordList(language).length > 0
  )
}

function createPipeline(language: string): Pipeline {
  const stopWords = new Set(stopWordList(language).map((word) => foldWord(word)))
  return {
    language,
    hanLocale: language === 'ja' ? 'ja' : 'zh',
    stemmer: stemmerFor(language),
    stopWords,
    stopScripts: new Set([...stopWords].map((word) => scriptOf(word))),
    elisions: new Set(Object.hasOwn(ELISIONS, language) ? ELISIONS[language] : []),
    cache: { young: new Map(), old: new Map() },
  }
}

function undefinedPipeline(): Pipeline {
  const und = PIPELINES.get('und') ?? createPipeline('und')
  PIPELINES.set('und', und)
  return und
}

function computeForm(pipeline: Pipeline, raw: string): WordForm | null {
  if (raw.length > MAX_WORD_LENGTH) return { term: '', surface: '', stop: true }
  const surface = foldWord(withoutApostrophes(pipeline, raw))
  if (surface.length === 0) return null
  const script = scriptOf(surface)
  if (pipeline.stopWords.has(surface) && pipeline.stopScripts.has(script))
    return { term: surface, surface, stop: true }
  if (script === 'han') {
    const parts = hanParts(surface)
    return parts.length > 0
      ? { term: surface, surface, stop: false, parts }
      : { term: surface, surface, stop: false }
  }
  const stemmer = pipeline.stemmer
  if (stemmer === undefined || !stemmer.scripts.includes(script) || /[0-9+#]/u.test(surface))
    return { term: surface, surface, stop: false }
  const stem = foldWord(safeStem(stemmer, surface))
  return { term: stem.length > 0 ? stem : surface, surface, stop: false }
}

/**
 * Intl.Segmenter keeps some Chinese compounds whole (线性代数, 分子生物学, 微积分), where a learner searching
 * 代数, 生物 or 积分 must still find them: such words also index their characters and character pairs.
 */
function hanParts(word: string): string[] {
  const chars = [...word]
  if (chars.length < 3 || chars.length > MAX_HAN_PARTS_LENGTH || !/^\p{Script=Han}+$/u.test(word)) return []
  const parts = new Set(chars)
  for (let i = 1; i < chars.length; i++) parts.add((chars[i - 1] ?? '') + (chars[i] ?? ''))
  return [...parts]
}

/** Han words longer than this are names or transliterations, not compounds to take apart. */
const MAX_HAN_PARTS_LENGTH = 8

/** Stemmers are third-party code: one that fails on an odd word leaves the word unstemmed. */
function safeStem(stemmer: Stemmer, word: string): string {
  try {
    return stemmer.stem(word)
  } catch {
    return word
  }
}

/** French and Italian elisions go (`l'éducation` → `éducation`), English possessives too; other apostrophes join. */
function withoutApostrophes(pipeline: Pipeline, raw: string): string {
  const first = raw.search(/['\u2019\u02bc]/u)
  if (first < 0) return raw
  let word = raw
  if (pipeline.elisions.has(raw.slice(0, first))) word = raw.slice(first + 1)
  if (pipeline.language === 'en') word = word.replace(/['\u2019\u02bc]s$/u, '')
  return word.replace(/['\u2019\u02bc]/gu, '')
}
