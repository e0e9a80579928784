// The console: sign in with an API key, then manage the harvest sources the key may manage —
// plain HTML forms (no JavaScript), protected against cross-site requests.
import { Hono, type Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { csrf } from 'hono/csrf'
import { createMiddleware } from 'hono/factory'
import type { Principal } from '../auth/api-key.ts'
import {
  closeSession,
  openSession,
  SESSION_HOURS,
  sessionPrincipal,
} from '../auth/console-session-repository.ts'
import { getHarvestRun, listHarvestRuns, listRejections } from '../harvest/harvest-run-repository.ts'
import { SourceCreate, SourceUpdate } from '../harvest/source.ts'
import { manageablePlatforms, mayManagePlatform } from '../harvest/source-access.ts'
import {
  createSource,
  getSource,
  listSources,
  requestRun,
  updateSource,
} from '../harvest/source-repository.ts'
import type { AppEnv } from '../http/env.ts'
import { Layout } from '../http/layout.tsx'
import { pageContext, renderPage } from '../http/render.tsx'
import { listPlatforms } from '../institutions/platform-repository.ts'
import type { Deps } from '../shared/deps.ts'
import { ValidationError, type ErrorDetail } from '../shared/errors.ts'
import { issuesToDetails } from '../shared/zod-issues.ts'
import { RunPage, SignedIn, SignInPage, SourcesTable } from './console-views.tsx'
import { formToInput, SourceForm, valuesOf, type FormValues } from './source-form.tsx'
import { EDIT_FIELDS, SourcePage } from './source-page.tsx'

const COOKIE = 'moocx_console'
const NEW_FIELDS = [
  'id',
  'platformId',
  'format',
  'baseUrl',
  'defaultLanguage',
  'scheduleMinutes',
  'ratePerMinute',
  'orgMap',
] as const

export function consolePages(deps: Deps) {
  const { db } = deps
  const app = new Hono<AppEnv>()
  // Every console route: refuse cross-site form posts, and know who is signed in.
  const session = createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, COOKIE)
    c.set('principal', token ? await sessionPrincipal(db, token, deps.now().toISOString()) : undefined)
    await next()
  })
  for (const path of ['/console', '/console/*']) app.use(path, csrf(), session)

  const platformsFor = async (principal: Principal) => {
    const allowed = await manageablePlatforms(db, principal)
    const { items } = await listPlatforms(db, {}, { page: 1, perPage: 100 })
    return allowed ? items.filter((p) => allowed.includes(p.id)) : items
  }

  const sourcePage = async (
    c: Context<AppEnv>,
    principal: Principal,
    id: string,
    form?: { values: FormValues; errors: ErrorDetail[] },
  ) => {
    const page = pageContext(c)
    const source = await getSource(db, id)
    await mayManagePlatform(db, principal, source.platformId, 'param.id')
    const runs = await listHarvestRuns(db, source.id)
    return renderPage(
      c,
      <SourcePage
        page={page}
        principal={principal}
        source={source}
        runs={runs}
        queued={c.req.query('queued') === '1'}
        values={form?.values ?? valuesOf(source)}
        errors={form?.errors ?? []}
      />,
      form?.errors.length ? 400 : 200,
    )
  }

  const newSourcePage = async (
    c: Context<AppEnv>,
    principal: Principal,
    values: FormValues,
    errors: ErrorDetail[],
  ) => {
    const page = pageContext(c)
    const { t } = page
    return renderPage(
      c,
      <Layout page={page} title={t('console.addSource')} current="console">
        <SignedIn page={page} principal={principal} />
        <h1>{t('console.addSource')}</h1>
        <SourceForm
          t={t}
          action="/console/sources"
          fields={NEW_FIELDS}
          values={values}
          errors={errors}
          platforms={await platformsFor(principal)}
          submit={t('console.source.create')}
        />
      </Layout>,
      errors.length ? 400 : 200,
    )
  }

  return app
    .get('/console', async (c) => {
      const principal = c.get('principal')
      const page = pageContext(c)
      if (!principal) return renderPage(c, <SignInPage page={page} wrongKey={false} />)
      const { t } = page
      const platformIds = await manageablePlatforms(db, principal)
      const sources = await listSources(db, platformIds ? { platformIds } : {})
      return renderPage(
        c,
        <Layout page={page} title={t('console.title')} current="console">
          <SignedIn page={page} principal={principal} />
          <h1>{t('console.title')}</h1>
          <p>{t('console.intro')}</p>
          <h2>{t('console.sources')}</h2>
          <SourcesTable page={page} sources={sources} />
          <p>
            <a class="button" href="/console/sources/new">
              {t('console.addSource')}
            </a>
          </p>
        </Layout>,
      )
    })
    .post('/console/sign-in', async (c) => {
      const form = await c.req.parseBody()
      const key = typeof form.key === 'string' ? form.key.trim().slice(0, 200) : ''
      const session = key ? await openSession(deps, key) : undefined
      if (!session) return renderPage(c, <SignInPage page={pageContext(c)} wrongKey={true} />, 401)
      setCookie(c, COOKIE, session.token, {
        path: '/console',
        httpOnly: true,
        sameSite: 'Strict',
        secure: new URL(c.req.url).protocol === 'https:',
        maxAge: SESSION_HOURS * 3600,
      })
      return c.redirect('/console', 303)
    })
    .post('/console/sign-out', async (c) => {
      const token = getCookie(c, COOKIE)
      if (token) await closeSession(db, token)
      deleteCookie(c, COOKIE, { path: '/console' })
      return c.redirect('/console', 303)
    })
    .get('/console/sources/new', async (c) => {
      const principal = c.get('principal')
      if (!principal) return c.redirect('/console', 303)
      return newSourcePage(c, principal, { ratePerMinute: '20', format: 'openedx-courses' }, [])
    })
    .post('/console/sources', async (c) => {
      const principal = c.get('principal')
      if (!principal) return c.redirect('/console', 303)
      const values = formValues(await c.req.parseBody())
      const { input, problems } = formToInput(values, NEW_FIELDS)
      const parsed = SourceCreate.safeParse(input)
      const errors = [...problems, ...(parsed.success ? [] : issuesToDetails('', parsed.error.issues))]
      if (!parsed.success || errors.length > 0) return newSourcePage(c, principal, values, errors)
      await mayManagePlatform(db, principal, parsed.data.platformId, 'platformId')
      const created = await createSource(deps, parsed.data).catch((error: unknown) => {
        if (error instanceof ValidationError) return error
        throw error
      })
      if (created instanceof ValidationError) return newSourcePage(c, principal, values, created.details)
      return c.redirect(`/console/sources/${encodeURIComponent(created.id)}`, 303)
    })
    .get('/console/sources/:id', async (c) => {
      const principal = c.get('principal')
      if (!principal) return c.redirect('/console', 303)
      return sourcePage(c, principal, c.req.param('id'))
    })
    .post('/console/sources/:id', async (c) => {
      const principal = c.get('principal')
      if (!principal) return c.redirect('/console', 303)
      const id = c.req.param('id')
      await mayManagePlatform(db, principal, (await getSource(db, id)).platformId, 'param.id')
      const values = formValues(await c.req.parseBody())
      const { input, problems } = formToInput(values, EDIT_FIELDS)
      const parsed = SourceUpdate.safeParse(input)
      const errors = [...problems, ...(parsed.success ? [] : issuesToDetails('', parsed.error.issues))]
      if (!parsed.success || errors.length > 0) return sourcePage(c, principal, id, { values, errors })
      const updated = await updateSource(deps, id, parsed.data).catch((error: unknown) => {
        if (error instanceof ValidationError) return error
        throw error
      })
      if (updated instanceof ValidationError)
        return sourcePage(c, principal, id, { values, errors: updated.details })
      return c.redirect(`/console/sources/${encodeURIComponent(id)}`, 303)
    })
    .post('/console/sources/:id/run', async (c) => {
      const principal = c.get('principal')
      if (!principal) return c.redirect('/console', 303)
      const id = c.req.param('id')
      await mayManagePlatform(db, principal, (await getSource(db, id)).platformId, 'param.id')
      await requestRun(db, id, deps.now().toISOString())
      return c.redirect(`/console/sources/${encodeURIComponent(id)}?queued=1`, 303)
    })
    .post('/console/sources/:id/status', async (c) => {
      const principal = c.get('principal')
      if (!principal) return c.redirect('/console', 303)
      const id = c.req.param('id')
      await mayManagePlatform(db, principal, (await getSource(db, id)).platformId, 'param.id')
      const status = SourceUpdate.shape.status.parse((await c.req.parseBody()).status)
      await updateSource(deps, id, { status })
      return c.redirect(`/console/sources/${encodeURIComponent(id)}`, 303)
    })
    .get('/console/runs/:id', async (c) => {
      const principal = c.get('principal')
      if (!principal) return c.redirect('/console', 303)
      const run = await getHarvestRun(db, c.req.param('id'))
      await mayManagePlatform(db, principal, (await getSource(db, run.sourceId)).platformId, 'param.id')
      return renderPage(
        c,
        <RunPage page={pageContext(c)} run={run} rejections={await listRejections(db, run.id)} />,
      )
    })
}

function formValues(body: Record<string, unknown>): FormValues {
  return Object.fromEntries(
    Object.entries(body).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v.slice(0, 5000)]] : [])),
  )
}
