// Mapping one schema.org Course to a HarvestRecord: keys, types, languages, providers through the org
// map, levels, keywords, instances (schedules, workloads, self-paced modes) and rejections with reasons.
import { describe, expect, it } from 'vitest'
import { sourceOf } from '../../../test/factories.ts'
import type { Platform } from '../../institutions/platform.ts'
import type { HarvestRecord, ParseResult } from '../harvest-record.ts'
import type { Source } from '../source.ts'
import type { ParseContext } from './connector.ts'
import { hasType, jsonLdGraph, type JsonObject } from './json-ld.ts'
import { courseRecord } from './schema-org-course.ts'

const PAGE = 'https://courses.example.edu/c/open-science'

function context(overrides: Partial<Source> = {}, institutionId: string | null = null): ParseContext {
  const source = sourceOf({
    id: 's',
    platformId: 'p',
    format: 'jsonld-sitemap',
    baseUrl: 'https://courses.example.edu/sitemap.xml',
    orgMap: { 'Open Science Institute': 'osi', 'https://www.wikidata.org/wiki/Q42': 'wiki' },
    ratePerMinute: 20,
    ...overrides,
  })
  const platform: Platform = {
    id: 'p',
    name: 'P',
    software: 'other',
    baseUrl: 'https://courses.example.edu',
    institutionId,
    createdAt: '',
    updatedAt: '',
  }
  return { source, platform, institutionIds: new Set(['osi', 'wiki', 'uni']), subjectCodes: new Set() }
}

const course = (fields: JsonObject = {}): JsonObject => ({
  '@type': 'Course',
  name: 'Open Science',
  provider: { '@type': 'Organization', name: 'Open Science Institute' },
  ...fields,
})

function parse(value: JsonObject | JsonObject[], ctx = context()): ParseResult {
  const graph = jsonLdGraph({ value }, PAGE)
  const found = graph.nodes.find((n) => hasType(n, 'Course'))
  if (!found) throw new Error('no course in the test value')
  return courseRecord({ course: found, graph, fallbackKey: PAGE }, ctx)
}

function record(value: JsonObject | JsonObject[], ctx = context()): HarvestRecord {
  const result = parse(value, ctx)
  if (!('record' in result)) throw new Error(`not accepted: ${JSON.stringify(result)}`)
  return result.record
}

describe('courseRecord', () => {
  it('keys a record by its absolute @id, else by the page URL', () => {
    expect(record(course({ '@id': '#course' }))).toMatchObject({ recordKey: `${PAGE}#course`, url: PAGE })
    expect(record(course({ '@id': '_:b1', url: '/c/other' }))).toMatchObject({
      recordKey: PAGE,
      listingKey: PAGE,
      url: 'https://courses.example.edu/c/other',
    })
    expect(parse(course({ '@id': `https://x.example/${'a'.repeat(300)}` }))).toMatchObject({
      rejected: { reason: 'the record key (@id or page URL) is longer than 255 characters' },
    })
  })

  it('reads the language from inLanguage, then availableLanguage, then the source, else und', () => {
    expect(record(course({ inLanguage: 'pt_BR' })).language).toBe('pt-BR')
    expect(record(course({ availableLanguage: ['Español', 'English'] })).language).toBe('es')
    expect(record(course({ inLanguage: 'Klingonese' }), context({ defaultLanguage: 'ru' })).language).toBe(
      'ru',
    )
    expect(record(course()).language).toBe('und')
  })

  it('maps a provider by name, sameAs or @id, or falls back to the platform operator', () => {
    const bySameAs = course({
      provider: { '@id': '#p', name: 'X', sameAs: 'https://www.wikidata.org/wiki/Q42' },
    })
    expect(record(bySameAs).institutions).toEqual(['wiki'])
    expect(record(course({ provider: 'UNI' })).institutions).toEqual(['uni'])
    const unknown = course({ provider: [{ '@type': 'Organization', name: 'Elsewhere U' }] })
    expect(record(unknown, context({}, 'uni')).institutions).toEqual(['uni'])
    expect(parse(unknown)).toEqual({
      rejected: {
        key: PAGE,
        reason: `none of "Elsewhere U" is mapped to an institution; add one to the source's orgMap`,
      },
    })
    expect(parse(course({ provider: undefined }))).toMatchObject({
      rejected: { reason: "no provider is mapped to an institution; add one to the source's orgMap" },
    })
  })

  it('reads levels, keywords, course codes and an abstract as the summary', () => {
    const r = record(
      course({
        educationalLevel: { '@type': 'DefinedTerm', name: 'Advanced' },
        about: ['Open Science', { '@type': 'Thing', name: 'Statistics' }],
        teaches: { '@type': 'DefinedTerm', name: 'R programming' },
        keywords: ['open science', 'reproducibility; ethics'],
        courseCode: ' OS<b>101</b> ',
        abstract: 'A short one.',
        description: 'A long one.',
      }),
    )
    expect(r).toMatchObject({
      level: 'advanced',
      keywords: ['open science', 'Statistics', 'R programming', 'reproducibility', 'ethics'], // one of each, case aside
      courseNumber: 'OS101',
      summary: 'A short one.',
      description: 'A long one.',
    })
    expect(record(course({ educationalLevel: 'Intermediate' })).level).toBe('intermediate')
    expect(record(course({ educationalLevel: 'All levels' })).level).toBeNull()
  })

  it('reads a licence given as a URL, a text or a CreativeWork, and none from anything else', () => {
    const licenseOf = (license: unknown) => record(course({ license })).license ?? null
    expect(licenseOf('https://creativecommons.org/licenses/by-sa/4.0/')).toBe('CC-BY-SA-4.0')
    expect(licenseOf('cc-by-nc-4.0')).toBe('CC-BY-NC-4.0')
    expect(licenseOf(['Do what you like', 'http://creativecommons.org/publicdomain/zero/1.0/'])).toBe(
      'CC0-1.0',
    )
    expect(licenseOf({ '@value': 'MIT' })).toBe('MIT')
    expect(licenseOf({ '@type': 'CreativeWork', url: 'https://spdx.org/licenses/Apache-2.0.html' })).toBe(
      'Apache-2.0',
    )
    expect(licenseOf({ '@id': 'https://creativecommons.org/licenses/by/3.0/de/' })).toBe('CC-BY-3.0-DE')
    expect(licenseOf({ '@type': 'CreativeWork', name: 'All rights reserved' })).toBe('proprietary')
    const referenced = record([
      course({ license: { '@id': '#terms' } }),
      { '@type': 'CreativeWork', '@id': '#terms', url: 'https://creativecommons.org/licenses/by-nd/4.0/' },
    ])
    expect(referenced.license).toBe('CC-BY-ND-4.0')
    for (const hostile of [undefined, 42, 'x'.repeat(50_000), { url: { nested: true } }, [[['MIT']]], 'Open'])
      expect('license' in record(course({ license: hostile })), String(hostile).slice(0, 20)).toBe(false)
  })

  it('reads instances: runs by start date, self-paced modes, schedules, workloads and instructors', () => {
    const r = record(
      course({
        timeRequired: 'P6W',
        hasCourseInstance: [
          {
            '@type': 'CourseInstance',
            courseMode: ['Online', 'MOOC'],
            startDate: '2027-01-11T00:00:00+03:00',
            endDate: '2027-02-22',
            courseWorkload: 'PT30H',
            instructor: [
              'Ana Lima',
              { '@type': 'Person', name: 'Li Wei' },
              { '@type': 'Organization', name: 'OSI' },
            ],
          },
          { '@type': 'CourseInstance', courseMode: 'self-paced', startDate: '2027-01-11' },
          { '@type': 'CourseInstance', courseMode: 'Online' },
        ],
      }),
    )
    expect(r.runs).toEqual([
      expect.objectContaining({
        runKey: '2027-01-11',
        pacing: 'instructor',
        startsOn: '2027-01-11',
        endsOn: '2027-02-22',
      }),
      expect.objectContaining({
        runKey: '2027-01-11-2',
        pacing: 'self',
        startsOn: '2027-01-11',
        endsOn: null,
      }),
      expect.objectContaining({ runKey: 'self-paced', pacing: 'self', startsOn: null }),
    ])
    expect(r).toMatchObject({ weeks: 6, effortHoursPerWeek: 5, instructors: ['Ana Lima', 'Li Wei'] })
  })

  it('reads a daily schedule as hours per week and leaves a total workload without weeks unused', () => {
    const daily = course({
      hasCourseInstance: {
        courseSchedule: { '@type': 'Schedule', duration: 'PT30M', repeatFrequency: 'P1D', repeatCount: 28 },
      },
    })
    expect(record(daily)).toMatchObject({ effortHoursPerWeek: 3.5, weeks: 4 })
    const total = course({ hasCourseInstance: { courseWorkload: 'PT22H' } })
    expect(record(total)).toMatchObject({ effortHoursPerWeek: null, weeks: null })
    const text = course({ hasCourseInstance: { courseWorkload: '3-5 hours per week' } })
    expect(record(text).effortHoursPerWeek).toBe(4)
  })

  it('rejects a course without a name, and reads a name given as language-tagged values', () => {
    expect(parse(course({ name: '  ' }))).toEqual({
      rejected: { key: PAGE, reason: 'the course has no name' },
    })
    expect(record(course({ name: [{ '@value': 'Offene Wissenschaft', '@language': 'de' }] })).title).toBe(
      'Offene Wissenschaft',
    )
  })

  it('accepts prefixed and multiple types', () => {
    expect(record(course({ '@type': ['https://schema.org/Course', 'Product'] })).title).toBe('Open Science')
  })
})
