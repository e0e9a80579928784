// Catalog pages: browse with facets (/courses) and the course page (/courses/:id).
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../http/env.ts'
import { Layout } from '../http/layout.tsx'
import { listParam } from '../http/openapi.ts'
import { Pager } from '../http/page-parts.tsx'
import { queryObject } from '../http/query-object.ts'
import { pageContext, renderPage } from '../http/render.tsx'
import { findInstitutions, listInstitutions } from '../institutions/institution-repository.ts'
import { listPlatforms } from '../institutions/platform-repository.ts'
import { today, type Deps } from '../shared/deps.ts'
import { ValidationError } from '../shared/errors.ts'
import { issuesToDetails } from '../shared/zod-issues.ts'
import { PageQuery } from '../shared/pagination.ts'
import { subjectsByCode } from '../subjects/subject-repository.ts'
import { Availability } from './course.ts'
import { CourseCard } from './course-card.tsx'
import { CoursePage } from './course-page.tsx'
import { CourseSort, getCourse, listCourses, translationsOf } from './course-repository.ts'
import { FacetForm } from './facet-form.tsx'
import { courseFacets } from './facet-repository.ts'

const BrowseQuery = PageQuery.extend({
  per_page: z.coerce.number().int().min(1).max(100).default(20),
  subject: listParam(z.string().regex(/^\d{2,4}$/, 'must be an ISCED-F code')),
  language: listParam(z.string().regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'must be a language tag')),
  institution: listParam(z.string().max(64)),
  platform: listParam(z.string().max(64)),
  availability: listParam(Availability),
  sort: CourseSort.default('title'),
})

export function catalogPages(deps: Deps) {
  const { db } = deps
  return new Hono<AppEnv>()
    .get('/courses', async (c) => {
      const parsed = BrowseQuery.safeParse(queryObject(c.req.url))
      if (!parsed.success) throw new ValidationError(issuesToDetails('query', parsed.error.issues))
      const { page: pageNo, per_page, sort, ...filter } = parsed.data
      const day = today(deps)
      const [result, facets, subjects, institutions, platforms] = await Promise.all([
        listCourses(db, filter, sort, { page: pageNo, perPage: per_page }, day),
        courseFacets(db, filter, day),
        subjectsByCode(db),
        listInstitutions(db, {}, { page: 1, perPage: 100 }),
        listPlatforms(db, {}, { page: 1, perPage: 100 }),
      ])
      const page = pageContext(c)
      const { t } = page
      const institutionMap = new Map(institutions.items.map((i) => [i.id, i]))
      const pages = Math.max(1, Math.ceil(result.total / per_page))
      return renderPage(
        c,
        <Layout page={page} title={t('catalog.title')} current="catalog">
          <h1>{t('catalog.title')}</h1>
          <div class="catalog">
            <FacetForm
              page={page}
              filter={filter}
              sort={sort}
              facets={facets}
              subjects={subjects}
              institutions={institutionMap}
              platforms={new Map(platforms.items.map((p) => [p.id, p]))}
            />
            <section aria-labelledby="results">
              <div class="toolbar">
                <h2 id="results" aria-live="polite">
                  {t('catalog.found', { count: result.total })}
                </h2>
              </div>
              {result.items.length === 0 ? (
                <p>{t('catalog.empty')}</p>
              ) : (
                <ul class="cards">
                  {result.items.map((course) => (
                    <CourseCard page={page} course={course} institutions={institutionMap} />
                  ))}
                </ul>
              )}
              <Pager page={page} current={pageNo} pages={pages} />
            </section>
          </div>
        </Layout>,
      )
    })
    .get('/courses/:id', async (c) => {
      const day = today(deps)
      const course = await getCourse(db, c.req.param('id'), day)
      const [institutions, subjects, platforms, translations] = await Promise.all([
        findInstitutions(db, course.institutions),
        subjectsByCode(db),
        listPlatforms(db, {}, { page: 1, perPage: 100 }),
        translationsOf(db, course),
      ])
      return renderPage(
        c,
        <CoursePage
          page={pageContext(c)}
          course={course}
          institutions={institutions}
          subjects={subjects}
          platforms={new Map(platforms.items.map((p) => [p.id, p]))}
          translations={translations}
          canonicalUrl={new URL(`/courses/${encodeURIComponent(course.id)}`, c.req.url).toString()}
        />,
      )
    })
}
