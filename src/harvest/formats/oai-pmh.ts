// OAI-PMH 2.0 `ListRecords` in oai_dc or IEEE LOM, as open educational resource repositories publish:
// pages chained by resumption tokens on one endpoint; each record describes a resource, a listing without runs.
import { absoluteUrl } from '../absolute-url.ts'
import { licenseField, type ParseResult } from '../harvest-record.ts'
import { normalizeLanguage } from '../normalize-language.ts'
import { NO_OFFER, type Offer } from '../normalize-offer.ts'
import { htmlToText, sanitizeDescription } from '../sanitize-description.ts'
import type { PageRequest, Source } from '../source.ts'
import {
  accepted,
  deleted,
  institutionOf,
  institutionsFor,
  PageError,
  rejected,
  type Connector,
  type FetchedPage,
  type PageContent,
  type ParseContext,
  keywordWords,
  recordLanguage,
} from './connector.ts'
import { describeLom, lomAccess } from './lom.ts'
import { describeDc } from './oai-dc.ts'
import {
  attr,
  child,
  childrenNamed,
  parseXml,
  XmlElement,
  type Described,
  type LangText,
} from './oai-pmh-xml.ts'

export const oaiPmh: Connector = {
  /**
   * `?verb=ListRecords&metadataPrefix=…[&set=…][&from=…]`, prefix and set read from the source URL's
   * query. `from` is the repository's responseDate when the last successful pass began (seconds); a
   * repository that only takes days refuses it with badArgument and is asked again by the day (records
   * of that day seen again cost nothing: their content hash is unchanged).
   */
  firstPage(source, since) {
    const { endpoint, metadataPrefix, set } = endpointOf(source)
    const setArgument = set ? `&set=${encodeURIComponent(set)}` : ''
    const fromArgument = since ? `&from=${since}` : ''
    return {
      url: `${endpoint}?verb=ListRecords&metadataPrefix=${encodeURIComponent(metadataPrefix)}${setArgument}${fromArgument}`,
      method: 'GET',
    }
  },

  readPage(page: FetchedPage, source: Source): PageContent {
    const root = parseXml(page.text, page.url)
    if (root.name !== 'OAI-PMH')
      throw new PageError(`${page.url} is not an OAI-PMH response (its root element is <${root.name}>)`)
    const errors = childrenNamed(root, 'error')
    if (errors.length > 0) return fromErrors(errors, page.url)
    const responseDate = child(root, 'responseDate')?.text ?? ''
    const upstreamDate = SECONDS.test(responseDate) ? { upstreamDate: responseDate } : {}
    const list = child(root, 'ListRecords')
    if (!list)
      throw new PageError(`${page.url} is not a ListRecords response: no <ListRecords> and no <error>`)
    // The resumption token is an exclusive argument; built on the endpoint, so it cannot lead elsewhere.
    const token = child(list, 'resumptionToken')?.text ?? ''
    const next: PageRequest | null = token
      ? {
          url: `${endpointOf(source).endpoint}?verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`,
          method: 'GET',
        }
      : null
    return { records: childrenNamed(list, 'record'), next, ...upstreamDate }
  },

  /** A pass that asks only for records changed `from` a date does not see the others. */
  isFullPass(first) {
    return !URL.canParse(first.url) || !new URL(first.url).searchParams.has('from')
  },

  parseRecord(raw: unknown, ctx: ParseContext): ParseResult {
    const parsed = XmlElement.safeParse(raw)
    if (!parsed.success || parsed.data.name !== 'record') return rejected(null, 'not an OAI-PMH <record>')
    const header = child(parsed.data, 'header')
    const id = header && child(header, 'identifier')?.text
    if (!header || !id) return rejected(null, 'the record header has no identifier')
    if (id.length > 255) return rejected(id.slice(0, 255), 'the identifier is longer than 255 characters')
    if (attr(header, 'status') === 'deleted') return deleted(id)
    const metadata = child(parsed.data, 'metadata')?.children[0]
    if (!metadata) return rejected(id, 'the record has no metadata')
    // Dublin Core has no price (dc:rights is a licence); LOM says whether using the resource costs.
    if (metadata.name === 'dc') return toRecord(id, describeDc(metadata), NO_OFFER, ctx)
    if (metadata.name === 'lom')
      return toRecord(id, describeLom(metadata), { ...NO_OFFER, access: lomAccess(metadata) }, ctx)
    return rejected(id, `metadata in <${metadata.name.slice(0, 50)}> is not read; harvest oai_dc or lom`)
  },
}

/** The endpoint without its query, and the metadataPrefix (default oai_dc) and set the query names. */
export function endpointOf(source: Source): { endpoint: string; metadataPrefix: string; set: string | null } {
  const url = new URL(source.baseUrl)
  const metadataPrefix = url.searchParams.get('metadataPrefix') || 'oai_dc'
  const set = url.searchParams.get('set') || null
  url.search = ''
  url.hash = ''
  return { endpoint: url.href, metadataPrefix, set }
}

const SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/

/**
 * `noRecordsMatch` is an empty list; badArgument to a `from` in seconds is asked again by the day (the
 * repository's granularity is days); every other OAI-PMH error fails the page.
 */
function fromErrors(errors: XmlElement[], url: string): PageContent {
  if (errors.every((e) => attr(e, 'code') === 'noRecordsMatch')) return { records: [], next: null }
  const from = URL.canParse(url) ? new URL(url).searchParams.get('from') : null
  if (from && SECONDS.test(from) && errors.every((e) => attr(e, 'code') === 'badArgument')) {
    const byDay = new URL(url)
    byDay.searchParams.set('from', from.slice(0, 10))
    return { records: [], next: { url: byDay.href, method: 'GET' } }
  }
  const described = errors
    .map((e) => `${attr(e, 'code') ?? 'without a code'}${e.text ? ` (${e.text.slice(0, 300)})` : ''}`)
    .join('; ')
  throw new PageError(`the repository answered with OAI-PMH error ${described} to ${url}`)
}

function toRecord(id: string, d: Described, offer: Offer, ctx: ParseContext): ParseResult {
  const declaredLanguage = d.languages.map(normalizeLanguage).find((tag) => tag !== undefined)
  const title = pick(d.titles, declaredLanguage)
  const text = title ? htmlToText(title.text).slice(0, 300) : ''
  if (!title || !text) return rejected(id, 'the record has no title')
  const url = d.urls
    .filter((u) => /^\s*https?:\/\//i.test(u))
    .map((u) => absoluteUrl(u, ctx.source.baseUrl))
    .find((u) => u !== undefined)
  if (!url) return rejected(id, 'no http(s) URL of the resource (dc:identifier or LOM technical/location)')
  const institutions = institutionsOf(ctx, d.organizations)
  if (!institutions)
    return rejected(
      id,
      `no creator or publisher (${d.organizations.slice(0, 5).join(', ') || 'none given'}) is mapped to an institution; add one to the source's orgMap`,
    )
  const language = declaredLanguage ?? (title.language && normalizeLanguage(title.language))
  const descriptionSource = pick(d.descriptions, declaredLanguage)?.text
  const html = descriptionSource ? sanitizeDescription(descriptionSource, url) : ''
  const description = html ? htmlToText(html) : ''
  return accepted({
    recordKey: id,
    listingKey: id,
    url,
    title: text,
    language: recordLanguage(ctx, language, text, description),
    summary: description ? excerpt(description, 500) : null,
    description: description || null,
    descriptionHtml: html || null,
    courseNumber: null,
    institutions,
    subjects: subjectCodes(d.subjects, ctx.subjectCodes),
    keywords: keywordWords(d.subjects.filter((s) => subjectCodes([s], ctx.subjectCodes).length === 0)),
    level: null,
    effortHoursPerWeek: d.hoursPerWeek,
    weeks: d.weeks,
    instructors: [],
    subtitleLanguages: [],
    ...offer,
    ...licenseField(d.license),
    runs: [],
  })
}

/** The text in the record's language (same primary language subtag), else the first. */
function pick(texts: LangText[], language: string | undefined): LangText | undefined {
  const primary = (tag: string | undefined) => tag?.split('-')[0]?.toLowerCase()
  const wanted = primary(language)
  const inLanguage = wanted
    ? texts.find((t) => t.language && primary(normalizeLanguage(t.language)) === wanted)
    : undefined
  return inLanguage ?? texts[0]
}

/**
 * Every organization the source maps, that is an institution id, or that is an institution's name in
 * any language (so one moocx node reads another's records with no map), in order; else the platform's.
 */
function institutionsOf(ctx: ParseContext, organizations: string[]): string[] | undefined {
  const known = organizations.flatMap((o) => {
    const id = institutionOf(ctx, o) ?? ctx.institutionNames?.get(o.trim().toLowerCase())
    return id ? [id] : []
  })
  return known.length > 0 ? [...new Set(known)].slice(0, 20) : institutionsFor(ctx, undefined)
}

/**
 * ISCED-F codes at the start of subject texts (`0611`, `061 Computer use`, `ISCED-F 2013: 06`) that
 * exist; a number elsewhere in a subject (`Mathematics 101`) is not read as a code.
 */
function subjectCodes(subjects: string[], known: ReadonlySet<string>): string[] {
  const codes = new Set<string>()
  for (const subject of subjects) {
    const code = /^\s*(?:ISCED(?:[- ]?F)?(?:[- ]?2013)?\s*[:-]?\s*)?(\d{2,4})(?!\d)/i.exec(subject)?.[1]
    if (code && known.has(code)) codes.add(code)
  }
  return [...codes]
}

/** At most `max` characters, cut at a word when one ends near the limit. */
function excerpt(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > max - 100 ? cut.slice(0, space) : cut}…`
}
