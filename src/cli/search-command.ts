// `moocx search rebuild`: builds the search index from the database here (checking that every course
// reads and analyzes), then asks every running process to rebuild its own index from scratch.
import type { Config } from '../config.ts'
import { migrateToLatest, openDatabase } from '../db/database.ts'
import * as analyzer from '../search/analysis/analyze.ts'
import { requestRebuild } from '../search/search-document-repository.ts'
import { createSearchService } from '../search/search-service.ts'
import { systemDeps } from '../shared/deps.ts'
import { ValidationError } from '../shared/errors.ts'
import { createLogger } from '../shared/logger.ts'
import { parseOptions } from './args.ts'

export async function searchCommand(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { json: { type: 'boolean' } })
  if (positionals[0] !== 'rebuild' || positionals.length > 1)
    throw new ValidationError([{ field: 'search', message: 'usage: moocx search rebuild [--json]' }])
  const db = openDatabase(config.database)
  try {
    await migrateToLatest(db, config.database)
    const deps = systemDeps(db)
    const search = createSearchService({
      ...deps,
      logger: createLogger(config.logLevel),
      analyzer,
      pollMs: 0,
    })
    const started = performance.now()
    const courses = await search.rebuild()
    const ms = Math.round(performance.now() - started)
    await requestRebuild(db, deps.now().toISOString())
    const report = { courses, terms: search.index.vocabulary.size, ms }
    process.stdout.write(
      values.json
        ? `${JSON.stringify(report)}\n`
        : `Indexed ${courses} courses (${report.terms} terms) in ${ms} ms; running processes rebuild their index within a second.\n`,
    )
    return 0
  } finally {
    await db.destroy()
  }
}
