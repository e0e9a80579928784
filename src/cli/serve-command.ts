// `moocx serve`: migrate, seed an empty database, serve HTTP, and shut down gracefully
// (in-flight requests finish, then the database closes).
import path from 'node:path'
import { serve } from '@hono/node-server'
import { createApp } from '../app.ts'
import * as analyzer from '../search/analysis/analyze.ts'
import { createSearchService } from '../search/search-service.ts'
import type { Config } from '../config.ts'
import { migrateToLatest, openDatabase } from '../db/database.ts'
import { countInstitutions } from '../institutions/institution-repository.ts'
import { processHarvestDeps } from '../harvest/harvest-deps.ts'
import { startWorker } from '../harvest/worker.ts'
import { seedAll } from '../seed/seed.ts'
import { systemDeps } from '../shared/deps.ts'
import { createLogger } from '../shared/logger.ts'

export async function serveCommand(config: Config): Promise<number> {
  const logger = createLogger(config.logLevel)
  const db = openDatabase(config.database)
  await migrateToLatest(db, config.database)
  const deps = systemDeps(db)
  if (config.seed === 'auto' && (await countInstitutions(db)) === 0) {
    const report = await seedAll(deps, { demo: true })
    logger.info('seeded an empty database', { ...report })
  }
  // The search index follows every write, from this or any other process; it is built as soon as
  // the server listens (searches arriving earlier wait for it).
  const search = createSearchService({
    ...deps,
    logger,
    analyzer,
    pollMs: 500,
    // Saved on shutdown and after each build: a restart loads it and replays only newer changes.
    snapshotFile: path.join(config.dataDir, `search-index.${config.database.kind}.snapshot`),
  })
  const app = createApp({
    ...deps,
    logger,
    publicUrl: config.publicUrl,
    search,
    rateLimits: config.rateLimits,
    adminEmail: config.adminEmail,
  })
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
    logger.info('moocx is serving', {
      url: config.publicUrl,
      port: config.port,
      database: config.database.kind,
    })
    search.sync().catch((err: unknown) => logger.error('search index build failed', { err }))
  })
  // On the embedded database this process is the whole node, so it also harvests on schedule.
  const worker =
    config.database.kind === 'sqlite'
      ? startWorker(processHarvestDeps(deps, logger, config.publicUrl))
      : undefined

  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      logger.info('shutting down', { signal })
      const force = setTimeout(() => {
        logger.warn('requests still open after 10 s; closing anyway')
        if ('closeAllConnections' in server) server.closeAllConnections()
      }, 10_000)
      force.unref()
      server.close(() => {
        void search
          .close()
          .then(() => worker?.stop())
          .then(() => db.destroy())
          .then(() => {
            logger.info('stopped')
            resolve(0)
          })
      })
      if ('closeIdleConnections' in server) server.closeIdleConnections()
    }
    process.once('SIGTERM', () => stop('SIGTERM'))
    process.once('SIGINT', () => stop('SIGINT'))
  })
}
