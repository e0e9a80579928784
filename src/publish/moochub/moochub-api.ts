// The MOOChub v3 endpoint (`/api/moochub/courses`, `/api/moochub/courses/{id}`): the live catalog as
// JSON:API, keyset-paged with an opaque cursor, version-negotiated, errors in the JSON:API shape.
import { Hono, type Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../../http/env.ts'
import { lastModifiedHeader } from '../../http/http-date.ts'
import type { Deps } from '../../shared/deps.ts'
import { today } from '../../shared/deps.ts'
import { AppError, NotFoundError, ValidationError } from '../../shared/errors.ts'
import { perChange } from '../per-change.ts'
import { findRecord, latestChange, loadNames } from '../record-repository.ts'
import { jsonApiErrors } from './moochub-errors.ts'
import { negotiateMoochub } from './moochub-negotiation.ts'
import {
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  livePage,
  MAX_PAGE_SIZE,
  moochubPage,
} from './moochub-page.ts'
import { countLiveRecords, lastPageAfter } from './moochub-repository.ts'
import { isLive, moochubResource } from './moochub-resource.ts'
import { MOOCHUB_MEDIA_TYPE } from './moochub-types.ts'

/** The query parameters of the list; any other `page…` one (page numbers) is refused. */
const SIZE = 'page[size]'
const AFTER = 'page[after]'

export function moochubApi(deps: Deps & { publicUrl: string }) {
  const base = `${deps.publicUrl}/api/moochub/courses`
  // A count reads every record (half a second at 100,000), while a walk asks for it on every page.
  const total = perChange(() => countLiveRecords(deps.db))
  const api = new Hono<AppEnv>()
  api.use(async (c, next) => {
    negotiateMoochub(c.req.header('accept'))
    await next()
  })

  api.get('/courses', async (c) => {
    const { size, after } = pageParams(c.req.queries())
    const position = after === undefined ? null : decodeCursor(after)
    const day = today(deps)
    const latest = await latestChange(deps.db)
    const [page, count, names] = await Promise.all([
      livePage(deps.db, position, size, day),
      total(latest),
      loadNames(deps.db),
    ])
    const last = await lastPageAfter(deps.db, count, size)
    const link = (from: string | null) => {
      const query = [
        ...(size === DEFAULT_PAGE_SIZE ? [] : [`${encodeURIComponent(SIZE)}=${size}`]),
        ...(from === null ? [] : [`${encodeURIComponent(AFTER)}=${from}`]),
      ]
      return query.length > 0 ? `${base}?${query.join('&')}` : base
    }
    const links = {
      self: link(after ?? null),
      first: link(null),
      last: link(last && encodeCursor(last)),
      next: page.next && link(encodeCursor(page.next)),
    }
    cacheHeaders(c, latest)
    return answer(c, moochubPage(page.records, names, deps.publicUrl, links, count), 200)
  })

  api.get('/courses/:id', async (c) => {
    const id = c.req.param('id')
    const record = id.length <= 255 ? await findRecord(deps.db, id, today(deps)) : undefined
    // A deleted course is gone for MOOChub too: it has no way to say deleted.
    if (!record || !isLive(record)) throw new NotFoundError('course', id)
    const resource = moochubResource(record, await loadNames(deps.db), deps.publicUrl)
    cacheHeaders(c, record.changedAt)
    return answer(c, { data: resource, links: { self: resource.links.self } }, 200)
  })

  api.all('*', (c) => {
    throw new AppError('not_found', 404, `No route ${c.req.method} ${c.req.path}.`)
  })
  return api
}

/** `page[size]` (1–500, default 100) and `page[after]`, each once; page numbers are not served. */
function pageParams(queries: Record<string, string[]>): { size: number; after: string | undefined } {
  const problems = Object.entries(queries).flatMap(([name, values]) => {
    if (name === SIZE || name === AFTER)
      return values.length > 1 ? [{ field: `query.${name}`, message: 'must be given once' }] : []
    return /^page\b/.test(name)
      ? [
          {
            field: `query.${name}`,
            message: `is not supported: pages are walked with ${AFTER} from links.next`,
          },
        ]
      : []
  })
  const sizeText = queries[SIZE]?.[0]
  const size =
    sizeText === undefined ? DEFAULT_PAGE_SIZE : /^\d{1,4}$/.test(sizeText) ? Number(sizeText) : NaN
  if (!(size >= 1 && size <= MAX_PAGE_SIZE))
    problems.push({ field: `query.${SIZE}`, message: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  if (problems.length > 0) throw new ValidationError(problems)
  return { size, after: queries[AFTER]?.[0] }
}

function cacheHeaders(c: Context<AppEnv>, changedAt: string | null): void {
  c.header('Cache-Control', 'public, max-age=300')
  c.header('Vary', 'Accept')
  if (changedAt) c.header('Last-Modified', lastModifiedHeader(changedAt))
}

/**
 * An error as MOOChub clients read it (JSON:API, in MOOChub's media type): the app's error handler
 * answers with it under /api/moochub (errors of this API and the rate limit in front of it).
 */
export function moochubError(error: AppError, c: Context<AppEnv>, status: ContentfulStatusCode): Response {
  return answer(c, jsonApiErrors(error), status)
}

function answer(c: Context<AppEnv>, body: unknown, status: ContentfulStatusCode) {
  return c.body(JSON.stringify(body), status, { 'Content-Type': MOOCHUB_MEDIA_TYPE })
}
