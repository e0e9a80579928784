// CORS through the real app: any origin may read the open endpoints (and post OAI-PMH forms), but
// writes, API keys and the console are never offered to another origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, jsonRequest, type TestApp } from '../../test/test-app.ts'
import { EXPOSED_HEADERS } from './cors.ts'

const ORIGIN = 'https://harvester.example.org'
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ demo: true })
})
afterAll(async () => {
  await t.close()
})

const preflight = (path: string, method: string, headers = 'if-none-match') =>
  t.app.request(path, {
    method: 'OPTIONS',
    headers: {
      origin: ORIGIN,
      'access-control-request-method': method,
      'access-control-request-headers': headers,
    },
  })

describe('reads from another origin', () => {
  it.each(['/api/v1/courses', '/api/v1/institutions', '/api/openapi.json', '/oai?verb=Identify'])(
    'lets any origin read GET %s and its validators',
    async (path) => {
      const res = await t.app.request(path, { headers: { origin: ORIGIN } })
      expect(res.status).toBe(200)
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
      expect(res.headers.get('access-control-allow-credentials')).toBeNull()
      expect(res.headers.get('access-control-expose-headers')).toBe(EXPOSED_HEADERS)
      expect(EXPOSED_HEADERS).toMatch(/ETag.*Last-Modified.*Link.*Retry-After.*RateLimit-Remaining/)
    },
  )

  it('answers HEAD and error answers of a read too', async () => {
    const head = await t.app.request('/api/v1/courses', { method: 'HEAD', headers: { origin: ORIGIN } })
    expect(head.headers.get('access-control-allow-origin')).toBe('*')
    const missing = await t.app.request('/api/v1/courses/nope', { headers: { origin: ORIGIN } })
    expect(missing.status).toBe(404)
    expect(missing.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('answers a preflight for conditional GETs without offering Authorization', async () => {
    const res = await preflight('/api/v1/courses', 'GET', 'if-none-match, if-modified-since')
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, HEAD')
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase()
    expect(allowed).toContain('if-none-match')
    expect(allowed).toContain('if-modified-since')
    expect(allowed).not.toContain('authorization')
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0)
  })

  it('lets OAI-PMH be posted as a form from another origin', async () => {
    const pre = await preflight('/oai', 'POST', 'content-type')
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET, HEAD, POST')
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/Content-Type/)
    const res = await t.app.request('/oai', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'verb=Identify',
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
  })
})

describe('writes and private pages', () => {
  it.each([
    ['/api/v1/courses', 'POST'],
    ['/api/v1/courses/x', 'PATCH'],
    ['/api/v1/courses/x', 'DELETE'],
    ['/api/v1/courses', 'PUT'],
  ])('refuses a preflight for %s %s', async (path, method) => {
    const res = await preflight(path, method, 'authorization, content-type')
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('access-control-allow-methods')).toBeNull()
  })

  it('gives a write no CORS headers, even with a valid key', async () => {
    const init = jsonRequest('POST', { nonsense: true }, t.adminKey)
    const res = await t.app.request('/api/v1/courses', {
      ...init,
      headers: { ...Object.fromEntries(new Headers(init.headers)), origin: ORIGIN },
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })

  it.each(['/console', '/courses', '/'])('gives the page %s no CORS headers', async (path) => {
    const res = await t.app.request(path, { headers: { origin: ORIGIN } })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    const pre = await preflight(path, 'GET')
    expect(pre.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('ignores an OPTIONS that is not a preflight', async () => {
    const res = await t.app.request('/api/v1/courses', { method: 'OPTIONS' })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })
})
