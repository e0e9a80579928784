// The CSV format's offer columns (`access`, `certificate`, `price`, `currency`): how one cell is
// checked, and what a course's rows together say it costs.
import type { z } from 'zod'
import type { Access, Certificate, Money } from '../../catalog/course.ts'
import { parseAmount, parseCurrency, type Offer } from '../normalize-offer.ts'

/** The offer cells of one row, checked. */
export interface OfferCells {
  access: Access | null
  certificate: Certificate | null
  price: number | null
  currency: string | null
}

export function accessCell(value: string, ctx: z.RefinementCtx): Access | null {
  const text = value.trim().toLowerCase()
  if (text === '') return null
  if (text === 'free' || text === 'paid') return text
  ctx.addIssue({ code: 'custom', message: `access "${cut(value)}" is not free or paid` })
  return null
}

export function certificateCell(value: string, ctx: z.RefinementCtx): Certificate | null {
  const text = value.trim().toLowerCase()
  if (text === '') return null
  if (text === 'none' || text === 'free' || text === 'paid') return text
  ctx.addIssue({ code: 'custom', message: `certificate "${cut(value)}" is not none, free or paid` })
  return null
}

export function priceCell(value: string, ctx: z.RefinementCtx): number | null {
  if (value.trim() === '') return null
  const amount = parseAmount(value)
  if (amount !== null) return amount
  ctx.addIssue({
    code: 'custom',
    message: `price "${cut(value)}" is not an amount from 0 to 10000000: write a number such as 49.00, and the currency in the currency column`,
  })
  return null
}

export function currencyCell(value: string, ctx: z.RefinementCtx): string | null {
  if (value.trim() === '') return null
  const code = parseCurrency(value)
  if (code) return code
  ctx.addIssue({ code: 'custom', message: `currency "${cut(value)}" is not an ISO 4217 code such as EUR` })
  return null
}

/** A row's price must say its currency: moocx never assumes one. */
export function checkPriceCurrency(row: OfferCells, ctx: z.RefinementCtx): void {
  if (row.price !== null && row.price > 0 && row.currency === null)
    ctx.addIssue({
      code: 'custom',
      message: `price ${row.price} has no currency: fill the currency column (e.g. EUR)`,
    })
}

/**
 * What a course costs: access and certificate from the last row that fills each, the price with the
 * currency of the last row that fills price (0 is no price: what is free, access and certificate
 * say). Answers why not when the columns contradict each other.
 */
export function csvOffer(rows: readonly OfferCells[]): Offer | string {
  const access = rows.findLast((r) => r.access !== null)?.access ?? null
  const certificate = rows.findLast((r) => r.certificate !== null)?.certificate ?? null
  const priced = rows.findLast((r) => r.price !== null)
  const price: Money | null =
    priced?.price && priced.currency ? { amount: priced.price, currency: priced.currency } : null
  if (price && access === 'free' && (certificate === 'none' || certificate === 'free'))
    return `price ${price.amount} ${price.currency} but access is free and certificate is ${certificate}: nothing costs`
  return { access, certificate, price }
}

/** A cell quoted in a message: short enough to read, long enough to find. */
function cut(value: string): string {
  const text = value.trim()
  return text.length > 60 ? `${text.slice(0, 60)}…` : text
}
