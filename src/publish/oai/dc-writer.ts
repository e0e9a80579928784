// A course as simple Dublin Core (`oai_dc`): the title and description in the course's language, the
// institutions as creators, the platform as publisher, the URL to take the course first among the
// identifiers, ISCED-F subjects with their code first (`0613 Software and applications development`).
import type { Course } from '../../catalog/course.ts'
import { nameIn } from '../../institutions/institution.ts'
import { labelIn } from '../../subjects/subject.ts'
import { licenseUrl } from '../../catalog/licence-url.ts'
import type { Names } from '../record.ts'
import { element, text } from './xml.ts'

export const OAI_DC = {
  prefix: 'oai_dc',
  schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
  namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
} as const

export function dcMetadata(course: Course, names: Names, coursePage: string): string {
  const lang = { 'xml:lang': course.language }
  const dc = (name: string, value: string | null | undefined, attrs = {}) =>
    value ? [text(`dc:${name}`, value, attrs)] : []
  const platforms = [...new Set(course.listings.map((l) => l.platformId))]
  const runs = course.listings.flatMap((l) => l.runs).filter((r) => r.startsOn !== null)
  const license = course.license
  return element(
    'oai_dc:dc',
    [
      ...dc('title', course.title, lang),
      ...course.institutions.map((id) => text('dc:creator', institutionName(names, id))),
      ...course.instructors.map((person) => text('dc:contributor', person)),
      ...course.subjects.map((code) => {
        const subject = names.subjects.get(code)
        return text('dc:subject', subject ? `${code} ${labelIn(subject, 'en')}` : code)
      }),
      ...course.keywords.map((word) => text('dc:subject', word, lang)),
      ...dc('description', course.description ?? course.summary, lang),
      ...platforms.map((id) => text('dc:publisher', names.platforms.get(id)?.name ?? id)),
      ...runs.map((r) => text('dc:date', r.startsOn ?? '')).slice(0, 10),
      text('dc:type', 'Course'),
      text('dc:type', 'InteractiveResource'),
      text('dc:format', 'text/html'),
      ...course.listings.map((l) => text('dc:identifier', l.url)),
      text('dc:identifier', coursePage),
      text('dc:language', course.language),
      ...course.subtitleLanguages.map((tag) => text('dc:language', tag)),
      ...(license ? [text('dc:rights', licenseUrl(license) ?? license)] : []),
    ],
    {
      'xmlns:oai_dc': OAI_DC.namespace,
      'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${OAI_DC.namespace} ${OAI_DC.schema}`,
    },
  )
}

/** The institution's English name (the alliance's working language), else its id. */
export function institutionName(names: Names, id: string): string {
  const institution = names.institutions.get(id)
  return institution ? nameIn(institution.names, 'en') || id : id
}
