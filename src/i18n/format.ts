// Locale-aware names and dates through Intl: languages, countries, calendar dates, numbers, prices.

const displayNames = new Map<string, Intl.DisplayNames>()
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()
const moneyFormats = new Map<string, Intl.NumberFormat>()

function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  const found = map.get(key)
  if (found) return found
  const made = make()
  map.set(key, made)
  return made
}

export function languageName(tag: string, locale: string): string {
  try {
    const names = cached(
      displayNames,
      `lang:${locale}`,
      () => new Intl.DisplayNames([locale], { type: 'language' }),
    )
    return names.of(tag) ?? tag
  } catch {
    return tag
  }
}

/** A language's name in that language itself ("Русский"), for the language switcher. */
export function autonym(tag: string): string {
  const name = languageName(tag, tag)
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1)
}

export function countryName(code: string, locale: string): string {
  try {
    const names = cached(
      displayNames,
      `region:${locale}`,
      () => new Intl.DisplayNames([locale], { type: 'region' }),
    )
    return names.of(code) ?? code
  } catch {
    return code
  }
}

/** Formats a YYYY-MM-DD calendar date without shifting it through a time zone. */
export function formatDate(date: string, locale: string): string {
  const format = cached(
    dateFormats,
    locale,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  )
  return format.format(new Date(`${date}T00:00:00Z`))
}

export function formatNumber(value: number, locale: string): string {
  return cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value)
}

/** An amount in an ISO 4217 currency, e.g. "US$49.00" or "49,00 €"; the code itself if Intl does not know it. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  try {
    return cached(
      moneyFormats,
      `${locale} ${currency}`,
      () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
    ).format(amount)
  } catch {
    return `${formatNumber(amount, locale)} ${currency}`
  }
}
