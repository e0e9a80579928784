// The evaluation's data files are well-formed: every judged course exists and the learner can follow
// it, the query set is as large and as varied as the relevance issue asks, and the catalog loads.
import { describe, expect, it } from 'vitest'
import { createRegistryDb, NOW, TODAY } from '../../test/test-app.ts'
import { LANGUAGES, QUERY_CLASSES, readCatalog, readQueries, readRegistry } from './eval-data.ts'
import { loadCourses, loadRegistry } from './load-catalog.ts'

const catalog = readCatalog()
const queries = readQueries()
const byId = new Map(catalog.map((c) => [c.id, c]))

describe('the test catalog', () => {
  it('has 350 to 500 courses with unique ids, spread over the seven languages', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(350)
    expect(catalog.length).toBeLessThanOrEqual(500)
    expect(byId.size).toBe(catalog.length)
    for (const language of LANGUAGES) {
      const share = catalog.filter((c) => c.language === language).length / catalog.length
      expect(share, language).toBeGreaterThan(0.1)
      expect(share, language).toBeLessThan(0.2)
    }
  })

  it('names subtitle languages among the UI languages', () => {
    for (const c of catalog) for (const l of c.subtitleLanguages) expect(LANGUAGES, c.id).toContain(l)
  })

  it('loads into a fresh database through the registry and the bulk import', async () => {
    const t = await createRegistryDb()
    try {
      await loadRegistry(t.db, readRegistry(), NOW.toISOString())
      await loadCourses(t.db, catalog, TODAY, NOW.toISOString())
      const row = await t.db
        .selectFrom('courses')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      expect(Number(row.n)).toBe(catalog.length)
      const subjects = await t.db.selectFrom('subjects').select('code').execute()
      const codes = new Set(subjects.map((s) => s.code))
      for (const c of catalog) for (const code of c.subjects) expect(codes, `${c.id} ${code}`).toContain(code)
    } finally {
      await t.close()
    }
  })
})

describe('the judged queries', () => {
  it('number at least 200, at least 25 per language, with unique ids', () => {
    expect(queries.length).toBeGreaterThanOrEqual(200)
    expect(new Set(queries.map((q) => q.id)).size).toBe(queries.length)
    for (const language of LANGUAGES)
      expect(queries.filter((q) => q.language === language).length, language).toBeGreaterThanOrEqual(25)
  })

  it('have every class in every language', () => {
    for (const language of LANGUAGES)
      for (const cls of QUERY_CLASSES)
        expect(
          queries.some((q) => q.language === language && q.class === cls),
          `${language} ${cls}`,
        ).toBe(true)
  })

  it('judge only courses that exist, with grades 1 to 3', () => {
    for (const q of queries)
      for (const [id, grade] of q.judgments) {
        expect(byId.has(id), `${q.id} judges ${id}`).toBe(true)
        expect([1, 2, 3], `${q.id} ${id}`).toContain(grade)
      }
  })

  it('judge relevant only courses the learner can follow: taught or subtitled in a language they read', () => {
    for (const q of queries) {
      const reads = new Set<string>(q.understood.length > 0 ? q.understood : [q.language])
      for (const [id, grade] of q.judgments) {
        const course = byId.get(id)
        if (!course) continue
        const taught = reads.has(course.language)
        expect(taught || course.subtitleLanguages.some((l) => reads.has(l)), `${q.id} ${id}`).toBe(true)
        // Followed through subtitles only, a course is at best partly relevant.
        if (!taught) expect(grade, `${q.id} ${id} is subtitled only`).toBe(1)
      }
    }
  })

  it('give cross-lingual queries the languages the learner understands, and relevant courses in another', () => {
    for (const q of queries.filter((q) => q.class === 'cross-lingual')) {
      expect(q.understood, q.id).toContain(q.language)
      const elsewhere = [...q.judgments.keys()].filter((id) => byId.get(id)?.language !== q.language)
      expect(elsewhere.length, q.id).toBeGreaterThan(0)
    }
    for (const q of queries.filter((q) => q.class !== 'cross-lingual')) expect(q.understood, q.id).toEqual([])
  })

  it('include a few queries no course is relevant to', () => {
    const none = queries.filter((q) => q.judgments.size === 0)
    expect(none.length).toBeGreaterThanOrEqual(LANGUAGES.length)
    expect(none.length).toBeLessThan(queries.length / 10)
  })

  it('are written without surrounding spaces (the runner decides whether the last word is finished)', () => {
    for (const q of queries) expect(q.query, q.id).toBe(q.query.trim())
  })
})
