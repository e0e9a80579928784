// Unexpected failures (here: the database is gone) are logged in full and answered with a generic
// 500 — JSON for the API, an HTML page in the visitor's language for pages — never a stack or SQL.
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { createLogger } from '../shared/logger.ts'
import { createTestDb } from '../../test/test-db.ts'
import { testDeps } from '../../test/test-app.ts'

describe('unexpected errors', () => {
  it('are logged and answered as a generic 500', async () => {
    const { db, close } = await createTestDb()
    const lines: string[] = []
    const app = createApp({
      ...testDeps(db),
      logger: createLogger('error', (l) => lines.push(l)),
      publicUrl: 'http://x',
    })
    await sql`alter table courses rename to courses_gone`.execute(db)

    const api = await app.request('/api/v1/courses')
    expect(api.status).toBe(500)
    const body = (await api.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('internal')
    expect(JSON.stringify(body)).not.toMatch(/courses|select|\.ts/i)

    const page = await app.request('/courses', { headers: { 'accept-language': 'zh-CN' } })
    expect(page.status).toBe(500)
    const html = await page.text()
    expect(html).toContain('<html lang="zh"')
    expect(html).not.toMatch(/courses_|select|stack|\.ts:/i)

    expect(lines).toHaveLength(2)
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      level: 'error',
      msg: 'unexpected error',
      path: '/api/v1/courses',
    })
    expect(lines[0]).toMatch(/courses/)
    await close()
  })
})
