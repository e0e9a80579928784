// CSV for members who keep their catalog in a spreadsheet: the source's baseUrl is the file (e.g.
// a sheet published as CSV); rows sharing an `id` are runs of one course. Columns: csv-columns.ts.
import type { Pacing } from '../../catalog/course.ts'
import { licenseField, type HarvestedRun } from '../harvest-record.ts'
import { parseEffort } from '../normalize-effort.ts'
import { htmlToText, sanitizeDescription } from '../sanitize-description.ts'
import { columnNames, CsvRow, isColumn, REQUIRED_COLUMNS, type CsvColumn } from './csv-columns.ts'
import { csvOffer } from './csv-offer.ts'
import { CsvSyntaxError, detectSeparator, readCsvRecords, type CsvRecord } from '../../shared/csv.ts'
import {
  accepted,
  institutionsFor,
  keywordWords,
  PageError,
  rejected,
  type Connector,
  type FetchedPage,
  type ParseContext,
  recordLanguage,
} from './connector.ts'

/** The most rows (after the header) and bytes one file may have. */
export const MAX_CSV_ROWS = 100_000
export const MAX_CSV_BYTES = 20 * 1024 * 1024

/** What looks like an ISCED-F code: kept when it exists, else dropped; other subjects are keywords. */
const ISCED_CODE = /^\d{2,4}$/

/** A valid row with the line it came from and its run key. */
interface RunRow {
  line: number
  runKey: string
  row: CsvRow
}

// Raw records are classes only so that parseRecord can tell them apart with `instanceof`.
/** The valid rows of one id, by run key: one course. */
export class CsvCourse {
  readonly runs = new Map<string, RunRow>()
  constructor(readonly id: string) {}
}

/** A row that cannot be used, and why. */
export class CsvRowProblem {
  constructor(
    readonly key: string | null,
    readonly line: number,
    readonly reason: string,
  ) {}
}

export const csv: Connector = {
  firstPage: (source) => ({ url: source.baseUrl, method: 'GET' }),

  headers: { accept: 'text/csv, text/plain;q=0.9, */*;q=0.1' },

  readPage(page: FetchedPage) {
    return { records: readCourses(page.text), next: null }
  },

  parseRecord(raw: unknown, ctx: ParseContext) {
    if (raw instanceof CsvRowProblem) return rejected(raw.key, `line ${raw.line}: ${raw.reason}`)
    if (!(raw instanceof CsvCourse)) return rejected(null, 'not a row of a CSV file')
    return toRecord(raw, ctx)
  },
}

/** Every course of the file and every unusable row, in the order of their first line. */
export function readCourses(text: string): (CsvCourse | CsvRowProblem)[] {
  if (Buffer.byteLength(text, 'utf8') > MAX_CSV_BYTES)
    throw new PageError(
      `the file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB, the most one file may have`,
    )
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  if (/^\s*</.test(body))
    throw new PageError('the file is HTML, not CSV: is the spreadsheet published (shared) as CSV?')
  const [header, ...rows] = readRecords(body)
  if (!header) throw new PageError('the file is empty: its first line must name the columns')
  const columns = readHeader(header)
  if (rows.length === 0)
    throw new PageError('the file has a header but no rows; refusing to withdraw every course of the source')
  const out: (CsvCourse | CsvRowProblem)[] = []
  const courses = new Map<string, CsvCourse>()
  for (const record of rows) {
    const row = readRow(record, columns)
    if (row instanceof CsvRowProblem) {
      out.push(row)
      continue
    }
    let course = courses.get(row.row.id)
    if (!course) {
      course = new CsvCourse(row.row.id)
      courses.set(course.id, course)
      out.push(course)
    }
    const earlier = course.runs.get(row.runKey)
    if (earlier) out.push(duplicate(course.id, earlier, row))
    course.runs.set(row.runKey, row)
  }
  return out
}

/** The column of each field; empty header cells (blank spreadsheet columns) are null and ignored. */
function readHeader(header: CsvRecord): (CsvColumn | null)[] {
  const names = header.fields.map((f) =>
    f
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  )
  const unknown = names.filter((name) => name !== '' && !isColumn(name))
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c))
  const repeated = names.filter((name, i) => name !== '' && names.indexOf(name) !== i)
  const problems = [
    missing.length > 0 && `missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`,
    unknown.length > 0 &&
      `unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.map(quote).join(', ')} (known: ${columnNames().join(', ')})`,
    repeated.length > 0 && `column${repeated.length > 1 ? 's' : ''} given twice: ${repeated.join(', ')}`,
  ].filter((p) => typeof p === 'string')
  if (problems.length > 0) throw new PageError(`line ${header.line}: ${problems.join('; ')}`)
  return names.map((name) => (isColumn(name) ? name : null))
}

function readRow(record: CsvRecord, columns: (CsvColumn | null)[]): RunRow | CsvRowProblem {
  if (record.fields.length !== columns.length) {
    const reason = `${record.fields.length} fields where the header has ${columns.length}; the row is left out`
    return new CsvRowProblem(null, record.line, reason)
  }
  const cells: Partial<Record<CsvColumn, string>> = {}
  columns.forEach((column, i) => {
    if (column) cells[column] = record.fields[i] ?? ''
  })
  const parsed = CsvRow.safeParse(cells)
  if (!parsed.success) {
    const reasons = parsed.error.issues.slice(0, 3).map((issue) => issue.message)
    return new CsvRowProblem(cells.id?.trim() || null, record.line, reasons.join('; '))
  }
  const row = parsed.data
  return { line: record.line, runKey: row.run ?? row.start ?? 'self-paced', row }
}

function duplicate(id: string, earlier: RunRow, later: RunRow): CsvRowProblem {
  const reason = `the same id and run ("${later.runKey}") as line ${later.line}, which is used instead`
  return new CsvRowProblem(id, earlier.line, reason)
}

function toRecord(course: CsvCourse, ctx: ParseContext) {
  const rows = [...course.runs.values()].sort((a, b) => a.line - b.line)
  const last = rows.at(-1)
  if (!last) return rejected(course.id, 'no usable rows')
  const filled = <K extends keyof CsvRow>(column: K) => lastFilled(rows, column)
  const institutions = resolveInstitutions(ctx, filled('institution') ?? [])
  if (typeof institutions === 'string') return rejected(course.id, `line ${last.line}: ${institutions}`)
  const title = htmlToText(last.row.title).slice(0, 300)
  if (!title) return rejected(course.id, `line ${last.line}: the title is only markup`)
  const effort = parseEffort(filled('effort') ?? undefined)
  const description = filled('description')
  const html = description ? sanitizeDescription(asHtml(description), last.row.url) : ''
  const summary = filled('summary')
  const subjects = filled('subjects') ?? []
  const offer = csvOffer(rows.map((r) => r.row))
  if (typeof offer === 'string') return rejected(course.id, `line ${last.line}: ${offer}`)
  return accepted({
    recordKey: course.id,
    listingKey: course.id,
    url: last.row.url,
    title,
    language: recordLanguage(ctx, filled('language'), title, summary),
    summary: summary ? htmlToText(summary).slice(0, 500) || null : null,
    description: html ? htmlToText(html) || null : null,
    descriptionHtml: html || null,
    courseNumber: filled('course_number'),
    ...licenseField(filled('license')),
    institutions,
    subjects: [...new Set(subjects)].filter((code) => ctx.subjectCodes.has(code)),
    keywords: keywordWords(subjects.filter((subject) => !ISCED_CODE.test(subject))),
    level: filled('level'),
    effortHoursPerWeek: effort.hoursPerWeek ?? null,
    weeks: filled('weeks') ?? (effort.weeks ? Math.round(effort.weeks) : null),
    instructors: filled('instructors') ?? [],
    subtitleLanguages: filled('subtitle_languages') ?? [],
    ...offer,
    runs: rows.map(toRun),
  })
}

/**
 * A course column may be filled on one row of the course only: the last row that fills it (not
 * empty, not an empty list) gives its value.
 */
function lastFilled<K extends keyof CsvRow>(rows: readonly RunRow[], column: K): CsvRow[K] | null {
  for (let i = rows.length - 1; i >= 0; i--) {
    const value = rows[i]?.row[column]
    if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)) return value
  }
  return null
}

function toRun({ runKey, row }: RunRow): HarvestedRun {
  const pacing: Pacing = row.pacing ?? (row.start ? 'instructor' : 'self')
  return {
    runKey,
    pacing,
    startsOn: row.start,
    endsOn: row.end,
    enrollmentOpensOn: row.enrollment_start,
    enrollmentClosesOn: row.enrollment_end,
  }
}

/**
 * The institutions of the `institution` codes, each an institution id or a key of the source's
 * orgMap; with none, the platform's operator. A code that is neither is refused rather than
 * silently replaced by the operator, so that a typo is caught. Returns the reason when it fails.
 */
function resolveInstitutions(ctx: ParseContext, codes: string[]): string[] | string {
  if (codes.length === 0)
    return institutionsFor(ctx, undefined) ?? 'no institution: fill the institution column'
  const strict = { ...ctx, platform: { ...ctx.platform, institutionId: null } }
  const found: string[] = []
  for (const code of codes) {
    const ids = institutionsFor(strict, code)
    if (!ids) return `institution "${code}" is not known: use an institution id or add it to the orgMap`
    found.push(...ids)
  }
  return [...new Set(found)]
}

/** Plain text becomes paragraphs (blank lines) and line breaks; text with tags is HTML already. */
function asHtml(text: string): string {
  if (/<[a-z!/]/i.test(text)) return text
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return text
    .split(/(?:\r?\n){2,}/)
    .map((p) => `<p>${escape(p.trim()).replace(/\r?\n/g, '<br>')}</p>`)
    .join('')
}

function quote(value: string): string {
  return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
}

/** The file's records; a file the reader cannot read fails the page (and so the run). */
function readRecords(body: string): CsvRecord[] {
  try {
    return readCsvRecords(body, detectSeparator(body), MAX_CSV_ROWS)
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new PageError(error.message)
    throw error
  }
}
