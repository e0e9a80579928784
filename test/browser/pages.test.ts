// Every page type, in English and in Arabic, on a desktop and a 320px-wide screen, in a real browser:
// status, lang and dir, one <h1>, no sideways scrolling and no axe-core violations (WCAG 2.0/2.1 A
// and AA, plus best practice).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import {
  axeViolations,
  formatViolations,
  launchBrowser,
  sidewaysOverflow,
  startApp,
  type RunningApp,
} from './browser.ts'
import { openSession } from '../../src/auth/console-session-repository.ts'
import { addRejections, finishRun, startRun, zeroCounts } from '../../src/harvest/harvest-run-repository.ts'
import { SourceCreate } from '../../src/harvest/source.ts'
import { createSource } from '../../src/harvest/source-repository.ts'

/** `course` stands for the first course linked from /courses, found once the app runs. */
const PAGES: { path: string; status: number; signedIn?: boolean }[] = [
  { path: '/', status: 200 },
  { path: '/courses', status: 200 },
  { path: '/courses?subject=06&availability=current', status: 200 },
  { path: 'course', status: 200 },
  { path: '/search?q=python', status: 200 },
  { path: '/search?q=machne%20lerning%20', status: 200 },
  { path: '/institutions', status: 200 },
  { path: '/institutions/spbu', status: 200 },
  { path: '/platforms', status: 200 },
  { path: '/platforms/edx', status: 200 },
  { path: '/about', status: 200 },
  { path: '/api/docs', status: 200 },
  { path: '/no-such-page', status: 404 },
  { path: '/console', status: 200 },
  { path: '/console', status: 200, signedIn: true },
  { path: '/console/sources/new', status: 200, signedIn: true },
  { path: '/console/sources/demo-lms', status: 200, signedIn: true },
  { path: '/console/runs/demo-run', status: 200, signedIn: true },
]

const LOCALES = [
  { lang: 'en', dir: 'ltr' },
  { lang: 'ar', dir: 'rtl' },
] as const

/** 320 CSS pixels is WCAG 1.4.10's reflow width: content must fit without scrolling sideways. */
const VIEWPORTS = [
  { screen: 'desktop', width: 1280, height: 800 },
  { screen: 'phone', width: 320, height: 640 },
] as const

let running: RunningApp
let browser: Browser
let coursePath: string
let sessionToken: string

beforeAll(async () => {
  running = await startApp()
  browser = await launchBrowser()
  const page = await browser.newPage()
  await page.goto(`${running.origin}/courses`)
  const href = await page.locator('.cards a[href^="/courses/"]').first().getAttribute('href')
  await page.close()
  expect(href).toBeTruthy()
  coursePath = href ?? ''
  const { deps, adminKey } = running.testApp
  await createSource(
    deps,
    SourceCreate.parse({
      id: 'demo-lms',
      platformId: 'openedu',
      format: 'openedx-courses',
      baseUrl: 'https://openedu.ru',
      orgMap: { spbu: 'spbu' },
    }),
  )
  await startRun(deps, 'demo-lms', 'demo-run', 'demo-run')
  await addRejections(deps, 'demo-run', [
    { key: 'course-v1:SPbU+HIDDEN+2026', reason: 'left out: hidden on the platform' },
  ])
  await finishRun(deps, 'demo-run', {
    status: 'succeeded',
    complete: true,
    counts: { ...zeroCounts(), seen: 12, added: 11, rejected: 1 },
  })
  sessionToken = (await openSession(deps, adminKey))?.token ?? ''
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
  describe.each(VIEWPORTS)('on a $screen screen', ({ width, height }) => {
    test.each(PAGES)(
      '$path (signed in: $signedIn) answers $status with one <h1>, fits and has no axe violations',
      async ({ path, status, signedIn }) => {
        const context = await browser.newContext({ locale: 'en-US', viewport: { width, height } })
        if (signedIn)
          await context.addCookies([
            { name: 'moocx_console', value: sessionToken, url: `${running.origin}/console` },
          ])
        try {
          const page = await context.newPage()
          const response = await page.goto(urlFor(path, lang))
          expect(response?.status()).toBe(status)

          const html = page.locator('html')
          expect(await html.getAttribute('lang')).toBe(lang)
          expect(await html.getAttribute('dir')).toBe(dir)
          await expect.poll(() => page.locator('h1').count()).toBe(1)
          const overflow = await sidewaysOverflow(page)
          expect(overflow, 'the page scrolls sideways; these stick out').toEqual({ pixels: 0, culprits: [] })

          const violations = await axeViolations(page)
          expect(formatViolations(violations), `axe violations on ${page.url()}`).toBe('')
        } finally {
          await context.close()
        }
      },
    )
  })
})
