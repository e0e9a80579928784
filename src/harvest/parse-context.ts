// What connectors need to parse a record: the source, its platform, and the institution ids and
// ISCED-F codes that exist. Shared by polled harvests, pushes and uploads so a record parses alike.
import type { Db } from '../db/schema.ts'
import { getPlatform } from '../institutions/platform-repository.ts'
import type { ParseContext } from './formats/connector.ts'
import type { Source } from './source.ts'

export async function parseContext(db: Db, source: Source): Promise<ParseContext> {
  const [platform, institutions, subjects] = await Promise.all([
    getPlatform(db, source.platformId),
    db.selectFrom('institutions').select('id').execute(),
    db.selectFrom('subjects').select('code').execute(),
  ])
  return {
    source,
    platform,
    institutionIds: new Set(institutions.map((i) => i.id)),
    subjectCodes: new Set(subjects.map((s) => s.code)),
  }
}
