// The search index of this process, kept equal to the database: built from it at start, then
// following the change log (a few hundred milliseconds behind any write, from any process).
import { PostgresAdapter } from 'kysely'
import type { Db } from '../db/schema.ts'
import { listInstitutions } from '../institutions/institution-repository.ts'
import { nameIn } from '../institutions/institution.ts'
import type { Logger } from '../shared/logger.ts'
import { listSubjects } from '../subjects/subject-repository.ts'
import { CrossLingual, loadConcepts } from './cross-lingual.ts'
import { loadSnapshot, saveSnapshot } from './snapshot.ts'
import { search, type SearchRequest, type SearchResult } from './index/evaluate.ts'
import { analyzesLikeWorkers, withAnalysisPool } from './index/analysis-pool.ts'
import { addInOrder } from './index/parallel-build.ts'
import { SearchIndex, type Analyzer, type Labels } from './index/search-index.ts'
import {
  changesSince,
  countCourses,
  everySearchDocument,
  latestChange,
  REBUILD,
  RELABEL,
  searchDocuments,
} from './search-document-repository.ts'

export interface SearchService {
  search(request: SearchRequest): Promise<SearchResult>
  /** Applies every change written so far; resolves with how many courses it re-read. */
  sync(): Promise<number>
  /** Builds the index again from the database. */
  rebuild(): Promise<number>
  readonly index: SearchIndex
  /** Stops following changes and saves a snapshot (when a file is configured and the index was built). */
  close(): Promise<void>
}

export interface SearchDeps {
  db: Db
  now: () => Date
  logger: Logger
  analyzer: Analyzer
  /** How often to look at the change log; 0: before each search instead (tests). */
  pollMs: number
  /** Where to keep a snapshot of the index between runs; none: build from the database each start. */
  snapshotFile?: string
  /** From how many courses a full build analyzes texts in worker threads (default `PARALLEL_FROM`). */
  parallelFrom?: number
}

const BATCH = 500
/** Starting the workers (loading TypeScript) takes a few hundred ms: smaller catalogs are built inline. */
const PARALLEL_FROM = 5_000
/** On PostgreSQL a transaction may commit a smaller change number after a larger one was read. */
const REREAD_MS = 10_000

/**
 * The index is built from the database on the first search or sync; searches wait for the build.
 * Changes are then followed every `pollMs` (before each search when it is 0).
 */
export function createSearchService(deps: SearchDeps): SearchService {
  let index = new SearchIndex(deps.analyzer, { subject: () => [], institution: () => [] })
  let watermark = 0
  const applied = new Map<string, number>()
  const reread = deps.db.getExecutor().adapter instanceof PostgresAdapter ? REREAD_MS : 0
  let running: Promise<number> | null = null
  let concepts: CrossLingual | undefined

  const build = async () => {
    const next = new SearchIndex(deps.analyzer, await loadLabels(deps.db))
    concepts ??= new CrossLingual(deps.analyzer, loadConcepts())
    next.crossLingual = concepts
    const from = await latestChange(deps.db)
    const parallel =
      analyzesLikeWorkers(deps.analyzer) &&
      (await countCourses(deps.db)) >= (deps.parallelFrom ?? PARALLEL_FROM)
    const courses = everySearchDocument(deps.db, BATCH)
    if (!parallel) await addInOrder(next, courses, null)
    else
      await withAnalysisPool(
        { analyzer: deps.analyzer, onFallback: (msg) => deps.logger.warn(msg) },
        (pool) => addInOrder(next, courses, pool),
      )
    next.trim()
    index = next
    watermark = from
    applied.clear()
    return next.size
  }

  const follow = async (): Promise<number> => {
    let total = 0
    for (;;) {
      const since = new Date(deps.now().getTime() - reread).toISOString()
      const changes = (await changesSince(deps.db, watermark, reread ? since : '9999', BATCH)).filter(
        (c) => applied.get(c.courseId) !== c.seq,
      )
      if (changes.length === 0) return total
      const rebuild = changes.find((c) => c.courseId === REBUILD)
      if (rebuild && rebuild.seq > watermark) {
        // `moocx search rebuild` asked for it: build anew, then go on from the changes after it.
        const started = performance.now()
        const size = await build()
        deps.logger.info('search index rebuilt', {
          courses: size,
          ms: Math.round(performance.now() - started),
        })
        if (reread) applied.set(REBUILD, rebuild.seq)
        total += size
        continue
      }
      // An institution was renamed: its courses, which come after this, are read with the new names.
      if (changes.some((c) => c.courseId === RELABEL)) index.labels = await loadLabels(deps.db)
      // The change log's own entries name no course: nothing to read or remove for them.
      const courses = changes.map((c) => c.courseId).filter((id) => id !== RELABEL && id !== REBUILD)
      const docs = await searchDocuments(deps.db, courses)
      const found = new Set(docs.map((d) => d.courseId))
      for (const doc of docs) index.upsert(doc)
      for (const id of courses) if (!found.has(id)) index.remove(id)
      for (const c of changes) {
        watermark = Math.max(watermark, c.seq)
        if (reread) applied.set(c.courseId, c.seq)
      }
      index.compactIfWorthIt()
      total += changes.length
      if (applied.size > 100_000) applied.clear()
    }
  }

  const save = () => {
    if (!deps.snapshotFile) return
    try {
      saveSnapshot(deps.snapshotFile, watermark, index.toState(), deps.now())
    } catch (err) {
      deps.logger.error('search snapshot not saved', { file: deps.snapshotFile, err })
    }
  }

  const sync = () => {
    running ??= follow().finally(() => {
      running = null
    })
    return running
  }

  /** Loads the snapshot and catches up from it; false when there is none or it does not fit the database. */
  const restore = async (): Promise<boolean> => {
    if (!deps.snapshotFile) return false
    const snapshot = loadSnapshot(deps.snapshotFile)
    if ('unusable' in snapshot) {
      deps.logger.info('search snapshot not used', { file: deps.snapshotFile, reason: snapshot.unusable })
      return false
    }
    if (snapshot.watermark > (await latestChange(deps.db))) {
      deps.logger.warn('search snapshot is ahead of the database (another database?); building anew', {
        file: deps.snapshotFile,
      })
      return false
    }
    const restored = new SearchIndex(deps.analyzer, await loadLabels(deps.db))
    concepts ??= new CrossLingual(deps.analyzer, loadConcepts())
    restored.crossLingual = concepts
    restored.restore(snapshot.state)
    index = restored
    watermark = snapshot.watermark
    await follow()
    const courses = await countCourses(deps.db)
    if (courses !== index.size) {
      deps.logger.warn('search snapshot does not match the database; building anew', {
        courses,
        indexed: index.size,
      })
      return false
    }
    return true
  }

  let timer: ReturnType<typeof setInterval> | null = null
  let building: Promise<void> | null = null
  let built = false
  const ready = () =>
    (building ??= (async () => {
      const started = performance.now()
      if (await restore()) {
        deps.logger.info('search index loaded from its snapshot', {
          courses: index.size,
          ms: Math.round(performance.now() - started),
        })
      } else {
        const size = await build()
        deps.logger.info('search index built', { courses: size, ms: Math.round(performance.now() - started) })
        save()
      }
      built = true
      if (deps.pollMs > 0) {
        timer = setInterval(() => {
          sync().catch((err: unknown) => deps.logger.error('search index sync failed', { err }))
        }, deps.pollMs)
        timer.unref()
      }
    })())

  return {
    get index() {
      return index
    },
    search: async (request) => {
      await ready()
      if (deps.pollMs === 0) await sync()
      return search(index, request)
    },
    sync: async () => {
      await ready()
      return sync()
    },
    rebuild: build,
    close: async () => {
      if (timer) clearInterval(timer)
      await running
      if (built) save()
    },
  }
}

/**
 * Subject labels and institution names, which courses are also found by. A course's subjects are
 * labelled in its own language, in English only when there is no label in it: an English label on
 * every course made the French one outrank the English one for "mathematics", and cross-lingual
 * discovery finds a course through another language's name of its field anyway.
 */
async function loadLabels(db: Db): Promise<Labels> {
  const subjects = new Map((await listSubjects(db)).map((s) => [s.code, s]))
  const institutions = new Map(
    (await listInstitutions(db, {}, { page: 1, perPage: 10_000 })).items.map((i) => [i.id, i]),
  )
  return {
    subject: (code, language) => {
      const labels = subjects.get(code)?.labels ?? {}
      const label = labels[(language.split('-')[0] ?? language).toLowerCase()] ?? labels.en
      return label ? [label] : []
    },
    institution: (id) => {
      const inst = institutions.get(id)
      return inst ? [...new Set([nameIn(inst.names, 'en'), ...Object.values(inst.names)])] : []
    },
  }
}
