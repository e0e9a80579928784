// The MOOChub v3 endpoint over HTTP on the demo catalog: every page and record valid against the
// published JSON Schema, paging that walks each live course once, cursors and sizes refused when
// wrong, version negotiation, single courses, and errors in the JSON:API shape.
import fs from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import formats from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCourse, makeListing } from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { createApp } from '../../app.ts'
import { DEFAULT_RATE_LIMITS } from '../../config.ts'
import { createLogger } from '../../shared/logger.ts'
import { moochub } from '../../harvest/formats/moochub.ts'
import type { Source } from '../../harvest/source.ts'
import { countRecords } from '../record-repository.ts'
import { countLiveRecords } from './moochub-repository.ts'
import { MOOCHUB_MEDIA_TYPE } from './moochub-types.ts'

const SCHEMA = JSON.parse(
  fs.readFileSync(new URL('../../../test/fixtures/moochub/moochub-schema.json', import.meta.url), 'utf8'),
)
const ajv = new Ajv2020({ strict: false, allErrors: true })
formats.default(ajv)
// The schema's URLs are IRIs; ajv-formats knows only URIs. An IRI here is an absolute URL.
ajv.addFormat('iri', (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value))
const validatePage = ajv.compile(SCHEMA)

let t: TestApp
let app: TestApp['app']
beforeAll(async () => {
  t = await createTestApp({ demo: true })
  // The test clock stands still, so the MOOChub rate limit would never refill: it is off here.
  const rateLimits = { ...DEFAULT_RATE_LIMITS, classes: { ...DEFAULT_RATE_LIMITS.classes, moochub: null } }
  app = createApp({ ...t.deps, logger: createLogger('silent'), publicUrl: 'http://moocx.test', rateLimits })
}, 60_000)
afterAll(async () => {
  await t.close()
})

interface Page {
  links: { self: string; first: string; last: string; next?: string }
  data: { id: string; type: string; attributes: Record<string, unknown>; links: { self: string } }[]
  meta: { total: number }
}

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers })
const local = (url: string) => url.replace('http://moocx.test', '')

async function page(path: string): Promise<Page> {
  const res = await get(path)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as Page
}

/** Every page from the first, following links.next. */
async function walk(size?: number): Promise<Page[]> {
  const pages: Page[] = []
  let next: string | undefined = size ? `/api/moochub/courses?page%5Bsize%5D=${size}` : '/api/moochub/courses'
  while (next) {
    const p: Page = await page(next)
    pages.push(p)
    next = p.links.next && local(p.links.next)
    if (pages.length > 1_000) throw new Error('the walk does not end')
  }
  return pages
}

function expectValid(document: unknown, what: string): void {
  if (!validatePage(document))
    throw new Error(`${what} is not valid MOOChub v3:\n${JSON.stringify(validatePage.errors, null, 2)}`)
}

describe('the MOOChub course list', () => {
  it('validates every page and every record of the demo catalog against the MOOChub v3 schema', async () => {
    const pages = await walk()
    expect(pages.length).toBeGreaterThan(1)
    for (const [i, p] of pages.entries()) {
      for (const record of p.data)
        expectValid({ links: p.links, data: [record] }, `record ${record.id} (${record.links.self})`)
      expectValid(p, `page ${i + 1}`)
    }
  })

  it('walks every live course exactly once, in pages of the size asked for', async () => {
    const live = await countLiveRecords(t.db)
    expect(live).toBe(await countRecords(t.db, {}))
    for (const size of [37, 500]) {
      const pages = await walk(size)
      const ids = pages.flatMap((p) => p.data.map((r) => r.id))
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids).toHaveLength(live)
      expect(pages.every((p) => p.meta.total === live)).toBe(true)
      expect(pages.slice(0, -1).every((p) => p.data.length === size)).toBe(true)
      expect(pages.at(-1)?.links.next).toBeUndefined()
      // `last` is the page the walk ends on.
      const last = await page(local(pages[0]?.links.last ?? ''))
      expect(last.data.map((r) => r.id)).toEqual(pages.at(-1)?.data.map((r) => r.id))
      expect(last.links.next).toBeUndefined()
    }
  })

  it('leaves out a course whose listings are all withdrawn, and a course that is gone', async () => {
    const withdrawn = await makeCourse(t.deps)
    const listing = await makeListing(t.deps, withdrawn.id, {
      url: 'https://www.edx.org/course/withdrawn-one',
    })
    const gone = await makeCourse(t.deps)
    await makeListing(t.deps, gone.id, { url: 'https://www.edx.org/course/gone-one' })
    const urls = async () => (await walk(500)).flatMap((p) => p.data.map((r) => r.attributes.url))
    const before = await urls()
    expect(before).toEqual(
      expect.arrayContaining([
        'https://www.edx.org/course/withdrawn-one',
        'https://www.edx.org/course/gone-one',
      ]),
    )

    await t.db.updateTable('listings').set({ status: 'withdrawn' }).where('id', '=', listing.id).execute()
    await t.db.deleteFrom('courses').where('id', '=', gone.id).execute()
    const after = await urls()
    expect(after).toHaveLength(before.length - 2)
    expect(after).not.toContain('https://www.edx.org/course/withdrawn-one')
    expect(after).not.toContain('https://www.edx.org/course/gone-one')
    for (const id of [withdrawn.id, gone.id])
      expect((await get(`/api/moochub/courses/${id}`)).status).toBe(404)
    expect((await page('/api/moochub/courses')).meta.total).toBe(after.length)
  })

  it('answers v3 with its media type, caching headers and links that keep the page size', async () => {
    const res = await get('/api/moochub/courses?page%5Bsize%5D=5')
    expect(res.headers.get('content-type')).toBe(MOOCHUB_MEDIA_TYPE)
    expect(res.headers.get('cache-control')).toBe('public, max-age=300')
    expect(Date.parse(res.headers.get('last-modified') ?? '')).not.toBeNaN()
    const body = (await res.json()) as Page
    expect(body.data).toHaveLength(5)
    expect(body.links.self).toBe('http://moocx.test/api/moochub/courses?page%5Bsize%5D=5')
    expect(body.links.first).toBe(body.links.self)
    expect(body.links.next).toMatch(
      /^http:\/\/moocx\.test\/api\/moochub\/courses\?page%5Bsize%5D=5&page%5Bafter%5D=[\w-]+$/,
    )
    // The unencoded form clients write by hand means the same.
    expect((await page('/api/moochub/courses?page[size]=5')).data.map((r) => r.id)).toEqual(
      body.data.map((r) => r.id),
    )
  })
})

describe('another moocx node harvesting this one', () => {
  it('reads each page with the MOOChub connector and follows links.next to the end', async () => {
    const source = { id: 'peer', baseUrl: 'http://moocx.test/api/moochub', format: 'moochub' } as Source
    let request = moochub.firstPage(source)
    const seen: unknown[] = []
    for (let pages = 0; pages < 100; pages++) {
      const res = await get(local(request.url), moochub.headers)
      expect(res.status).toBe(200)
      const content = moochub.readPage({ url: request.url, text: await res.text() }, source)
      seen.push(...content.records)
      if (!content.next) break
      request = content.next
    }
    expect(seen).toHaveLength(await countLiveRecords(t.db))
  })

  it('answers HEAD like GET, without a body', async () => {
    const res = await app.request('/api/moochub/courses', { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(MOOCHUB_MEDIA_TYPE)
    expect(await res.text()).toBe('')
  })
})

describe('the schema check itself', () => {
  it('refuses a record that breaks the MOOChub v3 schema', async () => {
    const p = await page('/api/moochub/courses?page%5Bsize%5D=1')
    const [record] = p.data
    const broken = (attributes: Record<string, unknown>, id = record?.id) => ({
      links: p.links,
      data: [{ ...record, id, attributes: { ...record?.attributes, ...attributes } }],
    })
    expect(() => expectValid(broken({}), 'unchanged')).not.toThrow()
    expect(() => expectValid(broken({}, 'not-a-uuid'), 'bad id')).toThrow(/format/)
    expect(() => expectValid(broken({ courseMode: ['self-paced'] }), 'bad mode')).toThrow(/courseMode/)
    expect(() => expectValid(broken({ workload: { timeValue: 2.5, timeUnit: 'h/week' } }), 'x')).toThrow(
      /integer/,
    )
    expect(() => expectValid(broken({ startDate: ['2026-01-01'] }), 'x')).toThrow(/date-time/)
    expect(() => expectValid(broken({ license: [] }), 'x')).toThrow(/license/)
  })
})

describe('one MOOChub course', () => {
  it('answers a live course by its moocx id as one valid resource, the same as in the list', async () => {
    const first = (await page('/api/moochub/courses?page%5Bsize%5D=1')).data[0]
    if (!first) throw new Error('the demo catalog has courses')
    const res = await get(local(first.links.self))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(MOOCHUB_MEDIA_TYPE)
    expect(res.headers.get('cache-control')).toBe('public, max-age=300')
    const body = (await res.json()) as { data: unknown; links: { self: string } }
    expect(body.data).toEqual(first)
    expectValid(
      { links: { self: body.links.self, first: body.links.self, last: body.links.self }, data: [body.data] },
      first.id,
    )
  })
})
