// A fake Open edX LMS serving the Courses API (`/api/courses/v1/courses/`) from a mutable list of
// real-shaped course runs, paginated as the real one is (page_size capped at 100, absolute `next`).
import { startFakeHttpServer, type FakeHandler, type FakeHttpServer } from '../fake-http-server.ts'

export interface OpenedxRun {
  id: string
  name: string
  number: string
  org: string
  short_description: string | null
  effort: string | null
  start: string | null
  end: string | null
  enrollment_start: string | null
  enrollment_end: string | null
  start_display: string | null
  start_type: 'string' | 'timestamp' | 'empty'
  pacing: 'instructor' | 'self'
  mobile_available: boolean
  hidden: boolean
  invitation_only: boolean
  media: { course_image: { uri: string }; image: { raw: string } }
  blocks_url: string
  course_id: string
  [extra: string]: unknown
}

export interface FakeOpenedx extends FakeHttpServer {
  /** The runs served; change it between harvests. */
  runs: unknown[]
  /** Replace the handler of the courses route (for hostile behaviour). */
  override: (handler: FakeHandler | undefined) => void
}

const TOPICS = [
  'Philosophy of Science',
  'Linear Algebra',
  'Marine Biology',
  'Urban Design',
  'Data Structures',
  'Russian Literature',
]

export function openedxRun(n: number, overrides: Partial<OpenedxRun> = {}): OpenedxRun {
  const org = overrides.org ?? 'SPbU'
  const number = overrides.number ?? `C${String(n).padStart(5, '0')}`
  const run = 'spring_2026'
  const id = overrides.id ?? `course-v1:${org}+${number}+${run}`
  return {
    id,
    course_id: id,
    name: `${TOPICS[n % TOPICS.length]} ${n}`,
    number,
    org,
    short_description: `Short description of course ${n}`,
    effort: '04:00',
    start: '2026-02-09T00:00:00Z',
    end: '2026-06-01T00:00:00Z',
    enrollment_start: null,
    enrollment_end: null,
    start_display: 'Feb. 9, 2026',
    start_type: 'timestamp',
    pacing: 'instructor',
    mobile_available: true,
    hidden: false,
    invitation_only: false,
    media: {
      course_image: { uri: `/asset-v1:${org}+${number}+${run}+type@asset+block@cover.jpg` },
      image: { raw: `https://lms.example/asset-v1:${org}+${number}.jpg` },
    },
    blocks_url: `https://lms.example/api/courses/v1/blocks/?course_id=${encodeURIComponent(id)}`,
    ...overrides,
  }
}

export async function startFakeOpenedx(runs: unknown[] = []): Promise<FakeOpenedx> {
  let override: FakeHandler | undefined
  const state = { runs }
  const server = await startFakeHttpServer({
    '/api/courses/v1/courses/': (req, res, recorded) => {
      if (override) return override(req, res, recorded)
      const params = new URL(recorded.url, 'http://x').searchParams
      const pageSize = Math.min(100, Math.max(1, Number(params.get('page_size') ?? 10) || 10))
      const page = Math.max(1, Number(params.get('page') ?? 1) || 1)
      const count = state.runs.length
      const pages = Math.max(1, Math.ceil(count / pageSize))
      if (page > pages) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"Invalid page."}')
        return
      }
      const link = (p: number) => `${server.url}/api/courses/v1/courses/?page=${p}&page_size=${pageSize}`
      const body = {
        results: state.runs.slice((page - 1) * pageSize, page * pageSize),
        pagination: {
          next: page < pages ? link(page + 1) : null,
          previous: page > 1 ? link(page - 1) : null,
          count,
          num_pages: pages,
        },
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    },
  })
  return {
    ...server,
    get runs() {
      return state.runs
    },
    set runs(value: unknown[]) {
      state.runs = value
    },
    override: (handler) => {
      override = handler
    },
  }
}
