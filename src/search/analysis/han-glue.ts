// Chinese words the segmenter splits a single character off — 心理|学, 区块|链, 历史|学 — taken whole
// again: a query keeps such a word as one (历史学 is not 历史 and, separately, 学), and documents index
// it whole too, so that the word, and a homophone picked by mistake in a pinyin input method (心里学),
// can be looked up as one.

/** Longer runs of glued characters are phrases, not words. */
export const MAX_GLUED_LENGTH = 6

/** Whether `word` joins `group`: the Han words just before it, with nothing between them. */
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
 * word before), `flush` where a group must end (another script, a stop word, the end). `emit` gets each
 * glued word with the position of its first word; groups of lone characters only are left alone (a
 * name such as 阎|步|克 is found through its characters).
 */
export function hanGlue(emit: (word: string, position: number) => void) {
  let group: string[] = []
  let start = 0
  const flush = () => {
    if (group.length > 1 && !group.every(isLone)) emit(group.join(''), start)
    group = []
  }
  return {
    add(word: string, position: number, attached: boolean): void {
      if (!isHanWord(word)) return flush()
      if (!attached || !joinsHanGroup(group, word)) {
        flush()
        start = position
      }
      group.push(word)
    },
    flush,
  }
}

const HAN_WORD = /^\p{Script=Han}+$/u
