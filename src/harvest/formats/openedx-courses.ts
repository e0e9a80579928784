// Open edX LMS Courses API (`/api/courses/v1/courses/`): paginated JSON where each result is one
// course run (`course-v1:ORG+NUMBER+RUN`); runs of one ORG+NUMBER become one listing.
import { z } from 'zod'
import { absoluteUrl } from '../absolute-url.ts'
import { parseEffort } from '../normalize-effort.ts'
import { normalizeLanguage } from '../normalize-language.ts'
import { htmlToText, sanitizeDescription } from '../sanitize-description.ts'
import type { Source } from '../source.ts'
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

const Page = z.object({
  results: z.array(z.unknown()),
  pagination: z.object({ next: z.string().nullable().optional() }).optional(),
  next: z.string().nullable().optional(),
})

const text = z.string().nullable().optional().catch(null)
const Result = z.object({
  id: z.string().min(1).max(255),
  name: z.string(),
  number: text,
  org: text,
  short_description: text,
  overview: text,
  effort: text,
  start: text,
  end: text,
  enrollment_start: text,
  enrollment_end: text,
  start_type: text,
  pacing: text,
  hidden: z.boolean().nullable().optional().catch(null),
  invitation_only: z.boolean().nullable().optional().catch(null),
  language: text,
})

export const openedxCourses: Connector = {
  firstPage: (source) => ({
    url: joinUrl(source.baseUrl, '/api/courses/v1/courses/?page_size=100'),
    method: 'GET',
  }),

  readPage(page: FetchedPage, source: Source) {
    const json = pageJson(page)
    const parsed = Page.safeParse(json)
    if (!parsed.success)
      throw new PageError(`${page.url} is not an Open edX courses page: expected "results" and "pagination"`)
    const next = parsed.data.pagination?.next ?? parsed.data.next ?? null
    return { records: parsed.data.results, next: next ? sameOrigin(next, source) : null }
  },

  parseRecord(raw: unknown, ctx: ParseContext) {
    const key =
      typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : null
    const parsed = Result.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return rejected(
        key,
        `invalid record: ${issue?.path.join('.') || 'record'} ${issue?.message ?? ''}`.trim(),
      )
    }
    const r = parsed.data
    if (r.hidden) return rejected(r.id, 'left out: hidden on the platform')
    if (r.invitation_only) return rejected(r.id, 'left out: invitation only')
    const parts = parseCourseKey(r.id)
    if (!parts) return rejected(r.id, `"${r.id}" is not an Open edX course key (course-v1:ORG+NUMBER+RUN)`)
    const title = htmlToText(r.name)
    if (!title) return rejected(r.id, 'the course has no name')
    const org = r.org ?? parts.org
    const institutions = institutionsFor(ctx, org)
    if (!institutions)
      return rejected(
        r.id,
        `organization "${org}" is not mapped to an institution; add it to the source's orgMap`,
      )
    const url = absoluteUrl(`/courses/${r.id}/about`, ctx.source.baseUrl)
    if (!url) return rejected(r.id, 'no usable course URL')
    const startsOn = r.start_type === 'empty' ? null : calendarDate(r.start)
    const endsOn = calendarDate(r.end)
    const html = r.overview ? sanitizeDescription(r.overview, ctx.source.baseUrl) : null
    return accepted({
      recordKey: r.id,
      listingKey: `${parts.org}+${parts.number}`,
      url,
      title: title.slice(0, 300),
      language: recordLanguage(ctx, r.language && normalizeLanguage(r.language), title, r.short_description),
      summary: r.short_description ? htmlToText(r.short_description).slice(0, 500) || null : null,
      description: html ? htmlToText(html) || null : null,
      descriptionHtml: html || null,
      courseNumber: r.number ?? parts.number,
      institutions,
      subjects: [],
      keywords: [],
      level: null,
      effortHoursPerWeek: r.effort ? (parseEffort(r.effort).hoursPerWeek ?? null) : null,
      weeks: weeksBetween(startsOn, endsOn),
      instructors: [],
      subtitleLanguages: [],
      // The Courses API names no enrollment modes or prices; edx-search and course-discovery do.
      access: null,
      certificate: null,
      price: null,
      runs: [
        {
          runKey: parts.run,
          pacing: r.pacing === 'self' ? 'self' : 'instructor',
          startsOn,
          endsOn: endsOn && startsOn && endsOn < startsOn ? null : endsOn,
          enrollmentOpensOn: calendarDate(r.enrollment_start),
          enrollmentClosesOn: calendarDate(r.enrollment_end),
        },
      ],
    })
  },
}

/** `course-v1:ORG+NUMBER+RUN` or the older `ORG/NUMBER/RUN`. */
export function parseCourseKey(key: string): { org: string; number: string; run: string } | undefined {
  const modern = /^course-v1:([^+\s]+)\+([^+\s]+)\+([^+\s]+)$/.exec(key)
  const legacy = /^([^/\s]+)\/([^/\s]+)\/([^/\s]+)$/.exec(key)
  const m = modern ?? legacy
  return m?.[1] && m[2] && m[3] ? { org: m[1], number: m[2], run: m[3] } : undefined
}

function weeksBetween(start: string | null, end: string | null): number | null {
  if (!start || !end) return null
  const weeks = Math.ceil((Date.parse(end) - Date.parse(start)) / (7 * 86_400_000))
  return weeks > 0 && weeks <= 520 ? weeks : null
}

/** Follows `next` only within the source's own origin: a feed must not send the harvester elsewhere. */
function sameOrigin(next: string, source: Source) {
  const url = absoluteUrl(next, source.baseUrl)
  if (!url || new URL(url).origin !== new URL(source.baseUrl).origin) {
    throw new PageError(`the next-page link "${next.slice(0, 200)}" leaves ${new URL(source.baseUrl).origin}`)
  }
  return { url, method: 'GET' as const }
}
