import { describe, expect, it } from 'vitest'
import { createLogger } from '../../src/discord/log.ts'
import { isShardMessage, ShardedRateLimiter, startShardingManager } from '../../src/discord/sharding.ts'

describe('the rate limit across shards', () => {
  it('counts a user’s commands on every shard against one window', () => {
    let t = 0
    const now = () => t
    const shards: ShardedRateLimiter[] = []
    // Two shards wired as the manager relays: each allowed command is recorded on the other.
    for (const id of [0, 1])
      shards.push(new ShardedRateLimiter(3, 1000, (user, at) => shards[1 - id]?.record(user, at), now))
    const [a, b] = shards as [ShardedRateLimiter, ShardedRateLimiter]
    expect([a.take('u'), b.take('u'), a.take('u')]).toEqual([0, 0, 0])
    t = 100
    expect(b.take('u')).toBe(900)
    expect(b.take('someone else')).toBe(0)
    t = 1000
    expect(b.take('u')).toBe(0)
  })

  it('tells its own IPC messages from discord.js’s', () => {
    expect(isShardMessage({ musalaha: 'reload', from: 0 })).toBe(true)
    expect(isShardMessage({ _eval: '1 + 1' })).toBe(false)
    expect(isShardMessage('reload')).toBe(false)
  })
})

describe('the shards of one host among several', () => {
  it('refuses a SHARD_LIST beyond the total before any shard starts', async () => {
    const start = startShardingManager({
      file: 'no-shard-is-started.js',
      shards: 2,
      shardList: [1, 2],
      token: 'fake-token-for-a-test-that-starts-nothing',
      apiBase: null,
      log: createLogger('error', () => undefined),
      spawnDelayMs: 0,
    })
    await expect(start).rejects.toThrow('SHARD_LIST names shard 2, but there are 2 shards (0 to 1)')
  })
})
