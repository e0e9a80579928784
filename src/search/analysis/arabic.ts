// Light Arabic stemmer after Lucene's ArabicStemmer (Larkey, Ballesteros and Connell's "light8"): strips one
// article/conjunction prefix and common suffixes. Expects text already normalized by `foldWord` (no
// diacritics or tatweel, أإآ→ا, ى→ي, ة→ه).

/** Tried in this order, at most one stripped: ال, وال, بال, كال, فال, لل, و. */
const PREFIXES = [
  '\u0627\u0644',
  '\u0648\u0627\u0644',
  '\u0628\u0627\u0644',
  '\u0643\u0627\u0644',
  '\u0641\u0627\u0644',
  '\u0644\u0644',
  '\u0648',
]
/** Stripped in this order, each at most once: ها, ان, ات, ون, ين, يه, ه, ي (ية and ة arrive as يه and ه). */
const SUFFIXES = [
  '\u0647\u0627',
  '\u0627\u0646',
  '\u0627\u062a',
  '\u0648\u0646',
  '\u064a\u0646',
  '\u064a\u0647',
  '\u0647',
  '\u064a',
]

/** The light stem of a normalized Arabic word; at least two letters always remain. */
export function stemArabic(word: string): string {
  let stem = stripPrefix(word)
  for (const suffix of SUFFIXES)
    if (stem.length >= suffix.length + 2 && stem.endsWith(suffix)) stem = stem.slice(0, -suffix.length)
  return stem
}

function stripPrefix(word: string): string {
  for (const prefix of PREFIXES) {
    // A one-letter prefix (و) needs a word of four letters; the others leave at least two.
    const minLength = prefix.length === 1 ? 4 : prefix.length + 2
    if (word.length >= minLength && word.startsWith(prefix)) return word.slice(prefix.length)
  }
  return word
}
