// The web discovery router: robots.txt, the sitemaps and the Atom feeds, mounted at the root.
import { Hono } from 'hono'
import type { AppEnv } from '../../http/env.ts'
import type { Deps } from '../../shared/deps.ts'
import { feedsRoutes } from './feeds-api.ts'
import { robotsTxt } from './robots.ts'
import { sitemapRoutes } from './sitemap-api.ts'
import { TEXT_TYPE } from './web-response.ts'

export interface WebDiscoveryDeps extends Deps {
  publicUrl: string
}

/** Courses per sitemap file: 5,000 URLs with 8 alternates each stay near 5 MB, a tenth of the limit. */
export const COURSES_PER_SITEMAP = 5_000

export function webDiscovery(deps: WebDiscoveryDeps, options: { coursesPerFile?: number } = {}) {
  const coursesPerFile = options.coursesPerFile ?? COURSES_PER_SITEMAP
  return new Hono<AppEnv>()
    .get('/robots.txt', (c) =>
      c.body(robotsTxt(deps.publicUrl), 200, {
        'Content-Type': TEXT_TYPE,
        'Cache-Control': 'public, max-age=86400',
      }),
    )
    .route('/', sitemapRoutes({ db: deps.db, publicUrl: deps.publicUrl, coursesPerFile }))
    .route('/', feedsRoutes(deps))
}
