// Folds Traditional Chinese characters to Simplified, so that 機器學習 and 机器学习 give the same terms.
// Character by character from OpenCC's tables (TSCharacters, plus Taiwan and Hong Kong variant forms).

import { from, to } from 'opencc-js/preset/t2cn'
import { charWidth } from './script.ts'

/** `text` with every Traditional character replaced by its Simplified form; other characters unchanged. */
export function foldHan(text: string): string {
  let out = ''
  let last = 0
  for (let i = 0; i < text.length; i++) {
    const pair = charWidth(text, i) === 2
    const ch = pair ? text.slice(i, i + 2) : text[i]
    const simplified = ch === undefined ? undefined : HAN.get(ch)
    if (simplified !== undefined) {
      out += text.slice(last, i) + simplified
      last = i + (pair ? 2 : 1)
    }
    if (pair) i++
  }
  return last === 0 ? text : out + text.slice(last)
}

/** The single-character entries of an OpenCC dictionary (a `a b|c d` string or a list of pairs). */
function characterPairs(dict: string | readonly (readonly [string, string])[]): [string, string][] {
  const pairs: readonly (readonly string[])[] =
    typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ')) : dict
  const out: [string, string][] = []
  for (const [source, target] of pairs) {
    if (source === undefined || target === undefined) continue
    if ([...source].length === 1 && [...target].length === 1) out.push([source, target])
  }
  return out
}

function buildTable(): Map<string, string> {
  const table = new Map<string, string>()
  for (const group of to['cn'] ?? [])
    for (const dict of group) for (const [t, s] of characterPairs(dict)) table.set(t, s)
  // Follow chains (A→B, B→C) so that folding is idempotent.
  for (const [t, s] of table) {
    let target = s
    for (let hops = 0; hops < 4 && table.has(target) && table.get(target) !== target; hops++)
      target = table.get(target) ?? target
    table.set(t, target)
  }
  const simplified = new Set(table.values())
  // Regional variants (Taiwan 裡, Hong Kong 衞) fold to what their standard form folds to, unless the
  // variant is itself a Simplified character (么 is the Simplified form of 麼, not a variant of 幺).
  for (const region of ['tw', 'hk'])
    for (const group of from[region] ?? [])
      for (const dict of group)
        for (const [variant, standard] of characterPairs(dict)) {
          if (table.has(variant) || simplified.has(variant)) continue
          const target = table.get(standard) ?? standard
          if (target !== variant && !table.has(target)) table.set(variant, target)
        }
  return table
}

const HAN = buildTable()
