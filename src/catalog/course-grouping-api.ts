// JSON API for cross-listing by hand: merge two courses into one, split a listing out.
import { createRoute, z } from '@hono/zod-openapi'
import { requireInstitution } from '../auth/api-key.ts'
import { requirePrincipal } from '../http/api-guards.ts'
import { bearer, IdParam, json, jsonBody, newApi, writeErrors } from '../http/openapi.ts'
import { today, type Deps } from '../shared/deps.ts'
import { NotFoundError } from '../shared/errors.ts'
import { Slug } from '../shared/vocab.ts'
import { Course } from './course.ts'
import { getCourse, institutionsOfCourse } from './course-repository.ts'
import { mergeCourses, splitListing } from './course-grouping-repository.ts'
import { courseOfListing } from './listing-repository.ts'

const MergeBody = z.strictObject({ courseId: Slug.or(z.string().uuid()) }).meta({ id: 'CourseMerge' })
const tags = ['Courses']

export function courseGroupingApi(deps: Deps) {
  const { db } = deps
  return newApi()
    .openapi(
      createRoute({
        method: 'post',
        path: '/courses/{id}/merge',
        tags,
        summary: 'Merge another course into this one (the same course cross-listed on several platforms)',
        description: 'Moves every listing of `courseId` here and deletes it. Needs rights on both courses.',
        security: bearer,
        request: { params: IdParam, body: jsonBody(MergeBody) },
        responses: { 200: json(Course, 'The merged course'), ...writeErrors },
      }),
      async (c) => {
        const principal = requirePrincipal(c)
        const { id } = c.req.valid('param')
        const { courseId } = c.req.valid('json')
        await getCourse(db, id, today(deps))
        await getCourse(db, courseId, today(deps))
        requireInstitution(principal, await institutionsOfCourse(db, id), 'param.id')
        requireInstitution(principal, await institutionsOfCourse(db, courseId), 'body.courseId')
        await mergeCourses(deps, id, courseId, `merged from course ${courseId} by ${principal.name}`)
        return c.json(await getCourse(db, id, today(deps)), 200)
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/listings/{id}/split',
        tags,
        summary: 'Give a listing a course of its own (undo a wrong cross-listing)',
        security: bearer,
        request: { params: IdParam },
        responses: { 201: json(Course, 'The new course of the listing'), ...writeErrors },
      }),
      async (c) => {
        const principal = requirePrincipal(c)
        const { id } = c.req.valid('param')
        const courseId = await courseOfListing(db, id)
        if (!courseId) throw new NotFoundError('listing', id)
        requireInstitution(principal, await institutionsOfCourse(db, courseId), 'param.id')
        const created = await splitListing(deps, id, `split from course ${courseId} by ${principal.name}`)
        return c.json(await getCourse(db, created, today(deps)), 201)
      },
    )
}
