// GET /feeds/courses.atom, /feeds/institutions/<id>.atom, /feeds/subjects/<ISCED-F code>.atom and
// /feeds/languages/<BCP-47 tag>.atom: the 50 courses created last that are live, newest first, in the
// UI locale of the request (`?lang=` as for pages). A malformed code or tag is a 400; an institution,
// subject or language moocx does not know is a 404.
import type { Context } from 'hono'
import { Hono } from 'hono'
import { findCourses } from '../../catalog/course-repository.ts'
import { languageName } from '../../i18n/format.ts'
import type { AppEnv } from '../../http/env.ts'
import { nameIn } from '../../institutions/institution.ts'
import { findInstitution, findInstitutions } from '../../institutions/institution-repository.ts'
import { isoNow, today, type Deps } from '../../shared/deps.ts'
import { NotFoundError, ValidationError } from '../../shared/errors.ts'
import { LanguageTag } from '../../shared/vocab.ts'
import { labelIn } from '../../subjects/subject.ts'
import { subjectsByCode } from '../../subjects/subject-repository.ts'
import { latestChange } from '../record-repository.ts'
import { atomFeed, type FeedEntry } from './atom-feed.ts'
import { languageInUse, newestLiveCourses, type FeedFilter } from './sitemap-repository.ts'
import { ATOM_TYPE, discoveryHeaders, latest } from './web-response.ts'

export const FEED_SIZE = 50

export interface FeedsDeps extends Deps {
  publicUrl: string
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })

export function feedsRoutes(deps: FeedsDeps) {
  const { db } = deps
  return new Hono<AppEnv>()
    .get('/feeds/courses.atom', (c) => feed(c, deps, { kind: 'all' }, c.get('t')('feed.all.title')))
    .get('/feeds/institutions/:file', async (c) => {
      const id = feedName(c)
      const inst = await findInstitution(db, id)
      if (!inst) throw new NotFoundError('institution', id)
      const title = c.get('t')('feed.institution.title', { institution: nameIn(inst.names, c.get('locale')) })
      return feed(c, deps, { kind: 'institution', id }, title)
    })
    .get('/feeds/subjects/:file', async (c) => {
      const code = feedName(c)
      if (!/^\d{2,4}$/.test(code))
        throw new ValidationError([
          { field: 'path.subject', message: 'must be an ISCED-F 2013 code such as 0613' },
        ])
      const subject = (await subjectsByCode(db)).get(code)
      if (!subject) throw new NotFoundError('subject', code)
      const title = c.get('t')('feed.subject.title', { subject: labelIn(subject, c.get('locale')) })
      return feed(c, deps, { kind: 'subject', code }, title)
    })
    .get('/feeds/languages/:file', async (c) => {
      const parsed = LanguageTag.safeParse(feedName(c))
      if (!parsed.success)
        throw new ValidationError([
          { field: 'path.language', message: 'must be a BCP-47 language tag such as zh-Hans' },
        ])
      const tag = parsed.data
      if (!languageNames.of(tag.split('-')[0] ?? tag) && !(await languageInUse(db, tag)))
        throw new NotFoundError('language', tag)
      const title = c.get('t')('feed.language.title', { language: languageName(tag, c.get('locale')) })
      return feed(c, deps, { kind: 'language', tag }, title)
    })
}

/** The id, code or tag a feed file is named for: `spbu` in `spbu.atom`. */
function feedName(c: Context<AppEnv>): string {
  const file = c.req.param('file') ?? ''
  if (!file.endsWith('.atom') || file.length === '.atom'.length) throw new NotFoundError('feed', c.req.path)
  return file.slice(0, -'.atom'.length)
}

async function feed(
  c: Context<AppEnv>,
  deps: FeedsDeps,
  filter: FeedFilter,
  title: string,
): Promise<Response> {
  const { db, publicUrl } = deps
  const locale = c.get('locale')
  const refs = await newestLiveCourses(db, filter, FEED_SIZE)
  const [courses, subjects, changed] = await Promise.all([
    findCourses(
      db,
      refs.map((r) => r.id),
      today(deps),
    ),
    subjectsByCode(db),
    latestChange(db),
  ])
  const changedAt = new Map(refs.map((r) => [r.id, r.changedAt]))
  const entries: FeedEntry[] = courses.map((course) => ({
    course: { ...course, listings: course.listings.filter((l) => l.status === 'active') },
    changedAt: changedAt.get(course.id) ?? course.updatedAt,
  }))
  const institutions = await findInstitutions(
    db,
    courses.flatMap((co) => co.institutions),
  )
  const id = `${publicUrl}${feedPath(filter)}`
  const body = atomFeed({
    id,
    self: `${id}?lang=${locale}`,
    alternate: `${publicUrl}/courses?${catalogQuery(filter)}`,
    locale,
    title,
    subtitle: c.get('t')('feed.subtitle'),
    updated: latest(...entries.map((e) => e.changedAt)) ?? changed ?? isoNow(deps),
    publisher: { name: c.get('t')('site.name'), uri: `${publicUrl}/` },
    subjectScheme: `${publicUrl}/api/v1/subjects`,
    entries,
    courseUrl: (courseId) => `${publicUrl}/courses/${encodeURIComponent(courseId)}`,
    institutions,
    subjects,
  })
  const renamed = [...institutions.values()].map((i) => i.updatedAt)
  return c.body(body, 200, discoveryHeaders(ATOM_TYPE, latest(changed, ...renamed)))
}

/** The feed's canonical path (a language tag in canonical case), for its id and self link. */
function feedPath(filter: FeedFilter): string {
  switch (filter.kind) {
    case 'all':
      return '/feeds/courses.atom'
    case 'institution':
      return `/feeds/institutions/${encodeURIComponent(filter.id)}.atom`
    case 'subject':
      return `/feeds/subjects/${filter.code}.atom`
    case 'language':
      return `/feeds/languages/${filter.tag}.atom`
  }
}

/** The catalog page listing the same courses, newest first. */
function catalogQuery(filter: FeedFilter): string {
  const params = new URLSearchParams({ sort: '-created' })
  if (filter.kind === 'institution') params.set('institution', filter.id)
  if (filter.kind === 'subject') params.set('subject', filter.code)
  if (filter.kind === 'language') params.set('language', filter.tag)
  return params.toString()
}
