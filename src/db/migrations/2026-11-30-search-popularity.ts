// How many learners enrolled in a listing, where its platform says: search ranks popular courses
// higher (a course's popularity is the sum over its listings).
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('listings').addColumn('enrollments', 'integer').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('listings').dropColumn('enrollments').execute()
}
