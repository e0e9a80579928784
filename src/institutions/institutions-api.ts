// JSON API for institutions and platforms: /api/v1/institutions, /api/v1/platforms.
import { createRoute, z } from '@hono/zod-openapi'
import { requireAllianceAdmin, requireInstitution } from '../auth/api-key.ts'
import { requirePrincipal } from '../http/api-guards.ts'
import { bearer, IdParam, json, jsonBody, listOf, readErrors, writeErrors } from '../http/openapi.ts'
import { newApi } from '../http/openapi.ts'
import type { Deps } from '../shared/deps.ts'
import { ForbiddenError } from '../shared/errors.ts'
import { pageMeta, PageQuery } from '../shared/pagination.ts'
import { CountryCode } from '../shared/vocab.ts'
import {
  AllianceRole,
  Institution,
  InstitutionCreate,
  InstitutionKind,
  InstitutionStatus,
  InstitutionUpdate,
} from './institution.ts'
import {
  createInstitution,
  getInstitution,
  listInstitutions,
  updateInstitution,
} from './institution-repository.ts'
import { Platform, PlatformCreate, PlatformSoftware, PlatformUpdate } from './platform.ts'
import { createPlatform, getPlatform, listPlatforms, updatePlatform } from './platform-repository.ts'

const InstitutionQuery = PageQuery.extend({
  kind: InstitutionKind.optional(),
  role: AllianceRole.optional(),
  status: InstitutionStatus.optional(),
  country: CountryCode.optional(),
}).strict()

const PlatformQuery = PageQuery.extend({
  software: PlatformSoftware.optional(),
  institution: z.string().max(64).optional(),
}).strict()

const tags = ['Institutions']
const platformTags = ['Platforms']

export function institutionsApi(deps: Deps) {
  const { db } = deps
  const now = () => deps.now().toISOString()
  return newApi()
    .openapi(
      createRoute({
        method: 'get',
        path: '/institutions',
        tags,
        summary: 'List member institutions',
        request: { query: InstitutionQuery },
        responses: {
          200: json(listOf(Institution, 'InstitutionList'), 'A page of institutions'),
          ...readErrors,
        },
      }),
      async (c) => {
        const { page, per_page, ...filter } = c.req.valid('query')
        const result = await listInstitutions(db, filter, { page, perPage: per_page })
        return c.json({ data: result.items, meta: pageMeta(result.total, { page, perPage: per_page }) }, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/institutions/{id}',
        tags,
        summary: 'Get one institution',
        request: { params: IdParam },
        responses: { 200: json(Institution, 'The institution'), ...readErrors },
      }),
      async (c) => c.json(await getInstitution(db, c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/institutions',
        tags,
        summary: 'Admit an institution (alliance-admin)',
        security: bearer,
        request: { body: jsonBody(InstitutionCreate) },
        responses: { 201: json(Institution, 'The new institution'), ...writeErrors },
      }),
      async (c) => {
        requireAllianceAdmin(requirePrincipal(c))
        return c.json(await createInstitution(db, c.req.valid('json'), now()), 201)
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/institutions/{id}',
        tags,
        summary: 'Update an institution',
        security: bearer,
        description:
          'An alliance-admin may change everything; a member-admin only its own institution, not its role or status.',
        request: { params: IdParam, body: jsonBody(InstitutionUpdate) },
        responses: { 200: json(Institution, 'The updated institution'), ...writeErrors },
      }),
      async (c) => {
        const principal = requirePrincipal(c)
        const { id } = c.req.valid('param')
        const patch = c.req.valid('json')
        await getInstitution(db, id)
        requireInstitution(principal, [id], 'param.id')
        if (principal.role !== 'alliance-admin' && (patch.role !== undefined || patch.status !== undefined)) {
          throw new ForbiddenError(
            'Only an alliance-admin may change role or status.',
            patch.role !== undefined ? 'body.role' : 'body.status',
          )
        }
        return c.json(await updateInstitution(db, id, patch, now()), 200)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/platforms',
        tags: platformTags,
        summary: 'List platforms',
        request: { query: PlatformQuery },
        responses: { 200: json(listOf(Platform, 'PlatformList'), 'A page of platforms'), ...readErrors },
      }),
      async (c) => {
        const { page, per_page, ...filter } = c.req.valid('query')
        const result = await listPlatforms(db, filter, { page, perPage: per_page })
        return c.json({ data: result.items, meta: pageMeta(result.total, { page, perPage: per_page }) }, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/platforms/{id}',
        tags: platformTags,
        summary: 'Get one platform',
        request: { params: IdParam },
        responses: { 200: json(Platform, 'The platform'), ...readErrors },
      }),
      async (c) => c.json(await getPlatform(db, c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/platforms',
        tags: platformTags,
        summary: 'Register a platform',
        security: bearer,
        description: 'A member-admin may register only platforms its own institution operates.',
        request: { body: jsonBody(PlatformCreate) },
        responses: { 201: json(Platform, 'The new platform'), ...writeErrors },
      }),
      async (c) => {
        const input = c.req.valid('json')
        requireInstitution(requirePrincipal(c), [input.institutionId ?? null], 'body.institutionId')
        return c.json(await createPlatform(db, input, now()), 201)
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/platforms/{id}',
        tags: platformTags,
        summary: 'Update a platform',
        security: bearer,
        request: { params: IdParam, body: jsonBody(PlatformUpdate) },
        responses: { 200: json(Platform, 'The updated platform'), ...writeErrors },
      }),
      async (c) => {
        const principal = requirePrincipal(c)
        const { id } = c.req.valid('param')
        const patch = c.req.valid('json')
        const current = await getPlatform(db, id)
        requireInstitution(principal, [current.institutionId], 'param.id')
        if (patch.institutionId !== undefined)
          requireInstitution(principal, [patch.institutionId], 'body.institutionId')
        return c.json(await updatePlatform(db, id, patch, now()), 200)
      },
    )
}
