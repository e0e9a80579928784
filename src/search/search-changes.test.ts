// The search change log: triggers note every course whose search document may have changed, with
// a sequence number that grows, on SQLite and PostgreSQL alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCourse, makeListing, makeRun, nameInstitution } from '../../test/factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const changes = async () =>
  (await t.db.selectFrom('search_changes').select(['course_id', 'seq']).orderBy('seq').execute()).map(
    (r) => [r.course_id, Number(r.seq)] as const,
  )
const latest = async () => Math.max(0, ...(await changes()).map(([, seq]) => seq))

describe('the search change log', () => {
  it('notes a course when it, a listing, a run, a subject or an institution of it changes', async () => {
    await makeCourse(t.deps, { id: 'logged', institutions: ['cornell'], subjects: ['0613'] })
    const afterCourse = await latest()
    expect((await changes()).map(([id]) => id)).toContain('logged')

    const listing = await makeListing(t.deps, 'logged')
    const afterListing = await latest()
    expect(afterListing).toBeGreaterThan(afterCourse)

    const run = await makeRun(t.deps, listing.id, { startsOn: '2026-12-01' })
    const afterRun = await latest()
    expect(afterRun).toBeGreaterThan(afterListing)

    await t.db.updateTable('runs').set({ ends_on: '2027-03-01' }).where('id', '=', run.id).execute()
    expect(await latest()).toBeGreaterThan(afterRun)
    await t.db.deleteFrom('course_subjects').where('course_id', '=', 'logged').execute()
    const afterSubject = await latest()
    expect(afterSubject).toBeGreaterThan(afterRun)
    await t.db
      .insertInto('course_institutions')
      .values({ course_id: 'logged', institution_id: 'spbu', position: 1 })
      .execute()
    expect(await latest()).toBeGreaterThan(afterSubject)
    // One row per course: the log does not grow with the number of changes.
    expect((await changes()).filter(([id]) => id === 'logged')).toHaveLength(1)
    expect((await changes()).at(-1)?.[0]).toBe('logged')
  })

  it('notes both courses when a listing moves from one to another, and a deleted course', async () => {
    await makeCourse(t.deps, { id: 'from', institutions: ['cornell'] })
    await makeCourse(t.deps, { id: 'to', institutions: ['cornell'] })
    const listing = await makeListing(t.deps, 'from')
    const before = await latest()
    await t.db.updateTable('listings').set({ course_id: 'to' }).where('id', '=', listing.id).execute()
    const moved = (await changes()).filter(([, seq]) => seq > before).map(([id]) => id)
    expect(moved.sort()).toEqual(['from', 'to'])
    await t.db.deleteFrom('course_institutions').where('course_id', '=', 'from').execute()
    await t.db.deleteFrom('courses').where('id', '=', 'from').execute()
    expect((await changes()).at(-1)?.[0]).toBe('from')
  })

  it('notes every course of an institution whose names change, and none when something else of it does', async () => {
    await makeCourse(t.deps, { id: 'named-1', institutions: ['tsinghua'] })
    await makeCourse(t.deps, { id: 'named-2', institutions: ['tsinghua', 'cornell'] })
    const before = await latest()
    await t.db
      .updateTable('institutions')
      .set({ website: 'https://www.tsinghua.edu.cn/en/' })
      .where('id', '=', 'tsinghua')
      .execute()
    expect(await latest()).toBe(before)
    await nameInstitution(t.deps, 'tsinghua', 'th', 'มหาวิทยาลัยชิงหฺวา')
    const noted = (await changes()).filter(([, seq]) => seq > before).map(([id]) => id)
    // First that names changed (every process reads them again), then the courses.
    expect(noted[0]).toBe('*labels*')
    expect(noted.slice(1).sort()).toEqual(['named-1', 'named-2'])
    expect(noted).not.toContain('logged')
  })
})
