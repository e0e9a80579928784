// A source's listings as tests compare them: without `seen_generation`, the pass bookkeeping that
// every harvest updates even when nothing about a listing changed.
import type { Db } from '../src/db/schema.ts'

export async function listingsOfSource(db: Db, sourceId: string) {
  const rows = await db
    .selectFrom('listings')
    .selectAll()
    .where('source_id', '=', sourceId)
    .orderBy('platform_key')
    .orderBy('id')
    .execute()
  return rows.map(({ seen_generation: _seen, ...rest }) => rest)
}
