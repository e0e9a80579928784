// Which URLs the harvester fetches: http(s) only, no credentials in URLs, and redirects only on
// the same host, a bounded number of times.
import { UpstreamError } from './upstream-error.ts'

/**
 * Redirects are followed only on the same host (an http → https upgrade included), at most
 * MAX_REDIRECTS times: a feed must not send the harvester — or a credential it posts — elsewhere.
 */
export function redirectTarget(from: URL, location: string, hops: number): URL {
  let to: URL
  try {
    to = new URL(location, from)
  } catch {
    throw new UpstreamError(
      'bad_url',
      `Redirect to an invalid URL: ${JSON.stringify(location.slice(0, 200))}`,
      from.href,
    )
  }
  if (hops >= MAX_REDIRECTS)
    throw new UpstreamError('bad_url', `More than ${MAX_REDIRECTS} redirects`, from.href)
  const upgrade = from.protocol === 'http:' && to.protocol === 'https:' && from.hostname === to.hostname
  if (to.origin !== from.origin && !upgrade) {
    throw new UpstreamError(
      'bad_url',
      `Redirect to ${to.origin} refused: the harvester stays on ${from.origin}`,
      from.href,
    )
  }
  return parseTarget(to.href)
}

/** 303, and 301/302 after a POST, continue as a GET without the body (as browsers do). */
export function redirected(request: RequestInit, status: number): RequestInit {
  const toGet = status === 303 || ((status === 301 || status === 302) && request.method === 'POST')
  return toGet ? { ...request, method: 'GET', body: undefined } : request
}

export function parseTarget(url: string): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UpstreamError('bad_url', `Not a URL: ${JSON.stringify(url.slice(0, 200))}`, url)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UpstreamError('bad_url', `Only http and https URLs are fetched, not ${parsed.protocol}`, url)
  }
  if (parsed.username || parsed.password) {
    throw new UpstreamError('bad_url', 'URLs with credentials are not fetched; send them as a header', url)
  }
  return parsed
}

const MAX_REDIRECTS = 5
