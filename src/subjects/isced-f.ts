// Reads the ISCED-F 2013 code list with its labels in every UI language from isced-f-2013.csv.
import fs from 'node:fs'
import { z } from 'zod'
import { readCsvRecords } from '../shared/csv.ts'
import { SubjectLevel, type Subject } from './subject.ts'

const CSV_URL = new URL('./isced-f-2013.csv', import.meta.url)
const LOCALES = ['en', 'zh', 'ru', 'th', 'ar', 'fr', 'es'] as const

const Row = z.object({
  code: z.string().regex(/^\d{2,4}$/),
  level: SubjectLevel,
  parent: z.string(),
  ...Object.fromEntries(LOCALES.map((l) => [l, z.string().min(1)])),
})

export function readIscedF(): Subject[] {
  const [header, ...rows] = readCsvRecords(fs.readFileSync(CSV_URL, 'utf8'), ',', 1000)
  if (!header) return []
  return rows.map(({ line, fields }) => {
    const record = Object.fromEntries(header.fields.map((name, j) => [name, fields[j] ?? '']))
    const parsed = Row.safeParse(record)
    if (!parsed.success) throw new Error(`isced-f-2013.csv line ${line}: ${parsed.error.message}`)
    const row: Record<string, string> = parsed.data
    return {
      code: parsed.data.code,
      level: parsed.data.level,
      parent: parsed.data.parent || null,
      labels: Object.fromEntries(LOCALES.map((l) => [l, row[l] ?? ''])),
    }
  })
}
