// The filters beside the search results: one fieldset of checkboxes per facet, each value with the
// count the search answered (disjunctive: a facet's counts ignore its own selection). A GET form that
// keeps the query, so it works without JavaScript.
import { Access, Availability, Certificate, Level } from '../catalog/course.ts'
import { Facet } from '../catalog/facet-form.tsx'
import type { FacetCount } from '../catalog/facet-repository.ts'
import type { PageContext } from '../http/layout.tsx'
import { languageName } from '../i18n/format.ts'
import { nameIn, nameLanguage, type Institution } from '../institutions/institution.ts'
import type { Platform } from '../institutions/platform.ts'
import { labelIn, type Subject } from '../subjects/subject.ts'
import { FACETS, type FacetName } from './index/search-index.ts'

export interface SearchFacetsProps {
  page: PageContext
  q: string
  facets: Record<FacetName, Record<string, number>>
  /** The counts are estimates (a sample of a very large result). */
  approximate: boolean
  selected: Partial<Record<FacetName, readonly string[] | undefined>>
  subjects: Map<string, Subject>
  institutions: Map<string, Institution>
  platforms: Map<string, Platform>
}

/** Facets whose values have a natural order, shown in it rather than by count. */
const ORDERED: Partial<Record<FacetName, readonly string[]>> = {
  level: Level.options,
  availability: Availability.options,
  access: Access.options,
  certificate: Certificate.options,
}
const LONG = new Set<FacetName>(['subject', 'institution', 'language', 'subtitle'])

export function SearchFacets(props: SearchFacetsProps) {
  const { page, q, facets, selected, approximate } = props
  const { t } = page
  const label = labels(props)
  return (
    <form method="get" action="/search" aria-label={t('search.filters')}>
      {q && <input type="hidden" name="q" value={q} />}
      {approximate && <p class="hint">{t('search.approximate')}</p>}
      {FACETS.map((name) => (
        <Facet
          page={page}
          name={name}
          counts={shown(name, facets[name], selected[name] ?? [])}
          selected={selected[name]}
          label={label[name]}
          scroll={LONG.has(name)}
        />
      ))}
      <p>
        <button type="submit">{t('catalog.apply')}</button>{' '}
        <a href={q ? `/search?${new URLSearchParams({ q }).toString()}` : '/search'}>{t('catalog.clear')}</a>
      </p>
    </form>
  )
}

/**
 * The values to offer. Subjects: the broad fields, and under each selected field the fields it
 * contains (ISCED-F codes nest by prefix: 06 ⊃ 061 ⊃ 0613), in code order.
 */
function shown(name: FacetName, counts: Record<string, number>, selected: readonly string[]): FacetCount[] {
  const all = Object.entries(counts).map(([value, count]) => ({ value, count }))
  const order = ORDERED[name]
  if (order) return all.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value))
  if (name === 'subject')
    return all
      .filter(
        ({ value }) =>
          value.length === 2 ||
          selected.some((s) => s.startsWith(value) || (value.startsWith(s) && value.length === s.length + 1)),
      )
      .sort((a, b) => (a.value < b.value ? -1 : 1))
  return all.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
}

function labels({ page, subjects, institutions, platforms }: SearchFacetsProps) {
  const { t, locale } = page
  const language = (v: string) => languageName(v, locale)
  const known = <T extends string>(values: readonly T[], v: string) => values.find((x) => x === v)
  return {
    subject: (code: string) => {
      const s = subjects.get(code)
      return s ? labelIn(s, locale) : code
    },
    language,
    subtitle: language,
    institution: (id: string) => {
      const inst = institutions.get(id)
      return inst ? <span lang={nameLanguage(inst.names, locale)}>{nameIn(inst.names, locale)}</span> : id
    },
    platform: (id: string) => platforms.get(id)?.name ?? id,
    level: (v: string) => {
      const level = known(Level.options, v)
      return level ? t(`level.${level}`) : v
    },
    availability: (v: string) => {
      const a = known(Availability.options, v)
      return a ? t(`availability.${a}`) : v
    },
    access: (v: string) => {
      const a = known(Access.options, v)
      return a ? t(`offer.access.${a}`) : v
    },
    certificate: (v: string) => {
      const c = known(Certificate.options, v)
      return c ? t(`offer.certificate.${c}`) : v
    },
  } satisfies Record<FacetName, (value: string) => unknown>
}
