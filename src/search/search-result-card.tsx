// A course in the search results: the catalog's course card with the words the search matched in its
// title and summary marked. The text stays text (escaped); only the <mark> elements are markup.
import type { Course } from '../catalog/course.ts'
import type { PageContext } from '../http/layout.tsx'
import { languageName } from '../i18n/format.ts'
import { nameIn, nameLanguage, type Institution } from '../institutions/institution.ts'
import { highlight, type QueryTerms } from './highlight.ts'

export function SearchResultCard({
  page,
  course,
  institutions,
  terms,
}: {
  page: PageContext
  course: Course
  institutions: Map<string, Institution>
  terms: QueryTerms
}) {
  const { t, locale } = page
  return (
    <li class="card">
      <h3>
        <a href={`/courses/${encodeURIComponent(course.id)}`} lang={course.language}>
          <Marked text={course.title} language={course.language} terms={terms} />
        </a>
      </h3>
      <p class="meta">
        {course.institutions.map((id, i) => {
          const inst = institutions.get(id)
          return (
            <>
              {i > 0 && ', '}
              <span lang={inst ? nameLanguage(inst.names, locale) : undefined}>
                {inst ? nameIn(inst.names, locale) : id}
              </span>
            </>
          )
        })}
        {' · '}
        {languageName(course.language, locale)}
        {course.level && ` · ${t(`level.${course.level}`)}`}
      </p>
      {course.summary && (
        <p lang={course.language}>
          <Marked text={course.summary} language={course.language} terms={terms} />
        </p>
      )}
      <p>
        {course.origin === 'demo' && <span class="badge badge-demo">{t('course.demo')}</span>}
        {course.availability.map((a) => (
          <span class="badge">{t(`availability.${a}`)}</span>
        ))}
      </p>
    </li>
  )
}

/** Text with the matched words in <mark>; every piece is a text node, so nothing in it is markup. */
export function Marked({ text, language, terms }: { text: string; language: string; terms: QueryTerms }) {
  return <>{highlight(text, language, terms).map((p) => (p.mark ? <mark>{p.text}</mark> : p.text))}</>
}
