// The console in HTML forms: signing in with an API key, managing one's own sources only,
// validation errors shown beside their fields, and cross-site form posts refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { finishRun, startRun, zeroCounts, addRejections } from '../harvest/harvest-run-repository.ts'

let t: TestApp
let spbuKey: string
const ORIGIN = 'http://localhost'

const form = (fields: Record<string, string>, cookie?: string) => ({
  method: 'POST',
  headers: {
    'content-type': 'application/x-www-form-urlencoded',
    origin: ORIGIN,
    ...(cookie ? { cookie } : {}),
  },
  body: new URLSearchParams(fields).toString(),
})

async function signIn(key: string): Promise<string> {
  const res = await t.app.request(`${ORIGIN}/console/sign-in`, form({ key }))
  expect(res.status).toBe(303)
  const cookie = res.headers.get('set-cookie') ?? ''
  expect(cookie).toMatch(/moocx_console=[^;]+; Max-Age=\d+; Path=\/console; HttpOnly; SameSite=Strict/)
  return cookie.split(';')[0] ?? ''
}

beforeAll(async () => {
  t = await createTestApp()
  spbuKey = await t.memberKey('spbu')
})
afterAll(() => t.close())

describe('console', () => {
  it('asks for an API key, refuses a wrong one, and never sets a session for it', async () => {
    const page = await t.app.request(`${ORIGIN}/console`)
    expect(await page.text()).toContain('type="password"')
    const wrong = await t.app.request(`${ORIGIN}/console/sign-in`, form({ key: 'mx_wrong' }))
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('set-cookie')).toBeNull()
    expect(await wrong.text()).toContain('aria-invalid="true"')
  })

  it('lets a member-admin add a source for its own platform and shows field errors in place', async () => {
    const cookie = await signIn(spbuKey)
    const newPage = await (
      await t.app.request(`${ORIGIN}/console/sources/new`, { headers: { cookie } })
    ).text()
    expect(newPage).toContain('value="spbu-openedx"')
    expect(newPage).not.toContain('>Coursera<')

    const bad = await t.app.request(
      `${ORIGIN}/console/sources`,
      form(
        {
          platformId: 'spbu-openedx',
          format: 'openedx-courses',
          baseUrl: 'not a url',
          orgMap: 'SPbU spbu',
          ratePerMinute: '20',
        },
        cookie,
      ),
    )
    expect(bad.status).toBe(400)
    const html = await bad.text()
    expect(html).toContain('href="#f-baseUrl"')
    expect(html).toContain('href="#f-orgMap"')
    expect(html).toMatch(/id="f-baseUrl"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-baseUrl"/)

    const good = await t.app.request(
      `${ORIGIN}/console/sources`,
      form(
        {
          id: 'spbu-courses',
          platformId: 'spbu-openedx',
          format: 'openedx-courses',
          baseUrl: 'https://courses.spbu.ru',
          orgMap: 'SPbU=spbu',
          defaultLanguage: 'ru',
          ratePerMinute: '20',
        },
        cookie,
      ),
    )
    expect(good.status).toBe(303)
    expect(good.headers.get('location')).toBe('/console/sources/spbu-courses')
    const source = await t.db
      .selectFrom('sources')
      .selectAll()
      .where('id', '=', 'spbu-courses')
      .executeTakeFirstOrThrow()
    expect(source).toMatchObject({
      platform_id: 'spbu-openedx',
      default_language: 'ru',
      org_map: '{"SPbU":"spbu"}',
    })
  })

  it('edits, pauses and queues a harvest from the source page, and shows runs with rejections', async () => {
    const cookie = await signIn(spbuKey)
    const edited = await t.app.request(
      `${ORIGIN}/console/sources/spbu-courses`,
      form(
        {
          baseUrl: 'https://courses.spbu.ru/',
          scheduleMinutes: '1440',
          ratePerMinute: '10',
          orgMap: 'SPbU=spbu',
          defaultLanguage: 'ru',
        },
        cookie,
      ),
    )
    expect(edited.status).toBe(303)
    await t.app.request(`${ORIGIN}/console/sources/spbu-courses/status`, form({ status: 'paused' }, cookie))
    await t.app.request(`${ORIGIN}/console/sources/spbu-courses/run`, form({}, cookie))
    const row = await t.db
      .selectFrom('sources')
      .selectAll()
      .where('id', '=', 'spbu-courses')
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      schedule_minutes: 1440,
      rate_per_minute: 10,
      status: 'paused',
      next_run_at: '2026-11-29T12:00:00.000Z',
    })

    await startRun(t.deps, 'spbu-courses', 'console-run', 'console-run')
    await addRejections(t.deps, 'console-run', [
      { key: 'course-v1:SPbU+A+1', reason: 'left out: hidden on the platform' },
    ])
    await finishRun(t.deps, 'console-run', {
      status: 'failed',
      complete: false,
      counts: { ...zeroCounts(), seen: 1, rejected: 1 },
      error: 'timeout: no answer',
    })
    const sourcePage = await (
      await t.app.request(`${ORIGIN}/console/sources/spbu-courses?lang=ru`, { headers: { cookie } })
    ).text()
    expect(sourcePage).toContain('href="/console/runs/console-run"')
    const runPage = await (
      await t.app.request(`${ORIGIN}/console/runs/console-run`, { headers: { cookie } })
    ).text()
    expect(runPage).toContain('left out: hidden on the platform')
    expect(runPage).toContain('timeout: no answer')
  })

  it('keeps other institutions’ sources out of reach', async () => {
    const cookie = await signIn(await t.memberKey('cornell'))
    const list = await (await t.app.request(`${ORIGIN}/console`, { headers: { cookie } })).text()
    expect(list).not.toContain('spbu-courses')
    expect(
      (await t.app.request(`${ORIGIN}/console/sources/spbu-courses`, { headers: { cookie } })).status,
    ).toBe(403)
    expect((await t.app.request(`${ORIGIN}/console/sources/spbu-courses/run`, form({}, cookie))).status).toBe(
      403,
    )
  })

  it('refuses a form posted from another site', async () => {
    const cookie = await signIn(spbuKey)
    const res = await t.app.request(`${ORIGIN}/console/sources/spbu-courses/status`, {
      ...form({ status: 'active' }, cookie),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
        cookie,
      },
    })
    expect(res.status).toBe(403)
  })

  it('ends the session on sign-out and when the key is revoked', async () => {
    const cookie = await signIn(spbuKey)
    await t.app.request(`${ORIGIN}/console/sign-out`, form({}, cookie))
    expect(await (await t.app.request(`${ORIGIN}/console`, { headers: { cookie } })).text()).toContain(
      'type="password"',
    )
    const again = await signIn(spbuKey)
    await t.db
      .updateTable('api_keys')
      .set({ revoked_at: '2026-11-29T00:00:00Z' })
      .where('name', '=', 'member spbu')
      .execute()
    expect(await (await t.app.request(`${ORIGIN}/console`, { headers: { cookie: again } })).text()).toContain(
      'type="password"',
    )
  })
})
