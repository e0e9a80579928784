// What a schema.org Course says it costs: `offers` (price, priceCurrency, category "Free"/"Paid"),
// `isAccessibleForFree` and `educationalCredentialAwarded` read into access, certificate and price.
// Its price parsing is deliberately minimal; a shared offer normalizer could replace it.
import type { Access, Certificate, Money } from '../../catalog/course.ts'
import { isObject, listOf, textOf, textsOf, type JsonObject } from './json-ld.ts'

export interface OfferTerms {
  access: Access | null
  certificate: Certificate | null
  price: Money | null
}

export interface OfferInput {
  /** Offer (or AggregateOffer) objects of the course and of its instances, references resolved. */
  offers: JsonObject[]
  isAccessibleForFree: unknown
  /** `educationalCredentialAwarded` and `hasCredential` values: texts or credential objects. */
  credentials: unknown[]
}

interface Offer {
  amount: number | null
  currency: string | null
  forCertificate: boolean
  /** Category says free (also "Partially Free": the course can be taken without paying). */
  saysFree: boolean
  saysPaid: boolean
}

const MAX_AMOUNT = 10_000_000
const CERTIFICATE =
  /certific|credential|diplom|zertifikat|сертификат|свидетельств|证书|證書|ประกาศนียบัตร|شهادة/i
const FREE = /\bfree\b|gratuit|gratis|kostenlos|бесплатн|免费|免費|ฟรี|مجان/i
const PAID = /\bpaid\b|subscription|premium|payant|de pago|kostenpflichtig|платн|付费|付費/i
const NO_CERTIFICATE = /^(?:none|no|no certificate|kein(?:es)? zertifikat|нет|无|無)$/i

export function offerTerms(input: OfferInput): OfferTerms {
  const offers = input.offers.map(readOffer)
  const access = accessOf(
    input.isAccessibleForFree,
    offers.filter((o) => !o.forCertificate),
  )
  const certificate = certificateOf(offers, input.credentials, access)
  const lowest = (list: Offer[]) => lowestPrice(list) ?? lowestPrice(offers)
  const price =
    access === 'paid'
      ? lowest(offers.filter((o) => !o.forCertificate))
      : certificate === 'paid'
        ? lowest(offers.filter((o) => o.forCertificate))
        : null
  return { access, certificate, price }
}

/**
 * An amount from a price as feeds write it: `49`, `"49.99"`, `"€ 1.299,00"`, `"1,299.00 USD"`. Garbage,
 * negative amounts, ranges and amounts over ten million give null; never throws.
 */
export function parseAmount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? bounded(value) : null
  if (typeof value !== 'string' || value.length > 50) return null
  const m = /^[^\d\-−]*?(\d(?:[\d.,' \u00a0\u202f]*\d)?)[^\d\-−]*$/u.exec(value.trim())
  if (!m?.[1]) return null
  const digits = m[1].replace(/['\s\u00a0\u202f]/gu, '')
  const comma = digits.lastIndexOf(',')
  const dot = digits.lastIndexOf('.')
  // The last separator is the decimal one unless three digits follow it alone (`1,299`, `1.299`).
  const last = Math.max(comma, dot)
  const decimals = last === -1 ? 0 : digits.length - last - 1
  const single = digits.split(/[.,]/).length === 2
  const normalized =
    last === -1 || (decimals === 3 && single)
      ? digits.replace(/[.,]/g, '')
      : `${digits.slice(0, last).replace(/[.,]/g, '')}.${digits.slice(last + 1)}`
  return bounded(Number(normalized))
}

/** An ISO 4217 code in upper case (`usd` → `USD`), or null. */
export function parseCurrency(value: unknown): string | null {
  const text = textOf(value)
  return text && /^[a-z]{3}$/i.test(text) ? text.toUpperCase() : null
}

function readOffer(offer: JsonObject): Offer {
  const spec = listOf(offer.priceSpecification).find(isObject)
  const amount = parseAmount(textOf(offer.price) ?? textOf(offer.lowPrice) ?? textOf(spec?.price))
  const currency = parseCurrency(offer.priceCurrency) ?? parseCurrency(spec?.priceCurrency)
  const category = textsOf(offer.category).join(' ')
  const label = [category, ...textsOf(offer.name)].join(' ')
  return {
    amount,
    currency,
    forCertificate: CERTIFICATE.test(label),
    saysFree: FREE.test(category),
    saysPaid: PAID.test(category),
  }
}

/** `isAccessibleForFree` first; else free if any offer is free (auditing counts), paid if any costs. */
function accessOf(accessibleForFree: unknown, offers: Offer[]): Access | null {
  const flag =
    textOf(accessibleForFree) ?? (typeof accessibleForFree === 'boolean' ? String(accessibleForFree) : '')
  if (/^true$/i.test(flag)) return 'free'
  if (/^false$/i.test(flag)) return 'paid'
  if (offers.some((o) => o.saysFree || o.amount === 0)) return 'free'
  if (offers.some((o) => o.saysPaid || (o.amount ?? 0) > 0)) return 'paid'
  return null
}

/**
 * An offer naming a certificate decides: priced → paid, else free. Without one, a course that names a
 * credential it awards is read as: paid when anything on offer costs (the certificate comes with what
 * is paid for — a paid course, or the paid part of a "Partially Free" one); free when there are offers
 * and none costs; unknown (null) without offers. A credential written as "none" means no certificate.
 */
function certificateOf(offers: Offer[], credentials: unknown[], access: Access | null): Certificate | null {
  const certificateOffers = offers.filter((o) => o.forCertificate)
  if (certificateOffers.some((o) => (o.amount ?? 0) > 0 || o.saysPaid)) return 'paid'
  if (certificateOffers.length > 0) return 'free'
  const named = credentials.flatMap((c) =>
    isObject(c) ? [textOf(c.name) ?? textOf(c.credentialCategory) ?? 'yes'] : textsOf(c),
  )
  if (named.length === 0) return null
  if (named.every((n) => NO_CERTIFICATE.test(n))) return 'none'
  if (access === 'paid' || offers.some((o) => (o.amount ?? 0) > 0 || o.saysPaid)) return 'paid'
  return offers.length > 0 ? 'free' : null
}

/** The lowest positive amount that has a currency. */
function lowestPrice(offers: Offer[]): Money | null {
  let lowest: Money | null = null
  for (const { amount, currency } of offers) {
    if (amount === null || amount <= 0 || currency === null) continue
    if (!lowest || amount < lowest.amount) lowest = { amount, currency }
  }
  return lowest
}

function bounded(amount: number): number | null {
  if (!Number.isFinite(amount) || amount < 0 || amount > MAX_AMOUNT) return null
  return Math.round(amount * 100) / 100
}
