// Reading simple Dublin Core: the licence a `dc:rights` statement names.
import { describe, expect, it } from 'vitest'
import { describeDc } from './oai-dc.ts'
import { parseXml } from './oai-pmh-xml.ts'

const dc = (inner: string) =>
  describeDc(
    parseXml(
      `<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:title>Open Science</dc:title>${inner}</oai_dc:dc>`,
      'x',
    ),
  )

describe('the licence of an oai_dc record', () => {
  it.each([
    ['<dc:rights>https://creativecommons.org/licenses/by-nc-sa/4.0/</dc:rights>', 'CC-BY-NC-SA-4.0'],
    ['<dc:rights>cc-by-4.0</dc:rights>', 'CC-BY-4.0'],
    ['<dc:rights>Licensed under https://spdx.org/licenses/CC0-1.0.html</dc:rights>', 'CC0-1.0'],
    ['<dc:rights>© 2024 SPbU</dc:rights><dc:rights>CC BY-SA 3.0</dc:rights>', 'CC-BY-SA-3.0'],
    ['<dc:rights>© 2024 SPbU. All rights reserved.</dc:rights>', 'proprietary'],
  ])('reads %s as %s', (rights, license) => {
    expect(dc(rights).license).toBe(license)
  })

  it.each([
    ['no rights element', ''],
    ['an empty one', '<dc:rights></dc:rights>'],
    ['free text', '<dc:rights>Open to everyone</dc:rights>'],
    ['a huge one', `<dc:rights>CC-BY-4.0 ${'x'.repeat(50_000)}</dc:rights>`],
    ['a licence named only in dc:description', '<dc:description>CC-BY-4.0</dc:description>'],
  ])('says nothing for %s', (_, inner) => {
    expect(dc(inner).license).toBeNull()
  })
})
