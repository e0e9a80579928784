// Open edX course discovery search (`POST /search/course_discovery/`, edx-search): the index behind
// LMS catalog pages, paged by page_index; each result is one course run (`course-v1:ORG+NUMBER+RUN`).
import { z } from 'zod'
import { absoluteUrl } from '../absolute-url.ts'
import { parseEffort } from '../normalize-effort.ts'
import { normalizeLanguage } from '../normalize-language.ts'
import { htmlToText, sanitizeDescription } from '../sanitize-description.ts'
import type { PageRequest, Source } from '../source.ts'
import {
  accepted,
  calendarDate,
  institutionsFor,
  joinUrl,
  PageError,
  rejected,
  type Connector,
  type FetchedPage,
  type ParseContext,
  pageJson,
  recordLanguage,
} from './connector.ts'
import { parseCourseKey } from './openedx-courses.ts'
import { openedxOffer } from './openedx-modes.ts'

/** edx-search's default page size (its maximum is 100, or less where operators lowered it). */
const PAGE_SIZE = 20

const count = z.number().int().nonnegative()
const Page = z.object({
  // Elasticsearch 7 engines may pass on `{value, relation}` instead of a number.
  total: z.union([count, z.object({ value: count }).transform((t) => t.value)]),
  results: z.array(z.unknown()),
})

const text = z.string().nullable().optional().catch(null)
const Result = z.object({
  _id: z.string().optional().catch(undefined),
  data: z.object({
    id: z.string().min(1).max(255),
    content: z.object({ display_name: z.string(), overview: text, short_description: text, number: text }),
    number: text,
    org: text,
    language: text,
    effort: text,
    start: text,
    end: text,
    enrollment_start: text,
    enrollment_end: text,
    catalog_visibility: text,
    invitation_only: z.boolean().nullable().optional().catch(null),
    /** Enrollment mode slugs (`audit`, `verified`); the index keeps no prices. */
    modes: z
      .array(z.unknown())
      .optional()
      .catch(undefined)
      .transform((modes) => (modes ?? []).flatMap((type) => (typeof type === 'string' ? [{ type }] : []))),
  }),
})

export const edxSearch: Connector = {
  firstPage: (source) => pageRequest(source, 0),

  headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },

  readPage(page: FetchedPage, source: Source) {
    const json = pageJson(page)
    const parsed = Page.safeParse(json)
    if (!parsed.success) {
      const message =
        typeof json === 'object' && json !== null && 'error' in json ? `: ${String(json.error)}` : ''
      throw new PageError(
        `${page.url} is not a course discovery answer (expected "total" and "results")${message}`.slice(
          0,
          500,
        ),
      )
    }
    const index = pageIndexOf(page.url)
    const { total, results } = parsed.data
    if ((index + 1) * PAGE_SIZE >= total) return { records: results, next: null }
    // An empty page while `total` promises more would otherwise be walked to the end, one empty page at a time.
    if (results.length === 0)
      throw new PageError(`page ${index} is empty although the index reports ${total} courses; stopped`)
    return { records: results, next: pageRequest(source, index + 1) }
  },

  parseRecord(raw: unknown, ctx: ParseContext) {
    const parsed = Result.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return rejected(
        keyOf(raw),
        `invalid record: ${issue?.path.join('.') || 'record'} ${issue?.message ?? ''}`.trim(),
      )
    }
    const r = parsed.data.data
    const visibility = r.catalog_visibility?.toLowerCase()
    if (visibility === 'none' || visibility === 'about')
      return rejected(r.id, `left out: catalog visibility "${visibility}"`)
    if (r.invitation_only) return rejected(r.id, 'left out: invitation only')
    const parts = parseCourseKey(r.id)
    if (!parts) return rejected(r.id, `"${r.id}" is not an Open edX course key (course-v1:ORG+NUMBER+RUN)`)
    const title = htmlToText(r.content.display_name)
    if (!title) return rejected(r.id, 'the course has no name')
    const org = r.org || parts.org
    const institutions = institutionsFor(ctx, org)
    if (!institutions)
      return rejected(
        r.id,
        `organization "${org}" is not mapped to an institution; add it to the source's orgMap`,
      )
    const url = absoluteUrl(joinUrl(ctx.source.baseUrl, `courses/${r.id}/about`), ctx.source.baseUrl)
    if (!url) return rejected(r.id, 'no usable course URL')
    const startsOn = calendarDate(r.start)
    const endsOn = calendarDate(r.end)
    const html = r.content.overview ? sanitizeDescription(r.content.overview, ctx.source.baseUrl) : ''
    const effort = r.effort ? parseEffort(r.effort) : {}
    const summary = r.content.short_description ? htmlToText(r.content.short_description) : ''
    return accepted({
      recordKey: r.id,
      listingKey: `${parts.org}+${parts.number}`,
      url,
      title: title.slice(0, 300),
      language: recordLanguage(ctx, r.language && normalizeLanguage(r.language), title, summary),
      summary: summary.slice(0, 500) || null,
      description: htmlToText(html) || null,
      descriptionHtml: html || null,
      courseNumber: r.number ?? r.content.number ?? parts.number,
      institutions,
      subjects: [],
      keywords: [],
      level: null,
      effortHoursPerWeek: effort.hoursPerWeek ?? null,
      weeks: effort.weeks === undefined ? weeksBetween(startsOn, endsOn) : Math.round(effort.weeks) || null,
      instructors: [],
      subtitleLanguages: [],
      ...openedxOffer(r.modes),
      runs: [
        {
          runKey: parts.run,
          // The index does not say how a run is paced.
          pacing: 'instructor',
          startsOn,
          endsOn: endsOn && startsOn && endsOn < startsOn ? null : endsOn,
          enrollmentOpensOn: calendarDate(r.enrollment_start),
          enrollmentClosesOn: calendarDate(r.enrollment_end),
        },
      ],
    })
  },
}

/**
 * The page index rides in the query string as well as in the form body: the view reads only the body,
 * but readPage sees only the URL and needs to know which page it holds.
 */
function pageRequest(source: Source, index: number): PageRequest {
  return {
    url: `${joinUrl(source.baseUrl, 'search/course_discovery/')}?page_index=${index}`,
    method: 'POST',
    body: `search_string=&page_size=${PAGE_SIZE}&page_index=${index}`,
  }
}

function pageIndexOf(url: string): number {
  const value = new URL(url).searchParams.get('page_index') ?? ''
  if (!/^\d{1,6}$/.test(value)) throw new PageError(`${url} does not say which page it is (page_index)`)
  return Number(value)
}

function keyOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null
  const data = 'data' in raw && typeof raw.data === 'object' && raw.data !== null ? raw.data : {}
  if ('id' in data && typeof data.id === 'string') return data.id
  return '_id' in raw && typeof raw._id === 'string' ? raw._id : null
}

function weeksBetween(start: string | null, end: string | null): number | null {
  if (!start || !end) return null
  const weeks = Math.ceil((Date.parse(end) - Date.parse(start)) / (7 * 86_400_000))
  return weeks > 0 && weeks <= 520 ? weeks : null
}
