// Courses are also found by the names of their institutions: renaming an institution (or naming it
// in another language) notes in the search change log that names changed (RELABEL, first) and then
// every course of it, so every app process reads the names again and re-reads those courses.
import { PostgresAdapter, sql, type Kysely } from 'kysely'

const COURSES_OF = (row: 'NEW') =>
  `SELECT course_id FROM course_institutions WHERE institution_id = ${row}.id`
/** The change-log entry that says names changed (RELABEL in search-document-repository.ts). */
const RELABEL = `'*labels*'`

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql
      .raw(
        `CREATE FUNCTION search_touch_institution() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE c varchar(64);
BEGIN
  PERFORM search_note(${RELABEL});
  FOR c IN ${COURSES_OF('NEW')} LOOP
    PERFORM search_note(c);
  END LOOP;
  RETURN NULL;
END $$`,
      )
      .execute(db)
    await sql
      .raw(
        `CREATE TRIGGER search_touch_names AFTER UPDATE ON institutions FOR EACH ROW WHEN (OLD.names IS DISTINCT FROM NEW.names) EXECUTE FUNCTION search_touch_institution()`,
      )
      .execute(db)
    return
  }
  await sql
    .raw(
      `CREATE TRIGGER search_institutions_names AFTER UPDATE ON institutions FOR EACH ROW WHEN (OLD.names IS NOT NEW.names) BEGIN
  INSERT OR REPLACE INTO search_changes (course_id, changed_at)
  VALUES (${RELABEL}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  INSERT OR REPLACE INTO search_changes (course_id, changed_at)
  SELECT course_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (${COURSES_OF('NEW')});
END`,
    )
    .execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`DROP TRIGGER IF EXISTS search_touch_names ON institutions`.execute(db)
    await sql`DROP FUNCTION IF EXISTS search_touch_institution()`.execute(db)
    return
  }
  await sql`DROP TRIGGER IF EXISTS search_institutions_names`.execute(db)
}
