// The search service keeps its index equal to the database: it follows writes made by anyone
// (here straight SQL, as another process would), removes deleted courses, and rebuilds on request.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCourse, makeListing, nameInstitution } from '../../test/factories.ts'
import { createTestApp, TODAY, type TestApp } from '../../test/test-app.ts'
import { createLogger } from '../shared/logger.ts'
import * as analyzer from './analysis/analyze.ts'
import { requestRebuild } from './search-document-repository.ts'
import { createSearchService, type SearchService } from './search-service.ts'

let t: TestApp
let search: SearchService
beforeAll(async () => {
  t = await createTestApp()
  search = createSearchService({ ...t.deps, logger: createLogger('silent'), analyzer, pollMs: 0 })
})
afterAll(() => t.close())

const ids = async (q: string) =>
  (await search.search({ q, locale: 'en', filters: {}, offset: 0, limit: 20, today: TODAY })).hits.map(
    (h) => h.courseId,
  )

describe('the search service', () => {
  it('follows courses written by anyone, and forgets deleted ones', async () => {
    expect(await ids('zebrafish')).toEqual([])
    await makeCourse(t.deps, { id: 'zebrafish', title: 'Zebrafish Genetics', institutions: ['cornell'] })
    await makeListing(t.deps, 'zebrafish', { access: 'free' })
    expect(await ids('zebrafish')).toEqual(['zebrafish'])
    const facets = await search.search({
      q: 'zebrafish',
      locale: 'en',
      filters: {},
      offset: 0,
      limit: 20,
      today: TODAY,
    })
    expect(facets.facets.access).toEqual({ free: 1 })
    await t.db
      .updateTable('courses')
      .set({ title: 'Axolotl Regeneration' })
      .where('id', '=', 'zebrafish')
      .execute()
    expect(await ids('zebrafish')).toEqual([])
    expect(await ids('axolotl')).toEqual(['zebrafish'])
    await t.db.deleteFrom('listings').where('course_id', '=', 'zebrafish').execute()
    await t.db.deleteFrom('course_institutions').where('course_id', '=', 'zebrafish').execute()
    await t.db.deleteFrom('courses').where('id', '=', 'zebrafish').execute()
    expect(await ids('axolotl')).toEqual([])
  })

  it('finds the courses of a renamed institution by its new name, within the next sync', async () => {
    await makeCourse(t.deps, { id: 'renamed', title: 'Lichen Ecology', institutions: ['uon'] })
    await makeListing(t.deps, 'renamed')
    expect(await ids('lichen')).toEqual(['renamed'])
    expect(await ids('Kilimanjaro')).toEqual([])
    await nameInstitution(t.deps, 'uon', 'sw', 'Chuo Kikuu cha Kilimanjaro')
    expect(await ids('Kilimanjaro')).toEqual(['renamed'])
  })

  it('rebuilds from scratch when asked through the change log', async () => {
    await ids('anything')
    const before = search.index
    await requestRebuild(t.db, new Date().toISOString())
    await makeCourse(t.deps, { id: 'after-rebuild', title: 'Tardigrade Survival', institutions: ['cornell'] })
    expect(await ids('tardigrade')).toEqual(['after-rebuild'])
    expect(search.index).not.toBe(before)
    const again = search.index
    await ids('tardigrade')
    expect(search.index).toBe(again)
  })

  it('indexes subject labels in the course’s language, in English only when it has no label in it', async () => {
    await makeCourse(t.deps, { id: 'mayas-fr', language: 'fr', title: 'Les Mayas', subjects: ['0222'] })
    await makeCourse(t.deps, { id: 'maya-de', language: 'de', title: 'Die Maya', subjects: ['0222'] })
    const found = async (q: string, locale: string) =>
      (await search.search({ q, locale, filters: {}, offset: 0, limit: 50, today: TODAY })).hits.map(
        (h) => h.courseId,
      )
    expect(await found('archéologie', 'fr')).toContain('mayas-fr')
    expect(await found('archaeology', 'en')).not.toContain('mayas-fr')
    expect(await found('archaeology', 'en')).toContain('maya-de')
  })

  it('builds the same index with texts analyzed in worker threads', async () => {
    for (const [n, language, title] of [
      [1, 'zh', '机器学习导论'],
      [2, 'th', 'การเรียนรู้ของเครื่อง'],
      [3, 'ar', 'مقدمة في التعلم الآلي'],
      [4, 'ru', 'Электрические машины'],
    ] as const)
      await makeCourse(t.deps, { id: `workers-${n}`, language, title, subjects: ['0613', '0311'] })
    const logged: string[] = []
    const logger = { ...createLogger('silent'), warn: (msg: string) => logged.push(msg) }
    const inWorkers = createSearchService({ ...t.deps, logger, analyzer, pollMs: 0, parallelFrom: 0 })
    expect(await inWorkers.rebuild()).toBe(await search.rebuild())
    const [a, b] = [inWorkers.index.toState(), search.index.toState()]
    expect(Object.keys(a).filter((k) => !isDeepStrictEqual(a[k as 'gone'], b[k as 'gone']))).toEqual([])
    expect(logged).toEqual([])
    await inWorkers.close()
  })

  it('starts from its snapshot and replays only later changes; an unusable snapshot means a build', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moocx-snapshot-'))
    const snapshotFile = path.join(dir, 'search.snapshot')
    const logged: string[] = []
    const logger = {
      ...createLogger('silent'),
      info: (msg: string) => logged.push(msg),
      warn: (msg: string) => logged.push(msg),
    }
    const start = () => createSearchService({ ...t.deps, logger, analyzer, pollMs: 0, snapshotFile })
    const first = start()
    await first.sync()
    await first.close()
    expect(fs.existsSync(snapshotFile)).toBe(true)
    expect(logged).toContain('search index built')

    await makeCourse(t.deps, { id: 'while-down', title: 'Pangolin Conservation', institutions: ['cornell'] })
    logged.length = 0
    const second = start()
    const found = await second.search({
      q: 'pangolin',
      locale: 'en',
      filters: {},
      offset: 0,
      limit: 5,
      today: TODAY,
    })
    expect(found.hits.map((h) => h.courseId)).toEqual(['while-down'])
    expect(logged).toContain('search index loaded from its snapshot')
    expect(logged).not.toContain('search index built')
    await second.close()

    fs.writeFileSync(snapshotFile, 'not a snapshot at all')
    logged.length = 0
    const third = start()
    await third.sync()
    expect(logged).toEqual(expect.arrayContaining(['search snapshot not used', 'search index built']))
    expect(
      (await third.search({ q: 'pangolin', locale: 'en', filters: {}, offset: 0, limit: 5, today: TODAY }))
        .total,
    ).toBe(1)
    await third.close()
  })
})
