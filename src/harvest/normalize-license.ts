// Turns the licence values feeds send (Creative Commons URLs of any version or port, spdx.org URLs,
// SPDX identifiers in any case, "all rights reserved") into an SPDX identifier or `proprietary`.
// Anything else, hostile values included, is null: moocx never guesses a licence.

/** Longer values are not licence names or URLs; this also bounds the work done on hostile input. */
const MAX_LENGTH = 2_000

const CC_FAMILIES = ['by', 'by-sa', 'by-nd', 'by-nc', 'by-nc-sa', 'by-nc-nd'] as const
const CC_VERSIONS = ['1.0', '2.0', '2.5', '3.0', '4.0'] as const

/** Ported Creative Commons licences that SPDX lists under an identifier of their own. */
// prettier-ignore
const CC_PORTS: readonly string[] = [
  'CC-BY-2.5-AU', 'CC-BY-3.0-AT', 'CC-BY-3.0-AU', 'CC-BY-3.0-DE', 'CC-BY-3.0-IGO', 'CC-BY-3.0-NL',
  'CC-BY-3.0-US', 'CC-BY-NC-3.0-DE', 'CC-BY-NC-ND-3.0-DE', 'CC-BY-NC-ND-3.0-IGO', 'CC-BY-NC-SA-2.0-DE',
  'CC-BY-NC-SA-2.0-FR', 'CC-BY-NC-SA-2.0-UK', 'CC-BY-NC-SA-3.0-DE', 'CC-BY-NC-SA-3.0-IGO', 'CC-BY-ND-3.0-DE',
  'CC-BY-SA-2.0-UK', 'CC-BY-SA-2.1-JP', 'CC-BY-SA-3.0-AT', 'CC-BY-SA-3.0-DE', 'CC-BY-SA-3.0-IGO',
]

/** Licences courses and their materials are likely to carry, as SPDX spells them. */
// prettier-ignore
const OTHER_IDS: readonly string[] = [
  'CC0-1.0', 'CC-PDDC', 'MIT', 'MIT-0', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD', 'ISC',
  'MPL-2.0', 'EPL-2.0', 'EUPL-1.2', 'Unlicense', 'Artistic-2.0', 'Zlib', 'PDDL-1.0', 'ODbL-1.0',
  'ODC-By-1.0', 'OFL-1.1', 'GPL-2.0-only', 'GPL-2.0-or-later', 'GPL-3.0-only', 'GPL-3.0-or-later',
  'LGPL-2.1-only', 'LGPL-2.1-or-later', 'LGPL-3.0-only', 'LGPL-3.0-or-later', 'AGPL-3.0-only',
  'AGPL-3.0-or-later', 'GFDL-1.2-only', 'GFDL-1.2-or-later', 'GFDL-1.3-only', 'GFDL-1.3-or-later',
]

/** SPDX identifiers deprecated for the `-only` / `-or-later` forms, and `+` suffixes. */
const DEPRECATED: Readonly<Record<string, string>> = {
  'gpl-2.0': 'GPL-2.0-only',
  'gpl-2.0+': 'GPL-2.0-or-later',
  'gpl-3.0': 'GPL-3.0-only',
  'gpl-3.0+': 'GPL-3.0-or-later',
  'lgpl-2.1': 'LGPL-2.1-only',
  'lgpl-2.1+': 'LGPL-2.1-or-later',
  'lgpl-3.0': 'LGPL-3.0-only',
  'lgpl-3.0+': 'LGPL-3.0-or-later',
  'agpl-3.0': 'AGPL-3.0-only',
  'agpl-3.0+': 'AGPL-3.0-or-later',
  'gfdl-1.3': 'GFDL-1.3-only',
  'gfdl-1.2': 'GFDL-1.2-only',
}

const CC_IDS = CC_FAMILIES.flatMap((family) => CC_VERSIONS.map((v) => `CC-${family.toUpperCase()}-${v}`))

/** Every identifier moocx recognises, by lower case. */
const KNOWN: ReadonlyMap<string, string> = new Map(
  [...CC_IDS, ...CC_PORTS, ...OTHER_IDS].map((id) => [id.toLowerCase(), id]),
)

/** The licences moocx recognises, as SPDX spells them (for tests and documentation). */
export const KNOWN_LICENSES: readonly string[] = [...KNOWN.values()]

const PROPRIETARY = /^proprietary(?: licen[cs]e)?\.?$|\ball rights reserved\b|\balle rechte vorbehalten\b/i
const CC_URL =
  /(?:https?:)?\/\/(?:www\.)?creativecommons\.org\/(?:licenses\/(by(?:-nc)?(?:-sa|-nd|-nd-nc)?)\/(\d\.\d)(?:\/([a-z]{2,3})(?=\/|$|[\s"'<>)]))?|publicdomain\/zero\/1\.0)/i
const SPDX_URL =
  /(?:https?:)?\/\/(?:www\.)?spdx\.org\/licenses\/([A-Za-z0-9.+-]{1,64}?)(?:\.html|\.json)?(?=[/?#\s"'<>)]|$)/i

/**
 * The SPDX identifier (or `proprietary`) a value names: an identifier in any case or spacing
 * (`cc by-sa 4.0`), a Creative Commons or spdx.org URL alone or inside a sentence (`dc:rights`),
 * or a proprietary notice (`proprietary`, `All rights reserved`). Null for anything else, and for values that are not strings.
 */
export function normalizeLicense(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return null
  const text = value.trim()
  if (text === '') return null
  const id = knownId(text)
  if (id) return id
  const cc = CC_URL.exec(text)
  if (cc) return ccLicense(cc[1], cc[2], cc[3])
  const spdx = SPDX_URL.exec(text)?.[1]
  const named = spdx ? knownId(spdx) : null
  if (named) return named
  // `© 2025 X. All rights reserved.`: a notice that keeps every right, checked after URLs since a
  // sentence may quote both.
  return PROPRIETARY.test(text) ? 'proprietary' : null
}

/** The first of several values that names a licence. */
export function firstLicense(values: readonly unknown[]): string | null {
  for (const value of values) {
    const license = normalizeLicense(value)
    if (license) return license
  }
  return null
}

/** A bare identifier: `CC-BY-SA-4.0`, `cc by-sa 4.0`, `CC_BY_4.0`, `GPL-3.0+`, `MIT`. */
function knownId(text: string): string | null {
  if (text.length > 64) return null
  const key = text.toLowerCase().replace(/[\s_]+/g, '-')
  return KNOWN.get(key) ?? DEPRECATED[key] ?? null
}

/** `by-sa` `4.0` (`de`) → CC-BY-SA-4.0; no family: CC0. */
function ccLicense(family: string | undefined, version: string | undefined, port: string | undefined) {
  if (!family || !version) return 'CC0-1.0'
  // CC 1.0 wrote the non-commercial no-derivatives licence `by-nd-nc`; SPDX calls it CC-BY-NC-ND-1.0.
  const name = family.toLowerCase() === 'by-nd-nc' ? 'by-nc-nd' : family.toLowerCase()
  const generic = `cc-${name}-${version}`
  if (port) {
    const ported = KNOWN.get(`${generic}-${port.toLowerCase() === 'gb' ? 'uk' : port.toLowerCase()}`)
    if (ported) return ported
  }
  // A port SPDX does not list (by/3.0/fr) is the same licence adapted to one country's law: the
  // version's generic identifier names its terms; ports of versions without one (2.1) say nothing.
  return KNOWN.get(generic) ?? null
}
