// A bulk export of the published catalog in one format, as text chunks of about 16 Ki characters made as
// they are read: records are walked a page at a time, so memory does not grow with the catalog.
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Db } from '../../db/schema.ts'
import { loadNames } from '../record-repository.ts'
import type { Names, PublishedRecord } from '../record.ts'
import { walkRecords } from '../walk.ts'
import { csvChunks } from './csv-writer.ts'
import { type ExportFormat, type ExportOptions } from './export-options.ts'
import { jsonlChunks } from './jsonl-writer.ts'
import { moochubChunks } from './moochub-writer.ts'
import { oaiChunks } from './oai-writer.ts'
import { dateBounds } from '../oai/arguments.ts'

export interface ExportDeps {
  db: Db
  now: () => Date
  publicUrl: string
  /** Records read from the database at a time (EXPORT_PAGE_SIZE when not given). */
  pageSize?: number
}

/**
 * Records read at a time. Measured on 100,000 courses (SQLite, JSON Lines over HTTP): 500 a page took
 * 20 s with a peak RSS of 330 MB — each page's courses live long enough to reach V8's old space, which
 * then fills with dead pages between full collections; 200 takes as long and peaks at 235 MB; 100
 * peaks lower still but takes 30 % longer.
 */
export const EXPORT_PAGE_SIZE = 200

/**
 * Chunks are joined up to this many characters before they are handed on (fewer, larger writes). Under
 * 128 KiB even in two-byte scripts (Chinese, Thai, Arabic): a larger string goes to V8's large-object
 * space, freed only by a full collection, and peak memory then grew with the length of the export.
 */
export const CHUNK_CHARS = 16 * 1024

/**
 * The export's text, ready to be read. Names are loaded before it returns, so a database that cannot
 * be read fails here, before a response or a file is begun; a failure later ends the stream with it.
 */
export async function exportChunks(deps: ExportDeps, options: ExportOptions): Promise<AsyncIterable<string>> {
  const now = deps.now()
  const day = now.toISOString().slice(0, 10)
  const names = await loadNames(deps.db)
  const filter = {
    from: dateBounds(options.from === undefined ? {} : { from: options.from }).from,
    set: options.set,
  }
  const records = walkRecords(deps.db, filter, day, deps.pageSize ?? EXPORT_PAGE_SIZE)
  return coalesce(write(options, records, names, deps.publicUrl, now, day))
}

function write(
  options: ExportOptions,
  records: AsyncIterable<PublishedRecord>,
  names: Names,
  publicUrl: string,
  now: Date,
  day: string,
): AsyncIterable<string> {
  const format: ExportFormat = options.format
  switch (format) {
    case 'jsonl':
      return jsonlChunks(records)
    case 'csv':
      return csvChunks(records, names, day)
    case 'moochub':
      return moochubChunks(records, names, publicUrl)
    case 'oai_dc':
    case 'lom':
      return oaiChunks(records, names, publicUrl, { ...options, prefix: format, now })
  }
}

/**
 * Small chunks joined into pieces of at least `size` characters (the last one may be shorter). After
 * each piece the event loop gets a turn: on SQLite every query is synchronous and a socket on loopback
 * takes each write at once, so without it a whole export would run as one task, and the process would
 * answer nobody else until it ended.
 */
export async function* coalesce(chunks: AsyncIterable<string>, size = CHUNK_CHARS): AsyncGenerator<string> {
  let parts: string[] = []
  let length = 0
  for await (const chunk of chunks) {
    parts.push(chunk)
    length += chunk.length
    if (length >= size) {
      yield parts.join('')
      parts = []
      length = 0
      await nextTurn()
    }
  }
  if (length > 0) yield parts.join('')
}

/**
 * The chunks as a byte stream that pulls the next chunk only when the reader wants one (backpressure),
 * and stops the walk when the reader cancels (a client that hangs up).
 */
export function byteStream(
  chunks: AsyncIterable<string>,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]()
  const encoder = new TextEncoder()
  // The default high-water mark of one chunk: the next chunk is made while the last is being sent.
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next()
        if (next.done) controller.close()
        else controller.enqueue(encoder.encode(next.value))
      } catch (error) {
        onError(error)
        controller.error(error)
      }
    },
    async cancel() {
      await iterator.return?.()
    },
  })
}
