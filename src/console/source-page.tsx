// The console page of one source: its facts, run-now and pause buttons, recent runs and the edit form.
import type { Principal } from '../auth/api-key.ts'
import type { HarvestRun, Source } from '../harvest/source.ts'
import { Layout, type PageContext } from '../http/layout.tsx'
import type { ErrorDetail } from '../shared/errors.ts'
import { RunsTable, SignedIn } from './console-views.tsx'
import { SourceForm, type FormValues } from './source-form.tsx'

export const EDIT_FIELDS = [
  'baseUrl',
  'defaultLanguage',
  'scheduleMinutes',
  'ratePerMinute',
  'orgMap',
] as const

export function SourcePage({
  page,
  principal,
  source,
  runs,
  queued,
  values,
  errors,
}: {
  page: PageContext
  principal: Principal
  source: Source
  runs: HarvestRun[]
  queued: boolean
  values: FormValues
  errors: ErrorDetail[]
}) {
  const { t } = page
  return (
    <Layout page={page} title={source.id} current="console">
      <SignedIn page={page} principal={principal} />
      <h1 dir="ltr">{source.id}</h1>
      {queued && (
        <p class="notice" role="status">
          {t('console.source.runQueued')}
        </p>
      )}
      <dl class="facts">
        <dt>{t('console.source.platform')}</dt>
        <dd>{source.platformId}</dd>
        <dt>{t('console.source.format')}</dt>
        <dd>{source.format}</dd>
        <dt>{t('console.source.status')}</dt>
        <dd>{t(`console.source.status.${source.status}`)}</dd>
        {source.pausedReason && (
          <>
            <dt>{t('console.source.pausedReason')}</dt>
            <dd lang="en">{source.pausedReason}</dd>
          </>
        )}
        <dt>{t('console.source.nextRun')}</dt>
        <dd>{source.nextRunAt ?? t('console.source.notScheduled')}</dd>
      </dl>
      <div class="toolbar">
        <form method="post" action={`/console/sources/${encodeURIComponent(source.id)}/run`}>
          <button type="submit">{t('console.source.runNow')}</button>
        </form>
        <form method="post" action={`/console/sources/${encodeURIComponent(source.id)}/status`}>
          <input type="hidden" name="status" value={source.status === 'active' ? 'paused' : 'active'} />
          <button type="submit">
            {source.status === 'active' ? t('console.source.pause') : t('console.source.resume')}
          </button>
        </form>
      </div>
      <h2>{t('console.runs')}</h2>
      <RunsTable page={page} runs={runs} />
      <h2>{t('console.source.edit')}</h2>
      <SourceForm
        t={t}
        action={`/console/sources/${encodeURIComponent(source.id)}`}
        fields={EDIT_FIELDS}
        values={values}
        errors={errors}
        platforms={[]}
        submit={t('console.source.save')}
      />
    </Layout>
  )
}
