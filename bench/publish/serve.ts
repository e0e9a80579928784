// The server of bench:publish, in its own process so that its memory is measured alone: the real app
// over the SQLite database at FILE on 127.0.0.1, rate limits off (a harvest of 100,000 records asks
// for 1,000 pages in a few seconds). Prints its URL, serves until SIGTERM, then prints one JSON line:
// the largest live heap seen right after a full (mark-compact) collection, which V8 runs on its own —
// what the process really holds, as opposed to RSS, which also counts garbage not yet collected — and
// the most V8 reserved for its heap.
import { PerformanceObserver, constants } from 'node:perf_hooks'
import { createApp } from '../../src/app.ts'
import { openDatabase } from '../../src/db/database.ts'
import { systemDeps } from '../../src/shared/deps.ts'
import { createLogger } from '../../src/shared/logger.ts'
import { serveApp } from '../../test/served-app.ts'

const [file = ''] = process.argv.slice(2)
const db = openDatabase({ kind: 'sqlite', file })
const app = createApp({
  ...systemDeps(db),
  logger: createLogger('error', (line) => process.stderr.write(line)),
  publicUrl: 'http://bench.moocx.test',
  rateLimits: {
    trustProxy: 0,
    classes: { oai: null, moochub: null, export: null, search: null, feeds: null },
  },
})
const served = await serveApp(app)

let liveHeapMb = 0
let fullCollections = 0
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const { detail } = entry as { detail?: { kind?: number } }
    if (detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue
    fullCollections++
    liveHeapMb = Math.max(liveHeapMb, process.memoryUsage().heapUsed / 2 ** 20)
  }
}).observe({ entryTypes: ['gc'] })

// The most V8 had reserved for its heap, sampled.
let heapTotalMb = 0
const sampler = setInterval(
  () => (heapTotalMb = Math.max(heapTotalMb, process.memoryUsage().heapTotal / 2 ** 20)),
  50,
)

process.stdout.write(`${served.url}\n`)
process.on('SIGTERM', () => {
  clearInterval(sampler)
  process.stdout.write(`${JSON.stringify({ liveHeapMb, fullCollections, heapTotalMb })}\n`)
  void served
    .close()
    .then(() => db.destroy())
    .then(() => process.exit(0))
})
