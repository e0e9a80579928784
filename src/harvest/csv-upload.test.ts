// Uploading a CSV catalog: harvested like a fetched file (runs, counts, rejections, withdrawals,
// the lease) without any request going out, and the PUT route with its keys, media type and limits.
import { readFileSync } from 'node:fs'
import { Hono } from 'hono'
import { except } from 'hono/combine'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { harvestDeps, type TestHarvestDeps } from '../../test/harvest-deps.ts'
import { NOW, testDeps } from '../../test/test-app.ts'
import { createTestDb, type TestDb } from '../../test/test-db.ts'
import { createApiKey } from '../auth/api-key-repository.ts'
import { authenticate, writeBodyRules } from '../http/api-guards.ts'
import type { AppEnv } from '../http/env.ts'
import { errorHandler } from '../http/error-handler.ts'
import { createPlatform } from '../institutions/platform-repository.ts'
import { seedAll } from '../seed/seed.ts'
import { createLogger } from '../shared/logger.ts'
import { ConflictError, ValidationError } from '../shared/errors.ts'
import { CSV_UPLOAD_PATH, csvUploadApi } from './csv-upload-api.ts'
import { harvestUploadedCsv } from './csv-upload.ts'
import { MAX_CSV_BYTES } from './formats/csv.ts'
import { listRejections } from './harvest-run-repository.ts'
import type { HarvestRun } from './source.ts'
import { acquireLease, createSource, releaseLease } from './source-repository.ts'

const FIXTURE = readFileSync(new URL('../../test/fixtures/catalog.csv', import.meta.url), 'utf8')
const IDS = ['tsinghua-dsa', 'spbu-history', 'thai-data', 'ai-arabic', 'climate']
/** Nothing listens on port 9 of 127.0.0.1: a harvest that really fetched would fail. */
/** Columns of the fixture's header row. */
const COLUMNS = (FIXTURE.split('\n')[0] ?? '').split(',').length
const UNREACHABLE = 'http://127.0.0.1:9/catalog.csv'

let t: TestDb
let deps: TestHarvestDeps
let n = 0
let sourceId = ''
let adminKey = ''
let operatorKey = ''
let outsiderKey = ''

const idOf = (id: string) => `${id}-${n}`
const fixture = () =>
  IDS.reduce((text, id) => text.replace(new RegExp(`^${id},`, 'gm'), `${idOf(id)},`), FIXTURE)

beforeAll(async () => {
  t = await createTestDb()
  const base = testDeps(t.db)
  await seedAll(base, { demo: false })
  const platform = { name: 'Sheet MOOC', software: 'other', baseUrl: 'https://sheet-mooc.example' } as const
  await createPlatform(
    t.db,
    { id: 'sheet-mooc', ...platform, institutionId: 'unesco-iite' },
    NOW.toISOString(),
  )
  const key = async (role: 'alliance-admin' | 'member-admin', institutionId: string | null) =>
    (await createApiKey(base, { name: `${role} ${institutionId}`, role, institutionId })).key
  adminKey = await key('alliance-admin', null)
  operatorKey = await key('member-admin', 'unesco-iite')
  outsiderKey = await key('member-admin', 'tsinghua')
})
afterAll(() => t.close())
beforeEach(async () => {
  deps = harvestDeps(t.db)
  n++
  const source = await createSource(deps, {
    id: `upload-${n}`,
    platformId: 'sheet-mooc',
    format: 'csv',
    baseUrl: UNREACHABLE,
    orgMap: { SPbGU: 'spbu' },
    ratePerMinute: 600,
  })
  sourceId = source.id
})

const statusOf = (id: string) =>
  t.db
    .selectFrom('listings')
    .select('status')
    .where('platform_id', '=', 'sheet-mooc')
    .where('platform_key', '=', idOf(id))
    .executeTakeFirstOrThrow()

describe('harvesting an uploaded CSV file', () => {
  it('harvests the file as a full pass without fetching the source URL', async () => {
    const run = await harvestUploadedCsv(deps, sourceId, fixture())
    expect(run).toMatchObject({
      status: 'succeeded',
      complete: true,
      seen: 5,
      added: 5,
      rejected: 0,
      error: null,
    })
    expect(await statusOf('climate')).toEqual({ status: 'active' })
  })

  it('saves a file larger than one SQL statement can hold (7,000 courses)', async () => {
    const rows = Array.from(
      { length: 7000 },
      (_, i) => `big-${n}-${i},Course ${i},https://sheet.example/c/${i}`,
    )
    const run = await harvestUploadedCsv(deps, sourceId, ['id,title,url', ...rows].join('\n'))
    expect(run).toMatchObject({ status: 'succeeded', seen: 7000, added: 7000, rejected: 0 })
  })

  it('changes nothing on an unchanged re-upload, and withdraws a course left out of the next one', async () => {
    await harvestUploadedCsv(deps, sourceId, fixture())
    deps.advance(60_000)
    const again = await harvestUploadedCsv(deps, sourceId, fixture())
    expect(again).toMatchObject({ seen: 5, added: 0, updated: 0, unchanged: 5, withdrawn: 0 })
    const withoutThai = fixture()
      .split('\n')
      .filter((line) => !line.startsWith(idOf('thai-data')))
      .join('\n')
    expect(await harvestUploadedCsv(deps, sourceId, withoutThai)).toMatchObject({
      unchanged: 4,
      withdrawn: 1,
    })
    expect(await statusOf('thai-data')).toEqual({ status: 'withdrawn' })
  })

  it('records rejected rows with their line numbers, keeping the good ones', async () => {
    const text = `${fixture().trimEnd()}\n${idOf('bad')},,https://sheet-mooc.example/bad${','.repeat(COLUMNS - 3)}\n`
    const run = await harvestUploadedCsv(deps, sourceId, text)
    expect(run).toMatchObject({ added: 5, rejected: 1 })
    expect((await listRejections(t.db, run.id)).map((r) => [r.recordKey, r.reason])).toEqual([
      [idOf('bad'), 'line 12: title is empty'],
    ])
  })

  it('refuses a source of another format', async () => {
    await createSource(deps, {
      id: `lms-${n}`,
      platformId: 'sheet-mooc',
      format: 'openedx-courses',
      baseUrl: UNREACHABLE,
      orgMap: {},
      ratePerMinute: 600,
    })
    await expect(harvestUploadedCsv(deps, `lms-${n}`, fixture())).rejects.toThrow(ValidationError)
  })

  it('refuses while another harvest of the source holds its lease', async () => {
    await acquireLease(
      t.db,
      sourceId,
      'worker-1',
      NOW.toISOString(),
      new Date(NOW.getTime() + 60_000).toISOString(),
    )
    await expect(harvestUploadedCsv(deps, sourceId, fixture())).rejects.toThrow(ConflictError)
    await releaseLease(t.db, sourceId, 'worker-1')
  })
})

/** The upload route as the lead mounts it: key check, JSON body rules for every path but this one. */
function uploadApp() {
  const app = new Hono<AppEnv>()
  const isUpload = (c: { req: { method: string; path: string } }) =>
    c.req.method === 'PUT' && CSV_UPLOAD_PATH.test(c.req.path)
  app.use('/api/v1/*', authenticate(t.db), except(isUpload, ...writeBodyRules))
  app.route('/api/v1', csvUploadApi(deps))
  app.put('/api/v1/sources/:id/other', (c) => c.json({ ok: true }))
  app.onError(errorHandler(createLogger('silent')))
  return app
}

const put = (
  body: string | Uint8Array,
  key?: string,
  type = 'text/csv; charset=utf-8',
  path = `/api/v1/sources/${sourceId}/csv`,
) =>
  uploadApp().request(path, {
    method: 'PUT',
    headers: { 'content-type': type, ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body,
  })

const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; details: { field: string }[] } }).error

describe('PUT /sources/{id}/csv', () => {
  it('harvests the body for an alliance-admin and for the platform operator, answering with the run', async () => {
    const res = await put(fixture(), adminKey)
    expect(res.status).toBe(200)
    expect((await res.json()) as HarvestRun).toMatchObject({ sourceId, status: 'succeeded', added: 5 })
    const again = await put(fixture(), operatorKey)
    expect((await again.json()) as HarvestRun).toMatchObject({ unchanged: 5 })
  })

  it('answers 401 without a key and 403 for another institution', async () => {
    expect((await put(fixture())).status).toBe(401)
    const res = await put(fixture(), outsiderKey)
    expect(res.status).toBe(403)
    expect((await errorOf(res)).details[0]?.field).toBe('param.id')
  })

  it('answers 404 for an unknown source', async () => {
    const res = await put(fixture(), adminKey, undefined, '/api/v1/sources/nope/csv')
    expect(res.status).toBe(404)
  })

  it('answers 415 for a body that is not CSV in UTF-8', async () => {
    expect((await put('{}', adminKey, 'application/json')).status).toBe(415)
    const latin1 = await put(fixture(), adminKey, 'text/csv; charset=iso-8859-1')
    expect(await errorOf(latin1)).toMatchObject({ code: 'unsupported_media_type' })
  })

  it('answers 400 for a body that is not valid UTF-8', async () => {
    const res = await put(
      new Uint8Array(Buffer.from('id,title,url\nc,Caf\xe9,https://a.example/c\n', 'latin1')),
      adminKey,
    )
    expect(res.status).toBe(400)
    expect((await errorOf(res)).details).toEqual([
      { field: 'body', message: 'the file is not valid UTF-8; save it as CSV UTF-8' },
    ])
  })

  it('answers 413 for a body over 20 MB', async () => {
    const res = await put(new Uint8Array(MAX_CSV_BYTES + 1).fill(0x61), adminKey)
    expect(res.status).toBe(413)
    expect(await errorOf(res)).toMatchObject({ code: 'payload_too_large' })
  })

  it('answers 200 with a failed run, saying why, for a file that cannot be read', async () => {
    const res = await put('id,titel,url\nx,y,https://a.example/x\n', adminKey)
    expect(res.status).toBe(200)
    const run = (await res.json()) as HarvestRun
    expect(run).toMatchObject({ status: 'failed', seen: 0 })
    expect(run.error).toMatch(/unknown column: "titel"/)
  })

  it('is the only write let through without JSON: other writes still get 415', async () => {
    const res = await put('a,b\n', adminKey, 'text/csv', `/api/v1/sources/${sourceId}/other`)
    expect(res.status).toBe(415)
  })
})
