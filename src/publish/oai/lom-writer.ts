// A course as IEEE LOM (1484.12.3 XML binding): multilingual strings (title and description in the
// course's language, ISCED-F classification labelled in every UI language), institutions as vCard
// publishers, instructors as authors, learning time, cost and licence.
import type { Course } from '../../catalog/course.ts'
import { LOCALES } from '../../i18n/i18n.ts'
import { licenseUrl } from '../../catalog/licence-url.ts'
import type { Names } from '../record.ts'
import { institutionName } from './dc-writer.ts'
import { element, text } from './xml.ts'

export const LOM = {
  prefix: 'lom',
  schema: 'http://ltsc.ieee.org/xsd/lomv1.0/lom.xsd',
  namespace: 'http://ltsc.ieee.org/xsd/LOM',
} as const

export function lomMetadata(course: Course, names: Names, coursePage: string): string {
  const strings = (values: [string, string][]) =>
    values.map(([language, value]) => text('string', value, { language }))
  const langString = (name: string, value: string | null, language = course.language) =>
    value ? [element(name, strings([[language, value]]))] : []
  const vocabulary = (name: string, value: string) =>
    element(name, [text('source', 'LOMv1.0'), text('value', value)])
  const identifier = (catalog: string, entry: string) =>
    element('identifier', [text('catalog', catalog), text('entry', entry)])
  const general = element('general', [
    ...course.listings.map((l) => identifier('URI', l.url)),
    identifier('URI', coursePage),
    ...langString('title', course.title),
    text('language', course.language),
    ...langString('description', course.description ?? course.summary),
    ...course.keywords.map((word) => element('keyword', strings([[course.language, word]]))),
    vocabulary('aggregationLevel', '3'),
  ])
  const contributions = [
    ...course.institutions.map((id) => contribute('publisher', institutionName(names, id), true)),
    ...course.instructors.map((person) => contribute('author', person, false)),
  ].map(([role, card]) => element('contribute', [vocabulary('role', role), text('entity', card)]))
  const technical = element('technical', [
    text('format', 'text/html'),
    ...course.listings.map((l) => text('location', l.url)),
  ])
  const educational = element('educational', [
    vocabulary('interactivityType', 'mixed'),
    vocabulary('learningResourceType', 'lecture'),
    ...learningTime(course),
    text('language', course.language),
  ])
  return element(
    'lom',
    [
      general,
      ...(contributions.length > 0 ? [element('lifeCycle', contributions)] : []),
      technical,
      educational,
      rights(course, vocabulary),
      ...course.subjects.map((code) => classification(code, names, vocabulary)),
    ],
    {
      xmlns: LOM.namespace,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${LOM.namespace} ${LOM.schema}`,
    },
  )
}

/** A vCard 3.0 naming a person, or an organization (FN and ORG). */
function contribute(role: string, name: string, organization: boolean): [string, string] {
  const value = name
    .replace(/\\/g, '\\\\')
    .replace(/([,;])/g, '\\$1')
    .replace(/[\r\n]+/g, ' ')
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `FN:${value}`,
    ...(organization ? [`ORG:${value}`] : []),
    'END:VCARD',
  ]
  return [role, lines.join('\n')]
}

/** Weeks as the duration in days (`P56D`: the LOM binding has no weeks) and the weekly effort as its description, in English. */
function learningTime(course: Course): string[] {
  if (course.weeks === null && course.effortHoursPerWeek === null) return []
  const duration =
    course.weeks !== null
      ? `P${course.weeks * 7}D`
      : `PT${Math.round((course.effortHoursPerWeek ?? 0) * 60)}M`
  const effort =
    course.effortHoursPerWeek !== null
      ? [
          element(
            'description',
            text('string', `${course.effortHoursPerWeek} hours per week`, { language: 'en' }),
          ),
        ]
      : []
  return [element('typicalLearningTime', [text('duration', duration), ...effort])]
}

function rights(course: Course, vocabulary: (name: string, value: string) => string): string {
  const access = course.listings.map((l) => l.access)
  const cost = access.includes('free') ? 'no' : access.includes('paid') ? 'yes' : null
  const license = course.license
  // Every licence but a public-domain dedication sets conditions.
  const restricted = license === null ? null : license.startsWith('CC0') ? 'no' : 'yes'
  const described = license ? (licenseUrl(license) ?? 'proprietary') : null
  return element('rights', [
    ...(cost ? [vocabulary('cost', cost)] : []),
    ...(restricted ? [vocabulary('copyrightAndOtherRestrictions', restricted)] : []),
    ...(described ? [element('description', text('string', described, { language: 'en' }))] : []),
  ])
}

/** The ISCED-F path down to `code`, each taxon labelled in every UI language. */
function classification(
  code: string,
  names: Names,
  vocabulary: (name: string, value: string) => string,
): string {
  const path = [2, 3, 4].filter((length) => length <= code.length).map((length) => code.slice(0, length))
  const taxa = path.map((part) => {
    const subject = names.subjects.get(part)
    const labels = LOCALES.flatMap((locale) => {
      const label = subject?.labels[locale]
      return label ? [text('string', label, { language: locale })] : []
    })
    return element('taxon', [text('id', part), ...(labels.length > 0 ? [element('entry', labels)] : [])])
  })
  return element('classification', [
    vocabulary('purpose', 'discipline'),
    element('taxonPath', [element('source', text('string', 'ISCED-F 2013', { language: 'en' })), ...taxa]),
  ])
}
