// The one error model of moocx: every expected failure is an AppError with a stable code.
// The HTTP error handler and the CLI turn it into JSON, an HTML page or an exit code.

export type ErrorCode =
  | 'not_found'
  | 'validation_failed'
  | 'malformed_json'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'not_acceptable'
  | 'rate_limited'
  | 'invalid_config'
  | 'internal'

export interface ErrorDetail {
  /** Where the problem is: a dotted path such as `query.page` or `body.names.en`. */
  field: string
  message: string
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export class NotFoundError extends AppError {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super('not_found', 404, `No ${entity} with id "${id}".`, [{ field: 'id', message: `unknown ${entity}` }])
  }
}

export class ValidationError extends AppError {
  constructor(details: ErrorDetail[], message = describe(details)) {
    super('validation_failed', 400, message, details)
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'A valid API key is required: send it as "Authorization: Bearer <key>".') {
    super('unauthorized', 401, message, [{ field: 'header.authorization', message }])
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string, field = 'header.authorization') {
    super('forbidden', 403, message, [{ field, message }])
  }
}

export class ConflictError extends AppError {
  constructor(message: string, field: string) {
    super('conflict', 409, message, [{ field, message }])
  }
}

/** A client sent more requests to a rate-limited endpoint than its share allows (429). */
export class RateLimitedError extends AppError {
  constructor(
    /** Whole seconds, at least 1, after which the next request will be accepted. */
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', 429, `Too many requests: try again in ${retryAfterSeconds} s.`, [
      { field: 'header.retry-after', message: `retry after ${retryAfterSeconds} s` },
    ])
  }
}

function describe(details: ErrorDetail[]): string {
  const first = details[0]
  if (!first) return 'The request is not valid.'
  const more =
    details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? 's' : ''})` : ''
  return `${first.field}: ${first.message}${more}`
}
