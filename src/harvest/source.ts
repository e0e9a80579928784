// Source: a harvest endpoint (platform + format + URL + schedule), and Harvest run: one execution.
import { z } from 'zod'
import { HttpUrl, LanguageTag, Slug } from '../shared/vocab.ts'

export const SourceFormat = z.enum([
  'openedx-courses',
  'edx-search',
  'course-discovery',
  'moochub',
  'oai-pmh',
  'coursera',
  'csv',
  'jsonld-sitemap',
])
export type SourceFormat = z.infer<typeof SourceFormat>

export const SourceStatus = z.enum(['active', 'paused'])
export const HarvestRunStatus = z.enum(['running', 'succeeded', 'failed', 'interrupted'])
export type HarvestRunStatus = z.infer<typeof HarvestRunStatus>

/** Upstream organization codes (Open edX `org`, MOOChub publisher) → institution ids. */
export const OrgMap = z.record(z.string().min(1).max(100), Slug)
export type OrgMap = z.infer<typeof OrgMap>

/** A page to fetch; saved as the cursor so an interrupted pass resumes where it stopped. */
export const PageRequest = z.object({
  url: z.string(),
  method: z.enum(['GET', 'POST']).default('GET'),
  body: z.string().optional(),
  /** The connector's own position carried with the request (e.g. how far into a long sitemap); never sent. */
  state: z.string().optional(),
})
export type PageRequest = z.infer<typeof PageRequest>

/**
 * Where an interrupted pass resumes. `full`: the pass covers the whole feed, so what it did not see
 * is withdrawn at its end (a resumed incremental pass must not withdraw what it was never sent).
 */
export const Cursor = z.object({
  generation: z.string(),
  next: PageRequest,
  full: z.boolean().default(false),
  /** The upstream's time when the pass began, saved for the next incremental pass when it succeeds. */
  upstreamDate: z.string().max(40).optional(),
})
export type Cursor = z.infer<typeof Cursor>

export const Source = z
  .object({
    id: z.string(),
    platformId: z.string(),
    format: SourceFormat,
    baseUrl: z.string(),
    defaultLanguage: z
      .string()
      .nullable()
      .meta({ description: 'Language of records that do not say theirs' }),
    hasCredentials: z
      .boolean()
      .meta({ description: 'Credentials are never shown, only whether some are set' }),
    scheduleMinutes: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Harvest every N minutes; null = only on request' }),
    orgMap: OrgMap,
    ratePerMinute: z.number().int(),
    status: SourceStatus,
    failures: z.number().int().meta({ description: 'Consecutive failed runs; at 5 the source is paused' }),
    pausedReason: z.string().nullable(),
    lastRunAt: z.string().nullable(),
    nextRunAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Source' })
export type Source = z.infer<typeof Source>

export const SourceCreate = z
  .strictObject({
    id: Slug.optional(),
    platformId: Slug,
    format: SourceFormat,
    baseUrl: HttpUrl,
    defaultLanguage: LanguageTag.nullable().optional(),
    credentials: z.record(z.string(), z.string().max(2000)).nullable().optional(),
    scheduleMinutes: z
      .number()
      .int()
      .min(5)
      .max(60 * 24 * 31)
      .nullable()
      .optional(),
    orgMap: OrgMap.default({}),
    ratePerMinute: z.number().int().min(1).max(60_000).default(20),
  })
  .meta({ id: 'SourceCreate' })
export type SourceCreate = z.infer<typeof SourceCreate>

export const SourceUpdate = SourceCreate.omit({ id: true, platformId: true, format: true })
  .partial()
  .extend({
    status: SourceStatus.optional().meta({
      description: 'Pause or resume; resuming clears the failure count',
    }),
  })
  .meta({ id: 'SourceUpdate' })
export type SourceUpdate = z.infer<typeof SourceUpdate>

export const HarvestRun = z
  .object({
    id: z.string(),
    sourceId: z.string(),
    generation: z.string(),
    status: HarvestRunStatus,
    complete: z.boolean().meta({ description: 'The pass reached the end of the feed (withdrawals apply)' }),
    seen: z.number().int(),
    added: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    withdrawn: z.number().int(),
    rejected: z.number().int(),
    error: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    durationMs: z.number().int().nullable(),
  })
  .meta({ id: 'HarvestRun' })
export type HarvestRun = z.infer<typeof HarvestRun>

export const Rejection = z
  .object({ recordKey: z.string().nullable(), reason: z.string(), createdAt: z.string() })
  .meta({ id: 'Rejection' })
export type Rejection = z.infer<typeof Rejection>

/** Consecutive failures after which a source is paused and flagged. */
export const MAX_FAILURES = 5
