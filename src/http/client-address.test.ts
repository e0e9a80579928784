// Which client a request counts against: the socket address, a trusted proxy's X-Forwarded-For entry
// (never one the client wrote itself), IPv6 by /64, and one shared key when nothing is known.
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { clientKey, normalizeAddress, UNKNOWN_CLIENT } from './client-address.ts'

async function keyOf(trustProxy: number, forwarded: string | undefined, socket: string | undefined) {
  const app = new Hono().get('/', (c) => c.text(clientKey(c, trustProxy)))
  const headers: Record<string, string> = forwarded === undefined ? {} : { 'x-forwarded-for': forwarded }
  const env = socket === undefined ? undefined : { incoming: { socket: { remoteAddress: socket } } }
  return (await app.request('/', { headers }, env)).text()
}

describe('the client of a request', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', async () => {
    expect(await keyOf(0, '192.0.2.1', '198.51.100.7')).toBe('198.51.100.7')
  })

  it('is the entry the trusted proxies wrote, counted from the right', async () => {
    expect(await keyOf(1, '192.0.2.66, 203.0.113.5', '10.0.0.1')).toBe('203.0.113.5')
    expect(await keyOf(2, '192.0.2.66, 203.0.113.5, 10.0.0.2', '10.0.0.1')).toBe('203.0.113.5')
    expect(await keyOf(1, undefined, '198.51.100.7')).toBe('198.51.100.7')
    expect(await keyOf(3, '203.0.113.5', '10.0.0.1')).toBe('203.0.113.5')
    expect(await keyOf(1, `${'192.0.2.1, '.repeat(5000)}203.0.113.9`, '10.0.0.1')).toBe('203.0.113.9')
  })

  it.each([
    ['garbage', 'not-an-address'],
    ['empty entries', ' , ,'],
    ['a script', '<script>'],
    ['a bad address', '203.0.113.5, 1.2.3.4.5'],
  ])('falls back to the socket address when the forwarded entry is %s', async (_, forwarded) => {
    expect(await keyOf(1, forwarded, '198.51.100.7')).toBe('198.51.100.7')
  })

  it('is one shared key when nothing is known', async () => {
    expect(await keyOf(0, undefined, undefined)).toBe(UNKNOWN_CLIENT)
    expect(await keyOf(1, 'nonsense', undefined)).toBe(UNKNOWN_CLIENT)
  })
})

describe('addresses', () => {
  it.each([
    ['203.0.113.5', '203.0.113.5'],
    ['203.0.113.5:51234', '203.0.113.5'],
    ['::ffff:203.0.113.5', '203.0.113.5'],
    ['2001:db8:aa:1::7', '2001:db8:aa:1::/64'],
    ['2001:0DB8:00AA:0001:ffff:ffff:ffff:ffff', '2001:db8:aa:1::/64'],
    ['[2001:db8::1]:443', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::ffff:10.0.0.1'.toUpperCase(), '10.0.0.1'],
  ])('counts %s as %s', (raw, key) => {
    expect(normalizeAddress(raw)).toBe(key)
  })

  it.each(['', 'localhost', '999.1.1.1', '1.2.3', '2001:db8::1::2'])('refuses %j', (raw) => {
    expect(normalizeAddress(raw)).toBeUndefined()
  })
})
