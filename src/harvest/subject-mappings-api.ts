// JSON API for subject words from feeds: list those waiting for a mapping, and map one to an
// ISCED-F code (applied at once to the courses that carry it). Alliance-admins map.
import { createRoute, z } from '@hono/zod-openapi'
import { requireAllianceAdmin } from '../auth/api-key.ts'
import { requirePrincipal } from '../http/api-guards.ts'
import { bearer, json, jsonBody, newApi, readErrors, writeErrors } from '../http/openapi.ts'
import type { Deps } from '../shared/deps.ts'
import { ValidationError } from '../shared/errors.ts'
import { getSubject } from '../subjects/subject-repository.ts'
import { listSubjectMappings, setSubjectMapping } from './subject-mapping-repository.ts'

const Mapping = z
  .object({ label: z.string(), subjectCode: z.string().nullable(), seen: z.number().int() })
  .meta({ id: 'SubjectMapping' })
const Query = z.strictObject({
  unmapped: z
    .enum(['true', 'false'])
    .default('false')
    .meta({ description: 'Only labels no one has mapped yet' }),
})
const LabelParam = z.object({
  label: z
    .string()
    .min(1)
    .max(200)
    .meta({ param: { name: 'label', in: 'path' } }),
})
const Body = z
  .strictObject({
    subjectCode: z
      .string()
      .regex(/^\d{2,4}$/, 'must be an ISCED-F 2013 code such as 0613')
      .nullable(),
  })
  .meta({ id: 'SubjectMappingUpdate' })
const tags = ['Subjects']

export function subjectMappingsApi(deps: Deps) {
  const { db } = deps
  return newApi()
    .openapi(
      createRoute({
        method: 'get',
        path: '/subject-mappings',
        tags,
        security: bearer,
        summary: 'Subject words seen in harvested feeds, most frequent first',
        request: { query: Query },
        responses: {
          200: json(z.object({ data: z.array(Mapping) }).meta({ id: 'SubjectMappingList' }), 'Labels'),
          401: writeErrors[401],
          ...readErrors,
        },
      }),
      async (c) => {
        requirePrincipal(c)
        return c.json({ data: await listSubjectMappings(db, c.req.valid('query').unmapped === 'true') }, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/subject-mappings/{label}',
        tags,
        security: bearer,
        summary: 'Map a subject word to an ISCED-F code (alliance-admin)',
        request: { params: LabelParam, body: jsonBody(Body) },
        responses: {
          200: json(
            Mapping.extend({ coursesChanged: z.number().int() }).meta({ id: 'SubjectMappingResult' }),
            'The mapping',
          ),
          ...writeErrors,
        },
      }),
      async (c) => {
        requireAllianceAdmin(requirePrincipal(c))
        const { label } = c.req.valid('param')
        const { subjectCode } = c.req.valid('json')
        if (subjectCode) {
          await getSubject(db, subjectCode).catch(() => {
            throw new ValidationError([
              { field: 'body.subjectCode', message: `"${subjectCode}" is not an ISCED-F 2013 code` },
            ])
          })
        }
        const coursesChanged = await setSubjectMapping(db, label, subjectCode, deps.now().toISOString())
        return c.json({ label, subjectCode, seen: 0, coursesChanged }, 200)
      },
    )
}
