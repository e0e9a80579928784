// One OAI-PMH ListRecords response holding every record (no resumption token), written a record at a
// time: `oai_dc` or `lom` metadata for live records, a header with status="deleted" for deleted ones.
// With no record it is the noRecordsMatch error the protocol prescribes (ListRecords needs a record).
import { envelopeParts, errorBody } from '../oai/envelope.ts'
import { NO_RECORDS } from '../oai/errors.ts'
import { recordXml } from '../oai/record-xml.ts'
import type { Names, PublishedRecord } from '../record.ts'

export interface OaiExportRequest {
  prefix: 'oai_dc' | 'lom'
  /** When the response was made (responseDate). */
  now: Date
  set?: string | undefined
  from?: string | undefined
}

export async function* oaiChunks(
  records: AsyncIterable<PublishedRecord>,
  names: Names,
  publicUrl: string,
  request: OaiExportRequest,
): AsyncGenerator<string> {
  const args = {
    verb: 'ListRecords',
    metadataPrefix: request.prefix,
    ...(request.set !== undefined && { set: request.set }),
    ...(request.from !== undefined && { from: request.from }),
  }
  const [head = '', tail = ''] = envelopeParts(request.now, `${publicUrl}/oai`, args, [])
  const iterator = records[Symbol.asyncIterator]()
  try {
    let next = await iterator.next()
    yield head
    if (next.done) {
      yield errorBody([NO_RECORDS])
    } else {
      yield '<ListRecords>'
      for (; !next.done; next = await iterator.next())
        yield recordXml(publicUrl, next.value, request.prefix, names)
      yield '</ListRecords>'
    }
    yield tail
  } finally {
    // A reader that stops early (a closed connection) ends the walk too.
    await iterator.return?.()
  }
}
