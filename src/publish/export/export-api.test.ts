// GET /api/v1/export over HTTP: each format's headers and complete body, hostile query parameters in
// the one error model, open to anyone, limited per client, and a body that is streamed, not held.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveApp } from '../../../test/served-app.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { countRecords } from '../record-repository.ts'
import { byteStream } from './export.ts'

const UNLIMITED = {
  trustProxy: 0,
  classes: { oai: null, moochub: null, export: null, search: null, feeds: null },
}

let t: TestApp
let total: number

beforeAll(async () => {
  t = await createTestApp({ demo: true, app: { rateLimits: UNLIMITED } })
  total = await countRecords(t.db, {})
}, 60_000)
afterAll(async () => {
  await t?.close()
})

const get = (query: string, init?: RequestInit) => t.app.request(`/api/v1/export${query}`, init)

describe('GET /api/v1/export', () => {
  it.each([
    ['jsonl', 'application/x-ndjson', 'moocx-courses.jsonl'],
    ['csv', 'text/csv; charset=utf-8', 'moocx-courses.csv'],
    ['moochub', 'application/vnd.api+json; moochub-version=3', 'moocx-courses.json'],
    ['oai_dc', 'text/xml; charset=utf-8', 'moocx-courses.oai_dc.xml'],
    ['lom', 'text/xml; charset=utf-8', 'moocx-courses.lom.xml'],
  ])(
    'serves %s as %s in an attachment named %s, with no ETag computed from it',
    async (format, type, file) => {
      const res = await get(`?format=${format}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe(type)
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${file}"`)
      expect(res.headers.get('etag')).toBeNull()
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
      // text() would drop the byte order mark, as UTF-8 decoders do by default.
      const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer())
      if (format === 'jsonl') expect(body.trimEnd().split('\n')).toHaveLength(total)
      if (format === 'csv') expect(body.startsWith('\uFEFFid,title,')).toBe(true)
      if (format === 'moochub') expect(JSON.parse(body).meta.total).toBe(total)
      if (format === 'oai_dc' || format === 'lom') {
        expect(body.match(/<record>/g)).toHaveLength(total)
        expect(body.endsWith('</OAI-PMH>\n')).toBe(true)
      }
    },
  )

  it('answers HEAD with the headers of GET and no body', async () => {
    const res = await get('?format=csv', { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="moocx-courses.csv"')
    expect(await res.text()).toBe('')
  })

  it('takes set and from', async () => {
    const res = await get('?format=jsonl&set=language:fr&from=2026-01-01T00:00:00Z')
    expect(res.status).toBe(200)
    const lines = (await res.text()).trimEnd().split('\n')
    expect(lines).toHaveLength(await countRecords(t.db, { set: 'language:fr' }))
  })

  it.each([
    ['', 'query.format', /must be one of moochub, oai_dc, lom, csv, jsonl/],
    ['?format=xml', 'query.format', /must be one of moochub, oai_dc, lom, csv, jsonl/],
    ['?format=CSV', 'query.format', /must be one of/],
    ['?format=csv&format=jsonl', 'query.format', /must be one of/],
    ['?format=csv&limit=10', 'query.limit', /unknown field/],
    ['?format=csv&set=institution:', 'query.set', /must be a set such as/],
    ['?format=csv&set=subject:0613', 'query.set', /must be a set such as/],
    ['?format=csv&set=%3Cscript%3E', 'query.set', /must be a set such as/],
    ['?format=csv&from=2026-02-30', 'query.from', /UTC date/],
    ['?format=csv&from=2026-13-01', 'query.from', /UTC date/],
    ['?format=csv&from=2026-11-01T24:00:00Z', 'query.from', /UTC date/],
    ['?format=csv&from=2026-11-01T10:00:00', 'query.from', /UTC date/],
    ['?format=csv&from=yesterday', 'query.from', /UTC date/],
    [`?format=csv&from=${'9'.repeat(5000)}`, 'query.from', /UTC date/],
  ])('refuses case %# naming %s', async (query, field, message) => {
    const res = await get(query)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const { error } = (await res.json()) as {
      error: { code: string; details: { field: string; message: string }[] }
    }
    expect(error.code).toBe('validation_failed')
    const detail = error.details.find((d) => d.field === field)
    expect(detail?.message).toMatch(message)
  })

  it('needs no key, but refuses a wrong one as every API route does', async () => {
    expect((await get('?format=jsonl')).status).toBe(200)
    const res = await get('?format=jsonl', { headers: { authorization: 'Bearer mx_not-a-key' } })
    expect(res.status).toBe(401)
  })

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        { get: { responses: Record<string, { content: object }>; parameters: { name: string }[] } }
      >
    }
    const operation = doc.paths['/export']!.get
    expect(Object.keys(operation.responses['200']!.content)).toContain('application/x-ndjson')
    expect(operation.parameters.map((p) => p.name).sort()).toEqual(['format', 'from', 'set'])
  })

  it('lets the process answer others while it streams: a timer fires before the export ends', async () => {
    const res = await get('?format=jsonl')
    let chunks = 0
    let chunksWhenTimerFired: number | undefined
    setTimeout(() => (chunksWhenTimerFired = chunks), 0)
    for await (const chunk of res.body ?? []) if (chunk.byteLength > 0) chunks++
    expect(chunks).toBeGreaterThan(3)
    expect(chunksWhenTimerFired).toBeLessThan(chunks)
  })

  it('arrives over a socket chunked, with no Content-Length: nothing in between held the body', async () => {
    const served = await serveApp(t.app)
    try {
      const res = await fetch(`${served.url}/api/v1/export?format=lom`)
      expect(res.headers.get('content-length')).toBeNull()
      expect(res.headers.get('transfer-encoding')).toBe('chunked')
      expect((await res.text()).match(/<record>/g)).toHaveLength(total)
    } finally {
      await served.close()
    }
  })
})

describe('limits', () => {
  it('answers 429 with Retry-After past the per-client export allowance', async () => {
    const limited = await createTestApp({
      app: {
        rateLimits: { ...UNLIMITED, classes: { ...UNLIMITED.classes, export: { perMinute: 2, burst: 2 } } },
      },
    })
    try {
      const statuses = []
      for (let i = 0; i < 3; i++) {
        const res = await limited.app.request('/api/v1/export?format=csv')
        await res.body?.cancel()
        statuses.push(res.status)
      }
      expect(statuses).toEqual([200, 200, 429])
    } finally {
      await limited.close()
    }
  })
})

describe('byteStream', () => {
  it('makes a chunk only when the reader asks, and stops the source when the reader cancels', async () => {
    let made = 0
    let stopped = false
    async function* chunks() {
      try {
        for (let i = 0; i < 1000; i++) {
          made++
          yield `chunk ${i}\n`
        }
      } finally {
        stopped = true
      }
    }
    const reader = byteStream(chunks(), () => undefined).getReader()
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value)).toBe('chunk 0\n')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(made).toBeLessThanOrEqual(2)
    await reader.cancel()
    expect(stopped).toBe(true)
  })

  it('ends the stream with the error of a failing source, and reports it', async () => {
    const reported: unknown[] = []
    async function* failing() {
      yield 'start\n'
      throw new Error('database went away')
    }
    const reader = byteStream(failing(), (e) => reported.push(e)).getReader()
    await reader.read()
    await expect(reader.read()).rejects.toThrow('database went away')
    expect(reported).toHaveLength(1)
  })
})
