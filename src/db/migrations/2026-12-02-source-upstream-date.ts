// Sources remember the upstream's own time at the start of their last successful pass (an OAI-PMH
// responseDate), so the next incremental pass asks for what changed since then by the upstream's
// clock, to the second, rather than by the day on ours.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sources').addColumn('upstream_since', 'varchar(32)').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sources').dropColumn('upstream_since').execute()
}
