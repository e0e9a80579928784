// Catalog core: institutions, platforms, subjects, courses, listings, runs, API keys.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  const ts = (name: string) => [name, 'varchar(32)'] as const
  await db.schema
    .createTable('institutions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('country', 'varchar(2)', (c) => c.notNull())
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('logo_url', 'text')
    .addColumn('joined_on', 'varchar(10)')
    .addColumn(...ts('created_at'), (c) => c.notNull())
    .addColumn(...ts('updated_at'), (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('platforms')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('software', 'varchar(32)', (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('institution_id', 'varchar(64)', (c) => c.references('institutions.id'))
    .addColumn(...ts('created_at'), (c) => c.notNull())
    .addColumn(...ts('updated_at'), (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('subjects')
    .addColumn('code', 'varchar(4)', (c) => c.primaryKey())
    .addColumn('level', 'varchar(16)', (c) => c.notNull())
    .addColumn('parent_code', 'varchar(4)', (c) => c.references('subjects.code'))
    .addColumn('labels', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('courses')
    .addColumn('id', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('language', 'varchar(35)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('description', 'text')
    .addColumn('level', 'varchar(16)')
    .addColumn('effort_hours_per_week', 'real')
    .addColumn('weeks', 'integer')
    .addColumn('course_number', 'varchar(64)')
    .addColumn('instructors', 'text', (c) => c.notNull())
    .addColumn('subtitle_languages', 'text', (c) => c.notNull())
    .addColumn('translation_group', 'varchar(100)')
    .addColumn('origin', 'varchar(16)', (c) => c.notNull())
    .addColumn(...ts('created_at'), (c) => c.notNull())
    .addColumn(...ts('updated_at'), (c) => c.notNull())
    .execute()
  await db.schema.createIndex('courses_language').on('courses').column('language').execute()
  await db.schema.createIndex('courses_title').on('courses').columns(['title', 'id']).execute()

  await db.schema
    .createTable('course_institutions')
    .addColumn('course_id', 'varchar(100)', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('institution_id', 'varchar(64)', (c) => c.notNull().references('institutions.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('course_institutions_pk', ['course_id', 'institution_id'])
    .execute()
  await db.schema
    .createIndex('course_institutions_institution')
    .on('course_institutions')
    .column('institution_id')
    .execute()

  await db.schema
    .createTable('course_subjects')
    .addColumn('course_id', 'varchar(100)', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('subject_code', 'varchar(4)', (c) => c.notNull().references('subjects.code'))
    .addPrimaryKeyConstraint('course_subjects_pk', ['course_id', 'subject_code'])
    .execute()
  await db.schema
    .createIndex('course_subjects_subject')
    .on('course_subjects')
    .column('subject_code')
    .execute()

  await db.schema
    .createTable('listings')
    .addColumn('id', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('course_id', 'varchar(100)', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('platform_id', 'varchar(64)', (c) => c.notNull().references('platforms.id'))
    .addColumn('platform_key', 'varchar(255)', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('origin', 'varchar(16)', (c) => c.notNull())
    .addColumn(...ts('created_at'), (c) => c.notNull())
    .addColumn(...ts('updated_at'), (c) => c.notNull())
    .addUniqueConstraint('listings_platform_key', ['platform_id', 'platform_key'])
    .execute()
  await db.schema.createIndex('listings_course').on('listings').column('course_id').execute()

  await db.schema
    .createTable('runs')
    .addColumn('id', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('listing_id', 'varchar(100)', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('run_key', 'varchar(255)')
    .addColumn('pacing', 'varchar(16)', (c) => c.notNull())
    .addColumn('starts_on', 'varchar(10)')
    .addColumn('ends_on', 'varchar(10)')
    .addColumn('enrollment_opens_on', 'varchar(10)')
    .addColumn('enrollment_closes_on', 'varchar(10)')
    .addColumn(...ts('created_at'), (c) => c.notNull())
    .addColumn(...ts('updated_at'), (c) => c.notNull())
    .execute()
  await db.schema.createIndex('runs_listing').on('runs').column('listing_id').execute()

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('role', 'varchar(32)', (c) => c.notNull())
    .addColumn('institution_id', 'varchar(64)', (c) => c.references('institutions.id'))
    .addColumn(...ts('created_at'), (c) => c.notNull())
    .addColumn(...ts('revoked_at'))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'api_keys',
    'runs',
    'listings',
    'course_subjects',
    'course_institutions',
    'courses',
    'subjects',
    'platforms',
    'institutions',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
