// What Open edX enrollment modes say a course costs (course-discovery `seats`, edx-search `modes`):
// audit is free to take, honor adds a free certificate, verified, professional and credit are paid.
import { lowestPrice, NO_OFFER, pricesOf, readPrice, type Offer } from '../normalize-offer.ts'

/** A mode a course can be taken in; course-discovery names its price, edx-search does not. */
export interface Seat {
  type: string
  price?: unknown
  currency?: unknown
}

/** Free to enroll in; honor also gives a certificate. */
const FREE_MODES: ReadonlySet<string> = new Set(['audit', 'honor'])
/**
 * Paid modes, each with a certificate: verified and credit beside a free audit track, the others as
 * the only way in. A course without a free mode cannot be taken without paying.
 */
const PAID_MODES: ReadonlySet<string> = new Set([
  'verified',
  'credit',
  'professional',
  'no-id-professional',
  'executive-education',
  'paid-executive-education',
  'paid-bootcamp',
])

/**
 * The offer of a course's modes; modes moocx does not know (`masters`, enterprise-only ones) say
 * nothing. A paid mode costs even when its price cannot be read, unless it says 0.
 */
export function openedxOffer(seats: readonly Seat[]): Offer {
  const known = seats
    .map((s) => ({ ...s, type: s.type.trim().toLowerCase() }))
    .filter((s) => FREE_MODES.has(s.type) || PAID_MODES.has(s.type))
  if (known.length === 0) return { ...NO_OFFER }
  const paid = known.filter((s) => PAID_MODES.has(s.type)).map((s) => readPrice(s.price, s.currency))
  const zeroPriced = paid.some((r) => r.cost === 'free')
  const honor = known.some((s) => s.type === 'honor')
  return {
    access: zeroPriced || known.some((s) => FREE_MODES.has(s.type)) ? 'free' : 'paid',
    certificate: honor || zeroPriced ? 'free' : paid.length > 0 ? 'paid' : 'none',
    price: lowestPrice(pricesOf(paid)),
  }
}
