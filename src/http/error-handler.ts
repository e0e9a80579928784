// The one place errors become answers: JSON under /api, an HTML page elsewhere, or the shape an API
// under its own standard answers in (MOOChub's JSON:API). Unexpected errors are logged in full and
// answered as a generic 500.
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { createElement } from 'hono/jsx'
import { AppError, RateLimitedError } from '../shared/errors.ts'
import type { Logger } from '../shared/logger.ts'
import type { AppEnv } from './env.ts'
import { ErrorPage } from './error-page.tsx'
import { pageContext, renderPage } from './render.tsx'

/** An API whose standard fixes its error shape: errors at `prefix` or under it are answered by `answer`. */
export interface ErrorShape {
  prefix: string
  answer: (error: AppError, c: Context<AppEnv>, status: ContentfulStatusCode) => Response
}

export function errorHandler(logger: Logger, shapes: readonly ErrorShape[] = []) {
  return (err: Error, c: Context<AppEnv>): Response | Promise<Response> => {
    const appError = toAppError(err)
    if (!appError) {
      logger.error('unexpected error', { err, method: c.req.method, path: c.req.path })
    }
    const error =
      appError ?? new AppError('internal', 500, 'Something went wrong on our side; it has been logged.')
    const status = toStatus(error.status)
    if (error instanceof RateLimitedError) {
      c.header('Retry-After', String(error.retryAfterSeconds))
      // Rate-limited paths outside /api (OAI-PMH, sitemaps, feeds) are read by programs: plain text.
      if (!c.req.path.startsWith('/api/')) {
        return c.text(c.get('t')('error.tooManyRequests', { seconds: error.retryAfterSeconds }), status)
      }
    }
    const shape = shapes.find((s) => c.req.path === s.prefix || c.req.path.startsWith(`${s.prefix}/`))
    if (shape) return shape.answer(error, c, status)
    if (c.req.path.startsWith('/api/')) {
      return c.json({ error: { code: error.code, message: error.message, details: error.details } }, status)
    }
    const detail = error.details[0] ? `${error.details[0].field}: ${error.details[0].message}` : error.message
    return renderPage(c, createElement(ErrorPage, { page: pageContext(c), status, detail }), status)
  }
}

export function notFoundHandler(c: Context<AppEnv>): Response | Promise<Response> {
  if (c.req.path.startsWith('/api/')) {
    return c.json(
      { error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}.`, details: [] } },
      404,
    )
  }
  return renderPage(c, createElement(ErrorPage, { page: pageContext(c), status: 404 }), 404)
}

function toAppError(err: Error): AppError | undefined {
  if (err instanceof AppError) return err
  if (err instanceof HTTPException) {
    if (err.status === 400 && /json/i.test(err.message)) {
      return new AppError('malformed_json', 400, 'The request body is not valid JSON.', [
        { field: 'body', message: 'malformed JSON' },
      ])
    }
    if (err.status === 413) {
      return new AppError('payload_too_large', 413, 'The request body is too large.', [
        { field: 'body', message: 'too large' },
      ])
    }
    return new AppError(
      err.status >= 500 ? 'internal' : 'validation_failed',
      err.status,
      err.message || 'Bad request.',
    )
  }
  return undefined
}

function toStatus(status: number): ContentfulStatusCode {
  const valid: ContentfulStatusCode[] = [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 429, 500, 503]
  return valid.find((s) => s === status) ?? 500
}
