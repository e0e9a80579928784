// The demonstration catalog: realistic courses in many languages (data/*.json), cross-listed on
// the platforms their institutions use, with runs placed around "today" so every availability
// appears. Deterministic: the same day gives the same catalog.
import fs from 'node:fs'
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { addDays, type Pacing } from '../catalog/course.ts'
import type { NewCatalogRows } from '../catalog/catalog-import-repository.ts'
import { titleKey } from '../catalog/title-key.ts'
import { OFFERS_OF, ORG_CODE, PLATFORMS_OF, TRANSLATION_GROUPS } from './demo-plan.ts'

const DemoCourse = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  institution: z.string(),
  language: z.string(),
  title: z.string().min(1),
  summary: z.string().min(1),
  description: z.string().min(1),
  subjects: z.array(z.string().regex(/^\d{4}$/)).min(1),
  level: z.enum(['introductory', 'intermediate', 'advanced']),
  effortHoursPerWeek: z.number().int().min(1).max(12),
  weeks: z.number().int().min(1).max(52),
  courseNumber: z.string().min(1),
  instructors: z.array(z.string()),
  subtitleLanguages: z.array(z.string()),
  translationOf: z.string().optional(),
})
export type DemoCourse = z.infer<typeof DemoCourse>

const DATA_DIR = new URL('./data/', import.meta.url)

export function readDemoCourses(): DemoCourse[] {
  const files = fs
    .readdirSync(DATA_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
  return files.flatMap((file) => {
    const text = fs.readFileSync(new URL(file, DATA_DIR), 'utf8')
    return z.array(DemoCourse).parse(JSON.parse(text))
  })
}

/** Rows for the whole demo catalog, dated around `today` (YYYY-MM-DD). */
export function demoCatalogRows(courses: readonly DemoCourse[], today: string, now: string): NewCatalogRows {
  const rows: NewCatalogRows = {
    courses: [],
    courseInstitutions: [],
    courseSubjects: [],
    listings: [],
    runs: [],
  }
  const groups = translationGroups(courses)
  for (const c of courses) {
    rows.courses.push({
      id: c.slug,
      language: c.language,
      title: c.title,
      title_key: titleKey(c.title),
      summary: c.summary,
      description: c.description,
      level: c.level,
      effort_hours_per_week: c.effortHoursPerWeek,
      weeks: c.weeks,
      course_number: c.courseNumber,
      instructors: JSON.stringify(c.instructors),
      subtitle_languages: JSON.stringify(c.subtitleLanguages),
      translation_group: groups.get(c.slug) ?? null,
      origin: 'demo',
      created_at: now,
      updated_at: now,
    })
    rows.courseInstitutions.push({ course_id: c.slug, institution_id: c.institution, position: 0 })
    for (const code of new Set(c.subjects))
      rows.courseSubjects.push({ course_id: c.slug, subject_code: code })
    for (const platform of platformsFor(c)) {
      const listingId = `${c.slug}.${platform}`
      rows.listings.push({
        id: listingId,
        course_id: c.slug,
        platform_id: platform,
        platform_key: platformKey(c, platform),
        url: platformUrl(c, platform),
        status: 'active',
        origin: 'demo',
        ...offerFor(`${c.slug}/${platform}`, platform),
        enrollments: enrollmentsFor(`${c.slug}/${platform}`),
        created_at: now,
        updated_at: now,
      })
      for (const [i, run] of runsFor(`${c.slug}/${platform}`, c.weeks, today).entries()) {
        rows.runs.push({
          id: `${listingId}.${i + 1}`,
          listing_id: listingId,
          ...toRunRow(run),
          created_at: now,
          updated_at: now,
        })
      }
    }
  }
  return rows
}

function translationGroups(courses: readonly DemoCourse[]): Map<string, string> {
  const known = new Set(courses.map((c) => c.slug))
  const groups = new Map<string, string>()
  for (const group of TRANSLATION_GROUPS) {
    const present = group.filter((slug) => known.has(slug))
    if (present.length > 1) for (const slug of present) groups.set(slug, `tg-${present[0]}`)
  }
  for (const c of courses) {
    if (c.translationOf)
      groups.set(c.translationOf, `tg-${c.translationOf}`).set(c.slug, `tg-${c.translationOf}`)
  }
  return groups
}

function platformsFor(c: DemoCourse): string[] {
  const options = PLATFORMS_OF[c.institution] ?? ['edx']
  const roll = hash(c.slug) % 10
  const count = roll < 1 ? 3 : roll < 4 ? 2 : 1
  return options.slice(0, Math.min(count, options.length))
}

function platformKey(c: DemoCourse, platform: string): string {
  const org = ORG_CODE[c.institution] ?? c.institution
  const number = c.courseNumber.replace(/[^A-Za-z0-9._-]/g, '')
  return platform === 'coursera' ? c.slug.replace(/^[a-z]+-/, '') : `${org}+${number}`
}

function platformUrl(c: DemoCourse, platform: string): string {
  const key = encodeURIComponent(platformKey(c, platform))
  switch (platform) {
    case 'coursera':
      return `https://www.coursera.org/learn/${key}`
    case 'xuetangx':
      return `https://www.xuetangx.com/course/${key}`
    case 'openedu':
      return `https://openedu.ru/course/${c.institution}/${encodeURIComponent(c.courseNumber)}/`
    case 'thai-mooc':
      return `https://thaimooc.org/courses/course-v1:${key}/about`
    case 'spbu-openedx':
      return `https://courses.spbu.ru/courses/course-v1:${key}/about`
    default:
      return `https://www.edx.org/course/${c.slug}`
  }
}

interface PlannedRun {
  runKey: string
  pacing: Pacing
  startsOn: string
  endsOn: string | null
}

/** One to three runs whose place relative to today is drawn from a hash of the listing. */
function runsFor(seed: string, weeks: number, today: string): PlannedRun[] {
  const h = hash(seed)
  const length = weeks * 7
  const plan = (offset: number, pacing: Pacing, endless = false): PlannedRun => {
    const startsOn = addDays(today, offset)
    return {
      runKey: runKey(startsOn),
      pacing,
      startsOn,
      endsOn: endless ? null : addDays(startsOn, pacing === 'self' ? 365 : length),
    }
  }
  const kind = h % 20
  const past = plan(-(length + 60 + (h % 200)), 'instructor')
  const current =
    kind < 5
      ? plan(-(h % 60) - 30, 'self', kind === 0) // self-paced
      : kind < 10
        ? plan(-((h % Math.max(1, length - 7)) + 1), 'instructor') // running now
        : kind < 13
          ? plan(2 + (h % 27), 'instructor') // starting soon
          : kind < 17
            ? plan(35 + (h % 120), 'instructor') // upcoming
            : undefined // archived only
  const runs = current ? [current] : []
  if (!current || (h >> 5) % 3 === 0) runs.push(past)
  if (current && (h >> 7) % 5 === 0) runs.push(plan(200 + (h % 60), 'instructor'))
  return runs
}

/** Learners enrolled: most demo listings have hundreds to a few thousand, a few tens of thousands. */
function enrollmentsFor(seed: string): number {
  const h = hash(`enrolled/${seed}`)
  return Math.round(200_000 / (1 + (h % 1000))) + (h % 500)
}

/** The listing's offer columns: one course in ten is a paid professional course on paying platforms. */
function offerFor(seed: string, platform: string) {
  const offers = OFFERS_OF[platform]
  if (!offers) return {}
  const h = hash(`offer/${seed}`)
  const prices = offers.certificatePrices
  const price = prices[h % Math.max(1, prices.length)]
  if (offers.freeCertificate || price === undefined) return { access: 'free', certificate: 'free' }
  const professional = h % 10 === 0
  return {
    access: professional ? 'paid' : 'free',
    certificate: 'paid',
    price_amount: professional ? price * 3 : price,
    price_currency: offers.currency,
  }
}

function runKey(startsOn: string): string {
  const month = Number(startsOn.slice(5, 7))
  return `${startsOn.slice(0, 4)}_T${Math.ceil(month / 4)}`
}

function toRunRow(run: PlannedRun) {
  return {
    run_key: run.runKey,
    pacing: run.pacing,
    starts_on: run.startsOn,
    ends_on: run.endsOn,
    enrollment_opens_on: addDays(run.startsOn, -45),
    enrollment_closes_on: run.endsOn ? addDays(run.endsOn, -7) : null,
  }
}

function hash(text: string): number {
  return createHash('sha1').update(text).digest().readUInt32BE(0)
}
