// A course published as MOOChub v3 reads back alike through moocx's own MOOChub connector, as another
// moocx node harvesting this one would read it: no org map, institutions found by their pages.
import fs from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import formats from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCourse, makeListing, makeRun, sourceOf } from '../../../test/factories.ts'
import { createTestApp, TODAY, type TestApp } from '../../../test/test-app.ts'
import type { HarvestRecord } from '../../harvest/harvest-record.ts'
import { moochub } from '../../harvest/formats/moochub.ts'
import { parseContext } from '../../harvest/parse-context.ts'
import { findRecord, loadNames } from '../record-repository.ts'
import { moochubResource } from './moochub-resource.ts'
import { moochubId } from './moochub-values.ts'

const PUBLIC_URL = 'http://moocx.test'
const ajv = new Ajv2020({ strict: false, allErrors: true })
formats.default(ajv)
ajv.addFormat('iri', (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value))
const validate = ajv.compile(
  JSON.parse(
    fs.readFileSync(new URL('../../../test/fixtures/moochub/moochub-schema.json', import.meta.url), 'utf8'),
  ),
)
let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

/** The course as published, then parsed by the MOOChub connector of a node harvesting this one. */
async function roundTrip(courseId: string): Promise<{ published: unknown; read: HarvestRecord }> {
  const record = await findRecord(t.db, courseId, TODAY)
  if (!record?.course) throw new Error('the course should be live')
  const published: unknown = JSON.parse(
    JSON.stringify(moochubResource({ ...record, course: record.course }, await loadNames(t.db), PUBLIC_URL)),
  )
  const source = sourceOf({
    id: 'peer',
    platformId: 'edx',
    format: 'moochub',
    baseUrl: `${PUBLIC_URL}/api/moochub`,
  })
  const self = `${PUBLIC_URL}/api/moochub/courses`
  if (!validate({ links: { self, first: self, last: self }, data: [published] }))
    throw new Error(`not valid MOOChub v3: ${JSON.stringify(validate.errors, null, 2)}`)
  const result = moochub.parseRecord(published, await parseContext(t.db, source))
  if (!('record' in result)) throw new Error(`not read back: ${JSON.stringify(result)}`)
  return { published, read: result.record }
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim()

describe('a MOOChub resource read back by the MOOChub connector', () => {
  it('gives back every field moocx publishes', async () => {
    const course = await makeCourse(t.deps, {
      language: 'ru',
      title: 'Философия науки: <введение> & методы',
      summary: 'Кратко: a < b, и «кавычки» & амперсанд.',
      description: 'Первый абзац с <b>тегом</b>.\nВторая строка.\n\nВторой абзац & конец.',
      level: 'advanced',
      effortHoursPerWeek: 5,
      weeks: 7,
      courseNumber: 'PHIL-201',
      instructors: ['Мария Иванова', 'John Smith', 'Мария Иванова'],
      institutions: ['spbu', 'polimi'],
      subjects: ['0223', '0613'],
      license: 'CC-BY-NC-SA-4.0',
    })
    const listing = await makeListing(t.deps, course.id, {
      platformId: 'edx',
      url: 'https://www.edx.org/course/phil-201',
      access: 'free',
      certificate: 'paid',
      price: { amount: 49, currency: 'USD' },
    })
    await makeRun(t.deps, listing.id, { startsOn: '2027-04-05', endsOn: '2027-05-17' })
    await makeRun(t.deps, listing.id, { startsOn: '2027-01-11', endsOn: '2027-02-22' })
    const { read } = await roundTrip(course.id)
    expect(read).toMatchObject({
      recordKey: moochubId(course.id, PUBLIC_URL),
      url: 'https://www.edx.org/course/phil-201',
      title: course.title,
      language: 'ru',
      summary: course.summary,
      courseNumber: 'PHIL-201',
      institutions: ['spbu', 'polimi'],
      subjects: ['0223', '0613'],
      level: 'advanced',
      effortHoursPerWeek: 5,
      weeks: 7,
      instructors: ['Мария Иванова', 'John Smith'],
      access: 'free',
      certificate: 'paid',
      price: { amount: 49, currency: 'USD' },
      license: 'CC-BY-NC-SA-4.0',
    })
    expect(read.description).toBe(flat(course.description ?? ''))
    expect(read.runs.map((r) => [r.startsOn, r.endsOn, r.pacing])).toEqual([
      ['2027-01-11', '2027-02-22', 'instructor'],
      ['2027-04-05', '2027-05-17', 'instructor'],
    ])
  })

  it('gives back a paid course, a free certificate, a self-paced run and what is not known', async () => {
    const paid = await makeCourse(t.deps, { effortHoursPerWeek: 2.5, subjects: [] })
    const paidListing = await makeListing(t.deps, paid.id, {
      access: 'paid',
      certificate: 'none',
      price: { amount: 1290, currency: 'RUB' },
    })
    await makeRun(t.deps, paidListing.id, { pacing: 'self' })
    const { read, published } = await roundTrip(paid.id)
    expect(read).toMatchObject({
      access: 'paid',
      price: { amount: 1290, currency: 'RUB' },
      level: null,
      weeks: null,
      subjects: [],
      // No licence stated is published as proprietary: no rights are granted unless a licence says so.
      license: 'proprietary',
    })
    expect(read.effortHoursPerWeek).toBeCloseTo(2.5, 0)
    expect(read.runs).toMatchObject([{ pacing: 'self', startsOn: null, endsOn: null }])
    expect(published).toMatchObject({
      attributes: { startDate: null, endDate: null, courseMode: ['online', 'asynchronous'] },
    })

    const free = await makeCourse(t.deps, { license: 'proprietary' })
    await makeListing(t.deps, free.id, { platformId: 'xuetangx', access: 'free', certificate: 'free' })
    expect((await roundTrip(free.id)).read).toMatchObject({
      access: 'free',
      certificate: 'free',
      price: null,
      license: 'proprietary',
    })

    const unknown = await makeCourse(t.deps, { effortHoursPerWeek: null })
    await makeListing(t.deps, unknown.id)
    expect((await roundTrip(unknown.id)).read).toMatchObject({
      access: null,
      certificate: null,
      price: null,
      effortHoursPerWeek: null,
    })
  })

  it('publishes only the active listings: the first one gives the URL and the offer, not its platform', async () => {
    // The platform is no institution of the course: v3 dropped moocProvider, and a reader taking it
    // as an organization would make edX (the platform) an institution of the course.
    const course = await makeCourse(t.deps)
    await makeListing(t.deps, course.id, { url: 'https://www.edx.org/course/gone', status: 'withdrawn' })
    await makeListing(t.deps, course.id, {
      platformId: 'coursera',
      url: 'https://www.coursera.org/learn/here',
      access: 'paid',
    })
    const { read, published } = await roundTrip(course.id)
    expect(read.url).toBe('https://www.coursera.org/learn/here')
    expect(read.access).toBe('paid')
    expect(published).not.toHaveProperty('attributes.moocProvider')
  })
})

describe('moochubId', () => {
  it('keeps a UUID and derives a stable UUID (version 5) from any other id', () => {
    expect(moochubId('0190F5A2-7C3E-7A1B-9C2D-3E4F5A6B7C8D', PUBLIC_URL)).toBe(
      '0190f5a2-7c3e-7a1b-9c2d-3e4f5a6b7c8d',
    )
    const derived = moochubId('spbu-philosophy', PUBLIC_URL)
    expect(derived).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(moochubId('spbu-philosophy', PUBLIC_URL)).toBe(derived)
    expect(moochubId('spbu-philosophy', 'https://other.example')).not.toBe(derived)
    expect(moochubId('spbu-philosophy-2', PUBLIC_URL)).not.toBe(derived)
  })
})
