// What the search index knows of a course: its texts in their language, and the values it is
// filtered and faceted by. Built from the database by search-document-repository.ts.
import type { Access, Certificate, Level, Pacing } from '../catalog/course.ts'

export interface SearchRun {
  pacing: Pacing
  startsOn: string | null
  endsOn: string | null
}

export interface SearchDocument {
  courseId: string
  /** BCP-47 tag of the language of instruction and of the texts below. */
  language: string
  title: string
  summary: string | null
  description: string | null
  /** ISCED-F codes. */
  subjects: string[]
  keywords: string[]
  instructors: string[]
  institutions: string[]
  /** Platforms with an active listing. */
  platforms: string[]
  subtitleLanguages: string[]
  level: Level | null
  /** Runs of active listings: availability is worked out from them on the day of the query. */
  runs: SearchRun[]
  /** What the active listings say; empty when none says. */
  access: Access[]
  certificate: Certificate[]
  /** Enrolments over all listings (0 when no platform says). */
  enrollments: number
  createdAt: string
  updatedAt: string
}
