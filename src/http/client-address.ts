// Who is asking, for per-client rate limits: the socket's peer address, or the address a trusted
// proxy put in X-Forwarded-For. IPv6 clients are counted per /64, the block one subscriber gets.
import { isIP } from 'node:net'
import type { Context } from 'hono'
import { z } from 'zod'

/** The key of requests whose address is unknown (no socket, as in tests): they share one bucket. */
export const UNKNOWN_CLIENT = 'unknown'

const Socket = z.object({ remoteAddress: z.string().optional() })
/** What @hono/node-server puts in c.env (getConnInfo reads the same, but throws where it is missing). */
const NodeBindings = z.union([
  z.object({ incoming: z.object({ socket: Socket }) }),
  z.object({ server: z.object({ incoming: z.object({ socket: Socket }) }) }),
])

/**
 * The rate-limit key of a request. With `trustProxy` = n proxies in front of moocx, the client is
 * the n-th address from the right of X-Forwarded-For followed by the socket address (entries further
 * left are whatever the client chose to send, so they are never believed).
 */
export function clientKey(c: Context, trustProxy: number): string {
  const socket = socketAddress(c.env)
  if (trustProxy > 0) {
    // The right end is what the trusted proxies wrote; a client may pad the left as it likes.
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .slice(-4096)
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
    const chain = [...forwarded, socket ?? '']
    const candidate = chain[Math.max(0, chain.length - 1 - trustProxy)]
    const address = normalizeAddress(candidate ?? '')
    if (address) return address
  }
  return normalizeAddress(socket ?? '') ?? UNKNOWN_CLIENT
}

/** An IPv4 address as it is; an IPv6 address as its /64; anything else undefined. */
export function normalizeAddress(raw: string): string | undefined {
  const address = stripPort(raw.trim())
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)
  if (mapped?.[1] && isIP(mapped[1]) === 4) return mapped[1]
  const family = isIP(address)
  if (family === 4) return address
  if (family === 6) return `${ipv6Prefix64(address)}::/64`
  return undefined
}

function socketAddress(env: unknown): string | undefined {
  const parsed = NodeBindings.safeParse(env)
  if (!parsed.success) return undefined
  const bindings = 'server' in parsed.data ? parsed.data.server : parsed.data
  return bindings.incoming.socket.remoteAddress
}

/** Some proxies write `203.0.113.7:51234` or `[2001:db8::1]:443`. */
function stripPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address)
  if (bracketed?.[1]) return bracketed[1]
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address)
  return v4WithPort?.[1] ?? address
}

/** The first four groups of a valid IPv6 address, expanded and without leading zeros. */
function ipv6Prefix64(address: string): string {
  const [head = '', tail] = address.replace(/%.*$/, '').split('::')
  const groups = (part: string | undefined) =>
    (part ?? '')
      .split(':')
      .filter((g) => g !== '')
      .flatMap((g) => (g.includes('.') ? ['0', '0'] : [g]))
  const left = groups(head)
  const right = groups(tail)
  const full =
    tail === undefined
      ? left
      : [...left, ...Array.from({ length: 8 - left.length - right.length }, () => '0'), ...right]
  return full
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')
}
