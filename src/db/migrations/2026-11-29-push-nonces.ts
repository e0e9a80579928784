// Push nonces: the signatures of recent pushes per source, so a captured push cannot be replayed
// while its timestamp is still accepted. Rows expire after a few minutes and are deleted lazily.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('push_nonces')
    .addColumn('source_id', 'varchar(64)', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('signature', 'varchar(64)', (c) => c.notNull())
    .addColumn('seen_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('push_nonces_pk', ['source_id', 'signature'])
    .execute()
  await db.schema.createIndex('push_nonces_expires').on('push_nonces').column('expires_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('push_nonces').execute()
}
