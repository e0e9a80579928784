// Small conversions from moocx values to MOOChub v3 ones: resource ids, HTML from plain text,
// date-times from calendar dates, workload, licences and what a listing costs.
import { createHash } from 'node:crypto'
import type { Listing } from '../../catalog/course.ts'
import { licenseUrl } from '../../catalog/licence-url.ts'
import type { MoochubLicense, MoochubOffer } from './moochub-types.ts'

/** RFC 4122's namespace for names that are URLs. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The resource id v3 wants as a UUID: a course id that is one (harvested courses) as it is; else the
 * name-based UUID (version 5) of the course's URL on this node, the same on every call.
 */
export function moochubId(courseId: string, publicUrl: string): string {
  if (UUID.test(courseId)) return courseId.toLowerCase()
  const hash = createHash('sha1')
    .update(Buffer.from(URL_NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(`${publicUrl}/courses/${courseId}`, 'utf8')
    .digest()
    .subarray(0, 16)
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6)
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8)
  const hex = hash.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** Plain text as the HTML MOOChub wants: escaped, blank lines making paragraphs. */
export function textToHtml(text: string | null): string | null {
  const paragraphs = (text ?? '')
    .split(/\n\s*\n/)
    .map((p) => escapeHtml(p.trim()).replace(/\s*\n\s*/g, '<br>'))
    .filter((p) => p !== '')
  return paragraphs.length > 0 ? paragraphs.map((p) => `<p>${p}</p>`).join('\n') : null
}

/** Escaped for HTML text, so `a < b` stays text. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * A calendar date as an RFC 3339 date-time. moocx keeps no time of day: a run starts at the
 * beginning of its first day and ends at the end of its last (UTC); readers take the date.
 */
export function dateTime(date: string, at: 'start' | 'end'): string {
  return `${date}T${at === 'start' ? '00:00:00' : '23:59:59'}Z`
}

/**
 * Workload in v3's integer shape: hours per week when that is exact (or at least one hour), else hours
 * per month, whichever reads back closer (a 30-minute weekly effort is 2 h/month, not 1 h/week).
 */
export function workload(
  hoursPerWeek: number | null,
): { timeValue: number; timeUnit: 'h/week' | 'h/month' } | undefined {
  if (hoursPerWeek === null || !(hoursPerWeek > 0)) return undefined
  const weekly = Math.max(1, Math.round(hoursPerWeek))
  const monthly = Math.max(1, Math.round((hoursPerWeek * 52.1775) / 12))
  const monthlyBack = (monthly * 12) / 52.1775
  return Math.abs(weekly - hoursPerWeek) <= Math.abs(monthlyBack - hoursPerWeek)
    ? { timeValue: weekly, timeUnit: 'h/week' }
    : { timeValue: monthly, timeUnit: 'h/month' }
}

/**
 * The course licence as v3 lists it. A course whose licence is not known is published as
 * proprietary: no rights are granted unless a licence says so.
 */
export function licenses(license: string | null): MoochubLicense[] {
  if (license === null || license === 'proprietary') return [{ identifier: 'proprietary', url: null }]
  return [{ identifier: license, url: licenseUrl(license) }]
}

/** ISO 4217's code for "no currency": the currency of a zero price whose listing names none. */
const NO_CURRENCY = 'XXX'

/**
 * What the listing costs as v3 `access`, `offer` and `educationalCredentialsAwarded`. A free course
 * has an offer at 0 (the schema asks for one); the price is for the course when access is paid, else
 * for the certificate; a certificate that is free is an offer at 0 too.
 */
export function offerOf(listing: Pick<Listing, 'access' | 'certificate' | 'price'>): {
  access?: ('free' | 'paid')[]
  offer?: MoochubOffer[]
  educationalCredentialsAwarded?: 'certificate'[]
} {
  const { access, certificate, price } = listing
  const currency = price?.currency ?? NO_CURRENCY
  const item = (amount: number, category: MoochubOffer['category'], cur = currency): MoochubOffer => ({
    price: amount,
    priceCurrency: cur,
    paymentFrequency: 'one-time',
    category,
  })
  const offers: MoochubOffer[] = []
  if (access === 'free') offers.push(item(0, 'course'))
  // Paying for the course and for its certificate at once is MOOChub's `complete` offer.
  if (access === 'paid' && price)
    offers.push(item(price.amount, certificate === 'paid' ? 'complete' : 'course', price.currency))
  if (certificate === 'free') offers.push(item(0, 'certificate'))
  if (certificate === 'paid' && access !== 'paid' && price)
    offers.push(item(price.amount, 'certificate', price.currency))
  return {
    ...(access ? { access: [access] } : {}),
    ...(offers.length > 0 ? { offer: offers } : {}),
    ...(certificate === 'free' || certificate === 'paid'
      ? { educationalCredentialsAwarded: ['certificate' as const] }
      : {}),
  }
}
