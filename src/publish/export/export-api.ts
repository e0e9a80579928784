// GET /api/v1/export: the whole published catalog in one download (MOOChub, OAI-PMH oai_dc or LOM,
// CSV or JSON Lines), streamed as it is read, for anyone (read-only, like the other GET endpoints).
import { createRoute, z } from '@hono/zod-openapi'
import { markStreamed } from '../../http/conditional.ts'
import { ErrorBody, newApi, readErrors } from '../../http/openapi.ts'
import type { Deps } from '../../shared/deps.ts'
import type { Logger } from '../../shared/logger.ts'
import { byteStream, exportChunks } from './export.ts'
import { ExportQuery, FORMAT_FILES } from './export-options.ts'

const body = (description: string) => ({ schema: z.string().meta({ description }) })

const route = createRoute({
  method: 'get',
  path: '/export',
  tags: ['Export'],
  summary: 'Download the whole catalog in one file',
  description:
    'Every published course in one response, streamed: `moochub` (one MOOChub v3 JSON:API document), `oai_dc` and `lom` (one OAI-PMH ListRecords response holding every record, deleted ones as headers), `csv` (one row per live course, UTF-8 with a byte order mark) or `jsonl` (one course per line; deleted records as `{"id","deleted":true,"changedAt"}`). `set` and `from` select records as in OAI-PMH. Rate-limited per client.',
  request: { query: ExportQuery },
  responses: {
    200: {
      description: 'The export, as an attachment named moocx-courses.<extension>',
      content: {
        'application/x-ndjson': body('jsonl: one JSON object per line'),
        'text/csv': body('csv: RFC 4180, CRLF line ends, UTF-8 with a byte order mark'),
        'application/vnd.api+json': body('moochub: {"data":[MOOChub v3 courses],"meta":{"total":n}}'),
        'text/xml': body('oai_dc or lom: an OAI-PMH 2.0 ListRecords response'),
      },
    },
    400: readErrors[400],
    429: {
      description: 'Too many exports from this client; retry after Retry-After seconds',
      content: { 'application/json': { schema: ErrorBody } },
    },
  },
})

export function exportApi(deps: Deps & { logger: Logger; publicUrl: string }) {
  return newApi().openapi(route, async (c) => {
    const options = c.req.valid('query')
    const chunks = await exportChunks(deps, options)
    // The body is never read whole to compute an ETag: it can be larger than the server's memory.
    markStreamed(c)
    const { contentType, extension } = FORMAT_FILES[options.format]
    const onError = (err: unknown) => deps.logger.error('export failed', { err, ...options })
    return c.body(byteStream(chunks, onError), 200, {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="moocx-courses.${extension}"`,
    })
  })
}
