// The JSON API under /api/v1 and its OpenAPI 3.1 document, assembled from the feature routers.
import type { Hono } from 'hono'
import { except } from 'hono/combine'
import { etag } from 'hono/etag'
import { catalogApi } from '../catalog/catalog-api.ts'
import { courseGroupingApi } from '../catalog/course-grouping-api.ts'
import { harvestApi } from '../harvest/harvest-api.ts'
import { csvUploadApi } from '../harvest/csv-upload-api.ts'
import { processHarvestDeps } from '../harvest/harvest-deps.ts'
import { pushApi } from '../harvest/push-api.ts'
import { subjectMappingsApi } from '../harvest/subject-mappings-api.ts'
import { institutionsApi } from '../institutions/institutions-api.ts'
import { exportApi } from '../publish/export/export-api.ts'
import { authenticate, writeBodyRules } from '../http/api-guards.ts'
import type { AppEnv } from '../http/env.ts'
import { newApi } from '../http/openapi.ts'
import type { Deps } from '../shared/deps.ts'
import type { Logger } from '../shared/logger.ts'
import { searchApi } from '../search/search-api.ts'
import type { SearchService } from '../search/search-service.ts'
import { subjectsApi } from '../subjects/subjects-api.ts'
import { apiDocsPage } from './api-docs-page.tsx'

export const API_VERSION = '1.0.0'

export function mountApi(
  app: Hono<AppEnv>,
  deps: Deps & { logger: Logger; publicUrl: string; search: SearchService },
): void {
  const { publicUrl } = deps
  const api = newApi()
  // The export streams a body that can outgrow memory: hashing it for an ETag would hold all of it.
  api.use('*', authenticate(deps.db), ...writeBodyRules, except('/api/v1/export', etag({ weak: true })))
  api.route('/', institutionsApi(deps))
  api.route('/', catalogApi(deps))
  api.route('/', courseGroupingApi(deps))
  api.route('/', subjectsApi(deps.db))
  api.route('/', searchApi(deps))
  api.route('/', harvestApi(deps))
  api.route('/', pushApi(deps))
  api.route('/', subjectMappingsApi(deps))
  api.route('/', csvUploadApi(processHarvestDeps(deps, deps.logger, publicUrl)))
  api.route('/', exportApi(deps))
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key created with `moocx keys create`.',
  })
  const document = () =>
    api.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'moocx API',
        version: API_VERSION,
        description:
          'The catalog of the Global MOOC Alliance: institutions, platforms, courses, listings, runs and subjects.',
        license: { name: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: `${publicUrl}/api/v1` }],
    })
  app.route('/api/v1', api)
  app.get('/api/openapi.json', (c) => c.json(document()))
  app.get('/api/docs', (c) => apiDocsPage(c, document()))
}
