// The harvester's outbound HTTP client for untrusted servers: timeouts, a cap on the decoded body, strict
// UTF-8, retries with jittered backoff honouring Retry-After. Every failure is an UpstreamError.
// Timeouts run on real timers because they guard real sockets; backoff, Retry-After and sleeping use deps.
import { parseTarget, redirected, redirectTarget } from './fetch-urls.ts'
import type { RateLimiter } from './rate-limiter.ts'
import { UpstreamError } from './upstream-error.ts'

export { UpstreamError, type UpstreamReason } from './upstream-error.ts'

export interface FetchPolicy {
  /** Milliseconds from sending the request to having the response headers (includes connecting). */
  connectTimeoutMs: number
  /** Longest silence allowed between two body chunks, in milliseconds. */
  readTimeoutMs: number
  /** Cap on the decoded (decompressed) body in bytes; passing it aborts the download. */
  maxBytes: number
  /** Extra attempts after the first, for network errors, timeouts, 5xx and 429. */
  retries: number
  /** Backoff before retry n (0-based) is random() × min(60 s, backoffBaseMs × 2^n): "full jitter". */
  backoffBaseMs: number
  /** A Retry-After longer than this fails the request with `retry_after_too_long` instead of waiting. */
  maxRetryAfterMs: number
  /** Ceiling on one whole attempt, so a server dripping a byte per readTimeoutMs cannot hold us forever. */
  totalTimeoutMs?: number
  userAgent: string
}

export interface FetchDeps {
  fetch: typeof globalThis.fetch
  sleep: (ms: number) => Promise<void>
  /** A number in [0, 1), for backoff jitter. */
  random: () => number
  /** The current instant in milliseconds, for HTTP-date Retry-After values. */
  now: () => number
  /** Taken once before every attempt, retries included. */
  limiter?: RateLimiter
}

export interface FetchInit {
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
}

export interface FetchedBody {
  /** The final URL, after redirects. */
  url: string
  status: number
  headers: Headers
  text: string
  /** Decoded body size in bytes. */
  bytes: number
}

const DEFAULT_TOTAL_TIMEOUT_MS = 10 * 60_000

export const DEFAULT_FETCH_POLICY: Omit<FetchPolicy, 'userAgent'> = {
  connectTimeoutMs: 10_000,
  readTimeoutMs: 30_000,
  maxBytes: 50 * 1024 * 1024,
  retries: 4,
  backoffBaseMs: 500,
  maxRetryAfterMs: 5 * 60_000,
  totalTimeoutMs: DEFAULT_TOTAL_TIMEOUT_MS,
}

/** The default policy with the caller's User-Agent and any overrides. */
export function fetchPolicy(overrides: Partial<FetchPolicy> & Pick<FetchPolicy, 'userAgent'>): FetchPolicy {
  return { ...DEFAULT_FETCH_POLICY, ...overrides }
}

/**
 * Fetches `url` and returns its body as text, retrying transient failures (see isRetryable).
 * Throws UpstreamError; any other error is a bug in the caller (e.g. an invalid header value).
 */
export async function fetchText(
  deps: FetchDeps,
  url: string,
  init: FetchInit,
  policy: FetchPolicy,
): Promise<FetchedBody> {
  const target = parseTarget(url)
  const headers = new Headers(init.headers)
  headers.set('user-agent', policy.userAgent)
  headers.set('accept-encoding', 'gzip, deflate, br')
  const request: RequestInit = { method: init.method ?? 'GET', headers, body: init.body }

  for (let attempt = 0; ; attempt++) {
    await deps.limiter?.take()
    try {
      return await fetchOnce(deps, target, request, policy)
    } catch (error) {
      if (!(error instanceof UpstreamError) || !isRetryable(error) || attempt >= policy.retries) throw error
      await deps.sleep(error.retryAfterMs ?? backoffMs(deps, policy, attempt))
    }
  }
}

/** Network errors, timeouts, 5xx and 429 are worth another try; everything else would fail the same way. */
export function isRetryable(error: UpstreamError): boolean {
  if (error.reason === 'network' || error.reason === 'timeout') return true
  if (error.reason !== 'http_status' || error.status === undefined) return false
  return error.status === 429 || error.status >= 500
}

/** Milliseconds to wait for a Retry-After (delay-seconds or HTTP-date); undefined if absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  const trimmed = value?.trim()
  if (!trimmed) return undefined
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  // Only day-name-first forms (IMF-fixdate, RFC 850, asctime): Date.parse is lenient about everything else.
  if (!/^[A-Za-z]{3,9},? /.test(trimmed)) return undefined
  const at = Date.parse(trimmed)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

const BACKOFF_CAP_MS = 60_000

function backoffMs(deps: FetchDeps, policy: FetchPolicy, attempt: number): number {
  return Math.floor(deps.random() * Math.min(BACKOFF_CAP_MS, policy.backoffBaseMs * 2 ** attempt))
}

async function fetchOnce(
  deps: FetchDeps,
  url: URL,
  request: RequestInit,
  policy: FetchPolicy,
  hops = 0,
): Promise<FetchedBody> {
  const guard = attemptGuard(url.href, policy.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS)
  let response: Response
  try {
    const sent = deps.fetch(url, { ...request, redirect: 'manual', signal: guard.signal })
    response = await guard.within(sent, policy.connectTimeoutMs, 'No response headers')
  } catch (error) {
    throw guard.fail(error)
  }
  const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null
  if (location !== null) {
    guard.abort()
    return fetchOnce(
      deps,
      redirectTarget(url, location, hops),
      redirected(request, response.status),
      policy,
      hops + 1,
    )
  }

  if (!response.ok) {
    guard.abort()
    throw statusError(response, url.href, deps.now(), policy)
  }
  if (declaredTooLarge(response, policy.maxBytes)) {
    guard.abort()
    throw new UpstreamError('too_large', `Content-Length is over the ${policy.maxBytes}-byte cap`, url.href)
  }
  const { text, bytes } = await readBody(response, policy, guard)
  return { url: response.url || url.href, status: response.status, headers: response.headers, text, bytes }
}

/** Streams the body through a fatal UTF-8 decoder, counting decoded bytes and stopping at the cap. */
async function readBody(response: Response, policy: FetchPolicy, guard: AttemptGuard) {
  const parts: string[] = []
  let bytes = 0
  if (!response.body) return { text: '', bytes }
  const reader = response.body.getReader()
  const decoder = new TextDecoder('utf-8', { fatal: true })
  try {
    for (;;) {
      const chunk = await guard.within(reader.read(), policy.readTimeoutMs, 'Body stalled')
      if (chunk.done) break
      if (!(chunk.value instanceof Uint8Array)) throw new TypeError('Body chunk is not bytes')
      bytes += chunk.value.byteLength
      if (bytes > policy.maxBytes) {
        throw new UpstreamError('too_large', `Body is over the ${policy.maxBytes}-byte cap`, guard.url)
      }
      parts.push(decode(decoder, chunk.value, guard.url))
    }
    parts.push(decode(decoder, undefined, guard.url))
  } catch (error) {
    const failure = guard.fail(error)
    reader.cancel(failure).catch(() => undefined)
    throw failure
  }
  return { text: parts.join(''), bytes }
}

function decode(
  decoder: InstanceType<typeof TextDecoder>,
  chunk: Uint8Array | undefined,
  url: string,
): string {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode()
  } catch (error) {
    throw new UpstreamError('invalid_utf8', 'Body is not valid UTF-8', url, undefined, { cause: error })
  }
}

function statusError(response: Response, url: string, now: number, policy: FetchPolicy): UpstreamError {
  const { status } = response
  const retryAfterMs =
    status === 429 || status === 503 ? parseRetryAfter(response.headers.get('retry-after'), now) : undefined
  if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) {
    const message = `HTTP ${status}: asked to retry after ${Math.ceil(retryAfterMs / 1000)} s, over the limit`
    return new UpstreamError('retry_after_too_long', message, url, status, { retryAfterMs })
  }
  return new UpstreamError('http_status', `HTTP ${status} from ${url}`, url, status, { retryAfterMs })
}

function declaredTooLarge(response: Response, maxBytes: number): boolean {
  // Content-Length counts encoded bytes, so it bounds the decoded size only when nothing is encoded.
  const encoding = response.headers.get('content-encoding')?.trim().toLowerCase()
  if (encoding && encoding !== 'identity') return false
  const declared = Number(response.headers.get('content-length') ?? Number.NaN)
  return Number.isFinite(declared) && declared > maxBytes
}

type AttemptGuard = ReturnType<typeof attemptGuard>

/** One attempt's abort switch and clock: the first failure wins and explains later AbortErrors. */
function attemptGuard(url: string, totalMs: number) {
  const controller = new AbortController()
  const startedAt = performance.now()
  let failure: UpstreamError | undefined

  const fail = (error: unknown): UpstreamError => {
    failure ??= error instanceof UpstreamError ? error : networkError(error, url)
    controller.abort(failure)
    return failure
  }

  /** Settles with `work`, or fails the attempt as a timeout after `limitMs` or the rest of the total. */
  const within = <T>(work: Promise<T>, limitMs: number, what: string): Promise<T> => {
    const remainingMs = Math.max(0, totalMs - (performance.now() - startedAt))
    const ms = Math.min(limitMs, remainingMs)
    const message = ms < limitMs ? `Attempt took over ${totalMs} ms` : `${what} for ${limitMs} ms`
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(fail(new UpstreamError('timeout', message, url))), ms)
    })
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
  }

  return { url, signal: controller.signal, fail, within, abort: () => controller.abort() }
}

function networkError(error: unknown, url: string): UpstreamError {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : ''
  const message = error instanceof Error ? `${error.message}${cause}` : String(error)
  return new UpstreamError('network', message, url, undefined, { cause: error })
}
