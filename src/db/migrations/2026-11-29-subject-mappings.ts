// Subjects harvested as words: course keywords, and the mapping table from a subject label seen in
// feeds to an ISCED-F code (null until an administrator maps it).
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('courses').addColumn('keywords', 'text').execute()
  await db.schema
    .createTable('subject_mappings')
    .addColumn('label_key', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('label', 'varchar(200)', (c) => c.notNull())
    .addColumn('subject_code', 'varchar(4)', (c) => c.references('subjects.code'))
    .addColumn('seen', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('subject_mappings').execute()
  await db.schema.alterTable('courses').dropColumn('keywords').execute()
}
