// MOOChub, the JSON:API course feed of German-speaking MOOC platforms (`GET {api}/courses?page=N`): one
// record per course, its runs given as start dates; v3 (`type: "Course"`) is asked for, v2 read as well.
import { z } from 'zod'
import { Level } from '../../catalog/course.ts'
import { absoluteUrl } from '../absolute-url.ts'
import { licenseField } from '../harvest-record.ts'
import { parseWorkload } from '../normalize-effort.ts'
import { normalizeLanguages } from '../normalize-language.ts'
import { htmlToText, sanitizeDescription } from '../sanitize-description.ts'
import type { Source } from '../source.ts'
import {
  accepted,
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
import { moochubLicense } from './moochub-license.ts'
import { moochubOffer } from './moochub-offer.ts'
import { moocxInstitutionId, Party, peopleOf } from './moochub-parties.ts'
import { runsOf, weeksOf } from './moochub-runs.ts'
import { sameOriginNext } from './next-link.ts'

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
    access: z.unknown().optional(),
    offer: z.unknown().optional(),
    license: z.unknown().optional(),
    courseLicenses: z.unknown().optional(),
  }),
  // What moocx says beyond MOOChub, in the resource's JSON:API `meta` (publish/moochub).
  meta: z
    .object({ level: Level.optional().catch(undefined) })
    .optional()
    .catch(undefined),
})
type Attributes = z.infer<typeof Resource>['attributes']

/** Asks for v3; a platform that speaks only v2 answers v2, which parseRecord reads as well. */
export const MOOCHUB_ACCEPT = 'application/vnd.api+json; moochub-version=3'

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
    return { records: parsed.data.data, next: next ? sameOriginNext(next, page.url, source) : null }
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
    const parties = [a.creator, a.publisher, a.partnerInstitute, a.partnerInstitutes, a.moocProvider].flat()
    const orgs = [
      ...new Set(parties.map((o) => htmlToText(o.name).slice(0, 100)).filter((name) => name !== '')),
    ]
    const institutions = institutionsOf(
      ctx,
      orgs,
      parties.flatMap((p) => moocxInstitutionId(p, ctx) ?? []),
    )
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
      language: recordLanguage(ctx, normalizeLanguages(a.inLanguage ?? a.languages)[0], title, a.abstract),
      summary: a.abstract ? htmlToText(a.abstract).slice(0, 500) || null : null,
      description: html ? htmlToText(html) || null : null,
      descriptionHtml: html || null,
      courseNumber: a.courseCode ? htmlToText(a.courseCode).slice(0, 100) || null : null,
      institutions,
      subjects: subjectsOf(a, ctx),
      keywords: keywordWords(a.keywords.filter((k) => !/^(mooc|self[-\s]?paced|selbstlern)/i.test(k))),
      level: parsed.data.meta?.level ?? levelOf(a),
      effortHoursPerWeek: parseWorkload(a.workload).hoursPerWeek ?? null,
      weeks: weeksOf(a.duration, runs),
      instructors: peopleOf([...a.instructor, ...a.instructors]),
      subtitleLanguages: [],
      ...moochubOffer(a.access, a.offer),
      ...licenseField(moochubLicense(a.license, a.courseLicenses)),
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

/**
 * Every organization name the source maps, in order, with the institutions another moocx node names
 * by id; else the platform's operator.
 */
function institutionsOf(ctx: ParseContext, names: string[], ids: string[]): string[] | undefined {
  const mappedOnly = { ...ctx, platform: { ...ctx.platform, institutionId: null } }
  const found = new Set([...names.flatMap((name) => institutionsFor(mappedOnly, name) ?? []), ...ids])
  return found.size > 0 ? [...found] : institutionsFor(ctx, undefined)
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
