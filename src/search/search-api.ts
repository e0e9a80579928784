// GET /api/v1/search: full-text search over the catalog in every language, with facet counts.
import { createRoute, z } from '@hono/zod-openapi'
import { Access, Availability, Certificate, Course, Level } from '../catalog/course.ts'
import { findCourses } from '../catalog/course-repository.ts'
import { json, listParam, newApi, readErrors } from '../http/openapi.ts'
import { today, type Deps } from '../shared/deps.ts'
import { ValidationError } from '../shared/errors.ts'
import { PageMetaSchema, pageMeta, PageQuery } from '../shared/pagination.ts'
import { LanguageTag, Slug } from '../shared/vocab.ts'
import { FACETS } from './index/search-index.ts'
import type { SearchService } from './search-service.ts'

/** Longer queries are refused: nobody types them, and they only cost work. */
export const MAX_Q = 500
/** Results past this rank are not served (deep pages of a search are never read). */
export const MAX_RANK = 10_000

const SubjectCode = z.string().regex(/^\d{2,4}$/, 'must be an ISCED-F 2013 code such as 06 or 0613')

export const SearchQuery = PageQuery.extend({
  q: z
    .string()
    .max(MAX_Q, `must be at most ${MAX_Q} characters`)
    .default('')
    .meta({ description: 'What to look for, in any language; the last word is completed as typed.' }),
  lang: LanguageTag.optional().meta({
    description: 'The language the learner reads (a hint for the query).',
  }),
  language: listParam(LanguageTag, 'Languages of instruction (primary subtag, e.g. zh).'),
  subject: listParam(SubjectCode, 'ISCED-F codes at any level.'),
  subtitle: listParam(LanguageTag, 'Subtitle languages.'),
  institution: listParam(Slug, 'Institution ids.'),
  platform: listParam(Slug, 'Platform ids.'),
  level: listParam(Level, 'introductory, intermediate or advanced.'),
  availability: listParam(Availability, 'current, starting-soon, upcoming, self-paced or archived.'),
  access: listParam(Access, 'free or paid.'),
  certificate: listParam(Certificate, 'none, free or paid.'),
  understand: listParam(
    LanguageTag,
    'Languages the learner understands: only courses taught or subtitled in one of them.',
  ),
}).strict()
export type SearchQuery = z.infer<typeof SearchQuery>

const FacetCounts = z.record(z.enum(FACETS), z.record(z.string(), z.number().int())).meta({
  id: 'FacetCounts',
  description: "Per facet, value → courses; each facet counts under the other facets' selections.",
})

export const SearchResults = z
  .object({
    data: z.array(Course),
    meta: PageMetaSchema.extend({
      relaxed: z.boolean().meta({ description: 'No course matched every word; these match some.' }),
      facetsApproximate: z.boolean().meta({
        description:
          'The facet counts are estimates from an even sample of a very large result (more than 20,000 candidate courses), rounded to two significant digits; below that they are exact.',
      }),
      suggestion: z
        .string()
        .nullable()
        .meta({ description: 'Did you mean: the query with near misses fixed.' }),
      crossLingual: z.array(z.string()).meta({
        description:
          'Ids of the courses on this page found through another language (the query names a subject or topic they name in theirs); they come after the direct matches.',
      }),
    }),
    facets: FacetCounts,
  })
  .meta({ id: 'SearchResults' })

export function searchApi(deps: Deps & { search: SearchService }) {
  return newApi().openapi(
    createRoute({
      method: 'get',
      path: '/search',
      tags: ['Search'],
      summary: 'Search courses in every language, with facet counts',
      request: { query: SearchQuery },
      responses: { 200: json(SearchResults, 'A page of matching courses, best first'), ...readErrors },
    }),
    async (c) => {
      const query = c.req.valid('query')
      const result = await runSearch(deps, query, c.get('locale'))
      return c.json(result, 200)
    },
  )
}

/** Runs a parsed search and shapes its answer; pages use it too. */
export async function runSearch(deps: Deps & { search: SearchService }, query: SearchQuery, locale: string) {
  const { q, lang, page, per_page, understand, ...filters } = query
  if (page * per_page > MAX_RANK)
    throw new ValidationError([
      { field: 'query.page', message: `results past the ${MAX_RANK}th are not served; narrow the search` },
    ])
  const day = today(deps)
  const result = await deps.search.search({
    q,
    locale: lang ?? locale,
    filters,
    offset: (page - 1) * per_page,
    limit: per_page,
    today: day,
    ...(understand && { understood: understand }),
  })
  const data = await findCourses(
    deps.db,
    result.hits.map((h) => h.courseId),
    day,
  )
  return {
    data,
    meta: {
      ...pageMeta(result.total, { page, perPage: per_page }),
      relaxed: result.relaxed,
      facetsApproximate: result.facetsApproximate,
      suggestion: result.suggestion,
      crossLingual: result.hits.filter((h) => h.crossLingual).map((h) => h.courseId),
    },
    facets: result.facets,
  }
}
