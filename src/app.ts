// Composition root of the web process: wires the database, clock and logger into the routers.
import { Hono } from 'hono'
import { DEFAULT_RATE_LIMITS, defaultAdminEmail, type RateLimits } from './config.ts'
import { secureHeaders } from 'hono/secure-headers'
import { mountApi } from './api/api.ts'
import { catalogPages } from './catalog/catalog-pages.tsx'
import { consolePages } from './console/console-pages.tsx'
import type { AppEnv } from './http/env.ts'
import { errorHandler, notFoundHandler } from './http/error-handler.ts'
import { localeMiddleware } from './http/locale-middleware.ts'
import { useReadPolicies } from './http/read-endpoints.ts'
import { assets } from './http/assets.ts'
import { institutionsPages } from './institutions/institutions-pages.tsx'
import type { Deps } from './shared/deps.ts'
import type { Logger } from './shared/logger.ts'
import * as analyzer from './search/analysis/analyze.ts'
import { createSearchService, type SearchService } from './search/search-service.ts'
import { searchPages } from './search/search-pages.tsx'
import { sitePages } from './site/site-pages.tsx'
import { webDiscovery } from './publish/web/web-discovery-api.ts'
import { oaiApi } from './publish/oai/oai-api.ts'
import { moochubApi, moochubError } from './publish/moochub/moochub-api.ts'

export interface AppDeps extends Deps {
  logger: Logger
  publicUrl: string
  /** Who answers for the repository (OAI-PMH Identify); defaultAdminEmail() when not given. */
  adminEmail?: string
  /** Records per OAI-PMH list response (tests use small pages). */
  oaiPageSize?: number
  /** The process's search index; made here (built on first use) when not given. */
  search?: SearchService
  /** Per-client limits of the expensive read endpoints; the defaults of src/config.ts when not given. */
  rateLimits?: RateLimits
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const search = deps.search ?? createSearchService({ ...deps, analyzer, pollMs: 0 })
  const app = new Hono<AppEnv>()
  app.use(async (c, next) => {
    const started = performance.now()
    await next()
    deps.logger.debug('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    })
  })
  app.use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }))
  app.use(localeMiddleware)
  useReadPolicies(app, { now: deps.now, rateLimits: deps.rateLimits ?? DEFAULT_RATE_LIMITS })
  app.route('/assets', assets())
  mountApi(app, { ...deps, search })
  app.route('/api/moochub', moochubApi(deps))
  app.route('/', oaiApi({ ...deps, adminEmail: deps.adminEmail ?? defaultAdminEmail(deps.publicUrl) }))
  app.route('/', webDiscovery(deps))
  app.route('/', sitePages(deps))
  app.route('/', catalogPages(deps))
  app.route('/', searchPages({ ...deps, search }))
  app.route('/', institutionsPages(deps))
  app.route('/', consolePages(deps))
  app.onError(errorHandler(deps.logger, [{ prefix: '/api/moochub', answer: moochubError }]))
  app.notFound(notFoundHandler)
  return app
}
