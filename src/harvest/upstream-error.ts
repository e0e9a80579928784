// The one error of outbound HTTP: every way an upstream server can fail a request, with a reason.

export type UpstreamReason =
  'timeout' | 'too_large' | 'http_status' | 'network' | 'invalid_utf8' | 'retry_after_too_long' | 'bad_url'

export class UpstreamError extends Error {
  readonly retryAfterMs: number | undefined

  constructor(
    readonly reason: UpstreamReason,
    message: string,
    readonly url: string,
    readonly status?: number,
    options: { retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause })
    this.name = 'UpstreamError'
    this.retryAfterMs = options.retryAfterMs
  }
}
