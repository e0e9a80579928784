// Course, Listing and Run: the catalog's types, input schemas and pure rules (availability).
import { z } from 'zod'
import { CalendarDate, HttpUrl, LanguageTag, Slug } from '../shared/vocab.ts'

export const Level = z.enum(['introductory', 'intermediate', 'advanced'])
export const Pacing = z.enum(['instructor', 'self'])
export const ListingStatus = z.enum(['active', 'withdrawn'])
export const Origin = z.enum(['demo', 'manual', 'harvest'])
export const Availability = z.enum(['current', 'starting-soon', 'upcoming', 'self-paced', 'archived'])
/** Whether a course can be taken without paying; auditing for free counts as free. */
export const Access = z.enum(['free', 'paid'])
/** Whether a certificate is offered, and whether it costs. */
export const Certificate = z.enum(['none', 'free', 'paid'])
export const Money = z
  .object({
    amount: z.number().nonnegative().max(10_000_000),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as EUR'),
  })
  .meta({ id: 'Money' })
export type Level = z.infer<typeof Level>
export type Pacing = z.infer<typeof Pacing>
export type Origin = z.infer<typeof Origin>
export type Availability = z.infer<typeof Availability>
export type Access = z.infer<typeof Access>
export type Certificate = z.infer<typeof Certificate>
export type Money = z.infer<typeof Money>

/** What a listing costs; every field null when the platform does not say. */
const offerFields = {
  access: Access.nullable().meta({ description: 'free: can be taken without paying (auditing counts)' }),
  certificate: Certificate.nullable().meta({
    description: 'Whether a certificate is offered and if it costs',
  }),
  price: Money.nullable().meta({
    description: 'The lowest price the platform names: for access when paid, else for the certificate',
  }),
}

export const AVAILABILITIES: readonly Availability[] = Availability.options
/** A run starting within this many days is "starting soon"; later ones are "upcoming". */
export const STARTING_SOON_DAYS = 30

export const Run = z
  .object({
    id: z.string(),
    listingId: z.string(),
    runKey: z.string().nullable(),
    pacing: Pacing,
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    enrollmentOpensOn: z.string().nullable(),
    enrollmentClosesOn: z.string().nullable(),
    availability: Availability,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Run' })
export type Run = z.infer<typeof Run>

export const Listing = z
  .object({
    id: z.string(),
    courseId: z.string(),
    platformId: z.string(),
    platformKey: z.string().meta({ example: 'course-v1:SPbU+PHILOS+2026' }),
    url: z.string(),
    status: ListingStatus,
    origin: Origin,
    ...offerFields,
    runs: z.array(Run),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Listing' })
export type Listing = z.infer<typeof Listing>

export const Course = z
  .object({
    id: z.string(),
    language: z.string().meta({ description: 'BCP-47 tag of the language of instruction and of this text' }),
    title: z.string(),
    summary: z.string().nullable(),
    description: z.string().nullable(),
    level: Level.nullable(),
    effortHoursPerWeek: z.number().nullable(),
    weeks: z.number().int().nullable(),
    courseNumber: z.string().nullable(),
    instructors: z.array(z.string()),
    subtitleLanguages: z.array(z.string()),
    translationGroup: z.string().nullable(),
    license: z
      .string()
      .nullable()
      .meta({ description: 'SPDX licence identifier (CC-BY-SA-4.0) or "proprietary"; null: not stated' }),
    origin: Origin.meta({ description: '"demo" marks the seeded demonstration catalog' }),
    institutions: z.array(z.string()),
    subjects: z.array(z.string()).meta({ description: 'ISCED-F 2013 codes' }),
    keywords: z.array(z.string()).meta({ description: 'Subject words from the feed not mapped to ISCED-F' }),
    availability: z.array(Availability),
    listings: z.array(Listing),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Course' })
export type Course = z.infer<typeof Course>

/** An SPDX licence identifier (`CC-BY-4.0`, `MIT`) or `proprietary`. */
export const License = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9.+-]{0,63}$/,
    'must be an SPDX licence identifier such as CC-BY-4.0, or proprietary',
  )

const SubjectCode = z.string().regex(/^\d{2,4}$/, 'must be an ISCED-F 2013 code such as 0613')

export const CourseCreate = z
  .strictObject({
    id: Slug.optional(),
    language: LanguageTag,
    title: z.string().trim().min(1).max(300),
    summary: z.string().trim().max(500).nullable().optional(),
    description: z.string().trim().max(20_000).nullable().optional(),
    level: Level.nullable().optional(),
    effortHoursPerWeek: z.number().positive().max(80).nullable().optional(),
    weeks: z.number().int().positive().max(520).nullable().optional(),
    courseNumber: z.string().trim().min(1).max(64).nullable().optional(),
    instructors: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    subtitleLanguages: z.array(LanguageTag).max(50).default([]),
    translationGroup: Slug.nullable().optional(),
    license: License.nullable().optional(),
    institutions: z.array(Slug).min(1, 'a course needs at least one institution').max(20),
    subjects: z.array(SubjectCode).max(20).default([]),
  })
  .meta({ id: 'CourseCreate' })
export type CourseCreate = z.infer<typeof CourseCreate>

export const CourseUpdate = CourseCreate.omit({ id: true })
  .partial()
  .extend({
    instructors: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
    subtitleLanguages: z.array(LanguageTag).max(50).optional(),
    subjects: z.array(SubjectCode).max(20).optional(),
  })
  .meta({ id: 'CourseUpdate' })
export type CourseUpdate = z.infer<typeof CourseUpdate>

export const ListingCreate = z
  .strictObject({
    platformId: Slug,
    platformKey: z.string().trim().min(1).max(255),
    url: HttpUrl,
    status: ListingStatus.default('active'),
    access: offerFields.access.optional(),
    certificate: offerFields.certificate.optional(),
    price: offerFields.price.optional(),
  })
  .meta({ id: 'ListingCreate' })
export type ListingCreate = z.infer<typeof ListingCreate>

export const ListingUpdate = z
  .strictObject({ url: HttpUrl, status: ListingStatus, ...offerFields })
  .partial()
  .meta({ id: 'ListingUpdate' })
export type ListingUpdate = z.infer<typeof ListingUpdate>

const runFields = {
  runKey: z.string().trim().min(1).max(255).nullable().optional(),
  pacing: Pacing,
  startsOn: CalendarDate.nullable().optional(),
  endsOn: CalendarDate.nullable().optional(),
  enrollmentOpensOn: CalendarDate.nullable().optional(),
  enrollmentClosesOn: CalendarDate.nullable().optional(),
}

export const RunCreate = z.strictObject(runFields).superRefine(checkRunDates).meta({ id: 'RunCreate' })
export type RunCreate = z.infer<typeof RunCreate>

export const RunUpdate = z
  .strictObject({ ...runFields, pacing: Pacing.optional() })
  .superRefine(checkRunDates)
  .meta({ id: 'RunUpdate' })
export type RunUpdate = z.infer<typeof RunUpdate>

export interface RunDates {
  pacing: Pacing
  startsOn?: string | null | undefined
  endsOn?: string | null | undefined
  enrollmentOpensOn?: string | null | undefined
  enrollmentClosesOn?: string | null | undefined
}

/** Dates must be in order: a run cannot end before it starts, nor enrollment close before it opens. */
export function runDateProblems(run: Partial<RunDates>): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = []
  if (run.startsOn && run.endsOn && run.endsOn < run.startsOn) {
    problems.push({ field: 'endsOn', message: 'must not be before startsOn' })
  }
  if (run.enrollmentOpensOn && run.enrollmentClosesOn && run.enrollmentClosesOn < run.enrollmentOpensOn) {
    problems.push({ field: 'enrollmentClosesOn', message: 'must not be before enrollmentOpensOn' })
  }
  return problems
}

function checkRunDates(run: Partial<RunDates>, ctx: z.RefinementCtx): void {
  for (const p of runDateProblems(run)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message })
}

/** Where one run stands on `today` (YYYY-MM-DD). Mirrored in SQL by course-filters.ts. */
export function runAvailability(run: RunDates, today: string): Availability {
  const soon = addDays(today, STARTING_SOON_DAYS)
  if (run.endsOn && run.endsOn < today) return 'archived'
  if (run.startsOn && run.startsOn > soon) return 'upcoming'
  if (run.startsOn && run.startsOn > today) return 'starting-soon'
  return run.pacing === 'self' ? 'self-paced' : 'current'
}

/** A course is archived only when every run has ended; otherwise it is everything its live runs are. */
export function courseAvailability(runs: readonly RunDates[], today: string): Availability[] {
  const found = new Set(runs.map((run) => runAvailability(run, today)))
  if (found.size > 1) found.delete('archived')
  return AVAILABILITIES.filter((a) => found.has(a))
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
