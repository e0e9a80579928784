// One course as a MOOChub v3 resource object (test/fixtures/moochub/moochub-schema.json), written so
// that moocx's own MOOChub connector reads it back alike on another node: institutions by their page.
import type { Course, Run } from '../../catalog/course.ts'
import type { Institution } from '../../institutions/institution.ts'
import { nameIn } from '../../institutions/institution.ts'
import type { Names, PublishedRecord } from '../record.ts'
import type {
  MoochubAlignment,
  MoochubAttributes,
  MoochubCourse,
  MoochubOrganization,
} from './moochub-types.ts'
import { dateTime, escapeHtml, licenses, moochubId, offerOf, textToHtml, workload } from './moochub-values.ts'

/** A live record: its course is there and has at least one active listing. */
export type LiveRecord = PublishedRecord & { course: Course }

/** Whether a record is live (MOOChub publishes only those: it has no way to say deleted). */
export function isLive(record: PublishedRecord): record is LiveRecord {
  return record.course !== null
}

const ISCED_F_2013 =
  'http://uis.unesco.org/sites/default/files/documents/international-standard-classification-of-education-fields-of-education-and-training-2013-detailed-field-descriptions-2015-en.pdf'

export function moochubResource(record: LiveRecord, names: Names, publicUrl: string): MoochubCourse {
  const course = record.course
  // The first active listing is where the course is taken: its URL, platform and offer are published.
  const [listing] = course.listings
  const runs = course.listings.flatMap((l) => l.runs)
  const organizations = course.institutions.map((id) =>
    organization(id, names.institutions.get(id), publicUrl),
  )
  const [publisher = platformOrganization(listing?.platformId, names)] = organizations
  const effort = workload(course.effortHoursPerWeek)
  const attributes: MoochubAttributes = {
    name: course.title,
    courseCode: course.courseNumber,
    learningResourceType: {
      identifier: 'https://w3id.org/kim/hcrt/course',
      type: 'Concept',
      inScheme: 'https://w3id.org/kim/hcrt/scheme',
    },
    courseMode:
      runs.length > 0 && runs.every((r) => r.pacing === 'self') ? ['online', 'asynchronous'] : ['online'],
    description: textToHtml(course.description),
    abstract: course.summary ? escapeHtml(course.summary) : null,
    inLanguage: course.language === 'und' ? null : [course.language],
    ...runDates(runs),
    ...application(runs),
    ...(course.weeks ? { duration: `P${course.weeks}W` } : {}),
    ...(effort ? { workload: effort } : {}),
    // v3 wants unique items; a course may name one person twice.
    instructor: [...new Set(course.instructors)].map((name) => ({ type: 'Person', name })),
    creator: organizations.length > 0 ? organizations : [publisher],
    publisher,
    url: listing?.url ?? `${publicUrl}/courses/${encodeURIComponent(course.id)}`,
    license: licenses(course.license),
    ...(listing ? offerOf(listing) : {}),
    educationalAlignment: course.subjects.map((code) => alignment(code, names)),
    keywords: course.keywords.length > 0 ? [...new Set(course.keywords)] : null,
    dateCreated: course.createdAt,
    dateModified: record.changedAt,
  }
  return {
    type: 'Course',
    id: moochubId(course.id, publicUrl),
    attributes,
    meta: course.level ? { level: course.level } : {},
    links: { self: `${publicUrl}/api/moochub/courses/${encodeURIComponent(course.id)}` },
  }
}

/**
 * An institution: its English name, its website, and its page on this node as `identifier`, which
 * another moocx node maps to the institution of the same id without configuration.
 */
function organization(
  id: string,
  institution: Institution | undefined,
  publicUrl: string,
): MoochubOrganization {
  const page = `${publicUrl}/institutions/${encodeURIComponent(id)}`
  return {
    type: 'Organization',
    name: (institution && nameIn(institution.names, 'en')) || id,
    url: institution?.website ?? page,
    identifier: page,
    ...(institution?.logoUrl
      ? {
          // A logo is the institution's mark: no licence to reuse it is granted.
          image: { type: 'ImageObject', contentUrl: institution.logoUrl, license: licenses('proprietary') },
        }
      : {}),
  }
}

/** The platform as the publisher of a course that names no institution (v3 requires one). */
function platformOrganization(platformId: string | undefined, names: Names): MoochubOrganization {
  const platform = platformId === undefined ? undefined : names.platforms.get(platformId)
  return {
    type: 'Organization',
    name: platform?.name ?? platformId ?? 'moocx',
    url: platform?.baseUrl ?? null,
  }
}

function alignment(code: string, names: Names): MoochubAlignment {
  const labels = Object.entries(names.subjects.get(code)?.labels ?? {}).filter(([, label]) => label !== '')
  return {
    type: 'EducationalAlignment',
    alignmentType: 'educationalSubject',
    educationalFramework: 'ISCED-F',
    educationalFrameworkVersion: '2013',
    url: ISCED_F_2013,
    name:
      labels.length > 0
        ? labels.map(([inLanguage, name]) => ({ inLanguage, name }))
        : [{ inLanguage: 'en', name: code }],
    shortCode: code,
    targetUrl: `http://data.europa.eu/esco/isced-f/${code}`,
  }
}

/**
 * The runs' start and end dates. When every run has both and no two share either, the end dates follow
 * the order of the start dates, so a reader can pair them by position even when runs overlap (a
 * year-long self-paced run beside a summer session); otherwise each list is sorted on its own.
 */
function runDates(runs: Run[]): Pick<MoochubAttributes, 'startDate' | 'endDate'> {
  const dated = [...runs].sort((a, b) => (a.startsOn ?? '').localeCompare(b.startsOn ?? ''))
  const starts = dated.flatMap((r) => r.startsOn ?? [])
  const ends = dated.flatMap((r) => r.endsOn ?? [])
  const paired =
    starts.length === runs.length && ends.length === runs.length && new Set(starts).size === starts.length
  const list = (days: string[], at: 'start' | 'end') => {
    const unique =
      paired && at === 'end' && new Set(days).size === days.length ? days : [...new Set(days)].sort()
    return unique.length > 0 ? unique.map((d) => dateTime(d, at)) : null
  }
  return { startDate: list(starts, 'start'), endDate: list(ends, 'end') }
}

/** Enrollment dates, when the course has one run: v3 gives them for the course, not per date. */
function application(runs: Run[]): Pick<MoochubAttributes, 'applicationStartDate' | 'applicationDeadline'> {
  const [only] = runs
  if (runs.length !== 1 || !only) return {}
  return {
    ...(only.enrollmentOpensOn ? { applicationStartDate: dateTime(only.enrollmentOpensOn, 'start') } : {}),
    ...(only.enrollmentClosesOn ? { applicationDeadline: dateTime(only.enrollmentClosesOn, 'end') } : {}),
  }
}
