// How a harvest reads a failure: whether it is permanent (retrying will not help), whether it fails
// one linked page alone rather than the upstream as a whole, and the reason a run records for it.
import { PageError } from './formats/connector.ts'
import { UpstreamError } from './upstream-error.ts'

/** A failure that will happen again: a bad page, or a 4xx other than 429. */
export function isPermanent(error: unknown): boolean {
  if (error instanceof PageError) return true
  return (
    error instanceof UpstreamError &&
    error.reason === 'http_status' &&
    (error.status ?? 0) >= 400 &&
    (error.status ?? 0) < 500 &&
    error.status !== 429
  )
}

/** A failure of one linked page that says nothing about the upstream as a whole. */
export function failsPageAlone(error: unknown): boolean {
  if (!(error instanceof UpstreamError)) return false
  if (error.reason === 'bad_url' || error.reason === 'invalid_utf8' || error.reason === 'too_large')
    return true
  return isPermanent(error)
}

/** The reason a run or a rejection records, at most 2,000 characters. */
export function describe(error: unknown): string {
  if (error instanceof UpstreamError) {
    return `${error.reason}${error.status ? ` (HTTP ${error.status})` : ''}: ${error.message}`.slice(0, 2000)
  }
  if (error instanceof PageError) return `bad page: ${error.message}`.slice(0, 2000)
  return `internal error: ${error instanceof Error ? error.message : String(error)}`.slice(0, 2000)
}
