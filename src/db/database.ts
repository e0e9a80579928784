// Opens the database moocx runs on: embedded SQLite (WAL) by default, PostgreSQL when configured.
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationResultSet } from 'kysely'
import pg from 'pg'
import type { Config } from '../config.ts'
import { AppError } from '../shared/errors.ts'
import { migrations } from './migrations/index.ts'
import type { Database, Db } from './schema.ts'

export type DatabaseConfig = Config['database'] | { kind: 'postgres'; url: string; schema?: string }

export function openDatabase(config: DatabaseConfig): Db {
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') fs.mkdirSync(path.dirname(config.file), { recursive: true })
    const sqlite = new SQLite(config.file)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('synchronous = NORMAL')
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
  }
  const schema = 'schema' in config ? config.schema : undefined
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  })
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}

/**
 * Kysely prepares every statement it runs; a harvest runs the same few hundred SQL texts thousands
 * of times. Keeps the most recently used prepared statements (better-sqlite3 statements are reusable).
 */
function withStatementCache(sqlite: SQLite.Database, size = 500) {
  const cache = new Map<string, SQLite.Statement>()
  return {
    close: () => {
      cache.clear()
      sqlite.close()
    },
    prepare: (sql: string) => {
      const found = cache.get(sql)
      if (found) {
        cache.delete(sql) // re-inserted below: the Map's order is the recency order
        cache.set(sql, found)
        return found
      }
      const statement = sqlite.prepare(sql)
      cache.set(sql, statement)
      if (cache.size > size) cache.delete(cache.keys().next().value ?? '')
      return statement
    },
  }
}

/**
 * Brings the schema up to date; idempotent. Throws an AppError naming the failed migration.
 * On PostgreSQL the migration tables' schema is named explicitly: Kysely looks them up by name
 * across all schemas otherwise, and another schema's copy in the same database would confuse it.
 */
export async function migrateToLatest(db: Db, config: DatabaseConfig): Promise<MigrationResultSet> {
  const migrationTableSchema =
    config.kind === 'postgres' ? ('schema' in config && config.schema) || 'public' : undefined
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(migrationTableSchema && { migrationTableSchema }),
  })
  const result = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    const reason = result.error instanceof Error ? result.error.message : String(result.error)
    throw new AppError('internal', 70, `Migration ${failed} failed: ${reason}`)
  }
  return result
}
