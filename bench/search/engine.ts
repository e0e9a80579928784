// The contract between the search benchmark and every engine it measures (moocx and the baselines):
// the course document, the query and the result, and the engine interface each engine file implements.
import type { Language } from './lexicon/index.ts'

export { LANGUAGES, type Language } from './lexicon/index.ts'
export type Availability = 'current' | 'starting-soon' | 'upcoming' | 'self-paced' | 'archived'
export type Level = 'introductory' | 'intermediate' | 'advanced'

export const AVAILABILITIES: readonly Availability[] = [
  'current',
  'starting-soon',
  'upcoming',
  'self-paced',
  'archived',
]

export interface CourseDoc {
  id: number
  language: Language
  title: string
  description: string
  /** ISCED-F 2013 detailed (4-digit) codes, 1–3. */
  subjects: string[]
  institution: string
  platform: string
  level: Level
  availability: Availability
  access: 'free' | 'paid'
  certificate: 'none' | 'free' | 'paid'
  subtitleLanguages: Language[]
  instructors: string[]
  keywords: string[]
  enrollments: number
}

export const QUERY_CLASSES = ['one-word', 'two-three-words', 'prefix', 'misspelled'] as const
export type QueryClass = (typeof QUERY_CLASSES)[number]

/** Values within a filter are OR-ed; filters are AND-ed. */
export interface Filters {
  languages?: Language[]
  availability?: Availability[]
  access?: 'free' | 'paid'
  /** A 2-digit ISCED-F broad field: the course has a subject starting with it. */
  subjectPrefix?: string
}

export interface Query {
  id: string
  class: QueryClass
  /** Faceted queries carry filters and ask for facet counts. */
  faceted: boolean
  /** The language the learner typed in (engines analyze the text in it). */
  language: Language
  text: string
  /** The last word is still being typed: match it as a prefix. */
  lastIsPrefix: boolean
  filters: Filters
}

/** Facets counted for faceted queries, over every course matching the text and the filters (the
 * baselines); an engine may count disjunctively (each facet ignoring its own filter), as moocx does. */
export const FACETS = ['language', 'availability', 'access', 'subject'] as const
export type FacetName = (typeof FACETS)[number]
export type FacetCounts = Record<FacetName, Record<string, number>>

export interface SearchResult {
  /** Top 20 course ids, best first. */
  ids: number[]
  /** Courses matching text and filters; null when the engine stopped early and does not know. */
  total: number | null
  /** Present when the query is faceted; subject counts are by 2-digit broad field. */
  facets?: FacetCounts
}

export interface Engine {
  readonly name: string
  build(docs: Iterable<CourseDoc>): Promise<void>
  search(query: Query): Promise<SearchResult>
  /** Bytes the engine keeps on disk (database files, server-side relations), if any. */
  diskBytes?(): Promise<number>
  close(): Promise<void>
}

export interface EngineOptions {
  /** A fresh directory the engine may write to; removed after the run. */
  workDir: string
}

export type EngineFactory = (options: EngineOptions) => Promise<Engine>

export const TOP_K = 20

/** The 2-digit broad field of an ISCED-F code. */
export function broadField(code: string): string {
  return code.slice(0, 2)
}

/** What facets and filters look at. */
export type FacetDoc = Pick<CourseDoc, 'language' | 'availability' | 'access' | 'subjects'>

export function emptyFacets(): FacetCounts {
  return { language: {}, availability: {}, access: {}, subject: {} }
}

/** Adds one matching course to facet counts (each broad field once per course). */
export function countFacets(facets: FacetCounts, doc: FacetDoc): void {
  const add = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1)
  add(facets.language, doc.language)
  add(facets.availability, doc.availability)
  add(facets.access, doc.access)
  for (const field of new Set(doc.subjects.map(broadField))) add(facets.subject, field)
}

/** Whether a course passes the query's filters. */
export function passesFilters(filters: Filters, doc: FacetDoc): boolean {
  if (filters.languages && !filters.languages.includes(doc.language)) return false
  if (filters.availability && !filters.availability.includes(doc.availability)) return false
  if (filters.access && filters.access !== doc.access) return false
  const prefix = filters.subjectPrefix
  if (prefix && !doc.subjects.some((s) => s.startsWith(prefix))) return false
  return true
}
