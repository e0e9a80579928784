// What a schema.org Course says it costs: `offers` (price, priceCurrency, category "Free"/"Paid"),
// `isAccessibleForFree` and `educationalCredentialAwarded` read into access, certificate and price.
import type { Access, Certificate, Money } from '../../catalog/course.ts'
import { amountInText, lowestPrice, parseCurrency } from '../normalize-offer.ts'
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
  const lowestOf = (list: Offer[]) => lowest(list) ?? lowest(offers)
  const price =
    access === 'paid'
      ? lowestOf(offers.filter((o) => !o.forCertificate))
      : certificate === 'paid'
        ? lowestOf(offers.filter((o) => o.forCertificate))
        : null
  return { access, certificate, price }
}

function readOffer(offer: JsonObject): Offer {
  const spec = listOf(offer.priceSpecification).find(isObject)
  const amount = amountInText(textOf(offer.price) ?? textOf(offer.lowPrice) ?? textOf(spec?.price))
  const currency = parseCurrency(textOf(offer.priceCurrency)) ?? parseCurrency(textOf(spec?.priceCurrency))
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

/** The lowest positive price among offers with a readable currency. */
function lowest(offers: Offer[]): Money | null {
  return lowestPrice(
    offers.map(({ amount, currency }) =>
      amount !== null && currency !== null ? { amount, currency } : null,
    ),
  )
}
