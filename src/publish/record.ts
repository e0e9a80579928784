// A published record: one course as moocx republishes it (MOOChub, OAI-PMH, feeds, exports), dated by
// the change log. A course that is gone, or has no active listing left, is published as deleted.
import type { Course } from '../catalog/course.ts'
import type { Institution } from '../institutions/institution.ts'
import type { Platform } from '../institutions/platform.ts'
import type { Subject } from '../subjects/subject.ts'

export interface PublishedRecord {
  /** The course id. */
  id: string
  /** When the course or anything published with it last changed (ISO-8601 UTC, milliseconds). */
  changedAt: string
  /** The course with its active listings only; null when the record is deleted. */
  course: Course | null
  /** Set specs the record belongs to (sets.ts); empty for a course that is gone. */
  sets: string[]
}

/** What writers need besides the record: names of institutions, platforms and subjects. */
export interface Names {
  institutions: Map<string, Institution>
  platforms: Map<string, Platform>
  subjects: Map<string, Subject>
}

/** Which records to publish: changed within [from, until] (inclusive, ISO instants), in a set. */
export interface RecordFilter {
  from?: string | undefined
  until?: string | undefined
  set?: string | undefined
}

/** Where a walk through the records stands: after this change of this course. */
export interface RecordPosition {
  changedAt: string
  id: string
}

/** The datestamp at seconds granularity: `2026-11-29T10:15:02Z`. */
export function datestamp(changedAt: string): string {
  return `${changedAt.slice(0, 19)}Z`
}
