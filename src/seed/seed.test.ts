// The seed: the alliance as publicly described, every ISCED-F field in seven languages, and a
// demo catalog that exercises the product (languages, cross-listings, runs, availability).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listCourses } from '../catalog/course-repository.ts'
import { allianceNumbers } from '../catalog/stats-repository.ts'
import { listSubjects } from '../subjects/subject-repository.ts'
import { createTestDb, type TestDb } from '../../test/test-db.ts'
import { testDeps, TODAY } from '../../test/test-app.ts'
import type { Course } from '../catalog/course.ts'
import { removeDemoCatalog, seedAll } from './seed.ts'

let t: TestDb
let courses: Course[]

beforeAll(async () => {
  t = await createTestDb()
  await seedAll(testDeps(t.db), { demo: true })
  courses = []
  for (let page = 1; ; page++) {
    const result = await listCourses(t.db, {}, 'title', { page, perPage: 100 }, TODAY)
    courses.push(...result.items)
    if (result.items.length < 100) break
  }
})
afterAll(() => t.close())

describe('seed', () => {
  it('admits the founders and member universities of the alliance', async () => {
    const rows = await t.db.selectFrom('institutions').select(['id', 'role']).orderBy('id').execute()
    const founders = rows.filter((r) => r.role === 'founder').map((r) => r.id)
    expect(founders.sort()).toEqual(['edx', 'thai-mooc', 'tsinghua', 'unesco-iite', 'xuetangx'])
    expect(rows.map((r) => r.id)).toEqual(
      expect.arrayContaining(['spbu', 'cornell', 'ntu', 'polimi', 'uon', 'utoronto']),
    )
    const platforms = await t.db.selectFrom('platforms').select('id').execute()
    expect(platforms.map((p) => p.id).sort()).toEqual([
      'coursera',
      'edx',
      'openedu',
      'spbu-openedx',
      'thai-mooc',
      'xuetangx',
    ])
  })

  it('has every ISCED-F 2013 field with a label in every UI language', async () => {
    const subjects = await listSubjects(t.db)
    expect(subjects).toHaveLength(220)
    expect(subjects.filter((s) => s.level === 'broad')).toHaveLength(12)
    for (const s of subjects)
      expect(Object.keys(s.labels).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'th', 'zh'])
  })

  it('adds at least 300 demo courses in at least five languages, each in its own script', async () => {
    expect(courses.length).toBeGreaterThanOrEqual(300)
    expect(courses.every((c) => c.origin === 'demo')).toBe(true)
    const languages = new Set(courses.map((c) => c.language))
    for (const l of ['en', 'zh', 'ru', 'th']) expect(languages).toContain(l)
    expect(languages.size).toBeGreaterThanOrEqual(5)
    const script: Record<string, RegExp> = {
      zh: /\p{Script=Han}/u,
      ru: /\p{Script=Cyrillic}/u,
      th: /\p{Script=Thai}/u,
      ar: /\p{Script=Arabic}/u,
    }
    for (const c of courses) {
      const pattern = script[c.language]
      if (pattern) expect(`${c.title} ${c.description}`, c.id).toMatch(pattern)
      expect(c.description?.length ?? 0).toBeGreaterThan(50)
      expect(c.subjects.length).toBeGreaterThan(0)
      expect(c.level).not.toBeNull()
      expect(c.effortHoursPerWeek).not.toBeNull()
    }
  })

  it('cross-lists courses on two and three platforms, with several runs, in every availability', () => {
    const listingCounts = new Set(courses.map((c) => c.listings.length))
    expect(listingCounts).toContain(2)
    expect(listingCounts).toContain(3)
    expect(courses.some((c) => c.listings.some((l) => l.runs.length >= 2))).toBe(true)
    const seen = new Set(courses.flatMap((c) => c.availability))
    expect([...seen].sort()).toEqual(['archived', 'current', 'self-paced', 'starting-soon', 'upcoming'])
  })

  it('links language versions of a course into translation groups', () => {
    const group = courses.filter((c) => c.translationGroup === 'tg-unesco-iite-open-educational-resources')
    expect(group.map((c) => c.language).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru'])
  })

  it('is idempotent and the demo catalog can be removed without touching the registry', async () => {
    const deps = testDeps(t.db)
    const again = await seedAll(deps, { demo: true })
    expect(again).toMatchObject({ institutionsAdded: 0, platformsAdded: 0, demoCoursesAdded: 0 })
    const removed = await removeDemoCatalog(deps)
    expect(removed).toBe(courses.length)
    const numbers = await allianceNumbers(t.db)
    expect(numbers).toMatchObject({ courses: 0, institutions: 11, platforms: 6 })
    expect(await t.db.selectFrom('listings').select('id').execute()).toEqual([])
  })
})
