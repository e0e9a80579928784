// The search change log: one row per course whose search document may have changed, with a
// sequence number that grows with every change. Database triggers write it, so no code path that
// touches a course, its listings, runs, subjects or institutions can forget to; every app process
// follows it to keep its in-memory search index current. Triggers are the one place the dialects
// differ here (SQLite trigger bodies; a PL/pgSQL function and a sequence on PostgreSQL). Listings
// also get their enrolment count, which search ranks by.
import { PostgresAdapter, sql, type Kysely } from 'kysely'

/**
 * Table → how a changed row names its course (NEW/OLD stand for the row), and the columns whose
 * change matters to search (none listed: every update does). A harvest that only marks listings
 * as seen must not make every process re-read every course.
 */
const SOURCES: readonly { table: string; course: (row: 'NEW' | 'OLD') => string; watched?: string[] }[] = [
  { table: 'courses', course: (row) => `${row}.id` },
  {
    table: 'listings',
    course: (row) => `${row}.course_id`,
    watched: [
      'course_id',
      'platform_id',
      'status',
      'access',
      'certificate',
      'price_amount',
      'price_currency',
      'enrollments',
    ],
  },
  {
    table: 'runs',
    course: (row) => `(SELECT course_id FROM listings WHERE id = ${row}.listing_id)`,
    watched: ['listing_id', 'pacing', 'starts_on', 'ends_on'],
  },
  { table: 'course_subjects', course: (row) => `${row}.course_id` },
  { table: 'course_institutions', course: (row) => `${row}.course_id` },
]

/** The condition under which an update matters, in the dialect's "differs" operator. */
function changed(watched: readonly string[] | undefined, differs: 'IS NOT' | 'IS DISTINCT FROM'): string {
  return watched ? `WHEN (${watched.map((c) => `OLD.${c} ${differs} NEW.${c}`).join(' OR ')})` : ''
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('listings').addColumn('enrollments', 'integer').execute()
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema
      .createTable('search_changes')
      .addColumn('course_id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('changed_at', 'varchar(32)', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('search_changes_seq').on('search_changes').column('seq').execute()
    await postgresTriggers(db)
  } else {
    // The row id is the change number: REPLACE gives a changed course a new, larger one
    // (AUTOINCREMENT never reuses a number), with one index besides, on the course.
    await db.schema
      .createTable('search_changes')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('course_id', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('changed_at', 'varchar(32)', (c) => c.notNull())
      .execute()
    await sqliteTriggers(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const { table } of SOURCES) {
      await sql.raw(`DROP TRIGGER IF EXISTS search_touch ON ${table}`).execute(db)
      await sql.raw(`DROP TRIGGER IF EXISTS search_touch_update ON ${table}`).execute(db)
    }
    await sql`DROP FUNCTION IF EXISTS search_touch()`.execute(db)
    await sql`DROP FUNCTION IF EXISTS search_note(varchar)`.execute(db)
    await sql`DROP SEQUENCE IF EXISTS search_change_seq`.execute(db)
  } else {
    for (const { table } of SOURCES)
      for (const event of ['insert', 'update', 'delete'])
        await sql.raw(`DROP TRIGGER IF EXISTS search_${table}_${event}`).execute(db)
  }
  await db.schema.dropTable('search_changes').execute()
  await db.schema.alterTable('listings').dropColumn('enrollments').execute()
}

async function sqliteTriggers(db: Kysely<any>): Promise<void> {
  const touch = (course: string) =>
    `INSERT OR REPLACE INTO search_changes (course_id, changed_at)
     SELECT c, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (SELECT ${course} AS c) WHERE c IS NOT NULL;`
  for (const { table, course, watched } of SOURCES) {
    await sql
      .raw(`CREATE TRIGGER search_${table}_insert AFTER INSERT ON ${table} BEGIN ${touch(course('NEW'))} END`)
      .execute(db)
    await sql
      .raw(
        `CREATE TRIGGER search_${table}_update AFTER UPDATE ON ${table} FOR EACH ROW ${changed(watched, 'IS NOT')} BEGIN ${touch(course('OLD'))} ${touch(course('NEW'))} END`,
      )
      .execute(db)
    await sql
      .raw(`CREATE TRIGGER search_${table}_delete AFTER DELETE ON ${table} BEGIN ${touch(course('OLD'))} END`)
      .execute(db)
  }
}

async function postgresTriggers(db: Kysely<any>): Promise<void> {
  await sql`CREATE SEQUENCE search_change_seq`.execute(db)
  const branch = (row: 'NEW' | 'OLD') =>
    SOURCES.map(
      ({ table, course }, i) =>
        `${i === 0 ? 'IF' : 'ELSIF'} TG_TABLE_NAME = '${table}' THEN c := ${course(row)};`,
    ).join('\n      ') + '\n      END IF;'
  await sql
    .raw(
      `CREATE FUNCTION search_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE c varchar(64);
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
      ${branch('OLD')}
    PERFORM search_note(c);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
      ${branch('NEW')}
    PERFORM search_note(c);
  END IF;
  RETURN NULL;
END $$`,
    )
    .execute(db)
  await sql
    .raw(
      `CREATE FUNCTION search_note(c varchar) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF c IS NULL THEN RETURN; END IF;
  INSERT INTO search_changes (course_id, seq, changed_at)
  VALUES (c, nextval('search_change_seq'), to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
  ON CONFLICT (course_id) DO UPDATE SET seq = excluded.seq, changed_at = excluded.changed_at;
END $$`,
    )
    .execute(db)
  for (const { table, watched } of SOURCES) {
    await sql
      .raw(
        `CREATE TRIGGER search_touch AFTER INSERT OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION search_touch()`,
      )
      .execute(db)
    await sql
      .raw(
        `CREATE TRIGGER search_touch_update AFTER UPDATE ON ${table} FOR EACH ROW ${changed(watched, 'IS DISTINCT FROM')} EXECUTE FUNCTION search_touch()`,
      )
      .execute(db)
  }
}
