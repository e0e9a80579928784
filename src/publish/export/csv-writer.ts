// CSV for spreadsheets: one row per live course (deleted records are left out), RFC 4180 (CRLF line
// ends, fields quoted when they hold a comma, quote, CR or LF), UTF-8 with a byte order mark so that
// Excel reads Chinese, Russian, Thai and Arabic titles right, and cells that a spreadsheet would run
// as a formula (starting with = + - @, tab or CR) prefixed with an apostrophe.
import type { Course, Listing } from '../../catalog/course.ts'
import { institutionName } from '../oai/dc-writer.ts'
import { datestamp, type Names, type PublishedRecord } from '../record.ts'

export const CSV_COLUMNS = [
  'id',
  'title',
  'language',
  'summary',
  'level',
  'effort_hours_per_week',
  'weeks',
  'institutions',
  'institution_names',
  'subjects',
  'url',
  'platforms',
  'access',
  'certificate',
  'price',
  'currency',
  'next_start',
  'license',
  'updated',
] as const
type Column = (typeof CSV_COLUMNS)[number]

/** Without it Excel opens a UTF-8 file in the system's legacy code page and garbles non-Latin text. */
const BOM = '\uFEFF'
const CRLF = '\r\n'

export async function* csvChunks(
  records: AsyncIterable<PublishedRecord>,
  names: Names,
  today: string,
): AsyncGenerator<string> {
  yield BOM + csvLine(CSV_COLUMNS)
  for await (const record of records) {
    if (!record.course) continue
    const row = csvRow(record.course, record.changedAt, names, today)
    yield csvLine(CSV_COLUMNS.map((column) => row[column]))
  }
}

/** One row's cells; url, access, certificate and price describe the first active listing. */
export function csvRow(
  course: Course,
  changedAt: string,
  names: Names,
  today: string,
): Record<Column, string> {
  const first: Listing | undefined = course.listings[0]
  const starts = course.listings
    .flatMap((l) => l.runs)
    .map((r) => r.startsOn)
    .filter((d): d is string => d !== null && d >= today)
    .sort()
  return {
    id: course.id,
    title: course.title,
    language: course.language,
    summary: course.summary ?? '',
    level: course.level ?? '',
    effort_hours_per_week: course.effortHoursPerWeek === null ? '' : String(course.effortHoursPerWeek),
    weeks: course.weeks === null ? '' : String(course.weeks),
    institutions: course.institutions.join('|'),
    // The separator is kept out of names so that names and ids line up when split.
    institution_names: course.institutions
      .map((id) => institutionName(names, id).replace(/\|/g, '/'))
      .join('|'),
    subjects: course.subjects.join('|'),
    url: first?.url ?? '',
    platforms: [...new Set(course.listings.map((l) => l.platformId))].join('|'),
    access: first?.access ?? '',
    certificate: first?.certificate ?? '',
    price: first?.price ? String(first.price.amount) : '',
    currency: first?.price?.currency ?? '',
    next_start: starts[0] ?? '',
    license: course.license ?? '',
    updated: datestamp(changedAt),
  }
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + CRLF
}

/** A cell defused against formula injection, then quoted if RFC 4180 needs it. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
