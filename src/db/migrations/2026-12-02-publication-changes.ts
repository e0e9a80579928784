// The change log also dates published records (OAI-PMH datestamps, MOOChub and feeds): a listing's
// URL and a run's enrollment dates are published, so changing them now notes the course too. An
// index on (changed_at, course_id) lets harvesters ask for what changed since a date, and courses
// that predate the log get an entry, so every course has a datestamp. Courses get a licence (an SPDX
// identifier, or `proprietary`), which the open formats carry. On PostgreSQL the log's course ids
// (and the trigger functions' variables) were 64 characters while course ids are up to 100: a
// harvested course with a long id could not be saved there.
import { PostgresAdapter, sql, type Kysely } from 'kysely'

const LISTING_COLUMNS = [
  'course_id',
  'platform_id',
  'status',
  'access',
  'certificate',
  'price_amount',
  'price_currency',
  'enrollments',
  'url',
  'platform_key',
]
const RUN_COLUMNS = [
  'listing_id',
  'pacing',
  'starts_on',
  'ends_on',
  'run_key',
  'enrollment_opens_on',
  'enrollment_closes_on',
]
const BEFORE: Record<string, string[]> = {
  listings: LISTING_COLUMNS.slice(0, 8),
  runs: RUN_COLUMNS.slice(0, 4),
}
const AFTER: Record<string, string[]> = { listings: LISTING_COLUMNS, runs: RUN_COLUMNS }
const COURSE_OF: Record<string, (row: 'NEW' | 'OLD') => string> = {
  listings: (row) => `${row}.course_id`,
  runs: (row) => `(SELECT course_id FROM listings WHERE id = ${row}.listing_id)`,
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('courses').addColumn('license', 'varchar(64)').execute()
  await watch(db, AFTER)
  // Feeds list the newest courses first.
  await db.schema.createIndex('courses_created_at').on('courses').columns(['created_at', 'id']).execute()
  await db.schema
    .createIndex('search_changes_changed_at')
    .on('search_changes')
    .columns(['changed_at', 'course_id'])
    .execute()
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`ALTER TABLE search_changes ALTER COLUMN course_id TYPE varchar(100)`.execute(db)
    for (const fn of ['search_touch', 'search_touch_institution']) await widenVariables(db, fn)
    await sql`INSERT INTO search_changes (course_id, seq, changed_at)
      SELECT id, nextval('search_change_seq'), updated_at FROM courses
      WHERE id NOT IN (SELECT course_id FROM search_changes)`.execute(db)
  } else {
    await sql`INSERT INTO search_changes (course_id, changed_at)
      SELECT id, updated_at FROM courses WHERE id NOT IN (SELECT course_id FROM search_changes)`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('search_changes_changed_at').execute()
  await db.schema.dropIndex('courses_created_at').execute()
  await watch(db, BEFORE)
  await db.schema.alterTable('courses').dropColumn('license').execute()
}

/** Replaces the update triggers of listings and runs with ones watching `columns`. */
async function watch(db: Kysely<any>, columns: Record<string, string[]>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  for (const [table, watched] of Object.entries(columns)) {
    if (postgres) {
      const when = watched.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ')
      await sql.raw(`DROP TRIGGER search_touch_update ON ${table}`).execute(db)
      await sql
        .raw(
          `CREATE TRIGGER search_touch_update AFTER UPDATE ON ${table} FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION search_touch()`,
        )
        .execute(db)
      continue
    }
    const when = watched.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')
    const course = COURSE_OF[table]
    if (!course) throw new Error(`no course for ${table}`)
    const touch = (row: 'NEW' | 'OLD') =>
      `INSERT OR REPLACE INTO search_changes (course_id, changed_at)
     SELECT c, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (SELECT ${course(row)} AS c) WHERE c IS NOT NULL;`
    await sql.raw(`DROP TRIGGER search_${table}_update`).execute(db)
    await sql
      .raw(
        `CREATE TRIGGER search_${table}_update AFTER UPDATE ON ${table} FOR EACH ROW WHEN (${when}) BEGIN ${touch('OLD')} ${touch('NEW')} END`,
      )
      .execute(db)
  }
}

/** Recreates a trigger function of this schema with its varchar(64) variables made varchar(100). */
async function widenVariables(db: Kysely<any>, fn: string): Promise<void> {
  await sql
    .raw(
      `DO $do$ DECLARE body text; BEGIN
  SELECT prosrc INTO body FROM pg_proc WHERE proname = '${fn}' AND pronamespace = current_schema()::regnamespace;
  EXECUTE 'CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$' || replace(body, 'varchar(64)', 'varchar(100)') || '$fn$';
END $do$`,
    )
    .execute(db)
}
