// Guards for the JSON API: authentication by API key, and body rules for writes
// (JSON only, size limit) that answer with our error model.
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import type { Principal } from '../auth/api-key.ts'
import { principalOf } from '../auth/api-key-repository.ts'
import type { Db } from '../db/schema.ts'
import { AppError, UnauthorizedError } from '../shared/errors.ts'
import type { AppEnv } from './env.ts'

export const MAX_BODY_BYTES = 64 * 1024
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Routes that check their own body: signed pushes (harvest/push-api.ts, JSON up to 5 MB, verified
 * as raw bytes) and CSV uploads (harvest/csv-upload.ts, text/csv up to 20 MB).
 */
const OWN_BODY_RULES = [/\/sources\/[^/]+\/push$/, /\/sources\/[^/]+\/csv$/]
const ownRules = (path: string) => OWN_BODY_RULES.some((rule) => rule.test(path))

const limit = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new AppError('payload_too_large', 413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`, [
      { field: 'body', message: `larger than ${MAX_BODY_BYTES} bytes` },
    ])
  },
})

/** Writes must send JSON of at most MAX_BODY_BYTES, except on routes with their own rules. */
export const writeBodyRules = [
  createMiddleware<AppEnv>(async (c, next) => {
    if (
      WRITES.has(c.req.method) &&
      c.req.method !== 'DELETE' &&
      hasBody(c.req.raw) &&
      !ownRules(c.req.path)
    ) {
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
      if (type !== 'application/json') {
        throw new AppError('unsupported_media_type', 415, 'Send the request body as application/json.', [
          { field: 'header.content-type', message: `expected application/json, got "${type || 'nothing'}"` },
        ])
      }
    }
    await next()
  }),
  createMiddleware<AppEnv>((c, next) => (ownRules(c.req.path) ? next() : limit(c, next))),
]

/** Reads "Authorization: Bearer <key>" on writes; a wrong key is refused even where none is needed. */
export function authenticate(db: Db) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization')
    c.set('principal', undefined)
    if (header !== undefined) {
      const match = /^Bearer\s+(\S{1,200})$/i.exec(header.trim())
      const principal = match?.[1] ? await principalOf(db, match[1]) : undefined
      if (!principal) throw new UnauthorizedError('The API key is not valid or has been revoked.')
      c.set('principal', principal)
    }
    await next()
  })
}

/** A request carries a body when it declares a non-zero length or a chunked one. */
function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length')
  return (
    (length !== null && length !== '0') ||
    request.headers.has('transfer-encoding') ||
    request.headers.has('content-type')
  )
}

export function requirePrincipal(c: Context<AppEnv>): Principal {
  const principal = c.get('principal')
  if (!principal) throw new UnauthorizedError()
  return principal
}
