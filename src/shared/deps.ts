// What I/O-doing functions receive: the database, the clock and the id source, wired at the edge.
import type { Db } from '../db/schema.ts'
import { timeOrderedId } from './ids.ts'

export interface Deps {
  db: Db
  /** The current instant. */
  now: () => Date
  /** A new unique id for rows whose ids people do not choose; later ids sort later. */
  newId: () => string
}

export function systemDeps(db: Db): Deps {
  return { db, now: () => new Date(), newId: () => timeOrderedId() }
}

export function isoNow(deps: Pick<Deps, 'now'>): string {
  return deps.now().toISOString()
}

export function today(deps: Pick<Deps, 'now'>): string {
  return deps.now().toISOString().slice(0, 10)
}
