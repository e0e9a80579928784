// A fake Coursera catalog API (`/api/courses.v1`) serving real-shaped courses by `start` offset, with the
// page's partners and instructors in `linked`, `paging.total` on the first page only, and pages whose
// `linked` comes back empty, as the real one does.
import { startFakeHttpServer, type FakeHandler, type FakeHttpServer } from '../fake-http-server.ts'

export interface CourseraElement {
  id: string
  slug: string
  name: string
  courseType?: string
  description?: string
  primaryLanguages?: string[]
  subtitleLanguages?: string[]
  workload?: string
  partnerIds?: string[]
  instructorIds?: string[]
  domainTypes?: { domainId: string; subdomainId: string }[]
  photoUrl?: string
  /** Certificate kinds (`VerifiedCert`, `Specialization`), every one paid for; any value for hostile tests. */
  certificates?: unknown
  startDate?: number
  [extra: string]: unknown
}

export interface FakeCoursera extends FakeHttpServer {
  /** The API root to use as a source's baseUrl, e.g. `http://127.0.0.1:4123/api`. */
  api: string
  /** The courses served; change it between harvests. */
  courses: unknown[]
  partners: unknown[]
  instructors: unknown[]
  /** Offsets (`start`) whose page answers `"linked": {}`. */
  emptyLinked: Set<number>
  /** Replace the handler of the courses route (for hostile behaviour). */
  override: (handler: FakeHandler | undefined) => void
}

export const COURSERA_PARTNERS = [
  { id: '245', name: 'Saint Petersburg State University', shortName: 'spbu' },
  { id: '13', name: 'University of Toronto', shortName: 'toronto' },
  { id: '77', name: 'Politecnico di Milano', shortName: 'polimi' },
  { id: '999', name: 'Institute Nobody Mapped', shortName: 'nobody' },
]

export const COURSERA_INSTRUCTORS = [
  { id: '1244', firstName: 'Andrei', lastName: 'Ivanov' },
  { id: '3071', firstName: 'Maria', lastName: 'Rossi' },
  { id: '5150', firstName: '', lastName: '', fullName: 'Dr. Li Wei' },
]

const TOPICS = ['Machine Learning', 'Russian for Beginners', 'Financial Markets', 'Astronomy', 'Urban Design']
const DOMAINS = [
  { domainId: 'data-science', subdomainId: 'machine-learning' },
  { domainId: 'language-learning', subdomainId: 'other-languages' },
  { domainId: 'business', subdomainId: 'finance' },
  { domainId: 'physical-science-and-engineering', subdomainId: 'physics-and-astronomy' },
  { domainId: 'social-sciences', subdomainId: 'not-a-known-subdomain' },
]

/** Course `n`: partner SPbU, an on-demand course with a start date, subtitles, a workload range. */
export function courseraCourse(n: number, overrides: Partial<CourseraElement> = {}): CourseraElement {
  return {
    courseType: 'v2.ondemand',
    id: `Gtv4Xb1-${String(n).padStart(4, '0')}`,
    slug: `course-${n}`,
    name: `${TOPICS[n % TOPICS.length]} ${n}`,
    description: `What you will learn in course ${n}.\nWeek by week.\n\nA second paragraph: Q&A, 2 < 3.`,
    primaryLanguages: ['en'],
    subtitleLanguages: ['zh-CN', 'uk', 'ar'],
    workload: '4-8 hours/week',
    partnerIds: ['245'],
    instructorIds: ['1244'],
    domainTypes: [DOMAINS[n % DOMAINS.length] ?? { domainId: 'business', subdomainId: 'finance' }],
    photoUrl: `https://d3njjcbhbojbot.cloudfront.net/api/utilities/v1/imageproxy/${n}.jpg`,
    certificates: ['VerifiedCert'],
    startDate: Date.UTC(2026, 1, 9),
    ...overrides,
  }
}

export async function startFakeCoursera(courses: unknown[] = []): Promise<FakeCoursera> {
  let override: FakeHandler | undefined
  const state = {
    courses,
    partners: [...COURSERA_PARTNERS] as unknown[],
    instructors: [...COURSERA_INSTRUCTORS] as unknown[],
  }
  const emptyLinked = new Set<number>()
  const server = await startFakeHttpServer({
    '/api/courses.v1': (req, res, recorded) => {
      if (override) return override(req, res, recorded)
      const params = new URL(recorded.url, 'http://x').searchParams
      const start = Math.max(0, Number(params.get('start') ?? 0) || 0)
      const limit = Math.min(100, Math.max(1, Number(params.get('limit') ?? 100) || 100))
      const elements = state.courses.slice(start, start + limit)
      const body = {
        elements,
        paging: {
          ...(start + limit < state.courses.length && { next: String(start + limit) }),
          ...(start === 0 && { total: state.courses.length }),
        },
        linked: emptyLinked.has(start) ? {} : linkedFor(elements, params.get('includes') ?? '', state),
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    },
  })
  return {
    ...server,
    api: `${server.url}/api`,
    emptyLinked,
    get courses() {
      return state.courses
    },
    set courses(value: unknown[]) {
      state.courses = value
    },
    get partners() {
      return state.partners
    },
    set partners(value: unknown[]) {
      state.partners = value
    },
    get instructors() {
      return state.instructors
    },
    set instructors(value: unknown[]) {
      state.instructors = value
    },
    override: (handler) => {
      override = handler
    },
  }
}

/** What `includes=partnerIds,instructorIds` adds: only the partners and instructors the page names. */
function linkedFor(
  elements: unknown[],
  includes: string,
  state: { partners: unknown[]; instructors: unknown[] },
) {
  const named = (field: string) =>
    new Set(elements.flatMap((e) => ((e as Record<string, unknown>)[field] as unknown[] | undefined) ?? []))
  const pick = (list: unknown[], ids: Set<unknown>) =>
    list.filter((item) => ids.has((item as { id?: unknown }).id))
  return {
    ...(includes.includes('partnerIds') && { 'partners.v1': pick(state.partners, named('partnerIds')) }),
    ...(includes.includes('instructorIds') && {
      'instructors.v1': pick(state.instructors, named('instructorIds')),
    }),
  }
}
