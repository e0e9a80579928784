// Reading licences as feeds write them, hostile values included: nothing throws, and a value that
// names no licence moocx knows is null.
import { describe, expect, it } from 'vitest'
import { License } from '../catalog/course.ts'
import { firstLicense, KNOWN_LICENSES, normalizeLicense } from './normalize-license.ts'

describe('normalizeLicense', () => {
  it.each([
    ['https://creativecommons.org/licenses/by-sa/4.0/', 'CC-BY-SA-4.0'],
    ['http://creativecommons.org/licenses/by/4.0', 'CC-BY-4.0'],
    ['//creativecommons.org/licenses/by-nc/3.0/', 'CC-BY-NC-3.0'],
    ['https://www.creativecommons.org/licenses/by-nc-sa/2.5/', 'CC-BY-NC-SA-2.5'],
    ['https://creativecommons.org/licenses/by-nc-nd/4.0/deed.de', 'CC-BY-NC-ND-4.0'],
    ['https://creativecommons.org/licenses/by-nd/4.0/legalcode.fr', 'CC-BY-ND-4.0'],
    ['HTTPS://CreativeCommons.org/Licenses/BY-SA/2.0/', 'CC-BY-SA-2.0'],
    ['https://creativecommons.org/licenses/by/1.0/', 'CC-BY-1.0'],
    ['https://creativecommons.org/licenses/by-nd-nc/1.0/', 'CC-BY-NC-ND-1.0'],
    ['https://creativecommons.org/licenses/by-sa/3.0/de/', 'CC-BY-SA-3.0-DE'],
    ['https://creativecommons.org/licenses/by/3.0/igo/', 'CC-BY-3.0-IGO'],
    ['https://creativecommons.org/licenses/by-sa/2.0/uk/', 'CC-BY-SA-2.0-UK'],
    ['https://creativecommons.org/licenses/by-nc-sa/2.0/fr/deed.fr', 'CC-BY-NC-SA-2.0-FR'],
    ['https://creativecommons.org/licenses/by/3.0/fr/', 'CC-BY-3.0'],
    ['https://creativecommons.org/licenses/by-sa/2.1/jp/', 'CC-BY-SA-2.1-JP'],
    ['https://creativecommons.org/publicdomain/zero/1.0/', 'CC0-1.0'],
    ['http://creativecommons.org/publicdomain/zero/1.0/legalcode', 'CC0-1.0'],
    ['https://spdx.org/licenses/CC-BY-SA-4.0.html', 'CC-BY-SA-4.0'],
    ['https://spdx.org/licenses/MIT.html', 'MIT'],
    ['http://spdx.org/licenses/apache-2.0', 'Apache-2.0'],
    ['https://spdx.org/licenses/GPL-3.0-or-later.json', 'GPL-3.0-or-later'],
    ['CC-BY-SA-4.0', 'CC-BY-SA-4.0'],
    ['cc-by-nc-nd-4.0', 'CC-BY-NC-ND-4.0'],
    ['  CC BY-SA 4.0 ', 'CC-BY-SA-4.0'],
    ['CC_BY_4.0', 'CC-BY-4.0'],
    ['cc0-1.0', 'CC0-1.0'],
    ['mit', 'MIT'],
    ['APACHE-2.0', 'Apache-2.0'],
    ['bsd-3-clause', 'BSD-3-Clause'],
    ['BSD-2-Clause', 'BSD-2-Clause'],
    ['MPL-2.0', 'MPL-2.0'],
    ['GPL-3.0', 'GPL-3.0-only'],
    ['GPL-2.0+', 'GPL-2.0-or-later'],
    ['lgpl-2.1-or-later', 'LGPL-2.1-or-later'],
    ['AGPL-3.0-or-later', 'AGPL-3.0-or-later'],
    ['GFDL-1.3', 'GFDL-1.3-only'],
    ['proprietary', 'proprietary'],
    ['Proprietary License', 'proprietary'],
    ['All rights reserved', 'proprietary'],
    ['© 2025 Graz University of Technology. All rights reserved.', 'proprietary'],
    ['Alle Rechte vorbehalten', 'proprietary'],
    ['This work is licensed under https://creativecommons.org/licenses/by/4.0/ (attribution).', 'CC-BY-4.0'],
    ['Lizenz: <a href="http://creativecommons.org/licenses/by-sa/3.0/de/">CC BY-SA</a>', 'CC-BY-SA-3.0-DE'],
    ['See https://spdx.org/licenses/CC0-1.0.html', 'CC0-1.0'],
  ])('reads %j as %s', (value, license) => {
    expect(normalizeLicense(value)).toBe(license)
  })

  it.each([
    ['an unknown identifier', 'WTFPL-9'],
    ['a CC licence without version', 'https://creativecommons.org/licenses/by-sa/'],
    ['a CC version that does not exist unported', 'https://creativecommons.org/licenses/by/2.1/'],
    ['a CC family that does not exist', 'https://creativecommons.org/licenses/sa/4.0/'],
    ['the public domain mark (not an SPDX licence)', 'https://creativecommons.org/publicdomain/mark/1.0/'],
    ['an spdx.org URL of an unknown id', 'https://spdx.org/licenses/Nope-1.0.html'],
    ['some rights reserved', 'Some rights reserved'],
    ['free text', 'Free to use for students'],
    [
      'a look-alike host',
      'https://creativecommons.org.evil.example/x https://notcreativecommons.org/licenses/by/4.0/',
    ],
    ['an empty text', '   '],
    ['a huge text', `https://creativecommons.org/licenses/by/4.0/ ${'x'.repeat(100_000)}`],
    ['a number', 4],
    ['an object', { identifier: 'MIT' }],
    ['a list', ['MIT']],
    ['null', null],
    ['undefined', undefined],
    ['a boolean', true],
  ])('gives null for %s', (_, value) => {
    expect(normalizeLicense(value)).toBeNull()
  })

  it('reads a long hostile text quickly', () => {
    const started = performance.now()
    for (const text of [
      'creativecommons.org/licenses/by'.repeat(60),
      `//spdx.org/licenses/${'a'.repeat(1_900)}`,
    ])
      expect(normalizeLicense(text)).toBeNull()
    expect(performance.now() - started).toBeLessThan(200)
  })

  it('gives only identifiers a course may carry', () => {
    for (const id of KNOWN_LICENSES) {
      expect(License.safeParse(id).success, id).toBe(true)
      expect(normalizeLicense(id)).toBe(id)
      expect(normalizeLicense(id.toLowerCase())).toBe(id)
    }
  })
})

describe('firstLicense', () => {
  it('takes the first value that names a licence', () => {
    expect(firstLicense([null, 'nonsense', 'https://creativecommons.org/licenses/by/4.0/', 'MIT'])).toBe(
      'CC-BY-4.0',
    )
    expect(firstLicense([])).toBeNull()
    expect(firstLicense([{}, 7, 'nothing'])).toBeNull()
  })
})
