// A real node:http server on 127.0.0.1 standing in for an upstream platform: a route table of
// handlers by path, a record of every request, and a close() that also drops hung connections.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** May answer, stall, stream forever or destroy the socket: hostile servers are the point. */
export type FakeHandler = (req: IncomingMessage, res: ServerResponse, request: RecordedRequest) => unknown

export interface RecordedRequest {
  method: string
  /** Path and query as sent, e.g. `/oai?verb=ListRecords`. */
  url: string
  /** Path only, the key used to pick the route. */
  path: string
  headers: IncomingHttpHeaders
  /** The request body as UTF-8, read before the handler runs ('' for GET). */
  body: string
}

export interface FakeHttpServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string
  /** Every request received so far, in arrival order. */
  requests: RecordedRequest[]
  close: () => Promise<void>
}

/**
 * Starts a server whose routes are keyed by path (`/feed.json`); a `*` route catches the rest, and
 * without one an unknown path gets 404. A handler that throws answers 500 (or drops the socket).
 */
export async function startFakeHttpServer(routes: Record<string, FakeHandler>): Promise<FakeHttpServer> {
  const requests: RecordedRequest[] = []

  const server = createServer(async (req, res) => {
    const recorded = await record(req)
    requests.push(recorded)
    const handler = routes[recorded.path] ?? routes['*']
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`No fake route for ${recorded.path}`)
      return
    }
    try {
      await handler(req, res, recorded)
    } catch (error) {
      if (res.headersSent) res.destroy()
      else res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error))
    }
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = addressOf(server.address())

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      )
    },
  }
}

async function record(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(Buffer.from(chunk))
  const url = req.url ?? '/'
  return {
    method: req.method ?? 'GET',
    url,
    path: new URL(url, 'http://fake.invalid').pathname,
    headers: req.headers,
    body: Buffer.concat(chunks).toString('utf8'),
  }
}

function addressOf(address: string | AddressInfo | null): AddressInfo {
  if (address === null || typeof address === 'string') throw new Error('The fake server is not on TCP')
  return address
}
