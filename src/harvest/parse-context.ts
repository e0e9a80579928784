// What connectors need to parse a record: the source, its platform, and the institution ids and
// ISCED-F codes that exist. Shared by polled harvests, pushes and uploads so a record parses alike.
import type { Db } from '../db/schema.ts'
import { institutionNames } from '../institutions/institution-repository.ts'
import { getPlatform } from '../institutions/platform-repository.ts'
import type { ParseContext } from './formats/connector.ts'
import type { Source } from './source.ts'

export async function parseContext(db: Db, source: Source): Promise<ParseContext> {
  const [platform, institutions, subjects] = await Promise.all([
    getPlatform(db, source.platformId),
    institutionNames(db),
    db.selectFrom('subjects').select('code').execute(),
  ])
  return {
    source,
    platform,
    institutionIds: new Set(institutions.map((i) => i.id)),
    institutionNames: namesOf(institutions),
    subjectCodes: new Set(subjects.map((s) => s.code)),
  }
}

/** Lower-cased names in every language → institution id; a name two institutions share maps to neither. */
function namesOf(institutions: { id: string; names: Record<string, string> }[]): Map<string, string> {
  const found = new Map<string, string>()
  const shared = new Set<string>()
  for (const { id, names } of institutions) {
    for (const name of new Set(Object.values(names).map((n) => n.trim().toLowerCase()))) {
      if (found.has(name) && found.get(name) !== id) shared.add(name)
      found.set(name, id)
    }
  }
  for (const name of shared) found.delete(name)
  return found
}
