// `moocx export --format <format> [--output FILE] [--set SPEC] [--from DATE]`: the published catalog in
// one file or on stdout, streamed with backpressure. A file is written as FILE.partial and renamed when
// complete, so a failed export leaves no half file behind.
import fs from 'node:fs'
import { Readable, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Config } from '../config.ts'
import { migrateToLatest, openDatabase } from '../db/database.ts'
import { exportChunks, type ExportDeps } from '../publish/export/export.ts'
import { EXPORT_FORMATS, ExportQuery, type ExportOptions } from '../publish/export/export-options.ts'
import { systemDeps } from '../shared/deps.ts'
import { ValidationError } from '../shared/errors.ts'
import { issuesToDetails } from '../shared/zod-issues.ts'
import { parseOptions } from './args.ts'

export const EXPORT_USAGE = `usage: moocx export --format ${EXPORT_FORMATS.join('|')} [--output FILE] [--set SPEC] [--from DATE]`

export async function exportCommand(config: Config, args: string[]): Promise<number> {
  const { options, output } = parseExportArgs(args)
  const db = openDatabase(config.database)
  try {
    await migrateToLatest(db, config.database)
    await runExport({ ...systemDeps(db), publicUrl: config.publicUrl }, options, output ?? process.stdout)
    return 0
  } finally {
    await db.destroy()
  }
}

/** The options, or a ValidationError naming the flag (`--format: must be one of …`). */
export function parseExportArgs(args: string[]): { options: ExportOptions; output: string | undefined } {
  const { values, positionals } = parseOptions(args, {
    format: { type: 'string' },
    output: { type: 'string' },
    set: { type: 'string' },
    from: { type: 'string' },
  })
  if (positionals.length > 0)
    throw new ValidationError([
      { field: 'argv', message: `unexpected "${positionals[0]?.slice(0, 80)}"; ${EXPORT_USAGE}` },
    ])
  if (values.output === '') throw new ValidationError([{ field: '--output', message: 'names no file' }])
  const parsed = ExportQuery.safeParse({ format: values.format, set: values.set, from: values.from })
  if (!parsed.success)
    throw new ValidationError(
      issuesToDetails('', parsed.error.issues).map((d) => ({ ...d, field: `--${d.field}` })),
    )
  return { options: parsed.data, output: values.output }
}

/** Writes the export to a file (via FILE.partial) or to a stream left open (stdout). */
export async function runExport(deps: ExportDeps, options: ExportOptions, target: string | Writable) {
  if (typeof target !== 'string') {
    try {
      await pipeline(Readable.from(await exportChunks(deps, options)), target, { end: false })
    } catch (error) {
      // The reader went away (`moocx export … | head`): stop quietly, as other tools do.
      if (!(error instanceof Error && 'code' in error && error.code === 'EPIPE')) throw error
    }
    return
  }
  const partial = `${target}.partial`
  const file = await openForWriting(target)
  try {
    await pipeline(Readable.from(await exportChunks(deps, options)), file)
    await fs.promises.rename(partial, target)
  } catch (error) {
    file.destroy()
    await fs.promises.rm(partial, { force: true })
    throw error
  }
}

/** Opens the file before any work is done, so a path that cannot be written fails at once. */
async function openForWriting(target: string): Promise<fs.WriteStream> {
  if ((await fs.promises.stat(target).catch(() => undefined))?.isDirectory())
    throw new ValidationError([{ field: '--output', message: `"${target}" is a directory; name a file` }])
  const stream = fs.createWriteStream(`${target}.partial`)
  try {
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve())
      stream.once('error', reject)
    })
    return stream
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new ValidationError([{ field: '--output', message: `cannot be written: ${reason}` }])
  }
}
