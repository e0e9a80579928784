// CORS for the open read endpoints: any web page may read them. Only the read methods get it:
// writes, API keys (Authorization) and cookies are never offered to other origins.
import { createMiddleware } from 'hono/factory'

export type ReadMethod = 'GET' | 'HEAD' | 'POST'

/** Response headers a script on another origin may read (beyond the CORS-safelisted ones). */
export const EXPOSED_HEADERS = [
  'ETag',
  'Last-Modified',
  'Link',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
].join(', ')

/** Preflights are remembered by browsers this long (Chromium caps it at 2 hours). */
export const PREFLIGHT_MAX_AGE_SECONDS = 86_400

/**
 * `Access-Control-Allow-Origin: *` on answers to `methods` (GET and HEAD, plus POST where POST is a
 * read, as on /oai), and preflights answered for those methods only. A preflight for another method
 * passes on to the routes and gets no CORS headers, so the browser refuses the request.
 */
export function cors(methods: readonly ReadMethod[] = ['GET', 'HEAD']) {
  const allowed = new Set<string>(methods)
  // Conditional request headers are not CORS-safelisted; Content-Type is, except for JSON, and is
  // only needed where a form may be posted. Authorization is deliberately absent.
  const allowHeaders = [
    'Accept',
    'Accept-Language',
    'If-None-Match',
    'If-Modified-Since',
    ...(allowed.has('POST') ? ['Content-Type'] : []),
  ].join(', ')
  const allowMethods = methods.join(', ')

  return createMiddleware(async (c, next) => {
    if (c.req.method === 'OPTIONS') {
      const requested = c.req.header('access-control-request-method')?.trim()
      if (c.req.header('origin') === undefined || requested === undefined || !allowed.has(requested)) {
        return next()
      }
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': allowMethods,
        'Access-Control-Allow-Headers': allowHeaders,
        'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
      })
    }
    await next()
    if (allowed.has(c.req.method)) {
      c.header('Access-Control-Allow-Origin', '*')
      c.header('Access-Control-Expose-Headers', EXPOSED_HEADERS)
    }
  })
}
