// A fake MOOChub platform serving `GET {url}/api/moochub/courses?page=N` (JSON:API, `links.next`) from a
// mutable list of real-shaped v3 courses; it answers v3 or v2 as the Accept header asks and it speaks.
import { startFakeHttpServer, type FakeHandler, type FakeHttpServer } from '../fake-http-server.ts'

/** A MOOChub v3 course resource, as valid against moochub-schema.json (v3.0.1). */
export interface MoochubCourse {
  id: string
  type: 'Course'
  attributes: Record<string, unknown>
}

export interface FakeMoochubOptions {
  /** Major versions the platform speaks; it answers the highest one not above the one asked for. */
  versions?: readonly (2 | 3)[]
  pageSize?: number
}

export interface FakeMoochub extends FakeHttpServer {
  /** The MOOChub API root to give a source: `{url}/api/moochub`. */
  apiUrl: string
  /** The records served, v3-shaped (other values are served as they are); change it between harvests. */
  courses: unknown[]
  /** Replace the handler of the courses route (for hostile behaviour). */
  override: (handler: FakeHandler | undefined) => void
}

export const API_PATH = '/api/moochub'
const MINOR = { 2: '2.1', 3: '3.0' } as const

const TOPICS = [
  'Lernen im digitalen Zeitalter',
  'Gratis Online Lernen',
  'Einführung in die Informatik',
  'Klimawandel verstehen',
  'Künstliche Intelligenz für alle',
  'Offene Bildungsressourcen',
]
const LICENSE = [{ identifier: 'CC-BY-SA-4.0', url: 'https://spdx.org/licenses/CC-BY-SA-4.0.html' }]

/** A deterministic UUID for course `n`. */
export function courseId(n: number): string {
  return `6f1c2a9e-0b7d-4c3e-9a51-${n.toString(16).padStart(12, '0')}`
}

/** A v3 course as iMooX or openHPI publish one; `attributes` overrides are merged into the defaults. */
export function moochubCourse(
  n: number,
  attributes: Record<string, unknown> = {},
  id = courseId(n),
): MoochubCourse {
  const code = `mooc${n}`
  return {
    id,
    type: 'Course',
    attributes: {
      name: `${TOPICS[n % TOPICS.length]} ${n}`,
      courseCode: code,
      learningResourceType: {
        identifier: 'https://w3id.org/kim/hcrt/course',
        type: 'Concept',
        inScheme: 'https://w3id.org/kim/hcrt/scheme',
      },
      courseMode: ['online', 'asynchronous'],
      description: `<p>Der Kurs ${n} f&uuml;hrt in das Thema ein.</p>\n<p>Mit <strong>Videos</strong>, Quizzes und einem Forum.</p>\n`,
      inLanguage: ['de'],
      // Local midnight, as German-speaking platforms write it: 1 March in UTC.
      startDate: ['2026-03-02T00:00:00+01:00'],
      endDate: ['2026-04-27T23:59:00+02:00'],
      image: {
        type: 'ImageObject',
        description: 'Kursbild',
        contentUrl: `https://imoox.example/pluginfile.php/${n}/course/overviewfiles/cover.jpg`,
        license: LICENSE,
      },
      instructor: [
        { type: 'Person', name: 'Martin Ebner', honorificPrefix: 'Assoc.-Prof. Dr.' },
        { type: 'Person', name: 'Sandra Schön' },
      ],
      duration: 'P8W',
      publisher: { type: 'Organization', name: 'iMooX.at', url: 'https://imoox.example/' },
      creator: [{ type: 'Organization', name: 'TU Graz', url: 'https://www.tugraz.at/' }],
      url: `https://imoox.example/course/view.php?id=${n}`,
      workload: { timeValue: 3, timeUnit: 'h/week' },
      license: LICENSE,
      access: ['free'],
      educationalAlignment: [
        {
          alignmentType: 'educationalSubject',
          educationalFramework: 'ISCED-F',
          educationalFrameworkVersion: '2013',
          name: [{ inLanguage: 'en', name: 'Education science' }],
          shortCode: '0111',
          targetUrl: 'http://data.europa.eu/esco/isced-f/0111',
          type: 'EducationalAlignment',
        },
      ],
      keywords: ['MOOC', 'Bildung'],
      // Free to take, with a paid certificate: one Offer per case, as the schema asks.
      offer: [
        { price: 0, priceCurrency: 'EUR', paymentFrequency: 'other', category: 'course' },
        { price: 29, priceCurrency: 'EUR', paymentFrequency: 'one-time', category: 'certificate' },
      ],
      dateModified: '2026-01-10T09:00:00Z',
      ...attributes,
    },
  }
}

/** The same course as a v2.x platform serves it: one run, `languages`, `instructors`, `moocProvider`. */
export function toV2(record: unknown): unknown {
  if (!isCourse(record)) return record
  const a = record.attributes
  const licenses = (value: unknown) =>
    list(value).map((l) => ({ id: field(l, 'identifier'), url: field(l, 'url'), name: null, author: null }))
  const image = field(a, 'image')
  const publisher = field(a, 'publisher')
  const workload = field(a, 'workload')
  return {
    id: record.id,
    type: 'courses',
    attributes: {
      name: a.name,
      courseCode: a.courseCode ?? null,
      courseMode: 'MOOC',
      abstract: null,
      description: a.description ?? null,
      languages: a.inLanguage ?? [],
      startDate: list(a.startDate)[0] ?? null,
      endDate: list(a.endDate)[0] ?? null,
      availableUntil: null,
      image: image ? { url: field(image, 'contentUrl'), licenses: licenses(field(image, 'license')) } : null,
      // v2 names are display names, academic titles included.
      instructors: list(a.instructor).map((p) => ({
        name: [field(p, 'honorificPrefix'), field(p, 'name')].filter(Boolean).join(' '),
        type: field(p, 'type'),
      })),
      learningObjectives: [],
      duration: a.duration ?? null,
      partnerInstitutes: list(a.creator)
        .filter((c) => field(c, 'type') === 'Organization')
        .map((c) => ({
          name: field(c, 'name'),
          url: field(c, 'url') ?? null,
          logo: null,
          description: null,
        })),
      moocProvider: publisher
        ? {
            name: field(publisher, 'name'),
            url: field(publisher, 'url'),
            logo: 'https://imoox.example/logo.svg',
          }
        : undefined,
      // v2 says how a course is accessed, but has no offers.
      access: a.access ?? ['free'],
      url: a.url,
      workload: field(workload, 'timeUnit') === 'h/week' ? field(workload, 'timeValue') : null,
      courseLicenses: licenses(a.license),
    },
  }
}

export async function startFakeMoochub(
  courses: unknown[] = [],
  options: FakeMoochubOptions = {},
): Promise<FakeMoochub> {
  const versions = [...(options.versions ?? [2, 3])].sort()
  const pageSize = options.pageSize ?? 50
  let override: FakeHandler | undefined
  const state = { courses }
  const server = await startFakeHttpServer({
    [`${API_PATH}/courses`]: (req, res, recorded) => {
      if (override) return override(req, res, recorded)
      const asked = Number(/moochub-version=(\d+)/.exec(recorded.headers.accept ?? '')?.[1] ?? 3)
      const version = versions.filter((v) => v <= asked).at(-1)
      if (!version) {
        const problem = { title: 'Unsupported requested version', status: 406 }
        return res.writeHead(406, { 'content-type': 'application/problem+json' }).end(JSON.stringify(problem))
      }
      const page = Math.max(1, Number(new URL(recorded.url, 'http://x').searchParams.get('page')) || 1)
      const pages = Math.max(1, Math.ceil(state.courses.length / pageSize))
      const link = (p: number) => `${server.url}${API_PATH}/courses?page=${p}`
      const body = {
        links: {
          self: link(page),
          first: link(1),
          last: link(pages),
          ...(page < pages && { next: link(page + 1) }),
          ...(page > 1 && { prev: link(page - 1) }),
        },
        data: state.courses
          .slice((page - 1) * pageSize, page * pageSize)
          .map((c) => (version === 2 ? toV2(c) : c)),
      }
      const type = `application/vnd.api+json; moochub-version=${MINOR[version]}`
      return res.writeHead(200, { 'content-type': type }).end(JSON.stringify(body))
    },
  })
  return {
    ...server,
    apiUrl: `${server.url}${API_PATH}`,
    get courses() {
      return state.courses
    },
    set courses(value: unknown[]) {
      state.courses = value
    },
    override: (handler) => {
      override = handler
    },
  }
}

function isCourse(value: unknown): value is MoochubCourse {
  return (
    typeof value === 'object' &&
    value !== null &&
    'type' in value &&
    value.type === 'Course' &&
    'attributes' in value &&
    typeof value.attributes === 'object' &&
    value.attributes !== null
  )
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && name in value
    ? (value as Record<string, unknown>)[name]
    : undefined
}
