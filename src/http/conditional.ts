// Conditional GET for the read endpoints (RFC 9110 §13): a weak ETag computed from the body when the
// handler set none, and 304 Not Modified for a matching If-None-Match or, failing that, If-Modified-Since.
import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { formatHttpDate, parseHttpDate } from './http-date.ts'

export { lastModifiedHeader } from './http-date.ts'

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by markStreamed(): the body is never read to compute an ETag. */
    bodyIsStreamed: boolean
  }
}

/** Bodies up to this many bytes (a sitemap file, about 5 MB at most) get an ETag from their bytes. */
export const MAX_HASHED_BYTES = 8 * 1024 * 1024

/**
 * Headers about the body left out of a 304 (RFC 9110 §15.4.5); the rest — ETag, Last-Modified,
 * Cache-Control, Vary, CORS and rate-limit headers — stays.
 */
const BODY_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'content-range',
  'content-disposition',
  'transfer-encoding',
]

/**
 * Handlers that stream their body (a bulk export) call this so that the body is passed on as it is
 * produced; set your own ETag or Last-Modified if the stream has a version.
 */
export function markStreamed(c: Context): void {
  c.set('bodyIsStreamed', true)
}

/** Conditional requests on GET and HEAD answers of 200; `now` keeps Last-Modified from the future. */
export function conditional(deps: { now: () => Date }) {
  return createMiddleware(async (c, next) => {
    await next()
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.res.status !== 200) return
    const now = deps.now()
    keepLastModifiedInThePast(c, now)
    if (!c.res.headers.has('etag') && c.get('bodyIsStreamed') !== true) await addEtag(c)
    if (isNotModified(c.req.raw.headers, c.res.headers, now)) await answerNotModified(c)
  })
}

/**
 * RFC 9110 §13.2.2: If-None-Match, when sent, decides alone (weak comparison); otherwise
 * If-Modified-Since against Last-Modified, at second precision. Unparsable dates are ignored.
 */
export function isNotModified(request: Headers, response: Headers, now: Date): boolean {
  const ifNoneMatch = request.get('if-none-match')
  if (ifNoneMatch !== null) {
    const etag = response.get('etag')
    return etag !== null && noneMatchHits(ifNoneMatch, etag)
  }
  const ifModifiedSince = request.get('if-modified-since')
  const lastModified = response.get('last-modified')
  if (ifModifiedSince === null || lastModified === null) return false
  const since = parseHttpDate(ifModifiedSince, now)
  const modified = parseHttpDate(lastModified, now)
  return since !== undefined && modified !== undefined && modified <= since
}

function noneMatchHits(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  const tags = ifNoneMatch.slice(0, 8192).match(/(?:W\/)?"[^"]*"/g) ?? []
  return tags.some((tag) => opaque(tag) === opaque(etag))
}

/** A server must not send a Last-Modified later than the answer itself (RFC 9110 §8.8.2.1). */
function keepLastModifiedInThePast(c: Context, now: Date): void {
  const value = c.res.headers.get('last-modified')
  if (value === null) return
  const modified = parseHttpDate(value, now)
  if (modified === undefined) c.res.headers.delete('last-modified')
  else if (modified * 1000 > now.getTime()) c.res.headers.set('last-modified', formatHttpDate(now))
}

/** Reads at most MAX_HASHED_BYTES: a body that ends by then gets a weak ETag, a longer one none. */
async function addEtag(c: Context): Promise<void> {
  const res = c.res
  if (!res.body) return
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    size += value.byteLength
    if (size > MAX_HASHED_BYTES) {
      c.res = new Response(replay(chunks, reader), res)
      return
    }
  }
  const hash = createHash('sha1')
  for (const chunk of chunks) hash.update(chunk)
  c.res = new Response(Buffer.concat(chunks), res)
  c.res.headers.set('etag', `W/"${hash.digest('base64url')}"`)
}

/** The chunks already read, then the rest of the stream, at the pace the reader asks for them. */
function replay(
  read: Uint8Array[],
  rest: ReadableStreamDefaultReader<Uint8Array>,
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const first = read.shift()
      const next = first ? { done: false, value: first } : await rest.read()
      if (next.done) controller.close()
      else controller.enqueue(next.value)
    },
    cancel: (reason) => rest.cancel(reason),
  })
}

async function answerNotModified(c: Context): Promise<void> {
  const headers = new Headers(c.res.headers)
  for (const name of BODY_HEADERS) headers.delete(name)
  await c.res.body?.cancel()
  // Unset first: assigning over a response would copy its body headers back in.
  c.res = undefined
  c.res = new Response(null, { status: 304, headers })
}
