// The catalog's filter form: one fieldset of checkboxes per facet with counts, a sort order and
// a submit button. A plain GET form, so it works without JavaScript.
import type { Child } from 'hono/jsx'
import { languageName } from '../i18n/format.ts'
import type { PageContext } from '../http/layout.tsx'
import { nameIn, nameLanguage, type Institution } from '../institutions/institution.ts'
import type { Platform } from '../institutions/platform.ts'
import { labelIn, type Subject } from '../subjects/subject.ts'
import { Availability } from './course.ts'
import type { FacetName } from '../search/index/search-index.ts'
import type { CourseFilter } from './course-filters.ts'
import type { CourseSort } from './course-repository.ts'
import type { CourseFacets, FacetCount } from './facet-repository.ts'

interface Props {
  page: PageContext
  filter: CourseFilter
  sort: CourseSort
  facets: CourseFacets
  subjects: Map<string, Subject>
  institutions: Map<string, Institution>
  platforms: Map<string, Platform>
}

const SORTS = ['title', '-title', '-updated', '-created'] as const

export function FacetForm({ page, filter, sort, facets, subjects, institutions, platforms }: Props) {
  const { t, locale } = page
  const subjectLabel = (code: string) => {
    const s = subjects.get(code)
    return s ? labelIn(s, locale) : code
  }
  const institutionLabel = (id: string) => {
    const inst = institutions.get(id)
    return inst ? <span lang={nameLanguage(inst.names, locale)}>{nameIn(inst.names, locale)}</span> : id
  }
  return (
    <form method="get" action="/courses" aria-label={t('catalog.filters')}>
      <Facet
        page={page}
        name="subject"
        counts={facets.subject}
        selected={filter.subject}
        label={subjectLabel}
        scroll
      />
      <Facet
        page={page}
        name="language"
        counts={facets.language}
        selected={filter.language}
        label={(v) => languageName(v, locale)}
      />
      <Facet
        page={page}
        name="institution"
        counts={facets.institution}
        selected={filter.institution}
        label={institutionLabel}
        scroll
      />
      <Facet
        page={page}
        name="platform"
        counts={facets.platform}
        selected={filter.platform}
        label={(v) => platforms.get(v)?.name ?? v}
      />
      <Facet
        page={page}
        name="availability"
        counts={facets.availability}
        selected={filter.availability}
        label={(v) => {
          const a = Availability.safeParse(v)
          return a.success ? t(`availability.${a.data}`) : v
        }}
      />
      <p>
        <label for="sort">{t('catalog.sort')}</label>{' '}
        <select id="sort" name="sort">
          {SORTS.map((s) => (
            <option value={s} selected={s === sort}>
              {t(`catalog.sort.${s}`)}
            </option>
          ))}
        </select>
      </p>
      <p>
        <button type="submit">{t('catalog.apply')}</button> <a href="/courses">{t('catalog.clear')}</a>
      </p>
    </form>
  )
}

export interface FacetProps {
  page: PageContext
  name: FacetName
  counts: FacetCount[]
  selected: readonly string[] | undefined
  label: (value: string) => Child
  scroll?: boolean
}

/** One facet: a fieldset of checkboxes, each value with its count; selected values stay listed. */
export function Facet({ page, name, counts, selected = [], label, scroll }: FacetProps) {
  const { t, locale } = page
  const shown = [
    ...counts,
    ...selected.filter((v) => !counts.some((c) => c.value === v)).map((value) => ({ value, count: 0 })),
  ]
  if (shown.length === 0) return null
  const number = new Intl.NumberFormat(locale)
  return (
    <fieldset class="facet">
      <legend>{t(`facet.${name}`)}</legend>
      <div class={scroll ? 'facet-scroll' : undefined}>
        {shown.map(({ value, count }) => {
          const id = `f-${name}-${value}`
          const text = label(value)
          return (
            <label for={id}>
              <input type="checkbox" id={id} name={name} value={value} checked={selected.includes(value)} />
              <span>
                {typeof text === 'string' ? (
                  t('facet.option', { label: text, count })
                ) : (
                  <>
                    {text} ({number.format(count)})
                  </>
                )}
              </span>
            </label>
          )
        })}
      </div>
    </fieldset>
  )
}
