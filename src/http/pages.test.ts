import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ demo: true })
})
afterAll(() => t.close())

describe('pages', () => {
  it('serves the home page in English with the alliance in numbers', async () => {
    const res = await t.app.request('/')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<html lang="en" dir="ltr">')
    expect(html).toContain('Saint Petersburg State University')
  })
})
