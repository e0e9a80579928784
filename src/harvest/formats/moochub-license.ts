// The licence of a MOOChub course: v3 `license[]` ({identifier, url}), v2 `courseLicenses[]`
// ({id, url, name}); the first entry that names a licence moocx knows, as an SPDX id or proprietary.
import { z } from 'zod'
import { firstLicense } from '../normalize-license.ts'

/** At most this many entries are looked at: a course has one licence, rarely a few. */
const MAX_ENTRIES = 20
const field = z.unknown().optional()
const Entry = z.object({ identifier: field, id: field, url: field, name: field })

export function moochubLicense(v3: unknown, v2: unknown): string | null {
  const entries = [...listOf(v3), ...listOf(v2)].slice(0, MAX_ENTRIES)
  return firstLicense(
    entries.flatMap((entry) => {
      if (typeof entry === 'string') return [entry]
      const e = Entry.safeParse(entry).data
      // The identifier first: `url` may point at an own licence document; v2 wrote the CC deed there.
      return e ? [e.identifier, e.id, e.url, e.name] : []
    }),
  )
}

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  return value === null || value === undefined ? [] : [value]
}
