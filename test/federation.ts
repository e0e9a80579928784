// Two moocx nodes for federation tests: node A serves its catalog on a real port; node B is a fresh
// registry that harvests A like any other source. And what "the same catalog" means per format.
import type { Course } from '../src/catalog/course.ts'
import { findCourses } from '../src/catalog/course-repository.ts'
import type { Db } from '../src/db/schema.ts'
import { createSource } from '../src/harvest/source-repository.ts'
import { createPlatform } from '../src/institutions/platform-repository.ts'
import { walkRecords } from '../src/publish/walk.ts'
import { harvestDeps, type TestHarvestDeps } from './harvest-deps.ts'
import { serveApp, type ServedApp } from './served-app.ts'
import { createRegistryDb, createTestApp, TODAY, type TestApp } from './test-app.ts'
import type { TestDb } from './test-db.ts'

export interface Nodes {
  a: TestApp
  served: ServedApp
  b: TestDb
  deps: TestHarvestDeps
  close: () => Promise<void>
}

/** Node A with the demo catalog on a real clock (its datestamps are database time), node B empty. */
export async function startNodes(): Promise<Nodes> {
  // A's public URL is where it is served, so the links it writes (MOOChub paging) lead back to it.
  const node: { a?: TestApp } = {}
  const served = await serveApp({ fetch: (request) => node.a!.app.fetch(request) })
  const a = await createTestApp({
    demo: true,
    app: { now: () => new Date(), oaiPageSize: 40, publicUrl: served.url },
  })
  const b = await createRegistryDb()
  const deps = harvestDeps(b.db)
  await createPlatform(
    b.db,
    { id: 'node-a', name: 'Alliance node A', software: 'moocx', baseUrl: served.url },
    deps.now().toISOString(),
  )
  const close = async () => {
    await served.close()
    await a.close()
    await b.close()
  }
  node.a = a
  return { a, served, b, deps, close }
}

export async function addSource(nodes: Nodes, id: string, format: 'oai-pmh' | 'moochub', baseUrl: string) {
  return createSource(nodes.deps, {
    id,
    platformId: 'node-a',
    format,
    baseUrl,
    orgMap: {},
    ratePerMinute: 6000,
  })
}

/** A's live courses, by course id. */
export async function liveCourses(db: Db): Promise<Map<string, Course>> {
  const found = new Map<string, Course>()
  for await (const r of walkRecords(db, {}, TODAY)) if (r.course) found.set(r.id, r.course)
  return found
}

/** B's courses of a source, by the upstream key their listing carries (`oai:moocx.test:<id>` or `<id>`). */
export async function harvestedCourses(
  db: Db,
  sourceId: string,
): Promise<Map<string, Course & { status: string }>> {
  const listings = await db
    .selectFrom('listings')
    .select(['course_id', 'platform_key', 'status'])
    .where('source_id', '=', sourceId)
    .execute()
  const courses = new Map(
    (await findCourses(db, [...new Set(listings.map((l) => l.course_id))], TODAY)).map((c) => [c.id, c]),
  )
  const found = new Map<string, Course & { status: string }>()
  for (const l of listings) {
    const course = courses.get(l.course_id)
    if (course) found.set(l.platform_key.replace(/^oai:[^:]+:/, ''), { ...course, status: l.status })
  }
  return found
}

/** Waits for the next second of the clock, so datestamps (seconds) tell before from after. */
export async function nextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1005 - (Date.now() % 1000)))
}
