// Helpers for the browser tests: the real app on a 127.0.0.1 port, Debian's Chromium, and axe-core
// run inside a page with its violations formatted so a failure says what to fix.
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import axe from 'axe-core'
import type { AxeResults, Result, RunOptions } from 'axe-core'
import { chromium, type Browser, type Page } from 'playwright-core'
import { createTestApp, type TestApp } from '../test-app.ts'

export interface RunningApp {
  testApp: TestApp
  /** Origin of the running server, e.g. `http://127.0.0.1:43121`. */
  origin: string
  stop: () => Promise<void>
}

/** Serves the demo-seeded test app on a free port of 127.0.0.1. */
export async function startApp(): Promise<RunningApp> {
  const testApp = await createTestApp({ demo: true })
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: testApp.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  const stop = async () => {
    await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())))
    await testApp.close()
  }
  return { testApp, origin: `http://127.0.0.1:${port}`, stop }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  })
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']

/**
 * Runs axe on the page as loaded and returns its violations. Needs JavaScript enabled in the page's
 * context (axe runs there), so no-JS tests check markup in another context.
 */
export async function axeViolations(page: Page): Promise<Result[]> {
  await page.addScriptTag({ content: axe.source })
  const options: RunOptions = { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] }
  const results = await page.evaluate(
    (opts) => (globalThis as unknown as { axe: typeof axe }).axe.run<AxeResults>(opts),
    options,
  )
  if (results.passes.length === 0) throw new Error(`axe checked nothing on ${page.url()}`)
  return results.violations
}

export interface SidewaysOverflow {
  /** How many CSS pixels the page scrolls sideways; 0 when it reflows to the viewport. */
  pixels: number
  /** The outermost elements sticking out of the viewport, as short descriptions. */
  culprits: string[]
}

/** Measures sideways scrolling (WCAG 1.4.10 reflow) and names what sticks out, to say what to fix. */
export function sidewaysOverflow(page: Page): Promise<SidewaysOverflow> {
  // A string, so it runs in the page without this project's Node-only type library.
  return page.evaluate<SidewaysOverflow>(`(() => {
    const root = document.documentElement
    const width = root.clientWidth
    const pixels = root.scrollWidth - width
    const sticksOut = (el) => {
      const r = el.getBoundingClientRect()
      const partly = r.right > width + 0.5 || r.left < -0.5
      return partly && r.right > 0 && r.left < width
    }
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => sticksOut(el) && !(el.parentElement && sticksOut(el.parentElement)))
      .slice(0, 5)
      .map((el) => el.outerHTML.slice(0, 160))
    return { pixels, culprits: pixels > 0 ? culprits : [] }
  })()`)
}

/** One paragraph per violation: rule, impact, help URL, then each failing node and why. */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => {
        const summary = (n.failureSummary ?? '').replace(/\n/g, '\n      ')
        return `  - ${n.target.join(' ')}\n      ${summary}\n      html: ${n.html.slice(0, 200)}`
      })
      return `[${v.id}] (${v.impact ?? 'n/a'}) ${v.help}\n  ${v.helpUrl}\n${nodes.join('\n')}`
    })
    .join('\n\n')
}
