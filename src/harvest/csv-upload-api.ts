// `PUT /sources/{id}/csv`: a member uploads its catalog spreadsheet as CSV and it is harvested at
// once, as a full pass of the source. Its body is text/csv up to 20 MB, so the API's JSON-only,
// 64 KiB write rules must let this one path through (see api/api.ts).
import { createRoute, z } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { requirePrincipal } from '../http/api-guards.ts'
import { bearer, IdParam, json, newApi, writeErrors } from '../http/openapi.ts'
import { AppError, ValidationError } from '../shared/errors.ts'
import { harvestUploadedCsv } from './csv-upload.ts'
import { MAX_CSV_BYTES } from './formats/csv.ts'
import { columnNames, CSV_COLUMNS } from './formats/csv-columns.ts'
import type { HarvestDeps } from './harvest-source.ts'
import { mayManagePlatform } from './source-access.ts'
import { HarvestRun } from './source.ts'
import { getSource } from './source-repository.ts'

/** The media types a CSV upload may be sent as. */
export const CSV_MEDIA_TYPES = ['text/csv', 'application/csv', 'text/plain']

/** Matches the upload route under any mount point, for exempting it from the JSON body rules. */
export const CSV_UPLOAD_PATH = /\/sources\/[^/]+\/csv$/

const DESCRIPTION = [
  'For sources of the csv format. The file replaces the previous one: courses missing from it are ' +
    'withdrawn. Answers with the run: a file that cannot be read gives a failed run whose error says ' +
    'why; rows that cannot be used are its rejections, each naming its line. Columns (docs/csv-format.md):',
  ...columnNames().map(
    (c) => `- \`${c}\`${CSV_COLUMNS[c].required ? ' (required)' : ''}: ${CSV_COLUMNS[c].description}`,
  ),
].join('\n')

const tooLarge = () =>
  new AppError('payload_too_large', 413, `The CSV file is larger than ${MAX_CSV_BYTES} bytes.`, [
    { field: 'body', message: `larger than ${MAX_CSV_BYTES} bytes` },
  ])

export function csvUploadApi(deps: HarvestDeps) {
  return newApi().openapi(
    createRoute({
      method: 'put',
      path: '/sources/{id}/csv',
      tags: ['Harvest'],
      summary: 'Upload a CSV catalog and harvest it now',
      description: DESCRIPTION,
      security: bearer,
      middleware: [bodyLimit({ maxSize: MAX_CSV_BYTES, onError: () => Promise.reject(tooLarge()) })],
      request: {
        params: IdParam,
        body: {
          required: true,
          content: {
            'text/csv': {
              schema: z
                .string()
                .meta({ example: 'id,title,url\ncs101,Intro to CS,https://mooc.example/cs101' }),
            },
          },
        },
      },
      responses: { 200: json(HarvestRun, 'The harvest run of the file'), ...writeErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const source = await getSource(deps.db, id)
      await mayManagePlatform(deps.db, requirePrincipal(c), source.platformId, 'param.id')
      const text = await readCsvBody(c.req.raw)
      return c.json(await harvestUploadedCsv(deps, id, text), 200)
    },
  )
}

/** The body as text: a CSV media type, UTF-8 (a declared charset must say so), within the size cap. */
async function readCsvBody(request: Request): Promise<string> {
  const [type = '', ...params] = (request.headers.get('content-type') ?? '').split(';').map((p) => p.trim())
  const charset = params
    .find((p) => /^charset=/i.test(p))
    ?.slice(8)
    .replace(/"/g, '')
    .toLowerCase()
  if (
    !CSV_MEDIA_TYPES.includes(type.toLowerCase()) ||
    (charset && charset !== 'utf-8' && charset !== 'utf8')
  ) {
    const got = request.headers.get('content-type') ?? 'nothing'
    throw new AppError('unsupported_media_type', 415, 'Send the file as text/csv in UTF-8.', [
      { field: 'header.content-type', message: `expected text/csv; charset=utf-8, got "${got}"` },
    ])
  }
  const bytes = new Uint8Array(await request.arrayBuffer())
  if (bytes.byteLength > MAX_CSV_BYTES) throw tooLarge()
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ValidationError([
      { field: 'body', message: 'the file is not valid UTF-8; save it as CSV UTF-8' },
    ])
  }
}
