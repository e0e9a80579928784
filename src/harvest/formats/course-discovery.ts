// Open edX course-discovery API (`GET {discovery}/api/v1/courses/`): DRF pages of courses with their
// runs, read with a JWT from the LMS's OAuth2 client-credentials grant; one course is one listing.
import { z } from 'zod'
import type { Level } from '../../catalog/course.ts'
import { absoluteUrl } from '../absolute-url.ts'
import type { HarvestedRun } from '../harvest-record.ts'
import { parseDuration, parseEffort } from '../normalize-effort.ts'
import { normalizeLanguage, normalizeLanguages } from '../normalize-language.ts'
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
  keywordWords,
  pageJson,
  recordLanguage,
} from './connector.ts'
import { edxSubjectCodes } from './edx-subjects.ts'
import { sameOriginNext } from './next-link.ts'
import { oauth2ClientCredentials } from './oauth2-client-credentials.ts'
import { openedxOffer } from './openedx-modes.ts'

/** A list whose items of the wrong shape are dropped; a value that is no list counts as an empty one. */
function listOf<T extends z.ZodType>(item: T) {
  return z.unknown().transform((value) =>
    (Array.isArray(value) ? value : []).flatMap((i): z.output<T>[] => {
      const parsed = item.safeParse(i)
      return parsed.success ? [parsed.data] : []
    }),
  )
}

const text = z.string().nullable().optional().catch(null)
const amount = z.number().nonnegative().nullable().optional().catch(null)
const Organization = z.object({ key: text, name: text })
const Subject = z.object({ slug: text, name: text })
const Person = z.object({ given_name: text, family_name: text })
const Run = z.object({
  key: z.string().trim().min(1).max(255),
  status: text,
  hidden: z.boolean().nullable().optional().catch(null),
  start: text,
  end: text,
  enrollment_start: text,
  enrollment_end: text,
  pacing_type: text,
  content_language: text,
  transcript_languages: listOf(z.string()),
  staff: listOf(Person),
  min_effort: amount,
  max_effort: amount,
  weeks_to_complete: amount,
  marketing_url: text,
  seats: listOf(z.object({ type: z.string(), price: z.unknown(), currency: z.unknown() })),
})
type Run = z.infer<typeof Run>
const Course = z.object({
  key: z.string().trim().min(1).max(255),
  title: z.string(),
  short_description: text,
  full_description: text,
  owners: listOf(Organization),
  subjects: listOf(Subject),
  enrollment_count: amount,
  level_type: z
    .union([z.string(), z.object({ name: z.string() }).transform((l) => l.name)])
    .nullable()
    .optional()
    .catch(null),
  marketing_url: text,
  course_runs: listOf(Run),
})
type Course = z.infer<typeof Course>

const Page = z.object({ results: z.array(z.unknown()), next: text })

const LEVELS: readonly [Level, RegExp][] = [
  ['introductory', /^\s*(?:introductory|beginner|basic)/i],
  ['intermediate', /^\s*intermediate/i],
  ['advanced', /^\s*advanced/i],
]
const MAX_RUNS = 50

export const courseDiscovery: Connector = {
  // `exclude_utm`: marketing URLs without the harvesting client's tracking parameters.
  firstPage: (source) => ({
    url: joinUrl(source.baseUrl, 'api/v1/courses/?page_size=100&exclude_utm=1'),
    method: 'GET',
  }),

  headers: { accept: 'application/json' },

  authorize: oauth2ClientCredentials,

  readPage(page: FetchedPage, source: Source) {
    const json = pageJson(page)
    const parsed = Page.safeParse(json)
    if (!parsed.success) {
      const detail = z.object({ detail: z.string() }).safeParse(json).data?.detail
      const said = detail ? ` (the platform says: ${detail.slice(0, 200)})` : ''
      throw new PageError(`${page.url} is not a course-discovery page: expected "results"${said}`)
    }
    const next = parsed.data.next
    return { records: parsed.data.results, next: next ? sameOriginNext(next, page.url, source) : null }
  },

  parseRecord(raw: unknown, ctx: ParseContext) {
    const key =
      typeof raw === 'object' && raw !== null && 'key' in raw && typeof raw.key === 'string'
        ? raw.key.slice(0, 255)
        : null
    const parsed = Course.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.join('.') || 'record'
      return rejected(key, `invalid record: ${where} ${issue?.message ?? ''}`.trim())
    }
    const c = parsed.data
    const title = htmlToText(c.title)
    if (!title) return rejected(c.key, 'the course has no title')
    const runs = publishedRuns(c.course_runs)
    const url = courseUrl(c, runs, ctx.source)
    if (!url) return rejected(c.key, 'left out: no published run and no marketing page')
    const institutions = ownerInstitutions(ctx, c.owners)
    if (typeof institutions === 'string') return rejected(c.key, institutions)
    const html = c.full_description ? sanitizeDescription(c.full_description, url) : ''
    const language = runs
      .map((r) => (r.content_language ? normalizeLanguage(r.content_language) : undefined))
      .find((tag) => tag !== undefined)
    return accepted({
      recordKey: c.key,
      listingKey: c.key,
      url,
      title: title.slice(0, 300),
      language: recordLanguage(ctx, language, title, c.short_description),
      summary: c.short_description ? htmlToText(c.short_description).slice(0, 500) || null : null,
      description: html ? htmlToText(html) || null : null,
      descriptionHtml: html || null,
      courseNumber: /^[^/+]+[/+](.+)$/.exec(c.key)?.[1]?.slice(0, 100) ?? null,
      institutions,
      subjects: edxSubjectCodes(c.subjects, ctx),
      keywords: keywordWords(
        c.subjects.filter((s) => edxSubjectCodes([s], ctx).length === 0).map((s) => s.name ?? s.slug ?? ''),
      ),
      level: LEVELS.find(([, pattern]) => pattern.test(c.level_type ?? ''))?.[0] ?? null,
      effortHoursPerWeek: effortOf(runs),
      weeks: weeksOf(runs),
      instructors: instructorsOf(runs),
      subtitleLanguages: normalizeLanguages(runs.flatMap((r) => r.transcript_languages)).slice(0, 30),
      ...openedxOffer(runs.flatMap((r) => r.seats)),
      enrollments:
        c.enrollment_count === null || c.enrollment_count === undefined
          ? null
          : Math.round(c.enrollment_count),
      runs: runs.map(harvestedRun),
    })
  },
}

/** Published runs, each once; `unpublished`, review states and hidden runs are not in the catalog. */
function publishedRuns(runs: Run[]): Run[] {
  const shown = runs.filter((r) => !r.hidden && (!r.status || r.status === 'published'))
  return [...new Map(shown.map((r) => [r.key, r])).values()].slice(0, MAX_RUNS)
}

/** The marketing page (tracking parameters removed), else the discovery course page if a run is published. */
function courseUrl(c: Course, runs: Run[], source: Source): string | undefined {
  const marketing = [c.marketing_url, ...runs.map((r) => r.marketing_url)]
    .map((u) => absoluteUrl(u, source.baseUrl))
    .find((u) => u !== undefined)
  if (marketing) return withoutTracking(marketing)
  if (runs.length === 0) return undefined
  return absoluteUrl(
    joinUrl(source.baseUrl, `course/${encodeURIComponent(c.key).replace(/%2B/g, '+')}`),
    source.baseUrl,
  )
}

function withoutTracking(href: string): string {
  const url = new URL(href)
  const tracking = [...url.searchParams.keys()].filter((name) => /^utm_/i.test(name))
  if (tracking.length === 0) return href
  for (const name of tracking) url.searchParams.delete(name)
  return url.href
}

/** Each owner's institution, tried by key, then name; else the platform's operator; else why not. */
function ownerInstitutions(ctx: ParseContext, owners: z.infer<typeof Organization>[]): string[] | string {
  const mappedOnly = { ...ctx, platform: { ...ctx.platform, institutionId: null } }
  const found = owners.flatMap((o) => {
    const names = [o.key, o.name]
      .map((v) => v?.trim().slice(0, 100))
      .filter((v) => v !== undefined && v !== '')
    return names.map((name) => institutionsFor(mappedOnly, name)).find((i) => i !== undefined) ?? []
  })
  if (found.length > 0) return [...new Set(found)]
  const operator = institutionsFor(ctx, undefined)
  if (operator) return operator
  const named = owners.map((o) => `"${(o.key ?? o.name ?? '').slice(0, 100)}"`).slice(0, 5)
  if (named.length === 0) return 'the course names no owner organization'
  return `owner ${named.join(', ')} is not mapped to an institution; add it to the source's orgMap`
}

/** Hours per week: the middle of the first published run's min_effort–max_effort. */
function effortOf(runs: Run[]): number | null {
  for (const r of runs) {
    const low = r.min_effort ?? r.max_effort
    const high = r.max_effort ?? r.min_effort
    if (low === null || low === undefined || high === null || high === undefined) continue
    const hours = parseEffort((low + high) / 2).hoursPerWeek
    if (hours !== undefined) return hours
  }
  return null
}

function weeksOf(runs: Run[]): number | null {
  const weeks = runs.map((r) => parseDuration(r.weeks_to_complete).weeks).find((w) => w !== undefined)
  return weeks === undefined ? null : Math.max(1, Math.round(weeks))
}

function instructorsOf(runs: Run[]): string[] {
  const names = runs
    .flatMap((r) => r.staff)
    .map((p) => htmlToText([p.given_name, p.family_name].filter(Boolean).join(' ')).slice(0, 200))
  return [...new Set(names.filter((name) => name !== ''))].slice(0, 50)
}

function harvestedRun(r: Run): HarvestedRun {
  const startsOn = calendarDate(r.start)
  const endsOn = calendarDate(r.end)
  return {
    runKey: r.key,
    pacing: r.pacing_type === 'self_paced' ? 'self' : 'instructor',
    startsOn,
    endsOn: endsOn && startsOn && endsOn < startsOn ? null : endsOn,
    enrollmentOpensOn: calendarDate(r.enrollment_start),
    enrollmentClosesOn: calendarDate(r.enrollment_end),
  }
}
