// One page of the MOOChub course list: live records after a keyset cursor (deleted ones left out, as
// MOOChub has no deletion), the opaque cursor itself, and the JSON:API list document.
import { z } from 'zod'
import type { Db } from '../../db/schema.ts'
import { ValidationError } from '../../shared/errors.ts'
import type { Names, RecordPosition } from '../record.ts'
import { recordPage } from '../record-repository.ts'
import { hasLiveAfter } from './moochub-repository.ts'
import { isLive, moochubResource, type LiveRecord } from './moochub-resource.ts'
import type { MoochubPage } from './moochub-types.ts'

export const DEFAULT_PAGE_SIZE = 100
export const MAX_PAGE_SIZE = 500
/** Reads of the change log per page at most: a stretch of deleted records ends a page early, not never. */
const MAX_ROUNDS = 20

const Cursor = z.strictObject({
  c: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/),
  i: z.string().min(1).max(255),
})

/** The position as `page[after]`: base64url of `{"c": changedAt, "i": course id}`. */
export function encodeCursor(position: RecordPosition): string {
  return Buffer.from(JSON.stringify({ c: position.changedAt, i: position.id }), 'utf8').toString('base64url')
}

/** A `page[after]` value back as a position; 400 naming the parameter when it is not one moocx wrote. */
export function decodeCursor(value: string): RecordPosition {
  const problem = new ValidationError([
    { field: 'query.page[after]', message: 'is not a cursor of this list: follow links.next' },
  ])
  if (value.length > 1_000 || !/^[A-Za-z0-9_-]+$/.test(value)) throw problem
  const parsed = Cursor.safeParse(parseJson(Buffer.from(value, 'base64url').toString('utf8')))
  if (!parsed.success) throw problem
  return { changedAt: parsed.data.c, id: parsed.data.i }
}

export interface LivePage {
  records: LiveRecord[]
  /** Where the next page starts, or null when no live record follows. */
  next: RecordPosition | null
}

/**
 * Up to `size` live records after `after`, in the walk's order. Deleted records are skipped; the next
 * position is the last record looked at, so a page never repeats or misses one.
 */
export async function livePage(
  db: Db,
  after: RecordPosition | null,
  size: number,
  today: string,
): Promise<LivePage> {
  const records: LiveRecord[] = []
  let position = after
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const page = await recordPage(db, {}, position, size, today)
    for (const record of page) {
      position = { changedAt: record.changedAt, id: record.id }
      if (isLive(record)) records.push(record)
      if (records.length === size) return { records, next: await nextAfter(db, position) }
    }
    if (page.length < size) return { records, next: null }
  }
  return { records, next: position && (await nextAfter(db, position)) }
}

async function nextAfter(db: Db, position: RecordPosition): Promise<RecordPosition | null> {
  return (await hasLiveAfter(db, position)) ? position : null
}

export interface PageLinks {
  self: string
  first: string
  last: string
  next: string | null
}

/** The list document: `links` (v3 wants self, first and last; next only while there is one), `data`, `meta.total`. */
export function moochubPage(
  records: readonly LiveRecord[],
  names: Names,
  publicUrl: string,
  links: PageLinks,
  total: number,
): MoochubPage {
  const { next, ...always } = links
  return {
    links: next ? { ...always, next } : always,
    data: records.map((r) => moochubResource(r, names, publicUrl)),
    meta: { total },
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
