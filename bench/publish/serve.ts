// The server of bench:publish, in its own process so that its memory is measured alone: the real app
// over the SQLite database at FILE on 127.0.0.1, rate limits off (a harvest of 100,000 records asks
// for 1,000 pages in a few seconds). Prints its URL, then serves until SIGTERM.
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
process.stdout.write(`${served.url}\n`)
process.on(
  'SIGTERM',
  () =>
    void served
      .close()
      .then(() => db.destroy())
      .then(() => process.exit(0)),
)
