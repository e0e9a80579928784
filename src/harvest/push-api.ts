// POST /sources/{id}/push: a platform pushes created, updated and withdrawn courses, signed with
// the source's push secret (HMAC-SHA256) instead of an API key. Protocol in push.ts.
import { createRoute, z } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { ErrorBody, IdParam, json, jsonBody, newApi, writeErrors } from '../http/openapi.ts'
import type { Deps } from '../shared/deps.ts'
import { AppError } from '../shared/errors.ts'
import {
  MAX_PUSH_BYTES,
  MAX_PUSH_ITEMS,
  NONCE_TTL_MS,
  parsePushBody,
  PUSH_SKEW_SECONDS,
  PushBody,
  pushSecretOf,
  readPushHeaders,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyPushSignature,
} from './push.ts'
import { applyPush } from './push-service.ts'
import { HarvestRun, Rejection } from './source.ts'
import { getSource, sourceCredentials } from './source-repository.ts'

const description = `A platform sends its new, changed and removed courses as they happen, instead of waiting to be polled.
No API key: the push is authenticated by an HMAC-SHA256 signature with the source's \`pushSecret\`
(a credential of at least 32 characters; a source without one refuses pushes with 403).

Send \`${TIMESTAMP_HEADER}: <unix seconds>\` and
\`${SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body bytes>" keyed with the secret>\`.
A timestamp more than ${PUSH_SKEW_SECONDS} s from moocx's clock, a missing or malformed header, or a signature that does
not match is refused with 401; a signature already received for the source in the last ${NONCE_TTL_MS / 60_000} minutes is a
replay and refused with 409 (sign every push with a fresh timestamp). The signature is checked over the exact bytes sent,
before the JSON is read.

The body (JSON, at most ${MAX_PUSH_BYTES / 1024 / 1024} MB) has \`upserted\`: records in the source's own format (for an
\`openedx-courses\` source, Open edX Courses API results; for a \`moochub\` source, MOOChub course resources) and
\`withdrawn\`: record keys removed upstream; each at most ${MAX_PUSH_ITEMS} items. Upserts apply first, then withdrawals.
A body that is not valid writes nothing. Each record is parsed as a polled harvest would parse it; a record that
cannot be used is rejected with a reason while the others are saved. The push is recorded as a harvest run that is never
\`complete\`: it withdraws only what it names. If a harvest of the source is running, the push is refused with 409;
send it again later.`

const PushOutcome = HarvestRun.extend({
  rejections: z.array(Rejection).meta({ description: 'Every record this push rejected, with the reason' }),
}).meta({ id: 'PushOutcome' })

const PushHeaders = z.object({
  [TIMESTAMP_HEADER]: z.string().meta({ description: 'Unix seconds', example: '1795953600' }),
  [SIGNATURE_HEADER]: z.string().meta({ description: 'sha256=<64 hex digits>' }),
})

const route = createRoute({
  method: 'post',
  path: '/sources/{id}/push',
  tags: ['Harvest'],
  summary: 'Push course changes from a platform (signed, no API key)',
  description,
  security: [],
  request: { params: IdParam, headers: PushHeaders, body: jsonBody(PushBody) },
  responses: {
    200: json(PushOutcome, 'The push, recorded as a harvest run, with its rejected records'),
    ...writeErrors,
    401: json(
      ErrorBody,
      'A push header is missing or malformed, the timestamp is stale, or the signature is wrong',
    ),
    403: json(ErrorBody, 'The source has no push secret'),
    409: json(ErrorBody, 'A replayed push, or a harvest of the source is running'),
  },
})

export function pushApi(deps: Deps) {
  const api = newApi()
  // The body must be verified as raw bytes before it is parsed, so the route validates only its
  // path parameter; the documented route (with headers and body) is registered on its own.
  api.openAPIRegistry.registerPath(route)
  return api.openapi(
    {
      ...route,
      request: { params: IdParam },
      hide: true,
      middleware: [bodyLimit({ maxSize: MAX_PUSH_BYTES, onError: tooLarge })],
    },
    async (c) => {
      const headers = readPushHeaders(
        c.req.header(TIMESTAMP_HEADER),
        c.req.header(SIGNATURE_HEADER),
        deps.now(),
      )
      const source = await getSource(deps.db, c.req.valid('param').id)
      const secret = pushSecretOf(source.id, await sourceCredentials(deps.db, source.id))
      const body = new Uint8Array(await c.req.arrayBuffer())
      verifyPushSignature(secret, headers, body)
      return c.json(await applyPush(deps, source, parsePushBody(body), headers.signature), 200)
    },
  )
}

function tooLarge(): never {
  throw new AppError('payload_too_large', 413, `The push body is larger than ${MAX_PUSH_BYTES} bytes.`, [
    { field: 'body', message: `larger than ${MAX_PUSH_BYTES} bytes` },
  ])
}
