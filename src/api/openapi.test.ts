// The OpenAPI document is valid OpenAPI 3.1, and every operation in it answers as documented:
// the documented status, with a body valid against the documented schema.
import { Validator } from '@seriousme/openapi-schema-validator'
import { Ajv2020 } from 'ajv/dist/2020.js'
import formats from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCourse, makeListing, makeRun } from '../../test/factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { startRun } from '../harvest/harvest-run-repository.ts'
import { SourceCreate } from '../harvest/source.ts'
import { createSource } from '../harvest/source-repository.ts'

type Doc = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >
  components: object
}

let t: TestApp
let doc: Doc
const ids: Record<string, string> = {}

/** A documented success for every operation: path ids and a valid body. */
function exampleFor(op: string): { body?: unknown; status: number } {
  const examples: Record<string, { body?: unknown; status: number }> = {
    'GET /institutions': { status: 200 },
    'GET /institutions/{id}': { status: 200 },
    'POST /institutions': {
      status: 201,
      body: {
        id: 'uni-new',
        kind: 'university',
        country: 'KE',
        names: { en: 'New University', sw: 'Chuo Kipya' },
      },
    },
    'PATCH /institutions/{id}': { status: 200, body: { website: 'https://spbu.ru/en' } },
    'GET /platforms': { status: 200 },
    'GET /platforms/{id}': { status: 200 },
    'POST /platforms': {
      status: 201,
      body: {
        id: 'uon-openedx',
        name: 'UoN Open edX',
        software: 'open-edx',
        baseUrl: 'https://mooc.uonbi.ac.ke',
        institutionId: 'uon',
      },
    },
    'PATCH /platforms/{id}': { status: 200, body: { name: 'edX.org' } },
    'GET /courses': { status: 200 },
    'GET /courses/{id}': { status: 200 },
    'POST /courses': {
      status: 201,
      body: { language: 'ru', title: 'Философия', institutions: ['spbu'], subjects: ['0223'], weeks: 8 },
    },
    'PATCH /courses/{id}': { status: 200, body: { summary: 'Updated summary' } },
    'POST /courses/{id}/listings': {
      status: 201,
      body: {
        platformId: 'coursera',
        platformKey: 'philosophy',
        url: 'https://www.coursera.org/learn/philosophy',
      },
    },
    'GET /listings/{id}': { status: 200 },
    'PATCH /listings/{id}': { status: 200, body: { status: 'withdrawn' } },
    'POST /listings/{id}/runs': { status: 201, body: { pacing: 'self', startsOn: '2026-01-10' } },
    'GET /runs/{id}': { status: 200 },
    'PATCH /runs/{id}': { status: 200, body: { endsOn: '2027-06-30' } },
    'GET /subjects': { status: 200 },
    'GET /search': { status: 200 },
    'GET /subjects/{id}': { status: 200 },
    'POST /courses/{id}/merge': { status: 200, body: { courseId: 'course-to-merge' } },
    'POST /listings/{id}/split': { status: 201 },
    'POST /sources/{id}/push': { status: 401 },
    'GET /subject-mappings': { status: 200 },
    'PUT /subject-mappings/{label}': { status: 200, body: { subjectCode: '0613' } },
    // Documented failure: the fixture source is not a CSV source and the body is no CSV.
    'PUT /sources/{id}/csv': { status: 415 },
    'GET /sources': { status: 200 },
    'POST /sources': {
      status: 201,
      body: {
        id: 'openedu-lms',
        platformId: 'openedu',
        format: 'openedx-courses',
        baseUrl: 'https://openedu.ru',
        orgMap: { spbu: 'spbu' },
      },
    },
    'GET /sources/{id}': { status: 200 },
    'PATCH /sources/{id}': { status: 200, body: { scheduleMinutes: 1440 } },
    'POST /sources/{id}/runs': { status: 202 },
    'GET /sources/{id}/runs': { status: 200 },
    'GET /harvest-runs/{id}': { status: 200 },
    // Documented failure: no format asked for (a 200 is a file in the format asked for, not JSON).
    'GET /export': { status: 400 },
  }
  const found = examples[op]
  if (!found) throw new Error(`No example for ${op}: every documented operation needs one here`)
  return found
}

function idFor(path: string): string {
  if (path.includes('{label}')) return 'Computer Science'
  const resource = path.split('/')[1] ?? ''
  const id = ids[resource]
  if (!id) throw new Error(`No fixture id for ${path}`)
  return id
}

beforeAll(async () => {
  t = await createTestApp()
  const course = await makeCourse(t.deps)
  const listing = await makeListing(t.deps, course.id)
  const run = await makeRun(t.deps, listing.id, { startsOn: '2026-10-01', endsOn: '2027-01-15' })
  await makeCourse(t.deps, { id: 'course-to-merge' })
  await makeListing(t.deps, 'course-to-merge', { platformId: 'xuetangx' })
  const source = await createSource(
    t.deps,
    SourceCreate.parse({ platformId: 'edx', format: 'openedx-courses', baseUrl: 'https://www.edx.org' }),
  )
  await startRun(t.deps, source.id, 'harvest-run-1', 'harvest-run-1')
  Object.assign(ids, {
    institutions: 'spbu',
    platforms: 'edx',
    courses: course.id,
    listings: listing.id,
    runs: run.id,
    subjects: '0613',
    sources: source.id,
    'harvest-runs': 'harvest-run-1',
  })
  doc = (await (await t.app.request('/api/openapi.json')).json()) as Doc
})
afterAll(() => t.close())

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(structuredClone(doc) as never)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect((doc as unknown as { openapi: string }).openapi).toBe('3.1.0')
  })

  it('documents every route of the API', () => {
    const operations = Object.entries(doc.paths).flatMap(([p, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`),
    )
    expect(operations.length).toBeGreaterThanOrEqual(20)
    for (const op of operations) expect(() => exampleFor(op)).not.toThrow()
  })

  it('answers every documented operation with the documented status and schema', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    formats.default(ajv)
    ajv.addSchema({ $id: 'doc', components: doc.components })
    // A control: the validator does reject a body that is not a course.
    expect(ajv.validate({ $ref: 'doc#/components/schemas/Course' }, { id: 1 })).toBe(false)
    const order = ['get', 'post', 'put', 'patch']
    const ops = Object.entries(doc.paths)
      .flatMap(([path, item]) => Object.entries(item).map(([method, spec]) => ({ path, method, spec })))
      .sort((a, b) => order.indexOf(a.method) - order.indexOf(b.method))
    for (const { path, method, spec } of ops) {
      const { body, status } = exampleFor(`${method.toUpperCase()} ${path}`)
      const url = `/api/v1${path.replace(/\{(id|label)\}/, () => encodeURIComponent(idFor(path)))}`
      const res = await t.app.request(url, {
        method: method.toUpperCase(),
        headers: {
          authorization: `Bearer ${t.adminKey}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      })
      const json: unknown = await res.json()
      expect({ op: `${method} ${path}`, status: res.status }).toEqual({ op: `${method} ${path}`, status })
      const schema = spec.responses[String(status)]?.content?.['application/json']?.schema
      expect(schema, `${method} ${path} documents ${status}`).toBeDefined()
      const validate = ajv.compile(
        JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')),
      )
      expect({ op: `${method} ${path}`, errors: validate(json) ? null : validate.errors }).toEqual({
        op: `${method} ${path}`,
        errors: null,
      })
    }
  })
})
