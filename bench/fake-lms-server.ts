// A fake Open edX LMS for the harvest benchmark, in its own process so that moocx's memory is
// measured alone: serves COUNT generated course runs, 100 a page, generated on the fly.
import { startFakeHttpServer } from '../test/fake-http-server.ts'
import { openedxRun } from '../test/fakes/openedx-lms.ts'

const count = Number(process.argv[2] ?? 100_000)
const server = await startFakeHttpServer({
  '/api/courses/v1/courses/': (_req, res, recorded) => {
    const params = new URL(recorded.url, 'http://x').searchParams
    const size = Math.min(100, Number(params.get('page_size') ?? 100) || 100)
    const page = Math.max(1, Number(params.get('page') ?? 1) || 1)
    const pages = Math.ceil(count / size)
    const first = (page - 1) * size
    const results = Array.from({ length: Math.max(0, Math.min(size, count - first)) }, (_, i) =>
      openedxRun(first + i),
    )
    const next =
      page < pages ? `${server.url}/api/courses/v1/courses/?page=${page + 1}&page_size=${size}` : null
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ results, pagination: { next, count, num_pages: pages } }))
  },
})
process.stdout.write(`${server.url}\n`)
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)))
