// A schema.org Course's `hasCourseInstance` read into runs, effort and length: courseMode, start and
// end dates, courseSchedule (duration × repeatFrequency × repeatCount), courseWorkload, instructors.
import { calendarDate } from './connector.ts'
import type { HarvestedRun } from '../harvest-record.ts'
import { MAX_HOURS_PER_WEEK, MAX_WEEKS, parseDuration, parseEffort } from '../normalize-effort.ts'
import { htmlToText } from '../sanitize-description.ts'
import {
  hasType,
  idOf,
  listOf,
  objectsOf,
  textOf,
  textsOf,
  type JsonLdGraph,
  type JsonObject,
} from './json-ld.ts'

export interface InstanceFacts {
  runs: HarvestedRun[]
  effortHoursPerWeek: number | null
  weeks: number | null
  instructors: string[]
}

const MAX_RUNS = 50
const DAY_MS = 86_400_000
const WEEKS_PER_MONTH = 52.1775 / 12
const SELF_PACED = /self[-\s]?paced|asynchron|on[-\s]?demand|selbstlern|à votre rythme|a tu ritmo/i
const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:\d+(?:\.\d+)?S)?)?$/i

export function instanceFacts(course: JsonObject, graph: JsonLdGraph): InstanceFacts {
  const instances = objectsOf(course.hasCourseInstance, graph).slice(0, MAX_RUNS)
  const runs = runsOf(instances, graph)
  const schedule = instances.map((i) => scheduleOf(i, graph)).find((s) => s.hoursPerWeek !== null)
  const stated = parseDuration(textOf(course.timeRequired)).weeks
  const weeks = roundWeeks(schedule?.weeks ?? stated ?? weeksBetween(runs))
  const workload = instances
    .map((i) => workloadPerWeek(textOf(i.courseWorkload), weeks))
    .find((h) => h !== null)
  const names = [course, ...instances]
    .flatMap((o) => instructorNames(o.instructor, graph))
    .map((n) => htmlToText(n).slice(0, 200))
  return {
    runs,
    effortHoursPerWeek: schedule?.hoursPerWeek ?? workload ?? null,
    weeks,
    instructors: [...new Set(names.filter((n) => n !== ''))].slice(0, 30),
  }
}

/** People named as text or as Person objects; organizations left out. */
function instructorNames(value: unknown, graph: JsonLdGraph): string[] {
  const people = objectsOf(value, graph).filter((p) => !hasType(p, 'Organization'))
  return [
    ...textsOf(listOf(value).filter((v) => typeof v === 'string')),
    ...people.flatMap((p) => textsOf(p.name).slice(0, 1)),
  ]
}

/** One run per instance, keyed by its start date (or `@id`, else `self-paced`), each key once. */
function runsOf(instances: JsonObject[], graph: JsonLdGraph): HarvestedRun[] {
  const keys = new Set<string>()
  return instances.map((instance) => {
    const schedule = objectsOf(instance.courseSchedule, graph)[0]
    const startsOn = localDate(textOf(instance.startDate) ?? textOf(schedule?.startDate))
    const endsOn = localDate(textOf(instance.endDate) ?? textOf(schedule?.endDate))
    const selfPaced = textsOf(instance.courseMode).some((mode) => SELF_PACED.test(mode))
    const base = startsOn ?? idOf(instance, graph.base)?.slice(0, 200) ?? 'self-paced'
    let runKey = base
    for (let n = 2; keys.has(runKey); n++) runKey = `${base}-${n}`
    keys.add(runKey)
    return {
      runKey,
      pacing: selfPaced || !startsOn || !endsOn ? 'self' : 'instructor',
      startsOn,
      endsOn: endsOn && startsOn && endsOn < startsOn ? null : endsOn,
      enrollmentOpensOn: null,
      enrollmentClosesOn: null,
    }
  })
}

/**
 * A Schedule's hours per week and weeks: `duration` is the time of one occurrence, `repeatFrequency`
 * how often (`Weekly`, `P1W`, `Daily`, `P1D`, `Monthly`, `P1M`), `repeatCount` how many times.
 */
function scheduleOf(
  instance: JsonObject,
  graph: JsonLdGraph,
): { hoursPerWeek: number | null; weeks: number | null } {
  const schedule = objectsOf(instance.courseSchedule, graph)[0]
  const hours = isoHours(textOf(schedule?.duration))
  const frequency = (textOf(schedule?.repeatFrequency) ?? '').toLowerCase()
  const perWeek = /^(?:p1w|p7d|weekly|week)$/.test(frequency)
    ? 1
    : /^(?:p1d|daily|day)$/.test(frequency)
      ? 7
      : /^(?:p1m|monthly|month)$/.test(frequency)
        ? 1 / WEEKS_PER_MONTH
        : null
  const count = Number(textOf(schedule?.repeatCount))
  const weeks = perWeek !== null && Number.isFinite(count) && count > 0 ? count / perWeek : null
  const hoursPerWeek = hours !== null && perWeek !== null ? hours * perWeek : null
  return { hoursPerWeek: hoursPerWeek === null ? null : roundHours(hoursPerWeek), weeks }
}

/**
 * `courseWorkload` as Google describes it is the course's total time (`PT22H`): spread over its weeks
 * when those are known, else not used. A text (`3-5 hours per week`) is read as effort text.
 */
function workloadPerWeek(workload: string | undefined, weeks: number | null): number | null {
  if (!workload) return null
  const total = isoHours(workload)
  if (total !== null) return weeks ? roundHours(total / weeks) : null
  if (/^P/i.test(workload)) return null
  return parseEffort(workload).hoursPerWeek ?? null
}

/** Hours of an ISO 8601 duration of days and time (`PT5H`, `PT1H30M`, `P1DT2H`); longer units are not hours of work. */
function isoHours(value: string | undefined): number | null {
  const m = value ? ISO_DURATION.exec(value.trim()) : null
  if (!m || value?.trim().toUpperCase() === 'PT') return null
  const hours = Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0) + Number(m[3] ?? 0) / 60
  return hours > 0 ? hours : null
}

function roundHours(hours: number): number | null {
  const rounded = Math.round(hours * 100) / 100
  return rounded > 0 && rounded <= MAX_HOURS_PER_WEEK ? rounded : null
}

function roundWeeks(weeks: number | null | undefined): number | null {
  if (weeks === null || weeks === undefined || !Number.isFinite(weeks)) return null
  const rounded = Math.max(1, Math.round(weeks))
  return rounded <= MAX_WEEKS ? rounded : null
}

function weeksBetween(runs: HarvestedRun[]): number | null {
  const run = runs.find((r) => r.startsOn && r.endsOn)
  if (!run?.startsOn || !run.endsOn) return null
  const weeks = Math.ceil((Date.parse(run.endsOn) - Date.parse(run.startsOn)) / (7 * DAY_MS))
  return weeks > 0 ? weeks : null
}

/** The calendar date as written (`2026-03-02T00:00:00+01:00` starts on 2 March where the course runs). */
function localDate(value: string | undefined): string | null {
  const written = value ? /^\s*(\d{4}-\d{2}-\d{2})(?:[T ]|\s*$)/.exec(value)?.[1] : undefined
  return calendarDate(written ?? value ?? null)
}
