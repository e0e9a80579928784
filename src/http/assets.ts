// Static assets (the stylesheet and the one enhancing script), read once at start and served with a
// content hash ETag.
import fs from 'node:fs'
import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import type { AppEnv } from './env.ts'

const FILES = {
  'moocx.css': 'text/css; charset=utf-8',
  'suggest.js': 'text/javascript; charset=utf-8',
} as const

const loaded = Object.entries(FILES).map(([name, type]) => {
  const body = fs.readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8')
  const tag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`
  return { name, type, body, tag }
})

export function assets() {
  const app = new Hono<AppEnv>()
  for (const { name, type, body, tag } of loaded)
    app.get(`/${name}`, (c) => {
      c.header('ETag', tag)
      c.header('Cache-Control', 'public, max-age=86400')
      if (c.req.header('if-none-match') === tag) return c.body(null, 304)
      return c.body(body, 200, { 'Content-Type': type })
    })
  return app
}
