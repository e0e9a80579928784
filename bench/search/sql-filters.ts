// Query filters as SQL conditions for the SQL baselines (SQLite and PostgreSQL placeholders alike).
import fs from 'node:fs'
import type { Filters } from './engine.ts'

/** " AND ..." conditions on the course table alias `c`, with their parameters in order. */
export function sqlFilters(
  filters: Filters,
  placeholder: (index: number) => string,
  alias: string,
  subjectCondition?: (param: string) => string,
): { sql: string; params: (string | number)[] } {
  const params: (string | number)[] = []
  const next = (value: string) => (params.push(value), placeholder(params.length))
  const parts: string[] = []
  if (filters.languages) parts.push(`${alias}.language IN (${filters.languages.map(next).join(', ')})`)
  if (filters.availability)
    parts.push(`${alias}.availability IN (${filters.availability.map(next).join(', ')})`)
  if (filters.access) parts.push(`${alias}.access = ${next(filters.access)}`)
  if (filters.subjectPrefix) {
    const param = next(filters.subjectPrefix)
    parts.push(
      subjectCondition
        ? subjectCondition(param)
        : `EXISTS (SELECT 1 FROM course_subjects s0 WHERE s0.course = ${alias}.id AND s0.broad = ${param})`,
    )
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params }
}

/** Size of a database file and its WAL/journal companions. */
export function fileBytes(file: string): number {
  return ['', '-wal', '-journal'].reduce((sum, suffix) => {
    try {
      return sum + fs.statSync(file + suffix).size
    } catch {
      return sum
    }
  }, 0)
}
