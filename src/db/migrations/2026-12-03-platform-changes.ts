// Published records name their platform (OAI-PMH dc:publisher, MOOChub's platform and its URL): a
// platform's new name or address now notes every course listed on it in the change log, so the
// records get a new datestamp and harvesters fetch them again. Search indexes no platform names, so
// no labels entry is needed; its processes only re-read those courses.
import { PostgresAdapter, sql, type Kysely } from 'kysely'

const COURSES_ON = (row: 'NEW') => `SELECT DISTINCT course_id FROM listings WHERE platform_id = ${row}.id`
const WATCHED = ['name', 'base_url']

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql
      .raw(
        `CREATE FUNCTION search_touch_platform() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE c varchar(100);
BEGIN
  FOR c IN ${COURSES_ON('NEW')} LOOP
    PERFORM search_note(c);
  END LOOP;
  RETURN NULL;
END $$`,
      )
      .execute(db)
    const when = WATCHED.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ')
    await sql
      .raw(
        `CREATE TRIGGER search_touch_platform AFTER UPDATE ON platforms FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION search_touch_platform()`,
      )
      .execute(db)
    return
  }
  const when = WATCHED.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')
  await sql
    .raw(
      `CREATE TRIGGER search_platforms_update AFTER UPDATE ON platforms FOR EACH ROW WHEN (${when}) BEGIN
  INSERT OR REPLACE INTO search_changes (course_id, changed_at)
  SELECT course_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (${COURSES_ON('NEW')});
END`,
    )
    .execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`DROP TRIGGER IF EXISTS search_touch_platform ON platforms`.execute(db)
    await sql`DROP FUNCTION IF EXISTS search_touch_platform()`.execute(db)
    return
  }
  await sql`DROP TRIGGER IF EXISTS search_platforms_update`.execute(db)
}
