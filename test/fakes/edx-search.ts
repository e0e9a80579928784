// A fake Open edX LMS answering course discovery searches (`POST /search/course_discovery/`, edx-search)
// from a mutable list of real-shaped index documents: form-encoded paging, the view's 405 and page-size
// errors, facets, and the index's warts (hidden runs leaking through, missing language, stripped overviews).
import { startFakeHttpServer, type FakeHandler, type FakeHttpServer } from '../fake-http-server.ts'

export interface EdxSearchData {
  id: string
  course: string
  content: { display_name?: string; overview?: string; number?: string; short_description?: string }
  image_url?: string
  org_image_url?: string
  start?: string
  end?: string
  enrollment_start?: string
  enrollment_end?: string
  effort?: string
  number?: string
  org?: string
  language?: string
  /** Enrollment mode slugs (`audit`, `honor`, `verified`, `professional`, `credit`), no prices; any value for hostile tests. */
  modes?: unknown
  catalog_visibility?: string
  invitation_only?: boolean
  [extra: string]: unknown
}

export interface EdxSearchResult {
  _index: string
  _type: string
  _id: string
  _score: number
  data: EdxSearchData
}

export interface FakeEdxSearch extends FakeHttpServer {
  /** The results served; change it between harvests. */
  results: unknown[]
  /** Replace the handler of the search route (for hostile behaviour). */
  override: (handler: FakeHandler | undefined) => void
}

const TOPICS = [
  'Philosophy of Science',
  'Linear Algebra',
  'Marine Biology',
  'Thai Cuisine',
  'Data Structures',
]

/**
 * Run `n` of `org`+`number`: what CourseAboutSearchIndexer stores, which leaves out falsy values (so
 * `language` is absent when the course does not set one) and strips the overview's HTML to text.
 */
export function edxSearchResult(
  n: number,
  options: { org?: string; number?: string; run?: string; data?: Partial<EdxSearchData> } = {},
): EdxSearchResult {
  const org = options.org ?? 'SPbU'
  const number = options.number ?? `C${String(n).padStart(5, '0')}`
  const id = `course-v1:${org}+${number}+${options.run ?? '2026_T1'}`
  const data: EdxSearchData = {
    id,
    course: id,
    content: {
      display_name: `${TOPICS[n % TOPICS.length]} ${n}`,
      overview: `About This Course  This course introduces topic ${n}. &amp; more   Requirements  None`,
      number,
      short_description: `Short description of course ${n}`,
    },
    image_url: `/asset-v1:${org}+${number}+2026_T1+type@asset+block@course_image.jpg`,
    start: '2026-02-09T00:00:00+00:00',
    end: '2026-05-25T00:00:00+00:00',
    enrollment_start: '2025-12-01T00:00:00+00:00',
    enrollment_end: '2026-03-01T00:00:00+00:00',
    effort: '3-5 hours/week',
    number,
    org,
    modes: ['audit', 'verified'],
    catalog_visibility: 'both',
    ...(n % 3 !== 0 && { language: 'ru' }),
    ...options.data,
  }
  return { _index: 'course_info', _type: '_doc', _id: id, _score: 1, data }
}

export async function startFakeEdxSearch(results: unknown[] = []): Promise<FakeEdxSearch> {
  let override: FakeHandler | undefined
  const state = { results }
  const server = await startFakeHttpServer({
    '/search/course_discovery/': (req, res, recorded) => {
      if (recorded.method !== 'POST') return res.writeHead(405, { allow: 'POST' }).end()
      if (override) return override(req, res, recorded)
      const form = new URLSearchParams(recorded.body)
      const size = Number(form.get('page_size') ?? 20)
      if (!(size > 0 && size <= 100)) return json(res, 500, { error: `Invalid page size of ${size}` })
      const index = Number(form.get('page_index') ?? 0) || 0
      const page = state.results.slice(index * size, (index + 1) * size)
      json(res, 200, {
        took: 4,
        total: state.results.length,
        max_score: 1,
        results: page,
        facets: facets(state.results),
      })
    },
  })
  return {
    ...server,
    get results() {
      return state.results
    },
    set results(value: unknown[]) {
      state.results = value
    },
    override: (handler) => {
      override = handler
    },
  }
}

function json(res: Parameters<FakeHandler>[1], status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

function facets(results: unknown[]) {
  const terms: Record<string, number> = {}
  for (const r of results) {
    const org = (r as { data?: { org?: unknown } }).data?.org
    if (typeof org === 'string') terms[org] = (terms[org] ?? 0) + 1
  }
  return { org: { terms, total: results.length, other: 0 } }
}
