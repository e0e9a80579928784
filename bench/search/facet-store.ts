// Facet values of every course in typed arrays indexed by a dense number (course id or row number),
// so engines that only return ids can filter and count facets in memory at a few bytes per course.
import {
  AVAILABILITIES,
  emptyFacets,
  LANGUAGES,
  type CourseDoc,
  type FacetCounts,
  type Filters,
} from './engine.ts'

export interface FacetStore {
  set(index: number, doc: CourseDoc): void
  passes(index: number, filters: Filters): boolean
  count(index: number, facets: FacetCounts): void
  bytes(): number
}

const BROAD_FIELDS = ['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10'] as const

export function createFacetStore(): FacetStore {
  let language = new Uint8Array(1024)
  let availability = new Uint8Array(1024)
  let access = new Uint8Array(1024)
  let subjects = new Uint16Array(1024)

  const grow = (index: number) => {
    if (index < language.length) return
    let size = language.length
    while (size <= index) size *= 2
    const widen = <T extends Uint8Array | Uint16Array>(old: T, make: (n: number) => T): T => {
      const next = make(size)
      next.set(old)
      return next
    }
    language = widen(language, (n) => new Uint8Array(n))
    availability = widen(availability, (n) => new Uint8Array(n))
    access = widen(access, (n) => new Uint8Array(n))
    subjects = widen(subjects, (n) => new Uint16Array(n))
  }

  return {
    set(index, doc) {
      grow(index)
      language[index] = LANGUAGES.indexOf(doc.language)
      availability[index] = AVAILABILITIES.indexOf(doc.availability)
      access[index] = doc.access === 'free' ? 0 : 1
      let mask = 0
      for (const code of doc.subjects) mask |= 1 << Number(code.slice(0, 2))
      subjects[index] = mask
    },
    passes(index, filters) {
      const lang = LANGUAGES[language[index] ?? 0] ?? 'en'
      if (filters.languages && !filters.languages.includes(lang)) return false
      const avail = AVAILABILITIES[availability[index] ?? 0] ?? 'current'
      if (filters.availability && !filters.availability.includes(avail)) return false
      if (filters.access && (filters.access === 'free' ? 0 : 1) !== access[index]) return false
      if (filters.subjectPrefix && !((subjects[index] ?? 0) & (1 << Number(filters.subjectPrefix))))
        return false
      return true
    },
    count(index, facets) {
      const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1)
      bump(facets.language, LANGUAGES[language[index] ?? 0] ?? 'en')
      bump(facets.availability, AVAILABILITIES[availability[index] ?? 0] ?? 'current')
      bump(facets.access, access[index] === 0 ? 'free' : 'paid')
      const mask = subjects[index] ?? 0
      for (let b = 0; b < BROAD_FIELDS.length; b++)
        if (mask & (1 << b)) bump(facets.subject, BROAD_FIELDS[b] ?? '')
    },
    bytes: () => language.byteLength * 3 + subjects.byteLength,
  }
}

/** Filters and counts facets (into `facets`) over matching indexes, keeping the first `limit` that pass;
 * without facets it stops at `limit` and the total is unknown (null). */
export function collect(
  store: FacetStore,
  matches: Iterable<number>,
  filters: Filters,
  limit: number,
  faceted: boolean,
  facets: FacetCounts = emptyFacets(),
): { kept: number[]; total: number | null; facets?: FacetCounts } {
  const kept: number[] = []
  let total = 0
  for (const index of matches) {
    if (!store.passes(index, filters)) continue
    total++
    if (kept.length < limit) kept.push(index)
    if (faceted) store.count(index, facets)
    else if (kept.length >= limit) return { kept, total: null }
  }
  return faceted ? { kept, total, facets } : { kept, total }
}
