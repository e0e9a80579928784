// The search page (/search): the query box, courses with the matched words marked, facets with
// counts, "did you mean", a notice when courses match only some words, and pages. Plain GET forms.
import { Hono } from 'hono'
import { CourseCard } from '../catalog/course-card.tsx'
import type { AppEnv } from '../http/env.ts'
import { Layout, type PageContext } from '../http/layout.tsx'
import { Pager } from '../http/page-parts.tsx'
import { queryObject } from '../http/query-object.ts'
import { pageContext, renderPage } from '../http/render.tsx'
import { listInstitutions } from '../institutions/institution-repository.ts'
import { listPlatforms } from '../institutions/platform-repository.ts'
import type { Deps } from '../shared/deps.ts'
import { ValidationError } from '../shared/errors.ts'
import { issuesToDetails } from '../shared/zod-issues.ts'
import { subjectsByCode } from '../subjects/subject-repository.ts'
import { queryTerms } from './highlight.ts'
import { MAX_Q, MAX_RANK, runSearch, SearchQuery } from './search-api.ts'
import { SearchFacets } from './search-facets.tsx'
import { Marked } from './marked.tsx'
import type { SearchService } from './search-service.ts'

/** The query is cut to this in the window title. */
const TITLE_CHARS = 80

export function searchPages(deps: Deps & { search: SearchService }) {
  return new Hono<AppEnv>().get('/search', async (c) => {
    const parsed = SearchQuery.safeParse(queryObject(c.req.url))
    if (!parsed.success) throw new ValidationError(issuesToDetails('query', parsed.error.issues))
    const query = parsed.data
    const page = pageContext(c)
    const [result, subjects, institutions, platforms] = await Promise.all([
      runSearch(deps, query, page.locale),
      subjectsByCode(deps.db),
      listInstitutions(deps.db, {}, { page: 1, perPage: 100 }),
      listPlatforms(deps.db, {}, { page: 1, perPage: 100 }),
    ])
    const { t, locale } = page
    const { q } = query
    const { meta } = result
    const terms = queryTerms(q, locale, meta.suggestion ? [meta.suggestion] : [])
    const institutionMap = new Map(institutions.items.map((i) => [i.id, i]))
    // The query leads the window title, so tabs and history tell searches apart.
    const title = [q.trim().slice(0, TITLE_CHARS), t('search.title')].filter(Boolean).join(' · ')
    return renderPage(
      c,
      <Layout page={page} title={title} head={<meta name="robots" content="noindex" />}>
        <h1>{t('search.title')}</h1>
        <QueryBox page={page} q={q} />
        {meta.suggestion && <DidYouMean page={page} suggestion={meta.suggestion} />}
        {meta.relaxed && <p class="notice">{t('search.relaxed')}</p>}
        <div class="catalog">
          <SearchFacets
            page={page}
            approximate={meta.facetsApproximate}
            q={q}
            facets={result.facets}
            selected={query}
            subjects={subjects}
            institutions={institutionMap}
            platforms={new Map(platforms.items.map((p) => [p.id, p]))}
          />
          <section aria-labelledby="results">
            <h2 id="results">{t('catalog.found', { count: meta.total })}</h2>
            {result.data.length === 0 ? (
              <NoResults page={page} total={meta.total} />
            ) : (
              <ul class="cards">
                {result.data.map((course) => (
                  <CourseCard
                    page={page}
                    course={course}
                    institutions={institutionMap}
                    show={(text) => <Marked text={text} language={course.language} terms={terms} />}
                  />
                ))}
              </ul>
            )}
            <Pager
              page={page}
              current={meta.page}
              pages={Math.min(meta.pages, Math.floor(MAX_RANK / meta.perPage))}
            />
          </section>
        </div>
      </Layout>,
    )
  })
}

/** The query, prefilled; a new search starts without the filters of this one. */
function QueryBox({ page, q }: { page: PageContext; q: string }) {
  const { t } = page
  return (
    <form class="search-form" role="search" method="get" action="/search" aria-label={t('search.query')}>
      <label for="q">{t('search.query')}</label>
      <div class="search-row">
        <input
          type="search"
          id="q"
          name="q"
          value={q}
          maxlength={MAX_Q}
          aria-describedby="q-hint"
          data-suggest={t('search.suggestions')}
        />
        <button type="submit">{t('search.button')}</button>
      </div>
      <p id="q-hint" class="hint">
        {t('search.hint')}
      </p>
    </form>
  )
}

/** Nothing matched: what to try; or, past the last page of results, the way back to the first. */
function NoResults({ page, total }: { page: PageContext; total: number }) {
  if (total === 0) return <p>{page.t('search.empty')}</p>
  const params = new URLSearchParams(page.url.search)
  params.delete('page')
  return (
    <p>
      <a href={`/search?${params.toString()}`}>{page.t('search.firstPage')}</a>
    </p>
  )
}

/** "Did you mean …?" with the suggestion as a link that searches it, keeping the filters. */
function DidYouMean({ page, suggestion }: { page: PageContext; suggestion: string }) {
  const slot = '\u0001'
  const [before = '', after = ''] = page.t('search.didYouMean', { name: slot }).split(slot)
  const params = new URLSearchParams(page.url.search)
  params.set('q', suggestion)
  params.delete('page')
  return (
    <p class="notice">
      {before}
      <a href={`/search?${params.toString()}`}>
        <strong>{suggestion}</strong>
      </a>
      {after}
    </p>
  )
}
