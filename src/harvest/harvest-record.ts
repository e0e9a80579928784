// HarvestRecord: one upstream record after parsing and normalization, in moocx's own terms,
// ready to become (or update) a course, its listing on the source's platform and its runs.
import { createHash } from 'node:crypto'
import type { Access, Certificate, Level, Money, Pacing } from '../catalog/course.ts'

export interface HarvestedRun {
  runKey: string
  pacing: Pacing
  startsOn: string | null
  endsOn: string | null
  enrollmentOpensOn: string | null
  enrollmentClosesOn: string | null
}

export interface HarvestRecord {
  /** Unique within the source: the upstream id of this record (an Open edX run key, a MOOChub id). */
  recordKey: string
  /** The course on the platform: records sharing it are runs of one listing. */
  listingKey: string
  url: string
  title: string
  /** BCP-47, or `und` when the feed does not say. */
  language: string
  summary: string | null
  description: string | null
  descriptionHtml: string | null
  courseNumber: string | null
  institutions: string[]
  subjects: string[]
  /** Subject words the feed gave that are not ISCED-F codes: mapped through subject_mappings, else kept. */
  keywords: string[]
  level: Level | null
  effortHoursPerWeek: number | null
  weeks: number | null
  instructors: string[]
  subtitleLanguages: string[]
  /** Null when the feed does not say. */
  access: Access | null
  certificate: Certificate | null
  /** The lowest price the feed names: for access when paid, else for the certificate. */
  price: Money | null
  /** Learners enrolled in the listing, where the feed says (course-discovery `enrollment_count`). */
  enrollments?: number | null
  /** SPDX identifier or `proprietary` (normalize-license.ts); absent when the feed names none. */
  license?: string | null
  runs: HarvestedRun[]
}

export interface Rejected {
  key: string | null
  reason: string
}

/** `deleted`: the feed says the record was removed upstream (OAI-PMH deleted records, push withdrawals). */
export type ParseResult = { record: HarvestRecord } | { rejected: Rejected } | { deleted: string }

/**
 * `{ license }` when the feed names one, else nothing: a record without a licence keeps the content
 * hash it had before records carried licences, so nothing is rewritten for it.
 */
export function licenseField(license: string | null): { license?: string } {
  return license ? { license } : {}
}

/** A hash of everything moocx keeps from a record: equal hashes mean nothing to write. */
export function contentHash(record: HarvestRecord): string {
  return createHash('sha256').update(JSON.stringify(record)).digest('base64url').slice(0, 43)
}
