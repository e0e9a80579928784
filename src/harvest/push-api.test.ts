// Pushing to a source over HTTP: signed pushes create, update and withdraw courses; replays, stale
// timestamps, wrong signatures and bad bodies are refused without writing anything.
import { Validator } from '@seriousme/openapi-schema-validator'
import { Hono } from 'hono'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { snapshot } from '../../test/db-snapshot.ts'
import { openedxRun } from '../../test/fakes/openedx-lms.ts'
import { NOW } from '../../test/test-app.ts'
import { createTestDb, type TestDb } from '../../test/test-db.ts'
import type { AppEnv } from '../http/env.ts'
import { errorHandler, notFoundHandler } from '../http/error-handler.ts'
import { seedAll } from '../seed/seed.ts'
import type { Deps } from '../shared/deps.ts'
import { createLogger } from '../shared/logger.ts'
import { listRejections } from './harvest-run-repository.ts'
import { signPush } from './push.ts'
import { pushApi } from './push-api.ts'
import type { PushOutcome } from './push-service.ts'
import { acquireLease, createSource, releaseLease } from './source-repository.ts'
import { listingsOfSource } from '../../test/listings.ts'

const SECRET = 'platform-push-secret-0123456789abcdef'

let t: TestDb
let deps: Deps & { advance: (ms: number) => void }
let app: Hono<AppEnv>
let sourceId = ''
let sourceCount = 0

beforeAll(async () => {
  t = await createTestDb()
  let clock = NOW.getTime()
  let ids = 0
  deps = {
    db: t.db,
    now: () => new Date(clock),
    newId: () => `p-${String(++ids).padStart(6, '0')}`,
    advance: (ms) => (clock += ms),
  }
  await seedAll(deps, { demo: false })
  app = new Hono<AppEnv>()
  app.route('/api/v1', pushApi(deps))
  app.onError(errorHandler(createLogger('silent')))
  app.notFound(notFoundHandler)
})
afterAll(() => t.close())
beforeEach(async () => {
  sourceId = `lms-${++sourceCount}`
  await createSource(deps, {
    id: sourceId,
    platformId: 'openedu',
    format: 'openedx-courses',
    baseUrl: 'https://lms.example',
    orgMap: { SPbU: 'spbu' },
    ratePerMinute: 600,
    defaultLanguage: 'ru',
    credentials: { pushSecret: SECRET },
  })
})

/** Records with numbers unique to the current test: listing keys are per platform. */
const record = (n: number, overrides: Record<string, unknown> = {}) =>
  openedxRun(n, { number: `P${sourceCount}N${n}`, ...overrides })
const keyOf = (n: number) => `course-v1:SPbU+P${sourceCount}N${n}+spring_2026`

function signed(
  body: unknown,
  options: { secret?: string; offset?: number; signature?: string; id?: string } = {},
): [string, RequestInit] {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  const timestamp = String(Math.floor(deps.now().getTime() / 1000) + (options.offset ?? 0))
  const signature =
    options.signature ??
    `sha256=${signPush(options.secret ?? SECRET, timestamp, new TextEncoder().encode(text))}`
  return [
    `/api/v1/sources/${options.id ?? sourceId}/push`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-moocx-timestamp': timestamp,
        'x-moocx-signature': signature,
      },
      body: text,
    },
  ]
}

async function push(body: unknown, options: Parameters<typeof signed>[1] = {}) {
  const res = await app.request(...signed(body, options))
  return { status: res.status, json: (await res.json()) as PushOutcome & { error: ErrorShape } }
}

interface ErrorShape {
  code: string
  message: string
  details: { field: string; message: string }[]
}

const listingsOf = (id: string) => listingsOfSource(t.db, id)

/** Proves a refused push wrote nothing: not a course, not a run, not a nonce. */
async function expectRefusedWithoutWriting(
  body: unknown,
  options: Parameters<typeof signed>[1],
  expected: { status: number; code: string; field: string },
) {
  const before = await snapshot(t.db)
  const { status, json } = await push(body, options)
  expect({ status, code: json.error.code, field: json.error.details[0]?.field }).toEqual(expected)
  expect(await snapshot(t.db)).toBe(before)
}

describe('pushing to a source', () => {
  it('creates courses from a signed push of Open edX records, without an API key', async () => {
    const { status, json } = await push({ upserted: [record(1), record(2), record(3)] })
    expect(status).toBe(200)
    expect(json).toMatchObject({
      sourceId,
      status: 'succeeded',
      complete: false,
      seen: 3,
      added: 3,
      updated: 0,
      rejected: 0,
      rejections: [],
    })
    expect(json.generation).toBe(json.id)
    const listings = await listingsOf(sourceId)
    expect(listings.map((l) => [l.platform_key, l.status])).toEqual([
      [`SPbU+P${sourceCount}N1`, 'active'],
      [`SPbU+P${sourceCount}N2`, 'active'],
      [`SPbU+P${sourceCount}N3`, 'active'],
    ])
    const course = await t.db
      .selectFrom('courses')
      .selectAll()
      .where('id', '=', listings[0]?.course_id ?? '')
      .executeTakeFirstOrThrow()
    // The Courses API states no language: the English text wins over the source's declared Russian.
    expect(course).toMatchObject({ origin: 'harvest', language: 'en', effort_hours_per_week: 4 })
    const run = await t.db
      .selectFrom('harvest_runs')
      .selectAll()
      .where('id', '=', json.id)
      .executeTakeFirstOrThrow()
    expect(run).toMatchObject({ status: 'succeeded', complete: 0, added: 3 })
  })

  it('updates one course and withdraws another, leaving the courses it does not mention alone', async () => {
    await push({ upserted: [record(1), record(2), record(3)] })
    deps.advance(1000)
    const { status, json } = await push({
      upserted: [record(1, { name: 'A Renamed Course' })],
      withdrawn: [keyOf(2)],
    })
    expect(status).toBe(200)
    expect(json).toMatchObject({ seen: 2, added: 0, updated: 1, unchanged: 0, withdrawn: 1, complete: false })
    const listings = await listingsOf(sourceId)
    expect(listings.map((l) => l.status)).toEqual(['active', 'withdrawn', 'active'])
    const renamed = await t.db
      .selectFrom('courses')
      .select('title')
      .where('id', '=', listings[0]?.course_id ?? '')
      .executeTakeFirstOrThrow()
    expect(renamed.title).toBe('A Renamed Course')
    deps.advance(1000)
    const again = await push({ upserted: [record(2)] })
    expect(again.json).toMatchObject({ unchanged: 1 })
    expect((await listingsOf(sourceId)).every((l) => l.status === 'active')).toBe(true)
  })

  it('rejects a record that cannot be parsed, with a reason, and saves the others', async () => {
    const { status, json } = await push({
      upserted: [record(1), { id: 'course-v1:SPbU+BROKEN+x' }, record(3, { hidden: true }), 'not a record'],
    })
    expect(status).toBe(200)
    expect(json).toMatchObject({ seen: 4, added: 1, rejected: 3 })
    const stored = await listRejections(t.db, json.id)
    expect(stored).toEqual(json.rejections)
    expect(stored.map((r) => [r.recordKey, r.reason])).toEqual([
      ['course-v1:SPbU+BROKEN+x', expect.stringMatching(/^invalid record: name/)],
      [keyOf(3), 'left out: hidden on the platform'],
      [null, expect.stringMatching(/^invalid record/)],
    ])
    expect((await listingsOf(sourceId)).map((l) => l.platform_key)).toEqual([`SPbU+P${sourceCount}N1`])
  })

  it('accepts up to 1000 records, far beyond the 64 KiB of other API writes', async () => {
    const upserted = Array.from({ length: 1000 }, (_, i) => record(i))
    expect(JSON.stringify({ upserted }).length).toBeGreaterThan(64 * 1024)
    const { status, json } = await push({ upserted })
    expect(status).toBe(200)
    expect(json).toMatchObject({ seen: 1000, added: 1000, rejected: 0 })
  })

  it('refuses a replayed push with 409, and forgets signatures after ten minutes', async () => {
    const request = signed({ upserted: [record(1)] })
    expect((await app.request(...request)).status).toBe(200)
    const before = await snapshot(t.db)
    const replay = await app.request(...request)
    expect(replay.status).toBe(409)
    const error = ((await replay.json()) as { error: ErrorShape }).error
    expect(error).toMatchObject({ code: 'conflict', details: [{ field: 'header.x-moocx-signature' }] })
    expect(await snapshot(t.db)).toBe(before)
    deps.advance(11 * 60_000)
    await push({})
    const nonces = await t.db.selectFrom('push_nonces').select('seen_at').execute()
    expect(nonces.map((n) => n.seen_at)).toEqual([deps.now().toISOString()])
  })

  it('applies exactly one of two copies of a push sent at once', async () => {
    const request = signed({ upserted: [record(1)] })
    const statuses = await Promise.all([app.request(...request), app.request(...request)])
    expect(statuses.map((r) => r.status).sort()).toEqual([200, 409])
    const runs = await t.db
      .selectFrom('harvest_runs')
      .select('id')
      .where('source_id', '=', sourceId)
      .execute()
    expect(runs).toHaveLength(1)
  })

  it('refuses stale and future timestamps with 401', async () => {
    for (const offset of [-301, 301, -3600]) {
      await expectRefusedWithoutWriting(
        { upserted: [record(1)] },
        { offset },
        { status: 401, code: 'unauthorized', field: 'header.x-moocx-timestamp' },
      )
    }
  })

  it('refuses a push signed with another secret, or a body changed after signing', async () => {
    await expectRefusedWithoutWriting(
      { upserted: [record(1)] },
      { secret: `${SECRET}-other` },
      { status: 401, code: 'unauthorized', field: 'header.x-moocx-signature' },
    )
    const [url, init] = signed({ upserted: [record(1)] })
    const before = await snapshot(t.db)
    const tampered = await app.request(url, { ...init, body: JSON.stringify({ withdrawn: [keyOf(1)] }) })
    expect(tampered.status).toBe(401)
    expect(await snapshot(t.db)).toBe(before)
  })

  it('refuses missing and malformed signature headers with 401, naming the header', async () => {
    const before = await snapshot(t.db)
    const [url, init] = signed({})
    const cases: [Record<string, string>, string][] = [
      [{ 'content-type': 'application/json' }, 'header.x-moocx-timestamp'],
      [{ 'content-type': 'application/json', 'x-moocx-timestamp': 'yesterday' }, 'header.x-moocx-timestamp'],
      [
        {
          'content-type': 'application/json',
          'x-moocx-timestamp': String(Math.floor(deps.now().getTime() / 1000)),
        },
        'header.x-moocx-signature',
      ],
      [
        {
          'content-type': 'application/json',
          'x-moocx-timestamp': String(Math.floor(deps.now().getTime() / 1000)),
          'x-moocx-signature': 'md5=abc',
        },
        'header.x-moocx-signature',
      ],
    ]
    for (const [headers, field] of cases) {
      const res = await app.request(url, { ...init, headers })
      const { error } = (await res.json()) as { error: ErrorShape }
      expect({ status: res.status, field: error.details[0]?.field }).toEqual({ status: 401, field })
    }
    expect(await snapshot(t.db)).toBe(before)
  })

  it('refuses a push to a source without a push secret with 403, and to an unknown source with 404', async () => {
    await createSource(deps, {
      id: `polled-${sourceCount}`,
      platformId: 'openedu',
      format: 'openedx-courses',
      baseUrl: 'https://lms.example',
      orgMap: {},
      ratePerMinute: 600,
      credentials: { clientSecret: SECRET },
    })
    await expectRefusedWithoutWriting(
      { upserted: [record(1)] },
      { id: `polled-${sourceCount}` },
      { status: 403, code: 'forbidden', field: 'source' },
    )
    await expectRefusedWithoutWriting(
      { upserted: [record(1)] },
      { id: 'no-such-source' },
      { status: 404, code: 'not_found', field: 'id' },
    )
  })

  it('refuses an invalid or oversized body with nothing written, not even a run', async () => {
    const invalid: [unknown, string, string][] = [
      ['{"upserted": [', 'malformed_json', 'body'],
      [{ upserted: [record(1)], comment: 'hi' }, 'validation_failed', 'body.comment'],
      [{ upserted: [record(1)], withdrawn: [7] }, 'validation_failed', 'body.withdrawn.0'],
      [{ upserted: Array.from({ length: 1001 }, (_, i) => record(i)) }, 'validation_failed', 'body.upserted'],
    ]
    for (const [body, code, field] of invalid) {
      await expectRefusedWithoutWriting(body, {}, { status: 400, code, field })
    }
    const huge = { upserted: [record(1, { overview: 'x'.repeat(5 * 1024 * 1024) })] }
    await expectRefusedWithoutWriting(huge, {}, { status: 413, code: 'payload_too_large', field: 'body' })
  })

  it('refuses a push while a harvest holds the source, and takes the same push afterwards', async () => {
    await acquireLease(t.db, sourceId, 'harvester', deps.now().toISOString(), '2099-01-01T00:00:00.000Z')
    const request = signed({ upserted: [record(1)] })
    const before = await snapshot(t.db)
    const busy = await app.request(...request)
    expect(busy.status).toBe(409)
    expect(((await busy.json()) as { error: ErrorShape }).error).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('is running'),
      details: [{ field: 'source' }],
    })
    expect(await snapshot(t.db)).toBe(before)
    await releaseLease(t.db, sourceId, 'harvester')
    expect((await app.request(...request)).status).toBe(200)
  })

  it('frees the source after a push so a harvest can take it', async () => {
    await push({ upserted: [record(1)] })
    expect(
      await acquireLease(t.db, sourceId, 'harvester', deps.now().toISOString(), '2099-01-01T00:00:00.000Z'),
    ).toBe(true)
    await releaseLease(t.db, sourceId, 'harvester')
  })
})

describe('push documentation', () => {
  it('documents the signed headers and the body, with no API key required', async () => {
    const doc = pushApi(deps).getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 'push', version: '1' },
    })
    const result = await new Validator().validate(structuredClone(doc) as never)
    expect(result.errors ?? []).toEqual([])
    const op = doc.paths?.['/sources/{id}/push']?.post
    expect(op?.security).toEqual([])
    expect(op?.description).toContain('HMAC-SHA256')
    expect(op?.parameters?.map((p) => ('name' in p ? p.name : ''))).toEqual([
      'id',
      'x-moocx-timestamp',
      'x-moocx-signature',
    ])
    expect(op?.requestBody).toBeDefined()
  })
})
