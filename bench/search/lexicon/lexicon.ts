// Shape of one language's seed lexicon for the synthetic catalog, and helpers to write lexicons compactly.

export const LANGUAGES = ['en', 'zh', 'ru', 'th', 'ar', 'es', 'fr'] as const
export type Language = (typeof LANGUAGES)[number]

export interface Lexicon {
  language: Language
  /** What separates words in running text: '' for Chinese and Thai, which write no spaces. */
  joiner: '' | ' '
  /** Ends a sentence in descriptions. */
  sentenceEnd: string
  /** Function words mixed into descriptions; never query targets. */
  stop: readonly string[]
  /** Real course vocabulary, most common first (the head of the Zipf distribution). */
  words: readonly string[]
  /** Long-tail terms built from the words: compounds, inflections, clitics. */
  expand(words: readonly string[]): string[]
  /** Topic phrases as word lists, aligned across languages by index (see topics.ts). */
  topics: readonly (readonly string[])[]
  /** Title patterns as word lists; '{t}' stands for the topic phrase. */
  patterns: readonly (readonly string[])[]
  names: { first: readonly string[]; last: readonly string[]; surnameFirst?: boolean }
}

/** Splits a whitespace-separated list. */
export function list(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0)
}

/** Splits '|'-separated phrases into word lists. */
export function phrases(text: string): string[][] {
  return text
    .split('|')
    .map(list)
    .filter((p) => p.length > 0)
}

/** Every head glued to every word: "bio" + "statistics", "数据" + "安全". */
export function compounds(heads: readonly string[], words: readonly string[]): string[] {
  return heads.flatMap((h) => words.filter((w) => w !== h).map((w) => h + w))
}

/** Words whose ending matches get each replacement ending: inflections by rule. */
export function inflect(words: readonly string[], rules: readonly [RegExp, readonly string[]][]): string[] {
  return words.flatMap((w) => {
    const rule = rules.find(([end]) => end.test(w))
    return rule ? rule[1].map((ending) => w.replace(rule[0], ending)) : []
  })
}
