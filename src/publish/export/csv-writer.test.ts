// CSV cells and rows: RFC 4180 quoting, formula-injection defence, and what each column holds.
import { describe, expect, it } from 'vitest'
import type { Course } from '../../catalog/course.ts'
import { readCsvRecords } from '../../shared/csv.ts'
import type { Names } from '../record.ts'
import { csvCell, csvLine, csvRow } from './csv-writer.ts'

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    ['中文，全角逗号', '中文，全角逗号'],
  ])('writes %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell)
  })

  it.each([
    ['=1+1', "'=1+1"],
    ['+7 495 000', "'+7 495 000"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', `"'\r=cmd"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a=1', 'a=1'],
  ])('defuses %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell)
  })

  it('reads back, through an RFC 4180 reader, as the defused values', () => {
    const values = ['=1+1', 'a,"b"\r\nc', '', 'ok', '@x']
    const [record] = readCsvRecords(csvLine(values), ',', 10)
    expect(record?.fields).toEqual(["'=1+1", 'a,"b"\r\nc', '', 'ok', "'@x"])
  })
})

describe('csvRow', () => {
  const names: Names = {
    institutions: new Map([
      [
        'spbu',
        {
          id: 'spbu',
          kind: 'university',
          role: 'member',
          status: 'active',
          country: 'RU',
          names: { ru: 'СПбГУ', en: 'Saint Petersburg | State University' },
          website: null,
          logoUrl: null,
          joinedOn: null,
          createdAt: '',
          updatedAt: '',
        },
      ],
    ]),
    platforms: new Map(),
    subjects: new Map(),
  }
  const run = (startsOn: string | null) => ({
    id: `r-${startsOn}`,
    listingId: 'l1',
    runKey: null,
    pacing: 'instructor' as const,
    startsOn,
    endsOn: null,
    enrollmentOpensOn: null,
    enrollmentClosesOn: null,
    availability: 'current' as const,
    createdAt: '',
    updatedAt: '',
  })
  const listing = (id: string, platformId: string, runs: ReturnType<typeof run>[]) => ({
    id,
    courseId: 'c1',
    platformId,
    platformKey: id,
    url: `https://${platformId}.example/${id}`,
    status: 'active' as const,
    origin: 'manual' as const,
    access: 'free' as const,
    certificate: 'paid' as const,
    price: platformId === 'edx' ? { amount: 49.5, currency: 'USD' } : null,
    runs,
    createdAt: '',
    updatedAt: '',
  })
  const course: Course = {
    id: 'c1',
    language: 'ru',
    title: 'Философия',
    summary: null,
    description: null,
    level: 'advanced',
    effortHoursPerWeek: 4.5,
    weeks: 8,
    courseNumber: null,
    instructors: [],
    subtitleLanguages: [],
    translationGroup: null,
    license: 'CC-BY-4.0',
    origin: 'manual',
    institutions: ['spbu', 'unknown-inst'],
    subjects: ['0223', '0313'],
    keywords: [],
    availability: ['current'],
    listings: [
      listing('l1', 'edx', [run('2026-01-01'), run('2027-03-01')]),
      listing('l2', 'openedu', [run('2026-12-15'), run(null)]),
      listing('l3', 'edx', []),
    ],
    createdAt: '',
    updatedAt: '',
  }

  it('fills every column: lists joined by |, the first listing for url and offer, the next start after today', () => {
    expect(csvRow(course, '2026-11-29T10:15:02.123Z', names, '2026-11-29')).toEqual({
      id: 'c1',
      title: 'Философия',
      language: 'ru',
      summary: '',
      level: 'advanced',
      effort_hours_per_week: '4.5',
      weeks: '8',
      institutions: 'spbu|unknown-inst',
      institution_names: 'Saint Petersburg / State University|unknown-inst',
      subjects: '0223|0313',
      url: 'https://edx.example/l1',
      platforms: 'edx|openedu',
      access: 'free',
      certificate: 'paid',
      price: '49.5',
      currency: 'USD',
      next_start: '2026-12-15',
      license: 'CC-BY-4.0',
      updated: '2026-11-29T10:15:02Z',
    })
  })
})
