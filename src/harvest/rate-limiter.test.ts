// Token bucket behaviour under a fake clock: bursts, waits, refills and concurrent callers.
import { describe, expect, it } from 'vitest'
import { createRateLimiter } from './rate-limiter.ts'

function fakeClock(start = 1_700_000_000_000) {
  const clock = {
    time: start,
    sleeps: [] as number[],
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms)
      clock.time += ms
    },
  }
  return clock
}

async function takeTimes(limiter: { take: () => Promise<void> }, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await limiter.take()
}

describe('createRateLimiter', () => {
  it('lets a full minute of requests through at once, then makes the next one wait', async () => {
    const clock = fakeClock()
    const limiter = createRateLimiter({ perMinute: 20, now: clock.now, sleep: clock.sleep })

    await takeTimes(limiter, 20)
    expect(clock.sleeps).toEqual([])

    await limiter.take()
    expect(clock.sleeps).toEqual([3_000])
  })

  it('refills over time: a minute later the whole burst is available again', async () => {
    const clock = fakeClock()
    const limiter = createRateLimiter({ perMinute: 20, now: clock.now, sleep: clock.sleep })

    await takeTimes(limiter, 20)
    clock.time += 60_000
    await takeTimes(limiter, 20)
    expect(clock.sleeps).toEqual([])
  })

  it('refills partially: after 6 s two more requests go out without waiting', async () => {
    const clock = fakeClock()
    const limiter = createRateLimiter({ perMinute: 20, now: clock.now, sleep: clock.sleep })

    await takeTimes(limiter, 20)
    clock.time += 6_000
    await takeTimes(limiter, 2)
    expect(clock.sleeps).toEqual([])
    await limiter.take()
    expect(clock.sleeps).toEqual([3_000])
  })

  it('never stores more than a minute of tokens, however long it idles', async () => {
    const clock = fakeClock()
    const limiter = createRateLimiter({ perMinute: 10, now: clock.now, sleep: clock.sleep })

    clock.time += 24 * 3_600_000
    await takeTimes(limiter, 11)
    expect(clock.sleeps).toEqual([6_000])
  })

  it('serves concurrent callers in order, each waiting one interval longer', async () => {
    const clock = fakeClock()
    const sleeps: number[] = []
    const limiter = createRateLimiter({
      perMinute: 2,
      now: clock.now,
      sleep: async (ms) => {
        sleeps.push(ms)
      },
    })

    await Promise.all([limiter.take(), limiter.take(), limiter.take(), limiter.take()])
    expect(sleeps).toEqual([30_000, 60_000])
  })

  it('rejects a rate that is not a positive number', () => {
    const clock = fakeClock()
    for (const perMinute of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createRateLimiter({ perMinute, now: clock.now, sleep: clock.sleep })).toThrow(RangeError)
    }
  })
})
