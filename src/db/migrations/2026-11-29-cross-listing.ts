// Cross-listing: a normalized title key on courses (to find the same course offered on another
// platform) and, on listings, why a listing belongs to its course.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('courses').addColumn('title_key', 'varchar(300)').execute()
  await db.schema.alterTable('listings').addColumn('group_reason', 'text').execute()
  const rows = await sql<{ id: string; title: string }>`select id, title from courses`.execute(db)
  for (const row of rows.rows) {
    await sql`update courses set title_key = ${titleKey(row.title)} where id = ${row.id}`.execute(db)
  }
  await db.schema.createIndex('courses_title_key').on('courses').column('title_key').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('courses_title_key').execute()
  await db.schema.alterTable('listings').dropColumn('group_reason').execute()
  await db.schema.alterTable('courses').dropColumn('title_key').execute()
}

/** Frozen copy of catalog/title-key.ts as of this migration. */
function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim()
    .slice(0, 300)
}
