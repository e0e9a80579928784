// MOOChub, the JSON:API course feed of German-speaking MOOC platforms (`GET {api}/courses?page=N`): one
// record per course, its runs given as start dates; v3 (`type: "Course"`) is asked for, v2 read as well.
import { z } from 'zod'
import type { Level } from '../../catalog/course.ts'
import { absoluteUrl } from '../absolute-url.ts'
import type { HarvestedRun } from '../harvest-record.ts'
import { parseDuration, parseWorkload } from '../normalize-effort.ts'
import { normalizeLanguages } from '../normalize-language.ts'
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
} from './connector.ts'

/** Values of a field that may be one value, a list or missing; items of the wrong shape are dropped. */
function many<T extends z.ZodType>(item: T) {
  return z
    .unknown()
    .optional()
    .transform((value) => {
      const items = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]
      return items.flatMap((i): z.output<T>[] => {
        const parsed = item.safeParse(i)
        return parsed.success ? [parsed.data] : []
      })
    })
}

const text = z.string().nullable().optional().catch(null)
/** A v3 Person or Organization, a v2 instructor, partner institute or MOOC provider. */
const Party = z.object({ name: z.string(), type: text })
const Label = z.object({ name: z.string() })
const Alignment = z.object({
  educationalFramework: text,
  shortCode: z
    .union([z.string(), z.number().transform(String)])
    .nullable()
    .optional()
    .catch(null),
  targetUrl: text,
})
const EducationalLevel = z.object({ name: many(Label), alternateName: many(z.string()) })

const Page = z.object({
  // A single resource object is valid JSON:API too (the MOOChub v3 OpenAPI example sends one).
  data: z.union([z.array(z.unknown()), z.object({ type: z.string() }).transform((one): unknown[] => [one])]),
  links: z.object({ next: text }).nullable().optional().catch(null),
})
const ErrorDocument = z.object({ errors: z.array(z.object({ title: text, detail: text })).min(1) })

const Resource = z.object({
  id: z.union([z.string().trim().min(1).max(255), z.number().int().nonnegative().transform(String)]),
  type: text,
  attributes: z.object({
    name: z.string(),
    url: z.string(),
    courseCode: text,
    description: text,
    abstract: text,
    inLanguage: z.unknown().optional(),
    languages: z.unknown().optional(),
    startDate: many(z.string()),
    endDate: many(z.string()),
    applicationStartDate: text,
    applicationDeadline: text,
    duration: text,
    workload: z.unknown().optional(),
    courseMode: many(z.string()),
    keywords: many(z.string()),
    instructor: many(Party),
    instructors: many(Party),
    creator: many(Party),
    publisher: many(Party),
    partnerInstitute: many(Party),
    partnerInstitutes: many(Party),
    moocProvider: many(Party),
    educationalAlignment: many(Alignment),
    educationalLevel: many(EducationalLevel),
  }),
})
type Attributes = z.infer<typeof Resource>['attributes']

/** Asks for v3; a platform that speaks only v2 answers v2, which parseRecord reads as well. */
export const MOOCHUB_ACCEPT = 'application/vnd.api+json; moochub-version=3'
const MAX_RUNS = 50

export const moochub: Connector = {
  firstPage: (source) => ({ url: coursesUrl(source.baseUrl), method: 'GET' }),

  headers: { Accept: MOOCHUB_ACCEPT },

  readPage(page: FetchedPage, source: Source) {
    const json = pageJson(page)
    const parsed = Page.safeParse(json)
    if (!parsed.success) {
      const error = ErrorDocument.safeParse(json).data?.errors[0]
      const said = error ? ` (the platform says: ${error.title ?? error.detail ?? 'error'})` : ''
      throw new PageError(`${page.url} is not a MOOChub JSON:API page: expected a "data" array${said}`)
    }
    const next = parsed.data.links?.next
    return { records: parsed.data.data, next: next ? sameOrigin(next, page.url, source) : null }
  },

  parseRecord(raw: unknown, ctx: ParseContext) {
    const key = recordKeyOf(raw)
    const parsed = Resource.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.join('.') || 'record'
      return rejected(key, `invalid record: ${where} ${issue?.message ?? ''}`.trim())
    }
    const { id, type, attributes: a } = parsed.data
    if (type && !/^courses?$/i.test(type))
      return rejected(id, `left out: a "${type}" resource is not a course`)
    const title = htmlToText(a.name)
    if (!title) return rejected(id, 'the course has no name')
    const url = absoluteUrl(a.url, ctx.source.baseUrl)
    if (!url) return rejected(id, 'no usable course URL')
    const orgs = [
      ...new Set(
        [a.creator, a.publisher, a.partnerInstitute, a.partnerInstitutes, a.moocProvider]
          .flat()
          .map((o) => htmlToText(o.name).slice(0, 100))
          .filter((name) => name !== ''),
      ),
    ]
    const institutions = institutionsOf(ctx, orgs)
    if (!institutions) {
      const quoted = orgs.slice(0, 5).map((o) => `"${o}"`)
      const named = orgs.length > 0 ? `none of ${quoted.join(', ')} is` : 'no organization is'
      return rejected(id, `${named} mapped to an institution; add one to the source's orgMap`)
    }
    const html = a.description ? sanitizeDescription(a.description, url) : ''
    const runs = runsOf(a)
    return accepted({
      recordKey: id,
      listingKey: id,
      url,
      title: title.slice(0, 300),
      language: normalizeLanguages(a.inLanguage ?? a.languages)[0] ?? ctx.source.defaultLanguage ?? 'und',
      summary: a.abstract ? htmlToText(a.abstract).slice(0, 500) || null : null,
      description: html ? htmlToText(html) || null : null,
      descriptionHtml: html || null,
      courseNumber: a.courseCode ? htmlToText(a.courseCode).slice(0, 100) || null : null,
      institutions,
      subjects: subjectsOf(a, ctx),
      keywords: keywordWords(a.keywords.filter((k) => !/^(mooc|self[-\s]?paced|selbstlern)/i.test(k))),
      level: levelOf(a),
      effortHoursPerWeek: parseWorkload(a.workload).hoursPerWeek ?? null,
      weeks: weeksOf(a.duration, runs),
      instructors: peopleOf([...a.instructor, ...a.instructors]),
      subtitleLanguages: [],
      access: null,
      certificate: null,
      price: null,
      runs,
    })
  },
}

/** `{api}/courses`; a base that already names the endpoint (`…/courses`, `…/webservice.php?x`) is used as is. */
function coursesUrl(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '')
  const { pathname, search } = new URL(base)
  return /\/courses$/.test(pathname) || search || /\.[a-z]+$/i.test(pathname)
    ? base
    : joinUrl(base, 'courses')
}

function recordKeyOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return null
  return typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id).slice(0, 255) : null
}

/** Every organization name the source maps, in order; else the platform's operator. */
function institutionsOf(ctx: ParseContext, names: string[]): string[] | undefined {
  const mappedOnly = { ...ctx, platform: { ...ctx.platform, institutionId: null } }
  const found = new Set(names.flatMap((name) => institutionsFor(mappedOnly, name) ?? []))
  return found.size > 0 ? [...found] : institutionsFor(ctx, undefined)
}

/** One run per start date, each ending at the first end date before the next start; none: self-paced. */
function runsOf(a: Attributes): HarvestedRun[] {
  const dates = (values: string[]) =>
    [...new Set(values.map(localDate).filter((d): d is string => d !== null))].sort()
  const starts = dates(a.startDate).slice(0, MAX_RUNS)
  const ends = dates(a.endDate)
  const selfPaced = [...a.courseMode, ...a.keywords].some((m) => /self[-\s]?paced|selbstlern/i.test(m))
  const single = starts.length <= 1
  const enrollment = {
    enrollmentOpensOn: single ? localDate(a.applicationStartDate) : null,
    enrollmentClosesOn: single ? localDate(a.applicationDeadline) : null,
  }
  if (starts.length === 0)
    return [
      { runKey: 'self-paced', pacing: 'self', startsOn: null, endsOn: ends.at(-1) ?? null, ...enrollment },
    ]
  return starts.map((start, i) => {
    const next = starts[i + 1]
    const end = ends.find((e) => e >= start && (!next || e <= next)) ?? null
    const pacing = selfPaced || !end ? 'self' : 'instructor'
    return { runKey: start, pacing, startsOn: start, endsOn: end, ...enrollment }
  })
}

/**
 * The calendar date as the platform writes it: `2026-03-02T00:00:00+01:00` starts on 2 March where the
 * course runs, though it is 1 March in UTC.
 */
function localDate(value: string | null | undefined): string | null {
  const written = value ? /^\s*(\d{4}-\d{2}-\d{2})(?:[T ]|\s*$)/.exec(value)?.[1] : undefined
  return calendarDate(written ?? value)
}

/** ISCED-F codes (`shortCode`, or the code ending an ESCO `targetUrl`) that moocx knows. */
function subjectsOf(a: Attributes, ctx: ParseContext): string[] {
  const codes = a.educationalAlignment
    .filter((al) => !al.educationalFramework || /isced/i.test(al.educationalFramework))
    .map((al) => al.shortCode?.trim() || /isced-f\/(\d{2,4})\/?$/i.exec(al.targetUrl ?? '')?.[1])
    .filter((code): code is string => code !== undefined && ctx.subjectCodes.has(code))
  return [...new Set(codes)].slice(0, 20)
}

const LEVELS: readonly [Level, RegExp][] = [
  ['advanced', /advanced|highly speciali[sz]ed|expert|fortgeschritten/i],
  ['intermediate', /intermediate|mittelstufe/i],
  ['introductory', /foundation|beginner|basic|introduct|einsteiger|anfänger|grundlagen|einführung/i],
]

/** The level named by the first educational level (DigComp and GRETA name theirs in English). */
function levelOf(a: Attributes): Level | null {
  const first = a.educationalLevel[0]
  if (!first) return null
  const names = [...first.name.map((n) => n.name), ...first.alternateName].join(' ')
  return LEVELS.find(([, pattern]) => pattern.test(names))?.[0] ?? null
}

function weeksOf(duration: string | null | undefined, runs: HarvestedRun[]): number | null {
  const stated = parseDuration(duration).weeks
  if (stated !== undefined) return Math.max(1, Math.round(stated))
  const run = runs.find((r) => r.startsOn && r.endsOn)
  if (!run?.startsOn || !run.endsOn) return null
  const weeks = Math.ceil((Date.parse(run.endsOn) - Date.parse(run.startsOn)) / (7 * 86_400_000))
  return weeks > 0 && weeks <= 520 ? weeks : null
}

/**
 * Names of the people teaching, entities decoded; organizations left out. One field naming two people
 * (`Sandra Schön &amp; Martin Ebner`) gives both.
 */
function peopleOf(parties: z.infer<typeof Party>[]): string[] {
  const names = parties
    .filter((p) => p.type !== 'Organization')
    .flatMap((p) => splitNames(htmlToText(p.name)))
    .map((name) => name.slice(0, 200))
  return [...new Set(names)].slice(0, 30)
}

function splitNames(name: string): string[] {
  return name
    .split(/\s*;\s*/)
    .flatMap((part) => {
      const people = part.split(/\s+(?:&|und|and)\s+/)
      // `Schön & Ebner` or `Müller und Sohn`: not two full names, so not split.
      return people.every((p) => /\S\s+\S/.test(p)) ? people : [part]
    })
    .filter((p) => p !== '')
}

/** Follows `next` only within the source's own origin: a feed must not send the harvester elsewhere. */
function sameOrigin(next: string, pageUrl: string, source: Source) {
  const url = absoluteUrl(next, pageUrl)
  const origin = new URL(source.baseUrl).origin
  if (!url || new URL(url).origin !== origin) {
    throw new PageError(`the next-page link "${next.slice(0, 200)}" leaves ${origin}`)
  }
  return { url, method: 'GET' as const }
}
