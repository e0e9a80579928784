// Atom 1.0 (RFC 4287) feeds of new courses. The feed speaks the reader's UI locale (title, subtitle,
// author and category labels); each entry speaks its course's own language (xml:lang on the entry).
import type { Course } from '../../catalog/course.ts'
import type { Locale } from '../../i18n/i18n.ts'
import { nameIn, nameLanguage, type Institution } from '../../institutions/institution.ts'
import { labelIn, type Subject } from '../../subjects/subject.ts'
import { element, xml } from './xml.ts'

export interface FeedEntry {
  course: Course
  /** When the course's published record last changed. */
  changedAt: string
}

export interface AtomFeed {
  /** A permanent IRI for the feed: its URL without query. */
  id: string
  /** The URL this feed was requested at. */
  self: string
  /** The HTML page listing the same courses. */
  alternate: string
  locale: Locale
  title: string
  subtitle: string
  /** The latest change among the entries, or of the catalog when there are none. */
  updated: string
  /** Who publishes the feed, so every entry has an author even when its institution is unknown. */
  publisher: { name: string; uri: string }
  /** Where the subject codes of categories are defined. */
  subjectScheme: string
  entries: readonly FeedEntry[]
  courseUrl: (id: string) => string
  institutions: Map<string, Institution>
  subjects: Map<string, Subject>
}

const SUMMARY_LENGTH = 500

export function atomFeed(feed: AtomFeed): string {
  const head = [
    element('id', {}, feed.id),
    element('title', { type: 'text' }, feed.title),
    element('subtitle', { type: 'text' }, feed.subtitle),
    element('updated', {}, feed.updated),
    element('link', { rel: 'self', type: 'application/atom+xml', href: feed.self }),
    element('link', { rel: 'alternate', type: 'text/html', href: feed.alternate }),
    `<author>${element('name', {}, feed.publisher.name)}${element('uri', {}, feed.publisher.uri)}</author>`,
    element('generator', { uri: feed.publisher.uri }, 'moocx'),
  ]
  const entries = feed.entries.map((entry) => atomEntry(feed, entry))
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(feed.locale)}">`,
    ...head,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}

function atomEntry(feed: AtomFeed, { course, changedAt }: FeedEntry): string {
  const url = feed.courseUrl(course.id)
  const summary = course.summary ?? shorten(course.description)
  const parts = [
    element('id', {}, url),
    element('title', { type: 'text' }, course.title),
    element('link', { rel: 'alternate', type: 'text/html', href: url }),
    element('published', {}, course.createdAt),
    element('updated', {}, changedAt),
    ...course.institutions.map((id) => author(feed, id)),
    ...course.subjects.map((code) => {
      const subject = feed.subjects.get(code)
      return element('category', {
        term: code,
        scheme: feed.subjectScheme,
        label: subject ? labelIn(subject, feed.locale) : undefined,
        'xml:lang': feed.locale,
      })
    }),
    ...(summary ? [element('summary', { type: 'text' }, summary)] : []),
  ]
  return `<entry xml:lang="${xml(course.language)}">\n  ${parts.join('\n  ')}\n</entry>`
}

/** An institution as author, named in the feed's locale where it has such a name. */
function author(feed: AtomFeed, id: string): string {
  const inst = feed.institutions.get(id)
  if (!inst) return `<author>${element('name', {}, id)}</author>`
  const name = element(
    'name',
    { 'xml:lang': nameLanguage(inst.names, feed.locale) },
    nameIn(inst.names, feed.locale),
  )
  return `<author>${name}${inst.website ? element('uri', {}, inst.website) : ''}</author>`
}

/** The first SUMMARY_LENGTH characters of a description, cut at a word and marked with an ellipsis. */
function shorten(text: string | null): string | null {
  if (!text) return null
  const chars = [...text.trim()]
  if (chars.length <= SUMMARY_LENGTH) return text.trim()
  const cut = chars.slice(0, SUMMARY_LENGTH).join('')
  const space = cut.lastIndexOf(' ')
  return `${(space > SUMMARY_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
