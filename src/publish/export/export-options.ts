// What a bulk export is asked for — the format, a set and a date to start from — checked with Zod so the
// CLI (`moocx export`) and the API (`GET /api/v1/export`) refuse the same mistakes with the same words.
import { z } from 'zod'
import { validDate } from '../oai/arguments.ts'
import { parseSetSpec } from '../sets.ts'
import { MOOCHUB_MEDIA_TYPE } from '../moochub/moochub-types.ts'

export const EXPORT_FORMATS = ['moochub', 'oai_dc', 'lom', 'csv', 'jsonl'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** The media type and file name extension of each format. */
export const FORMAT_FILES: Readonly<Record<ExportFormat, { contentType: string; extension: string }>> = {
  jsonl: { contentType: 'application/x-ndjson', extension: 'jsonl' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  moochub: { contentType: MOOCHUB_MEDIA_TYPE, extension: 'json' },
  oai_dc: { contentType: 'text/xml; charset=utf-8', extension: 'oai_dc.xml' },
  lom: { contentType: 'text/xml; charset=utf-8', extension: 'lom.xml' },
}

/** A UTC date or second, as OAI-PMH writes them, that exists on the calendar. */
const FromDate = z
  .string()
  .max(20, 'must be a UTC date (YYYY-MM-DD) or time (YYYY-MM-DDThh:mm:ssZ)')
  .refine(validDate, 'must be a UTC date (YYYY-MM-DD) or time (YYYY-MM-DDThh:mm:ssZ) that exists')
  .meta({ description: 'Only records changed at or after this UTC date or time', example: '2026-11-01' })

const SetSpec = z
  .string()
  .max(300, 'must be at most 300 characters')
  .refine(
    (spec) => parseSetSpec(spec) !== undefined,
    'must be a set such as institution:spbu, platform:edx, subject:06:061:0613 or language:fr (or a bare kind)',
  )
  .meta({ description: 'Only records in this set (the OAI-PMH setSpec)', example: 'language:fr' })

export const ExportQuery = z.strictObject({
  format: z
    .enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(', ')}` })
    .meta({ description: 'What to write: moochub, oai_dc, lom, csv or jsonl' }),
  set: SetSpec.optional(),
  from: FromDate.optional(),
})
export type ExportOptions = z.infer<typeof ExportQuery>
