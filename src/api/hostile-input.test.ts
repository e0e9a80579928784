// Table-driven hostile input for the JSON API: every case gets a 4xx with a stable code and the
// offending field, never a 500, and the database is left exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCourse, makeListing, makeRun } from '../../test/factories.ts'
import { snapshot } from '../../test/db-snapshot.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

interface Case {
  name: string
  method?: string
  path: string
  body?: unknown
  /** Raw body text, sent as is. */
  raw?: string
  contentType?: string | null
  auth?: 'admin' | 'member-cornell' | 'wrong' | 'basic' | 'none'
  status: number
  code: string
  field?: string
}

const validCourse = { language: 'en', title: 'A valid course', institutions: ['spbu'], subjects: ['0613'] }

const cases: Case[] = [
  {
    name: 'page zero',
    path: '/api/v1/courses?page=0',
    status: 400,
    code: 'validation_failed',
    field: 'query.page',
  },
  {
    name: 'page not a number',
    path: '/api/v1/courses?page=abc',
    status: 400,
    code: 'validation_failed',
    field: 'query.page',
  },
  {
    name: 'absurd page number',
    path: '/api/v1/courses?page=99999999999',
    status: 400,
    code: 'validation_failed',
    field: 'query.page',
  },
  {
    name: 'per_page too large',
    path: '/api/v1/courses?per_page=1000',
    status: 400,
    code: 'validation_failed',
    field: 'query.per_page',
  },
  {
    name: 'unknown sort',
    path: '/api/v1/courses?sort=popularity',
    status: 400,
    code: 'validation_failed',
    field: 'query.sort',
  },
  {
    name: 'unknown availability',
    path: '/api/v1/courses?availability=someday',
    status: 400,
    code: 'validation_failed',
    field: 'query.availability',
  },
  {
    name: 'invalid language tag',
    path: '/api/v1/courses?language=not%20a%20tag',
    status: 400,
    code: 'validation_failed',
    field: 'query.language',
  },
  {
    name: 'subject that is not a code',
    path: '/api/v1/courses?subject=maths',
    status: 400,
    code: 'validation_failed',
    field: 'query.subject',
  },
  {
    name: 'unknown query parameter',
    path: '/api/v1/courses?colour=red',
    status: 400,
    code: 'validation_failed',
    field: 'query.colour',
  },
  {
    name: 'unknown institution kind',
    path: '/api/v1/institutions?kind=school',
    status: 400,
    code: 'validation_failed',
    field: 'query.kind',
  },
  {
    name: 'unknown country filter',
    path: '/api/v1/institutions?country=XX',
    status: 400,
    code: 'validation_failed',
    field: 'query.country',
  },
  {
    name: 'unknown course id',
    path: '/api/v1/courses/no-such-course',
    status: 404,
    code: 'not_found',
    field: 'id',
  },
  {
    name: 'unknown institution id',
    path: '/api/v1/institutions/nowhere',
    status: 404,
    code: 'not_found',
    field: 'id',
  },
  {
    name: 'unknown subject code',
    path: '/api/v1/subjects/0555',
    status: 404,
    code: 'not_found',
    field: 'id',
  },
  { name: 'unknown route', path: '/api/v1/no-such-thing', status: 404, code: 'not_found' },
  {
    name: 'write without a key',
    method: 'POST',
    path: '/api/v1/courses',
    body: validCourse,
    auth: 'none',
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'write with a wrong key',
    method: 'POST',
    path: '/api/v1/courses',
    body: validCourse,
    auth: 'wrong',
    status: 401,
    code: 'unauthorized',
    field: 'header.authorization',
  },
  {
    name: 'basic auth instead of bearer',
    method: 'POST',
    path: '/api/v1/courses',
    body: validCourse,
    auth: 'basic',
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'member-admin writing for another institution',
    method: 'POST',
    path: '/api/v1/courses',
    body: validCourse,
    auth: 'member-cornell',
    status: 403,
    code: 'forbidden',
    field: 'body.institutions',
  },
  {
    name: 'member-admin changing another institution',
    method: 'PATCH',
    path: '/api/v1/institutions/spbu',
    body: { website: 'https://example.org' },
    auth: 'member-cornell',
    status: 403,
    code: 'forbidden',
    field: 'param.id',
  },
  {
    name: 'member-admin promoting itself',
    method: 'PATCH',
    path: '/api/v1/institutions/cornell',
    body: { role: 'founder' },
    auth: 'member-cornell',
    status: 403,
    code: 'forbidden',
    field: 'body.role',
  },
  {
    name: 'member-admin admitting an institution',
    method: 'POST',
    path: '/api/v1/institutions',
    body: { id: 'new-u', kind: 'university', country: 'FR', names: { fr: 'Nouvelle' } },
    auth: 'member-cornell',
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'malformed JSON',
    method: 'POST',
    path: '/api/v1/courses',
    raw: '{"title": "broken',
    status: 400,
    code: 'malformed_json',
    field: 'body',
  },
  {
    name: 'text/plain body',
    method: 'POST',
    path: '/api/v1/courses',
    raw: 'title=x',
    contentType: 'text/plain',
    status: 415,
    code: 'unsupported_media_type',
    field: 'header.content-type',
  },
  {
    name: 'no content type',
    method: 'POST',
    path: '/api/v1/courses',
    raw: JSON.stringify(validCourse),
    contentType: null,
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'form-encoded body',
    method: 'PATCH',
    path: '/api/v1/courses/fixture-course',
    raw: 'title=x',
    contentType: 'application/x-www-form-urlencoded',
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'oversized body',
    method: 'POST',
    path: '/api/v1/courses',
    body: { ...validCourse, description: 'x'.repeat(100_000) },
    status: 413,
    code: 'payload_too_large',
    field: 'body',
  },
  {
    name: 'unknown field',
    method: 'POST',
    path: '/api/v1/courses',
    body: { ...validCourse, colour: 'red' },
    status: 400,
    code: 'validation_failed',
    field: 'body.colour',
  },
  {
    name: 'missing title',
    method: 'POST',
    path: '/api/v1/courses',
    body: { language: 'en', institutions: ['spbu'] },
    status: 400,
    code: 'validation_failed',
    field: 'body.title',
  },
  {
    name: 'blank title',
    method: 'POST',
    path: '/api/v1/courses',
    body: { ...validCourse, title: '   ' },
    status: 400,
    code: 'validation_failed',
    field: 'body.title',
  },
  {
    name: 'weeks as text',
    method: 'POST',
    path: '/api/v1/courses',
    body: { ...validCourse, weeks: 'ten' },
    status: 400,
    code: 'validation_failed',
    field: 'body.weeks',
  },
  {
    name: 'invalid course language',
    method: 'POST',
    path: '/api/v1/courses',
    body: { ...validCourse, language: 'english language' },
    status: 400,
    code: 'validation_failed',
    field: 'body.language',
  },
  {
    name: 'unknown institution reference',
    method: 'POST',
    path: '/api/v1/courses',
    body: { ...validCourse, institutions: ['spbu', 'hogwarts'] },
    status: 400,
    code: 'validation_failed',
    field: 'body.institutions.1',
  },
  {
    name: 'subject code not in ISCED-F',
    method: 'POST',
    path: '/api/v1/courses',
    body: { ...validCourse, subjects: ['0555'] },
    status: 400,
    code: 'validation_failed',
    field: 'body.subjects.0',
  },
  {
    name: 'course id already taken',
    method: 'POST',
    path: '/api/v1/courses',
    body: { ...validCourse, id: 'fixture-course' },
    status: 409,
    code: 'conflict',
    field: 'body.id',
  },
  {
    name: 'JSON array instead of object',
    method: 'POST',
    path: '/api/v1/courses',
    body: [validCourse],
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'JSON null',
    method: 'POST',
    path: '/api/v1/courses',
    raw: 'null',
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'javascript: website',
    method: 'POST',
    path: '/api/v1/institutions',
    body: {
      id: 'x-u',
      kind: 'university',
      country: 'FR',
      names: { fr: 'X' },
      website: 'javascript:alert(1)',
    },
    status: 400,
    code: 'validation_failed',
    field: 'body.website',
  },
  {
    name: 'unknown country',
    method: 'POST',
    path: '/api/v1/institutions',
    body: { id: 'x-u', kind: 'university', country: 'XX', names: { fr: 'X' } },
    status: 400,
    code: 'validation_failed',
    field: 'body.country',
  },
  {
    name: 'no names',
    method: 'POST',
    path: '/api/v1/institutions',
    body: { id: 'x-u', kind: 'university', country: 'FR', names: {} },
    status: 400,
    code: 'validation_failed',
    field: 'body.names',
  },
  {
    name: 'id with capitals and spaces',
    method: 'POST',
    path: '/api/v1/institutions',
    body: { id: 'My Uni', kind: 'university', country: 'FR', names: { fr: 'X' } },
    status: 400,
    code: 'validation_failed',
    field: 'body.id',
  },
  {
    name: 'listing on an unknown platform',
    method: 'POST',
    path: '/api/v1/courses/fixture-course/listings',
    body: { platformId: 'myspace', platformKey: 'k', url: 'https://example.org/c' },
    status: 400,
    code: 'validation_failed',
    field: 'body.platformId',
  },
  {
    name: 'listing key already used on the platform',
    method: 'POST',
    path: '/api/v1/courses/fixture-course/listings',
    body: { platformId: 'edx', platformKey: 'course-v1:Fixture+1', url: 'https://example.org/c' },
    status: 409,
    code: 'conflict',
    field: 'body.platformKey',
  },
  {
    name: 'run on an unknown listing',
    method: 'POST',
    path: '/api/v1/listings/nope/runs',
    body: { pacing: 'self' },
    status: 404,
    code: 'not_found',
  },
  {
    name: 'run ending before it starts',
    method: 'PATCH',
    path: '/api/v1/runs/fixture-run',
    body: { endsOn: '2020-01-01' },
    status: 400,
    code: 'validation_failed',
    field: 'body.endsOn',
  },
  {
    name: 'impossible date',
    method: 'POST',
    path: '/api/v1/listings/fixture-listing/runs',
    body: { pacing: 'instructor', startsOn: '2026-02-30' },
    status: 400,
    code: 'validation_failed',
    field: 'body.startsOn',
  },
  {
    name: 'update of an unknown course',
    method: 'PATCH',
    path: '/api/v1/courses/no-such-course',
    body: { title: 'x' },
    status: 404,
    code: 'not_found',
  },
]

let t: TestApp
let memberCornell: string
let fixtureIds: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestApp()
  memberCornell = await t.memberKey('cornell')
  await makeCourse(t.deps, { id: 'fixture-course' })
  const listing = await makeListing(t.deps, 'fixture-course', { platformKey: 'course-v1:Fixture+1' })
  const run = await makeRun(t.deps, listing.id, { startsOn: '2026-09-01', endsOn: '2026-12-01' })
  fixtureIds = { 'fixture-listing': listing.id, 'fixture-run': run.id }
})
afterAll(() => t.close())

describe('hostile input to the API', () => {
  it('has at least 25 cases', () => expect(cases.length).toBeGreaterThanOrEqual(25))

  it.each(cases)('$name → $status $code', async (c) => {
    const before = await snapshot(t.db)
    const headers: Record<string, string> = {}
    if (c.contentType !== null) headers['content-type'] = c.contentType ?? 'application/json'
    const auth = c.auth ?? (c.method ? 'admin' : 'none')
    if (auth === 'admin') headers.authorization = `Bearer ${t.adminKey}`
    if (auth === 'member-cornell') headers.authorization = `Bearer ${memberCornell}`
    if (auth === 'wrong') headers.authorization = 'Bearer mx_this-key-does-not-exist'
    if (auth === 'basic') headers.authorization = 'Basic dXNlcjpwYXNz'
    const body = c.raw ?? (c.body === undefined ? undefined : JSON.stringify(c.body))
    const path = c.path.replace(/fixture-(listing|run)/, (m) => fixtureIds[m] ?? m)
    const res = await t.app.request(path, { method: c.method ?? 'GET', headers, body })

    expect(res.status).toBe(c.status)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    const json = (await res.json()) as {
      error: { code: string; message: string; details: { field: string }[] }
    }
    expect(json.error.code).toBe(c.code)
    expect(json.error.message.length).toBeGreaterThan(5)
    expect(JSON.stringify(json)).not.toMatch(/at .*\.ts:\d+|SELECT |INSERT /)
    if (c.field)
      expect(json.error.details.map((d) => d.field)).toContainEqual(
        expect.stringMatching(new RegExp(`^${c.field.replace(/\./g, '\\.')}`)),
      )
    expect(await snapshot(t.db)).toBe(before)
  })
})
