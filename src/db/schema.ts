// The current shape of the database, as Kysely sees it. Changes together with a migration.
// JSON-valued columns are stored as text on both dialects and parsed in repositories.
import type { Kysely, Selectable } from 'kysely'

export interface InstitutionTable {
  id: string
  kind: string
  role: string
  status: string
  country: string
  /** JSON object: BCP-47 tag → name. */
  names: string
  website: string | null
  logo_url: string | null
  joined_on: string | null
  created_at: string
  updated_at: string
}

export interface PlatformTable {
  id: string
  name: string
  software: string
  base_url: string
  institution_id: string | null
  created_at: string
  updated_at: string
}

export interface CourseTable {
  id: string
  language: string
  title: string
  summary: string | null
  description: string | null
  level: string | null
  effort_hours_per_week: number | null
  weeks: number | null
  course_number: string | null
  /** JSON array of names. */
  instructors: string
  /** JSON array of BCP-47 tags. */
  subtitle_languages: string
  translation_group: string | null
  origin: string
  created_at: string
  updated_at: string
}

export interface CourseInstitutionTable {
  course_id: string
  institution_id: string
  position: number
}

export interface CourseSubjectTable {
  course_id: string
  subject_code: string
}

export interface ListingTable {
  id: string
  course_id: string
  platform_id: string
  platform_key: string
  url: string
  status: string
  origin: string
  created_at: string
  updated_at: string
}

export interface RunTable {
  id: string
  listing_id: string
  run_key: string | null
  pacing: string
  starts_on: string | null
  ends_on: string | null
  enrollment_opens_on: string | null
  enrollment_closes_on: string | null
  created_at: string
  updated_at: string
}

export interface SubjectTable {
  code: string
  level: string
  parent_code: string | null
  /** JSON object: UI locale → label. */
  labels: string
}

export interface ApiKeyTable {
  id: string
  name: string
  key_hash: string
  role: string
  institution_id: string | null
  created_at: string
  revoked_at: string | null
}

export interface Database {
  institutions: InstitutionTable
  platforms: PlatformTable
  courses: CourseTable
  course_institutions: CourseInstitutionTable
  course_subjects: CourseSubjectTable
  listings: ListingTable
  runs: RunTable
  subjects: SubjectTable
  api_keys: ApiKeyTable
}

export type Db = Kysely<Database>
export type InstitutionRow = Selectable<InstitutionTable>
export type PlatformRow = Selectable<PlatformTable>
export type CourseRow = Selectable<CourseTable>
export type ListingRow = Selectable<ListingTable>
export type RunRow = Selectable<RunTable>
