// A fake Open edX course-discovery service (`/api/v1/courses/`, DRF page-number pages) behind the LMS's
// OAuth2 client-credentials endpoint (`/oauth2/access_token`, here or on a separate fake LMS): every API
// request must carry a token the endpoint issued, as `JWT <token>` or `Bearer <token>`.
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  startFakeHttpServer,
  type FakeHandler,
  type FakeHttpServer,
  type RecordedRequest,
} from '../fake-http-server.ts'

export interface DiscoveryRun {
  key: string
  status: string
  hidden: boolean
  start: string | null
  end: string | null
  enrollment_start: string | null
  enrollment_end: string | null
  pacing_type: 'instructor_paced' | 'self_paced'
  availability: string
  content_language: string | null
  transcript_languages: string[]
  staff: { given_name: string; family_name: string; [extra: string]: unknown }[]
  min_effort: number | null
  max_effort: number | null
  weeks_to_complete: number | null
  marketing_url: string | null
  /** DiscoverySeat items; anything else to serve a hostile feed. */
  seats: unknown[]
  [extra: string]: unknown
}

/** A seat as the discovery service serializes it: the price a decimal string, the currency a code. */
export interface DiscoverySeat {
  type: string
  price: unknown
  currency: unknown
  upgrade_deadline: string | null
  credit_provider: string | null
  credit_hours: number | null
  sku: string | null
  bulk_sku: string | null
  [extra: string]: unknown
}

export interface DiscoveryCourse {
  key: string
  title: string
  short_description: string | null
  full_description: string | null
  owners: { key: string; name: string; [extra: string]: unknown }[]
  subjects: { name: string; slug: string; [extra: string]: unknown }[]
  level_type: string | null
  course_runs: unknown[]
  marketing_url: string | null
  [extra: string]: unknown
}

export interface FakeCourseDiscovery extends FakeHttpServer {
  /** The courses served; change it between harvests. */
  courses: unknown[]
  /** The OAuth2 client the token endpoint accepts. */
  client: { id: string; secret: string }
  /** The token_type the endpoint answers, and so the scheme the API expects. */
  tokenType: 'JWT' | 'Bearer'
  /** The server with `/oauth2/access_token`: this one, or a separate fake LMS. */
  lms: FakeHttpServer
  /** Token requests received, granted or not. */
  readonly tokenRequests: number
  /** Replace the handler of the courses route (for hostile behaviour); authorization is still checked. */
  override: (handler: FakeHandler | undefined) => void
  /** Replace the handler of the token route. */
  overrideToken: (handler: FakeHandler | undefined) => void
}

const TOPICS = [
  'Analytics Edge',
  'Circuits and Electronics',
  'Philosophy of Science',
  'Chinese for Beginners',
]
const SUBJECTS = [
  { name: 'Data Analysis & Statistics', slug: 'data-analysis-statistics' },
  { name: 'Electronics', slug: 'electronics' },
  { name: 'Philosophy & Ethics', slug: 'philosophy-ethics' },
  { name: 'Language', slug: 'language' },
]

/** A seat of `type` at `price` (a string such as "99.00", as the service sends it). */
export function discoverySeat(
  type: string,
  price: unknown = '0.00',
  currency: unknown = 'USD',
  overrides: Partial<DiscoverySeat> = {},
): DiscoverySeat {
  const paid = type !== 'audit' && type !== 'honor'
  return {
    type,
    price,
    currency,
    upgrade_deadline: type === 'verified' ? '2026-05-01T23:59:00Z' : null,
    credit_provider: type === 'credit' ? 'asu' : null,
    credit_hours: type === 'credit' ? 3 : null,
    sku: paid ? `${type.slice(0, 3).toUpperCase()}7C1A2B` : null,
    bulk_sku: paid ? `B${type.slice(0, 3).toUpperCase()}3F9E` : null,
    ...overrides,
  }
}

export function discoveryRun(
  courseKey: string,
  run: string,
  overrides: Partial<DiscoveryRun> = {},
): DiscoveryRun {
  return {
    key: `course-v1:${courseKey}+${run}`,
    uuid: `run-${courseKey}-${run}`,
    title: `Run ${run}`,
    start: '2026-02-09T00:00:00Z',
    end: '2026-06-01T00:00:00Z',
    enrollment_start: '2025-12-01T00:00:00Z',
    enrollment_end: null,
    pacing_type: 'instructor_paced',
    type: 'verified',
    status: 'published',
    hidden: false,
    availability: 'Upcoming',
    content_language: 'en-us',
    transcript_languages: ['en-us', 'zh-cmn'],
    seats: [discoverySeat('audit'), discoverySeat('verified', '99.00')],
    staff: [{ uuid: 'p-1', given_name: 'Dimitris', family_name: 'Bertsimas', slug: 'dimitris-bertsimas' }],
    min_effort: 10,
    max_effort: 15,
    weeks_to_complete: 12,
    marketing_url: `https://www.example.edu/course/${courseKey.toLowerCase()}?utm_source=moocx&utm_medium=affiliate_partner`,
    enrollment_count: 1204,
    ...overrides,
  }
}

/** Course `n`: owned by SPbU, one published run, HTML descriptions, a subject edX uses. */
export function discoveryCourse(n: number, overrides: Partial<DiscoveryCourse> = {}): DiscoveryCourse {
  const key = overrides.key ?? `SPbUx+C${String(n).padStart(5, '0')}`
  return {
    key,
    uuid: `course-${n}`,
    title: `${TOPICS[n % TOPICS.length]} ${n}`,
    short_description: `<p>Short description of course ${n}.</p>`,
    full_description: `<p>What you will learn in course ${n}:</p><ul><li>models</li><li>data</li></ul>`,
    owners: [{ uuid: 'org-spbu', key: 'SPbU', name: 'Saint Petersburg State University' }],
    subjects: [SUBJECTS[n % SUBJECTS.length] ?? { name: 'Science', slug: 'science' }],
    level_type: 'Introductory',
    image: { src: `https://www.example.edu/images/${n}.jpg`, height: 145, width: 258 },
    course_runs: [discoveryRun(key, '1T2026')],
    marketing_url: null,
    enrollment_count: 5120,
    recent_enrollment_count: 312,
    modified: '2026-01-05T10:11:12.000000Z',
    ...overrides,
  }
}

export async function startFakeCourseDiscovery(
  courses: unknown[] = [],
  options: { separateLms?: boolean } = {},
): Promise<FakeCourseDiscovery> {
  const state = {
    courses,
    client: { id: 'moocx-harvester', secret: 'disc0very-s3cret-9f2c' },
    tokenType: 'JWT' as 'JWT' | 'Bearer',
    tokenRequests: 0,
    override: undefined as FakeHandler | undefined,
    overrideToken: undefined as FakeHandler | undefined,
  }
  const issued = new Set<string>()
  const tokenRoute: FakeHandler = (req, res, recorded) => {
    state.tokenRequests++
    if (state.overrideToken) return state.overrideToken(req, res, recorded)
    const form = new URLSearchParams(recorded.body)
    if (recorded.method !== 'POST' || !/x-www-form-urlencoded/.test(recorded.headers['content-type'] ?? ''))
      return json(res, 400, { error: 'invalid_request' })
    if (form.get('grant_type') !== 'client_credentials')
      return json(res, 400, { error: 'unsupported_grant_type' })
    if (form.get('client_id') !== state.client.id || form.get('client_secret') !== state.client.secret)
      return json(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed.' })
    const payload = Buffer.from(JSON.stringify({ sub: state.client.id, n: issued.size })).toString(
      'base64url',
    )
    const accessToken =
      form.get('token_type') === 'jwt' && state.tokenType === 'JWT'
        ? `eyJhbGciOiJSUzUxMiJ9.${payload}.c2lnbmF0dXJl`
        : `opaque${issued.size}x7Qk`
    issued.add(accessToken)
    return json(res, 200, {
      access_token: accessToken,
      expires_in: 3600,
      token_type: state.tokenType,
      scope: 'read write email profile',
    })
  }
  const coursesRoute: FakeHandler = (req, res, recorded) => {
    const [scheme, value] = (recorded.headers.authorization ?? '').split(' ')
    if (scheme !== state.tokenType || !value || !issued.has(value)) {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'JWT realm="api"' })
      return res.end('{"detail":"Authentication credentials were not provided."}')
    }
    if (state.override) return state.override(req, res, recorded)
    return page(res, recorded, state.courses, server.url)
  }
  const lms = options.separateLms
    ? await startFakeHttpServer({ '/oauth2/access_token': tokenRoute })
    : undefined
  const server = await startFakeHttpServer({
    '/api/v1/courses/': coursesRoute,
    ...(!lms && { '/oauth2/access_token': tokenRoute }),
  })
  return {
    ...server,
    lms: lms ?? server,
    close: async () => {
      await server.close()
      await lms?.close()
    },
    get courses() {
      return state.courses
    },
    set courses(value: unknown[]) {
      state.courses = value
    },
    get client() {
      return state.client
    },
    set client(value: { id: string; secret: string }) {
      state.client = value
    },
    get tokenType() {
      return state.tokenType
    },
    set tokenType(value: 'JWT' | 'Bearer') {
      state.tokenType = value
    },
    get tokenRequests() {
      return state.tokenRequests
    },
    override: (handler) => {
      state.override = handler
    },
    overrideToken: (handler) => {
      state.overrideToken = handler
    },
  }
}

/** A DRF page-number page: `{count, next, previous, results}`, absolute links keeping the query. */
function page(res: ServerResponse, recorded: RecordedRequest, courses: unknown[], base: string) {
  const url = new URL(recorded.url, base)
  const pageSize = Math.min(100, Math.max(1, Number(url.searchParams.get('page_size') ?? 20) || 20))
  const number = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1)
  const pages = Math.max(1, Math.ceil(courses.length / pageSize))
  if (number > pages) return json(res, 404, { detail: 'Invalid page.' })
  const link = (p: number) => {
    const to = new URL(url)
    to.searchParams.set('page', String(p))
    return to.href
  }
  return json(res, 200, {
    count: courses.length,
    next: number < pages ? link(number + 1) : null,
    previous: number > 1 ? link(number - 1) : null,
    results: courses.slice((number - 1) * pageSize, number * pageSize),
  })
}

function json(res: ServerResponse<IncomingMessage>, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}
