// Sets the UI locale of each request from ?lang=, the `lang` cookie or Accept-Language, and
// remembers an explicit choice in the cookie.
import { getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { matchLocale, negotiateLocale, translator } from '../i18n/i18n.ts'
import type { AppEnv } from './env.ts'

export const LOCALE_COOKIE = 'lang'

export const localeMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const query = c.req.query('lang')
  const locale = negotiateLocale(query, getCookie(c, LOCALE_COOKIE), c.req.header('accept-language'))
  c.set('locale', locale)
  c.set('t', translator(locale))
  await next()
  if (matchLocale(query) && !c.req.path.startsWith('/api/')) {
    setCookie(c, LOCALE_COOKIE, locale, {
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
      sameSite: 'Lax',
      httpOnly: true,
    })
  }
  c.header('Content-Language', locale)
  c.header('Vary', 'Accept-Language, Cookie', { append: true })
})
