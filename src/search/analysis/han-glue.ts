// Chinese words the segmenter splits a single character off — 心理|学, 区块|链, 历史|学 — taken whole
// again: a query keeps any such word as one (历史学 is not 历史 and, separately, 学; see
// index/rejoin.ts), and documents index it whole too when the character is a suffix, so that the
// word, and a homophone picked by mistake in a pinyin input method (心里学), can be looked up as one.

/** Longer runs of glued characters are phrases, not words. */
export const MAX_GLUED_LENGTH = 6

/** Whether, in a query, `word` joins `group`: the Han words just before it, with nothing between. */
export function joinsHanGroup(group: readonly string[], word: string): boolean {
  if (group.length === 0) return false
  const length = group.reduce((total, w) => total + [...w].length, [...word].length)
  // A lone character joins the word before it; a word joins lone characters before it (零|基础).
  return length <= MAX_GLUED_LENGTH && (isLone(word) || group.every(isLone))
}

export function isLone(word: string): boolean {
  return [...word].length === 1
}

export function isHanWord(word: string): boolean {
  return HAN_WORD.test(word)
}

/**
 * Glues a document's Han words as they come: `add` each word (`attached`: nothing between it and the
 * word before), `flush` where a run must end (another script, a stop word, the end). `emit` gets each
 * word of two or more characters followed by suffixes the segmenter split off (心理|学, 区块|链,
 * 消费|者), glued, with the word's position. Only such suffixes: a lone character that is a word of its
 * own (开发|将, "will develop") would give the index a term no one searches for.
 */
export function hanGlue(emit: (word: string, position: number) => void) {
  let glued = ''
  let start = 0
  let suffixed = false
  const flush = () => {
    if (suffixed) emit(glued, start)
    glued = ''
    suffixed = false
  }
  return {
    add(word: string, position: number, attached: boolean): void {
      const suffix = attached && glued !== '' && SUFFIXES.has(word)
      if (suffix && [...glued].length < MAX_GLUED_LENGTH) {
        glued += word
        suffixed = true
        return
      }
      flush()
      if (isHanWord(word) && !isLone(word)) {
        glued = word
        start = position
      }
    },
    flush,
  }
}

/**
 * Characters that make a word of the one before them — the study, history, theory or method of it,
 * who does it, what it is like, the system or device of it — and that Intl.Segmenter often splits off.
 */
const SUFFIXES = new Set([...'学史论法术系链者家员师性化度率型式器机业界观力体品科'])

const HAN_WORD = /^\p{Script=Han}+$/u
