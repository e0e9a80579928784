import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCatalog } from './catalog-generator.ts'
import type { CourseDoc, Engine, Query } from './engine.ts'
import { ENGINES } from './engines.ts'

/** Three courses with a made-up word, so each engine's expected answer is known exactly. */
const planted: CourseDoc[] = [
  course(900_001, 'Zyxquorum cryptography for beginners', {
    availability: 'current',
    access: 'free',
    enrollments: 10,
  }),
  course(900_002, 'Advanced zyxquorum systems', {
    availability: 'archived',
    access: 'paid',
    subjects: ['0541'],
    enrollments: 9_000_000,
  }),
  course(900_003, 'Квазиформа и машинное обучение', { language: 'ru', enrollments: 5 }),
]

function course(id: number, title: string, over: Partial<CourseDoc>): CourseDoc {
  return {
    id,
    language: 'en',
    title,
    description: 'A course planted for the benchmark engine tests, with a few ordinary words in it.',
    subjects: ['0613'],
    institution: 'inst-001',
    platform: 'edx',
    level: 'introductory',
    availability: 'self-paced',
    access: 'free',
    certificate: 'none',
    subtitleLanguages: [],
    instructors: ['Ada Lovelace'],
    keywords: [],
    enrollments: 1,
    ...over,
  }
}

function query(text: string, over: Partial<Query> = {}): Query {
  return {
    id: text,
    class: 'one-word',
    faceted: false,
    language: 'en',
    text,
    lastIsPrefix: false,
    filters: {},
    ...over,
  }
}

const catalog = [...generateCatalog({ size: 2_000, seed: 11 }), ...planted]

for (const entry of ENGINES) {
  // moocx too, when bench/search/moocx.ts is there: every engine must pass the same checks.
  describe(`engine ${entry.name} on a 2,000-course catalog`, async () => {
    const skip = await entry.unavailable?.()
    let engine: Engine
    let workDir = ''

    beforeAll(async () => {
      if (skip) return
      workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'moocx-search-test-'))
      engine = await (await entry.load())({ workDir })
      await engine.build(catalog)
    })
    afterAll(async () => {
      if (skip) return
      await engine.close()
      fs.rmSync(workDir, { recursive: true, force: true })
    })

    it.skipIf(skip)('finds the courses with a rare word, and only them', async () => {
      const result = await engine.search(query('zyxquorum'))
      expect([...result.ids].sort()).toEqual([900_001, 900_002])
    })

    it.skipIf(skip)('filters and counts facets over the match', async () => {
      const result = await engine.search(query('Zyxquorum', { faceted: true, filters: { access: 'free' } }))
      expect(result.ids).toEqual([900_001])
      expect(result.total).toBe(1)
      const { access, ...others } = result.facets ?? {}
      expect(others).toEqual({ language: { en: 1 }, availability: { current: 1 }, subject: { '06': 1 } })
      // Conjunctive counts ({ free: 1 }) or disjunctive ones, which ignore the access filter itself.
      expect(access?.free).toBe(1)
      expect(access?.paid ?? 1).toBe(1)
      const bySubject = await engine.search(
        query('zyxquorum', { faceted: true, filters: { subjectPrefix: '05' } }),
      )
      expect(bySubject.ids).toEqual([900_002])
    })

    it.skipIf(skip)('matches the word being typed as a prefix', async () => {
      const result = await engine.search(query('zyxquo', { class: 'prefix', lastIsPrefix: true }))
      expect([...result.ids].sort()).toEqual([900_001, 900_002])
    })

    it.skipIf(skip)('finds a Cyrillic word and answers nothing for a word no course has', async () => {
      const result = await engine.search(query('квазиформа', { language: 'ru' }))
      expect(result.ids).toEqual([900_003])
      expect((await engine.search(query('wqzvbnkt'))).ids).toEqual([])
      // A blank query finds nothing or browses the catalog, never more than a page.
      expect((await engine.search(query('   '))).ids.length).toBeLessThanOrEqual(20)
    })

    it.skipIf(skip)('answers hostile queries without throwing', async () => {
      const hostile = [
        '"',
        "'",
        'a" OR "b',
        "x' | 'y",
        'NEAR(a b)',
        '\\',
        '*',
        'a*b:*',
        '\u0000\u0007',
        '🎓📚',
        'x'.repeat(10_000),
      ]
      for (const text of hostile) {
        for (const faceted of [false, true]) {
          const result = await engine.search(
            query(text, { faceted, lastIsPrefix: true, filters: faceted ? { access: 'free' } : {} }),
          )
          expect(Array.isArray(result.ids)).toBe(true)
        }
      }
    })

    it.skipIf(skip || entry.name === 'fts5-naive')('finds Chinese words inside unspaced text', async () => {
      const result = await engine.search(
        query('机器学习', { language: 'zh', faceted: true, filters: { languages: ['zh'] } }),
      )
      expect(result.ids.length).toBeGreaterThan(0)
      expect(result.facets?.language).toEqual({ zh: result.total })
    })

    it.skipIf(skip || !['fts5-best', 'postgres-fts'].includes(entry.name))('tolerates a typo', async () => {
      const result = await engine.search(query('zyxqorum', { class: 'misspelled' }))
      expect([...result.ids].sort()).toEqual([900_001, 900_002])
    })
  })
}
