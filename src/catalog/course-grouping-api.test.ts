// Merging courses that are one course on several platforms, and splitting a listing back out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCourse, makeListing } from '../../test/factories.ts'
import { createTestApp, jsonRequest, type TestApp } from '../../test/test-app.ts'
import type { Course } from './course.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  await makeCourse(t.deps, { id: 'ml-edx', title: 'Machine Learning', institutions: ['tsinghua'] })
  await makeListing(t.deps, 'ml-edx', { platformId: 'edx' })
  await makeCourse(t.deps, { id: 'ml-xuetangx', title: 'Machine Learning', institutions: ['tsinghua'] })
  await makeListing(t.deps, 'ml-xuetangx', { platformId: 'xuetangx' })
  await makeCourse(t.deps, { id: 'ml-edx-again', title: 'Machine Learning', institutions: ['tsinghua'] })
  await makeListing(t.deps, 'ml-edx-again', { platformId: 'edx' })
  await makeCourse(t.deps, { id: 'cornell-ml', title: 'Machine Learning', institutions: ['cornell'] })
  await makeListing(t.deps, 'cornell-ml', { platformId: 'coursera' })
})
afterAll(() => t.close())

describe('merge and split', () => {
  it('merges a course listed on another platform, keeping why each listing moved', async () => {
    const res = await t.app.request(
      '/api/v1/courses/ml-edx/merge',
      jsonRequest('POST', { courseId: 'ml-xuetangx' }, t.adminKey),
    )
    expect(res.status).toBe(200)
    const course = (await res.json()) as Course
    expect(course.listings.map((l) => l.platformId).sort()).toEqual(['edx', 'xuetangx'])
    expect((await t.app.request('/api/v1/courses/ml-xuetangx')).status).toBe(404)
    const moved = await t.db
      .selectFrom('listings')
      .select('group_reason')
      .where('platform_id', '=', 'xuetangx')
      .executeTakeFirstOrThrow()
    expect(moved.group_reason).toBe('merged from course ml-xuetangx by test admin')
  })

  it('refuses to merge two courses listed on the same platform, and a course into itself', async () => {
    const clash = await t.app.request(
      '/api/v1/courses/ml-edx/merge',
      jsonRequest('POST', { courseId: 'ml-edx-again' }, t.adminKey),
    )
    expect(clash.status).toBe(400)
    expect(((await clash.json()) as { error: { message: string } }).error.message).toMatch(
      /both courses are listed on platform "edx"/,
    )
    const self = await t.app.request(
      '/api/v1/courses/ml-edx/merge',
      jsonRequest('POST', { courseId: 'ml-edx' }, t.adminKey),
    )
    expect(self.status).toBe(400)
  })

  it('lets a member-admin merge only courses of its own institution', async () => {
    const key = await t.memberKey('tsinghua')
    const res = await t.app.request(
      '/api/v1/courses/ml-edx/merge',
      jsonRequest('POST', { courseId: 'cornell-ml' }, key),
    )
    expect(res.status).toBe(403)
  })

  it('splits a listing into a course of its own, copying the course', async () => {
    const listing = await t.db
      .selectFrom('listings')
      .select('id')
      .where('platform_id', '=', 'xuetangx')
      .executeTakeFirstOrThrow()
    const res = await t.app.request(`/api/v1/listings/${listing.id}/split`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.adminKey}` },
    })
    expect(res.status).toBe(201)
    const course = (await res.json()) as Course
    expect(course).toMatchObject({
      title: 'Machine Learning',
      institutions: ['tsinghua'],
      subjects: ['0613'],
    })
    expect(course.listings.map((l) => l.platformId)).toEqual(['xuetangx'])
    const again = await t.app.request(`/api/v1/listings/${listing.id}/split`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.adminKey}` },
    })
    expect(again.status).toBe(400)
  })
})
