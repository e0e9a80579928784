// One step of bench:publish, in its own process: a fresh SQLite database at FILE with the alliance
// registry and SIZE synthetic courses. Prints one JSON line: { courses, seconds }.
import { migrateToLatest, openDatabase } from '../../src/db/database.ts'
import { seedRegistry } from '../../src/seed/seed.ts'
import { systemDeps } from '../../src/shared/deps.ts'
import { insertCourses, insertRegistry } from './bulk-catalog-repository.ts'

const [file = '', size = '10000'] = process.argv.slice(2)
const config = { kind: 'sqlite', file } as const
const db = openDatabase(config)
await migrateToLatest(db, config)
const deps = systemDeps(db)
await seedRegistry(deps)
const now = new Date().toISOString()
await insertRegistry(db, now)
const started = performance.now()
const courses = await insertCourses(db, Number(size), now.slice(0, 10), now)
const seconds = (performance.now() - started) / 1000
await db.destroy()
process.stdout.write(`${JSON.stringify({ courses, seconds })}\n`)
