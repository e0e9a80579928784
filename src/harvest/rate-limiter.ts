// A per-source token bucket so the harvester stays a polite client: `perMinute` requests may go out at
// once, then one more every 60 000 / perMinute ms. Pure logic driven by the injected clock and sleep.

export interface RateLimiter {
  /** Resolves when the caller may send one request. Callers are served in the order they called. */
  take: () => Promise<void>
}

export interface RateLimiterOptions {
  /** Requests allowed per minute; also the burst size (a full bucket). Must be > 0. */
  perMinute: number
  /** The current instant in milliseconds. */
  now: () => number
  sleep: (ms: number) => Promise<void>
}

const MINUTE_MS = 60_000

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { perMinute, now, sleep } = options
  if (!Number.isFinite(perMinute) || perMinute <= 0) {
    throw new RangeError(`perMinute must be a positive number, got ${perMinute}`)
  }
  const tokensPerMs = perMinute / MINUTE_MS
  let tokens = perMinute
  let refilledAt = now()

  return {
    take: async () => {
      // Each call reserves its token synchronously, so the balance may go negative: the deficit is
      // how long this caller waits, which serves concurrent callers in order without a queue.
      const at = now()
      tokens = Math.min(perMinute, tokens + Math.max(0, at - refilledAt) * tokensPerMs)
      refilledAt = Math.max(refilledAt, at)
      tokens -= 1
      if (tokens >= 0) return
      await sleep(Math.ceil(-tokens / tokensPerMs))
    },
  }
}
