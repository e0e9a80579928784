// The console's pages: sign-in, the list of sources, a source (edit, pause, harvest now, its
// runs) and a harvest run with every rejected record and its reason.
import type { Principal } from '../auth/api-key.ts'
import type { HarvestRun, Rejection, Source } from '../harvest/source.ts'
import { Layout, type PageContext } from '../http/layout.tsx'
import { TableScroll } from '../http/page-parts.tsx'

export function SignInPage({ page, wrongKey }: { page: PageContext; wrongKey: boolean }) {
  const { t } = page
  return (
    <Layout page={page} title={t('console.signIn.title')} current="console">
      <h1>{t('console.signIn.title')}</h1>
      <p>{t('console.intro')}</p>
      <form method="post" action="/console/sign-in">
        <p class="field">
          <label for="key">{t('console.signIn.key')}</label>
          <span class="hint" id="key-hint">
            {t('console.signIn.keyHint')}
          </span>
          {wrongKey && (
            <span class="error" id="key-error">
              {t('console.signIn.wrong')}
            </span>
          )}
          <input
            id="key"
            name="key"
            type="password"
            autocomplete="current-password"
            required
            dir="ltr"
            aria-describedby={wrongKey ? 'key-hint key-error' : 'key-hint'}
            aria-invalid={wrongKey ? 'true' : undefined}
          />
        </p>
        <p>
          <button type="submit">{t('console.signIn.submit')}</button>
        </p>
      </form>
    </Layout>
  )
}

export function SignedIn({ page, principal }: { page: PageContext; principal: Principal }) {
  const { t } = page
  return (
    <form method="post" action="/console/sign-out" class="toolbar">
      <span>{t('console.signedInAs', { name: principal.name })}</span>
      <button type="submit">{t('console.signOut')}</button>
    </form>
  )
}

export function SourcesTable({ page, sources }: { page: PageContext; sources: Source[] }) {
  const { t } = page
  if (sources.length === 0) return <p>{t('console.noSources')}</p>
  return (
    <TableScroll label={t('console.sources')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('console.source.id')}</th>
            <th scope="col">{t('console.source.platform')}</th>
            <th scope="col">{t('console.source.format')}</th>
            <th scope="col">{t('console.source.status')}</th>
            <th scope="col">{t('console.source.lastRun')}</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr>
              <th scope="row">
                <a href={`/console/sources/${encodeURIComponent(s.id)}`}>{s.id}</a>
              </th>
              <td>{s.platformId}</td>
              <td>{s.format}</td>
              <td>{t(`console.source.status.${s.status}`)}</td>
              <td>
                {s.lastRunAt ? (
                  <time datetime={s.lastRunAt}>{when(page, s.lastRunAt)}</time>
                ) : (
                  t('console.source.never')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

export function RunsTable({ page, runs }: { page: PageContext; runs: HarvestRun[] }) {
  const { t } = page
  if (runs.length === 0) return <p>{t('console.noRuns')}</p>
  const columns = ['seen', 'added', 'updated', 'unchanged', 'withdrawn', 'rejected'] as const
  return (
    <TableScroll label={t('console.runs')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('console.run.started')}</th>
            <th scope="col">{t('console.run.status')}</th>
            {columns.map((c) => (
              <th scope="col">{t(`console.run.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr>
              <th scope="row">
                <a href={`/console/runs/${encodeURIComponent(run.id)}`}>{when(page, run.startedAt)}</a>
              </th>
              <td>{t(`console.run.status.${run.status}`)}</td>
              {columns.map((c) => (
                <td>{new Intl.NumberFormat(page.locale).format(run[c])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

export function RunPage({
  page,
  run,
  rejections,
}: {
  page: PageContext
  run: HarvestRun
  rejections: Rejection[]
}) {
  const { t } = page
  const title = t('console.run.title', { id: run.id })
  const number = new Intl.NumberFormat(page.locale)
  const counts = ['seen', 'added', 'updated', 'unchanged', 'withdrawn', 'rejected'] as const
  return (
    <Layout page={page} title={title} current="console">
      <h1 dir="auto">{title}</h1>
      <p>
        <a href={`/console/sources/${encodeURIComponent(run.sourceId)}`}>{t('console.run.back')}</a>
      </p>
      <dl class="facts">
        <dt>{t('console.run.status')}</dt>
        <dd>{t(`console.run.status.${run.status}`)}</dd>
        <dt>{t('console.run.started')}</dt>
        <dd>{when(page, run.startedAt)}</dd>
        {run.durationMs !== null && (
          <>
            <dt>{t('console.run.duration')}</dt>
            <dd>{t('console.run.durationValue', { seconds: Math.round(run.durationMs / 100) / 10 })}</dd>
          </>
        )}
        <dt>{t('console.run.complete')}</dt>
        <dd>{run.complete ? t('console.yes') : t('console.no')}</dd>
        {counts.map((c) => (
          <>
            <dt>{t(`console.run.${c}`)}</dt>
            <dd>{number.format(run[c])}</dd>
          </>
        ))}
        {run.error && (
          <>
            <dt>{t('console.run.error')}</dt>
            <dd lang="en" dir="ltr">
              {run.error}
            </dd>
          </>
        )}
      </dl>
      <h2>{t('console.run.rejections')}</h2>
      {rejections.length === 0 ? (
        <p>{t('console.run.noRejections')}</p>
      ) : (
        <TableScroll label={t('console.run.rejections')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('console.run.record')}</th>
                <th scope="col">{t('console.run.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {rejections.map((r) => (
                <tr>
                  <td dir="ltr">
                    <code>{r.recordKey ?? '—'}</code>
                  </td>
                  <td lang="en">{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  )
}

export function when(page: PageContext, instant: string): string {
  return new Intl.DateTimeFormat(page.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(instant))
}
