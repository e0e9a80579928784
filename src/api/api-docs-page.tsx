// A readable page listing every operation of the OpenAPI document. Summaries come from the
// document and are English, so they are marked lang="en".
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../http/env.ts'
import { Layout } from '../http/layout.tsx'
import { TableScroll } from '../http/page-parts.tsx'
import { pageContext, renderPage } from '../http/render.tsx'

const Operation = z.object({ summary: z.string().optional(), security: z.array(z.unknown()).optional() })
const Document = z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())).default({}) })

const METHODS = ['get', 'post', 'put', 'patch', 'delete']

export function apiDocsPage(c: Context<AppEnv>, document: unknown): Promise<Response> {
  const page = pageContext(c)
  const { t } = page
  const operations = Object.entries(Document.parse(document).paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = Operation.safeParse(item[method])
      return item[method] !== undefined && op.success
        ? [{ path, method: method.toUpperCase(), op: op.data }]
        : []
    }),
  )
  return renderPage(
    c,
    <Layout page={page} title={t('api.title')} current="api">
      <h1>{t('api.title')}</h1>
      <p>{t('api.intro')}</p>
      <p>
        <a href="/api/openapi.json">{t('api.openapi')}</a> · <code dir="ltr">/api/v1</code>
      </p>
      <h2 id="ops">{t('api.operations')}</h2>
      <TableScroll labelledBy="ops">
        <table aria-labelledby="ops">
          <thead>
            <tr>
              <th scope="col">{t('api.method')}</th>
              <th scope="col">{t('api.path')}</th>
              <th scope="col">{t('api.summary')}</th>
              <th scope="col">{t('api.auth')}</th>
            </tr>
          </thead>
          <tbody>
            {operations.map(({ path, method, op }) => (
              <tr>
                <td>
                  <code>{method}</code>
                </td>
                <td dir="ltr">
                  <code>{`/api/v1${path}`}</code>
                </td>
                <td lang="en">{op.summary ?? ''}</td>
                <td>{op.security?.length ? t('api.yes') : t('api.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Layout>,
  )
}
