// The columns of the CSV format for members who keep their catalog in a spreadsheet: what each
// column means (for the docs and error messages) and the Zod schema that checks one row's cells.
import { z } from 'zod'
import type { Level, Pacing } from '../../catalog/course.ts'
import { absoluteUrl } from '../absolute-url.ts'
import { parseDuration } from '../normalize-effort.ts'
import { normalizeLanguage, normalizeLanguages } from '../normalize-language.ts'
import { normalizeLicense } from '../normalize-license.ts'
import { calendarDate } from './connector.ts'
import { accessCell, certificateCell, checkPriceCurrency, currencyCell, priceCell } from './csv-offer.ts'

/** Longest id and run key accepted: they become database keys and parts of URLs. */
export const MAX_KEY_LENGTH = 200

/** One row's cells, by column; a column the file leaves out reads as an empty cell. */
export const CsvRow = z
  .object({
    id: required('id').pipe(z.string().max(MAX_KEY_LENGTH, `id is longer than ${MAX_KEY_LENGTH} characters`)),
    title: required('title'),
    url: required('url').transform(httpUrl),
    language: cell().transform(language),
    summary: optional(),
    description: optional(),
    course_number: optional().pipe(
      z.string().max(100, 'course_number is longer than 100 characters').nullable(),
    ),
    institution: list(),
    subjects: list(),
    level: cell().transform(level),
    effort: optional(),
    weeks: cell().transform(weeks),
    instructors: list(),
    subtitle_languages: list().transform((names) => normalizeLanguages(names)),
    access: cell().transform(accessCell),
    certificate: cell().transform(certificateCell),
    price: cell().transform(priceCell),
    currency: cell().transform(currencyCell),
    license: cell().transform(license),
    start: date('start'),
    end: date('end'),
    enrollment_start: date('enrollment_start'),
    enrollment_end: date('enrollment_end'),
    pacing: cell().transform(pacing),
    run: optional().pipe(
      z.string().max(MAX_KEY_LENGTH, `run is longer than ${MAX_KEY_LENGTH} characters`).nullable(),
    ),
  })
  .superRefine((row, ctx) => {
    checkPriceCurrency(row, ctx)
    if (row.start && row.end && row.end < row.start)
      ctx.addIssue({ code: 'custom', message: `end ${row.end} is before start ${row.start}` })
    if (row.enrollment_start && row.enrollment_end && row.enrollment_end < row.enrollment_start)
      ctx.addIssue({
        code: 'custom',
        message: `enrollment_end ${row.enrollment_end} is before enrollment_start ${row.enrollment_start}`,
      })
  })
export type CsvRow = z.output<typeof CsvRow>
export type CsvColumn = keyof z.input<typeof CsvRow>

export interface ColumnDoc {
  required: boolean
  /** Course columns describe the course; run columns (dates, pacing, run) one run of it. */
  scope: 'course' | 'run'
  description: string
}

/** Every column, in the order of docs/csv-format.md; typed by the schema so neither can drift. */
export const CSV_COLUMNS: Readonly<Record<CsvColumn, ColumnDoc>> = {
  id: course(true, 'Your id of the course, unique in the file (several rows with one id are runs of it).'),
  title: course(true, 'The course title, plain text, at most 300 characters are kept.'),
  url: course(true, 'The course page, an absolute http(s) URL.'),
  language: course(
    false,
    'Language of instruction: a tag (en, zh-Hans, pt-BR) or a name (Русский, ภาษาไทย).',
  ),
  summary: course(false, 'One or two sentences, plain text; at most 500 characters are kept.'),
  description: course(false, 'The full description: plain text (blank lines separate paragraphs) or HTML.'),
  course_number: course(false, 'Your course code, e.g. CS101.'),
  institution: course(false, "Institution ids or codes in the source's orgMap, separated by ; or |."),
  subjects: course(
    false,
    'ISCED-F 2013 codes separated by ; or | (e.g. 0613;0541); unknown codes are dropped, words kept as keywords.',
  ),
  level: course(false, 'introductory, intermediate or advanced (beginner and basic mean introductory).'),
  effort: course(false, 'Hours per week as free text: 4, 3-5 hours/week, 每周 3 小时, PT4H.'),
  weeks: course(false, 'Length in weeks: a number or a text such as "6 weeks".'),
  instructors: course(false, 'Names separated by ;.'),
  subtitle_languages: course(false, 'Languages of subtitles, separated by ;.'),
  access: course(false, 'free (can be taken without paying, auditing counts) or paid.'),
  certificate: course(false, 'none, free or paid: whether a certificate is offered and if it costs.'),
  price: course(
    false,
    'The lowest price, e.g. 49.00: for access when it is paid, else for the certificate; needs currency.',
  ),
  currency: course(false, 'ISO 4217 code of the price, e.g. EUR, USD, CNY.'),
  license: course(
    false,
    'The licence: an SPDX identifier (CC-BY-SA-4.0), a Creative Commons URL, or proprietary.',
  ),
  start: run('Start date of this run, YYYY-MM-DD or an ISO 8601 timestamp.'),
  end: run('End date of this run.'),
  enrollment_start: run('When enrollment opens.'),
  enrollment_end: run('When enrollment closes.'),
  pacing: run(
    'self (self-paced) or instructor (instructor-led); default: instructor with a start date, else self.',
  ),
  run: run('Key of this run, unique within the id; default: the start date, or self-paced without one.'),
}

export const REQUIRED_COLUMNS: readonly CsvColumn[] = columnNames().filter((c) => CSV_COLUMNS[c].required)

export function columnNames(): CsvColumn[] {
  const names: CsvColumn[] = []
  for (const name in CSV_COLUMNS) if (isColumn(name)) names.push(name)
  return names
}

export function isColumn(name: string): name is CsvColumn {
  return Object.hasOwn(CSV_COLUMNS, name)
}

function course(required: boolean, description: string): ColumnDoc {
  return { required, scope: 'course', description }
}

function run(description: string): ColumnDoc {
  return { required: false, scope: 'run', description }
}

/** A cell's text; a column the file leaves out is an empty cell. */
function cell() {
  return z
    .string()
    .optional()
    .transform((value) => value ?? '')
}

function required(column: string) {
  return cell()
    .transform((value) => value.trim())
    .pipe(z.string().min(1, `${column} is empty`))
}

function optional() {
  return cell().transform((value) => value.trim() || null)
}

/** A list in one cell, separated by `;` or `|`. */
function list() {
  return cell().transform((value) =>
    value
      .split(/[;|]/)
      .map((item) => item.trim())
      .filter(Boolean),
  )
}

function date(column: string) {
  return cell().transform((value, ctx) => {
    const text = value.trim()
    if (text === '') return null
    // A timestamp's date is taken as written, in its own time zone, not moved to UTC.
    const day = text.slice(0, 10)
    const wellFormed = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}.*)?$/.test(text) && !Number.isNaN(Date.parse(text))
    if (wellFormed && calendarDate(day) === day) return day
    ctx.addIssue({ code: 'custom', message: `${column} "${cut(text)}" is not a date (write YYYY-MM-DD)` })
    return z.NEVER
  })
}

function httpUrl(value: string, ctx: z.RefinementCtx): string {
  // The value is its own base: absolute URLs resolve to themselves, relative ones fail.
  const url = absoluteUrl(value, value)
  if (url) return url
  ctx.addIssue({ code: 'custom', message: `url "${cut(value)}" is not an absolute http(s) URL` })
  return z.NEVER
}

function language(value: string, ctx: z.RefinementCtx): string | null {
  if (value.trim() === '') return null
  const tag = normalizeLanguage(value)
  if (tag) return tag
  ctx.addIssue({ code: 'custom', message: `language "${cut(value)}" is not a language moocx knows` })
  return z.NEVER
}

function license(value: string, ctx: z.RefinementCtx): string | null {
  if (value.trim() === '') return null
  const found = normalizeLicense(value)
  if (found) return found
  ctx.addIssue({
    code: 'custom',
    message: `license "${cut(value)}" is not a licence moocx knows (write an SPDX identifier such as CC-BY-4.0, a Creative Commons URL, or proprietary)`,
  })
  return z.NEVER
}

const LEVELS: Readonly<Record<string, Level>> = {
  introductory: 'introductory',
  beginner: 'introductory',
  basic: 'introductory',
  intermediate: 'intermediate',
  advanced: 'advanced',
}

function level(value: string, ctx: z.RefinementCtx): Level | null {
  const text = value.trim().toLowerCase()
  if (text === '') return null
  const found = Object.hasOwn(LEVELS, text) ? LEVELS[text] : undefined
  if (found) return found
  ctx.addIssue({
    code: 'custom',
    message: `level "${cut(value)}" is not introductory, intermediate or advanced`,
  })
  return z.NEVER
}

function pacing(value: string, ctx: z.RefinementCtx): Pacing | null {
  const text = value.trim().toLowerCase()
  if (text === '') return null
  if (/^self(?:[- ]paced)?$/.test(text)) return 'self'
  if (/^instructor(?:[- ](?:paced|led))?$/.test(text)) return 'instructor'
  ctx.addIssue({ code: 'custom', message: `pacing "${cut(value)}" is not self or instructor` })
  return z.NEVER
}

/** Whole weeks from a number or a text that parseDuration reads ("6 weeks", "2 months"). */
function weeks(value: string, ctx: z.RefinementCtx): number | null {
  const text = value.trim()
  if (text === '') return null
  const found = /^\d+(?:[.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : parseDuration(text).weeks
  const rounded = found === undefined ? 0 : Math.round(found)
  if (rounded >= 1 && rounded <= 520) return rounded
  ctx.addIssue({ code: 'custom', message: `weeks "${cut(value)}" is not a number of weeks (1 to 520)` })
  return z.NEVER
}

/** A cell quoted in a message: short enough to read, long enough to find. */
function cut(value: string): string {
  const text = value.trim()
  return text.length > 60 ? `${text.slice(0, 60)}…` : text
}
