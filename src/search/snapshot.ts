// The search index saved on disk, so a restart loads it and replays only the changes made since,
// instead of reading and analyzing every course again. A snapshot that cannot be read (another
// version, a torn file, a different database) is set aside and the index is built from the database.
import fs from 'node:fs'
import path from 'node:path'
import v8 from 'node:v8'
import type { IndexState } from './index/search-index.ts'

/** Bump when the shape of IndexState or the analysis changes: older snapshots are then ignored. */
export const SNAPSHOT_VERSION = 4

export interface Snapshot {
  version: number
  /** The last change-log number the index had applied. */
  watermark: number
  savedAt: string
  state: IndexState
}

/** Writes the snapshot next to its final name, then renames it: a crash never leaves half a file. */
export function saveSnapshot(file: string, watermark: number, state: IndexState, now: Date): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const partial = `${file}.partial`
  const snapshot: Snapshot = { version: SNAPSHOT_VERSION, watermark, savedAt: now.toISOString(), state }
  fs.writeFileSync(partial, v8.serialize(snapshot))
  fs.renameSync(partial, file)
}

/** The snapshot in `file`, or the reason it cannot be used. */
export function loadSnapshot(file: string): Snapshot | { unusable: string } {
  let value: unknown
  try {
    value = v8.deserialize(fs.readFileSync(file))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { unusable: fs.existsSync(file) ? `unreadable: ${reason}` : 'none saved yet' }
  }
  if (!isSnapshot(value)) return { unusable: 'not a moocx search snapshot' }
  if (value.version !== SNAPSHOT_VERSION)
    return { unusable: `version ${String(value.version)}, this moocx reads version ${SNAPSHOT_VERSION}` }
  return value
}

function isSnapshot(value: unknown): value is Snapshot {
  if (typeof value !== 'object' || value === null) return false
  if (!('version' in value) || !('watermark' in value) || !('state' in value)) return false
  const state = value.state
  return (
    typeof value.watermark === 'number' &&
    typeof state === 'object' &&
    state !== null &&
    'courseIds' in state &&
    Array.isArray(state.courseIds) &&
    'alive' in state &&
    state.alive instanceof Uint8Array &&
    'postings' in state &&
    'vocabulary' in state &&
    'facetRows' in state &&
    'titlePairs' in state
  )
}
