// Every record a filter selects, one page in memory at a time: for exports, feeds and benchmarks.
import type { Db } from '../db/schema.ts'
import type { PublishedRecord, RecordFilter, RecordPosition } from './record.ts'
import { recordPage } from './record-repository.ts'

export async function* walkRecords(
  db: Db,
  filter: RecordFilter,
  today: string,
  pageSize = 500,
): AsyncGenerator<PublishedRecord> {
  let after: RecordPosition | null = null
  for (;;) {
    const page = await recordPage(db, filter, after, pageSize, today)
    yield* page
    const last = page.at(-1)
    if (!last || page.length < pageSize) return
    after = { changedAt: last.changedAt, id: last.id }
  }
}
