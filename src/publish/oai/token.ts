// Resumption tokens: the whole state of a list request (format, set, date bounds, where the next page
// starts, how many came before, the list's size) in the token itself, so any process can answer it and
// nothing is kept per harvester. Tokens expire; a token that was altered or is too old is refused.
import { z } from 'zod'

/** How long a harvester may take before asking for the next page. */
export const TOKEN_LIFETIME_MS = 60 * 60 * 1000

const TokenState = z.strictObject({
  v: z.literal(1),
  verb: z.enum(['ListRecords', 'ListIdentifiers', 'ListSets']),
  prefix: z.string().max(40),
  set: z.string().max(300).optional(),
  from: z.string().max(30).optional(),
  until: z.string().max(30).optional(),
  after: z.strictObject({ changedAt: z.string().max(30), id: z.string().max(255) }).optional(),
  cursor: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  expires: z.number().int(),
})
export type TokenState = z.infer<typeof TokenState>

export function encodeToken(state: TokenState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url')
}

/** The state of a token issued for `verb` that has not expired at `now`, else a reason it is refused. */
export function decodeToken(token: string, verb: string, now: Date): TokenState | string {
  if (token.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(token))
    return 'it is not a token this repository issued'
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
  } catch {
    return 'it is not a token this repository issued'
  }
  const parsed = TokenState.safeParse(json)
  if (!parsed.success) return 'it is not a token this repository issued'
  if (parsed.data.verb !== verb) return `it was issued for ${parsed.data.verb}, not ${verb}`
  if (parsed.data.expires < now.getTime())
    return `it expired at ${new Date(parsed.data.expires).toISOString().slice(0, 19)}Z; start the list again`
  return parsed.data
}

/** `2026-11-29T13:00:00Z`: the expirationDate attribute. */
export function expirationDate(state: TokenState): string {
  return `${new Date(state.expires).toISOString().slice(0, 19)}Z`
}
