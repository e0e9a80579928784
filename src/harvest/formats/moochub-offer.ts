// What a MOOChub course costs: `access[]` (`free`, `paid`; v2 and v3) and v3 `offer[]`, each offer a
// price in a currency for taking the course, for its certificate only, or for both (`complete`).
import { z } from 'zod'
import type { Access, Certificate } from '../../catalog/course.ts'
import { lowestPrice, pricesOf, readPrice, type Offer, type PriceReading } from '../normalize-offer.ts'

const Category = z.enum(['course', 'certificate', 'complete'])
const OfferItem = z.object({
  price: z.unknown(),
  priceCurrency: z.unknown(),
  category: z.string().trim().toLowerCase().pipe(Category),
})
type Category = z.infer<typeof Category>
type Reading = PriceReading & { category: Category }

/**
 * `access` lists what the platform says outright (`free` wins: a course that may be taken free is
 * free); offers fill in the rest. Offers of a category moocx does not know, and prices it cannot
 * read, say nothing. The price is the lowest one for taking the course when access is paid, else
 * for the certificate.
 */
export function moochubOffer(accessList: unknown, offers: unknown): Offer {
  const stated = new Set(
    listOf(accessList).flatMap((a) => (typeof a === 'string' ? [a.trim().toLowerCase()] : [])),
  )
  const readings = listOf(offers).flatMap((item): Reading[] => {
    const parsed = OfferItem.safeParse(item)
    if (!parsed.success) return []
    return [{ ...readPrice(parsed.data.price, parsed.data.priceCurrency), category: parsed.data.category }]
  })
  const forCourse = readings.filter((r) => r.category !== 'certificate')
  const forCertificate = readings.filter((r) => r.category !== 'course')
  const access = accessOf(stated, forCourse)
  return {
    access,
    certificate: certificateOf(forCertificate),
    price: lowestPrice(pricesOf(access === 'paid' ? forCourse : forCertificate)),
  }
}

function accessOf(stated: ReadonlySet<string>, offers: readonly Reading[]): Access | null {
  if (stated.has('free') || offers.some((o) => o.cost === 'free')) return 'free'
  if (stated.has('paid') || offers.some((o) => o.cost === 'paid')) return 'paid'
  return null
}

function certificateOf(offers: readonly Reading[]): Certificate | null {
  if (offers.some((o) => o.cost === 'free')) return 'free'
  if (offers.some((o) => o.cost === 'paid')) return 'paid'
  return null
}

/** A field that may be one value, a list or missing (v2.0 wrote `access` as one string). */
function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  return value === null || value === undefined ? [] : [value]
}
