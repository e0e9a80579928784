// A fresh, migrated database per test file: in-memory SQLite by default, or a private schema in
// PostgreSQL when MOOCX_TEST_DB=postgres (the same suite runs on both).
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { migrateToLatest, openDatabase } from '../src/db/database.ts'
import type { Db } from '../src/db/schema.ts'

export const TEST_POSTGRES_URL =
  process.env.MOOCX_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const onPostgres = process.env.MOOCX_TEST_DB === 'postgres'

export interface TestDb {
  db: Db
  dialect: 'sqlite' | 'postgres'
  close: () => Promise<void>
}

export async function createTestDb(): Promise<TestDb> {
  if (!onPostgres) {
    const config = { kind: 'sqlite', file: ':memory:' } as const
    const db = openDatabase(config)
    await migrateToLatest(db, config)
    return { db, dialect: 'sqlite', close: () => db.destroy() }
  }
  const schema = `t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  await admin.end()
  const config = { kind: 'postgres', url: TEST_POSTGRES_URL, schema } as const
  const db = openDatabase(config)
  await migrateToLatest(db, config)
  return {
    db,
    dialect: 'postgres',
    close: async () => {
      await db.destroy()
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
      await client.connect()
      await client.query(`DROP SCHEMA ${schema} CASCADE`)
      await client.end()
    },
  }
}
