// Harvesting a CSV catalog end to end from a fake server on 127.0.0.1: the fixture in four scripts
// with runs grouped by id, re-harvests, withdrawals, bad rows named by line, and unusable files.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFakeHttpServer, type FakeHttpServer } from '../../../test/fake-http-server.ts'
import { harvestDeps, type TestHarvestDeps } from '../../../test/harvest-deps.ts'
import { createRegistryDb, NOW } from '../../../test/test-app.ts'
import { type TestDb } from '../../../test/test-db.ts'
import type { Platform } from '../../institutions/platform.ts'
import { createPlatform } from '../../institutions/platform-repository.ts'
import { listRejections } from '../harvest-run-repository.ts'
import { harvestSource } from '../harvest-source.ts'
import type { Source } from '../source.ts'
import { createSource } from '../source-repository.ts'
import { CSV_COLUMNS, columnNames, isColumn, type CsvColumn } from './csv-columns.ts'
import { detectSeparator, readCsvRecords } from '../../shared/csv.ts'
import { csv, CsvCourse, readCourses } from './csv.ts'

const FIXTURE = readFileSync(new URL('../../../test/fixtures/catalog.csv', import.meta.url), 'utf8')
const IDS = ['tsinghua-dsa', 'spbu-history', 'thai-data', 'ai-arabic', 'climate']

let t: TestDb
let server: FakeHttpServer
let deps: TestHarvestDeps
let n = 0
let sourceId = ''
/** What the fake server answers for the current test's file. */
let body: string | Uint8Array = ''

/** The fixture with this test's ids (listing keys are per platform, so each test needs its own). */
const fixture = () =>
  IDS.reduce((text, id) => text.replace(new RegExp(`^${id},`, 'gm'), `${idOf(id)},`), FIXTURE)
const idOf = (id: string) => `${id}-${n}`
/** The fixture's columns, as readCourses names them; it has no offer columns. */
const FIXTURE_COLUMNS = (FIXTURE.split('\n')[0] ?? '')
  .split(',')
  .map((c) => c.trim().toLowerCase().replace(/\s+/g, '_'))
/** One line of a file with the fixture's columns, or with `columns`. */
const line = (cells: Partial<Record<CsvColumn, string>>, columns: readonly string[] = FIXTURE_COLUMNS) =>
  columns.map((c) => quoted(isColumn(c) ? (cells[c] ?? '') : '')).join(',')
const quoted = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)
/** A file with every column, offer columns included. */
const fileOf = (rows: Partial<Record<CsvColumn, string>>[]) =>
  [columnNames().join(','), ...rows.map((r) => line(r, columnNames()))].join('\n') + '\n'

beforeAll(async () => {
  t = await createRegistryDb()
  const platform = { name: 'Sheet MOOC', software: 'other', baseUrl: 'https://sheet-mooc.example' } as const
  await createPlatform(
    t.db,
    { id: 'sheet-mooc', ...platform, institutionId: 'unesco-iite' },
    NOW.toISOString(),
  )
  server = await startFakeHttpServer({
    '*': (_req, res) => res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' }).end(body),
  })
})
afterAll(async () => {
  await server.close()
  await t.close()
})
beforeEach(async () => {
  deps = harvestDeps(t.db)
  n++
  body = fixture()
  const source = await createSource(deps, {
    id: `sheet-${n}`,
    platformId: 'sheet-mooc',
    format: 'csv',
    baseUrl: `${server.url}/exports/catalog-${n}.csv?format=csv`,
    orgMap: { SPbGU: 'spbu' },
    ratePerMinute: 600,
  })
  sourceId = source.id
})

const harvest = () => harvestSource(deps, sourceId)
const money = (price: { amount: number; currency: string } | null) => ({
  price_amount: price?.amount ?? null,
  price_currency: price?.currency ?? null,
})
const offerOf = (l: {
  access: unknown
  certificate: unknown
  price_amount: unknown
  price_currency: unknown
}) => [l.access, l.certificate, l.price_amount, l.price_currency]
const rejectionsOf = async (runId: string) => (await listRejections(t.db, runId)).map((r) => r.reason)

async function courseOf(id: string) {
  // Without seen_generation: the pass bookkeeping every harvest updates.
  const { seen_generation: _seen, ...listing } = await t.db
    .selectFrom('listings')
    .selectAll()
    .where('platform_id', '=', 'sheet-mooc')
    .where('platform_key', '=', idOf(id))
    .executeTakeFirstOrThrow()
  const course = await t.db
    .selectFrom('courses')
    .selectAll()
    .where('id', '=', listing.course_id)
    .executeTakeFirstOrThrow()
  const institutions = await t.db
    .selectFrom('course_institutions')
    .select('institution_id')
    .where('course_id', '=', course.id)
    .orderBy('position')
    .execute()
  const subjects = await t.db
    .selectFrom('course_subjects')
    .select('subject_code')
    .where('course_id', '=', course.id)
    .orderBy('subject_code')
    .execute()
  const runs = await t.db
    .selectFrom('runs')
    .select(['run_key', 'pacing', 'starts_on', 'ends_on', 'enrollment_opens_on', 'enrollment_closes_on'])
    .where('listing_id', '=', listing.id)
    .orderBy('run_key')
    .execute()
  return {
    listing,
    course,
    institutions: institutions.map((i) => i.institution_id),
    subjects: subjects.map((s) => s.subject_code),
    runs,
  }
}

describe('harvesting a CSV file', () => {
  it('adds every course of the fixture, in Chinese, Russian, Thai, Arabic and English, rows of one id as runs', async () => {
    const run = await harvest()
    expect(run).toMatchObject({ status: 'succeeded', complete: true, seen: 5, added: 5, rejected: 0 })
    expect(server.requests.at(-1)?.url).toBe(`/exports/catalog-${n}.csv?format=csv`)

    const dsa = await courseOf('tsinghua-dsa')
    expect(dsa.course).toMatchObject({
      title: '数据结构与算法',
      language: 'zh-Hans',
      course_number: 'CS201',
      level: 'intermediate',
      effort_hours_per_week: 3.5,
      weeks: 12,
      instructors: JSON.stringify(['邓俊辉', '王老师']),
      subtitle_languages: JSON.stringify(['en', 'ru']),
    })
    expect(dsa.course.description_html).toBe(
      '<p>本课程讲授线性表、树、图等基本数据结构。</p><p>课程口号: "学以致用"。</p>',
    )
    expect(dsa.listing.url).toBe('https://sheet-mooc.example/courses/tsinghua-dsa')
    expect(dsa.institutions).toEqual(['tsinghua'])
    expect(dsa.subjects).toEqual(['0541', '0613'])
    expect(dsa.runs).toEqual([
      {
        run_key: '2026-03-01',
        pacing: 'instructor',
        starts_on: '2026-03-01',
        ends_on: '2026-05-24',
        enrollment_opens_on: '2026-01-15',
        enrollment_closes_on: '2026-03-10',
      },
      {
        run_key: '2026-09-01',
        pacing: 'instructor',
        starts_on: '2026-09-01',
        ends_on: '2026-11-24',
        enrollment_opens_on: null,
        enrollment_closes_on: null,
      },
    ])

    const history = await courseOf('spbu-history')
    expect(history.course).toMatchObject({
      title: 'История России',
      language: 'ru',
      effort_hours_per_week: 4,
    })
    expect(history.institutions).toEqual(['spbu'])
    expect(history.runs).toMatchObject([
      { run_key: 'spring_2026', starts_on: '2026-02-09', ends_on: '2026-06-01' },
    ])

    const thai = await courseOf('thai-data')
    expect(thai.course).toMatchObject({ title: 'วิทยาศาสตร์ข้อมูลเบื้องต้น', language: 'th', level: 'introductory' })
    expect(thai.subjects).toEqual(['0542', '0613'])
    expect(thai.runs).toMatchObject([{ run_key: 'self-paced', pacing: 'self', starts_on: null }])

    const arabic = await courseOf('ai-arabic')
    expect(arabic.course).toMatchObject({ title: 'مقدمة في الذكاء الاصطناعي', language: 'ar', weeks: 8 })
    expect(arabic.institutions).toEqual(['unesco-iite'])

    const climate = await courseOf('climate')
    expect(climate.institutions).toEqual(['unesco-iite', 'spbu'])
    // What each course costs, as the offer columns say (empty cells say nothing).
    expect(offerOf(dsa.listing)).toEqual(['free', 'paid', 200, 'CNY'])
    expect(offerOf(history.listing)).toEqual(['free', 'free', null, null])
    expect(offerOf(thai.listing)).toEqual(['free', 'none', null, null])
    expect(offerOf(arabic.listing)).toEqual([null, null, null, null])
    expect(offerOf(climate.listing)).toEqual(['paid', 'paid', 1299, 'EUR'])
    expect(climate.course).toMatchObject({ level: 'advanced', effort_hours_per_week: 5 })
    expect(climate.runs.map((r) => [r.run_key, r.pacing])).toEqual([
      ['2026T1', 'instructor'],
      ['2026T2', 'instructor'],
      ['always-open', 'self'],
    ])
  })

  it('sanitizes HTML descriptions: no script, no javascript: link, safe links kept', async () => {
    await harvest()
    const html = (await courseOf('ai-arabic')).course.description_html ?? ''
    expect(html).not.toMatch(/script|javascript|alert/i)
    expect(html).toContain('href="https://sheet-mooc.example/ai"')
    expect(html).toContain('مرحبا')
  })

  it('writes nothing on an unchanged re-harvest', async () => {
    await harvest()
    const before = await courseOf('climate')
    deps.advance(60_000)
    expect(await harvest()).toMatchObject({
      status: 'succeeded',
      seen: 5,
      added: 0,
      updated: 0,
      unchanged: 5,
    })
    expect(await courseOf('climate')).toEqual(before)
  })

  it('withdraws a course whose rows are gone from the file, and brings it back when they return', async () => {
    await harvest()
    body = fixture()
      .split('\n')
      .filter((line) => !line.startsWith(idOf('thai-data')))
      .join('\n')
    expect(await harvest()).toMatchObject({ seen: 4, unchanged: 4, withdrawn: 1 })
    expect((await courseOf('thai-data')).listing.status).toBe('withdrawn')
    body = fixture()
    expect(await harvest()).toMatchObject({ withdrawn: 0 })
    expect((await courseOf('thai-data')).listing.status).toBe('active')
  })

  it('rejects bad rows naming their line, keeping the good rows of the file', async () => {
    const url = 'https://sheet-mooc.example/x'
    const bad = [
      line({ id: idOf('no-title'), url }),
      line({ id: idOf('script-url'), title: 'Evil', url: 'javascript:alert(1)' }),
      `${idOf('short-row')},Too few fields,${url}`,
      line({ id: idOf('bad-date'), title: 'Bad date', url, start: '03/02/2026' }),
      line({ id: idOf('hogwarts'), title: 'Potions', url, institution: 'hogwarts' }),
      line({ id: idOf('bad-level'), title: 'Hard', url, language: 'klingon', level: 'expert' }),
    ]
    body = `${fixture().trimEnd()}\n${bad.join('\n')}\n`
    const run = await harvest()
    expect(run).toMatchObject({ status: 'succeeded', added: 5, rejected: 6 })
    expect(await rejectionsOf(run.id)).toEqual([
      'line 12: title is empty',
      'line 13: url "javascript:alert(1)" is not an absolute http(s) URL',
      'line 14: 3 fields where the header has 24; the row is left out',
      'line 15: start "03/02/2026" is not a date (write YYYY-MM-DD)',
      'line 16: institution "hogwarts" is not known: use an institution id or add it to the orgMap',
      'line 17: language "klingon" is not a language moocx knows; level "expert" is not introductory, intermediate or advanced',
    ])
    const keys = (await listRejections(t.db, run.id)).map((r) => r.recordKey)
    const ids = ['no-title', 'script-url', null, 'bad-date', 'hogwarts', 'bad-level']
    expect(keys).toEqual(ids.map((id) => id && idOf(id)))
  })

  it('stores what each course costs, price and currency from the last row that fills price', async () => {
    const url = (id: string) => `https://sheet-mooc.example/courses/${id}`
    const course = (id: string, cells: Partial<Record<CsvColumn, string>>) => ({
      id: idOf(id),
      title: id,
      url: url(id),
      ...cells,
    })
    const rows = [
      course('stats', { access: 'free', certificate: 'none' }),
      course('ml', { access: 'free', certificate: 'paid', price: '49.00', currency: 'USD' }),
      course('mba', {
        access: 'PAID',
        certificate: 'paid',
        price: '1,200.00',
        currency: 'eur',
        start: '2026-01-12',
      }),
      course('mba', { price: '1.150,00', currency: 'EUR', start: '2026-06-01' }),
      course('mba', { start: '2026-09-01' }),
      course('unsaid', {}),
      course('zero', { access: 'free', certificate: 'free', price: '0', currency: 'usd' }),
    ]
    body = fileOf(rows)
    expect(await harvest()).toMatchObject({ status: 'succeeded', added: 5, rejected: 0 })
    expect(offerOf((await courseOf('stats')).listing)).toEqual(['free', 'none', null, null])
    expect(offerOf((await courseOf('ml')).listing)).toEqual(['free', 'paid', 49, 'USD'])
    expect(offerOf((await courseOf('mba')).listing)).toEqual(['paid', 'paid', 1150, 'EUR'])
    expect(offerOf((await courseOf('unsaid')).listing)).toEqual([null, null, null, null])
    expect(offerOf((await courseOf('zero')).listing)).toEqual(['free', 'free', null, null])

    // A changed price is written; emptied columns clear what was stored.
    rows[1] = course('ml', { access: 'free', certificate: 'paid', price: '39', currency: 'USD' })
    rows[0] = course('stats', {})
    body = fileOf(rows)
    expect(await harvest()).toMatchObject({ updated: 2, unchanged: 3 })
    expect(offerOf((await courseOf('ml')).listing)).toEqual(['free', 'paid', 39, 'USD'])
    expect(offerOf((await courseOf('stats')).listing)).toEqual([null, null, null, null])
  })

  it('rejects rows with an offer it cannot read, naming column and line, and a course whose offer contradicts itself', async () => {
    const url = 'https://sheet-mooc.example/o'
    body = fileOf([
      { id: idOf('good'), title: 'Good', url, access: 'paid', price: '10', currency: 'USD' },
      { id: idOf('euro-sign'), title: 'A', url, price: '€49', currency: 'EUR' },
      { id: idOf('no-currency'), title: 'B', url, access: 'paid', price: '49' },
      { id: idOf('bad-currency'), title: 'C', url, price: '49', currency: 'euro' },
      { id: idOf('bad-words'), title: 'D', url, access: 'audit', certificate: 'yes' },
      { id: idOf('negative'), title: 'E', url, price: '-5', currency: 'USD' },
      { id: idOf('huge'), title: 'F', url, price: '99999999999', currency: 'USD' },
      { id: idOf('nothing-costs'), title: 'G', url, access: 'free', certificate: 'none' },
      { id: idOf('nothing-costs'), title: 'G', url, run: 'r2', price: '10', currency: 'USD' },
    ])
    const run = await harvest()
    expect(run).toMatchObject({ status: 'succeeded', added: 1, rejected: 7 })
    expect(await rejectionsOf(run.id)).toEqual([
      'line 3: price "€49" is not an amount from 0 to 10000000: write a number such as 49.00, and the currency in the currency column',
      'line 4: price 49 has no currency: fill the currency column (e.g. EUR)',
      'line 5: currency "euro" is not an ISO 4217 code such as EUR',
      'line 6: access "audit" is not free or paid; certificate "yes" is not none, free or paid',
      'line 7: price "-5" is not an amount from 0 to 10000000: write a number such as 49.00, and the currency in the currency column',
      'line 8: price "99999999999" is not an amount from 0 to 10000000: write a number such as 49.00, and the currency in the currency column',
      'line 10: price 10 USD but access is free and certificate is none: nothing costs',
    ])
    expect(offerOf((await courseOf('good')).listing)).toEqual(['paid', null, 10, 'USD'])
  })

  it('reads a licence as an SPDX id and rejects a row whose licence it does not know', async () => {
    const url = 'https://sheet-mooc.example/l'
    body = fileOf([
      { id: idOf('spdx'), title: 'A', url, license: 'cc by-sa 4.0' },
      { id: idOf('cc-url'), title: 'B', url, license: 'https://creativecommons.org/licenses/by/4.0/' },
      { id: idOf('reserved'), title: 'C', url, license: 'All rights reserved' },
      { id: idOf('unsaid'), title: 'D', url, license: '' },
      { id: idOf('beerware'), title: 'E', url, license: 'beerware' },
    ])
    const run = await harvest()
    expect(run).toMatchObject({ status: 'succeeded', added: 4, rejected: 1 })
    expect(await rejectionsOf(run.id)).toEqual([
      'line 6: license "beerware" is not a licence moocx knows (write an SPDX identifier such as CC-BY-4.0, a Creative Commons URL, or proprietary)',
    ])
    const licenses = []
    for (const id of ['spdx', 'cc-url', 'reserved', 'unsaid'])
      licenses.push((await courseOf(id)).course.license)
    expect(licenses).toEqual(['CC-BY-SA-4.0', 'CC-BY-4.0', 'proprietary', null])
  })

  it('uses the later of two rows with the same id and run, and says which line was left out', async () => {
    const url = 'https://sheet-mooc.example/courses/spbu-history'
    const copy = line({ id: idOf('spbu-history'), title: 'История России (2)', url, run: 'spring_2026' })
    body = `${fixture().trimEnd()}\n${copy}\n`
    const run = await harvest()
    expect(run).toMatchObject({ added: 5, rejected: 1 })
    expect(await rejectionsOf(run.id)).toEqual([
      'line 6: the same id and run ("spring_2026") as line 12, which is used instead',
    ])
    const history = await courseOf('spbu-history')
    expect(history.course).toMatchObject({
      title: 'История России (2)',
      language: 'ru', // no language column and no source language: read from the Cyrillic title
      course_number: null,
    })
    expect(history.runs).toMatchObject([{ run_key: 'spring_2026', starts_on: null }])
  })

  it('takes course columns from the last row of an id that fills them: a later title wins', async () => {
    body = fixture().replace(
      `${idOf('tsinghua-dsa')},数据结构与算法,https://sheet-mooc.example/courses/tsinghua-dsa,,`,
      `${idOf('tsinghua-dsa')},数据结构与算法（第二版）,https://sheet-mooc.example/courses/tsinghua-dsa-2,,`,
    )
    await harvest()
    const { course, listing, runs } = await courseOf('tsinghua-dsa')
    expect(course).toMatchObject({ title: '数据结构与算法（第二版）', language: 'zh-Hans', weeks: 12 })
    expect(listing.url).toBe('https://sheet-mooc.example/courses/tsinghua-dsa-2')
    expect(runs).toHaveLength(2)
  })

  it('fails the run on unknown columns, naming them, and keeps what earlier runs saved', async () => {
    await harvest()
    body = fixture().replace('Title,URL', 'Titel,URL').replace('Weeks', 'Duration')
    const run = await harvest()
    expect(run).toMatchObject({ status: 'failed', seen: 0, withdrawn: 0 })
    expect(run.error).toMatch(
      /^bad page: line 1: missing required column: title; unknown columns: "titel", "duration"/,
    )
    expect((await courseOf('climate')).listing.status).toBe('active')
  })

  it('fails the run when a required column is missing', async () => {
    body = 'id,title,language\nx,Y,en\n'
    expect((await harvest()).error).toBe('bad page: line 1: missing required column: url')
  })

  it('fails the run when the server sends invalid UTF-8', async () => {
    const text = Buffer.from('id,title,url\nlatin1,Caf\xe9,https://sheet-mooc.example/c\n', 'latin1')
    body = new Uint8Array(text)
    const run = await harvest()
    expect(run).toMatchObject({ status: 'failed', seen: 0 })
    expect(run.error).toMatch(/^invalid_utf8/)
  })

  it('reads an Excel "CSV UTF-8" file: BOM, semicolons, CRLF, decimal commas', async () => {
    body = [
      '\uFEFFid;title;url;language;effort;subjects',
      `${idOf('excel')};"Économie; une introduction";https://sheet-mooc.example/eco;Français;3,5 heures par semaine;0311`,
      '',
    ].join('\r\n')
    expect(await harvest()).toMatchObject({ status: 'succeeded', added: 1, rejected: 0 })
    const { course, subjects } = await courseOf('excel')
    expect(course).toMatchObject({
      title: 'Économie; une introduction',
      language: 'fr',
      effort_hours_per_week: 3.5,
    })
    expect(subjects).toEqual(['0311'])
  })

  it('refuses a file of more than 100,000 rows without saving any of it', async () => {
    const rows = Array.from(
      { length: 100_001 },
      (_, i) => `${idOf(`r${i}`)},R${i},https://sheet-mooc.example/r${i}`,
    )
    body = `id,title,url\n${rows.join('\n')}\n`
    const run = await harvest()
    expect(run).toMatchObject({ status: 'failed', seen: 0 })
    expect(run.error).toBe(
      'bad page: the file has more than 100000 rows after the header, the most one file may have',
    )
  })

  it('fails on a quoted field that is never closed, naming the line it opens on', async () => {
    body = `${fixture().trimEnd()}\n${idOf('open')},"Never closed,https://sheet-mooc.example/o\n`
    expect((await harvest()).error).toBe(
      'bad page: line 12: a quoted field opens here and is never closed (a missing ")',
    )
  })

  it('refuses an HTML page served instead of the file, and a header without rows', async () => {
    body = '<!DOCTYPE html><html><body>Sign in to continue</body></html>'
    expect((await harvest()).error).toMatch(/the file is HTML, not CSV/)
    body = 'id,title,url\n'
    expect((await harvest()).error).toMatch(/header but no rows; refusing to withdraw every course/)
  })
})

describe('reading CSV records', () => {
  it('keeps separators, doubled quotes and line breaks inside quotes, and numbers lines as an editor does', () => {
    const text = 'a,b\r\n"x, ""y""","1\r\n2"\r\n\r\n,\rlast,"z"'
    expect(readCsvRecords(text, ',', 10)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, "y"', '1\r\n2'] },
      { line: 6, fields: ['last', 'z'] },
    ])
  })

  it('detects the separator from the header line only', () => {
    expect(detectSeparator('id;title;url\n"a,b,c,d";x;y')).toBe(';')
    expect(detectSeparator('id,title,url\na;b;c;d;e,x,y')).toBe(',')
  })

  it('groups the rows of one id into one course, its runs keyed by start date', () => {
    const [course] = readCourses(
      'id,title,url,language,start,summary\nc1,Old,https://a.example/c1,ru,2026-01-01,Кратко\nc1,New,https://a.example/c1,,2026-06-01,\n',
    )
    expect(course).toBeInstanceOf(CsvCourse)
    expect(course instanceof CsvCourse && [...course.runs.keys()]).toEqual(['2026-01-01', '2026-06-01'])
  })

  it('ignores unnamed (blank) columns of a spreadsheet export and reads header names loosely', () => {
    const records = readCourses('ID, Course-Number ,Title,URL,,\nc1,X1,T,https://a.example/c1,,\n')
    expect(records).toHaveLength(1)
    expect(records[0]).toBeInstanceOf(CsvCourse)
  })
})

describe('parsing one course', () => {
  const ctx = {
    source: {
      baseUrl: 'https://a.example/catalog.csv',
      defaultLanguage: 'en',
      orgMap: {},
    } as unknown as Source,
    platform: { id: 'p', institutionId: null } as unknown as Platform,
    institutionIds: new Set(['tsinghua']),
    subjectCodes: new Set(['0613', '0541']),
  }
  const parse = (text: string) => csv.parseRecord(readCourses(text)[0], ctx)

  it('keeps known ISCED-F codes as subjects and words as keywords, dropping unknown codes', () => {
    const result = parse(
      'id,title,url,institution,subjects\nc1,T,https://a.example/c1,tsinghua,0613|9999;Data science; 0541 ;x\n',
    )
    expect(result).toMatchObject({ record: { subjects: ['0613', '0541'], keywords: ['Data science'] } })
  })

  it('rejects a course without an institution when the platform has no operator', () => {
    expect(parse('id,title,url\nc1,T,https://a.example/c1\n')).toEqual({
      rejected: { key: 'c1', reason: 'line 2: no institution: fill the institution column' },
    })
  })
})

describe('the documentation of the format', () => {
  const doc = readFileSync(new URL('../../../docs/csv-format.md', import.meta.url), 'utf8')

  it('describes every column', () => {
    for (const column of columnNames()) expect(doc, column).toContain(`| \`${column}\``)
    expect(Object.keys(CSV_COLUMNS)).toEqual(columnNames())
  })

  it('has an example of the offer columns that reads as it says', () => {
    const example = [...doc.matchAll(/```csv\n([\s\S]*?)```/g)].at(-1)?.[1] ?? ''
    const ctx = {
      source: { baseUrl: 'https://a.example/x.csv', defaultLanguage: 'en', orgMap: {} } as unknown as Source,
      platform: { id: 'p', institutionId: 'op' } as unknown as Platform,
      institutionIds: new Set<string>(),
      subjectCodes: new Set<string>(),
    }
    const offers = readCourses(example).map((r) => {
      const result = csv.parseRecord(r, ctx)
      return 'record' in result ? offerOf({ ...result.record, ...money(result.record.price) }) : result
    })
    expect(offers).toEqual([
      ['free', 'none', null, null],
      ['free', 'paid', 49, 'USD'],
      ['paid', 'paid', 1200, 'EUR'],
    ])
  })

  it('has an example file that reads without a rejected row', () => {
    const example = /```csv\n([\s\S]*?)```/.exec(doc)?.[1] ?? ''
    const records = readCourses(example)
    expect(records.length).toBeGreaterThan(1)
    expect(records.every((r) => r instanceof CsvCourse)).toBe(true)
  })
})
