// Reads an IEEE LOM record (`http://ltsc.ieee.org/xsd/LOM`, also national profiles such as RUS_LOM)
// into what it says about the resource: multilingual strings, vCard contributors, ISCED-F taxa, learning time, cost.
import type { Access } from '../../catalog/course.ts'
import { parseDuration, parseEffort } from '../normalize-effort.ts'
import { firstLicense } from '../normalize-license.ts'
import { attr, child, path, texts, type Described, type LangText, type XmlElement } from './oai-pmh-xml.ts'

/** `lom` is the `<lom>` element inside `<metadata>`. */
export function describeLom(lom: XmlElement): Described {
  const identifiers = path(lom, 'general', 'identifier').flatMap((i) => texts(path(i, 'entry')))
  return {
    titles: langStrings(path(lom, 'general', 'title')),
    descriptions: langStrings(path(lom, 'general', 'description')),
    languages: texts(path(lom, 'general', 'language')),
    subjects: isced(lom),
    organizations: contributors(lom),
    urls: [...texts(path(lom, 'technical', 'location')), ...identifiers],
    ...learningTime(path(lom, 'educational', 'typicalLearningTime')[0]),
    license: lomLicense(lom),
  }
}

/**
 * The licence `rights` names: in its description (a CC URL or SPDX identifier in the text), or as the
 * value of copyrightAndOtherRestrictions where a profile puts one there instead of `yes`/`no`.
 */
function lomLicense(lom: XmlElement): string | null {
  const restrictions = path(lom, 'rights', 'copyrightAndOtherRestrictions').map((e) => child(e, 'value') ?? e)
  return firstLicense(
    [...langStrings(path(lom, 'rights', 'description')), ...langStrings(restrictions)]
      .slice(0, 20)
      .map((s) => s.text),
  )
}

/**
 * Whether using the resource costs (`rights/cost`, LOM vocabulary `yes` or `no`): paid or free; any
 * other value, or none, is unknown. The older IMS binding wraps the value in a langstring.
 */
export function lomAccess(lom: XmlElement): Access | null {
  const cost = path(lom, 'rights', 'cost')[0]
  if (!cost) return null
  const value = langStrings([child(cost, 'value') ?? cost])[0]
    ?.text.trim()
    .toLowerCase()
  return value === 'yes' ? 'paid' : value === 'no' ? 'free' : null
}

/**
 * The strings of LangString elements: `<string language="xx">` (LOM 1.0), `<langstring xml:lang="xx">`
 * (the older IMS binding), or bare text.
 */
export function langStrings(elements: XmlElement[]): LangText[] {
  return elements.flatMap((element) => {
    const strings = element.children.filter((c) => c.name === 'string' || c.name === 'langstring')
    if (strings.length === 0) return element.text ? [{ text: element.text, language: undefined }] : []
    return strings
      .filter((s) => s.text !== '')
      .map((s) => ({ text: s.text, language: attr(s, 'language') ?? attr(s, 'lang') }))
  })
}

/**
 * Taxon ids and entries of the last taxon of classification paths that come from ISCED (or do not say their source):
 * other taxonomies (UDC, national ones) have number codes that would be read as ISCED-F codes.
 */
function isced(lom: XmlElement): string[] {
  return path(lom, 'classification', 'taxonPath').flatMap((taxonPath) => {
    const source = langStrings(path(taxonPath, 'source'))
      .map((s) => s.text)
      .join(' ')
    if (source !== '' && !/isced/i.test(source)) return []
    // Each taxon refines the one before it (ISCED-F 06 → 061 → 0613): the path means its last one.
    const leaf = path(taxonPath, 'taxon').at(-1)
    return leaf ? [...texts(path(leaf, 'id')), ...langStrings(path(leaf, 'entry')).map((s) => s.text)] : []
  })
}

/** Organizations (vCard `ORG`), then names (`FN`), of the life cycle's contributors, in document order. */
function contributors(lom: XmlElement): string[] {
  const cards = path(lom, 'lifeCycle', 'contribute', 'entity').map((e) => vCard(e.text))
  return [...cards.flatMap((c) => c.org), ...cards.flatMap((c) => c.fn)]
}

function vCard(text: string): { org: string[]; fn: string[] } {
  const org: string[] = []
  const fn: string[] = []
  // Lines folded per RFC 6350 continue with a space or tab.
  for (const line of text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/)) {
    const m = /^\s*(ORG|FN)(?:;[^:]*)?:(.*)$/i.exec(line)
    if (!m?.[1] || m[2] === undefined) continue
    const isOrg = m[1].toUpperCase() === 'ORG'
    // ORG lists the organization, then its units, separated by unescaped semicolons.
    const value = isOrg ? (m[2].split(/(?<!\\);/)[0] ?? '') : m[2]
    const unescaped = value.replace(/\\([,;\\])/g, '$1').trim()
    if (unescaped !== '') (isOrg ? org : fn).push(unescaped)
  }
  return { org, fn }
}

/**
 * Effort from `typicalLearningTime`. A duration with calendar parts (`P8W`, `P2M`) is how many weeks
 * the course takes; a time-only one (`PT40H`) is the total work, spread over those weeks when they are
 * known (up to 80 hours, the effort parser's ceiling). The description (`4 hours per week`) wins for effort.
 */
function learningTime(element: XmlElement | undefined): Pick<Described, 'hoursPerWeek' | 'weeks'> {
  if (!element) return { hoursPerWeek: null, weeks: null }
  const iso = (child(element, 'duration') ?? child(element, 'datetime') ?? element).text.toUpperCase()
  const note = langStrings(path(element, 'description'))[0]?.text
  const fromNote = note ? parseEffort(note) : {}
  const calendarWeeks = /^P(?!T)/.test(iso) ? parseDuration(iso).weeks : undefined
  const weeks = Math.round(calendarWeeks ?? fromNote.weeks ?? 0) || null
  const totalHours = iso.startsWith('PT') ? parseEffort(iso).hoursPerWeek : undefined
  const spread = totalHours !== undefined && weeks ? Math.round((totalHours / weeks) * 100) / 100 : null
  return { hoursPerWeek: fromNote.hoursPerWeek ?? spread, weeks }
}
