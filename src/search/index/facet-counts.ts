// Facet filters and counts. Values within a facet are OR-ed, facets AND-ed; each facet's counts
// reflect the other facets' selections (disjunctive faceting): a document failing exactly one
// facet's filter still counts toward that facet's values. Subjects count at every ISCED-F level.
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
    const pass = new Uint8Array(names.length)
    names.forEach((name, id) => {
      if (facet === 'subject' ? wanted.some((code) => name.startsWith(code)) : wanted.includes(name))
        pass[id] = 1
    })
    facets.push(facet)
    passes.push(pass)
  }
  return { facets, passes }
}

export function countFacets(
  index: SearchIndex,
  candidates: Int32Array,
  filter: FacetFilter,
): { matching: Int32Array; facets: FacetCounts } {
  const counts = FACETS.map((facet) => new Int32Array(index.facets[facet].names.length))
  const subject = FACETS.indexOf('subject')
  const levels = subjectLevels(index.facets.subject.names)
  const subjects = new Map<string, number>()
  const addSubjects = (values: Uint16Array | undefined) => {
    const fields = new Set<string>()
    for (const v of values ?? []) for (const code of levels[v] ?? []) fields.add(code)
    for (const code of fields) subjects.set(code, (subjects.get(code) ?? 0) + 1)
  }
  const columns = FACETS.map((facet) => index.facets[facet])
  const filtered = filter.facets.map((facet) => FACETS.indexOf(facet))
  const matching = new Int32Array(candidates.length)
  let matched = 0
  for (const doc of candidates) {
    let failing = -1
    let failures = 0
    for (let f = 0; f < filtered.length && failures < 2; f++) {
      const pass = filter.passes[f]
      if (!pass || !columns[filtered[f] ?? 0]?.of(doc).some((v) => pass[v] === 1)) {
        failures++
        failing = filtered[f] ?? -1
      }
    }
    if (failures === 0) {
      matching[matched++] = doc
      for (let f = 0; f < FACETS.length; f++)
        if (f === subject) addSubjects(columns[f]?.of(doc))
        else add(counts[f], columns[f]?.of(doc))
    } else if (failures === 1) {
      if (failing === subject) addSubjects(columns[failing]?.of(doc))
      else add(counts[failing], columns[failing]?.of(doc))
    }
  }
  const facets = Object.fromEntries(
    FACETS.map((facet, f) => [
      facet,
      f === subject ? Object.fromEntries(subjects) : named(index.facets[facet].names, counts[f]),
    ]),
  )
  return { matching: matching.subarray(0, matched), facets: toCounts(facets) }
}

function add(counts: Int32Array | undefined, values: Uint16Array | undefined): void {
  if (!counts || !values) return
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1
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

/** Each subject code with the broad (2-digit) and narrow (3-digit) fields it belongs to. */
function subjectLevels(names: readonly string[]): string[][] {
  return names.map((code) => [...new Set([code.slice(0, 2), code.slice(0, 3), code])])
}

function toCounts(entries: Record<string, Record<string, number>>): FacetCounts {
  const counts: Partial<FacetCounts> = {}
  for (const facet of FACETS) counts[facet] = entries[facet] ?? {}
  return { ...emptyCounts(), ...counts }
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
