// The harvest API: who may see and manage which sources, requesting a run, and reading runs with
// their rejected records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, jsonRequest, type TestApp } from '../../test/test-app.ts'
import { addRejections, finishRun, startRun, zeroCounts } from './harvest-run-repository.ts'
import type { HarvestRun, Source } from './source.ts'

let t: TestApp
let spbuKey: string
let cornellKey: string

beforeAll(async () => {
  t = await createTestApp()
  spbuKey = await t.memberKey('spbu')
  cornellKey = await t.memberKey('cornell')
})
afterAll(() => t.close())

const body = {
  platformId: 'spbu-openedx',
  format: 'openedx-courses',
  baseUrl: 'https://courses.spbu.ru',
  orgMap: { SPbU: 'spbu' },
}

describe('sources API', () => {
  it('lets a member-admin register a source for a platform its institution operates, not for others', async () => {
    const own = await t.app.request(
      '/api/v1/sources',
      jsonRequest('POST', { ...body, id: 'spbu-lms' }, spbuKey),
    )
    expect(own.status).toBe(201)
    expect(((await own.json()) as Source).hasCredentials).toBe(false)
    const foreign = await t.app.request(
      '/api/v1/sources',
      jsonRequest('POST', { ...body, id: 'stolen' }, cornellKey),
    )
    expect(foreign.status).toBe(403)
    const unowned = await t.app.request(
      '/api/v1/sources',
      jsonRequest('POST', { ...body, id: 'on-coursera', platformId: 'coursera' }, spbuKey),
    )
    expect(unowned.status).toBe(403)
  })

  it('never shows credentials, only that there are some', async () => {
    const res = await t.app.request(
      '/api/v1/sources',
      jsonRequest(
        'POST',
        { ...body, id: 'with-secret', credentials: { clientSecret: 's3cret' } },
        t.adminKey,
      ),
    )
    const text = await res.text()
    expect(text).not.toContain('s3cret')
    expect((JSON.parse(text) as Source).hasCredentials).toBe(true)
  })

  it('lists only the sources a key may manage, and none without a key', async () => {
    const list = async (key: string) =>
      (
        (await (
          await t.app.request('/api/v1/sources', { headers: { authorization: `Bearer ${key}` } })
        ).json()) as { data: Source[] }
      ).data
    expect((await list(spbuKey)).map((s) => s.id)).toEqual(['spbu-lms', 'with-secret'])
    expect(await list(cornellKey)).toEqual([])
    expect((await list(t.adminKey)).length).toBe(2)
    expect((await t.app.request('/api/v1/sources')).status).toBe(401)
  })

  it('refuses an unknown format, a bad URL and an org map to unknown institutions, naming the field', async () => {
    const cases: [object, string][] = [
      [{ ...body, format: 'rss' }, 'body.format'],
      [{ ...body, baseUrl: 'ftp://courses.spbu.ru' }, 'body.baseUrl'],
      [{ ...body, orgMap: { SPbU: 'hogwarts' } }, 'body.orgMap.SPbU'],
      [{ ...body, ratePerMinute: 1_000_000 }, 'body.ratePerMinute'],
    ]
    for (const [input, field] of cases) {
      const res = await t.app.request('/api/v1/sources', jsonRequest('POST', input, t.adminKey))
      expect(res.status).toBe(400)
      const error = (await res.json()) as { error: { details: { field: string }[] } }
      expect(error.error.details.map((d) => d.field)).toContain(field)
    }
  })

  it('pauses, resumes and queues a run', async () => {
    const paused = await t.app.request(
      '/api/v1/sources/spbu-lms',
      jsonRequest('PATCH', { status: 'paused' }, spbuKey),
    )
    expect(((await paused.json()) as Source).status).toBe('paused')
    const resumed = await t.app.request(
      '/api/v1/sources/spbu-lms',
      jsonRequest('PATCH', { status: 'active' }, spbuKey),
    )
    expect(((await resumed.json()) as Source).failures).toBe(0)
    const queued = await t.app.request('/api/v1/sources/spbu-lms/runs', {
      method: 'POST',
      headers: { authorization: `Bearer ${spbuKey}` },
    })
    expect(queued.status).toBe(202)
    expect(((await queued.json()) as Source).nextRunAt).toBe('2026-11-29T12:00:00.000Z')
  })

  it('shows a run with its counts and every rejected record with its reason', async () => {
    await startRun(t.deps, 'spbu-lms', 'run-a', 'run-a')
    await addRejections(t.deps, 'run-a', [
      { key: 'course-v1:SPbU+X+1', reason: 'left out: hidden on the platform' },
    ])
    await finishRun(t.deps, 'run-a', {
      status: 'succeeded',
      complete: true,
      counts: { ...zeroCounts(), seen: 3, added: 2, rejected: 1 },
    })
    const res = await t.app.request('/api/v1/harvest-runs/run-a', {
      headers: { authorization: `Bearer ${spbuKey}` },
    })
    const run = (await res.json()) as HarvestRun & { rejections: { recordKey: string; reason: string }[] }
    expect(run).toMatchObject({ status: 'succeeded', seen: 3, added: 2, rejected: 1 })
    expect(run.rejections).toEqual([
      expect.objectContaining({
        recordKey: 'course-v1:SPbU+X+1',
        reason: 'left out: hidden on the platform',
      }),
    ])
    const foreign = await t.app.request('/api/v1/harvest-runs/run-a', {
      headers: { authorization: `Bearer ${cornellKey}` },
    })
    expect(foreign.status).toBe(403)
  })
})
