// Reads what feeds say a course costs: amounts written in the ways catalogs write them, ISO 4217
// currencies, and the lowest of several prices. A value that cannot be read is null, never an error.
import { Money, type Access, type Certificate } from '../catalog/course.ts'

/** What a listing costs; each part null when the feed does not say. */
export interface Offer {
  access: Access | null
  certificate: Certificate | null
  /** The lowest price above zero: for access when it is paid, else for the certificate. */
  price: Money | null
}

/** What one price a feed names says: free (0), paid (at a price, when its currency is known), or unreadable. */
export type PriceReading = { cost: 'free' } | { cost: 'paid'; price: Money | null } | { cost: null }

export const NO_OFFER: Readonly<Offer> = Object.freeze({ access: null, certificate: null, price: null })

/** Longer texts are not amounts; this also bounds the work done on hostile input. */
const MAX_AMOUNT_TEXT = 32
const GROUP = `[ '\u00a0\u202f\u2009]`
/** Each way of writing an amount, and how to make it a plain decimal. */
const AMOUNT_FORMS: readonly [RegExp, (text: string) => string][] = [
  // 49 · 49.00 · 1.5
  [/^\d+(?:\.\d+)?$/, (s) => s],
  // 49,00 (a decimal comma: at most two digits after it, else it would be a thousands separator)
  [/^\d+,\d{1,2}$/, (s) => s.replace(',', '.')],
  // 1,234.50 · 1,234
  [/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/, (s) => s.replace(/,/g, '')],
  // 1.234,50
  [/^\d{1,3}(?:\.\d{3})+,\d+$/, (s) => s.replace(/\./g, '').replace(',', '.')],
  // 1 234,50 · 1'234.50 (spaces, no-break spaces or apostrophes between thousands)
  [
    new RegExp(`^\\d{1,3}(?:${GROUP}\\d{3})+(?:[.,]\\d+)?$`),
    (s) => s.replace(/[^\d.,]/g, '').replace(',', '.'),
  ],
]

/** Every ISO 4217 code the runtime knows (its ICU data); funds and test codes such as XXX are not. */
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'))

/**
 * An amount of money from a number or a text (`49`, `"49.00"`, `"49,00"`, `"1,234.50"`, `"1.234,50"`):
 * a finite number from 0 to 10,000,000, else null. Texts with a currency sign or word (`"€49"`,
 * `"free"`) are not amounts: the currency is a field of its own, and a word means nothing certain.
 */
export function parseAmount(value: unknown): number | null {
  if (typeof value === 'number') return inRange(value)
  if (typeof value !== 'string' || value.length > MAX_AMOUNT_TEXT) return null
  const text = value.trim()
  const form = AMOUNT_FORMS.find(([pattern]) => pattern.test(text))
  return form ? inRange(Number(form[1](text))) : null
}

/**
 * An amount written with its currency beside it, as web pages write prices (`€ 1.299,00`, `US$49`,
 * `1,299.00 USD`): one currency sign or ISO code before or after the number is set aside, the rest
 * is read like parseAmount. Words (`free`, `49 per month`) still give null.
 */
export function amountInText(value: unknown): number | null {
  if (typeof value !== 'string') return parseAmount(value)
  const text = value.trim()
  const bare = /^(?:[A-Z]{0,3}\p{Sc}|[A-Z]{3})?\s*([^\s\p{Sc}A-Za-z].*?)\s*(?:\p{Sc}|[A-Z]{3})?$/u.exec(text)
  return parseAmount(bare?.[1] ?? text)
}

/** An ISO 4217 code, upper-cased (`usd` → `USD`); null for anything else. */
export function parseCurrency(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const code = value.trim().toUpperCase()
  return /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code) ? code : null
}

/** A price from an amount and a currency, each as the feed wrote it; null unless both can be read. */
export function parseMoney(amount: unknown, currency: unknown): Money | null {
  const parsed = Money.safeParse({ amount: parseAmount(amount), currency: parseCurrency(currency) })
  return parsed.success ? parsed.data : null
}

/**
 * What one price says: 0 is free (whatever the currency), more is paid (with the price only when the
 * currency can be read: moocx never guesses one), and an unreadable amount says nothing.
 */
export function readPrice(amount: unknown, currency: unknown): PriceReading {
  const value = parseAmount(amount)
  if (value === null) return { cost: null }
  if (value === 0) return { cost: 'free' }
  return { cost: 'paid', price: parseMoney(value, currency) }
}

/**
 * The lowest price above zero. Prices in different currencies cannot be compared without exchange
 * rates, so only those in the currency of the first price count.
 */
export function lowestPrice(prices: readonly (Money | null | undefined)[]): Money | null {
  const named = prices.filter((p): p is Money => p !== null && p !== undefined && p.amount > 0)
  const currency = named[0]?.currency
  const same = named.filter((p) => p.currency === currency)
  return same.reduce<Money | null>((low, p) => (low === null || p.amount < low.amount ? p : low), null)
}

/** The prices of the paid readings. */
export function pricesOf(readings: readonly PriceReading[]): (Money | null)[] {
  return readings.map((r) => (r.cost === 'paid' ? r.price : null))
}

function inRange(value: number): number | null {
  if (!Number.isFinite(value) || value < 0 || value > 10_000_000) return null
  return value === 0 ? 0 : value // -0 is 0
}
