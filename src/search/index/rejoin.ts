// Query words that Intl.Segmenter cut apart, joined again before they are looked up. The segmenter
// splits what its dictionary lacks — a misspelled or unfinished Thai word (ดาราศาตร์ → ดา|รา|ศาต|ร์),
// a Chinese word with a suffix (历史学 → 历史|学) — into fragments that would each be required on
// their own, and that completion and typo tolerance would see one at a time. Fragments side by side
// in one unspaced script are taken together: Thai, Lao, Khmer and Myanmar runs are segmented again
// with the index's vocabulary, and a lone Han character joins the word beside it.

import { isLone, joinsHanGroup } from '../analysis/han-glue.ts'
import { UNSPACED_SCRIPTS } from '../analysis/script.ts'

export interface QueryWord {
  position: number
  terms: string[]
  surfaces: string[]
  /** Known parts of a joined or compound word, looked up too (counting less); never a lone Han character. */
  parts: string[]
  /** Still being typed: completed. */
  typing: boolean
}

/** What rejoining needs to know of the index's vocabulary. */
export interface Lexicon {
  known(word: string): boolean
  /** Whether a known word starts with `prefix`. */
  completes(prefix: string): boolean
  /** Edits to the nearest known word within the word's typo budget, or null when there is none. */
  nearMiss(word: string): number | null
  scriptOf(word: string): string
}

/** `words` in position order; `text` is the query as its words are compared (normalized, folded). */
export function rejoin(words: readonly QueryWord[], text: string, lexicon: Lexicon): QueryWord[] {
  const out: QueryWord[] = []
  /** How many positions joining has saved so far: later words move up by as many. */
  let saved = 0
  for (let i = 0; i < words.length;) {
    const run = runAt(words, i, text, lexicon)
    const script = lexicon.scriptOf(surfaceOf(run[0]))
    const joined =
      script === 'han' ? glueHan(run, lexicon) : SEGMENTED.has(script) ? resegment(run, lexicon) : run
    const first = (run[0]?.position ?? 0) - saved
    joined.forEach((word, k) => out.push({ ...word, position: first + k }))
    saved += run.length - joined.length
    i += run.length
  }
  return out
}

/**
 * The known words an unknown word is made of (ประวัติ|ศาสตร์), the longest known first part first. In a
 * Thai compound of Pali or Sanskrit words the first part may have lost its silent final mark
 * (แพทยศาสตร์ is แพทย์ + ศาสตร์): such a compound puts the word that says what it is about first and
 * a generic head after (ศาสตร์, "the science of"), so the first part alone stands in for it.
 */
export function compoundParts(word: string, lexicon: Pick<Lexicon, 'known'>): string[] | null {
  const chars = [...word]
  for (let i = chars.length - MIN_PART; i >= MIN_PART; i--) {
    const first = chars.slice(0, i).join('')
    const rest = chars.slice(i).join('')
    if (MARK.test(rest) || LEADING_VOWEL.test(chars[i - 1] ?? '') || !lexicon.known(rest)) continue
    if (lexicon.known(first)) return [first, rest]
    if (lexicon.known(first + THANTHAKHAT)) return [first + THANTHAKHAT]
  }
  return null
}

/** Scripts Intl.Segmenter splits by dictionary, where a word it does not know falls apart. */
const SEGMENTED = new Set([...UNSPACED_SCRIPTS].filter((script) => script !== 'han' && script !== 'kana'))
/** Fragments one piece may join: bounds the work of a long run. */
const MAX_PIECE = 8
const MIN_PART = 2
const MARK = /^\p{M}/u
/** Thai vowels written before the consonant they follow in speech: a word never ends with one. */
const LEADING_VOWEL = /^[\u0e40-\u0e44]$/u
const THANTHAKHAT = '\u0e4c'

function surfaceOf(word: QueryWord | undefined): string {
  return word?.surfaces[0] ?? ''
}

/** The words from `i` that stand side by side in the text in one unspaced script (at least one). */
function runAt(words: readonly QueryWord[], i: number, text: string, lexicon: Lexicon): QueryWord[] {
  const first = words[i]
  if (!first) return []
  const script = lexicon.scriptOf(surfaceOf(first))
  const run = [first]
  let joined = surfaceOf(first)
  if (script !== 'han' && !SEGMENTED.has(script)) return run
  for (let j = i + 1; j < words.length; j++) {
    const next = words[j]
    const last = run[run.length - 1]
    if (!next || !last || next.position !== last.position + 1) break
    if (lexicon.scriptOf(surfaceOf(next)) !== script || !text.includes(joined + surfaceOf(next))) break
    joined += surfaceOf(next)
    run.push(next)
  }
  return run
}

/**
 * A lone Han character joins the word beside it (历史|学, see `joinsHanGroup`) into one word, with its
 * known parts as alternatives (历史, 史学). A lone character being typed last stays on its own unless the
 * joined word is known: it starts the next word (数据|结 is 数据 and 结构 being typed). A joined word
 * nothing in the index resembles falls back to its words of two or more characters as they came (the
 * lone characters are never looked up alone), or to all of them when it is made of lone characters
 * only (a name such as 阎|步|克, found through its characters).
 */
function glueHan(run: readonly QueryWord[], lexicon: Lexicon): QueryWord[] {
  const groups: QueryWord[][] = []
  for (const word of run) {
    const last = groups[groups.length - 1]
    if (last && joinsHanGroup(last.map(surfaceOf), surfaceOf(word))) last.push(word)
    else groups.push([word])
  }
  const last = groups[groups.length - 1]
  const typed = last?.[last.length - 1]
  if (last && typed?.typing && last.length > 1 && isLone(surfaceOf(typed))) {
    if (!lexicon.known(last.map(surfaceOf).join(''))) groups.push([last.pop() ?? typed])
  }
  return groups.flatMap((group) => (group.length === 1 ? group : hanWord(group, lexicon)))
}

function hanWord(group: readonly QueryWord[], lexicon: Lexicon): QueryWord[] {
  const whole = group.map(surfaceOf).join('')
  const chars = [...whole]
  const pairs = chars.slice(1).map((c, k) => (chars[k] ?? '') + c)
  const words = group.map(surfaceOf).filter((s) => !isLone(s))
  const parts = [...new Set([...words, ...pairs])].filter((p) => p !== whole && lexicon.known(p))
  const word = joinedWord(whole, group, parts)
  if (parts.length > 0 || lexicon.known(whole) || lexicon.nearMiss(whole) !== null) return [word]
  if (word.typing && lexicon.completes(whole)) return [word]
  const kept = group.filter((w) => !isLone(surfaceOf(w)))
  return kept.length > 0 ? kept : [...group]
}

function joinedWord(whole: string, group: readonly QueryWord[], parts: string[]): QueryWord {
  const typing = group[group.length - 1]?.typing ?? false
  return { position: group[0]?.position ?? 0, terms: [whole], surfaces: [whole], parts, typing }
}

/** [fragments left unknown, edits, pieces]: compared in that order, smaller is better. */
type Cost = [number, number, number]

/**
 * Segments a run again when the vocabulary does not know some of its fragments: into pieces that are
 * known words, known compounds, near misses, or (the last, while typed) the start of a known word.
 */
function resegment(run: readonly QueryWord[], lexicon: Lexicon): QueryWord[] {
  const fragments = run.map(surfaceOf)
  if (fragments.every((f) => lexicon.known(f))) return [...run]
  const typing = run[run.length - 1]?.typing ?? false
  const best: { cost: Cost; pieces: QueryWord[] }[] = [{ cost: [0, 0, 0], pieces: [] }]
  for (let end = 1; end <= run.length; end++) {
    for (let start = Math.max(0, end - MAX_PIECE); start < end; start++) {
      const before = best[start]
      const piece = pieceOf(run.slice(start, end), typing && end === run.length, lexicon)
      if (!before || !piece) continue
      const cost: Cost = [before.cost[0] + piece.cost[0], before.cost[1] + piece.cost[1], before.cost[2] + 1]
      const current = best[end]
      if (!current || less(cost, current.cost)) best[end] = { cost, pieces: [...before.pieces, piece.word] }
    }
  }
  return best[run.length]?.pieces ?? [...run]
}

function pieceOf(
  group: readonly QueryWord[],
  typing: boolean,
  lexicon: Lexicon,
): { cost: [number, number]; word: QueryWord } | null {
  const single = group.length === 1 ? group[0] : undefined
  const whole = group.map(surfaceOf).join('')
  const word = single ?? joinedWord(whole, group, [])
  if (lexicon.known(whole) || (typing && lexicon.completes(whole))) return { cost: [0, 0], word }
  const parts = compoundParts(whole, lexicon)
  if (parts) return { cost: [0, 0.5], word: { ...word, parts } }
  const edits = lexicon.nearMiss(whole)
  if (edits !== null) return { cost: [0, edits], word }
  return single ? { cost: [1, 0], word: single } : null
}

function less(a: Cost, b: Cost): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0)
  return false
}
