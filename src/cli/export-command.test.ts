// `moocx export`: flags checked and named in errors, a file written whole or not at all, stdout left
// open, and the executable itself (exit codes, a reader that hangs up early).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { createTestDb, onPostgres } from '../../test/test-db.ts'
import { countRecords } from '../publish/record-repository.ts'
import { AppError } from '../shared/errors.ts'
import { parseExportArgs, runExport } from './export-command.ts'

const BIN = new URL('../../bin/moocx.js', import.meta.url).pathname
let t: TestApp
let dir: string

beforeAll(async () => {
  t = await createTestApp({ demo: true })
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moocx-export-'))
}, 60_000)
afterAll(async () => {
  await t?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const deps = () => ({ ...t.deps, publicUrl: 'http://moocx.test' })

function problem(args: string[]): { code: string; fields: string[]; message: string } {
  try {
    parseExportArgs(args)
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    return { code: error.code, fields: error.details.map((d) => d.field), message: error.message }
  }
  throw new Error('accepted')
}

describe('parseExportArgs', () => {
  it('takes the four flags', () => {
    expect(
      parseExportArgs([
        '--format',
        'csv',
        '--output',
        'x.csv',
        '--set',
        'platform:edx',
        '--from',
        '2026-01-01',
      ]),
    ).toEqual({
      options: { format: 'csv', set: 'platform:edx', from: '2026-01-01' },
      output: 'x.csv',
    })
  })

  it.each([
    [[], '--format', /must be one of moochub, oai_dc, lom, csv, jsonl/],
    [['--format', 'xml'], '--format', /must be one of moochub, oai_dc, lom, csv, jsonl/],
    [['--format', 'csv', '--set', 'color:red'], '--set', /must be a set such as institution:spbu/],
    [['--format', 'csv', '--from', '2026-13-01'], '--from', /UTC date/],
    [['--format', 'csv', '--from', '1 Jan 2026'], '--from', /UTC date/],
    [['--format', 'csv', '--output', ''], '--output', /names no file/],
    [['--format', 'csv', 'courses.csv'], 'argv', /unexpected "courses.csv"; usage: moocx export/],
    [['--format', 'csv', '--colour'], 'argv', /colour/],
    [['--format'], 'argv', /format/],
  ])('refuses %j naming %s', (args, field, message) => {
    const found = problem(args)
    expect(found.code).toBe('validation_failed')
    expect(found.fields).toContain(field)
    expect(found.message).toMatch(message)
  })
})

describe('runExport', () => {
  it('writes a file through FILE.partial and leaves no partial behind', async () => {
    const file = path.join(dir, 'courses.jsonl')
    await runExport(deps(), { format: 'jsonl' }, file)
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n')
    expect(lines).toHaveLength(await countRecords(t.db, {}))
    expect(fs.existsSync(`${file}.partial`)).toBe(false)
  })

  it('writes to a stream without ending it (stdout stays usable)', async () => {
    const out = new PassThrough()
    let text = ''
    out.on('data', (chunk: Buffer) => (text += chunk.toString()))
    await runExport(deps(), { format: 'moochub', set: 'language:fr' }, out)
    expect(out.writableEnded).toBe(false)
    expect(JSON.parse(text).meta.total).toBe(await countRecords(t.db, { set: 'language:fr' }))
  })

  it('refuses a directory or an unwritable path as --output before doing any work', async () => {
    await expect(runExport(deps(), { format: 'csv' }, dir)).rejects.toMatchObject({
      details: [{ field: '--output', message: expect.stringMatching(/is a directory/) }],
    })
    await expect(
      runExport(deps(), { format: 'csv' }, path.join(dir, 'no', 'such', 'x.csv')),
    ).rejects.toMatchObject({
      details: [{ field: '--output', message: expect.stringMatching(/cannot be written/) }],
    })
  })

  it('removes the partial file when the export fails, and keeps what FILE held', async () => {
    const broken = await createTestDb()
    try {
      const drop = broken.db.schema.dropTable('search_changes')
      // PostgreSQL refuses to drop what views or rules depend on without CASCADE; SQLite knows no CASCADE.
      await (onPostgres ? drop.cascade() : drop).execute()
      const file = path.join(dir, 'kept.csv')
      fs.writeFileSync(file, 'the last good export')
      await expect(runExport({ ...deps(), db: broken.db }, { format: 'csv' }, file)).rejects.toThrow()
      expect(fs.existsSync(`${file}.partial`)).toBe(false)
      expect(fs.readFileSync(file, 'utf8')).toBe('the last good export')
    } finally {
      await broken.close()
    }
  })
})

// The executable runs on its own SQLite database: once is enough. Each run starts Node and tsx, which
// takes seconds on a busy machine.
describe.skipIf(onPostgres)('moocx export (the executable)', () => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'moocx-export-bin-'))
  const env = { ...process.env, MOOCX_DATA_DIR: data, DATABASE_URL: '', LOG_LEVEL: 'error' }
  const moocx = (args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 << 20,
    })
  beforeAll(() => {
    expect(moocx(['seed']).status).toBe(0)
  }, 60_000)
  afterAll(() => fs.rmSync(data, { recursive: true, force: true }))

  it('writes the catalog to stdout and exits 0', () => {
    const result = moocx(['export', '--format', 'jsonl'])
    expect(result.status).toBe(0)
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(320)
  }, 60_000)

  it('exits 64 naming the flag and its allowed values', () => {
    const result = moocx(['export', '--format', 'pdf'])
    expect(result.status).toBe(64)
    expect(result.stderr).toBe('moocx: --format: must be one of moochub, oai_dc, lom, csv, jsonl\n')
  }, 60_000)

  it('stops quietly with 0 when its reader hangs up (| head)', () => {
    const result = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${BIN}" export --format lom | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`,
      ],
      {
        env,
        encoding: 'utf8',
        timeout: 60_000,
      },
    )
    expect(result.stdout.trim()).toBe('0')
    expect(result.stderr).toBe('')
  }, 60_000)
})
