// Baseline: one SQLite FTS5 table over title and description with the default unicode61 tokenizer,
// ranked by bm25, filters joined from a plain table and facets counted by GROUP BY over the match.
import Database from 'better-sqlite3'
import path from 'node:path'
import { broadField, emptyFacets, TOP_K, type Engine, type EngineFactory, type Query } from './engine.ts'
import { fileBytes, sqlFilters } from './sql-filters.ts'

export const createEngine: EngineFactory = async ({ workDir }) => {
  const file = path.join(workDir, 'fts5-naive.sqlite')
  const db = new Database(file)
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  db.exec(`
    CREATE TABLE courses (id INTEGER PRIMARY KEY, language TEXT, availability TEXT, access TEXT);
    CREATE TABLE course_subjects (course INTEGER, broad TEXT, PRIMARY KEY (course, broad)) WITHOUT ROWID;
    CREATE INDEX course_subjects_broad ON course_subjects (broad, course);
    CREATE VIRTUAL TABLE fts USING fts5(title, description);
  `)

  const engine: Engine = {
    name: 'fts5-naive',
    async build(docs) {
      const course = db.prepare('INSERT INTO courses VALUES (?, ?, ?, ?)')
      const subject = db.prepare('INSERT OR IGNORE INTO course_subjects VALUES (?, ?)')
      const text = db.prepare('INSERT INTO fts (rowid, title, description) VALUES (?, ?, ?)')
      const batch = db.transaction((rows: Parameters<Engine['build']>[0]) => {
        for (const d of rows) {
          course.run(d.id, d.language, d.availability, d.access)
          for (const code of d.subjects) subject.run(d.id, broadField(code))
          text.run(d.id, d.title, d.description)
        }
      })
      for (const chunk of chunks(docs, 10_000)) batch(chunk)
      db.exec(`INSERT INTO fts (fts) VALUES ('optimize'); ANALYZE;`)
    },
    async search(query) {
      const match = matchExpression(query)
      if (match === '') return { ids: [], total: 0, ...(query.faceted ? { facets: emptyFacets() } : {}) }
      const filter = sqlFilters(query.filters, () => '?', 'c')
      const from = `FROM fts JOIN courses c ON c.id = fts.rowid WHERE fts MATCH ?${filter.sql}`
      const params = [match, ...filter.params]
      const ids = db
        .prepare(`SELECT c.id ${from} ORDER BY rank LIMIT ${TOP_K}`)
        .pluck()
        .all(...params)
        .map(Number)
      if (!query.faceted) return { ids, total: null }
      const facets = emptyFacets()
      let total = 0
      for (const column of ['language', 'availability', 'access'] as const) {
        const rows = db.prepare(`SELECT c.${column} AS k, count(*) AS n ${from} GROUP BY 1`).all(...params)
        for (const row of rows as { k: string; n: number }[]) {
          facets[column][row.k] = row.n
          if (column === 'language') total += row.n
        }
      }
      const subjects = db
        .prepare(
          `SELECT s.broad AS k, count(*) AS n ${from.replace('WHERE', 'JOIN course_subjects s ON s.course = c.id WHERE')} GROUP BY 1`,
        )
        .all(...params)
      for (const row of subjects as { k: string; n: number }[]) facets.subject[row.k] = row.n
      return { ids, total, facets }
    },
    async diskBytes() {
      return fileBytes(file)
    },
    async close() {
      db.close()
    },
  }
  return engine
}

/** Whitespace-separated words, each quoted; the last one as a prefix when the learner is typing. */
export function matchExpression(query: Pick<Query, 'text' | 'lastIsPrefix'>): string {
  const words = query.text
    .split(/\s+/)
    .map((w) => w.replace(/[\p{P}\p{S}\p{C}]/gu, ''))
    .filter((w) => w.length > 0)
  return words
    .map((w, i) => `"${w.replaceAll('"', '""')}"${query.lastIsPrefix && i === words.length - 1 ? '*' : ''}`)
    .join(' ')
}

export function* chunks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = []
  for (const item of items) {
    chunk.push(item)
    if (chunk.length === size) {
      yield chunk
      chunk = []
    }
  }
  if (chunk.length > 0) yield chunk
}
