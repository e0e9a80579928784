// The data of the relevance evaluation, read and checked: the test catalog (catalog.jsonl), the
// institutions and platforms it adds to the registry (registry.json) and the judged queries (queries.tsv).
import fs from 'node:fs'
import { z } from 'zod'
import { Availability, Level } from '../../src/catalog/course.ts'
import { InstitutionKind } from '../../src/institutions/institution.ts'
import { PlatformSoftware } from '../../src/institutions/platform.ts'

export const LANGUAGES = ['en', 'zh', 'ru', 'th', 'ar', 'es', 'fr'] as const
export const QUERY_CLASSES = ['word', 'words', 'prefix', 'misspelled', 'cross-lingual', 'subject'] as const
export const Language = z.enum(LANGUAGES)
export const QueryClass = z.enum(QUERY_CLASSES)
export type Language = z.infer<typeof Language>
export type QueryClass = z.infer<typeof QueryClass>

const Id = z.string().regex(/^[a-z0-9-]+$/)

/** One course of the test catalog: only what a platform would publish, nothing for the judges. */
export const EvalCourse = z.strictObject({
  id: Id,
  language: Language,
  title: z.string().min(1),
  summary: z.string().min(1).optional(),
  description: z.string().min(1),
  keywords: z.array(z.string().min(1)),
  instructors: z.array(z.string().min(1)),
  institutions: z.array(Id).min(1),
  subjects: z.array(z.string().regex(/^\d{4}$/)).min(1),
  subtitleLanguages: z.array(z.string().min(2)),
  level: Level,
  platform: Id,
  enrollments: z.number().int().nonnegative(),
  /** Where the course's one run stands on the evaluation's day. */
  availability: Availability,
})
export type EvalCourse = z.infer<typeof EvalCourse>

export const Registry = z.strictObject({
  institutions: z.array(
    z.strictObject({
      id: Id,
      kind: InstitutionKind,
      country: z.string().length(2),
      website: z.url(),
      names: z.record(z.string(), z.string().min(1)),
    }),
  ),
  platforms: z.array(
    z.strictObject({ id: Id, name: z.string().min(1), software: PlatformSoftware, baseUrl: z.url() }),
  ),
})
export type Registry = z.infer<typeof Registry>

const JUDGMENT = /^([a-z0-9-]+):([123])$/

export const EvalQuery = z.strictObject({
  id: z.string().regex(/^q-[a-z]{2}-\d{2}$/),
  /** The learner's interface language (the locale the query is sent with). */
  language: Language,
  class: QueryClass,
  /** Languages the learner understands (the API's `understand`); empty when not used. */
  understood: z.array(Language),
  /** As typed: a prefix query ends inside its last word. */
  query: z.string().min(1),
  judgments: z.map(Id, z.number().int().min(1).max(3)),
})
export type EvalQuery = z.infer<typeof EvalQuery>

const HERE = new URL('./', import.meta.url)
export const CATALOG_FILE = new URL('catalog.jsonl', HERE)
export const REGISTRY_FILE = new URL('registry.json', HERE)
export const QUERIES_FILE = new URL('queries.tsv', HERE)

export function readCatalog(file: URL = CATALOG_FILE): EvalCourse[] {
  return lines(file).map(({ text, line }) => parseLine(EvalCourse, JSON.parse(text), file, line))
}

export function readRegistry(file: URL = REGISTRY_FILE): Registry {
  return Registry.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
}

/** queries.tsv: comment lines (#), a header, then id, language, class, understood, query, judgments. */
export function readQueries(file: URL = QUERIES_FILE): EvalQuery[] {
  const [header, ...rows] = lines(file)
  if (header?.text !== 'id\tlanguage\tclass\tunderstood\tquery\tjudgments')
    throw new Error(`${file.pathname}: unexpected header`)
  return rows.map(({ text, line }) => {
    const [id, language, cls, understood, query, judgments, ...rest] = text.split('\t')
    if (rest.length > 0 || judgments === undefined)
      throw new Error(`${file.pathname}:${line}: needs 6 fields`)
    const pairs = judgments
      .split(' ')
      .filter(Boolean)
      .map((j) => {
        const [, course, grade] = JUDGMENT.exec(j) ?? []
        if (!course || !grade) throw new Error(`${file.pathname}:${line}: "${j}" is not courseId:grade (1-3)`)
        return [course, Number(grade)] as const
      })
    if (new Set(pairs.map(([course]) => course)).size !== pairs.length)
      throw new Error(`${file.pathname}:${line}: a course is judged twice`)
    const raw = {
      id,
      language,
      class: cls,
      understood: understood ? understood.split(',') : [],
      query,
      judgments: new Map(pairs),
    }
    return parseLine(EvalQuery, raw, file, line)
  })
}

function lines(file: URL): { text: string; line: number }[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => text.trim() !== '' && !text.startsWith('#'))
}

function parseLine<T>(schema: z.ZodType<T>, value: unknown, file: URL, line: number): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new Error(`${file.pathname}:${line}: ${z.prettifyError(parsed.error)}`)
  return parsed.data
}
