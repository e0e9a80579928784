// JSON API for harvest sources and their runs: register, edit, pause, request a run, and see what
// each run did (counts, errors, every rejected record with its reason). Needs an API key.
import { createRoute, z } from '@hono/zod-openapi'
import { requirePrincipal } from '../http/api-guards.ts'
import { bearer, IdParam, json, jsonBody, newApi, readErrors, writeErrors } from '../http/openapi.ts'
import type { Deps } from '../shared/deps.ts'
import { getHarvestRun, listHarvestRuns, listRejections } from './harvest-run-repository.ts'
import { manageablePlatforms, mayManagePlatform } from './source-access.ts'
import { HarvestRun, Rejection, Source, SourceCreate, SourceUpdate } from './source.ts'
import { createSource, getSource, listSources, requestRun, updateSource } from './source-repository.ts'

const tags = ['Harvest']
const keyErrors = { 401: writeErrors[401], 403: writeErrors[403], 404: readErrors[404] }

export function harvestApi(deps: Deps) {
  const { db } = deps
  return newApi()
    .openapi(
      createRoute({
        method: 'get',
        path: '/sources',
        tags,
        summary: 'List harvest sources',
        security: bearer,
        description:
          'An alliance-admin sees every source; a member-admin those of platforms its institution operates.',
        responses: {
          200: json(z.object({ data: z.array(Source) }).meta({ id: 'SourceList' }), 'Sources'),
          ...keyErrors,
        },
      }),
      async (c) => {
        const platformIds = await manageablePlatforms(db, requirePrincipal(c))
        return c.json({ data: await listSources(db, platformIds ? { platformIds } : {}) }, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/sources',
        tags,
        summary: 'Register a harvest source',
        security: bearer,
        request: { body: jsonBody(SourceCreate) },
        responses: { 201: json(Source, 'The new source'), ...writeErrors },
      }),
      async (c) => {
        const input = c.req.valid('json')
        await mayManagePlatform(db, requirePrincipal(c), input.platformId, 'body.platformId')
        return c.json(await createSource(deps, input), 201)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/sources/{id}',
        tags,
        summary: 'Get a harvest source',
        security: bearer,
        request: { params: IdParam },
        responses: { 200: json(Source, 'The source'), ...keyErrors },
      }),
      async (c) => {
        const source = await getSource(db, c.req.valid('param').id)
        await mayManagePlatform(db, requirePrincipal(c), source.platformId, 'param.id')
        return c.json(source, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/sources/{id}',
        tags,
        summary: 'Edit, pause or resume a harvest source',
        security: bearer,
        request: { params: IdParam, body: jsonBody(SourceUpdate) },
        responses: { 200: json(Source, 'The updated source'), ...writeErrors },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        await mayManagePlatform(db, requirePrincipal(c), (await getSource(db, id)).platformId, 'param.id')
        return c.json(await updateSource(deps, id, c.req.valid('json')), 200)
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/sources/{id}/runs',
        tags,
        summary: 'Ask the worker to harvest a source now',
        security: bearer,
        request: { params: IdParam },
        responses: { 202: json(Source, 'Accepted: the worker runs it next'), ...writeErrors },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        await mayManagePlatform(db, requirePrincipal(c), (await getSource(db, id)).platformId, 'param.id')
        await requestRun(db, id, deps.now().toISOString())
        return c.json(await getSource(db, id), 202)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/sources/{id}/runs',
        tags,
        summary: 'Recent harvest runs of a source',
        security: bearer,
        request: { params: IdParam },
        responses: {
          200: json(
            z.object({ data: z.array(HarvestRun) }).meta({ id: 'HarvestRunList' }),
            'Runs, newest first',
          ),
          ...keyErrors,
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        await mayManagePlatform(db, requirePrincipal(c), (await getSource(db, id)).platformId, 'param.id')
        return c.json({ data: await listHarvestRuns(db, id) }, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/harvest-runs/{id}',
        tags,
        summary: 'One harvest run with its rejected records',
        security: bearer,
        request: { params: IdParam },
        responses: {
          200: json(
            HarvestRun.extend({ rejections: z.array(Rejection) }).meta({ id: 'HarvestRunDetail' }),
            'The run',
          ),
          ...keyErrors,
        },
      }),
      async (c) => {
        const run = await getHarvestRun(db, c.req.valid('param').id)
        await mayManagePlatform(
          db,
          requirePrincipal(c),
          (await getSource(db, run.sourceId)).platformId,
          'param.id',
        )
        return c.json({ ...run, rejections: await listRejections(db, run.id) }, 200)
      },
    )
}
