// Every export format over the demo catalog (with one course withdrawn and one gone): what each holds,
// that it parses (JSON, CSV, XML valid against the OAI-PMH schemas), sets and dates, and an empty export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasXmllint, toolsPresent, xmllint } from '../../../test/external-tools.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { readCsvRecords } from '../../shared/csv.ts'
import { countRecords } from '../record-repository.ts'
import { coalesce, exportChunks, type ExportDeps } from './export.ts'
import { CSV_COLUMNS } from './csv-writer.ts'
import type { ExportOptions } from './export-options.ts'

let t: TestApp
let deps: ExportDeps
let withdrawn: string
let gone: string
let total: number
let liveIds: string[]
const validate = toolsPresent(['xmllint', hasXmllint])

beforeAll(async () => {
  t = await createTestApp({ demo: true })
  deps = { ...t.deps, publicUrl: 'http://moocx.test', pageSize: 37 }
  const [a, b, ...rest] = (
    await t.db.selectFrom('courses').select('id').orderBy('id').limit(6).execute()
  ).map((r) => r.id)
  withdrawn = a ?? ''
  gone = b ?? ''
  liveIds = rest
  await t.db.updateTable('listings').set({ status: 'withdrawn' }).where('course_id', '=', withdrawn).execute()
  await t.db.deleteFrom('courses').where('id', '=', gone).execute()
  total = await countRecords(t.db, {})
}, 60_000)
afterAll(async () => {
  await t?.close()
})

async function text(options: ExportOptions): Promise<string> {
  let out = ''
  for await (const chunk of await exportChunks(deps, options)) out += chunk
  return out
}

describe('jsonl', () => {
  it('writes one Course per line, and deleted records as {id, deleted, changedAt}', async () => {
    const lines = (await text({ format: 'jsonl' })).split('\n')
    expect(lines.pop()).toBe('')
    expect(lines).toHaveLength(total)
    const values = lines.map((line) => JSON.parse(line))
    const deleted = values.filter((v) => v.deleted === true)
    expect(deleted.map((v) => v.id).sort()).toEqual([withdrawn, gone].sort())
    expect(Object.keys(deleted[0]).sort()).toEqual(['changedAt', 'deleted', 'id'])
    const live = values.filter((v) => v.deleted !== true)
    expect(new Set(values.map((v) => v.id)).size).toBe(total)
    expect(live[0]).toMatchObject({
      id: expect.any(String),
      title: expect.any(String),
      language: expect.any(String),
    })
    expect(
      live.every(
        (c) => c.listings.length > 0 && c.listings.every((l: { status: string }) => l.status === 'active'),
      ),
    ).toBe(true)
  })

  it('keeps a record on one line when a title holds U+2028, U+2029 or a newline', async () => {
    const id = live()
    await t.db
      .updateTable('courses')
      .set({ title: 'One\u2028two\u2029three\nfour' })
      .where('id', '=', id)
      .execute()
    const lines = (await text({ format: 'jsonl' })).trimEnd().split('\n')
    expect(lines).toHaveLength(total)
    const line = lines.find((l) => l.includes(`"id":"${id}"`)) ?? ''
    expect(line).toContain('\\u2028')
    expect(JSON.parse(line).title).toBe('One\u2028two\u2029three\nfour')
  })
})

describe('csv', () => {
  it('has a BOM, CRLF line ends, the documented columns and one row per live course', async () => {
    const csv = await text({ format: 'csv' })
    expect(csv.startsWith('\uFEFFid,title,language,summary,level,')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    const rows = readCsvRecords(csv.slice(1), ',', 100_000)
    expect(rows[0]?.fields).toEqual([...CSV_COLUMNS])
    expect(rows).toHaveLength(1 + total - 2)
    expect(rows.every((r) => r.fields.length === CSV_COLUMNS.length)).toBe(true)
    expect(rows.map((r) => r.fields[0])).not.toContain(withdrawn)
    const url = CSV_COLUMNS.indexOf('url')
    expect(rows.slice(1).every((r) => /^https?:\/\//.test(r.fields[url] ?? ''))).toBe(true)
  })

  it('quotes commas, quotes and line breaks and defuses formulas, read back as written', async () => {
    const id = live()
    await t.db
      .updateTable('courses')
      .set({ title: '=HYPERLINK("http://evil.example","x")', summary: 'a, "b"\r\nc' })
      .where('id', '=', id)
      .execute()
    const rows = readCsvRecords((await text({ format: 'csv' })).slice(1), ',', 100_000)
    const row = rows.find((r) => r.fields[0] === id)
    expect(row?.fields[1]).toBe(`'=HYPERLINK("http://evil.example","x")`)
    expect(row?.fields[3]).toBe('a, "b"\r\nc')
  })
})

describe('moochub', () => {
  it('is one JSON:API document of the live courses with their total', async () => {
    const doc = JSON.parse(await text({ format: 'moochub' }))
    expect(Object.keys(doc)).toEqual(['data', 'meta'])
    expect(doc.meta.total).toBe(total - 2)
    expect(doc.data).toHaveLength(total - 2)
    expect(doc.data[0]).toMatchObject({ type: 'Course', attributes: { name: expect.any(String) } })
  })

  it('is valid JSON with no record', async () => {
    expect(JSON.parse(await text({ format: 'moochub', set: 'institution:nobody' }))).toEqual({
      data: [],
      meta: { total: 0 },
    })
  })
})

describe.runIf(validate)('oai_dc and lom', () => {
  it('hold every record in one ListRecords, deleted ones as headers, valid against the schemas', async () => {
    const dc = await text({ format: 'oai_dc' })
    expect(xmllint(dc, 'oai-pmh-with-dc.xsd').output).toContain('validates')
    expect(dc.match(/<record>/g)).toHaveLength(total)
    expect(dc.match(/<header status="deleted">/g)).toHaveLength(2)
    expect(dc).not.toContain('resumptionToken')
    expect(dc).toContain(
      '<request verb="ListRecords" metadataPrefix="oai_dc">http://moocx.test/oai</request>',
    )
    const lom = await text({ format: 'lom' })
    expect(xmllint(lom, 'oai-pmh-with-lom-strict.xsd').output).toContain('validates')
    expect(lom.match(/<record>/g)).toHaveLength(total)
  }, 60_000)

  it('answers noRecordsMatch when nothing matches, and echoes set and from in the request', async () => {
    const xml = await text({ format: 'oai_dc', set: 'language:xx', from: '2026-01-01' })
    expect(xml).toContain('<error code="noRecordsMatch">')
    expect(xml).toContain('set="language:xx" from="2026-01-01"')
    expect(xmllint(xml, 'oai-pmh-with-dc.xsd').output).toContain('validates')
  })
})

describe('selection', () => {
  it('exports only the set asked for', async () => {
    const lines = (await text({ format: 'jsonl', set: 'language:fr' })).trimEnd().split('\n')
    expect(lines.length).toBe(await countRecords(t.db, { set: 'language:fr' }))
    expect(lines.every((l) => JSON.parse(l).language === 'fr')).toBe(true)
  })

  it('exports only what changed at or after from', async () => {
    expect(await text({ format: 'jsonl', from: '2999-01-01' })).toBe('')
    const all = (await text({ format: 'jsonl', from: '2000-01-01T00:00:00Z' })).trimEnd().split('\n')
    expect(all).toHaveLength(total)
  })
})

describe('coalesce', () => {
  it('joins small chunks into pieces of at least the size asked, losing nothing', async () => {
    async function* parts() {
      for (let i = 0; i < 100; i++) yield `${i},`
    }
    const pieces: string[] = []
    for await (const piece of coalesce(parts(), 50)) pieces.push(piece)
    expect(pieces.join('')).toBe(Array.from({ length: 100 }, (_, i) => `${i},`).join(''))
    expect(pieces.slice(0, -1).every((p) => p.length >= 50)).toBe(true)
  })
})

/** A live course not changed by an earlier test. */
function live(): string {
  const id = liveIds.shift()
  if (!id) throw new Error('no live course left')
  return id
}
