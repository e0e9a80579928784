// JSON API for subjects: the ISCED-F 2013 fields with labels in every UI language.
import { createRoute, z } from '@hono/zod-openapi'
import { IdParam, json, newApi, readErrors } from '../http/openapi.ts'
import type { Db } from '../db/schema.ts'
import { Subject, SubjectLevel } from './subject.ts'
import { getSubject, listSubjects } from './subject-repository.ts'

const SubjectQuery = z.strictObject({ level: SubjectLevel.optional() })
const tags = ['Subjects']

export function subjectsApi(db: Db) {
  return newApi()
    .openapi(
      createRoute({
        method: 'get',
        path: '/subjects',
        tags,
        summary: 'List ISCED-F 2013 subjects',
        request: { query: SubjectQuery },
        responses: {
          200: json(z.object({ data: z.array(Subject) }).meta({ id: 'SubjectList' }), 'All subjects'),
          ...readErrors,
        },
      }),
      async (c) => c.json({ data: await listSubjects(db, c.req.valid('query').level) }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/subjects/{id}',
        tags,
        summary: 'Get one subject by its ISCED-F code',
        request: { params: IdParam },
        responses: { 200: json(Subject, 'The subject'), ...readErrors },
      }),
      async (c) => c.json(await getSubject(db, c.req.valid('param').id), 200),
    )
}
