// The one page layout: lang and dir, skip link, the search box, labelled navigation, <main>, language
// switcher. One deferred script (suggestions as you type) enhances the search box; nothing needs it.
import type { Child } from 'hono/jsx'
import { direction, LOCALES, type Locale, type Translate } from '../i18n/i18n.ts'
import { autonym } from '../i18n/format.ts'

export interface PageContext {
  t: Translate
  locale: Locale
  /** The current URL (path and query), to build language-switcher links. */
  url: URL
}

export interface LayoutProps {
  page: PageContext
  title: string
  children: Child
  head?: Child
  current?: 'home' | 'catalog' | 'institutions' | 'platforms' | 'about' | 'api' | 'console'
}

const NAV = [
  ['home', '/', 'nav.home'],
  ['catalog', '/courses', 'nav.catalog'],
  ['institutions', '/institutions', 'nav.institutions'],
  ['platforms', '/platforms', 'nav.platforms'],
  ['about', '/about', 'nav.about'],
  ['api', '/api/docs', 'nav.api'],
  ['console', '/console', 'nav.console'],
] as const

export function Layout({ page, title, children, head, current }: LayoutProps) {
  const { t, locale } = page
  return (
    <html lang={locale} dir={direction(locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('site.name')}`}</title>
        <link rel="stylesheet" href="/assets/moocx.css" />
        <script src="/assets/suggest.js" defer />
        {LOCALES.map((l) => (
          <link rel="alternate" hreflang={l} href={withLang(page.url, l)} />
        ))}
        <link
          rel="alternate"
          type="application/atom+xml"
          title={t('feed.all.title')}
          href={`/feeds/courses.atom?lang=${locale}`}
        />
        {head}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('layout.skip')}
        </a>
        <header class="top">
          <a class="brand" href="/">
            <span class="brand-name">{t('site.name')}</span>{' '}
            <span class="brand-tag">{t('site.tagline')}</span>
          </a>
          <SearchBox page={page} />
          <nav aria-label={t('layout.nav')}>
            <ul class="nav">
              {NAV.map(([id, href, key]) => (
                <li>
                  <a href={href} aria-current={current === id ? 'page' : undefined}>
                    {t(key)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <nav aria-label={t('layout.languageNav')}>
            <ul class="langs">
              {LOCALES.map((l) => (
                <li>
                  <a
                    href={withLang(page.url, l)}
                    hreflang={l}
                    lang={l}
                    aria-current={l === locale ? 'true' : undefined}
                  >
                    {autonym(l)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="bottom">
          <p>{t('footer.about')}</p>
          <p class="small">{t('footer.isced')}</p>
        </footer>
      </body>
    </html>
  )
}

/**
 * The search box of every page: a plain GET form to /search. `data-suggest` names the list of
 * suggestions that suggest.js shows under it.
 */
function SearchBox({ page }: { page: PageContext }) {
  const { t } = page
  return (
    <form class="search-box" role="search" method="get" action="/search" aria-label={t('search.label')}>
      <label class="vh" for="site-q">
        {t('search.label')}
      </label>
      <input type="search" id="site-q" name="q" maxlength={500} data-suggest={t('search.suggestions')} />
      <button type="submit">{t('search.button')}</button>
    </form>
  )
}

/** The same page in another locale. */
export function withLang(url: URL, locale: Locale): string {
  const params = new URLSearchParams(url.search)
  params.set('lang', locale)
  return `${url.pathname}?${params.toString()}`
}
