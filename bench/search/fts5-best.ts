// Baseline: the best SQLite FTS5 layout found (issue 4): one table per language fed with moocx's own
// tokens (ascii tokenizer: every non-ASCII character is a word character, so the terms stay whole),
// rows numbered in popularity order so ORDER BY rowid stops after the top 20, filters and facets
// counted in memory from matching row numbers, typos expanded against the vocabulary.
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import {
  emptyFacets,
  LANGUAGES,
  TOP_K,
  type Engine,
  type EngineFactory,
  type Language,
  type Query,
} from './engine.ts'
import { collect, createFacetStore } from './facet-store.ts'
import { chunks } from './fts5-naive.ts'
import { analyzeDoc, planQuery, type Vocabularies, type TermGroup } from './moocx-query.ts'
import { fileBytes } from './sql-filters.ts'

export const createEngine: EngineFactory = async ({ workDir }) => {
  const file = path.join(workDir, 'fts5-best.sqlite')
  const stagingFile = path.join(workDir, 'fts5-best-staging.sqlite')
  const db = new Database(file)
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  for (const l of LANGUAGES) {
    db.exec(
      `CREATE VIRTUAL TABLE fts_${l} USING fts5(text, tokenize = 'ascii', prefix = '2 3', detail = none, columnsize = 0)`,
    )
  }
  const typos: Vocabularies = new Map()
  const facets = createFacetStore()
  let courseIds = new Int32Array(0)
  const matchers = new Map<Language, Database.Statement>()

  const engine: Engine = {
    name: 'fts5-best',
    async build(docs) {
      const staging = new Database(stagingFile)
      staging.pragma('journal_mode = OFF')
      staging.pragma('synchronous = OFF')
      staging.exec('CREATE TABLE docs (id INTEGER PRIMARY KEY, enrollments INTEGER, doc TEXT, text TEXT)')
      const stage = staging.prepare('INSERT INTO docs VALUES (?, ?, ?, ?)')
      const batch = staging.transaction((rows: Parameters<Engine['build']>[0]) => {
        for (const d of rows) {
          const { title, description } = analyzeDoc(d, typos)
          const facetDoc = { ...d, title: '', description: '', instructors: [], keywords: [] }
          stage.run(
            d.id,
            d.enrollments,
            JSON.stringify(facetDoc),
            [...title.terms, ...description.terms].join(' '),
          )
        }
      })
      let count = 0
      for (const chunk of chunks(docs, 5_000)) {
        batch(chunk)
        count += chunk.length
      }
      staging.exec('CREATE INDEX docs_popularity ON docs (enrollments DESC, id)')
      courseIds = new Int32Array(count + 1)
      const inserts = new Map(
        LANGUAGES.map((l) => [l, db.prepare(`INSERT INTO fts_${l} (rowid, text) VALUES (?, ?)`)]),
      )
      const rows = staging.prepare('SELECT id, doc, text FROM docs ORDER BY enrollments DESC, id')
      const load = db.transaction(() => {
        let rank = 0
        for (const row of rows.iterate() as Iterable<{ id: number; doc: string; text: string }>) {
          rank++
          const doc = JSON.parse(row.doc) as Parameters<typeof facets.set>[1]
          courseIds[rank] = row.id
          facets.set(rank, doc)
          inserts.get(doc.language)?.run(rank, row.text)
        }
      })
      load()
      staging.close()
      fs.rmSync(stagingFile, { force: true })
      for (const l of LANGUAGES) db.exec(`INSERT INTO fts_${l} (fts_${l}) VALUES ('optimize')`)
      for (const l of LANGUAGES)
        matchers.set(
          l,
          db.prepare(`SELECT rowid FROM fts_${l} WHERE fts_${l} MATCH ? ORDER BY rowid`).pluck(),
        )
    },
    async search(query) {
      const match = ftsMatch(planQuery(query, typos))
      const languages = query.filters.languages ?? LANGUAGES
      // Each table yields its rows in popularity order: count facets table by table, then merge the
      // tables' first TOP_K rows (no sort of every match).
      const counts = emptyFacets()
      const tops: number[] = []
      let total = 0
      if (match !== '') {
        for (const l of languages) {
          const statement = matchers.get(l)
          if (!statement) continue
          if (!query.faceted) {
            tops.push(...firstPassing(statement, match, query))
            continue
          }
          const all = statement.all(match) as number[]
          const part = collect(facets, all, query.filters, TOP_K, true, counts)
          tops.push(...part.kept)
          total += part.total ?? 0
        }
      }
      const ids = tops
        .sort((a, b) => a - b)
        .slice(0, TOP_K)
        .map((rank) => courseIds[rank] ?? 0)
      if (!query.faceted) return { ids, total: match === '' ? 0 : null }
      return { ids, total, facets: counts }
    },
    async diskBytes() {
      return fileBytes(file)
    },
    async close() {
      db.close()
    },
  }

  /** The first TOP_K row numbers of one table that pass the filters (rows come in popularity order). */
  function firstPassing(statement: Database.Statement, match: string, query: Query): number[] {
    const kept: number[] = []
    for (const rank of statement.iterate(match) as Iterable<number>) {
      if (!facets.passes(rank, query.filters)) continue
      kept.push(rank)
      if (kept.length >= TOP_K) break
    }
    return kept
  }
  return engine
}

/** AND of groups; each group an OR of quoted terms, prefixes marked with '*'. */
export function ftsMatch(groups: readonly TermGroup[]): string {
  const parts = groups
    .map((g) =>
      g.alternatives.filter((t) => t !== '').map((t) => `"${t.replaceAll('"', '""')}"${g.prefix ? '*' : ''}`),
    )
    .filter((alternatives) => alternatives.length > 0)
    .map((alternatives) => (alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' OR ')})`))
  return parts.join(' AND ')
}
