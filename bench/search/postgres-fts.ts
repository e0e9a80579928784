// Baseline: PostgreSQL full-text search over moocx's own tokens: a tsvector written directly from
// analyzed terms with positions (title weighted A), a GIN index, ts_rank for the top 20 and facet
// counts by GROUP BY over the match, in a schema of its own that the run creates and drops.
import pg from 'pg'
import { broadField, emptyFacets, TOP_K, type CourseDoc, type Engine, type EngineFactory } from './engine.ts'
import { POSTGRES_URL } from './engines.ts'
import { chunks } from './fts5-naive.ts'
import {
  analyzeDoc,
  planQuery,
  type Vocabularies,
  type AnalyzedField,
  type TermGroup,
} from './moocx-query.ts'
import { sqlFilters } from './sql-filters.ts'

export const createEngine: EngineFactory = async () => {
  const schema = `bench_search_${process.pid}_${Date.now()}`
  const client = new pg.Client({ connectionString: POSTGRES_URL })
  await client.connect()
  await client.query(`CREATE SCHEMA ${schema}`)
  await client.query(`SET search_path TO ${schema}`)
  await client.query(`CREATE TABLE courses (id integer PRIMARY KEY, language text, availability text,
    access text, subjects text[], enrollments integer, tsv tsvector)`)
  const typos: Vocabularies = new Map()

  const engine: Engine = {
    name: 'postgres-fts',
    async build(docs: Iterable<CourseDoc>) {
      await client.query('SET synchronous_commit = off')
      for (const chunk of chunks(docs, 2_000)) {
        const columns: unknown[][] = [[], [], [], [], [], [], []]
        for (const d of chunk) {
          const { title, description } = analyzeDoc(d, typos)
          const row = [
            d.id,
            d.language,
            d.availability,
            d.access,
            `{${[...new Set(d.subjects.map(broadField))].join(',')}}`,
            d.enrollments,
            tsvectorLiteral(title, description),
          ]
          row.forEach((value, i) => columns[i]?.push(value))
        }
        await client.query(
          `INSERT INTO courses SELECT id, l, a, c, s::text[], e, t::tsvector
           FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[])
             AS u(id, l, a, c, s, e, t)`,
          columns,
        )
      }
      // Bulk-load settings anyone would use for a one-off build: room to sort GIN entries in memory.
      await client.query(`SET maintenance_work_mem = '1GB'`)
      await client.query('CREATE INDEX courses_tsv ON courses USING gin (tsv)')
      await client.query('ANALYZE courses')
    },
    async search(query) {
      const tsquery = tsqueryText(planQuery(query, typos))
      if (tsquery === '') return { ids: [], total: 0, ...(query.faceted ? { facets: emptyFacets() } : {}) }
      const filter = sqlFilters(
        query.filters,
        (i) => `$${i + 1}`,
        'c',
        (p) => `${p} = ANY (c.subjects)`,
      )
      const where = `WHERE c.tsv @@ $1::tsquery${filter.sql}`
      const params = [tsquery, ...filter.params]
      const top = await client.query<{ id: number }>(
        `SELECT id FROM courses c ${where} ORDER BY ts_rank(c.tsv, $1::tsquery) DESC, c.enrollments DESC LIMIT ${TOP_K}`,
        params,
      )
      const ids = top.rows.map((r) => r.id)
      if (!query.faceted) return { ids, total: null }
      const counts = await client.query<{
        f: 'language' | 'availability' | 'access' | 'subject'
        k: string
        n: string
      }>(
        `WITH m AS MATERIALIZED (SELECT language, availability, access, subjects FROM courses c ${where})
         SELECT 'language' AS f, language AS k, count(*) AS n FROM m GROUP BY 2
         UNION ALL SELECT 'availability', availability, count(*) FROM m GROUP BY 2
         UNION ALL SELECT 'access', access, count(*) FROM m GROUP BY 2
         UNION ALL SELECT 'subject', s, count(*) FROM m, unnest(m.subjects) AS s GROUP BY 2`,
        params,
      )
      const facets = emptyFacets()
      let total = 0
      for (const row of counts.rows) {
        facets[row.f][row.k] = Number(row.n)
        if (row.f === 'language') total += Number(row.n)
      }
      return { ids, total, facets }
    },
    async diskBytes() {
      const size = await client.query<{ bytes: string }>(`SELECT pg_total_relation_size('courses') AS bytes`)
      return Number(size.rows[0]?.bytes ?? 0)
    },
    async close() {
      await client.query(`DROP SCHEMA ${schema} CASCADE`)
      await client.end()
    },
  }
  return engine
}

/** A tsvector in its text form, straight from analyzed terms: 'term':1A,4A 'other':9 (no re-parsing). */
export function tsvectorLiteral(title: AnalyzedField, description: AnalyzedField): string {
  const positions = new Map<string, string[]>()
  const add = (field: AnalyzedField, offset: number, weight: string) =>
    field.terms.forEach((term, i) => {
      const position = Math.min(16383, offset + (field.positions[i] ?? 0) + 1)
      const list = positions.get(term)
      const entry = `${position}${weight}`
      if (!list) positions.set(term, [entry])
      else if (list.length < 255) list.push(entry)
    })
  add(title, 0, 'A')
  add(description, (title.positions.at(-1) ?? 0) + 2, '')
  return [...positions].map(([term, list]) => `${quoteLexeme(term)}:${list.join(',')}`).join(' ')
}

/** AND of groups; each group an OR of quoted lexemes, prefixes marked with ':*'. */
export function tsqueryText(groups: readonly TermGroup[]): string {
  return groups
    .map((g) => g.alternatives.filter((t) => t !== '').map((t) => `${quoteLexeme(t)}${g.prefix ? ':*' : ''}`))
    .filter((alternatives) => alternatives.length > 0)
    .map((alternatives) => (alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' | ')})`))
    .join(' & ')
}

function quoteLexeme(term: string): string {
  return `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`
}
