// Static assets (the stylesheet), read once at start and served with a content hash ETag.
import fs from 'node:fs'
import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import type { AppEnv } from './env.ts'

const css = fs.readFileSync(new URL('./assets/moocx.css', import.meta.url), 'utf8')
const cssTag = `"${createHash('sha256').update(css).digest('base64url').slice(0, 16)}"`

export function assets() {
  return new Hono<AppEnv>().get('/moocx.css', (c) => {
    c.header('ETag', cssTag)
    c.header('Cache-Control', 'public, max-age=86400')
    if (c.req.header('if-none-match') === cssTag) return c.body(null, 304)
    return c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8' })
  })
}
