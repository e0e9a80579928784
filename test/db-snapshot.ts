// A snapshot of every table's rows, to prove a refused request wrote nothing.
import type { Db } from '../src/db/schema.ts'

const TABLES = {
  institutions: 'id',
  platforms: 'id',
  courses: 'id',
  course_institutions: 'course_id',
  course_subjects: 'course_id',
  listings: 'id',
  runs: 'id',
  subjects: 'code',
  api_keys: 'id',
  sources: 'id',
  harvest_runs: 'id',
  harvest_rejections: 'id',
  harvest_records: 'record_key',
  push_nonces: 'signature',
} as const

export async function snapshot(db: Db): Promise<string> {
  const parts: string[] = []
  for (const [table, key] of Object.entries(TABLES)) {
    const rows = await db
      .selectFrom(table as keyof typeof TABLES)
      .selectAll()
      .orderBy(key as never)
      .execute()
    parts.push(`${table}:${JSON.stringify(rows)}`)
  }
  return parts.join('\n')
}
