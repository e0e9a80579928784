// moocx's own search index in the search benchmark: the generated courses become search documents
// (availability given by a run placed around a fixed day), and queries go through the same search()
// the API uses.
import * as analyzer from '../../src/search/analysis/analyze.ts'
import { withAnalysisPool } from '../../src/search/index/analysis-pool.ts'
import { search } from '../../src/search/index/evaluate.ts'
import { addInOrder, inBatches } from '../../src/search/index/parallel-build.ts'
import { SearchIndex } from '../../src/search/index/search-index.ts'
import type { SearchDocument, SearchRun } from '../../src/search/search-document.ts'
import {
  emptyFacets,
  TOP_K,
  type Availability,
  type CourseDoc,
  type Engine,
  type EngineFactory,
} from './engine.ts'

const TODAY = '2026-11-29'

/** A run that is `availability` on TODAY. */
const RUNS: Record<Availability, SearchRun> = {
  current: { pacing: 'instructor', startsOn: '2026-11-01', endsOn: '2027-01-31' },
  'starting-soon': { pacing: 'instructor', startsOn: '2026-12-10', endsOn: '2027-02-28' },
  upcoming: { pacing: 'instructor', startsOn: '2027-03-01', endsOn: '2027-05-31' },
  'self-paced': { pacing: 'self', startsOn: '2025-01-01', endsOn: null },
  archived: { pacing: 'instructor', startsOn: '2025-01-01', endsOn: '2025-03-31' },
}

export function toSearchDocument(doc: CourseDoc): SearchDocument {
  return {
    courseId: String(doc.id),
    language: doc.language,
    title: doc.title,
    summary: null,
    description: doc.description,
    subjects: doc.subjects,
    keywords: doc.keywords,
    instructors: doc.instructors,
    institutions: [doc.institution],
    platforms: [doc.platform],
    subtitleLanguages: doc.subtitleLanguages,
    level: doc.level,
    runs: [RUNS[doc.availability]],
    access: [doc.access],
    certificate: [doc.certificate],
    enrollments: doc.enrollments,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  }
}

function* mapped<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item)
}

export const createEngine: EngineFactory = async () => {
  const index = new SearchIndex(analyzer, { subject: () => [], institution: () => [] })
  const engine: Engine = {
    name: 'moocx',
    async build(docs) {
      // As a full build of the service does: texts analyzed in worker threads, one a core.
      const onFallback = (msg: string) => process.stderr.write(`  moocx: ${msg}\n`)
      await withAnalysisPool({ analyzer, onFallback }, (pool) =>
        addInOrder(index, inBatches(mapped(docs, toSearchDocument), 256), pool),
      )
      index.trim()
      index.refreshAvailability(TODAY)
    },
    async search(query) {
      const f = query.filters
      const result = search(index, {
        // A query whose last word is finished ends with a space, as typed.
        q: query.lastIsPrefix ? query.text : `${query.text} `,
        locale: query.language,
        filters: {
          ...(f.languages && { language: f.languages }),
          ...(f.availability && { availability: f.availability }),
          ...(f.access && { access: [f.access] }),
          ...(f.subjectPrefix && { subject: [f.subjectPrefix] }),
        },
        offset: 0,
        limit: TOP_K,
        today: TODAY,
        facets: query.faceted,
      })
      const ids = result.hits.map((h) => Number(h.courseId))
      if (!query.faceted) return { ids, total: result.total }
      const facets = emptyFacets()
      facets.language = result.facets.language
      facets.availability = result.facets.availability
      facets.access = result.facets.access
      facets.subject = Object.fromEntries(
        Object.entries(result.facets.subject).filter(([code]) => code.length === 2),
      )
      return { ids, total: result.total, facets }
    },
    async close() {},
  }
  return engine
}
