// UI locales, locale negotiation and message formatting (ICU MessageFormat through intl-messageformat).
import { IntlMessageFormat } from 'intl-messageformat'
import { ar } from './locales/ar.ts'
import { en, type MessageKey, type Messages } from './locales/en.ts'
import { es } from './locales/es.ts'
import { fr } from './locales/fr.ts'
import { ru } from './locales/ru.ts'
import { th } from './locales/th.ts'
import { zh } from './locales/zh.ts'

export const LOCALES = ['en', 'zh', 'ru', 'th', 'ar', 'fr', 'es'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

export const catalogs: Record<Locale, Messages> = { en, zh, ru, th, ar, fr, es }

export type Values = Record<string, string | number>
export type Translate = (key: MessageKey, values?: Values) => string

export function isLocale(value: unknown): value is Locale {
  return LOCALES.some((l) => l === value)
}

export function direction(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr'
}

/** Picks the UI locale: `?lang=`, then the cookie, then Accept-Language (by q-value), then English. */
export function negotiateLocale(
  query: string | undefined,
  cookie: string | undefined,
  acceptLanguage: string | undefined,
): Locale {
  for (const candidate of [query, cookie]) {
    const match = matchLocale(candidate)
    if (match) return match
  }
  for (const tag of parseAcceptLanguage(acceptLanguage ?? '')) {
    const match = matchLocale(tag)
    if (match) return match
  }
  return DEFAULT_LOCALE
}

export function matchLocale(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined
  const language = tag.trim().toLowerCase().split(/[-_]/)[0]
  return isLocale(language) ? language : undefined
}

function parseAcceptLanguage(header: string): string[] {
  return header
    .slice(0, 1000)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const weight = q ? Number(q.slice(2)) : 1
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index }
    })
    .filter((entry) => entry.tag && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag)
}

const compiled = new Map<string, IntlMessageFormat>()

export function translator(locale: Locale): Translate {
  return (key, values) => {
    const cacheKey = `${locale}\u0000${key}`
    let format = compiled.get(cacheKey)
    if (!format) {
      format = new IntlMessageFormat(catalogs[locale][key], locale)
      compiled.set(cacheKey, format)
    }
    return String(format.format(values))
  }
}
