// A course in a list: title in its own language, who offers it, language, level, availability.
// `show` renders the course's own texts (title, summary): search marks the words it matched.
import type { Institution } from '../institutions/institution.ts'
import { nameIn, nameLanguage } from '../institutions/institution.ts'
import { languageName } from '../i18n/format.ts'
import type { Child } from 'hono/jsx'
import type { PageContext } from '../http/layout.tsx'
import type { Course } from './course.ts'

export function CourseCard({
  page,
  course,
  institutions,
  show = (text) => text,
}: {
  page: PageContext
  course: Course
  institutions: Map<string, Institution>
  show?: (text: string) => Child
}) {
  const { t, locale } = page
  return (
    <li class="card">
      <h3>
        <a href={`/courses/${encodeURIComponent(course.id)}`} lang={course.language}>
          {show(course.title)}
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
      {course.summary && <p lang={course.language}>{show(course.summary)}</p>}
      <p>
        {course.origin === 'demo' && <span class="badge badge-demo">{t('course.demo')}</span>}
        {course.availability.map((a) => (
          <span class="badge">{t(`availability.${a}`)}</span>
        ))}
      </p>
    </li>
  )
}
