// The course API: filters, facets-by-filter, pagination with totals, stable sort, ETags, and
// writes limited by role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCourse, makeListing, makeRun } from '../../test/factories.ts'
import { createTestApp, jsonRequest, type TestApp } from '../../test/test-app.ts'
import type { Course } from './course.ts'

let t: TestApp
type List = { data: Course[]; meta: { total: number; page: number; perPage: number; pages: number } }
const list = async (query: string) => (await (await t.app.request(`/api/v1/courses?${query}`)).json()) as List

beforeAll(async () => {
  t = await createTestApp()
  // Five courses whose runs stand at each availability on 2026-11-29.
  const plan = [
    [
      'c-current',
      'en',
      'tsinghua',
      '0613',
      { pacing: 'instructor', startsOn: '2026-11-01', endsOn: '2027-01-31' },
    ],
    ['c-soon', 'zh', 'tsinghua', '0714', { pacing: 'instructor', startsOn: '2026-12-10' }],
    ['c-upcoming', 'ru', 'spbu', '0223', { pacing: 'instructor', startsOn: '2027-03-01' }],
    ['c-self', 'th', 'thai-mooc', '0811', { pacing: 'self', startsOn: '2026-01-01' }],
    [
      'c-archived',
      'fr',
      'utoronto',
      '0912',
      { pacing: 'instructor', startsOn: '2025-01-01', endsOn: '2025-03-01' },
    ],
  ] as const
  for (const [id, language, institution, subject, run] of plan) {
    await makeCourse(t.deps, {
      id,
      language,
      title: `Title ${id}`,
      institutions: [institution],
      subjects: [subject],
    })
    const listing = await makeListing(t.deps, id, {
      platformId: institution === 'thai-mooc' ? 'thai-mooc' : 'edx',
    })
    await makeRun(t.deps, listing.id, run)
  }
  await makeCourse(t.deps, {
    id: 'c-unlisted',
    language: 'zh-Hans',
    title: 'Unlisted',
    institutions: ['tsinghua', 'ntu'],
    subjects: [],
  })
})
afterAll(() => t.close())

describe('GET /api/v1/courses', () => {
  it('lists every course with totals and a stable title order', async () => {
    const all = await list('per_page=100')
    expect(all.meta).toEqual({ total: 6, page: 1, perPage: 100, pages: 1 })
    const titles = all.data.map((c) => c.title)
    expect(titles).toEqual([...titles].sort())
  })

  it('pages without overlap or gaps', async () => {
    const pages = [await list('per_page=4&page=1'), await list('per_page=4&page=2')]
    expect(pages.map((p) => p.meta.pages)).toEqual([2, 2])
    const ids = pages.flatMap((p) => p.data.map((c) => c.id))
    expect(new Set(ids).size).toBe(6)
    expect((await list('per_page=4&page=9')).data).toEqual([])
  })

  it.each([
    ['current', ['c-current']],
    ['starting-soon', ['c-soon']],
    ['upcoming', ['c-upcoming']],
    ['self-paced', ['c-self']],
    ['archived', ['c-archived']],
    ['current,self-paced', ['c-current', 'c-self']],
  ])(
    'filters by availability %s, agreeing with each course’s own availability',
    async (availability, expected) => {
      const result = await list(`availability=${availability}`)
      expect(result.data.map((c) => c.id).sort()).toEqual(expected)
      for (const course of result.data)
        expect(course.availability.some((a) => availability.split(',').includes(a))).toBe(true)
    },
  )

  it('filters by language, including subtags', async () => {
    expect((await list('language=zh')).data.map((c) => c.id).sort()).toEqual(['c-soon', 'c-unlisted'])
    expect((await list('language=zh-Hans')).data.map((c) => c.id)).toEqual(['c-unlisted'])
  })

  it('filters by institution, platform and subject at any ISCED-F level', async () => {
    expect((await list('institution=ntu')).data.map((c) => c.id)).toEqual(['c-unlisted'])
    expect((await list('platform=thai-mooc')).data.map((c) => c.id)).toEqual(['c-self'])
    expect((await list('subject=06')).data.map((c) => c.id)).toEqual(['c-current'])
    expect((await list('subject=0223')).data.map((c) => c.id)).toEqual(['c-upcoming'])
    expect((await list('institution=tsinghua&subject=07')).data.map((c) => c.id)).toEqual(['c-soon'])
  })

  it('sorts descending with ties broken by id', async () => {
    const titles = (await list('sort=-title')).data.map((c) => c.title)
    expect(titles).toEqual([...titles].sort().reverse())
  })

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await t.app.request('/api/v1/courses?language=ru')
    const tag = first.headers.get('etag')
    expect(tag).toBeTruthy()
    const second = await t.app.request('/api/v1/courses?language=ru', {
      headers: { 'if-none-match': tag ?? '' },
    })
    expect(second.status).toBe(304)
  })
})

describe('GET /api/v1/courses/:id', () => {
  it('returns the course with its listings and runs', async () => {
    const course = (await (await t.app.request('/api/v1/courses/c-current')).json()) as Course
    expect(course.listings).toHaveLength(1)
    expect(course.listings[0]?.runs[0]).toMatchObject({ startsOn: '2026-11-01', availability: 'current' })
    expect(course.institutions).toEqual(['tsinghua'])
  })
})

describe('writes', () => {
  it('lets a member-admin create and edit its own institution’s courses', async () => {
    const key = await t.memberKey('cornell')
    const created = await t.app.request(
      '/api/v1/courses',
      jsonRequest(
        'POST',
        { id: 'cornell-wine', language: 'en', title: 'Wine', institutions: ['cornell'], subjects: ['1015'] },
        key,
      ),
    )
    expect(created.status).toBe(201)
    const patched = await t.app.request(
      '/api/v1/courses/cornell-wine',
      jsonRequest('PATCH', { title: 'Wine and Vines' }, key),
    )
    expect(((await patched.json()) as Course).title).toBe('Wine and Vines')
    const foreign = await t.app.request(
      '/api/v1/courses/c-current',
      jsonRequest('PATCH', { title: 'Mine now' }, key),
    )
    expect(foreign.status).toBe(403)
  })

  it('refuses a revoked key', async () => {
    const key = await t.memberKey('ntu')
    const id = (
      await t.db
        .selectFrom('api_keys')
        .select('id')
        .where('name', '=', 'member ntu')
        .executeTakeFirstOrThrow()
    ).id
    await t.db
      .updateTable('api_keys')
      .set({ revoked_at: '2026-11-29T00:00:00Z' })
      .where('id', '=', id)
      .execute()
    const res = await t.app.request('/api/v1/courses/c-unlisted', jsonRequest('PATCH', { title: 'x' }, key))
    expect(res.status).toBe(401)
  })

  it('withdraws a listing so the course no longer counts as available there', async () => {
    const course = (await (await t.app.request('/api/v1/courses/c-upcoming')).json()) as Course
    const listingId = course.listings[0]?.id ?? ''
    const res = await t.app.request(
      `/api/v1/listings/${listingId}`,
      jsonRequest('PATCH', { status: 'withdrawn' }, t.adminKey),
    )
    expect(res.status).toBe(200)
    expect((await list('availability=upcoming')).data).toEqual([])
    expect((await list('platform=edx')).data.map((c) => c.id)).not.toContain('c-upcoming')
  })

  it('records what a listing costs, and refuses prices that are not money', async () => {
    const course = (await (await t.app.request('/api/v1/courses/c-upcoming')).json()) as Course
    const listingId = course.listings[0]?.id ?? ''
    const patch = (body: unknown) =>
      t.app.request(`/api/v1/listings/${listingId}`, jsonRequest('PATCH', body, t.adminKey))
    const offer = { access: 'free', certificate: 'paid', price: { amount: 49.5, currency: 'EUR' } }
    const res = await patch(offer)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject(offer)
    const again = (await (await t.app.request('/api/v1/courses/c-upcoming')).json()) as Course
    expect(again.listings[0]).toMatchObject(offer)

    for (const [body, field] of [
      [{ price: { amount: 10, currency: 'eur' } }, 'body.price.currency'],
      [{ price: { amount: -1, currency: 'EUR' } }, 'body.price.amount'],
      [{ price: { amount: 10 } }, 'body.price.currency'],
      [{ access: 'cheap' }, 'body.access'],
      [{ certificate: true }, 'body.certificate'],
    ] as const) {
      const bad = await patch(body)
      expect(bad.status).toBe(400)
      expect(JSON.stringify(await bad.json())).toContain(field)
    }
    expect((await (await t.app.request(`/api/v1/listings/${listingId}`)).json()) as unknown).toMatchObject(
      offer,
    )

    const cleared = await patch({ price: null, certificate: null })
    expect(await cleared.json()).toMatchObject({ access: 'free', certificate: null, price: null })
  })
})
