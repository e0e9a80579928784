// schema.org Course JSON-LD for a course page, safe to embed in a <script> element.
import { nameIn, type Institution } from '../institutions/institution.ts'
import type { Platform } from '../institutions/platform.ts'
import { labelIn, type Subject } from '../subjects/subject.ts'
import type { Course, Listing } from './course.ts'

interface Context {
  institutions: Map<string, Institution>
  subjects: Map<string, Subject>
  platforms: Map<string, Platform>
  url: string
}

export function courseJsonLd(course: Course, ctx: Context): string {
  const provider = course.institutions.map((id) => {
    const inst = ctx.institutions.get(id)
    return {
      '@type': 'CollegeOrUniversity',
      name: inst ? nameIn(inst.names, 'en') : id,
      ...(inst?.website && { sameAs: inst.website }),
    }
  })
  const instances = course.listings
    .filter((l) => l.status === 'active')
    .flatMap((l) =>
      l.runs
        .filter((r) => r.availability !== 'archived')
        .map((r) => ({
          '@type': 'CourseInstance',
          courseMode: 'online',
          ...(r.startsOn && { startDate: r.startsOn }),
          ...(r.endsOn && { endDate: r.endsOn }),
          ...(course.effortHoursPerWeek !== null && { courseWorkload: `PT${course.effortHoursPerWeek}H` }),
          location: { '@type': 'VirtualLocation', url: l.url },
          provider: { '@type': 'Organization', name: ctx.platforms.get(l.platformId)?.name ?? l.platformId },
        })),
    )
  const offers = course.listings
    .filter((l) => l.status === 'active' && l.access !== null)
    .map((l) => ({
      '@type': 'Offer',
      category: offerCategory(l),
      url: l.url,
      ...(l.price && { price: l.price.amount, priceCurrency: l.price.currency }),
      ...(l.access === 'free' && !l.price && { price: 0 }),
      offeredBy: { '@type': 'Organization', name: ctx.platforms.get(l.platformId)?.name ?? l.platformId },
    }))
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Course',
    '@id': ctx.url,
    url: ctx.url,
    name: course.title,
    ...(course.description && { description: course.description }),
    ...(course.courseNumber && { courseCode: course.courseNumber }),
    inLanguage: course.language,
    ...(course.level && { educationalLevel: course.level }),
    provider,
    about: course.subjects.map((code) => {
      const s = ctx.subjects.get(code)
      return {
        '@type': 'DefinedTerm',
        termCode: code,
        name: s ? labelIn(s, 'en') : code,
        inDefinedTermSet: 'ISCED-F 2013',
      }
    }),
    ...(course.instructors.length > 0 && {
      instructor: course.instructors.map((name) => ({ '@type': 'Person', name })),
    }),
    ...(instances.length > 0 && { hasCourseInstance: instances }),
    ...(offers.length > 0 && { offers }),
  }
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
}

/** Google's course offer categories: Free, Partially Free (free to take, paid certificate), Paid. */
function offerCategory(listing: Listing): string {
  if (listing.access === 'paid') return 'Paid'
  return listing.certificate === 'paid' ? 'Partially Free' : 'Free'
}
