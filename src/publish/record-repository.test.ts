import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeCourse, makeListing } from '../../test/factories.ts'
import { createTestApp, TODAY, type TestApp } from '../../test/test-app.ts'
import { updatePlatform } from '../institutions/platform-repository.ts'
import { countRecords, findRecord, recordPage, setValues } from './record-repository.ts'
import { parseSetSpec, subjectSetSpec } from './sets.ts'
import { walkRecords } from './walk.ts'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})
afterEach(async () => t.close())

async function all(filter: Parameters<typeof walkRecords>[1] = {}, pageSize = 2) {
  const found = []
  for await (const r of walkRecords(t.db, filter, TODAY, pageSize)) found.push(r)
  return found
}

describe('published records', () => {
  it('walks every course once in change order, across pages, and counts them', async () => {
    for (let i = 0; i < 5; i++) {
      const c = await makeCourse(t.deps, { id: `walk-${i}` })
      await makeListing(t.deps, c.id)
    }
    const records = await all()
    expect(records.map((r) => r.id).sort()).toEqual(['walk-0', 'walk-1', 'walk-2', 'walk-3', 'walk-4'])
    const stamps = records.map((r) => `${r.changedAt}|${r.id}`)
    expect(stamps).toEqual([...stamps].sort())
    expect(await countRecords(t.db, {})).toBe(5)
  })

  it('publishes only active listings and a course without one as deleted, which stays deleted when gone', async () => {
    const c = await makeCourse(t.deps, { id: 'gone-soon' })
    const live = await makeListing(t.deps, c.id)
    const old = await makeListing(t.deps, c.id, { platformId: 'xuetangx', status: 'withdrawn' })
    let record = await findRecord(t.db, c.id, TODAY)
    expect(record?.course?.listings.map((l) => l.id)).toEqual([live.id])
    expect(record?.sets).toContain('platform:xuetangx')
    await t.db.updateTable('listings').set({ status: 'withdrawn' }).where('id', '=', live.id).execute()
    record = await findRecord(t.db, c.id, TODAY)
    expect(record?.course).toBeNull()
    expect(record?.sets).toContain('institution:spbu')
    await t.db.deleteFrom('courses').where('id', '=', c.id).execute()
    record = await findRecord(t.db, c.id, TODAY)
    expect(record).toMatchObject({ id: 'gone-soon', course: null, sets: [] })
    expect(old.status).toBe('withdrawn')
    expect(await findRecord(t.db, 'never-was', TODAY)).toBeUndefined()
  })

  it('dates a record by its last change, a listing URL included, and filters by from and until', async () => {
    const c = await makeCourse(t.deps, { id: 'dated' })
    const l = await makeListing(t.deps, c.id)
    const before = (await findRecord(t.db, c.id, TODAY))?.changedAt ?? ''
    await new Promise((r) => setTimeout(r, 5))
    await t.db
      .updateTable('listings')
      .set({ url: 'https://example.org/moved' })
      .where('id', '=', l.id)
      .execute()
    const after = (await findRecord(t.db, c.id, TODAY))?.changedAt ?? ''
    expect(after > before).toBe(true)
    expect((await all({ from: after })).map((r) => r.id)).toEqual(['dated'])
    expect(await all({ until: before })).toEqual([])
    await t.db.updateTable('listings').set({ seen_generation: 'g2' }).where('id', '=', l.id).execute()
    expect((await findRecord(t.db, c.id, TODAY))?.changedAt).toBe(after)
  })

  it('re-dates the records of a platform that is renamed or moves, and no others', async () => {
    const onEdx = await makeCourse(t.deps, { id: 'on-edx' })
    await makeListing(t.deps, onEdx.id, { platformId: 'edx' })
    const elsewhere = await makeCourse(t.deps, { id: 'elsewhere' })
    await makeListing(t.deps, elsewhere.id, { platformId: 'xuetangx' })
    const stamp = async (id: string) => (await findRecord(t.db, id, TODAY))?.changedAt ?? ''
    const [edxBefore, elsewhereBefore] = [await stamp('on-edx'), await stamp('elsewhere')]
    await new Promise((r) => setTimeout(r, 5))
    await updatePlatform(t.db, 'edx', { name: 'edX Online' }, new Date().toISOString())
    const renamed = await stamp('on-edx')
    expect(renamed > edxBefore).toBe(true)
    expect(await stamp('elsewhere')).toBe(elsewhereBefore)
    await new Promise((r) => setTimeout(r, 5))
    await updatePlatform(t.db, 'edx', { baseUrl: 'https://edx.example.org' }, new Date().toISOString())
    const moved = await stamp('on-edx')
    expect(moved > renamed).toBe(true)
    // What records do not carry (the platform's software) leaves the datestamp alone.
    await updatePlatform(t.db, 'edx', { software: 'other' }, new Date().toISOString())
    expect(await stamp('on-edx')).toBe(moved)
  })

  it('selects sets by institution, platform, subject hierarchy and language', async () => {
    const a = await makeCourse(t.deps, { id: 'set-a', institutions: ['spbu'], subjects: ['0613'] })
    await makeListing(t.deps, a.id, { platformId: 'edx' })
    const b = await makeCourse(t.deps, {
      id: 'set-b',
      institutions: ['tsinghua'],
      subjects: ['0311'],
      language: 'zh',
    })
    await makeListing(t.deps, b.id, { platformId: 'xuetangx' })
    const ids = async (set: string) => (await all({ set })).map((r) => r.id)
    expect(await ids('institution:tsinghua')).toEqual(['set-b'])
    expect(await ids('platform:edx')).toEqual(['set-a'])
    expect(await ids('subject:06')).toEqual(['set-a'])
    expect(await ids('subject:03:031:0311')).toEqual(['set-b'])
    expect(await ids('language:zh')).toEqual(['set-b'])
    expect((await ids('subject')).sort()).toEqual(['set-a', 'set-b'])
    expect(await ids('nonsense:x')).toEqual([])
    expect(await countRecords(t.db, { set: 'institution:spbu' })).toBe(1)
    const values = await setValues(t.db)
    expect(values.language).toEqual(['en', 'zh'])
    expect(values.subject).toEqual(['0311', '0613'])
  })

  it('parses set specs strictly', () => {
    expect(parseSetSpec('subject:06:061:0613')).toEqual({ kind: 'subject', value: '0613' })
    expect(parseSetSpec('subject:0613')).toBeUndefined()
    expect(parseSetSpec('subject:06:071')).toBeUndefined()
    expect(parseSetSpec('institution:a:b')).toBeUndefined()
    expect(parseSetSpec('institution:<x>')).toBeUndefined()
    expect(parseSetSpec('language')).toEqual({ kind: 'language', value: null })
    expect(subjectSetSpec('061')).toBe('subject:06:061')
  })

  it('dates a course whose id is as long as harvested ids get (90 characters)', async () => {
    const id = `h-${'x'.repeat(88)}`
    await t.db
      .insertInto('courses')
      .values({
        id,
        language: 'en',
        title: 'A course with a long id',
        instructors: '[]',
        subtitle_languages: '[]',
        origin: 'harvest',
        created_at: '2026-11-29T12:00:00.000Z',
        updated_at: '2026-11-29T12:00:00.000Z',
      })
      .execute()
    expect((await findRecord(t.db, id, TODAY))?.id).toBe(id)
  })

  it('reads one page after a position', async () => {
    for (let i = 0; i < 3; i++) await makeListing(t.deps, (await makeCourse(t.deps, { id: `p-${i}` })).id)
    const [first] = await recordPage(t.db, {}, null, 1, TODAY)
    if (!first) throw new Error('no first record')
    const rest = await recordPage(t.db, {}, { changedAt: first.changedAt, id: first.id }, 10, TODAY)
    expect(rest.map((r) => r.id)).not.toContain(first.id)
    expect(rest).toHaveLength(2)
  })
})
