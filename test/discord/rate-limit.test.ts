import { describe, expect, it } from 'vitest'
import { RateLimiter } from '../../src/discord/rate-limit.ts'

describe('per-user rate limit: a few commands per window', () => {
  function makeLimiter() {
    const clock = { t: 1_000_000 }
    return { clock, limiter: new RateLimiter(3, 10_000, () => clock.t) }
  }

  it('allows the limit, then says how long to wait', () => {
    const { clock, limiter: l } = makeLimiter()
    expect([l.take('u'), l.take('u'), l.take('u')]).toEqual([0, 0, 0])
    clock.t += 4000
    expect(l.take('u')).toBe(6000)
  })

  it('allows again once the oldest command leaves the window (a sliding window)', () => {
    const { clock, limiter: l } = makeLimiter()
    l.take('u')
    clock.t += 5000
    l.take('u')
    l.take('u')
    clock.t += 5000
    expect(l.take('u')).toBe(0)
    expect(l.take('u')).toBeGreaterThan(0)
  })

  it('counts each user apart', () => {
    const { limiter: l } = makeLimiter()
    for (let i = 0; i < 3; i++) l.take('a')
    expect(l.take('a')).toBeGreaterThan(0)
    expect(l.take('b')).toBe(0)
  })

  it('does not count refused commands against the user', () => {
    const { clock, limiter: l } = makeLimiter()
    for (let i = 0; i < 10; i++) l.take('u')
    clock.t += 10_000
    expect(l.take('u')).toBe(0)
  })
})
