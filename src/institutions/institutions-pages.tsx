// Pages for the alliance registry: institutions and platforms, lists and detail pages.
import { Hono } from 'hono'
import { CourseCard } from '../catalog/course-card.tsx'
import { listCourses } from '../catalog/course-repository.ts'
import { countryName, formatDate } from '../i18n/format.ts'
import type { AppEnv } from '../http/env.ts'
import { Layout } from '../http/layout.tsx'
import { pageContext, renderPage } from '../http/render.tsx'
import { today, type Deps } from '../shared/deps.ts'
import { nameIn, nameLanguage } from './institution.ts'
import { findInstitutions, getInstitution, listInstitutions } from './institution-repository.ts'
import { getPlatform, listPlatforms } from './platform-repository.ts'

const ALL = { page: 1, perPage: 100 }
const PREVIEW = { page: 1, perPage: 10 }

export function institutionsPages(deps: Deps) {
  const { db } = deps
  return new Hono<AppEnv>()
    .get('/institutions', async (c) => {
      const page = pageContext(c)
      const { t, locale } = page
      const { items } = await listInstitutions(db, {}, ALL)
      return renderPage(
        c,
        <Layout page={page} title={t('institutions.title')} current="institutions">
          <h1>{t('institutions.title')}</h1>
          <p>{t('institutions.intro')}</p>
          <ul class="cards">
            {items.map((inst) => (
              <li class="card">
                <h2 class="h3">
                  <a href={`/institutions/${inst.id}`} lang={nameLanguage(inst.names, locale)}>
                    {nameIn(inst.names, locale)}
                  </a>
                </h2>
                <p class="meta">
                  {t(`institution.role.${inst.role}`)} · {t(`institution.kind.${inst.kind}`)} ·{' '}
                  {countryName(inst.country, locale)}
                </p>
              </li>
            ))}
          </ul>
        </Layout>,
      )
    })
    .get('/institutions/:id', async (c) => {
      const page = pageContext(c)
      const { t, locale } = page
      const inst = await getInstitution(db, c.req.param('id'))
      const [platforms, courses] = await Promise.all([
        listPlatforms(db, { institution: inst.id }, ALL),
        listCourses(db, { institution: [inst.id] }, 'title', PREVIEW, today(deps)),
      ])
      const institutions = await findInstitutions(
        db,
        courses.items.flatMap((co) => co.institutions),
      )
      const name = nameIn(inst.names, locale)
      return renderPage(
        c,
        <Layout page={page} title={name} current="institutions">
          <h1 lang={nameLanguage(inst.names, locale)}>{name}</h1>
          <dl class="facts">
            <dt>{t('institution.kind')}</dt>
            <dd>{t(`institution.kind.${inst.kind}`)}</dd>
            <dt>{t('institution.role')}</dt>
            <dd>{t(`institution.role.${inst.role}`)}</dd>
            <dt>{t('institution.status')}</dt>
            <dd>{t(`institution.status.${inst.status}`)}</dd>
            <dt>{t('institution.country')}</dt>
            <dd>{countryName(inst.country, locale)}</dd>
            {inst.joinedOn && (
              <>
                <dt>{t('institution.joined')}</dt>
                <dd>{formatDate(inst.joinedOn, locale)}</dd>
              </>
            )}
            {inst.website && (
              <>
                <dt>{t('institution.website')}</dt>
                <dd>
                  <a href={inst.website} rel="external" dir="ltr">
                    {inst.website}
                  </a>
                </dd>
              </>
            )}
          </dl>
          {platforms.items.length > 0 && (
            <>
              <h2>{t('institution.platforms')}</h2>
              <ul>
                {platforms.items.map((p) => (
                  <li>
                    <a href={`/platforms/${p.id}`}>{p.name}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>{t('institution.courses')}</h2>
          {courses.total === 0 ? (
            <p>{t('institution.noCourses')}</p>
          ) : (
            <>
              <ul class="cards">
                {courses.items.map((course) => (
                  <CourseCard page={page} course={course} institutions={institutions} />
                ))}
              </ul>
              <p>
                <a href={`/courses?institution=${inst.id}`}>
                  {t('institution.allCourses', { count: courses.total })}
                </a>
              </p>
            </>
          )}
        </Layout>,
      )
    })
    .get('/platforms', async (c) => {
      const page = pageContext(c)
      const { t, locale } = page
      const { items } = await listPlatforms(db, {}, ALL)
      const operators = await findInstitutions(
        db,
        items.flatMap((p) => (p.institutionId ? [p.institutionId] : [])),
      )
      return renderPage(
        c,
        <Layout page={page} title={t('platforms.title')} current="platforms">
          <h1>{t('platforms.title')}</h1>
          <p>{t('platforms.intro')}</p>
          <ul class="cards">
            {items.map((p) => {
              const operator = p.institutionId ? operators.get(p.institutionId) : undefined
              return (
                <li class="card">
                  <h2 class="h3">
                    <a href={`/platforms/${p.id}`}>{p.name}</a>
                  </h2>
                  <p class="meta">
                    {t(`platform.software.${p.software}`)}
                    {operator && (
                      <>
                        {' · '}
                        <span lang={nameLanguage(operator.names, locale)}>
                          {nameIn(operator.names, locale)}
                        </span>
                      </>
                    )}
                  </p>
                </li>
              )
            })}
          </ul>
        </Layout>,
      )
    })
    .get('/platforms/:id', async (c) => {
      const page = pageContext(c)
      const { t, locale } = page
      const platform = await getPlatform(db, c.req.param('id'))
      const courses = await listCourses(db, { platform: [platform.id] }, 'title', PREVIEW, today(deps))
      const institutions = await findInstitutions(db, [
        ...courses.items.flatMap((co) => co.institutions),
        ...(platform.institutionId ? [platform.institutionId] : []),
      ])
      const operator = platform.institutionId ? institutions.get(platform.institutionId) : undefined
      return renderPage(
        c,
        <Layout page={page} title={platform.name} current="platforms">
          <h1>{platform.name}</h1>
          <dl class="facts">
            <dt>{t('platform.software')}</dt>
            <dd>{t(`platform.software.${platform.software}`)}</dd>
            {operator && (
              <>
                <dt>{t('platform.operatedBy')}</dt>
                <dd>
                  <a href={`/institutions/${operator.id}`} lang={nameLanguage(operator.names, locale)}>
                    {nameIn(operator.names, locale)}
                  </a>
                </dd>
              </>
            )}
            <dt>{t('platform.website')}</dt>
            <dd>
              <a href={platform.baseUrl} rel="external" dir="ltr">
                {platform.baseUrl}
              </a>
            </dd>
          </dl>
          <h2>{t('platform.courses')}</h2>
          <ul class="cards">
            {courses.items.map((course) => (
              <CourseCard page={page} course={course} institutions={institutions} />
            ))}
          </ul>
          {courses.total > 0 && (
            <p>
              <a href={`/courses?platform=${platform.id}`}>
                {t('platform.allCourses', { count: courses.total })}
              </a>
            </p>
          )}
        </Layout>,
      )
    })
}
