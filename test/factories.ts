// Factories for test data, written through the real repositories.
import { createCourse } from '../src/catalog/course-repository.ts'
import {
  CourseCreate,
  ListingCreate,
  RunCreate,
  type Course,
  type Listing,
  type Run,
} from '../src/catalog/course.ts'
import { createListing, createRun } from '../src/catalog/listing-repository.ts'
import type { Source } from '../src/harvest/source.ts'
import type { Deps } from '../src/shared/deps.ts'
import { TODAY } from './test-app.ts'

let counter = 0

export async function makeCourse(deps: Deps, overrides: Partial<CourseCreate> = {}): Promise<Course> {
  counter++
  const input = CourseCreate.parse({
    id: `course-${counter}`,
    language: 'en',
    title: `Course number ${counter}`,
    institutions: ['spbu'],
    subjects: ['0613'],
    ...overrides,
  })
  return createCourse(deps, input, 'manual', TODAY)
}

export async function makeListing(
  deps: Deps,
  courseId: string,
  overrides: Partial<ListingCreate> = {},
): Promise<Listing> {
  counter++
  const input = ListingCreate.parse({
    platformId: 'edx',
    platformKey: `course-v1:Test+${counter}`,
    url: `https://www.edx.org/course/test-${counter}`,
    ...overrides,
  })
  return createListing(deps, courseId, input, 'manual', TODAY)
}

export async function makeRun(
  deps: Deps,
  listingId: string,
  overrides: Partial<RunCreate> = {},
): Promise<Run> {
  return createRun(deps, listingId, RunCreate.parse({ pacing: 'instructor', ...overrides }), TODAY)
}

/** Gives an institution a name in one more language, by straight SQL (as another process would). */
export async function nameInstitution(deps: Deps, id: string, language: string, name: string): Promise<void> {
  const row = await deps.db
    .selectFrom('institutions')
    .select('names')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  const names: unknown = JSON.parse(row.names)
  await deps.db
    .updateTable('institutions')
    .set({ names: JSON.stringify({ ...(typeof names === 'object' ? names : {}), [language]: name }) })
    .where('id', '=', id)
    .execute()
}

/** A source as the repositories return it, for connector tests that need no database; not stored. */
export function sourceOf(overrides: Partial<Source> & Pick<Source, 'format' | 'baseUrl'>): Source {
  return {
    id: 'source',
    platformId: 'edx',
    defaultLanguage: null,
    hasCredentials: false,
    scheduleMinutes: null,
    orgMap: {},
    ratePerMinute: 60,
    status: 'active',
    failures: 0,
    pausedReason: null,
    lastRunAt: null,
    nextRunAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  }
}
