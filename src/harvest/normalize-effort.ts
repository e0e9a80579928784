// Reads how much work a course asks (hours per week) and how long it runs (weeks) from the ways upstream
// catalogs write them: Open edX free text, ISO 8601 durations, MOOChub workload objects, several languages.

export interface Effort {
  hoursPerWeek?: number
  weeks?: number
}

/** More effort than this many hours per week is a data error, not a course. */
export const MAX_HOURS_PER_WEEK = 80
/** Courses longer than ten years are a data error. */
export const MAX_WEEKS = 520

/** Effort and duration texts are short; longer ones are not read. */
const MAX_TEXT_LENGTH = 500

type Period = 'week' | 'day' | 'month' | 'total' | 'unmarked'

const WEEKS_PER_MONTH = 52.1775 / 12
const HOURS_PER_WEEK: Readonly<Record<Exclude<Period, 'total'>, number>> = {
  week: 1,
  unmarked: 1, // Open edX `effort` and MOOChub v2 `workload` are hours per week by convention
  day: 7,
  month: 1 / WEEKS_PER_MONTH,
}

const NUM = String.raw`(\d+(?:\.\d+)?)`
const RANGE = String.raw`(?<![\d.])${NUM}(?:\s*(?:-|to|до|à|a|bis|至|ถึง|إلى)\s*${NUM})?`
/** Latin and Cyrillic words must end where the unit ends; CJK, Thai and Arabic ones need not. */
const unit = (words: string, others: string) => String.raw`(?:(?:${words})(?![a-zа-яё])|${others})`
/** A number or range followed by a unit. */
const quantity = (words: string, others: string) =>
  new RegExp(String.raw`${RANGE}\s*${unit(words, others)}`, 'u')
const HOUR_UNIT = unit(
  String.raw`hours?|hrs?|h|ч(?:ас(?:ов|а|ы)?)?|stunden?|std|heures?|horas?|ore|ora`,
  '小时|小時|時間|시간|ชั่วโมง|ชม|ساعات|ساعة',
)
const MINUTE_UNIT = unit(
  String.raw`minutes?|mins?|мин(?:ут[аы]?)?|minuten|minutos`,
  '分钟|分鐘|分|นาที|دقيقة|دقائق',
)
const HOURS = new RegExp(
  [
    String.raw`(?<![\d:])(\d{1,2}):([0-5]\d)(?![\d:])`, // 4:30 per week
    String.raw`(?<![\d.])(\d{1,2})\s*h\s*([0-5]\d)(?!\d)`, // 4h30
    String.raw`${RANGE}\s*${HOUR_UNIT}(?:\s*(?:and\s*)?(\d{1,2})\s*${MINUTE_UNIT})?`, // 3-5 hours, 1 hour 30 min
  ].join('|'),
  'gu',
)
const MINUTES = new RegExp(String.raw`${RANGE}\s*${MINUTE_UNIT}`, 'gu')
const WEEKS = quantity(
  String.raw`weeks?|wks?|w|недел[ьяиюе]|нед|semaines?|semanas?|wochen?|settimane|settimana`,
  '周|週|주|สัปดาห์|أسابيع|أسبوع',
)
const MONTHS = quantity(
  String.raw`months?|месяц(?:а|ев)?|мес|mois|meses|mes|monate?n?|mesi|mese`,
  '个月|個月|ヶ月|か月|カ月|เดือน|أشهر|شهور|شهر|개월',
)
const DAYS = quantity(
  String.raw`days?|дн(?:ей|я)|день|jours?|días?|dias|tage?n?|giorni`,
  '天|日間|วัน|أيام|يوم|일',
)
const PERIOD_MARKS: readonly [Period, RegExp][] = [
  ['week', /\bweek|\bwk|\/\s*w\b|нед|周|週|\bsemaine|\bsemana|\bwoche|wöch|\bsettiman|สัปดาห์|أسبوع|اسبوع|주/u],
  [
    'day',
    /\bday|\bdaily|\/\s*d\b|день|дн[её]|сут|天|日|\bjour|\bdía|\bdia\b|\btag|täglich|\bgiorn|วัน|يوم|일/u,
  ],
  ['month', /\bmonth|мес|月|\bmois|\bmes\b|\bmonat|\bmese|เดือน|شهر|달|월/u],
  ['total', /\btotal|\bcomplete|\bin all\b|\boverall|всего|итого|共|总|總|\bgesamt|insgesamt|ทั้งหมด|إجمالي/u],
]
const PREFERENCE: readonly Period[] = ['week', 'day', 'month', 'unmarked', 'total']
const ISO_DURATION =
  /^p(?!$)(?:(\d+(?:\.\d+)?)y)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)w)?(?:(\d+(?:\.\d+)?)d)?(?:t(?=\d)(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?)?$/
/** Hours in each ISO 8601 component, years and months by their average length. */
const ISO_HOURS = [8766, 730.5, 168, 24, 1, 1 / 60, 1 / 3600]

/**
 * Hours per week (and weeks, when the text says) from an effort value: `"04:00"` (h:mm per week) → 4,
 * `"3-5 hours/week"` → 4, `"每周 3-4 小时"` → 3.5, `"PT4H"` → 4, `5` → 5. Nonsense gives `{}`.
 */
export function parseEffort(value: unknown): Effort {
  if (typeof value === 'number') return hoursPerWeek(value)
  if (typeof value !== 'string' || value.length > MAX_TEXT_LENGTH) return {}
  const text = localisedText(value)
  if (text === '') return {}
  const { weeks } = parseDuration(text)
  const whole = wholeValue(text)
  const hours = whole === undefined ? hoursPerWeekIn(text, weeks) : whole
  return { ...hoursPerWeek(hours), ...(weeks !== undefined && { weeks }) }
}

/** Weeks from a duration: `"P7W"` → 7, `"P2M"` → 8.7, `"P30D"` → 4.3, `"6 недель"`, `"8周"`, `6`. */
export function parseDuration(value: unknown): Effort {
  if (typeof value === 'number') return weeksOf(value)
  if (typeof value !== 'string' || value.length > MAX_TEXT_LENGTH) return {}
  const text = localisedText(value)
  if (text === '') return {}
  const isoHours = hoursOfIsoDuration(text)
  if (isoHours !== undefined) return weeksOf(isoHours / 168)
  const weeks = firstRange(WEEKS, text)
  if (weeks !== undefined) return weeksOf(weeks)
  const months = firstRange(MONTHS, text)
  if (months !== undefined) return weeksOf(months * WEEKS_PER_MONTH)
  const days = firstRange(DAYS, text)
  return days === undefined ? {} : weeksOf(days / 7)
}

/**
 * Hours per week from a MOOChub workload: v3 `{timeValue, timeUnit: 'h/week' | 'h/month' | 'h/day'}`,
 * v2 a number of hours per week. Strings are read as effort text.
 */
export function parseWorkload(value: unknown): Effort {
  if (typeof value === 'number' || typeof value === 'string')
    return hoursPerWeek(parseEffort(value).hoursPerWeek)
  if (typeof value !== 'object' || value === null) return {}
  const amount = 'timeValue' in value ? value.timeValue : undefined
  const timeUnit = 'timeUnit' in value ? value.timeUnit : undefined
  const number = typeof amount === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(amount) ? Number(amount) : amount
  if (typeof number !== 'number' || typeof timeUnit !== 'string') return {}
  const normalised = timeUnit.toLowerCase().replace(/\s*(?:\/|\bper\b)\s*/, '/')
  const m = /^(h|hrs?|hours?|std|stunden|mins?|minutes?)\/(w|wk|week|woche|d|day|tag|mo|month|monat)$/.exec(
    normalised,
  )
  if (!m?.[1] || !m[2]) return {}
  const perHour = m[1].startsWith('m') ? 1 / 60 : 1
  const period = /^(w|wk|week|woche)$/.test(m[2]) ? 'week' : /^(d|day|tag)$/.test(m[2]) ? 'day' : 'month'
  return hoursPerWeek(number * perHour * HOURS_PER_WEEK[period])
}

/** A value that is just h:mm, a number, a range (`"04:00"`, `"4"`, `"3-5"`) or an ISO 8601 duration. */
function wholeValue(text: string): number | undefined {
  const hm = /^(\d{1,3}):([0-5]\d)(?::[0-5]\d)?$/.exec(text)
  if (hm) return Number(hm[1]) + Number(hm[2]) / 60
  const range = new RegExp(`^${RANGE}$`, 'u').exec(text)
  if (range) return rangeValue(range[1], range[2])
  // As effort only a time makes sense (`PT4H30M`); `P1W` or `P2D` are durations and yield weeks only.
  if (ISO_DURATION.test(text)) return text.startsWith('pt') ? hoursOfIsoDuration(text) : Number.NaN
  return undefined
}

/** The best-marked quantity of hours or minutes in free text, in hours per week. */
function hoursPerWeekIn(text: string, weeks: number | undefined): number | undefined {
  const found: { period: Period; hours: number }[] = []
  for (const m of text.matchAll(HOURS)) {
    const hours =
      m[1] !== undefined
        ? Number(m[1]) + Number(m[2]) / 60
        : m[3] !== undefined
          ? Number(m[3]) + Number(m[4]) / 60
          : (rangeValue(m[5], m[6]) ?? Number.NaN) + Number(m[7] ?? 0) / 60
    found.push({ period: periodAround(text, m.index, m[0].length), hours })
  }
  // Minutes already counted with their hours ("1 hour 30 min") are masked out first.
  const masked = text.replace(HOURS, (s) => ' '.repeat(s.length))
  for (const m of masked.matchAll(MINUTES)) {
    const minutes = rangeValue(m[1], m[2]) ?? Number.NaN
    found.push({ period: periodAround(text, m.index, m[0].length), hours: minutes / 60 })
  }
  for (const period of PREFERENCE) {
    const hit = found.find((f) => f.period === period && Number.isFinite(f.hours))
    if (!hit) continue
    if (period === 'total') return weeks ? hit.hours / weeks : undefined
    return hit.hours * HOURS_PER_WEEK[period]
  }
  return undefined
}

/** What a quantity is per: read from the words after it, else from the words before it in its clause. */
function periodAround(text: string, start: number, length: number): Period {
  const after = (text.slice(start + length).split(/\d/)[0] ?? '').slice(0, 30)
  const before = (
    text
      .slice(0, start)
      .split(/[\d,;]/)
      .pop() ?? ''
  ).slice(-15)
  for (const part of [after, before]) {
    const mark = PERIOD_MARKS.find(([, pattern]) => pattern.test(part))
    if (mark) return mark[0]
  }
  return 'unmarked'
}

function hoursOfIsoDuration(text: string): number | undefined {
  const m = ISO_DURATION.exec(text)
  if (!m) return undefined
  return m.slice(1).reduce((sum, v, i) => sum + (v === undefined ? 0 : Number(v) * (ISO_HOURS[i] ?? 0)), 0)
}

/** Lower case, ASCII digits and decimal points, ASCII hyphens, single spaces. */
function localisedText(raw: string): string {
  const digits = (zero: number) => (d: string) => String(d.charCodeAt(0) - zero)
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u0660-\u0669]/g, digits(0x0660))
    .replace(/[\u06f0-\u06f9]/g, digits(0x06f0))
    .replace(/[\u0e50-\u0e59]/g, digits(0x0e50))
    .replace(/(\d)[,\u066b](\d)/g, '$1.$2')
    .replace(/[\u2010-\u2015\u2212\u301c~]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
}

/** One number, or the midpoint of a range; undefined for backwards ranges such as "5-3". */
function rangeValue(low: string | undefined, high: string | undefined): number | undefined {
  if (low === undefined) return undefined
  if (high === undefined) return Number(low)
  return Number(high) < Number(low) ? undefined : (Number(low) + Number(high)) / 2
}

function firstRange(pattern: RegExp, text: string): number | undefined {
  const m = pattern.exec(text)
  return m ? rangeValue(m[1], m[2]) : undefined
}

function hoursPerWeek(hours: number | undefined): Effort {
  if (hours === undefined || !Number.isFinite(hours)) return {}
  const rounded = Math.round(hours * 100) / 100
  return rounded > 0 && rounded <= MAX_HOURS_PER_WEEK ? { hoursPerWeek: rounded } : {}
}

function weeksOf(weeks: number): Effort {
  if (!Number.isFinite(weeks)) return {}
  const rounded = Math.round(weeks * 10) / 10
  return rounded > 0 && rounded <= MAX_WEEKS ? { weeks: rounded } : {}
}
