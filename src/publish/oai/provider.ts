// The OAI-PMH 2.0 repository: the six verbs over the published records. Lists are paged by
// resumption tokens that carry their own state (token.ts); every error condition is answered with its
// protocol code inside the response.
import type { Db } from '../../db/schema.ts'
import { countRecords, findRecord, recordPage } from '../record-repository.ts'
import { dateBounds, parseArguments, type OaiRequest } from './arguments.ts'
import { OAI_DC } from './dc-writer.ts'
import { echoes, envelopeParts, errorBody } from './envelope.ts'
import { fail, NO_RECORDS, OaiFailure } from './errors.ts'
import { identify, listSets } from './identify.ts'
import { LOM } from './lom-writer.ts'
import type { Names } from '../record.ts'
import { oaiIdentifier, recordHeader, recordXml } from './record-xml.ts'
import { decodeToken, encodeToken, expirationDate, TOKEN_LIFETIME_MS, type TokenState } from './token.ts'
import { element, text } from './xml.ts'

export interface OaiDeps {
  db: Db
  now: () => Date
  publicUrl: string
  adminEmail: string
  /** Records (or headers) per list response. */
  pageSize: number
  names: () => Promise<Names>
}

export const FORMATS = [OAI_DC, LOM] as const

/**
 * The response document to a request given as name/value pairs (GET query or POST form), in parts to
 * be written one after another (a list's records each on their own).
 */
export async function answer(deps: OaiDeps, pairs: readonly [string, string][]): Promise<string[]> {
  const now = deps.now()
  const baseUrl = `${deps.publicUrl}/oai`
  const request = parseArguments(pairs)
  if (Array.isArray(request)) return envelopeParts(now, baseUrl, {}, [errorBody(request)])
  try {
    const body = await verb(deps, request, now)
    return envelopeParts(now, baseUrl, { verb: request.verb, ...request.args }, body)
  } catch (error) {
    if (!(error instanceof OaiFailure)) throw error
    const args = echoes(error.errors) ? { verb: request.verb, ...request.args } : {}
    return envelopeParts(now, baseUrl, args, [errorBody(error.errors)])
  }
}

async function verb(deps: OaiDeps, { verb, args }: OaiRequest, now: Date): Promise<string[]> {
  switch (verb) {
    case 'Identify':
      return [await identify(deps)]
    case 'ListMetadataFormats':
      return [await listMetadataFormats(deps, args.identifier, now)]
    case 'ListSets':
      return [await listSets(deps, args.resumptionToken)]
    case 'GetRecord':
      return [await getRecord(deps, args, now)]
    case 'ListIdentifiers':
    case 'ListRecords':
      return list(deps, verb, args, now)
  }
}

function courseIdOf(deps: OaiDeps, identifier: string): string {
  const prefix = oaiIdentifier(deps.publicUrl, '')
  const id = identifier.startsWith(prefix) ? identifier.slice(prefix.length) : ''
  if (!id)
    fail(
      'idDoesNotExist',
      `"${identifier.slice(0, 300)}" is not an identifier of this repository (${prefix}…)`,
    )
  return id
}

async function listMetadataFormats(
  deps: OaiDeps,
  identifier: string | undefined,
  now: Date,
): Promise<string> {
  if (identifier !== undefined) {
    const record = await findRecord(deps.db, courseIdOf(deps, identifier), today(now))
    if (!record) fail('idDoesNotExist', `no record has the identifier "${identifier.slice(0, 300)}"`)
    if (!record.course) fail('noMetadataFormats', `the record "${identifier}" is deleted: it has no metadata`)
  }
  const formats = FORMATS.map((f) =>
    element('metadataFormat', [
      text('metadataPrefix', f.prefix),
      text('schema', f.schema),
      text('metadataNamespace', f.namespace),
    ]),
  )
  return element('ListMetadataFormats', formats)
}

async function getRecord(deps: OaiDeps, args: Record<string, string>, now: Date): Promise<string> {
  const format = formatOf(args.metadataPrefix ?? '')
  const identifier = args.identifier ?? ''
  const record = await findRecord(deps.db, courseIdOf(deps, identifier), today(now))
  if (!record) fail('idDoesNotExist', `no record has the identifier "${identifier.slice(0, 300)}"`)
  return element('GetRecord', recordXml(deps.publicUrl, record, format.prefix, await deps.names()))
}

async function list(
  deps: OaiDeps,
  verb: 'ListIdentifiers' | 'ListRecords',
  args: Record<string, string>,
  now: Date,
): Promise<string[]> {
  const state = await listState(deps, verb, args, now)
  const format = formatOf(state.prefix)
  const filter = { from: state.from, until: state.until, set: state.set }
  const found = await recordPage(deps.db, filter, state.after ?? null, deps.pageSize + 1, today(now))
  const page = found.slice(0, deps.pageSize)
  if (page.length === 0 && state.cursor === 0) throw new OaiFailure([NO_RECORDS])
  const names = verb === 'ListRecords' ? await deps.names() : undefined
  const items = page.map((record) =>
    names ? recordXml(deps.publicUrl, record, format.prefix, names) : recordHeader(deps.publicUrl, record),
  )
  const last = page.at(-1)
  const delivered = state.cursor + page.length
  // The list size was counted when the list began; records changed since then come again at its end.
  const next: TokenState | null =
    last && found.length > deps.pageSize
      ? {
          ...state,
          after: { changedAt: last.changedAt, id: last.id },
          cursor: delivered,
          total: Math.max(state.total, delivered + 1),
          expires: now.getTime() + TOKEN_LIFETIME_MS,
        }
      : null
  const token = next ? resumptionToken(next, state.cursor) : firstOrLast(state)
  return [`<${verb}>`, ...items, ...token, `</${verb}>`]
}

/** A list's state: from its token, or new (counting the list once, for completeListSize). */
async function listState(
  deps: OaiDeps,
  verb: 'ListIdentifiers' | 'ListRecords',
  args: Record<string, string>,
  now: Date,
): Promise<TokenState> {
  if (args.resumptionToken !== undefined) {
    const state = decodeToken(args.resumptionToken, verb, now)
    if (typeof state === 'string') fail('badResumptionToken', `the resumptionToken is refused: ${state}`)
    return state
  }
  const prefix = formatOf(args.metadataPrefix ?? '').prefix
  const bounds = dateBounds(args)
  const total = await countRecords(deps.db, { ...bounds, set: args.set })
  return {
    v: 1,
    verb,
    prefix,
    ...bounds,
    ...(args.set !== undefined && { set: args.set }),
    cursor: 0,
    total,
    expires: 0,
  }
}

function resumptionToken(next: TokenState, cursor: number): string[] {
  return [
    text('resumptionToken', encodeToken(next), {
      expirationDate: expirationDate(next),
      completeListSize: String(next.total),
      cursor: String(cursor),
    }),
  ]
}

/** The last page of a list that needed tokens ends with an empty one; a one-page list has none. */
function firstOrLast(state: TokenState): string[] {
  if (state.cursor === 0) return []
  const total = String(Math.max(state.total, state.cursor))
  return [element('resumptionToken', '', { completeListSize: total, cursor: String(state.cursor) })]
}

function formatOf(prefix: string) {
  const format = FORMATS.find((f) => f.prefix === prefix)
  if (!format)
    fail(
      'cannotDisseminateFormat',
      `"${prefix.slice(0, 40)}" is not a metadata format of this repository; it has ${FORMATS.map((f) => f.prefix).join(' and ')}`,
    )
  return format
}

function today(now: Date): string {
  return now.toISOString().slice(0, 10)
}
