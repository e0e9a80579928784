// The alliance in numbers, for the home page.
import type { Db } from '../db/schema.ts'

export interface AllianceNumbers {
  institutions: number
  platforms: number
  courses: number
  languages: number
  subjects: number
}

export async function allianceNumbers(db: Db): Promise<AllianceNumbers> {
  const count = (n: number | string | bigint) => Number(n)
  const [institutions, platforms, courses, languages, subjects] = await Promise.all([
    db
      .selectFrom('institutions')
      .where('status', '=', 'active')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('platforms')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('courses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('courses')
      .select((eb) => eb.fn.count<number>('language').distinct().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('course_subjects')
      .select((eb) => eb.fn.count<number>('subject_code').distinct().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return {
    institutions: count(institutions.n),
    platforms: count(platforms.n),
    courses: count(courses.n),
    languages: count(languages.n),
    subjects: count(subjects.n),
  }
}
