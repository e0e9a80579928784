// What every format connector provides: where a pass starts, how a fetched page splits into raw
// records and the next page, and how one raw record becomes a HarvestRecord or a rejection.
import type { Platform } from '../../institutions/platform.ts'
import { languageOfText } from '../detect-language.ts'
import type { HarvestRecord, ParseResult, Rejected } from '../harvest-record.ts'
import type { PageRequest, Source } from '../source.ts'

export interface ParseContext {
  source: Source
  platform: Platform
  /** Ids of every institution, to accept an organization code that is already an institution id. */
  institutionIds: ReadonlySet<string>
  /** Every institution's names in every language, lower-cased → its id (absent: names are not matched). */
  institutionNames?: ReadonlyMap<string, string>
  /** Every ISCED-F code. */
  subjectCodes: ReadonlySet<string>
}

export interface FetchedPage {
  url: string
  text: string
}

export interface PageContent {
  records: unknown[]
  /** Entries the page itself shows to be unusable (a sitemap link to another host). */
  rejected?: Rejected[]
  next: PageRequest | null
  /**
   * The upstream's own time of this answer (an OAI-PMH responseDate). The first page's is kept, and
   * after a successful pass it is the `since` of the next incremental one.
   */
  upstreamDate?: string
}

/** What a connector may use before a pass: the source's credentials and the pass's HTTP client. */
export interface AuthorizeContext {
  source: Source
  credentials: Readonly<Record<string, string>>
  /** Fetches with the pass's policy, rate limit and retries; throws UpstreamError. */
  fetch: (
    request: PageRequest & { headers?: Record<string, string> },
  ) => Promise<FetchedPage & { status: number }>
}

export interface Connector {
  /**
   * Where a pass starts. `since` is given when an incremental pass is wanted: the day the last
   * successful pass started (YYYY-MM-DD), or, for formats whose pages say the upstream's time
   * (`upstreamDate`), that time when the last successful pass began (YYYY-MM-DDThh:mm:ssZ).
   * Formats that cannot ask for changes only ignore it.
   */
  firstPage(source: Source, since?: string | null): PageRequest
  /**
   * Runs once before a pass and returns headers for every request of it, e.g. an OAuth2 bearer
   * token obtained with the source's client credentials. Throws PageError when it cannot.
   */
  authorize?(ctx: AuthorizeContext): Promise<Record<string, string>>
  /** Headers every request of this format sends (e.g. content negotiation). */
  headers?: Record<string, string>
  /**
   * Splits a page; throws PageError when the page itself is unusable. `request` is what was asked
   * for, with the connector's state. A `next` that differs from `request` only in state is read
   * from the same text, not fetched again.
   */
  readPage(page: FetchedPage, source: Source, request?: PageRequest): PageContent
  /**
   * For feeds that list links rather than records (a sitemap): the page a raw record points to.
   * The runner fetches it with the pass's rate limit and retries and hands parseRecord a
   * LinkedRecord. A failure of that page alone (4xx, a redirect to another host, not UTF-8, too
   * large) rejects that record; an upstream failure (timeout, 5xx, 429) ends the run, which resumes
   * from the same position later.
   */
  linkedPage?(raw: unknown): PageRequest

  /**
   * Whether a pass starting at `first` covers the whole feed, so that listings it does not see are
   * withdrawn. Incremental passes (OAI-PMH `from`) are not. Default: true.
   */
  isFullPass?(first: PageRequest): boolean
  parseRecord(raw: unknown, ctx: ParseContext): ParseResult
}

/** What parseRecord receives for a connector with linkedPage: the raw link and the page it points to. */
export interface LinkedRecord {
  link: unknown
  page: FetchedPage
}

/** A page that cannot be read at all (not JSON, wrong shape): the run fails with this reason. */
export class PageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PageError'
  }
}

/** A fetched page read as JSON; text that is not JSON fails the page with the parser's message. */
export function pageJson(page: FetchedPage): unknown {
  try {
    return JSON.parse(page.text)
  } catch (error) {
    throw new PageError(
      `${page.url} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

export function rejected(key: string | null, reason: string): ParseResult {
  return { rejected: { key, reason } }
}

export function accepted(record: HarvestRecord): ParseResult {
  return { record }
}

export function deleted(recordKey: string): ParseResult {
  return { deleted: recordKey }
}

/** The institutions a record belongs to: the source's org map, an org code that is an institution id, or the platform's operator. */
export function institutionsFor(ctx: ParseContext, orgCode: string | undefined): string[] | undefined {
  const found = orgCode ? institutionOf(ctx, orgCode) : undefined
  if (found) return [found]
  return ctx.platform.institutionId ? [ctx.platform.institutionId] : undefined
}

/** The institution an upstream organization code names: through the source's orgMap, else as an id. */
export function institutionOf(ctx: ParseContext, orgCode: string): string | undefined {
  const mapped = Object.hasOwn(ctx.source.orgMap, orgCode) ? ctx.source.orgMap[orgCode] : undefined
  if (mapped) return mapped
  const direct = orgCode.toLowerCase()
  return ctx.institutionIds.has(direct) ? direct : undefined
}

/**
 * A record's language: what the feed states; else what its title and summary show (the Open edX
 * Courses API states none), with the source's declared language winning when they agree or the
 * text does not tell; else `und`.
 */
export function recordLanguage(
  ctx: ParseContext,
  stated: string | null | undefined,
  title: string,
  summary?: string | null,
): string {
  if (stated) return stated
  const text = summary ? `${title}. ${summary.replace(/<[^>]*>|&[#\w]+;/g, ' ')}` : title
  return languageOfText(ctx.source.defaultLanguage, text) ?? 'und'
}

/** A timestamp or date string as a calendar date (YYYY-MM-DD), or null. */
export function calendarDate(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null
  const date =
    typeof value === 'number' ? new Date(value) : new Date(value.length === 10 ? `${value}T00:00:00Z` : value)
  if (Number.isNaN(date.getTime())) return null
  const iso = date.toISOString().slice(0, 10)
  return iso >= '1990-01-01' && iso <= '2200-12-31' ? iso : null
}

/** Subject words worth keeping: trimmed, plain text, 2–100 characters, at most 20, no repeats. */
export function keywordWords(words: readonly unknown[]): string[] {
  const kept = words
    .filter((w): w is string => typeof w === 'string')
    .map((w) =>
      w
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((w) => w.length >= 2 && w.length <= 100)
  return [...new Map(kept.map((w) => [w.toLowerCase(), w])).values()].slice(0, 20)
}

/** Joins a URL to a base path, keeping exactly one slash between them. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
}
