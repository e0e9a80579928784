// The arguments of an OAI-PMH request, checked as the protocol says: the verb, which arguments it
// takes, exclusive resumption tokens, repeated arguments, and dates at the declared granularity.
import type { OaiError } from './errors.ts'

export const VERBS = [
  'Identify',
  'ListMetadataFormats',
  'ListSets',
  'GetRecord',
  'ListIdentifiers',
  'ListRecords',
] as const
export type Verb = (typeof VERBS)[number]

const ALLOWED: Record<Verb, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
  ListRecords: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
}

export interface OaiRequest {
  verb: Verb
  /** Every argument but the verb, each given once. */
  args: Record<string, string>
}

/** The request, or the errors it has (badVerb alone, or every badArgument found). */
export function parseArguments(pairs: readonly [string, string][]): OaiRequest | OaiError[] {
  const verbs = pairs.filter(([name]) => name === 'verb').map(([, value]) => value)
  const verb = VERBS.find((v) => v === verbs[0])
  if (verbs.length !== 1 || !verb) {
    const said =
      verbs.length === 0
        ? 'no verb was given'
        : verbs.length > 1
          ? 'the verb is repeated'
          : `"${verbs[0]}" is not a verb`
    return [{ code: 'badVerb', message: `${said}; the verbs are ${VERBS.join(', ')}` }]
  }
  const errors: OaiError[] = []
  const args: Record<string, string> = {}
  const rules = ALLOWED[verb]
  const known = [...rules.required, ...rules.optional, ...(rules.exclusive ? [rules.exclusive] : [])]
  for (const [name, value] of pairs) {
    if (name === 'verb') continue
    if (!known.includes(name)) errors.push(bad(`${verb} does not take the argument "${name}"`))
    else if (Object.hasOwn(args, name)) errors.push(bad(`the argument "${name}" is repeated`))
    else args[name] = value
  }
  if (rules.exclusive && Object.hasOwn(args, rules.exclusive)) {
    const others = Object.keys(args).filter((name) => name !== rules.exclusive)
    if (others.length > 0)
      errors.push(bad(`resumptionToken is exclusive: it cannot come with ${others.join(', ')}`))
  } else {
    for (const name of rules.required)
      if (!Object.hasOwn(args, name)) errors.push(bad(`${verb} needs the argument "${name}"`))
  }
  errors.push(...dateErrors(args))
  return errors.length > 0 ? errors : { verb, args }
}

/** The instant bounds of `from` and `until` (inclusive, milliseconds), once parseArguments accepted them. */
export function dateBounds(args: Record<string, string>): { from?: string; until?: string } {
  const from = args.from === undefined ? undefined : bound(args.from, 'start')
  const until = args.until === undefined ? undefined : bound(args.until, 'end')
  return { ...(from && { from }), ...(until && { until }) }
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const SECOND = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/

function dateErrors(args: Record<string, string>): OaiError[] {
  const errors: OaiError[] = []
  for (const name of ['from', 'until'] as const) {
    const value = args[name]
    if (value !== undefined && !validDate(value))
      errors.push(
        bad(`${name} "${value.slice(0, 40)}" is not a UTC date (YYYY-MM-DD) or time (YYYY-MM-DDThh:mm:ssZ)`),
      )
  }
  if (errors.length > 0 || args.from === undefined || args.until === undefined) return errors
  if (args.from.length !== args.until.length) return [bad('from and until must have the same granularity')]
  if (args.from > args.until) return [bad('from is later than until')]
  return []
}

/** A UTC date (YYYY-MM-DD) or second (YYYY-MM-DDThh:mm:ssZ) that exists on the calendar. */
export function validDate(value: string): boolean {
  const m = DAY.exec(value) ?? SECOND.exec(value)
  if (!m) return false
  const [year, month, day, hour = '0', minute = '0', second = '0'] = m.slice(1)
  const d = new Date(
    Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)),
  )
  return (
    d.getUTCFullYear() === Number(year) &&
    d.getUTCMonth() === Number(month) - 1 &&
    d.getUTCDate() === Number(day) &&
    d.getUTCHours() === Number(hour) &&
    d.getUTCMinutes() === Number(minute) &&
    d.getUTCSeconds() === Number(second)
  )
}

function bound(value: string, side: 'start' | 'end'): string {
  if (DAY.test(value)) return `${value}T${side === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`
  return `${value.slice(0, 19)}.${side === 'start' ? '000' : '999'}Z`
}

function bad(message: string): OaiError {
  return { code: 'badArgument', message }
}
