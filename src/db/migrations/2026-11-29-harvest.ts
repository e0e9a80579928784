// Harvest: sources (harvest endpoints), harvest runs, rejected records, and the per-record
// content hashes that make re-harvests incremental.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sources')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('platform_id', 'varchar(64)', (c) => c.notNull().references('platforms.id'))
    .addColumn('format', 'varchar(32)', (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('default_language', 'varchar(35)')
    .addColumn('credentials', 'text')
    .addColumn('schedule_minutes', 'integer')
    .addColumn('org_map', 'text', (c) => c.notNull())
    .addColumn('rate_per_minute', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('paused_reason', 'text')
    .addColumn('lease_holder', 'varchar(100)')
    .addColumn('lease_until', 'varchar(32)')
    .addColumn('cursor', 'text')
    .addColumn('last_run_at', 'varchar(32)')
    .addColumn('next_run_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('harvest_runs')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('source_id', 'varchar(64)', (c) => c.notNull().references('sources.id'))
    .addColumn('generation', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('complete', 'integer', (c) => c.notNull())
    .addColumn('seen', 'integer', (c) => c.notNull())
    .addColumn('added', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('withdrawn', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .execute()
  await db.schema
    .createIndex('harvest_runs_source')
    .on('harvest_runs')
    .columns(['source_id', 'started_at'])
    .execute()

  await db.schema
    .createTable('harvest_rejections')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('run_id', 'varchar(64)', (c) => c.notNull().references('harvest_runs.id').onDelete('cascade'))
    .addColumn('record_key', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('harvest_rejections_run').on('harvest_rejections').column('run_id').execute()

  await db.schema
    .createTable('harvest_records')
    .addColumn('source_id', 'varchar(64)', (c) => c.notNull().references('sources.id'))
    .addColumn('record_key', 'varchar(255)', (c) => c.notNull())
    .addColumn('listing_id', 'varchar(100)', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('seen_generation', 'varchar(64)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('harvest_records_pk', ['source_id', 'record_key'])
    .execute()
  await db.schema.createIndex('harvest_records_listing').on('harvest_records').column('listing_id').execute()

  // Harvested descriptions keep their (sanitized, allow-listed) HTML beside the plain text.
  await db.schema.alterTable('courses').addColumn('description_html', 'text').execute()
  await db.schema
    .alterTable('listings')
    .addColumn('source_id', 'varchar(64)', (c) => c.references('sources.id'))
    .execute()
  // The generation of the last pass that saw the listing: withdrawing the unseen is then a plain
  // scan of the source's listings, with no anti-join whose plan depends on table statistics.
  await db.schema.alterTable('listings').addColumn('seen_generation', 'varchar(64)').execute()
  await db.schema.createIndex('listings_source').on('listings').columns(['source_id', 'status']).execute()
  await db.schema.createIndex('runs_listing_key').on('runs').columns(['listing_id', 'run_key']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('runs_listing_key').execute()
  await db.schema.dropIndex('listings_source').execute()
  await db.schema.alterTable('listings').dropColumn('seen_generation').execute()
  await db.schema.alterTable('listings').dropColumn('source_id').execute()
  await db.schema.alterTable('courses').dropColumn('description_html').execute()
  for (const table of ['harvest_records', 'harvest_rejections', 'harvest_runs', 'sources']) {
    await db.schema.dropTable(table).execute()
  }
}
