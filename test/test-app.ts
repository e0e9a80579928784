// Builds the real app on a fresh test database with a fixed clock and predictable ids.
import { createApp, type AppDeps } from '../src/app.ts'
import type { Db } from '../src/db/schema.ts'
import { createApiKey } from '../src/auth/api-key-repository.ts'
import type { Deps } from '../src/shared/deps.ts'
import { createLogger } from '../src/shared/logger.ts'
import { seedAll } from '../src/seed/seed.ts'
import { createTestDb, type TestDb } from './test-db.ts'

/** The fixed "now" of every test: the day this suite was written. */
export const NOW = new Date('2026-11-29T12:00:00.000Z')
export const TODAY = '2026-11-29'

export interface TestApp extends TestDb {
  deps: Deps
  app: ReturnType<typeof createApp>
  /** A clear-text alliance-admin key. */
  adminKey: string
  memberKey: (institutionId: string) => Promise<string>
}

export function testDeps(db: Db): Deps {
  let n = 0
  return { db, now: () => NOW, newId: () => `id-${String(++n).padStart(6, '0')}` }
}

/** A fresh test database holding the registry (subjects, institutions, platforms), no demo courses. */
export async function createRegistryDb(): Promise<TestDb> {
  const testDb = await createTestDb()
  await seedAll(testDeps(testDb.db), { demo: false })
  return testDb
}

/** `app` overrides what the app is built with: a real clock for what compares with database time, page sizes. */
export async function createTestApp(
  options: { demo?: boolean; app?: Partial<AppDeps> } = {},
): Promise<TestApp> {
  const testDb = await createTestDb()
  const deps = { ...testDeps(testDb.db), ...(options.app?.now && { now: options.app.now }) }
  await seedAll(deps, { demo: options.demo ?? false })
  const app = createApp({
    ...deps,
    logger: createLogger('silent'),
    publicUrl: 'http://moocx.test',
    ...options.app,
  })
  const { key: adminKey } = await createApiKey(deps, {
    name: 'test admin',
    role: 'alliance-admin',
    institutionId: null,
  })
  const memberKey = async (institutionId: string) =>
    (await createApiKey(deps, { name: `member ${institutionId}`, role: 'member-admin', institutionId })).key
  return { ...testDb, deps, app, adminKey, memberKey }
}

export function jsonRequest(method: string, body: unknown, key?: string): RequestInit {
  return {
    method,
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }
}
