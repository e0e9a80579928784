// JSON Lines: one course per line, in the API's Course shape with its active listings. A deleted
// record (the course is gone, or has no active listing left) is a line of its own,
// `{"id":…,"deleted":true,"changedAt":…}`, so an export from a date carries removals too.
import type { PublishedRecord } from '../record.ts'

export async function* jsonlChunks(records: AsyncIterable<PublishedRecord>): AsyncGenerator<string> {
  for await (const record of records) {
    const value = record.course ?? { id: record.id, deleted: true, changedAt: record.changedAt }
    yield `${jsonLine(value)}\n`
  }
}

/**
 * JSON.stringify leaves U+2028 and U+2029 as they are (valid JSON), but line splitters that follow
 * Unicode (Python's str.splitlines) break lines there: they are escaped so one record stays one line.
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
