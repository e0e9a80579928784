// The runs of a MOOChub course: one per start date (v3 lists several, v2 gives one), paired with the
// end date in the same position when the lists match, else ending at the first end date before the
// next start; and how many weeks the course takes.
import type { HarvestedRun } from '../harvest-record.ts'
import { parseDuration } from '../normalize-effort.ts'
import { calendarDate } from './connector.ts'

/** The attributes runs are read from, as the connector's schema leaves them. */
export interface RunAttributes {
  startDate: string[]
  endDate: string[]
  courseMode: string[]
  keywords: string[]
  applicationStartDate?: string | null | undefined
  applicationDeadline?: string | null | undefined
}

const MAX_RUNS = 50

/** One run per start date, each ending at the first end date before the next start; none: self-paced. */
export function runsOf(a: RunAttributes): HarvestedRun[] {
  const dates = (values: string[]) =>
    [...new Set(values.map(localDate).filter((d): d is string => d !== null))].sort()
  const starts = dates(a.startDate).slice(0, MAX_RUNS)
  const ends = dates(a.endDate)
  const selfPaced = [...a.courseMode, ...a.keywords].some((m) => /self[-\s]?paced|selbstlern/i.test(m))
  const single = starts.length <= 1
  const enrollment = {
    enrollmentOpensOn: single ? localDate(a.applicationStartDate) : null,
    enrollmentClosesOn: single ? localDate(a.applicationDeadline) : null,
  }
  const paired = pairedEnds(a)
  if (starts.length === 0)
    return [
      { runKey: 'self-paced', pacing: 'self', startsOn: null, endsOn: ends.at(-1) ?? null, ...enrollment },
    ]
  return starts.map((start, i) => {
    const next = starts[i + 1]
    const end = paired?.get(start) ?? ends.find((e) => e >= start && (!next || e <= next)) ?? null
    const pacing = selfPaced || !end ? 'self' : 'instructor'
    return { runKey: start, pacing, startsOn: start, endsOn: end, ...enrollment }
  })
}

/**
 * Each start's end, paired by position, when the lists are as long as each other, every end is on or
 * after its start and no start repeats: how a feed lists runs that overlap.
 */
function pairedEnds(a: RunAttributes): Map<string, string> | null {
  const starts = a.startDate.map(localDate)
  const ends = a.endDate.map(localDate)
  if (starts.length === 0 || starts.length !== ends.length || starts.length > MAX_RUNS) return null
  const pairs: [string, string][] = []
  starts.forEach((start, i) => {
    const end = ends[i]
    if (start && end && end >= start) pairs.push([start, end])
  })
  if (pairs.length !== starts.length || new Set(starts).size !== starts.length) return null
  return new Map(pairs)
}

/** Weeks from the stated duration (`P8W`), else from the first run with both dates. */
export function weeksOf(duration: string | null | undefined, runs: HarvestedRun[]): number | null {
  const stated = parseDuration(duration).weeks
  if (stated !== undefined) return Math.max(1, Math.round(stated))
  const run = runs.find((r) => r.startsOn && r.endsOn)
  if (!run?.startsOn || !run.endsOn) return null
  const weeks = Math.ceil((Date.parse(run.endsOn) - Date.parse(run.startsOn)) / (7 * 86_400_000))
  return weeks > 0 && weeks <= 520 ? weeks : null
}

/**
 * The calendar date as the platform writes it: `2026-03-02T00:00:00+01:00` starts on 2 March where the
 * course runs, though it is 1 March in UTC.
 */
function localDate(value: string | null | undefined): string | null {
  const written = value ? /^\s*(\d{4}-\d{2}-\d{2})(?:[T ]|\s*$)/.exec(value)?.[1] : undefined
  return calendarDate(written ?? value)
}
