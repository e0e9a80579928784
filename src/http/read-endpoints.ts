// The open read endpoints and what their answers get: CORS, conditional requests and, on the
// expensive ones, a per-client rate limit. Mounted in app.ts before every route (docs/publishing.md).
import type { Hono } from 'hono'
import type { RateLimitClass, RateLimits } from '../config.ts'
import { conditional } from './conditional.ts'
import { cors, type ReadMethod } from './cors.ts'
import type { AppEnv } from './env.ts'
import { createRateLimiter, rateLimit, type RateLimiter } from './rate-limit.ts'

/** Paths any origin may read, as Hono patterns (`/x/*` also matches `/x`); none overlaps another. */
export const READ_PATHS: readonly { path: string; methods?: readonly ReadMethod[] }[] = [
  // OAI-PMH allows POST (a form) for the same reads as GET.
  { path: '/oai', methods: ['GET', 'HEAD', 'POST'] },
  { path: '/api/moochub/*' },
  // The JSON API, export and search included; its writes get no CORS.
  { path: '/api/v1/*' },
  { path: '/api/openapi.json' },
  { path: '/sitemap.xml' },
  { path: '/sitemaps/*' },
  { path: '/feeds/*' },
  { path: '/robots.txt' },
]

/** The expensive ones; sitemaps and feeds share one allowance per client. */
export const LIMITED_PATHS: readonly { path: string; limit: RateLimitClass }[] = [
  { path: '/oai', limit: 'oai' },
  { path: '/api/moochub/*', limit: 'moochub' },
  { path: '/api/v1/export/*', limit: 'export' },
  { path: '/api/v1/search/*', limit: 'search' },
  { path: '/sitemaps/*', limit: 'feeds' },
  { path: '/feeds/*', limit: 'feeds' },
]

/** CORS first (so that 304s and 429s carry it), then rate limits, then conditional requests. */
export function useReadPolicies(app: Hono<AppEnv>, deps: { now: () => Date; rateLimits: RateLimits }): void {
  for (const { path, methods } of READ_PATHS) app.use(path, cors(methods))
  const limiters = new Map<RateLimitClass, RateLimiter>()
  for (const { path, limit } of LIMITED_PATHS) {
    const rate = deps.rateLimits.classes[limit]
    if (!rate) continue
    const limiter = limiters.get(limit) ?? createRateLimiter(rate)
    limiters.set(limit, limiter)
    app.use(path, rateLimit(deps, limiter, deps.rateLimits.trustProxy))
  }
  for (const { path } of READ_PATHS) app.use(path, conditional(deps))
}
