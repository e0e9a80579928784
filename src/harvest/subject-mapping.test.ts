// Subject words from feeds: kept as keywords and listed for an administrator; once mapped, the
// courses that carry them gain the ISCED-F subject at once, and later harvests apply it too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { moochubCourse, startFakeMoochub, type FakeMoochub } from '../../test/fakes/moochub.ts'
import { harvestDeps } from '../../test/harvest-deps.ts'
import { createTestApp, jsonRequest, type TestApp } from '../../test/test-app.ts'
import type { Course } from '../catalog/course.ts'
import { harvestSource } from './harvest-source.ts'
import { createSource } from './source-repository.ts'

let t: TestApp
let hub: FakeMoochub

beforeAll(async () => {
  t = await createTestApp()
  hub = await startFakeMoochub([
    moochubCourse(1, { keywords: ['Data Literacy', 'MOOC'], educationalAlignment: [] }),
    moochubCourse(2, { keywords: ['data literacy!'], educationalAlignment: [] }),
  ])
  await createSource(t.deps, {
    id: 'hub',
    platformId: 'openedu',
    format: 'moochub',
    baseUrl: hub.apiUrl,
    orgMap: { 'TU Graz': 'polimi' },
    ratePerMinute: 600,
  })
})
afterAll(async () => {
  await hub.close()
  await t.close()
})

const auth = () => ({ headers: { authorization: `Bearer ${t.adminKey}` } })
const courses = async () =>
  ((await (await t.app.request('/api/v1/courses?per_page=100')).json()) as { data: Course[] }).data

describe('subject words', () => {
  it('keeps unmapped subject words as keywords and lists them, most frequent first', async () => {
    await harvestSource(harvestDeps(t.db), 'hub')
    expect((await courses()).flatMap((c) => c.keywords).sort()).toEqual(['Data Literacy', 'data literacy!'])
    const res = await t.app.request('/api/v1/subject-mappings?unmapped=true', auth())
    expect(((await res.json()) as { data: unknown[] }).data).toEqual([
      { label: 'Data Literacy', subjectCode: null, seen: 2 },
    ])
  })

  it('maps a word: the courses gain the subject at once, and new records get it as they come', async () => {
    const res = await t.app.request(
      '/api/v1/subject-mappings/Data%20Literacy',
      jsonRequest('PUT', { subjectCode: '0542' }, t.adminKey),
    )
    expect(((await res.json()) as { coursesChanged: number }).coursesChanged).toBe(2)
    for (const course of await courses()) {
      expect(course.subjects).toContain('0542')
      expect(course.keywords).toEqual([])
    }
    hub.courses = [
      ...hub.courses,
      moochubCourse(3, { keywords: ['DATA LITERACY'], educationalAlignment: [] }),
    ]
    await harvestSource(harvestDeps(t.db), 'hub')
    const third = (await courses()).find((c) => c.title.endsWith(' 3'))
    expect(third).toMatchObject({ subjects: ['0542'], keywords: [] })
  })

  it('refuses a code that is not ISCED-F, and a member-admin', async () => {
    const bad = await t.app.request(
      '/api/v1/subject-mappings/x',
      jsonRequest('PUT', { subjectCode: '0555' }, t.adminKey),
    )
    expect(bad.status).toBe(400)
    const member = await t.app.request(
      '/api/v1/subject-mappings/x',
      jsonRequest('PUT', { subjectCode: '0542' }, await t.memberKey('spbu')),
    )
    expect(member.status).toBe(403)
  })
})
