// Reading IEEE LOM records: LangStrings in both bindings, vCard contributors, ISCED-F taxa, learning time.
import { describe, expect, it } from 'vitest'
import { describeLom, lomAccess } from './lom.ts'
import { parseXml } from './oai-pmh-xml.ts'

const lom = (inner: string) =>
  describeLom(parseXml(`<lom xmlns="http://ltsc.ieee.org/xsd/LOM">${inner}</lom>`, 'x'))

const learningTime = (duration: string, note?: string) => {
  const d = lom(
    `<educational><typicalLearningTime><duration>${duration}</duration>${
      note ? `<description><string language="en">${note}</string></description>` : ''
    }</typicalLearningTime></educational>`,
  )
  return { hoursPerWeek: d.hoursPerWeek, weeks: d.weeks }
}

describe('describeLom', () => {
  it('reads LangStrings of LOM 1.0 and of the older IMS binding', () => {
    const d = lom(`<general>
      <title><string language="ru">Открытая наука</string><string language="en">Open Science</string></title>
      <description><langstring xml:lang="fr">Science ouverte</langstring></description>
      <language>ru</language></general>`)
    expect(d.titles).toEqual([
      { text: 'Открытая наука', language: 'ru' },
      { text: 'Open Science', language: 'en' },
    ])
    expect(d.descriptions).toEqual([{ text: 'Science ouverte', language: 'fr' }])
    expect(d.languages).toEqual(['ru'])
  })

  it('takes organizations from vCard ORG before names from FN, unfolding and unescaping', () => {
    const card = (lines: string) =>
      `<contribute><role><value>author</value></role><entity>${lines}</entity></contribute>`
    const d = lom(`<lifeCycle>
      ${card('BEGIN:VCARD\nVERSION:3.0\nFN:Maria Ivanova\nEND:VCARD')}
      ${card('BEGIN:VCARD\r\nVERSION:3.0\r\nFN;CHARSET=UTF-8:Saint Petersburg\r\n  State University\r\nORG:SPbU;Faculty of Philosophy\r\nEND:VCARD')}
      ${card('BEGIN:VCARD\nORG:Smith\\, Jones &amp; Co\nEND:VCARD')}
    </lifeCycle>`)
    expect(d.organizations).toEqual([
      'SPbU',
      'Smith, Jones & Co',
      'Maria Ivanova',
      'Saint Petersburg State University',
    ])
  })

  it('reads the last taxon of ISCED paths and of unnamed ones, not of other taxonomies', () => {
    const d = lom(`
      <classification><taxonPath><source><string language="en">ISCED-F 2013</string></source>
        <taxon><id>06</id><entry><string language="en">ICT</string></entry></taxon>
        <taxon><id>0611</id></taxon></taxonPath></classification>
      <classification><taxonPath><source><string language="en">UDC</string></source>
        <taxon><id>004</id></taxon></taxonPath>
        <taxonPath><taxon><entry><string language="en">0613 Software</string></entry></taxon></taxonPath></classification>`)
    expect(d.subjects).toEqual(['0611', '0613 Software'])
  })

  it('takes the URL from technical/location, then from URL identifiers', () => {
    const d =
      lom(`<general><identifier><catalog>URI</catalog><entry>https://oer.example.org/c/1</entry></identifier></general>
      <technical><location>https://oer.example.org/courses/1</location></technical>`)
    expect(d.urls).toEqual(['https://oer.example.org/courses/1', 'https://oer.example.org/c/1'])
  })

  it.each([
    ['a course length in weeks', 'P8W', undefined, { hoursPerWeek: null, weeks: 8 }],
    ['a course length in months', 'P2M', undefined, { hoursPerWeek: null, weeks: 9 }],
    ['a weekly effort in the description', 'P6W', '3-4 hours per week', { hoursPerWeek: 3.5, weeks: 6 }],
    [
      'total hours spread over the weeks the description gives',
      'PT40H',
      'over 8 weeks',
      { hoursPerWeek: 5, weeks: 8 },
    ],
    ['total hours alone, which say nothing per week', 'PT2H', undefined, { hoursPerWeek: null, weeks: null }],
    ['a length under half a week', 'P2D', undefined, { hoursPerWeek: null, weeks: null }],
    ['nonsense', 'soon', undefined, { hoursPerWeek: null, weeks: null }],
  ])('reads typicalLearningTime: %s', (_, duration, note, effort) => {
    expect(learningTime(duration, note)).toEqual(effort)
  })
})

describe('the licence of a LOM record', () => {
  const rights = (inner: string) => lom(`<rights>${inner}</rights>`).license
  const restrictions = (value: string) =>
    `<copyrightAndOtherRestrictions><source>LOMv1.0</source><value>${value}</value></copyrightAndOtherRestrictions>`

  it('reads a CC URL or SPDX id in rights/description, in either binding', () => {
    expect(
      rights(`${restrictions('yes')}<description><string language="de">Dieses Werk steht unter
        https://creativecommons.org/licenses/by-sa/4.0/deed.de</string></description>`),
    ).toBe('CC-BY-SA-4.0')
    expect(rights('<description><langstring xml:lang="en">CC BY 4.0</langstring></description>')).toBe(
      'CC-BY-4.0',
    )
    expect(rights('<description><string language="en">All rights reserved</string></description>')).toBe(
      'proprietary',
    )
  })

  it('reads a licence a profile puts in copyrightAndOtherRestrictions', () => {
    expect(rights(restrictions('https://creativecommons.org/publicdomain/zero/1.0/'))).toBe('CC0-1.0')
    expect(rights(restrictions('CC-BY-NC-ND-3.0-DE'))).toBe('CC-BY-NC-ND-3.0-DE')
  })

  it('says nothing for yes or no, free text, no rights at all or a huge description', () => {
    expect(rights(restrictions('yes'))).toBeNull()
    expect(rights(restrictions('no'))).toBeNull()
    expect(rights('<description><string language="en">Ask the author</string></description>')).toBeNull()
    expect(lom('<general><title><string>x</string></title></general>').license).toBeNull()
    const huge = `https://creativecommons.org/licenses/by/4.0/ ${'x'.repeat(50_000)}`
    expect(rights(`<description><string language="en">${huge}</string></description>`)).toBeNull()
  })
})

describe('lomAccess', () => {
  const access = (rights: string) =>
    lomAccess(parseXml(`<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><rights>${rights}</rights></lom>`, 'x'))

  it.each([
    ['LOM 1.0 no', '<cost><source>LOMv1.0</source><value>no</value></cost>', 'free'],
    ['LOM 1.0 yes', '<cost><source>LOMv1.0</source><value>yes</value></cost>', 'paid'],
    [
      'the IMS binding',
      '<cost><source><langstring xml:lang="x-none">LOMv1.0</langstring></source><value><langstring xml:lang="x-none">Yes</langstring></value></cost>',
      'paid',
    ],
    ['a bare value', '<cost>no</cost>', 'free'],
    ['an unknown value', '<cost><value>sometimes</value></cost>', null],
    ['an empty value', '<cost><value></value></cost>', null],
    ['no cost', '<copyrightAndOtherRestrictions><value>yes</value></copyrightAndOtherRestrictions>', null],
  ])('reads %s', (_, rights, expected) => {
    expect(access(rights)).toBe(expected)
  })
})
