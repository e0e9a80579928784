// Page-number pagination shared by every list: parsing limits and the `meta` block of answers.
import { z } from 'zod'

export const MAX_PER_PAGE = 100

export const PageQuery = z.object({
  page: z.coerce
    .number({ error: 'must be a whole number of 1 or more' })
    .int('must be a whole number of 1 or more')
    .min(1, 'must be a whole number of 1 or more')
    .max(100_000, 'must be 100000 or less')
    .default(1),
  per_page: z.coerce
    .number({ error: `must be a whole number from 1 to ${MAX_PER_PAGE}` })
    .int(`must be a whole number from 1 to ${MAX_PER_PAGE}`)
    .min(1, `must be a whole number from 1 to ${MAX_PER_PAGE}`)
    .max(MAX_PER_PAGE, `must be a whole number from 1 to ${MAX_PER_PAGE}`)
    .default(20),
})

export interface Page {
  page: number
  perPage: number
}

export interface PageMeta {
  total: number
  page: number
  perPage: number
  pages: number
}

export const PageMetaSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
    pages: z.number().int(),
  })
  .meta({ id: 'PageMeta' })

export function pageMeta(total: number, page: Page): PageMeta {
  return {
    total,
    page: page.page,
    perPage: page.perPage,
    pages: Math.max(1, Math.ceil(total / page.perPage)),
  }
}

export function offsetOf(page: Page): number {
  return (page.page - 1) * page.perPage
}
