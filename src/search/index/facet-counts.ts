// Facet filters and counts. Values within a facet are OR-ed, facets AND-ed; each facet's counts
// reflect the other facets' selections (disjunctive faceting): a document failing exactly one
// facet's filter still counts toward that facet's values. Subjects count at every ISCED-F level.
// The loops read the facet columns' arrays directly: they run over every matching document.
import { FACETS, type FacetName, type SearchIndex } from './search-index.ts'

export type Filters = Partial<Record<FacetName, readonly string[]>>
export type FacetCounts = Record<FacetName, Record<string, number>>

/** Per filtered facet, which value numbers pass (a subject passes when a selected code is its prefix). */
export interface FacetFilter {
  facets: FacetName[]
  passes: Uint8Array[]
}

export function facetFilter(index: SearchIndex, filters: Filters): FacetFilter {
  const facets: FacetName[] = []
  const passes: Uint8Array[] = []
  for (const facet of FACETS) {
    const wanted = filters[facet]
    if (!wanted || wanted.length === 0) continue
    const names = index.facets[facet].names
    const pass = new Uint8Array(Math.max(1, names.length))
    names.forEach((name, id) => {
      if (facet === 'subject' ? wanted.some((code) => name.startsWith(code)) : wanted.includes(name))
        pass[id] = 1
    })
    facets.push(facet)
    passes.push(pass)
  }
  return { facets, passes }
}

/**
 * The documents passing every filter, and (unless `count` is false) each facet's value counts.
 */
export function countFacets(
  index: SearchIndex,
  candidates: Int32Array,
  filter: FacetFilter,
  count = true,
): { matching: Int32Array; facets: FacetCounts } {
  const columns = FACETS.map((facet) => index.facets[facet].raw)
  const counts = FACETS.map((facet) => new Int32Array(Math.max(1, index.facets[facet].names.length)))
  const subject = FACETS.indexOf('subject')
  const levels = subjectLevels(index.facets.subject.names)
  const levelCounts = new Int32Array(Math.max(1, levels.names.length))
  const levelSeen = new Int32Array(Math.max(1, levels.names.length)).fill(-1)
  const filtered = filter.facets.map((facet) => FACETS.indexOf(facet))
  const add = (f: number, doc: number) => {
    const column = columns[f]
    if (!column) return
    const { values, starts, ends } = column
    if (f === subject) {
      for (let i = starts[doc] ?? 0; i < (ends[doc] ?? 0); i++)
        for (let k = 0; k < 3; k++) {
          const level = levels.of[(values[i] ?? 0) * 3 + k] ?? -1
          if (level < 0 || levelSeen[level] === doc) continue
          levelSeen[level] = doc
          levelCounts[level] = (levelCounts[level] ?? 0) + 1
        }
      return
    }
    const own = counts[f]
    if (own)
      for (let i = starts[doc] ?? 0; i < (ends[doc] ?? 0); i++)
        own[values[i] ?? 0] = (own[values[i] ?? 0] ?? 0) + 1
  }
  const matching = new Int32Array(candidates.length)
  let matched = 0
  for (const doc of candidates) {
    let failing = -1
    let failures = 0
    for (let f = 0; f < filtered.length && failures < 2; f++) {
      const facet = filtered[f] ?? 0
      const pass = filter.passes[f]
      if (!pass || !index.facets[FACETS[facet] ?? 'language'].hasAny(doc, pass)) {
        failures++
        failing = facet
      }
    }
    if (failures === 0) {
      matching[matched++] = doc
      if (count) for (let f = 0; f < FACETS.length; f++) add(f, doc)
    } else if (failures === 1 && count) add(failing, doc)
  }
  const facets = emptyCounts()
  if (count)
    FACETS.forEach((facet, f) => {
      facets[facet] =
        f === subject ? named(levels.names, levelCounts) : named(index.facets[facet].names, counts[f])
    })
  return { matching: matching.subarray(0, matched), facets }
}

/** Counts by value name. */
function named(names: readonly string[], counts: Int32Array | undefined): Record<string, number> {
  const result: Record<string, number> = {}
  names.forEach((name, id) => {
    const count = counts?.[id] ?? 0
    if (count > 0) result[name] = count
  })
  return result
}

/** The fields of each subject code at the broad (2-digit), narrow (3-digit) and own level, numbered. */
function subjectLevels(codes: readonly string[]): { names: string[]; of: Int32Array } {
  const ids = new Map<string, number>()
  const of = new Int32Array(Math.max(1, codes.length * 3)).fill(-1)
  codes.forEach((code, v) => {
    ;[...new Set([code.slice(0, 2), code.slice(0, 3), code])].forEach((level, k) => {
      let id = ids.get(level)
      if (id === undefined) {
        id = ids.size
        ids.set(level, id)
      }
      of[v * 3 + k] = id
    })
  })
  return { names: [...ids.keys()], of }
}

function emptyCounts(): FacetCounts {
  return {
    language: {},
    subject: {},
    subtitle: {},
    institution: {},
    platform: {},
    level: {},
    availability: {},
    access: {},
    certificate: {},
  }
}
