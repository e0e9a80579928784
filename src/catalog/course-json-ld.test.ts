import fs from 'node:fs'
import jsonld from 'jsonld'
import type { JsonLdDocument, Options } from 'jsonld'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCourse, makeListing, makeRun } from '../../test/factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

const SDO = 'http://schema.org/'
/** The official schema.org context (test/fixtures/schema-org/README.md), served without the network. */
const CONTEXT = JSON.parse(
  fs.readFileSync(new URL('../../test/fixtures/schema-org/jsonldcontext.jsonld', import.meta.url), 'utf8'),
)
const CONTEXT_URLS = ['https://schema.org', 'https://schema.org/', 'http://schema.org', 'http://schema.org/']

async function documentLoader(url: string): Promise<RemoteDocument> {
  if (!CONTEXT_URLS.includes(url)) throw new Error(`no network in tests: ${url}`)
  return {
    contextUrl: undefined,
    documentUrl: 'https://schema.org/docs/jsonldcontext.jsonld',
    document: CONTEXT,
  }
}

type RemoteDocument = Awaited<ReturnType<NonNullable<Options.Expand['documentLoader']>>>
type Expanded = Record<string, unknown[] | string | undefined>

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ demo: true })
}, 60_000)
afterAll(async () => t.close())

async function jsonLdOf(courseId: string): Promise<JsonLdDocument> {
  const res = await t.app.request(`/courses/${encodeURIComponent(courseId)}`)
  expect(res.status).toBe(200)
  const html = await res.text()
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
  expect(blocks).toHaveLength(1)
  return JSON.parse(blocks[0]?.[1] ?? '')
}

async function expandedCourse(courseId: string): Promise<Expanded> {
  const expanded = await jsonld.expand(await jsonLdOf(courseId), { documentLoader })
  const courses = (expanded as Expanded[]).filter((n) =>
    (n['@type'] as string[] | undefined)?.includes(`${SDO}Course`),
  )
  expect(courses).toHaveLength(1)
  return courses[0] ?? {}
}

/** The node values of a property (expanded form: always an array). */
function nodes(node: Expanded, property: string): Expanded[] {
  const value = node[`${SDO}${property}`]
  return Array.isArray(value) ? (value as Expanded[]) : []
}

function text(node: Expanded, property: string): unknown {
  return nodes(node, property)[0]?.['@value']
}

describe('course JSON-LD for Google course info', () => {
  it('expands, for every demo course, to a Course with name, description, provider, instances and offers', async () => {
    const courses = await t.db
      .selectFrom('courses')
      .select(['id', 'title'])
      .where('origin', '=', 'demo')
      .orderBy('id')
      .execute()
    expect(courses.length).toBeGreaterThan(300)
    const listings = await t.db.selectFrom('listings').select(['course_id', 'status', 'access']).execute()
    for (const course of courses) {
      const node = await expandedCourse(course.id)
      expect(text(node, 'name'), course.id).toBe(course.title)
      expect(text(node, 'description'), course.id).toEqual(expect.any(String))
      const providers = nodes(node, 'provider')
      expect(providers.length, course.id).toBeGreaterThan(0)
      for (const p of providers) {
        expect(text(p, 'name')).toEqual(expect.any(String))
        expect(nodes(p, 'sameAs')[0]?.['@id']).toMatch(/^https?:\/\//)
      }
      const active = listings.filter((l) => l.course_id === course.id && l.status === 'active')
      const instances = nodes(node, 'hasCourseInstance')
      expect(instances.length, course.id).toBeGreaterThan(active.length > 0 ? 0 : -1)
      for (const instance of instances) {
        expect(instance['@type']).toEqual([`${SDO}CourseInstance`])
        expect(text(instance, 'courseMode')).toBe('Online')
        const schedule = nodes(instance, 'courseSchedule')[0]
        expect(text(instance, 'courseWorkload') ?? schedule, course.id).toBeDefined()
        if (schedule) {
          expect(text(schedule, 'repeatFrequency')).toBe('Weekly')
          expect(text(schedule, 'repeatCount')).toEqual(expect.any(Number))
        }
      }
      const priced = active.filter((l) => l.access !== null)
      expect(nodes(node, 'offers'), course.id).toHaveLength(priced.length)
      for (const offer of nodes(node, 'offers'))
        expect(['Free', 'Partially Free', 'Paid']).toContain(text(offer, 'category'))
    }
  }, 240_000)

  it('derives workload and schedule from effort and weeks, and says only what is known', async () => {
    const course = await makeCourse(t.deps, {
      id: 'json-ld-known',
      effortHoursPerWeek: 2.5,
      weeks: 6,
      instructors: ['Ana Lima'],
      subtitleLanguages: ['fr', 'en'],
      license: 'CC-BY-SA-4.0',
      summary: 'Only a summary.',
      description: null,
      institutions: ['spbu', 'cornell'],
    })
    const paid = await makeListing(t.deps, course.id, {
      access: 'free',
      certificate: 'paid',
      price: { amount: 49, currency: 'USD' },
    })
    await makeRun(t.deps, paid.id, { startsOn: '2027-01-04', endsOn: '2027-02-14' })
    await makeListing(t.deps, course.id, { platformId: 'xuetangx', access: null })
    const data = (await jsonLdOf(course.id)) as Record<string, unknown>
    expect(data).toMatchObject({
      description: 'Only a summary.',
      inLanguage: 'en',
      availableLanguage: ['fr'],
      license: 'https://spdx.org/licenses/CC-BY-SA-4.0.html',
      isAccessibleForFree: true,
      offers: [{ '@type': 'Offer', category: 'Partially Free', price: 49, priceCurrency: 'USD' }],
    })
    expect(data).not.toHaveProperty('instructor')
    const [scheduled, undated] = data.hasCourseInstance as Record<string, unknown>[]
    expect(scheduled).toMatchObject({
      courseMode: 'Online',
      startDate: '2027-01-04',
      courseWorkload: 'PT15H',
      courseSchedule: {
        repeatFrequency: 'Weekly',
        repeatCount: 6,
        duration: 'PT2H30M',
        endDate: '2027-02-14',
      },
      instructor: [{ '@type': 'Person', name: 'Ana Lima' }],
    })
    expect(undated).toMatchObject({ courseMode: 'Online', courseWorkload: 'PT15H' })
    expect(undated).not.toHaveProperty('startDate')
    expect(data.provider).toEqual([
      expect.objectContaining({
        '@type': 'CollegeOrUniversity',
        name: 'Saint Petersburg State University',
        sameAs: 'https://spbu.ru/',
      }),
      expect.objectContaining({ '@type': 'CollegeOrUniversity', sameAs: expect.stringMatching(/cornell/) }),
    ])
  })

  it('leaves out workload, schedule, offers and licence it does not know, and weeks come from run dates', async () => {
    const course = await makeCourse(t.deps, { id: 'json-ld-unknown', license: 'proprietary' })
    const listing = await makeListing(t.deps, course.id, { access: 'paid' })
    await makeRun(t.deps, listing.id, { startsOn: '2027-03-01', endsOn: '2027-03-21' })
    await makeListing(t.deps, course.id, { platformId: 'xuetangx' })
    const data = (await jsonLdOf(course.id)) as Record<string, unknown>
    expect(data).not.toHaveProperty('license')
    expect(data).not.toHaveProperty('description')
    const [dated, undated] = data.hasCourseInstance as Record<string, unknown>[]
    expect(dated).toMatchObject({ courseSchedule: { repeatFrequency: 'Weekly', repeatCount: 3 } })
    expect(dated).not.toHaveProperty('courseWorkload')
    expect(dated?.courseSchedule).not.toHaveProperty('duration')
    expect(undated).not.toHaveProperty('courseSchedule')
    expect(data.offers).toEqual([expect.objectContaining({ category: 'Paid' })])
    expect(data.offers).not.toContainEqual(expect.objectContaining({ price: expect.anything() }))
    expect(data.isAccessibleForFree).toBeUndefined()
  })

  it('keeps a hostile title inside its script element', async () => {
    const title = '</script><script>alert(1)</script> & <!-- "x"'
    const course = await makeCourse(t.deps, { id: 'json-ld-hostile', title })
    await makeListing(t.deps, course.id)
    const html = await (await t.app.request('/courses/json-ld-hostile')).text()
    expect(html).not.toContain('<script>alert(1)')
    expect(html.match(/<script type="application\/ld\+json">/g)).toHaveLength(1)
    expect(text(await expandedCourse('json-ld-hostile'), 'name')).toBe(title)
  })
})
