// Per-client rate limits of the expensive read endpoints: GCRA (a token bucket kept as one instant
// per client) in this process's memory; idle clients are forgotten, so memory stays bounded.
import { createMiddleware } from 'hono/factory'
import type { Rate } from '../config.ts'
import { RateLimitedError } from '../shared/errors.ts'
import { clientKey } from './client-address.ts'

export interface Decision {
  allowed: boolean
  /** The burst: how many requests a rested client may send at once. */
  limit: number
  remaining: number
  /** Whole seconds until the client's bucket is full again. */
  resetSeconds: number
  /** Whole seconds, at least 1, before a refused request would be accepted; 0 when allowed. */
  retryAfterSeconds: number
}

export interface RateLimiter {
  readonly rate: Rate
  /** Counts one request of `key` at `nowMs` (epoch milliseconds) and says whether it may proceed. */
  take(key: string, nowMs: number): Decision
  /** How many clients are remembered. */
  size(): number
}

/** Clients remembered per limiter at most; past it the least recently seen is forgotten first. */
export const MAX_CLIENTS = 100_000

// Float slack, so that 3 * (20000 / 3) ms counts as a whole 20 s.
const EPSILON = 1e-9

export function createRateLimiter(rate: Rate, options: { maxClients?: number } = {}): RateLimiter {
  const interval = 60_000 / rate.perMinute
  const capacity = interval * rate.burst
  const maxClients = Math.max(1, options.maxClients ?? MAX_CLIENTS)
  /** Each client's theoretical arrival time: when its bucket is full again. Least recently seen first. */
  const fullAt = new Map<string, number>()

  // A client whose bucket is full again carries no information; the oldest go first, which bounds
  // the map by the clients seen in the last `capacity` ms (and by maxClients in any case).
  const evict = (nowMs: number) => {
    for (const [key, at] of fullAt) {
      if (at > nowMs && fullAt.size <= maxClients) break
      fullAt.delete(key)
    }
  }

  const take = (key: string, nowMs: number): Decision => {
    const start = Math.max(fullAt.get(key) ?? nowMs, nowMs)
    const next = start + interval
    const excess = next - nowMs - capacity
    fullAt.delete(key)
    if (excess > EPSILON) {
      fullAt.set(key, start)
      return {
        allowed: false,
        limit: rate.burst,
        remaining: 0,
        resetSeconds: wholeSeconds(start - nowMs),
        retryAfterSeconds: Math.max(1, wholeSeconds(excess)),
      }
    }
    fullAt.set(key, next)
    evict(nowMs)
    return {
      allowed: true,
      limit: rate.burst,
      remaining: Math.max(0, Math.floor((capacity - (next - nowMs)) / interval + EPSILON)),
      resetSeconds: wholeSeconds(next - nowMs),
      retryAfterSeconds: 0,
    }
  }

  return { rate, take, size: () => fullAt.size }
}

/**
 * Refuses a client over its share with 429 and Retry-After (through the error handler), and tells
 * every client where it stands (IETF draft-ietf-httpapi-ratelimit-headers: RateLimit-Limit,
 * -Remaining, -Reset, -Policy). CORS preflights are not counted.
 */
export function rateLimit(deps: { now: () => Date }, limiter: RateLimiter, trustProxy: number) {
  const windowSeconds = Math.max(1, Math.round((limiter.rate.burst * 60) / limiter.rate.perMinute))
  const policy = `${limiter.rate.burst};w=${windowSeconds}`
  return createMiddleware(async (c, next) => {
    if (c.req.method === 'OPTIONS') return next()
    const decision = limiter.take(clientKey(c, trustProxy), deps.now().getTime())
    c.header('RateLimit-Limit', String(decision.limit))
    c.header('RateLimit-Remaining', String(decision.remaining))
    c.header('RateLimit-Reset', String(decision.resetSeconds))
    c.header('RateLimit-Policy', policy)
    if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds)
    await next()
  })
}

function wholeSeconds(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000 - EPSILON))
}
