// `moocx migrate` and `moocx seed`.
import type { Config } from '../config.ts'
import { migrateToLatest, openDatabase } from '../db/database.ts'
import { systemDeps } from '../shared/deps.ts'
import { createLogger } from '../shared/logger.ts'
import { removeDemoCatalog, seedAll } from '../seed/seed.ts'
import { parseOptions } from './args.ts'

export async function migrateCommand(config: Config): Promise<number> {
  const db = openDatabase(config.database)
  try {
    const result = await migrateToLatest(db, config.database)
    const applied = result.results?.map((r) => r.migrationName) ?? []
    createLogger(config.logLevel).info('migrated', { applied })
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Schema is up to date.\n')
    return 0
  } finally {
    await db.destroy()
  }
}

export async function seedCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseOptions(args, {
    'no-demo': { type: 'boolean' },
    'remove-demo': { type: 'boolean' },
  })
  const db = openDatabase(config.database)
  try {
    await migrateToLatest(db, config.database)
    const deps = systemDeps(db)
    if (values['remove-demo']) {
      process.stdout.write(`Removed ${await removeDemoCatalog(deps)} demo courses.\n`)
      return 0
    }
    const report = await seedAll(deps, { demo: !values['no-demo'] })
    process.stdout.write(
      `Subjects: ${report.subjects}; institutions added: ${report.institutionsAdded}; ` +
        `platforms added: ${report.platformsAdded}; demo courses added: ${report.demoCoursesAdded}\n`,
    )
    return 0
  } finally {
    await db.destroy()
  }
}
