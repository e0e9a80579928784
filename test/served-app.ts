// Serves a moocx app on a real port of 127.0.0.1, for clients that are not ours (a Perl OAI-PMH
// harvester) and for one moocx node harvesting another.
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'

export interface ServedApp {
  /** `http://127.0.0.1:<port>` */
  url: string
  close: () => Promise<void>
}

export async function serveApp(app: {
  fetch: (request: Request) => Response | Promise<Response>
}): Promise<ServedApp> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
