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
  /** Sanitized, allow-listed HTML of a harvested description; null for plain-text descriptions. */
  description_html: string | null
  /** titleKey(title): finds the same course offered on another platform. */
  title_key: string | null
  /** JSON array: subject words from feeds not (yet) mapped to an ISCED-F code. */
  keywords: string | null
  level: string | null
  effort_hours_per_week: number | null
  weeks: number | null
  course_number: string | null
  /** JSON array of names. */
  instructors: string
  /** JSON array of BCP-47 tags. */
  subtitle_languages: string
  translation_group: string | null
  /** SPDX licence identifier (`CC-BY-4.0`) or `proprietary`; null when the feed does not say. */
  license: string | null
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
  /** The harvest source that brought the listing, if harvested. */
  source_id: string | null
  /** Why the listing belongs to its course when grouped or moved (cross-listing). */
  group_reason: string | null
  /** The harvest generation that last saw one of the listing's records. */
  seen_generation: string | null
  /** free | paid; null = unknown. */
  access: string | null
  /** none | free | paid; null = unknown. */
  certificate: string | null
  price_amount: number | null
  /** ISO 4217, set when price_amount is. */
  price_currency: string | null
  /** Learners enrolled, where the platform says. */
  enrollments: number | null
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

export interface SourceTable {
  id: string
  platform_id: string
  format: string
  base_url: string
  /** BCP-47 tag for records that do not say their language. */
  default_language: string | null
  /** JSON object, format-specific (e.g. OAuth2 client id and secret). */
  credentials: string | null
  schedule_minutes: number | null
  /** JSON object: upstream organization code → institution id. */
  org_map: string
  rate_per_minute: number
  status: string
  failures: number
  paused_reason: string | null
  lease_holder: string | null
  lease_until: string | null
  /** JSON: where an interrupted pass resumes ({ generation, next }). */
  cursor: string | null
  /** The upstream's own time when the last successful pass began (OAI-PMH responseDate). */
  upstream_since: string | null
  last_run_at: string | null
  next_run_at: string | null
  created_at: string
  updated_at: string
}

export interface HarvestRunTable {
  id: string
  source_id: string
  /** The run that began the pass this run belongs to (a resumed run continues its generation). */
  generation: string
  status: string
  complete: number
  seen: number
  added: number
  updated: number
  unchanged: number
  withdrawn: number
  rejected: number
  error: string | null
  started_at: string
  finished_at: string | null
}

export interface HarvestRejectionTable {
  id: string
  run_id: string
  record_key: string | null
  reason: string
  created_at: string
}

export interface HarvestRecordTable {
  source_id: string
  record_key: string
  listing_id: string
  content_hash: string
  seen_generation: string
  updated_at: string
}

export interface ConsoleSessionTable {
  token_hash: string
  api_key_id: string
  created_at: string
  expires_at: string
}

/** Signatures of recent pushes, refused if seen again before they expire. */
export interface PushNonceTable {
  source_id: string
  /** Lower-case hex HMAC-SHA256 of the push. */
  signature: string
  seen_at: string
  expires_at: string
}

export interface SubjectMappingTable {
  /** titleKey(label): spellings that differ only in case and punctuation share a mapping. */
  label_key: string
  label: string
  /** null: seen in feeds, waiting for an administrator to map it. */
  subject_code: string | null
  seen: number
  updated_at: string
}

/** One row per course whose search document may have changed; written by triggers. */
export interface SearchChangeTable {
  course_id: string
  /** Grows with every change (bigint: a string on PostgreSQL). */
  seq: number | string
  changed_at: string
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
  sources: SourceTable
  harvest_runs: HarvestRunTable
  harvest_rejections: HarvestRejectionTable
  harvest_records: HarvestRecordTable
  console_sessions: ConsoleSessionTable
  push_nonces: PushNonceTable
  subject_mappings: SubjectMappingTable
  search_changes: SearchChangeTable
}

export type Db = Kysely<Database>
export type InstitutionRow = Selectable<InstitutionTable>
export type PlatformRow = Selectable<PlatformTable>
export type CourseRow = Selectable<CourseTable>
export type ListingRow = Selectable<ListingTable>
export type RunRow = Selectable<RunTable>
export type SourceRow = Selectable<SourceTable>
export type HarvestRunRow = Selectable<HarvestRunTable>
