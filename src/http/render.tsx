// Renders a page element as a complete HTML document.
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from './env.ts'
import type { PageContext } from './layout.tsx'

export function pageContext(c: Context<AppEnv>): PageContext {
  return { t: c.get('t'), locale: c.get('locale'), url: new URL(c.req.url) }
}

export async function renderPage(
  c: Context<AppEnv>,
  element: { toString(): string | Promise<string> },
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  return c.html(`<!DOCTYPE html>${await element.toString()}`, status)
}
