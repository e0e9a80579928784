// HTTP dates (RFC 9110 §5.6.7): written as IMF-fixdate, read in all three forms a client may send.
// Second precision: what Last-Modified and If-Modified-Since compare.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTH = MONTHS.join('|')
const DAY = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun'
const LONG_DAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday'
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})'

/** `Sun, 06 Nov 1994 08:49:37 GMT` */
const IMF_FIXDATE = new RegExp(`^(?:${DAY}), (\\d{2}) (${MONTH}) (\\d{4}) ${TIME} GMT$`)
/** `Sunday, 06-Nov-94 08:49:37 GMT` (obsolete) */
const RFC850 = new RegExp(`^(?:${LONG_DAY}), (\\d{2})-(${MONTH})-(\\d{2}) ${TIME} GMT$`)
/** `Sun Nov  6 08:49:37 1994` (obsolete, C's asctime) */
const ASCTIME = new RegExp(`^(?:${DAY}) (${MONTH}) ([ \\d]\\d) ${TIME} (\\d{4})$`)

/** The HTTP-date of an ISO-8601 instant, for Last-Modified: `lastModifiedHeader('2026-11-29T12:00:00.5Z')`. */
export function lastModifiedHeader(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) throw new Error(`lastModifiedHeader: "${iso}" is not an instant`)
  return formatHttpDate(date)
}

export function formatHttpDate(date: Date): string {
  // toUTCString() is IMF-fixdate (ECMAScript 2018 and later); the fraction of a second is dropped.
  return date.toUTCString()
}

/**
 * The instant of an HTTP-date in whole seconds since the epoch, or undefined when `value` is not one
 * (a recipient must then ignore the field). A two-digit year more than 50 years after `now` is
 * read as the most recent past year ending in those digits.
 */
export function parseHttpDate(value: string, now: Date): number | undefined {
  const text = value.trim()
  const imf = IMF_FIXDATE.exec(text)
  if (imf) return toSeconds(imf[3], imf[2], imf[1], imf[4], imf[5], imf[6])
  const rfc850 = RFC850.exec(text)
  if (rfc850) {
    const twoDigits = Number(rfc850[3])
    let year = now.getUTCFullYear() - (now.getUTCFullYear() % 100) + twoDigits
    if (year > now.getUTCFullYear() + 50) year -= 100
    return toSeconds(String(year), rfc850[2], rfc850[1], rfc850[4], rfc850[5], rfc850[6])
  }
  const asctime = ASCTIME.exec(text)
  if (asctime) return toSeconds(asctime[6], asctime[1], asctime[2], asctime[3], asctime[4], asctime[5])
  return undefined
}

function toSeconds(...parts: (string | undefined)[]): number | undefined {
  const [year, month, day, hour, minute, second] = parts
  const m = MONTHS.indexOf(month ?? '')
  const [y, d, h, min, s] = [year, day, hour, minute, second].map((part) => Number(part?.trim() ?? 'NaN'))
  if (y === undefined || d === undefined || h === undefined || min === undefined || s === undefined) {
    return undefined
  }
  // 60 is a leap second (RFC 9110 allows it); Feb 30 and 25:00 are not dates.
  if (m < 0 || !(d >= 1 && h <= 23 && min <= 59 && s <= 60)) return undefined
  if (new Date(Date.UTC(y, m, d)).getUTCDate() !== d) return undefined
  return Math.floor(Date.UTC(y, m, d, h, min, s) / 1000)
}
