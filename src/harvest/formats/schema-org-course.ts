// One schema.org Course node (from a page's JSON-LD or pushed as is) as a HarvestRecord: name,
// description, language, provider → institutions, level, subjects as keywords, instances, offers.
import type { Level } from '../../catalog/course.ts'
import { absoluteUrl } from '../absolute-url.ts'
import { licenseField, type ParseResult } from '../harvest-record.ts'
import { firstLicense } from '../normalize-license.ts'
import { normalizeLanguages } from '../normalize-language.ts'
import { htmlToText, sanitizeDescription } from '../sanitize-description.ts'
import {
  accepted,
  institutionsFor,
  keywordWords,
  rejected,
  type ParseContext,
  recordLanguage,
} from './connector.ts'
import {
  hasType,
  idOf,
  listOf,
  namesOf,
  objectsOf,
  textOf,
  textsOf,
  type JsonLdGraph,
  type JsonObject,
} from './json-ld.ts'
import { offerTerms } from './schema-org-offer.ts'
import { instanceFacts } from './schema-org-runs.ts'

export interface FoundCourse {
  course: JsonObject
  graph: JsonLdGraph
  /** The record key when the course has no `@id`: the page URL the sitemap lists, or a pushed course's `url`. */
  fallbackKey: string | undefined
}

const MAX_KEY_LENGTH = 255
const LEVELS: readonly [Level, RegExp][] = [
  ['advanced', /advanced|expert|fortgeschritten|avancé|avanzado|продвинут|高级|高級/i],
  ['intermediate', /intermediate|mittelstufe|intermédiaire|intermedio|средн|中级|中級/i],
  [
    'introductory',
    /beginner|introduct|basic|foundation|einsteiger|anfänger|débutant|principiante|начальн|入门|初级|入門|初級/i,
  ],
]
/** Properties naming who offers a course, best first. */
const ORGANIZATION_PROPERTIES = ['provider', 'publisher', 'creator', 'sourceOrganization'] as const

export function courseRecord({ course, graph, fallbackKey }: FoundCourse, ctx: ParseContext): ParseResult {
  const key = idOf(course, graph.base) ?? fallbackKey
  if (!key) return rejected(null, 'the course has neither an @id nor a url')
  if (key.length > MAX_KEY_LENGTH)
    return rejected(
      key.slice(0, MAX_KEY_LENGTH),
      'the record key (@id or page URL) is longer than 255 characters',
    )
  const title = htmlToText(textOf(course.name) ?? '').slice(0, 300)
  if (!title) return rejected(key, 'the course has no name')
  const url = absoluteUrl(textOf(course.url), graph.base) ?? absoluteUrl(graph.base, graph.base)
  if (!url) return rejected(key, 'no usable course URL')
  const organizations = organizationsOf(course, graph)
  const institutions = institutionsOf(ctx, organizations)
  if (!institutions) {
    const quoted = organizations.slice(0, 5).map((o) => `"${o}"`)
    const named = organizations.length > 0 ? `none of ${quoted.join(', ')} is` : 'no provider is'
    return rejected(key, `${named} mapped to an institution; add one to the source's orgMap`)
  }
  const html = sanitizeDescription(textOf(course.description) ?? '', url)
  const description = html ? htmlToText(html) : ''
  const abstract = htmlToText(textOf(course.abstract) ?? textOf(course.disambiguatingDescription) ?? '')
  const facts = instanceFacts(course, graph)
  const instances = objectsOf(course.hasCourseInstance, graph)
  return accepted({
    recordKey: key,
    listingKey: key,
    url,
    title,
    language: recordLanguage(
      ctx,
      [course.inLanguage, course.availableLanguage].flatMap(normalizeLanguages)[0],
      title,
      abstract || description,
    ),
    summary: excerpt(abstract || description, 500) || null,
    description: description || null,
    descriptionHtml: html || null,
    courseNumber: htmlToText(textOf(course.courseCode) ?? '').slice(0, 100) || null,
    institutions,
    subjects: [],
    keywords: keywordsOf(course, graph),
    level: levelOf(course, graph),
    effortHoursPerWeek: facts.effortHoursPerWeek,
    weeks: facts.weeks,
    instructors: facts.instructors,
    subtitleLanguages: [],
    ...offerTerms({
      offers: [course, ...instances].flatMap((o) => objectsOf(o.offers, graph)),
      isAccessibleForFree: course.isAccessibleForFree,
      credentials: [...listOf(course.educationalCredentialAwarded), ...listOf(course.hasCredential)],
    }),
    ...licenseField(licenseOf(course, graph)),
    runs: facts.runs,
  })
}

/**
 * Candidates for the source's org map, best first: each organization's name, alternate and legal
 * names, `@id`, `url` and `sameAs`; plain-text providers as written.
 */
function organizationsOf(course: JsonObject, graph: JsonLdGraph): string[] {
  const names = ORGANIZATION_PROPERTIES.flatMap((property) => {
    const value = course[property]
    const written = textsOf(listOf(value).filter((v) => typeof v === 'string'))
    const objects = objectsOf(value, graph).filter((o) => !hasType(o, 'Person') || property === 'provider')
    return [
      ...written,
      ...objects.flatMap((o) => [
        ...textsOf(o.name),
        ...textsOf(o.alternateName),
        ...textsOf(o.legalName),
        ...[idOf(o, graph.base)].filter((id) => id !== undefined),
        ...[...textsOf(o.url), ...textsOf(o.sameAs)].flatMap((u) => absoluteUrl(u, graph.base) ?? []),
      ]),
    ]
  })
  return [...new Set(names.map((n) => htmlToText(n).slice(0, 200)).filter((n) => n !== ''))]
}

/** The institutions of every candidate the source maps (or that is an institution id), else the platform's operator. */
function institutionsOf(ctx: ParseContext, names: string[]): string[] | undefined {
  const mappedOnly = { ...ctx, platform: { ...ctx.platform, institutionId: null } }
  const found = new Set(names.flatMap((name) => institutionsFor(mappedOnly, name) ?? []))
  return found.size > 0 ? [...found] : institutionsFor(ctx, undefined)
}

/** `about`, `teaches` (texts or DefinedTerms) and `keywords` (a list or one comma-separated text). */
function keywordsOf(course: JsonObject, graph: JsonLdGraph): string[] {
  const keywords = namesOf(course.keywords, graph).flatMap((k) => k.split(/\s*[,;]\s*/))
  return keywordWords([...namesOf(course.about, graph), ...namesOf(course.teaches, graph), ...keywords])
}

/** `educationalLevel` as text or DefinedTerm: Beginner, Intermediate, Advanced (and their translations). */
function levelOf(course: JsonObject, graph: JsonLdGraph): Level | null {
  const names = namesOf(course.educationalLevel, graph).join(' ')
  return LEVELS.find(([, pattern]) => pattern.test(names))?.[0] ?? null
}

/**
 * `license`: a URL or text (`https://creativecommons.org/licenses/by-sa/4.0/`, `CC-BY-SA-4.0`), or a
 * CreativeWork naming it by `url`, `@id`, `identifier` or `name`.
 */
function licenseOf(course: JsonObject, graph: JsonLdGraph): string | null {
  const objects = objectsOf(course.license, graph).slice(0, 10)
  return firstLicense([
    ...textsOf(course.license).slice(0, 10),
    ...objects.flatMap((o) => [
      ...textsOf(o.url),
      idOf(o, graph.base),
      ...textsOf(o.identifier),
      ...textsOf(o.name),
    ]),
  ])
}

/** At most `max` characters, cut at a word when one ends near the limit. */
function excerpt(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > max - 100 ? cut.slice(0, space) : cut}…`
}
