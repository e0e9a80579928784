// JSON API for the catalog: courses with their listings and runs, under /api/v1.
import { createRoute, z } from '@hono/zod-openapi'
import { requireInstitution, type Principal } from '../auth/api-key.ts'
import { requirePrincipal } from '../http/api-guards.ts'
import {
  bearer,
  IdParam,
  json,
  jsonBody,
  listOf,
  listParam,
  newApi,
  readErrors,
  writeErrors,
} from '../http/openapi.ts'
import { today, type Deps } from '../shared/deps.ts'
import { NotFoundError } from '../shared/errors.ts'
import { pageMeta, PageQuery } from '../shared/pagination.ts'
import { LanguageTag } from '../shared/vocab.ts'
import {
  Availability,
  Course,
  CourseCreate,
  CourseUpdate,
  Listing,
  ListingCreate,
  ListingUpdate,
  Origin,
  Run,
  RunCreate,
  RunUpdate,
} from './course.ts'
import {
  createCourse,
  CourseSort,
  getCourse,
  institutionsOfCourse,
  listCourses,
  updateCourse,
} from './course-repository.ts'
import {
  courseOfListing,
  createListing,
  createRun,
  getListing,
  getRun,
  listingOfRun,
  updateListing,
  updateRun,
} from './listing-repository.ts'

const CourseQuery = PageQuery.extend({
  institution: listParam(z.string().max(64), 'Institution ids.'),
  platform: listParam(z.string().max(64), 'Platform ids.'),
  language: listParam(LanguageTag, 'Languages of instruction (BCP-47); "zh" also matches "zh-Hans".'),
  subject: listParam(
    z.string().regex(/^\d{2,4}$/, 'must be an ISCED-F 2013 code such as 06 or 0613'),
    'ISCED-F codes at any level.',
  ),
  availability: listParam(Availability, 'current, starting-soon, upcoming, self-paced or archived.'),
  origin: Origin.optional().meta({ description: 'Only demo, manual or harvested courses.' }),
  sort: CourseSort.default('title').meta({
    description: 'A leading "-" sorts descending; ties are broken by id.',
  }),
}).strict()

const tags = ['Courses']

export function catalogApi(deps: Deps) {
  const { db } = deps
  const day = () => today(deps)
  const mayChangeCourse = async (principal: Principal, courseId: string, field: string) => {
    requireInstitution(principal, await institutionsOfCourse(db, courseId), field)
  }
  return newApi()
    .openapi(
      createRoute({
        method: 'get',
        path: '/courses',
        tags,
        summary: 'List courses with filters',
        request: { query: CourseQuery },
        responses: { 200: json(listOf(Course, 'CourseList'), 'A page of courses'), ...readErrors },
      }),
      async (c) => {
        const { page, per_page, sort, ...filter } = c.req.valid('query')
        const result = await listCourses(db, filter, sort, { page, perPage: per_page }, day())
        return c.json({ data: result.items, meta: pageMeta(result.total, { page, perPage: per_page }) }, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/courses/{id}',
        tags,
        summary: 'Get a course with its listings and runs',
        request: { params: IdParam },
        responses: { 200: json(Course, 'The course'), ...readErrors },
      }),
      async (c) => c.json(await getCourse(db, c.req.valid('param').id, day()), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/courses',
        tags,
        summary: 'Create a course',
        security: bearer,
        description: 'A member-admin may create only courses its own institution offers.',
        request: { body: jsonBody(CourseCreate) },
        responses: { 201: json(Course, 'The new course'), ...writeErrors },
      }),
      async (c) => {
        const input = c.req.valid('json')
        requireInstitution(requirePrincipal(c), input.institutions, 'body.institutions')
        return c.json(await createCourse(deps, input, 'manual', day()), 201)
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/courses/{id}',
        tags,
        summary: 'Update a course',
        security: bearer,
        request: { params: IdParam, body: jsonBody(CourseUpdate) },
        responses: { 200: json(Course, 'The updated course'), ...writeErrors },
      }),
      async (c) => {
        const principal = requirePrincipal(c)
        const { id } = c.req.valid('param')
        const patch = c.req.valid('json')
        await getCourse(db, id, day())
        await mayChangeCourse(principal, id, 'param.id')
        if (patch.institutions) requireInstitution(principal, patch.institutions, 'body.institutions')
        return c.json(await updateCourse(deps, id, patch, day()), 200)
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/courses/{id}/listings',
        tags,
        summary: 'List a course on a platform',
        security: bearer,
        request: { params: IdParam, body: jsonBody(ListingCreate) },
        responses: { 201: json(Listing, 'The new listing'), ...writeErrors },
      }),
      async (c) => {
        const principal = requirePrincipal(c)
        const { id } = c.req.valid('param')
        await getCourse(db, id, day())
        await mayChangeCourse(principal, id, 'param.id')
        return c.json(await createListing(deps, id, c.req.valid('json'), 'manual', day()), 201)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/listings/{id}',
        tags,
        summary: 'Get a listing with its runs',
        request: { params: IdParam },
        responses: { 200: json(Listing, 'The listing'), ...readErrors },
      }),
      async (c) => c.json(await getListing(db, c.req.valid('param').id, day()), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/listings/{id}',
        tags,
        summary: 'Update a listing (URL, withdrawn)',
        security: bearer,
        request: { params: IdParam, body: jsonBody(ListingUpdate) },
        responses: { 200: json(Listing, 'The updated listing'), ...writeErrors },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const courseId = await courseOfListing(db, id)
        if (!courseId) throw new NotFoundError('listing', id)
        await mayChangeCourse(requirePrincipal(c), courseId, 'param.id')
        return c.json(await updateListing(deps, id, c.req.valid('json'), day()), 200)
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/listings/{id}/runs',
        tags,
        summary: 'Schedule a run of a listing',
        security: bearer,
        request: { params: IdParam, body: jsonBody(RunCreate) },
        responses: { 201: json(Run, 'The new run'), ...writeErrors },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const courseId = await courseOfListing(db, id)
        if (!courseId) throw new NotFoundError('listing', id)
        await mayChangeCourse(requirePrincipal(c), courseId, 'param.id')
        return c.json(await createRun(deps, id, c.req.valid('json'), day()), 201)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/runs/{id}',
        tags,
        summary: 'Get a run',
        request: { params: IdParam },
        responses: { 200: json(Run, 'The run'), ...readErrors },
      }),
      async (c) => c.json(await getRun(db, c.req.valid('param').id, day()), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/runs/{id}',
        tags,
        summary: 'Update a run',
        security: bearer,
        request: { params: IdParam, body: jsonBody(RunUpdate) },
        responses: { 200: json(Run, 'The updated run'), ...writeErrors },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const listingId = await listingOfRun(db, id)
        const courseId = listingId ? await courseOfListing(db, listingId) : undefined
        if (!courseId) throw new NotFoundError('run', id)
        await mayChangeCourse(requirePrincipal(c), courseId, 'param.id')
        return c.json(await updateRun(deps, id, c.req.valid('json'), day()), 200)
      },
    )
}
