// schema.org Course JSON-LD for a course page, shaped for Google's course info rich result (name,
// description, provider, offers, hasCourseInstance with courseMode and courseSchedule or
// courseWorkload) and safe to embed in a <script> element. Only what moocx knows is said: a property
// whose value is unknown is left out rather than guessed.
import { nameIn, type Institution } from '../institutions/institution.ts'
import type { Platform } from '../institutions/platform.ts'
import { labelIn, type Subject } from '../subjects/subject.ts'
import type { Course, Level, Listing, Run } from './course.ts'
import { licenseUrl } from './licence-url.ts'

interface Context {
  institutions: Map<string, Institution>
  subjects: Map<string, Subject>
  platforms: Map<string, Platform>
  url: string
}

type Node = Record<string, unknown>

/** Google's difficulty words for our levels. */
const LEVEL: Record<Level, string> = {
  introductory: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
}

export function courseJsonLd(course: Course, ctx: Context): string {
  return JSON.stringify(courseNode(course, ctx))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
}

function courseNode(course: Course, ctx: Context): Node {
  const active = course.listings.filter((l) => l.status === 'active')
  const instances = active.flatMap((l) => instancesOf(course, l, ctx))
  const offers = active.filter((l) => l.access !== null).map((l) => offerOf(l, ctx))
  const description = course.description ?? course.summary
  const otherLanguages = course.subtitleLanguages.filter((l) => l !== course.language)
  const access = new Set(active.map((l) => l.access))
  const licence = course.license && licenseUrl(course.license)
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    '@id': ctx.url,
    url: ctx.url,
    name: course.title,
    ...(description && { description }),
    ...(course.courseNumber && { courseCode: course.courseNumber }),
    inLanguage: course.language,
    ...(otherLanguages.length > 0 && { availableLanguage: otherLanguages }),
    ...(course.level && { educationalLevel: LEVEL[course.level] }),
    ...(licence && { license: licence }),
    ...(access.has('free') && { isAccessibleForFree: true }),
    ...(access.size === 1 && access.has('paid') && { isAccessibleForFree: false }),
    provider: course.institutions.map((id) => organization(ctx.institutions.get(id), id)),
    about: course.subjects.map((code) => {
      const s = ctx.subjects.get(code)
      return {
        '@type': 'DefinedTerm',
        termCode: code,
        name: s ? labelIn(s, 'en') : code,
        inDefinedTermSet: { '@type': 'DefinedTermSet', name: 'ISCED-F 2013' },
      }
    }),
    ...(instances.length > 0 && { hasCourseInstance: instances }),
    ...(offers.length > 0 && { offers }),
  }
}

function organization(inst: Institution | undefined, id: string): Node {
  if (!inst) return { '@type': 'Organization', name: id }
  return {
    '@type': inst.kind === 'university' ? 'CollegeOrUniversity' : 'Organization',
    name: nameIn(inst.names, 'en'),
    ...(inst.website && { url: inst.website, sameAs: inst.website }),
  }
}

/**
 * One instance per run, past runs included (their dates say they are over); a listing that names no
 * runs is itself one offering, without dates.
 */
function instancesOf(course: Course, listing: Listing, ctx: Context): Node[] {
  const platform = ctx.platforms.get(listing.platformId)
  const organizer = {
    '@type': 'Organization',
    name: platform?.name ?? listing.platformId,
    ...(platform && { url: platform.baseUrl }),
  }
  const base = {
    '@type': 'CourseInstance',
    courseMode: 'Online',
    inLanguage: course.language,
    url: listing.url,
    location: { '@type': 'VirtualLocation', url: listing.url },
    organizer,
    ...(course.instructors.length > 0 && {
      instructor: course.instructors.map((name) => ({ '@type': 'Person', name })),
    }),
  }
  if (listing.runs.length === 0) return [{ ...base, ...workload(course, course.weeks, null) }]
  return listing.runs.map((run) => ({
    ...base,
    ...(run.startsOn && { startDate: run.startsOn }),
    ...(run.endsOn && { endDate: run.endsOn }),
    ...workload(course, course.weeks ?? weeksOf(run), run),
  }))
}

/**
 * The pace as a weekly Schedule (when the number of weeks is known) and the whole workload as an
 * ISO 8601 duration (when the weekly effort is known too): 4 h a week for 6 weeks is PT4H × 6, PT24H.
 */
function workload(course: Course, weeks: number | null, run: Run | null): Node {
  const effort = course.effortHoursPerWeek
  if (weeks === null) return {}
  return {
    courseSchedule: {
      '@type': 'Schedule',
      repeatFrequency: 'Weekly',
      repeatCount: weeks,
      ...(effort !== null && { duration: hours(effort) }),
      ...(run?.startsOn && { startDate: run.startsOn }),
      ...(run?.endsOn && { endDate: run.endsOn }),
    },
    ...(effort !== null && { courseWorkload: hours(effort * weeks) }),
  }
}

/** Whole weeks from a run's first to its last day, when both are known. */
function weeksOf(run: Run): number | null {
  if (!run.startsOn || !run.endsOn) return null
  const days = (Date.parse(run.endsOn) - Date.parse(run.startsOn)) / 86_400_000 + 1
  return Math.max(1, Math.ceil(days / 7))
}

/** An ISO 8601 duration in hours and minutes: 24 → PT24H, 2.5 → PT2H30M. */
function hours(value: number): string {
  const minutes = Math.round(value * 60)
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return `PT${h > 0 || m === 0 ? `${h}H` : ''}${m > 0 ? `${m}M` : ''}`
}

/** Google's course offer categories: Free, Partially Free (free to take, paid certificate), Paid. */
function offerOf(listing: Listing, ctx: Context): Node {
  const category =
    listing.access === 'paid' ? 'Paid' : listing.certificate === 'paid' ? 'Partially Free' : 'Free'
  const platform = ctx.platforms.get(listing.platformId)
  return {
    '@type': 'Offer',
    category,
    url: listing.url,
    ...(category === 'Free' && { price: 0 }),
    ...(category !== 'Free' &&
      listing.price && { price: listing.price.amount, priceCurrency: listing.price.currency }),
    offeredBy: { '@type': 'Organization', name: platform?.name ?? listing.platformId },
  }
}
