// The course page: facts, description, where to take it (listings and runs), language versions,
// and schema.org Course JSON-LD.
import { formatDate, formatMoney, languageName } from '../i18n/format.ts'
import { Layout, type PageContext } from '../http/layout.tsx'
import { Paragraphs, TableScroll } from '../http/page-parts.tsx'
import { nameIn, nameLanguage, type Institution } from '../institutions/institution.ts'
import type { Platform } from '../institutions/platform.ts'
import { labelIn, type Subject } from '../subjects/subject.ts'
import type { Course, Listing } from './course.ts'
import { courseJsonLd } from './course-json-ld.ts'

interface Props {
  page: PageContext
  course: Course
  institutions: Map<string, Institution>
  subjects: Map<string, Subject>
  platforms: Map<string, Platform>
  translations: { id: string; language: string; title: string }[]
  canonicalUrl: string
}

export function CoursePage({
  page,
  course,
  institutions,
  subjects,
  platforms,
  translations,
  canonicalUrl,
}: Props) {
  const { t, locale } = page
  const jsonLd = courseJsonLd(course, { institutions, subjects, platforms, url: canonicalUrl })
  const lang = course.language
  return (
    <Layout
      page={page}
      title={course.title}
      current="catalog"
      head={<script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />}
    >
      <nav class="breadcrumb" aria-label={t('course.breadcrumb')}>
        <ol>
          <li>
            <a href="/courses">{t('nav.catalog')}</a>
          </li>
          <li aria-current="page" lang={lang}>
            {course.title}
          </li>
        </ol>
      </nav>
      <h1 lang={lang}>{course.title}</h1>
      {course.origin === 'demo' && <p class="notice">{t('course.demoNotice')}</p>}
      {course.summary && (
        <p lang={lang}>
          <strong>{course.summary}</strong>
        </p>
      )}
      <h2>{t('course.facts')}</h2>
      <dl class="facts">
        <dt>{t('course.offeredBy')}</dt>
        <dd>
          {course.institutions.map((id, i) => {
            const inst = institutions.get(id)
            return (
              <>
                {i > 0 && ', '}
                <a href={`/institutions/${id}`} lang={inst ? nameLanguage(inst.names, locale) : undefined}>
                  {inst ? nameIn(inst.names, locale) : id}
                </a>
              </>
            )
          })}
        </dd>
        <dt>{t('course.language')}</dt>
        <dd>{languageName(lang, locale)}</dd>
        {course.subtitleLanguages.length > 0 && (
          <>
            <dt>{t('course.subtitles')}</dt>
            <dd>{course.subtitleLanguages.map((l) => languageName(l, locale)).join(', ')}</dd>
          </>
        )}
        {course.level && (
          <>
            <dt>{t('course.level')}</dt>
            <dd>{t(`level.${course.level}`)}</dd>
          </>
        )}
        {course.effortHoursPerWeek !== null && (
          <>
            <dt>{t('course.effort')}</dt>
            <dd>{t('course.effortValue', { hours: course.effortHoursPerWeek })}</dd>
          </>
        )}
        {course.weeks !== null && (
          <>
            <dt>{t('course.duration')}</dt>
            <dd>{t('course.weeks', { weeks: course.weeks })}</dd>
          </>
        )}
        {course.courseNumber && (
          <>
            <dt>{t('course.number')}</dt>
            <dd dir="ltr">{course.courseNumber}</dd>
          </>
        )}
        {course.instructors.length > 0 && (
          <>
            <dt>{t('course.instructors')}</dt>
            <dd lang={lang}>{course.instructors.join(', ')}</dd>
          </>
        )}
        {course.subjects.length > 0 && (
          <>
            <dt>{t('course.subjects')}</dt>
            <dd>
              {course.subjects.map((code, i) => {
                const s = subjects.get(code)
                return (
                  <>
                    {i > 0 && ', '}
                    <a href={`/courses?subject=${code}`}>{s ? labelIn(s, locale) : code}</a>
                  </>
                )
              })}
            </dd>
          </>
        )}
        {course.availability.length > 0 && (
          <>
            <dt>{t('course.availability')}</dt>
            <dd>{course.availability.map((a) => t(`availability.${a}`)).join(', ')}</dd>
          </>
        )}
      </dl>
      {course.description && (
        <>
          <h2>{t('course.description')}</h2>
          <Paragraphs text={course.description} lang={lang} />
        </>
      )}
      <h2>{t('course.whereToTake')}</h2>
      {course.listings.length === 0 && <p>{t('course.noListings')}</p>}
      {course.listings.map((listing) => (
        <ListingSection page={page} listing={listing} platform={platforms.get(listing.platformId)} />
      ))}
      {translations.length > 0 && (
        <>
          <h2>{t('course.translations')}</h2>
          <ul>
            {translations.map((tr) => (
              <li>
                <a href={`/courses/${encodeURIComponent(tr.id)}`} lang={tr.language} hreflang={tr.language}>
                  {tr.title}
                </a>{' '}
                ({languageName(tr.language, locale)})
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  )
}

function ListingSection({
  page,
  listing,
  platform,
}: {
  page: PageContext
  listing: Listing
  platform: Platform | undefined
}) {
  const { t, locale } = page
  const name = platform?.name ?? listing.platformId
  const date = (d: string | null) => (d ? formatDate(d, locale) : '—')
  const headingId = `listing-${listing.id.replace(/[^A-Za-z0-9_-]/g, '-')}`
  return (
    <section class="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <a href={`/platforms/${listing.platformId}`}>{name}</a>
      </h3>
      {listing.status === 'withdrawn' ? (
        <p>{t('course.withdrawn')}</p>
      ) : (
        <p>
          <a class="button" href={listing.url} rel="external">
            {t('course.goTo', { platform: name })}
          </a>
        </p>
      )}
      {offerText(page, listing) && <p>{offerText(page, listing)}</p>}
      <p class="meta">
        {t('course.platformKey')}: <code dir="ltr">{listing.platformKey}</code>
      </p>
      {listing.runs.length === 0 ? (
        <p>{t('course.noRuns')}</p>
      ) : (
        <TableScroll labelledBy={`${headingId}-runs`}>
          <table>
            <caption id={`${headingId}-runs`}>{t('course.runs', { platform: name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('course.run')}</th>
                <th scope="col">{t('course.pacing')}</th>
                <th scope="col">{t('course.starts')}</th>
                <th scope="col">{t('course.ends')}</th>
                <th scope="col">{t('course.enrollment')}</th>
                <th scope="col">{t('course.status')}</th>
              </tr>
            </thead>
            <tbody>
              {listing.runs.map((run) => (
                <tr>
                  <th scope="row" dir="ltr">
                    {run.runKey ?? '—'}
                  </th>
                  <td>{t(`pacing.${run.pacing}`)}</td>
                  <td>{run.startsOn ? date(run.startsOn) : t('course.notScheduled')}</td>
                  <td>{date(run.endsOn)}</td>
                  <td>{enrollment(page, run.enrollmentOpensOn, run.enrollmentClosesOn)}</td>
                  <td>{t(`availability.${run.availability}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  )
}

/** "Free to take · Certificate for a fee · From US$49.00", from what the platform says; null if nothing. */
function offerText(page: PageContext, listing: Listing): string | null {
  const { t, locale } = page
  const parts = [
    listing.access && t(`offer.access.${listing.access}`),
    listing.certificate && t(`offer.certificate.${listing.certificate}`),
    listing.price &&
      listing.price.amount > 0 &&
      t('offer.price', { price: formatMoney(listing.price.amount, listing.price.currency, locale) }),
  ].filter((p): p is string => typeof p === 'string')
  return parts.length > 0 ? parts.join(' · ') : null
}

function enrollment(page: PageContext, opens: string | null, closes: string | null): string {
  const { t, locale } = page
  if (opens && closes)
    return t('course.enrollmentWindow', {
      opens: formatDate(opens, locale),
      closes: formatDate(closes, locale),
    })
  if (opens) return t('course.enrollmentFrom', { opens: formatDate(opens, locale) })
  if (closes) return t('course.enrollmentUntil', { closes: formatDate(closes, locale) })
  return '—'
}
