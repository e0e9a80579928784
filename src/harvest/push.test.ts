// The pure rules of a push: reading the signed headers, checking the HMAC over the raw bytes,
// and the body schema.
import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { AppError } from '../shared/errors.ts'
import { parsePushBody, pushSecretOf, readPushHeaders, signPush, verifyPushSignature } from './push.ts'

const SECRET = 'a-push-secret-that-is-long-enough-0123456789'
const NOW = new Date('2026-11-29T12:00:00.000Z')
const TS = String(NOW.getTime() / 1000)
const bytes = (text: string) => new TextEncoder().encode(text)

function refusal(action: () => unknown): { status: number; code: string; field: string | undefined } {
  try {
    action()
  } catch (error) {
    if (error instanceof AppError)
      return { status: error.status, code: error.code, field: error.details[0]?.field }
    throw error
  }
  throw new Error('expected a refusal')
}

describe('push headers', () => {
  it('reads a timestamp and a sha256 signature, lower-casing the hex', () => {
    const sig = 'AB'.repeat(32)
    expect(readPushHeaders(TS, `sha256=${sig}`, NOW)).toEqual({ timestamp: TS, signature: 'ab'.repeat(32) })
  })

  it('refuses missing and malformed headers with 401, naming the header', () => {
    const good = `sha256=${'0'.repeat(64)}`
    const cases: [string | undefined, string | undefined, string][] = [
      [undefined, good, 'header.x-moocx-timestamp'],
      ['', good, 'header.x-moocx-timestamp'],
      ['2026-11-29T12:00:00Z', good, 'header.x-moocx-timestamp'],
      ['-5', good, 'header.x-moocx-timestamp'],
      [TS, undefined, 'header.x-moocx-signature'],
      [TS, '0'.repeat(64), 'header.x-moocx-signature'],
      [TS, `sha1=${'0'.repeat(40)}`, 'header.x-moocx-signature'],
      [TS, `sha256=${'0'.repeat(63)}`, 'header.x-moocx-signature'],
      [TS, `sha256=${'g'.repeat(64)}`, 'header.x-moocx-signature'],
    ]
    for (const [ts, sig, field] of cases) {
      expect(refusal(() => readPushHeaders(ts, sig, NOW))).toEqual({
        status: 401,
        code: 'unauthorized',
        field,
      })
    }
  })

  it('accepts a timestamp up to 300 s away either way and refuses one further', () => {
    const sig = `sha256=${'0'.repeat(64)}`
    const at = (offset: number) => String(NOW.getTime() / 1000 + offset)
    expect(() => readPushHeaders(at(-300), sig, NOW)).not.toThrow()
    expect(() => readPushHeaders(at(300), sig, NOW)).not.toThrow()
    for (const offset of [-301, 301, -86_400]) {
      expect(refusal(() => readPushHeaders(at(offset), sig, NOW))).toEqual({
        status: 401,
        code: 'unauthorized',
        field: 'header.x-moocx-timestamp',
      })
    }
  })
})

describe('push signature', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>" with the secret', () => {
    const body = bytes('{"withdrawn":["x"]}')
    const expected = createHmac('sha256', SECRET).update(`${TS}.{"withdrawn":["x"]}`).digest('hex')
    expect(signPush(SECRET, TS, body)).toBe(expected)
    expect(() => verifyPushSignature(SECRET, { timestamp: TS, signature: expected }, body)).not.toThrow()
  })

  it('refuses a wrong secret, a changed body and a changed timestamp', () => {
    const body = bytes('{"withdrawn":["x"]}')
    const signature = signPush(SECRET, TS, body)
    const wrong = [
      () => verifyPushSignature(`${SECRET}!`, { timestamp: TS, signature }, body),
      () => verifyPushSignature(SECRET, { timestamp: TS, signature }, bytes('{"withdrawn":["y"]}')),
      () => verifyPushSignature(SECRET, { timestamp: String(Number(TS) + 1), signature }, body),
    ]
    for (const attempt of wrong) {
      expect(refusal(attempt)).toEqual({
        status: 401,
        code: 'unauthorized',
        field: 'header.x-moocx-signature',
      })
    }
  })

  it('checks the exact bytes, so re-encoding the same JSON breaks it', () => {
    const body = bytes('{"withdrawn": ["x"]}')
    const signature = signPush(SECRET, TS, body)
    expect(() =>
      verifyPushSignature(SECRET, { timestamp: TS, signature }, bytes(JSON.stringify({ withdrawn: ['x'] }))),
    ).toThrow(AppError)
  })
})

describe('push secret', () => {
  it('refuses a source without a push secret or with one shorter than 32 characters', () => {
    const refused: Record<string, string>[] = [{}, { clientSecret: SECRET }, { pushSecret: 'short' }]
    for (const credentials of refused) {
      expect(refusal(() => pushSecretOf('lms', credentials))).toEqual({
        status: 403,
        code: 'forbidden',
        field: 'source',
      })
    }
    expect(pushSecretOf('lms', { pushSecret: SECRET })).toBe(SECRET)
  })
})

describe('push body', () => {
  it('reads upserted records and withdrawn keys, both optional', () => {
    expect(parsePushBody(bytes('{"upserted":[{"id":"a"}],"withdrawn":["b"]}'))).toEqual({
      upserted: [{ id: 'a' }],
      withdrawn: ['b'],
    })
    expect(parsePushBody(bytes('{}'))).toEqual({})
  })

  it('refuses malformed JSON, invalid UTF-8, unknown fields, bad keys and over 1000 items', () => {
    const cases: [Uint8Array, string, string][] = [
      [bytes('{"upserted":['), 'malformed_json', 'body'],
      [bytes(''), 'malformed_json', 'body'],
      [new Uint8Array([0x7b, 0xff, 0x7d]), 'malformed_json', 'body'],
      [bytes('[]'), 'validation_failed', 'body'],
      [bytes('{"deleted":["a"]}'), 'validation_failed', 'body.deleted'],
      [bytes('{"withdrawn":[42]}'), 'validation_failed', 'body.withdrawn.0'],
      [bytes('{"withdrawn":[""]}'), 'validation_failed', 'body.withdrawn.0'],
      [bytes(`{"withdrawn":["${'k'.repeat(256)}"]}`), 'validation_failed', 'body.withdrawn.0'],
      [bytes('{"upserted":{"id":"a"}}'), 'validation_failed', 'body.upserted'],
      [
        bytes(JSON.stringify({ upserted: Array.from({ length: 1001 }, () => ({})) })),
        'validation_failed',
        'body.upserted',
      ],
      [
        bytes(JSON.stringify({ withdrawn: Array.from({ length: 1001 }, (_, i) => `k${i}`) })),
        'validation_failed',
        'body.withdrawn',
      ],
    ]
    for (const [body, code, field] of cases) {
      expect(refusal(() => parsePushBody(body))).toEqual({ status: 400, code, field })
    }
  })
})
