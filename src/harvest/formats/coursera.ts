// Coursera catalog API (`courses.v1`): pages of courses by `start` offset, with the page's partners and
// instructors in `linked`; each course is one listing (its slug) with one run.
import { z } from 'zod'
import { parseEffort } from '../normalize-effort.ts'
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
  pageJson,
  recordLanguage,
} from './connector.ts'
import { courseraCertificate, courseraSubjects } from './coursera-vocabulary.ts'

const COURSERA = 'https://www.coursera.org'
const FIELDS =
  'name,slug,description,primaryLanguages,subtitleLanguages,workload,partnerIds,instructorIds,domainTypes,photoUrl,certificates,startDate'
const PAGE_SIZE = 100

const text = z.string().nullable().optional().catch(null)
/** Ids arrive as strings ("13") and, from some mirrors, as numbers; anything else is dropped. */
const ids = z
  .array(z.unknown())
  .optional()
  .catch(undefined)
  .transform((list) =>
    (list ?? []).flatMap((v) => (typeof v === 'string' || typeof v === 'number' ? [String(v)] : [])),
  )
const strings = z
  .array(z.unknown())
  .optional()
  .catch(undefined)
  .transform((list) => (list ?? []).filter((v): v is string => typeof v === 'string'))
const id = z.union([z.string().min(1).max(100), z.number().transform(String)])

const Page = z.object({
  elements: z.array(z.unknown()),
  paging: z
    .object({ next: z.union([z.string(), z.number()]).nullable().optional() })
    .nullable()
    .optional(),
  linked: z.record(z.string(), z.unknown()).nullable().optional().catch(null),
})
const Partner = z.object({ id, name: text, shortName: text })
const Instructor = z.object({ id, firstName: text, lastName: text, fullName: text })
type Partner = z.infer<typeof Partner>
type Instructor = z.infer<typeof Instructor>

const References = z.object({ partnerIds: ids, instructorIds: ids })
const Raw = z.object({ element: z.unknown(), partners: z.array(Partner), instructors: z.array(Instructor) })
const Element = z.object({
  id: z.string().min(1).max(255),
  slug: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'is not a Coursera course slug'),
  name: z.string(),
  description: text,
  primaryLanguages: strings,
  subtitleLanguages: strings,
  workload: text,
  partnerIds: ids,
  instructorIds: ids,
  domainTypes: z
    .array(z.object({ domainId: text, subdomainId: text }).catch({ domainId: null, subdomainId: null }))
    .optional()
    .catch(undefined),
  startDate: z.number().nullable().optional().catch(null),
  courseType: text,
  certificates: z.unknown().optional(),
})

export const coursera: Connector = {
  firstPage: (source) => ({ url: pageUrl(source, '0'), method: 'GET' }),

  readPage(page: FetchedPage, source: Source) {
    const json = pageJson(page)
    const parsed = Page.safeParse(json)
    if (!parsed.success)
      throw new PageError(`${page.url} is not a Coursera courses.v1 page: expected "elements"`)
    const partners = linkedList(parsed.data.linked, 'partners.v1', Partner)
    const instructors = linkedList(parsed.data.linked, 'instructors.v1', Instructor)
    // Each record carries its own partners and instructors: parseRecord sees one record at a time.
    const records = parsed.data.elements.map((element) => {
      const refs = References.safeParse(element)
      const { partnerIds, instructorIds } = refs.success ? refs.data : { partnerIds: [], instructorIds: [] }
      return {
        element,
        partners: partners.filter((p) => partnerIds.includes(p.id)),
        instructors: instructors.filter((i) => instructorIds.includes(i.id)),
      }
    })
    const next = parsed.data.paging?.next
    if (next === undefined || next === null || next === '') return { records, next: null }
    return { records, next: { url: pageUrl(source, nextStart(String(next), page.url)), method: 'GET' } }
  },

  parseRecord(raw: unknown, ctx: ParseContext) {
    const wrapped = Raw.safeParse(raw)
    if (!wrapped.success) return rejected(null, 'invalid record: not a page element')
    const { element, partners, instructors } = wrapped.data
    const key =
      typeof element === 'object' && element !== null && 'id' in element && typeof element.id === 'string'
        ? element.id
        : null
    const parsed = Element.safeParse(element)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return rejected(
        key,
        `invalid record: ${issue?.path.join('.') || 'record'} ${issue?.message ?? ''}`.trim(),
      )
    }
    const e = parsed.data
    const title = htmlToText(e.name)
    if (!title) return rejected(e.id, 'the course has no name')
    const institutions = partnerInstitutions(ctx, e.partnerIds, partners)
    if (typeof institutions === 'string') return rejected(e.id, institutions)
    const html = e.description ? descriptionHtml(e.description) : ''
    const description = htmlToText(html)
    const effort = e.workload ? parseEffort(e.workload) : {}
    const weeks = effort.weeks === undefined ? 0 : Math.round(effort.weeks)
    const startsOn = calendarDate(e.startDate)
    const language = e.primaryLanguages.map(normalizeLanguage).find((tag) => tag !== undefined)
    return accepted({
      recordKey: e.id,
      listingKey: e.slug,
      url: `${COURSERA}/learn/${e.slug}`,
      title: title.slice(0, 300),
      language: recordLanguage(ctx, language, title, description),
      summary: description ? excerpt(description, 500) : null,
      description: description || null,
      descriptionHtml: html || null,
      courseNumber: null,
      institutions,
      subjects: courseraSubjects(e.domainTypes ?? [], ctx),
      keywords: [],
      level: null,
      effortHoursPerWeek: effort.hoursPerWeek ?? null,
      weeks: weeks > 0 ? weeks : null,
      instructors: instructorNames(e.instructorIds, instructors),
      subtitleLanguages: normalizeLanguages(e.subtitleLanguages),
      // Coursera names no prices, and whether a course can be audited is not in the feed.
      access: null,
      certificate: courseraCertificate(e.certificates),
      price: null,
      runs: [
        {
          runKey: startsOn ?? 'self-paced',
          // `v2.ondemand` is Coursera's self-paced format (as opposed to `v1.session` runs).
          pacing: !startsOn || /ondemand|self/i.test(e.courseType ?? '') ? 'self' : 'instructor',
          startsOn,
          endsOn: null,
          enrollmentOpensOn: null,
          enrollmentClosesOn: null,
        },
      ],
    })
  },
}

function pageUrl(source: Source, start: string): string {
  const query = `start=${start}&limit=${PAGE_SIZE}&fields=${FIELDS}&includes=partnerIds,instructorIds`
  return `${joinUrl(source.baseUrl, 'courses.v1')}?${query}`
}

/** `paging.next` is the next offset: it must be a number past this page's, or the walk could loop. */
function nextStart(next: string, pageUrl: string): string {
  const current = Number(new URL(pageUrl).searchParams.get('start') ?? '0')
  if (!/^\d{1,9}$/.test(next) || Number(next) <= current)
    throw new PageError(`paging.next "${next.slice(0, 200)}" is not an offset past ${current}`)
  return String(Number(next))
}

function linkedList<T>(
  linked: Record<string, unknown> | null | undefined,
  name: string,
  schema: z.ZodType<T>,
): T[] {
  const list = linked?.[name]
  if (!Array.isArray(list)) return []
  return list.flatMap((item) => {
    const parsed = schema.safeParse(item)
    return parsed.success ? [parsed.data] : []
  })
}

/**
 * Each partner's institution, tried by shortName, then name, then id (what the source's orgMap may
 * map). A partner missing from `linked` is known by id only. Answers a rejection reason when none maps.
 */
function partnerInstitutions(
  ctx: ParseContext,
  partnerIds: string[],
  partners: Partner[],
): string[] | string {
  const found: string[] = []
  const unmapped: string[] = []
  for (const partnerId of partnerIds) {
    const partner = partners.find((p) => p.id === partnerId)
    const candidates = [partner?.shortName, partner?.name, partnerId].filter((c): c is string => Boolean(c))
    const code = candidates.find(
      (c) => Object.hasOwn(ctx.source.orgMap, c) || ctx.institutionIds.has(c.toLowerCase()),
    )
    if (code) found.push(...(institutionsFor(ctx, code) ?? []))
    else
      unmapped.push(
        partner ? `"${partner.shortName ?? partner.name ?? partnerId}" (id ${partnerId})` : `id ${partnerId}`,
      )
  }
  if (found.length > 0) return [...new Set(found)]
  const operator = institutionsFor(ctx, undefined)
  if (operator) return operator
  if (unmapped.length === 0) return 'the course names no partner institution'
  return `partner ${unmapped.join(', ')} is not mapped to an institution; add it to the source's orgMap`
}

function instructorNames(instructorIds: string[], instructors: Instructor[]): string[] {
  const names = instructorIds.map((instructorId) => {
    const i = instructors.find((x) => x.id === instructorId)
    const name = [i?.firstName, i?.lastName].filter(Boolean).join(' ') || i?.fullName || ''
    return htmlToText(name)
  })
  return [...new Set(names.filter((n) => n !== ''))].slice(0, 50)
}

/** Coursera descriptions are mostly plain text with blank lines between paragraphs; some are HTML. */
function descriptionHtml(value: string): string {
  if (/<\/?[a-z][^>]*>|&(?:[a-z]+|#\d+);/i.test(value)) return sanitizeDescription(value, COURSERA)
  const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const paragraphs = escaped.split(/\n\s*\n/).map((p) => `<p>${p.trim().replace(/\n/g, '<br>')}</p>`)
  return sanitizeDescription(paragraphs.join(''), COURSERA)
}

/** The text cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
function excerpt(value: string, max: number): string {
  if (value.length <= max) return value
  const cut = value.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`
}
