// Every page type, in English and in Arabic, in a real browser: status, lang and dir, one <h1>,
// and no axe-core violations (WCAG 2.0/2.1 A and AA, plus best practice).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { axeViolations, formatViolations, launchBrowser, startApp, type RunningApp } from './browser.ts'

/** `course` stands for the first course linked from /courses, found once the app runs. */
const PAGES: { path: string; status: number }[] = [
  { path: '/', status: 200 },
  { path: '/courses', status: 200 },
  { path: '/courses?subject=06&availability=current', status: 200 },
  { path: 'course', status: 200 },
  { path: '/institutions', status: 200 },
  { path: '/institutions/spbu', status: 200 },
  { path: '/platforms', status: 200 },
  { path: '/platforms/edx', status: 200 },
  { path: '/about', status: 200 },
  { path: '/api/docs', status: 200 },
  { path: '/no-such-page', status: 404 },
]

const LOCALES = [
  { lang: 'en', dir: 'ltr' },
  { lang: 'ar', dir: 'rtl' },
] as const

let running: RunningApp
let browser: Browser
let coursePath: string

beforeAll(async () => {
  running = await startApp()
  browser = await launchBrowser()
  const page = await browser.newPage()
  await page.goto(`${running.origin}/courses`)
  const href = await page.locator('.cards a[href^="/courses/"]').first().getAttribute('href')
  await page.close()
  expect(href).toBeTruthy()
  coursePath = href ?? ''
})

afterAll(async () => {
  await browser?.close()
  await running?.stop()
})

/** English is what a fresh en-US browser gets without asking; Arabic is chosen with ?lang=ar. */
function urlFor(path: string, lang: 'en' | 'ar'): string {
  const url = new URL(path === 'course' ? coursePath : path, running.origin)
  if (lang === 'ar') url.searchParams.set('lang', 'ar')
  return url.toString()
}

describe.each(LOCALES)('pages in $lang', ({ lang, dir }) => {
  test.each(PAGES)('$path answers $status with one <h1> and no axe violations', async ({ path, status }) => {
    const context = await browser.newContext({ locale: 'en-US' })
    try {
      const page = await context.newPage()
      const response = await page.goto(urlFor(path, lang))
      expect(response?.status()).toBe(status)

      const html = page.locator('html')
      expect(await html.getAttribute('lang')).toBe(lang)
      expect(await html.getAttribute('dir')).toBe(dir)
      await expect.poll(() => page.locator('h1').count()).toBe(1)

      const violations = await axeViolations(page)
      expect(formatViolations(violations), `axe violations on ${page.url()}`).toBe('')
    } finally {
      await context.close()
    }
  })
})
