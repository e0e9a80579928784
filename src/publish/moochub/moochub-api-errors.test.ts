// The MOOChub endpoint refusing what it cannot answer, in the JSON:API error shape: wrong page sizes,
// cursors moocx did not write, page numbers, unknown courses and paths, and Accept headers that
// accept no MOOChub v3 (version negotiation).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCourse, makeListing } from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { createApp } from '../../app.ts'
import { DEFAULT_RATE_LIMITS } from '../../config.ts'
import { createLogger } from '../../shared/logger.ts'
import { MOOCHUB_MEDIA_TYPE } from './moochub-types.ts'

let t: TestApp
let app: TestApp['app']
beforeAll(async () => {
  t = await createTestApp()
  for (let i = 0; i < 3; i++) await makeListing(t.deps, (await makeCourse(t.deps)).id)
  // The test clock stands still, so the MOOChub rate limit would never refill: it is off here.
  const rateLimits = { ...DEFAULT_RATE_LIMITS, classes: { ...DEFAULT_RATE_LIMITS.classes, moochub: null } }
  app = createApp({ ...t.deps, logger: createLogger('silent'), publicUrl: 'http://moocx.test', rateLimits })
})
afterAll(async () => {
  await t.close()
})

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers })

describe('refusing what the list cannot answer', () => {
  const errorsOf = async (path: string, status = 400, headers: Record<string, string> = {}) => {
    const res = await get(path, headers)
    expect(res.status, path).toBe(status)
    expect(res.headers.get('content-type')).toBe(MOOCHUB_MEDIA_TYPE)
    const body = (await res.json()) as {
      errors: { status: string; code: string; title: string; detail: string; source?: unknown }[]
    }
    expect(body.errors.length).toBeGreaterThan(0)
    for (const e of body.errors) expect(e.status).toBe(String(status))
    return body.errors
  }

  it.each(['0', '9999', 'abc', '-1', '1.5', '', '1e2', ' 5'])('refuses page[size]=%j', async (size) => {
    const [error] = await errorsOf(`/api/moochub/courses?page%5Bsize%5D=${encodeURIComponent(size)}`)
    expect(error).toMatchObject({ code: 'validation_failed', source: { parameter: 'page[size]' } })
  })

  const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  it.each([
    ['not base64url', 'a+b/c=='],
    ['base64 of no JSON', Buffer.from('hello').toString('base64url')],
    ['a cursor with a bad date', cursor({ c: 'yesterday', i: 'x' })],
    ['a cursor with a bad id', cursor({ c: '2026-11-29T12:00:00.000Z', i: '' })],
    ['a cursor with more fields', cursor({ c: '2026-11-29T12:00:00.000Z', i: 'x', sql: 'drop' })],
    ['a cursor that is a list', cursor(['2026-11-29T12:00:00.000Z', 'x'])],
    ['a huge cursor', 'A'.repeat(5_000)],
    ['an empty cursor', ''],
  ])('refuses %s as page[after]', async (_, value) => {
    const [error] = await errorsOf(`/api/moochub/courses?page%5Bafter%5D=${encodeURIComponent(value)}`)
    expect(error).toMatchObject({ code: 'validation_failed', source: { parameter: 'page[after]' } })
  })

  it('accepts a cursor of the right shape wherever it points, and a tampered one only as a position', async () => {
    const res = await get(
      `/api/moochub/courses?page%5Bafter%5D=${cursor({ c: '2999-01-01T00:00:00.000Z', i: 'z' })}`,
    )
    expect(res.status).toBe(200)
    const far = (await res.json()) as { data: unknown[]; links: { next?: string }; meta: { total: number } }
    expect(far).toMatchObject({ data: [], meta: { total: 3 } })
    expect(far.links.next).toBeUndefined()
  })

  it('refuses page numbers and repeated parameters, naming each', async () => {
    expect(await errorsOf('/api/moochub/courses?page=2')).toMatchObject([{ source: { parameter: 'page' } }])
    expect(await errorsOf('/api/moochub/courses?page%5Bnumber%5D=2')).toMatchObject([
      { source: { parameter: 'page[number]' } },
    ])
    expect(await errorsOf('/api/moochub/courses?page%5Bsize%5D=5&page%5Bsize%5D=6')).toMatchObject([
      { detail: 'must be given once', source: { parameter: 'page[size]' } },
    ])
  })

  it('answers an unknown course, an unknown path and a huge id with 404 as JSON:API', async () => {
    expect(await errorsOf('/api/moochub/courses/no-such-course', 404)).toMatchObject([{ code: 'not_found' }])
    await errorsOf(`/api/moochub/courses/${'x'.repeat(10_000)}`, 404)
    await errorsOf('/api/moochub/nothing-here', 404)
  })
})

describe('MOOChub version negotiation', () => {
  it.each([
    ['no Accept', undefined],
    ['any type', '*/*'],
    ['JSON', 'application/json'],
    ['JSON:API without a version', 'application/vnd.api+json'],
    ['v3', 'application/vnd.api+json; moochub-version=3'],
    [
      'v3.0 quoted, parameters in another order and case',
      'Application/VND.API+JSON;q=0.9;MOOCHUB-VERSION="3.0"',
    ],
    [
      'v2 preferred but v3 accepted',
      'application/vnd.api+json; moochub-version=2, application/vnd.api+json; moochub-version=3; q=0.5',
    ],
    ['v2 or anything', 'application/vnd.api+json;moochub-version=2, */*;q=0.1'],
    ['a browser', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'],
    ['a header that says nothing readable', 'garbage'],
  ])('answers v3 to %s', async (_, accept) => {
    const res = await get('/api/moochub/courses?page%5Bsize%5D=1', accept === undefined ? {} : { accept })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(MOOCHUB_MEDIA_TYPE)
  })

  it.each([
    ['v2 only', 'application/vnd.api+json; moochub-version=2'],
    [
      'v1 or v2.1',
      'application/vnd.api+json; moochub-version=1, application/vnd.api+json; moochub-version="2.1"',
    ],
    ['v3 refused by q=0', 'application/vnd.api+json; moochub-version=3; q=0'],
    ['only HTML', 'text/html'],
    ['v30', 'application/vnd.api+json; moochub-version=30'],
  ])('answers 406 naming the supported version to %s', async (_, accept) => {
    for (const path of ['/api/moochub/courses', '/api/moochub/courses/anything']) {
      const res = await get(path, { accept })
      expect(res.status).toBe(406)
      const body = (await res.json()) as {
        errors: { status: string; code: string; detail: string; source: unknown }[]
      }
      expect(body.errors[0]).toMatchObject({
        status: '406',
        code: 'not_acceptable',
        source: { header: 'Accept' },
      })
      expect(body.errors[0]?.detail).toContain('moochub-version=3')
    }
  })
})

describe('the rate limit', () => {
  it('refuses a client over its share in the JSON:API shape, with Retry-After', async () => {
    const limited = createApp({
      ...t.deps,
      logger: createLogger('silent'),
      publicUrl: 'http://moocx.test',
      rateLimits: {
        ...DEFAULT_RATE_LIMITS,
        classes: { ...DEFAULT_RATE_LIMITS.classes, moochub: { perMinute: 1, burst: 1 } },
      },
    })
    expect((await limited.request('/api/moochub/courses')).status).toBe(200)
    const res = await limited.request('/api/moochub/courses')
    expect(res.status).toBe(429)
    expect(res.headers.get('content-type')).toBe(MOOCHUB_MEDIA_TYPE)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    const body = (await res.json()) as { errors: { status: string; code: string; source?: unknown }[] }
    expect(body.errors).toEqual([
      expect.objectContaining({ status: '429', code: 'rate_limited', source: { header: 'Retry-After' } }),
    ])
    // The rest of /api keeps moocx's own error shape.
    const other = await limited.request('/api/v1/nowhere')
    expect(((await other.json()) as { error?: unknown }).error).toBeDefined()
  })
})
