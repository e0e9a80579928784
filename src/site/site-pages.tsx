// The home page (the alliance in numbers, ways into the catalog) and the about page.
import { Hono } from 'hono'
import { courseFacets } from '../catalog/facet-repository.ts'
import { allianceNumbers } from '../catalog/stats-repository.ts'
import { formatNumber, languageName } from '../i18n/format.ts'
import type { AppEnv } from '../http/env.ts'
import { Layout } from '../http/layout.tsx'
import { pageContext, renderPage } from '../http/render.tsx'
import { nameIn, nameLanguage, type Institution } from '../institutions/institution.ts'
import { listInstitutions } from '../institutions/institution-repository.ts'
import { today, type Deps } from '../shared/deps.ts'
import { labelIn } from '../subjects/subject.ts'
import { subjectsByCode } from '../subjects/subject-repository.ts'

export function sitePages(deps: Deps) {
  const { db } = deps
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const page = pageContext(c)
      const { t, locale } = page
      const [numbers, facets, subjects, institutions] = await Promise.all([
        allianceNumbers(db),
        courseFacets(db, {}, today(deps)),
        subjectsByCode(db),
        listInstitutions(db, { status: 'active' }, { page: 1, perPage: 100 }),
      ])
      const stats = [
        ['institutions', numbers.institutions, '/institutions'],
        ['platforms', numbers.platforms, '/platforms'],
        ['courses', numbers.courses, '/courses'],
        ['languages', numbers.languages, '/courses'],
        ['subjects', numbers.subjects, '/courses'],
      ] as const
      const byRole = (role: Institution['role']) => institutions.items.filter((i) => i.role === role)
      return renderPage(
        c,
        <Layout page={page} title={t('home.title')} current="home">
          <h1>{t('home.title')}</h1>
          <p>{t('home.intro')}</p>
          <h2>{t('home.numbers')}</h2>
          <ul class="numbers">
            {stats.map(([key, count, href]) => (
              <li>
                <a href={href}>
                  <strong>{formatNumber(count, locale)}</strong> {t(`home.stat.${key}`, { count })}
                </a>
              </li>
            ))}
          </ul>
          <p>
            <a class="button" href="/courses">
              {t('home.browse')}
            </a>
          </p>
          <div class="cols">
            <section aria-labelledby="by-subject">
              <h2 id="by-subject">{t('home.bySubject')}</h2>
              <ul>
                {facets.subject.map(({ value, count }) => {
                  const s = subjects.get(value)
                  return (
                    <li>
                      <a href={`/courses?subject=${value}`}>{s ? labelIn(s, locale) : value}</a>{' '}
                      <span class="muted">({t('home.courseCount', { count })})</span>
                    </li>
                  )
                })}
              </ul>
            </section>
            <section aria-labelledby="by-language">
              <h2 id="by-language">{t('home.byLanguage')}</h2>
              <ul>
                {facets.language.map(({ value, count }) => (
                  <li>
                    <a href={`/courses?language=${encodeURIComponent(value)}`}>
                      {languageName(value, locale)}
                    </a>{' '}
                    <span class="muted">({t('home.courseCount', { count })})</span>
                  </li>
                ))}
              </ul>
            </section>
          </div>
          <div class="cols">
            {(['founder', 'member'] as const).map((role) => (
              <section aria-labelledby={`role-${role}`}>
                <h2 id={`role-${role}`}>{t(role === 'founder' ? 'home.founders' : 'home.members')}</h2>
                <ul>
                  {byRole(role).map((inst) => (
                    <li>
                      <a href={`/institutions/${inst.id}`} lang={nameLanguage(inst.names, locale)}>
                        {nameIn(inst.names, locale)}
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </Layout>,
      )
    })
    .get('/about', (c) => {
      const page = pageContext(c)
      const { t } = page
      return renderPage(
        c,
        <Layout page={page} title={t('about.title')} current="about">
          <h1>{t('about.title')}</h1>
          <p>{t('about.p1')}</p>
          <p>{t('about.p2')}</p>
          <h2>{t('about.principles')}</h2>
          <ul>
            <li>{t('about.inclusion')}</li>
            <li>{t('about.equality')}</li>
            <li>{t('about.quality')}</li>
          </ul>
          <h2>{t('about.openData')}</h2>
          <p>
            {t('about.openDataText')} <a href="/api/docs">{t('api.title')}</a>
          </p>
          <p>{t('about.demo')}</p>
        </Layout>,
      )
    })
}
