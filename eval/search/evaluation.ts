// Runs the judged queries against the real search: a fresh migrated database holding the registry and
// the test catalog, the search service with the real analyzer, one search per query as the API makes it.
import * as analyzer from '../../src/search/analysis/analyze.ts'
import { createSearchService, type SearchService } from '../../src/search/search-service.ts'
import { createLogger } from '../../src/shared/logger.ts'
import { createRegistryDb, NOW, TODAY } from '../../test/test-app.ts'
import { readCatalog, readQueries, readRegistry, type EvalCourse, type EvalQuery } from './eval-data.ts'
import { loadCourses, loadRegistry } from './load-catalog.ts'
import { RECALL_K, scoreQuery, type QueryScore } from './metrics.ts'

export interface QueryResult {
  query: EvalQuery
  /** Course ids in rank order (at most RECALL_K). */
  ranked: string[]
  /** Those found only through another language's name of a concept the query names. */
  crossLingual: Set<string>
  total: number
  relaxed: boolean
  suggestion: string | null
  score: QueryScore
}

export interface Evaluation {
  results: QueryResult[]
  courses: Map<string, EvalCourse>
  /** The dialect the catalog was loaded into. */
  dialect: string
}

export interface EvaluationOptions {
  /**
   * Send every query exactly as in the file, as the search page does when a form is submitted (its
   * last word is then also completed). By default only prefix queries end inside a word; the others
   * are sent with a trailing space, as typed by someone who finished the word.
   */
  asSubmitted?: boolean
}

export async function runEvaluation(options: EvaluationOptions = {}): Promise<Evaluation> {
  const catalog = readCatalog()
  const queries = readQueries()
  const testDb = await createRegistryDb()
  try {
    await loadRegistry(testDb.db, readRegistry(), NOW.toISOString())
    await loadCourses(testDb.db, catalog, TODAY, NOW.toISOString())
    const service = createSearchService({
      db: testDb.db,
      now: () => NOW,
      logger: createLogger('silent'),
      analyzer,
      pollMs: 0,
    })
    const results: QueryResult[] = []
    for (const query of queries) results.push(await runQuery(service, query, options))
    await service.close()
    return { results, courses: new Map(catalog.map((c) => [c.id, c])), dialect: testDb.dialect }
  } finally {
    await testDb.close()
  }
}

export async function runQuery(
  service: SearchService,
  query: EvalQuery,
  options: EvaluationOptions = {},
): Promise<QueryResult> {
  const finished = query.class !== 'prefix' && !options.asSubmitted
  const result = await service.search({
    q: finished ? `${query.query} ` : query.query,
    locale: query.language,
    filters: {},
    offset: 0,
    limit: RECALL_K,
    today: TODAY,
    facets: false,
    ...(query.understood.length > 0 && { understood: query.understood }),
  })
  const ranked = result.hits.map((h) => h.courseId)
  return {
    query,
    ranked,
    crossLingual: new Set(result.hits.filter((h) => h.crossLingual).map((h) => h.courseId)),
    total: result.total,
    relaxed: result.relaxed,
    suggestion: result.suggestion,
    score: scoreQuery(ranked, query.judgments),
  }
}
