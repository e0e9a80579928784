// Per-client rate limits: the bucket's arithmetic on a fixed clock, then 429s through the real app
// (JSON under /api, translated plain text on /oai), per client address, with other paths untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../config.ts'
import { createLogger } from '../shared/logger.ts'
import { testDeps } from '../../test/test-app.ts'
import { createTestDb, type TestDb } from '../../test/test-db.ts'
import { createRateLimiter } from './rate-limit.ts'

describe('the bucket', () => {
  it('lets a burst through, then one request per interval, and says when to come back', () => {
    const limiter = createRateLimiter({ perMinute: 60, burst: 3 })
    const at = (ms: number) => limiter.take('a', ms)
    expect([at(0), at(0), at(0)].map((d) => [d.allowed, d.remaining, d.resetSeconds])).toEqual([
      [true, 2, 1],
      [true, 1, 2],
      [true, 0, 3],
    ])
    expect(at(0)).toEqual({ allowed: false, limit: 3, remaining: 0, resetSeconds: 3, retryAfterSeconds: 1 })
    expect(at(999).allowed).toBe(false)
    expect(at(1000)).toMatchObject({ allowed: true, remaining: 0 })
    expect(at(1500)).toMatchObject({ allowed: false, retryAfterSeconds: 1 })
    expect(at(60_000)).toMatchObject({ allowed: true, remaining: 2 })
  })

  it('rounds Retry-After up to whole seconds, never below 1', () => {
    const limiter = createRateLimiter({ perMinute: 7, burst: 1 })
    expect(limiter.take('a', 0).allowed).toBe(true)
    expect(limiter.take('a', 0).retryAfterSeconds).toBe(9)
    expect(limiter.take('a', 8_571).retryAfterSeconds).toBe(1)
    expect(limiter.take('a', 8_572).allowed).toBe(true)
  })

  it('keeps clients apart', () => {
    const limiter = createRateLimiter({ perMinute: 60, burst: 1 })
    expect(limiter.take('a', 0).allowed).toBe(true)
    expect(limiter.take('a', 0).allowed).toBe(false)
    expect(limiter.take('b', 0).allowed).toBe(true)
  })

  it('forgets clients whose bucket is full again, and never holds more than its cap', () => {
    const limiter = createRateLimiter({ perMinute: 60, burst: 2 }, { maxClients: 50 })
    for (let i = 0; i < 40; i++) limiter.take(`client-${i}`, 0)
    expect(limiter.size()).toBe(40)
    limiter.take('late', 2_000)
    expect(limiter.size()).toBe(1)
    for (let i = 0; i < 500; i++) limiter.take(`flood-${i}`, 3_000)
    expect(limiter.size()).toBe(50)
    // The most recent clients are the ones remembered.
    expect(limiter.take('flood-499', 3_000).remaining).toBe(0)
  })
})

describe('rate limits on the app', () => {
  let testDb: TestDb
  let clock = new Date('2026-11-29T12:00:00Z')
  const limits: RateLimits = {
    trustProxy: 0,
    classes: {
      ...DEFAULT_RATE_LIMITS.classes,
      search: { perMinute: 30, burst: 2 },
      oai: { perMinute: 6, burst: 1 },
    },
  }
  let app: ReturnType<typeof createApp>
  const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } })
  const search = (init: RequestInit = {}, env?: unknown) => app.request('/api/v1/search?q=python', init, env)

  beforeAll(async () => {
    testDb = await createTestDb()
    app = createApp({
      ...testDeps(testDb.db),
      now: () => clock,
      logger: createLogger('silent'),
      publicUrl: 'http://moocx.test',
      rateLimits: limits,
    })
  })
  afterAll(async () => {
    await testDb.close()
  })

  it('answers 429 with Retry-After, the error model and RateLimit headers past the burst', async () => {
    const first = await search({ headers: { origin: 'https://example.org' } }, from('198.51.100.1'))
    expect(first.status).toBe(200)
    expect(first.headers.get('ratelimit-limit')).toBe('2')
    expect(first.headers.get('ratelimit-remaining')).toBe('1')
    expect(first.headers.get('ratelimit-policy')).toBe('2;w=4')
    await search({}, from('198.51.100.1'))

    const refused = await search({ headers: { origin: 'https://example.org' } }, from('198.51.100.1'))
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('2')
    expect(refused.headers.get('ratelimit-remaining')).toBe('0')
    expect(refused.headers.get('access-control-allow-origin')).toBe('*')
    const body = (await refused.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('rate_limited')
    expect(body.error.message).toMatch(/2 s/)

    expect((await search({}, from('198.51.100.2'))).status).toBe(200)
    clock = new Date(clock.getTime() + 2_000)
    expect((await search({}, from('198.51.100.1'))).status).toBe(200)
  })

  it('counts an IPv6 subscriber’s whole /64 as one client', async () => {
    expect((await search({}, from('2001:db8:aa:1::1'))).status).toBe(200)
    expect((await search({}, from('2001:db8:aa:1:ffff::2'))).status).toBe(200)
    expect((await search({}, from('2001:0db8:00aa:0001::3'))).status).toBe(429)
    expect((await search({}, from('2001:db8:aa:2::1'))).status).toBe(200)
  })

  it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
    const spoof = (n: number) => ({ headers: { 'x-forwarded-for': `192.0.2.${n}` } })
    const statuses = []
    for (let n = 0; n < 3; n++) statuses.push((await search(spoof(n), from('198.51.100.9'))).status)
    expect(statuses).toEqual([200, 200, 429])
  })

  it('answers /oai in plain text in the reader’s language', async () => {
    await app.request('/oai?verb=Identify', {}, from('198.51.100.3'))
    const refused = await app.request(
      '/oai?verb=Identify',
      { headers: { 'accept-language': 'fr' } },
      from('198.51.100.3'),
    )
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('10')
    expect(refused.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(await refused.text()).toBe('Trop de requêtes. Veuillez réessayer dans 10 secondes.')
  })

  it('does not count CORS preflights, and leaves unlimited paths alone', async () => {
    const preflight = {
      method: 'OPTIONS',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' },
    }
    for (let i = 0; i < 5; i++) expect((await search(preflight, from('198.51.100.4'))).status).toBe(204)
    expect((await search({}, from('198.51.100.4'))).status).toBe(200)
    for (let i = 0; i < 5; i++) {
      const courses = await app.request('/api/v1/courses', {}, from('198.51.100.4'))
      expect(courses.status).toBe(200)
      expect(courses.headers.get('ratelimit-limit')).toBeNull()
    }
  })

  it('shares one allowance among requests whose address is unknown', async () => {
    expect((await search()).status).toBe(200)
    expect((await search()).status).toBe(200)
    expect((await search()).status).toBe(429)
  })
})
