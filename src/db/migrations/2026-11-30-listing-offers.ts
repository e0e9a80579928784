// What a listing costs: free or paid access, whether a certificate is offered and if it costs, and
// the lowest price the platform names.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('listings').addColumn('access', 'varchar(8)').execute()
  await db.schema.alterTable('listings').addColumn('certificate', 'varchar(8)').execute()
  await db.schema.alterTable('listings').addColumn('price_amount', 'double precision').execute()
  await db.schema.alterTable('listings').addColumn('price_currency', 'varchar(3)').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['price_currency', 'price_amount', 'certificate', 'access'])
    await db.schema.alterTable('listings').dropColumn(column).execute()
}
