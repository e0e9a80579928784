// The HTML error page, in the visitor's language.
import { Layout, type PageContext } from './layout.tsx'

export function ErrorPage({
  page,
  status,
  detail,
}: {
  page: PageContext
  status: number
  detail?: string | undefined
}) {
  const { t } = page
  const [title, text] =
    status === 404
      ? [t('error.notFound.title'), t('error.notFound.text')]
      : status < 500
        ? [t('error.badRequest.title'), t('error.badRequest.text', { detail: detail ?? '' })]
        : [t('error.server.title'), t('error.server.text')]
  return (
    <Layout page={page} title={title}>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href="/">{t('error.home')}</a>
      </p>
    </Layout>
  )
}
