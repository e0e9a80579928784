// The whole catalog as one MOOChub v3 JSON:API document, `{"data":[…],"meta":{"total":n}}`, written a
// resource at a time (valid JSON with no record too). Deleted records are left out: a JSON:API
// collection lists what exists; OAI-PMH and JSON Lines carry deletions.
import { isLive, moochubResource } from '../moochub/moochub-resource.ts'
import type { Names, PublishedRecord } from '../record.ts'
import { jsonLine } from './jsonl-writer.ts'

export async function* moochubChunks(
  records: AsyncIterable<PublishedRecord>,
  names: Names,
  publicUrl: string,
): AsyncGenerator<string> {
  yield '{"data":['
  let total = 0
  for await (const record of records) {
    if (!isLive(record)) continue
    yield `${total === 0 ? '\n' : ',\n'}${jsonLine(moochubResource(record, names, publicUrl))}`
    total++
  }
  yield `${total === 0 ? '' : '\n'}],"meta":{"total":${total}}}\n`
}
