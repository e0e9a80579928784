// fetchText against real sockets on 127.0.0.1: well-behaved, compressed, oversized, malformed, silent and
// rate-limiting servers. Sleeps are recorded, not slept; timeouts are real but short.
import { once } from 'node:events'
import type { ServerResponse } from 'node:http'
import { constants, createBrotliCompress, createDeflate, createGzip } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { startFakeHttpServer, type FakeHandler, type FakeHttpServer } from '../../test/fake-http-server.ts'
import { fetchPolicy, fetchText, parseRetryAfter, UpstreamError, type FetchDeps } from './fetcher.ts'

const MiB = 1024 * 1024
const NOW = Date.parse('2030-01-01T00:00:00Z')
const policy = fetchPolicy({
  userAgent: 'moocx-harvester/test (+https://example.org/moocx)',
  connectTimeoutMs: 2_000,
  readTimeoutMs: 2_000,
  maxBytes: 4 * MiB,
})
const short = { ...policy, connectTimeoutMs: 200, readTimeoutMs: 200 }

let server: FakeHttpServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function serve(routes: Record<string, FakeHandler>): Promise<FakeHttpServer> {
  server = await startFakeHttpServer(routes)
  return server
}

function testDeps(overrides: Partial<FetchDeps> = {}) {
  const sleeps: number[] = []
  const deps: FetchDeps = {
    fetch: globalThis.fetch,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    random: () => 0.5,
    now: () => NOW,
    ...overrides,
  }
  return { deps, sleeps }
}

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => new Error('expected the fetch to fail'),
    (thrown: unknown) => thrown,
  )
  if (!(error instanceof UpstreamError)) throw error
  return error
}

/** Writes `total` bytes of `chunk` repeatedly, respecting backpressure, until done or the client hangs up. */
async function pump(out: NodeJS.WritableStream, res: ServerResponse, chunk: Buffer, total: number) {
  const hungUp = new Promise((resolve) => res.once('close', resolve))
  let written = 0
  while (written < total && !res.destroyed) {
    written += chunk.length
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), hungUp])
  }
  if (!res.destroyed) out.end()
  return written
}

const respondWith =
  (status: number, headers: Record<string, string> = {}, body = ''): FakeHandler =>
  (_req, res) =>
    res.writeHead(status, headers).end(body)

describe('fetchText', () => {
  it('returns a JSON body, sending our User-Agent and Accept-Encoding', async () => {
    const { url, requests } = await serve({
      '/courses.json': respondWith(200, { 'content-type': 'application/json' }, '{"title":"Über Kurse"}'),
    })
    const { deps } = testDeps()

    const got = await fetchText(
      deps,
      `${url}/courses.json`,
      { headers: { accept: 'application/json' } },
      policy,
    )

    expect(got).toMatchObject({ url: `${url}/courses.json`, status: 200, text: '{"title":"Über Kurse"}' })
    expect(got.bytes).toBe(Buffer.byteLength('{"title":"Über Kurse"}'))
    expect(got.headers.get('content-type')).toBe('application/json')
    expect(requests[0]?.headers).toMatchObject({
      'user-agent': policy.userAgent,
      'accept-encoding': 'gzip, deflate, br',
      accept: 'application/json',
    })
  })

  it('sends a POST body', async () => {
    const { url, requests } = await serve({ '/graphql': respondWith(200, {}, 'ok') })
    const { deps } = testDeps()

    await fetchText(deps, `${url}/graphql`, { method: 'POST', body: '{"query":"{ courses }"}' }, policy)

    expect(requests[0]).toMatchObject({ method: 'POST', body: '{"query":"{ courses }"}' })
  })

  it.each([
    ['gzip', createGzip],
    ['deflate', createDeflate],
    ['br', createBrotliCompress],
  ] as const)('decodes a %s-compressed body and counts decoded bytes', async (encoding, compressor) => {
    const text = 'Ein Kurs über Datenbanken. '.repeat(10_000)
    const { url } = await serve({
      '/feed': async (_req, res) => {
        res.writeHead(200, { 'content-encoding': encoding })
        const zip = compressor()
        zip.pipe(res)
        zip.end(text)
      },
    })
    const { deps } = testDeps()

    const got = await fetchText(deps, `${url}/feed`, {}, policy)

    expect(got.text).toBe(text)
    expect(got.bytes).toBe(Buffer.byteLength(text))
  })

  it('stops a gzip bomb at the decoded cap, quickly and without holding the inflated body', async () => {
    let fed = 0
    const { url } = await serve({
      '/bomb': async (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
        const zip = createGzip({ level: constants.Z_BEST_SPEED })
        zip.pipe(res)
        res.on('close', () => zip.destroy())
        fed = await pump(zip, res, Buffer.alloc(MiB), 1024 * MiB)
      },
    })
    const { deps } = testDeps()
    const memoryBefore = process.memoryUsage()
    const startedAt = performance.now()

    const error = await failure(fetchText(deps, `${url}/bomb`, {}, policy))

    expect(error.reason).toBe('too_large')
    expect(performance.now() - startedAt).toBeLessThan(3_000)
    const memoryAfter = process.memoryUsage()
    const grown =
      memoryAfter.heapUsed + memoryAfter.arrayBuffers - memoryBefore.heapUsed - memoryBefore.arrayBuffers
    expect(grown).toBeLessThan(200 * MiB)
    // The server stops feeding when the client hangs up; socket buffers hold a few hundred MiB of zeros.
    await expect.poll(() => fed).toBeGreaterThan(0)
    expect(fed).toBeLessThan(1024 * MiB)
  })

  it('stops a 200 MB body at the cap and closes the connection', async () => {
    let sent = 0
    let closed = false
    const { url } = await serve({
      '/huge': async (_req, res) => {
        res.on('close', () => (closed = true))
        res.writeHead(200, { 'content-type': 'text/plain' })
        sent = await pump(res, res, Buffer.alloc(64 * 1024, 'a'), 200 * MiB)
      },
    })
    const { deps } = testDeps()

    const error = await failure(fetchText(deps, `${url}/huge`, {}, policy))

    expect(error.reason).toBe('too_large')
    await expect.poll(() => closed).toBe(true)
    expect(sent).toBeLessThan(100 * MiB)
  })

  it('refuses a body whose Content-Length is over the cap without reading it', async () => {
    const { url } = await serve({
      '/declared': (_req, res) => {
        res.writeHead(200, { 'content-length': String(10 * MiB) })
        res.write('a')
      },
    })
    const { deps } = testDeps()

    const error = await failure(fetchText(deps, `${url}/declared`, {}, policy))

    expect(error.reason).toBe('too_large')
  })

  it.each([
    ['an invalid byte', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
    ['Latin-1 text', Buffer.from('Universit\xe4t', 'latin1')],
    ['a truncated character at the end', Buffer.from([0x7b, 0xe2, 0x82])],
  ])('fails on %s as invalid_utf8, without retrying', async (_name, bytes) => {
    const { url, requests } = await serve({ '/latin1': (_req, res) => res.writeHead(200).end(bytes) })
    const { deps, sleeps } = testDeps()

    const error = await failure(fetchText(deps, `${url}/latin1`, {}, policy))

    expect(error.reason).toBe('invalid_utf8')
    expect(requests).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it('times out on a server that accepts the connection and never answers, and retries', async () => {
    const { url, requests } = await serve({ '/silent': () => undefined })
    const { deps, sleeps } = testDeps()

    const error = await failure(fetchText(deps, `${url}/silent`, {}, { ...short, retries: 1 }))

    expect(error.reason).toBe('timeout')
    expect(requests).toHaveLength(2)
    expect(sleeps).toEqual([250])
  })

  it('times out on a server that sends headers, then stalls mid-body', async () => {
    const { url } = await serve({
      '/stall': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write('{"courses":[')
      },
    })
    const { deps } = testDeps()
    const startedAt = performance.now()

    const error = await failure(fetchText(deps, `${url}/stall`, {}, { ...short, retries: 0 }))

    expect(error.reason).toBe('timeout')
    expect(performance.now() - startedAt).toBeLessThan(1_500)
  })

  it('gives up on a server that drips bytes just under the read timeout, at the total timeout', async () => {
    const { url } = await serve({
      '/drip': (_req, res) => {
        res.writeHead(200)
        const timer = setInterval(() => res.write('.'), 50)
        res.on('close', () => clearInterval(timer))
      },
    })
    const { deps } = testDeps()

    const error = await failure(
      fetchText(deps, `${url}/drip`, {}, { ...short, retries: 0, totalTimeoutMs: 400 }),
    )

    expect(error.reason).toBe('timeout')
    expect(error.message).toMatch(/400 ms/)
  })

  it('retries a network error (connection dropped) and then succeeds', async () => {
    let calls = 0
    const { url, requests } = await serve({
      '/flaky': (req, res) => (++calls === 1 ? req.socket.destroy() : res.end('fine')),
    })
    const { deps, sleeps } = testDeps()

    const got = await fetchText(deps, `${url}/flaky`, {}, policy)

    expect(got.text).toBe('fine')
    expect(requests).toHaveLength(2)
    expect(sleeps).toEqual([250])
  })

  it('retries 500 twice with growing backoff, then returns the 200', async () => {
    let calls = 0
    const { url, requests } = await serve({
      '/wobbly': (_req, res) =>
        ++calls <= 2 ? res.writeHead(500).end('oops') : res.writeHead(200).end('ok'),
    })
    const { deps, sleeps } = testDeps()

    const got = await fetchText(deps, `${url}/wobbly`, {}, policy)

    expect(got.text).toBe('ok')
    expect(requests).toHaveLength(3)
    expect(sleeps).toEqual([250, 500])
  })

  it('fails with http_status after the last retry', async () => {
    const { url, requests } = await serve({ '/down': respondWith(503) })
    const { deps, sleeps } = testDeps({ random: () => 0.999 })

    const error = await failure(fetchText(deps, `${url}/down`, {}, { ...policy, retries: 2 }))

    expect(error).toMatchObject({ reason: 'http_status', status: 503 })
    expect(requests).toHaveLength(3)
    expect(sleeps).toEqual([499, 999])
  })

  it('caps the backoff at one minute', async () => {
    const { url } = await serve({ '/down': respondWith(502) })
    const { deps, sleeps } = testDeps({ random: () => 0.999 })

    await failure(fetchText(deps, `${url}/down`, {}, { ...policy, retries: 3, backoffBaseMs: 20_000 }))

    expect(sleeps).toEqual([19_980, 39_960, 59_940])
  })

  it('waits as long as Retry-After says on 429, then succeeds', async () => {
    let calls = 0
    const { url } = await serve({
      '/busy': (_req, res) =>
        ++calls === 1 ? res.writeHead(429, { 'retry-after': '1' }).end() : res.writeHead(200).end('ok'),
    })
    const { deps, sleeps } = testDeps()

    const got = await fetchText(deps, `${url}/busy`, {}, policy)

    expect(got.text).toBe('ok')
    expect(sleeps).toEqual([1_000])
  })

  it('reads an HTTP-date Retry-After on 503 relative to the injected clock', async () => {
    let calls = 0
    const later = new Date(NOW + 90_000).toUTCString()
    const { url } = await serve({
      '/maintenance': (_req, res) =>
        ++calls === 1 ? res.writeHead(503, { 'retry-after': later }).end() : res.writeHead(200).end('ok'),
    })
    const { deps, sleeps } = testDeps()

    await fetchText(deps, `${url}/maintenance`, {}, policy)

    expect(sleeps).toEqual([90_000])
  })

  it('fails with retry_after_too_long rather than sleep for an hour', async () => {
    const { url, requests } = await serve({ '/busy': respondWith(429, { 'retry-after': '3600' }) })
    const { deps, sleeps } = testDeps()

    const error = await failure(fetchText(deps, `${url}/busy`, {}, policy))

    expect(error).toMatchObject({ reason: 'retry_after_too_long', status: 429, retryAfterMs: 3_600_000 })
    expect(requests).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it('does not retry a 404', async () => {
    const { url, requests } = await serve({})
    const { deps, sleeps } = testDeps()

    const error = await failure(fetchText(deps, `${url}/missing`, {}, policy))

    expect(error).toMatchObject({ reason: 'http_status', status: 404, url: `${url}/missing` })
    expect(requests).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it('takes a rate-limiter token before every attempt, retries included', async () => {
    let calls = 0
    const { url } = await serve({
      '/wobbly': (_req, res) => (++calls === 1 ? res.writeHead(500).end() : res.writeHead(200).end('ok')),
    })
    let taken = 0
    const { deps } = testDeps({ limiter: { take: async () => void taken++ } })

    await fetchText(deps, `${url}/wobbly`, {}, policy)

    expect(taken).toBe(2)
  })

  it.each([
    'ftp://example.org/feed.xml',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
    'http://user:pw@example.org/',
  ])('refuses %s as bad_url without fetching', async (bad) => {
    let fetched = 0
    const { deps } = testDeps({
      fetch: async () => {
        fetched++
        return new Response('')
      },
    })

    const error = await failure(fetchText(deps, bad, {}, policy))

    expect(error.reason).toBe('bad_url')
    expect(fetched).toBe(0)
  })
})

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP-dates, and ignores what it cannot read', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000)
    expect(parseRetryAfter(new Date(NOW + 5_000).toUTCString(), NOW)).toBe(5_000)
    expect(parseRetryAfter(new Date(NOW - 5_000).toUTCString(), NOW)).toBe(0)
    for (const unreadable of [null, '', '1.5', '-3', 'soon', '2030-01-01']) {
      expect(parseRetryAfter(unreadable, NOW)).toBeUndefined()
    }
  })
})

describe('redirects', () => {
  it('follows a redirect on the same host, and refuses one to another host', async () => {
    const other = await startFakeHttpServer({
      '/secret-sink': (_req, res) => res.writeHead(200).end('stolen'),
    })
    const server = await startFakeHttpServer({
      '/moved': (_req, res) => res.writeHead(301, { location: '/here' }).end(),
      '/here': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('arrived'),
      '/away': (_req, res) => res.writeHead(307, { location: `${other.url}/secret-sink` }).end(),
    })
    try {
      const deps = { fetch: globalThis.fetch, sleep: async () => undefined, random: () => 0.5, now: () => 0 }
      const policy = fetchPolicy({ userAgent: 'test', retries: 0 })
      expect((await fetchText(deps, `${server.url}/moved`, {}, policy)).text).toBe('arrived')
      await expect(
        fetchText(deps, `${server.url}/away`, { method: 'POST', body: 'client_secret=s3cret' }, policy),
      ).rejects.toThrow(/Redirect to http:\/\/127\.0\.0\.1:\d+ refused/)
      expect(other.requests).toEqual([])
    } finally {
      await server.close()
      await other.close()
    }
  })
})
