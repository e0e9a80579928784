// Conditional requests through real HTTP: weak ETags computed from bodies (never from a streamed one),
// If-None-Match before If-Modified-Since, 304s without a body, and the same on the JSON API.
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, NOW, type TestApp } from '../../test/test-app.ts'
import { conditional, lastModifiedHeader, markStreamed, MAX_HASHED_BYTES } from './conditional.ts'
import { parseHttpDate } from './http-date.ts'

const CHANGED = '2026-11-20T10:00:00.750Z'
const CHANGED_HTTP = 'Fri, 20 Nov 2026 10:00:00 GMT'

/** An endless body of numbered 64 KiB chunks; `pulled` counts what was read from it. */
function endless() {
  const state = { pulled: 0 }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(new Uint8Array(64 * 1024).fill(state.pulled % 256))
      state.pulled++
    },
  })
  return { state, stream }
}

function testRoutes() {
  const big = endless()
  const streamed = endless()
  const app = new Hono()
  app.use('*', conditional({ now: () => NOW }))
  app.get('/dated', (c) => {
    c.header('Last-Modified', lastModifiedHeader(CHANGED))
    c.header('Cache-Control', 'public, max-age=60')
    return c.text('dated')
  })
  app.get('/own-tag', (c) => c.text('own', 200, { ETag: '"v1"' }))
  app.get('/future', (c) => c.text('x', 200, { 'Last-Modified': lastModifiedHeader('2030-01-01T00:00:00Z') }))
  app.get('/missing', (c) => c.text('no', 404))
  app.post('/dated', (c) => c.text('posted', 200, { 'Last-Modified': CHANGED_HTTP }))
  app.get('/big', (c) => c.body(big.stream))
  app.get('/streamed', (c) => {
    markStreamed(c)
    return c.body(streamed.stream)
  })
  return { app, big: big.state, streamed: streamed.state }
}

describe('conditional requests on a test route', () => {
  const { app, big, streamed } = testRoutes()
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    app.request(path, { method, headers })

  it('gives a weak ETag computed from the body and answers a match with an empty 304', async () => {
    const first = await get('/dated')
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^W\/"[\w-]{27}"$/)
    expect(await first.text()).toBe('dated')
    expect((await get('/dated')).headers.get('etag')).toBe(etag)

    const again = await get('/dated', { 'if-none-match': `"other", ${etag}` })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    expect(again.headers.get('last-modified')).toBe(CHANGED_HTTP)
    expect(again.headers.get('cache-control')).toBe('public, max-age=60')
    expect(again.headers.get('content-type')).toBeNull()
    expect((await get('/dated', { 'if-none-match': etag.slice(2) })).status).toBe(304)
    expect((await get('/dated', { 'if-none-match': '*' })).status).toBe(304)
    expect((await get('/dated', { 'if-none-match': '"other"' })).status).toBe(200)
    expect((await get('/dated', { 'if-none-match': etag }, 'HEAD')).status).toBe(304)
  })

  it('keeps an ETag the handler set', async () => {
    expect((await get('/own-tag')).headers.get('etag')).toBe('"v1"')
    expect((await get('/own-tag', { 'if-none-match': 'W/"v1"' })).status).toBe(304)
  })

  it('answers If-Modified-Since at second precision, in all three date forms', async () => {
    expect((await get('/dated', { 'if-modified-since': CHANGED_HTTP })).status).toBe(304)
    expect((await get('/dated', { 'if-modified-since': 'Sat, 21 Nov 2026 00:00:00 GMT' })).status).toBe(304)
    expect((await get('/dated', { 'if-modified-since': 'Fri, 20 Nov 2026 09:59:59 GMT' })).status).toBe(200)
    expect((await get('/dated', { 'if-modified-since': 'Friday, 20-Nov-26 10:00:00 GMT' })).status).toBe(304)
    expect((await get('/dated', { 'if-modified-since': 'Fri Nov 20 10:00:00 2026' })).status).toBe(304)
    expect((await get('/dated', { 'if-modified-since': CHANGED_HTTP }, 'HEAD')).status).toBe(304)
  })

  it('lets If-None-Match decide alone when both are sent', async () => {
    const headers = { 'if-none-match': '"stale"', 'if-modified-since': CHANGED_HTTP }
    expect((await get('/dated', headers)).status).toBe(200)
    const etag = (await get('/dated')).headers.get('etag') ?? ''
    const fresh = { 'if-none-match': etag, 'if-modified-since': 'Mon, 01 Jan 2001 00:00:00 GMT' }
    expect((await get('/dated', fresh)).status).toBe(304)
  })

  it.each([
    ['not a date'],
    ['2026-11-21T00:00:00Z'],
    ['Sat, 21 Nov 2026 00:00:00 GMT, Sun, 22 Nov 2026 00:00:00 GMT'],
    ['Mon, 30 Feb 2026 00:00:00 GMT'],
    ['Sat, 21 Nov 2026 25:00:00 GMT'],
    ['Sat, 21 Nov 2026 00:00:00 PST'],
    ['x'.repeat(10_000)],
  ])('ignores the unreadable If-Modified-Since %#', async (value) => {
    expect((await get('/dated', { 'if-modified-since': value })).status).toBe(200)
  })

  it('leaves other methods and other statuses alone', async () => {
    const posted = await get('/dated', { 'if-modified-since': CHANGED_HTTP }, 'POST')
    expect([posted.status, posted.headers.get('etag')]).toEqual([200, null])
    const missing = await get('/missing', { 'if-none-match': '*' })
    expect([missing.status, missing.headers.get('etag')]).toEqual([404, null])
  })

  it('never dates a change after the answer', async () => {
    expect((await get('/future')).headers.get('last-modified')).toBe(NOW.toUTCString())
  })

  it('passes a body longer than it hashes on as it comes, unbuffered and without an ETag', async () => {
    const res = await get('/big')
    expect(res.headers.get('etag')).toBeNull()
    const reader = res.body!.getReader()
    const chunkCount = MAX_HASHED_BYTES / (64 * 1024) + 1
    for (let i = 0; i < chunkCount + 3; i++) expect((await reader.read()).value?.[0]).toBe(i % 256)
    expect(big.pulled).toBeLessThan(chunkCount + 8)
    await reader.cancel()
  })

  it('does not read a streamed body at all', async () => {
    const res = await get('/streamed')
    expect(res.headers.get('etag')).toBeNull()
    expect(streamed.pulled).toBeLessThanOrEqual(1)
    await res.body?.cancel()
  })
})

describe('HTTP dates', () => {
  it('writes IMF-fixdate without the fraction and reads it back', () => {
    expect(lastModifiedHeader(CHANGED)).toBe(CHANGED_HTTP)
    expect(parseHttpDate(CHANGED_HTTP, NOW)).toBe(Math.floor(Date.parse(CHANGED) / 1000))
    expect(() => lastModifiedHeader('yesterday')).toThrow(/not an instant/)
  })

  it('reads a two-digit year as at most 50 years ahead', () => {
    const inYear = (value: string) => new Date((parseHttpDate(value, NOW) ?? 0) * 1000).getUTCFullYear()
    expect(inYear('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(1994)
    expect(inYear('Monday, 06-Nov-51 08:49:37 GMT')).toBe(2051)
  })
})

describe('conditional requests on the JSON API', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ demo: true })
  })
  afterAll(async () => {
    await t.close()
  })

  it('answers a known ETag with 304 that a page on another origin may read', async () => {
    const first = await t.app.request('/api/v1/courses', { headers: { origin: 'https://example.org' } })
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^W\//)
    const again = await t.app.request('/api/v1/courses', {
      headers: { origin: 'https://example.org', 'if-none-match': etag },
    })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('ignores If-Modified-Since where the answer has no Last-Modified', async () => {
    const since = { 'if-modified-since': 'Fri, 01 Jan 2100 00:00:00 GMT' }
    expect((await t.app.request('/api/v1/courses', { headers: since })).status).toBe(200)
  })
})
