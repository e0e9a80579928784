// The site without JavaScript (filter the catalog, search from the header, open a course), by
// keyboard alone (skip link, then into the page; suggestions under the search box) and across
// languages (the switcher's choice sticks in a cookie).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { axeViolations, formatViolations, launchBrowser, startApp, type RunningApp } from './browser.ts'

let running: RunningApp
let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  running = await startApp()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await running?.stop()
})

describe('without JavaScript', () => {
  beforeAll(async () => {
    context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' })
  })
  afterAll(() => context.close())

  test('filters the catalog by language and opens a course', async () => {
    const page = await context.newPage()
    await page.goto(`${running.origin}/courses`)
    const heading = page.locator('#results')
    const before = await heading.innerText()

    const checkbox = page.locator('fieldset.facet input[name="language"]').first()
    const language = await checkbox.getAttribute('value')
    expect(language).toBeTruthy()
    await checkbox.check()
    await page.locator('form[action="/courses"] button[type="submit"]').click()
    await page.waitForURL((url) => url.searchParams.getAll('language').includes(language ?? ''))

    expect(await heading.innerText()).not.toBe(before)
    await expect
      .poll(() => page.locator(`input[name="language"][value="${language}"]`).isChecked())
      .toBe(true)

    const link = page.locator('.cards a[href^="/courses/"]').first()
    const title = (await link.innerText()).trim()
    const href = await link.getAttribute('href')
    await link.click()
    await page.waitForURL((url) => url.pathname === href)
    expect((await page.locator('h1').innerText()).trim()).toBe(title)
  })
})

describe('searching without JavaScript', () => {
  beforeAll(async () => {
    context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' })
  })
  afterAll(() => context.close())

  test('the header form searches, marks matches, filters and opens a course', async () => {
    const page = await context.newPage()
    await page.goto(`${running.origin}/about`)
    await page.locator('header form[role="search"] input[name="q"]').fill('python')
    await page.locator('header form[role="search"] button[type="submit"]').click()
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'python')

    expect(await page.locator('#q').inputValue()).toBe('python')
    expect(await page.locator('[role="listbox"]').count()).toBe(0)
    const cards = page.locator('.cards > li')
    expect(await cards.count()).toBeGreaterThan(3)
    expect((await page.locator('.cards mark').first().innerText()).toLowerCase()).toBe('python')

    const before = await page.locator('#results').innerText()
    await page.locator('input[name="language"][value="ru"]').check()
    await page.locator('form[action="/search"]:has(fieldset) button[type="submit"]').click()
    await page.waitForURL((url) => url.searchParams.get('language') === 'ru')
    expect(new URL(page.url()).searchParams.get('q')).toBe('python')
    expect(await page.locator('#results').innerText()).not.toBe(before)

    const link = page.locator('.cards a[href^="/courses/"]').first()
    const href = await link.getAttribute('href')
    await link.click()
    await page.waitForURL((url) => url.pathname === href)
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
  })
})

describe('suggestions as you type', () => {
  beforeAll(async () => {
    context = await browser.newContext({ locale: 'en-US' })
  })
  afterAll(() => context.close())

  test.each(['/', '/?lang=ar'])(
    'on %s: Tab to the search box, type, ArrowDown, Enter opens the course; no axe violations',
    async (path) => {
      const page = await context.newPage()
      await page.goto(`${running.origin}${path}`)
      const box = page.locator('#site-q')
      const focused = page.locator('#site-q:focus')
      for (let i = 0; i < 5 && (await focused.count()) === 0; i++) await page.keyboard.press('Tab')
      expect(await focused.count()).toBe(1)
      expect(await box.getAttribute('role')).toBe('combobox')
      expect(await box.getAttribute('aria-expanded')).toBe('false')

      await page.keyboard.type('machine lea')
      const options = page.locator('#site-q-list [role="option"]')
      await expect.poll(() => options.count()).toBeGreaterThan(0)
      expect(await box.getAttribute('aria-expanded')).toBe('true')
      expect(await box.getAttribute('aria-controls')).toBe('site-q-list')
      expect(formatViolations(await axeViolations(page)), 'axe, with the list open').toBe('')

      await page.keyboard.press('ArrowDown')
      const first = options.first()
      expect(await box.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'))
      expect(await first.getAttribute('aria-selected')).toBe('true')
      const title = (await first.innerText()).trim()

      await page.keyboard.press('Enter')
      await page.waitForURL((url) => url.pathname.startsWith('/courses/'))
      expect((await page.locator('h1').innerText()).trim()).toBe(title)
    },
  )

  test('Escape closes the list and keeps what was typed; Enter without a choice searches', async () => {
    const page = await context.newPage()
    await page.goto(`${running.origin}/courses`)
    const box = page.locator('#site-q')
    await box.focus()
    await page.keyboard.type('python')
    await expect.poll(() => page.locator('#site-q-list [role="option"]').count()).toBeGreaterThan(0)
    await page.keyboard.press('Escape')
    expect(await page.locator('#site-q-list').isHidden()).toBe(true)
    expect(await box.getAttribute('aria-expanded')).toBe('false')
    expect(await box.inputValue()).toBe('python')

    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'python')
  })
})

describe('by keyboard', () => {
  beforeAll(async () => {
    context = await browser.newContext({ locale: 'en-US' })
  })
  afterAll(() => context.close())

  test.each(['/', '/?lang=ar'])(
    'on %s the first Tab shows the skip link, Enter moves to main, Tab reaches links in the page',
    async (path) => {
      const page = await context.newPage()
      await page.goto(`${running.origin}${path}`)

      await page.keyboard.press('Tab')
      const skip = page.locator('a.skip')
      expect(await page.locator('a.skip:focus').count()).toBe(1)
      const box = await skip.boundingBox()
      const viewport = page.viewportSize()
      expect(box && viewport).toBeTruthy()
      expect(box!.x).toBeGreaterThanOrEqual(0)
      expect(box!.y).toBeGreaterThanOrEqual(0)
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport!.width)
      expect(box!.width * box!.height).toBeGreaterThan(0)

      await page.keyboard.press('Enter')
      await page.waitForURL((url) => url.hash === '#main')
      expect(await page.locator('main#main:focus').count()).toBe(1)

      await page.keyboard.press('Tab')
      expect(await page.locator('main a:focus').count()).toBe(1)
    },
  )
})

describe('language switcher', () => {
  beforeAll(async () => {
    context = await browser.newContext({ locale: 'en-US' })
  })
  afterAll(() => context.close())

  test('switches to Arabic, right to left, and remembers it on the next plain visit', async () => {
    const page = await context.newPage()
    await page.goto(`${running.origin}/`)
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr')

    await page.getByRole('link', { name: 'العربية', exact: true }).click()
    await page.waitForURL((url) => url.searchParams.get('lang') === 'ar')
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl')
    expect(await page.locator('html').getAttribute('lang')).toBe('ar')

    await page.goto(`${running.origin}/about`)
    expect(await page.locator('html').getAttribute('lang')).toBe('ar')
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl')
  })
})
