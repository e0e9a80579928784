// Keeps the query planner's statistics fresh after large writes. The one place where the two
// dialects differ here: PostgreSQL plans from ANALYZE statistics (a table filled inside one
// harvest still looks empty to it, and small lookups turn into full scans); SQLite has
// `PRAGMA optimize`, which is cheap and decides itself what to analyze.
import { PostgresAdapter, sql } from 'kysely'
import type { Database, Db } from './schema.ts'

export async function refreshStatistics(db: Db, tables: readonly (keyof Database)[]): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db)
    return
  }
  await sql`pragma optimize`.execute(db)
}
