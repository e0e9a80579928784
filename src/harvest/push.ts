// Push: a platform sends created, updated and withdrawn courses instead of waiting to be polled.
// This file holds the pure rules: the signed headers, the HMAC check and the body schema.
//
// Protocol. The source's credentials hold `pushSecret` (at least 32 characters); a source
// without one refuses pushes. The platform sends
//   X-Moocx-Timestamp: <unix seconds>
//   X-Moocx-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body bytes>" keyed with the secret>
// A timestamp more than 5 minutes from moocx's clock is refused; a signature already used for the
// source within 10 minutes is a replay and refused. The body is JSON:
//   { "upserted": [<raw records in the source's own format>], "withdrawn": ["<record key>", ...] }
// Both lists are optional, at most 1000 items each; unknown fields are refused.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { AppError, ForbiddenError, ValidationError } from '../shared/errors.ts'
import { issuesToDetails } from '../shared/zod-issues.ts'

/** Largest push body, in bytes. */
export const MAX_PUSH_BYTES = 5 * 1024 * 1024
/** Most records in each list of one push. */
export const MAX_PUSH_ITEMS = 1000
/** How far, in seconds, a push's timestamp may be from moocx's clock, either way. */
export const PUSH_SKEW_SECONDS = 300
/** How long a used signature is remembered: covers a timestamp up to the skew ahead, then the skew. */
export const NONCE_TTL_MS = 10 * 60_000
export const MIN_SECRET_LENGTH = 32

export const TIMESTAMP_HEADER = 'x-moocx-timestamp'
export const SIGNATURE_HEADER = 'x-moocx-signature'

export const PushBody = z
  .strictObject({
    upserted: z.array(z.unknown()).max(MAX_PUSH_ITEMS).optional().meta({
      description:
        "New or changed records, each exactly as the source's format gives one (an Open edX Courses API result, a MOOChub course resource, ...)",
    }),
    withdrawn: z
      .array(z.string().min(1).max(255))
      .max(MAX_PUSH_ITEMS)
      .optional()
      .meta({ description: 'Record keys removed upstream (e.g. Open edX course run keys)' }),
  })
  .meta({ id: 'PushBody' })
export type PushBody = z.infer<typeof PushBody>

export interface PushHeaders {
  /** The timestamp exactly as sent: it is part of the signed text. */
  timestamp: string
  /** Lower-case hex. */
  signature: string
}

/** The source's push secret; refuses a source that has none (or one too short to be safe). */
export function pushSecretOf(sourceId: string, credentials: Readonly<Record<string, string>>): string {
  const secret = credentials.pushSecret
  if (secret === undefined || secret.length < MIN_SECRET_LENGTH) {
    throw new ForbiddenError(
      `Source "${sourceId}" does not accept pushes: set a pushSecret of at least ${MIN_SECRET_LENGTH} characters in its credentials.`,
      'source',
    )
  }
  return secret
}

/** Reads the two push headers and refuses a timestamp too far from `now`. */
export function readPushHeaders(
  timestamp: string | undefined,
  signature: string | undefined,
  now: Date,
): PushHeaders {
  const ts = timestamp?.trim() ?? ''
  if (!/^\d{1,12}$/.test(ts)) {
    throw unauthorized(TIMESTAMP_HEADER, 'expected the time of the push in unix seconds')
  }
  const sig = /^sha256=([0-9a-fA-F]{64})$/.exec(signature?.trim() ?? '')?.[1]
  if (!sig) throw unauthorized(SIGNATURE_HEADER, 'expected "sha256=<64 hex digits>"')
  const skew = Number(ts) - Math.floor(now.getTime() / 1000)
  if (Math.abs(skew) > PUSH_SKEW_SECONDS) {
    throw unauthorized(
      TIMESTAMP_HEADER,
      `the timestamp is ${Math.abs(skew)} s ${skew < 0 ? 'old' : 'in the future'}; at most ${PUSH_SKEW_SECONDS} s either way is accepted`,
    )
  }
  return { timestamp: ts, signature: sig.toLowerCase() }
}

/** The signature a platform holding `secret` sends for `body` at `timestamp`, as hex. */
export function signPush(secret: string, timestamp: string, body: Uint8Array): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')
}

/** Refuses a body not signed with the source's secret; compares in constant time. */
export function verifyPushSignature(secret: string, headers: PushHeaders, body: Uint8Array): void {
  const expected = Buffer.from(signPush(secret, headers.timestamp, body), 'hex')
  const given = Buffer.from(headers.signature, 'hex')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw unauthorized(SIGNATURE_HEADER, 'the signature does not match the body and timestamp')
  }
}

/** Parses a verified body: UTF-8 JSON matching PushBody, or a 400 naming the problem. */
export function parsePushBody(body: Uint8Array): PushBody {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body))
  } catch {
    throw new AppError('malformed_json', 400, 'The request body is not valid JSON.', [
      { field: 'body', message: 'malformed JSON' },
    ])
  }
  const parsed = PushBody.safeParse(json)
  if (!parsed.success) throw new ValidationError(issuesToDetails('body', parsed.error.issues))
  return parsed.data
}

function unauthorized(header: string, problem: string): AppError {
  return new AppError('unauthorized', 401, `The push is not authenticated: ${header}: ${problem}.`, [
    { field: `header.${header}`, message: problem },
  ])
}
