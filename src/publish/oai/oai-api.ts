// GET and POST /oai: the OAI-PMH 2.0 endpoint. Arguments come from the query or, for POST, from an
// application/x-www-form-urlencoded body; the answer is always an OAI-PMH XML document.
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { markStreamed } from '../../http/conditional.ts'
import type { AppEnv } from '../../http/env.ts'
import type { Db } from '../../db/schema.ts'
import { AppError } from '../../shared/errors.ts'
import { loadNames } from '../record-repository.ts'
import { answer, type OaiDeps } from './provider.ts'

/** Records per ListRecords response: about 300 KB of XML, a second's work for a harvester. */
export const OAI_PAGE_SIZE = 100

export interface OaiRouteDeps {
  db: Db
  now: () => Date
  publicUrl: string
  adminEmail: string
  oaiPageSize?: number
}

export function oaiApi(deps: OaiRouteDeps): Hono<AppEnv> {
  const provider: OaiDeps = {
    db: deps.db,
    now: deps.now,
    publicUrl: deps.publicUrl,
    adminEmail: deps.adminEmail,
    pageSize: deps.oaiPageSize ?? OAI_PAGE_SIZE,
    names: () => loadNames(deps.db),
  }
  // Written a part (a record) at a time: every answer differs (responseDate), so no ETag is made of it.
  const respond = async (c: Context<AppEnv>, pairs: [string, string][]) => {
    const parts = await answer(provider, pairs)
    markStreamed(c)
    return c.body(partsStream(parts), 200, { 'Content-Type': 'text/xml; charset=utf-8' })
  }
  return new Hono<AppEnv>()
    .get('/oai', (c) => respond(c, [...new URL(c.req.url).searchParams]))
    .post(
      '/oai',
      bodyLimit({
        maxSize: 64 * 1024,
        onError: () => {
          throw new AppError('payload_too_large', 413, 'An OAI-PMH request body is at most 64 KiB.')
        },
      }),
      async (c) => {
        const type = c.req.header('content-type') ?? ''
        if (!/^application\/x-www-form-urlencoded\b/i.test(type))
          throw new AppError(
            'unsupported_media_type',
            415,
            'POST /oai takes its arguments as application/x-www-form-urlencoded, as OAI-PMH 2.0 says.',
            [
              {
                field: 'header.content-type',
                message: `must be application/x-www-form-urlencoded, not "${type.slice(0, 80)}"`,
              },
            ],
          )
        return respond(c, [...new URLSearchParams(await c.req.text())])
      },
    )
}

/** The parts as UTF-8, one part a chunk, encoded as the client reads. */
function partsStream(parts: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let next = 0
  return new ReadableStream({
    pull(controller) {
      const part = parts[next++]
      if (part === undefined) controller.close()
      else controller.enqueue(encoder.encode(part))
    },
  })
}
