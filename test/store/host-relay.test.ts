import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { type HostRelay, RELAY_CHANNEL, startHostRelay } from '../../src/store/host-relay.ts'

/** The hosts of one bot talk through the PostgreSQL they share: DATABASE_URL, as the store's tests. */
const SERVER = process.env.DATABASE_URL
if (!SERVER)
  console.warn('test/store: host relay skipped, no DATABASE_URL (.ci/run starts a throwaway PostgreSQL)')

/** Resolves with what `list` holds once it holds `count` items (the test's timeout bounds it). */
function received<T>(list: T[], count: number): Promise<T[]> {
  return new Promise((done) => {
    const check = () => (list.length >= count ? done(list) : setTimeout(check, 10))
    check()
  })
}

describe.skipIf(!SERVER)('messages between the hosts of one bot (DATABASE_URL)', () => {
  const relays: HostRelay[] = []
  afterAll(async () => {
    await Promise.all(relays.map((r) => r.close()))
  })

  it('reach every other host, never the sender, and a stranger’s NOTIFY on the channel is ignored', async () => {
    const heard: Record<'a' | 'b', unknown[]> = { a: [], b: [] }
    const a = await startHostRelay(SERVER as string, { onMessage: (m) => heard.a.push(m) })
    const b = await startHostRelay(SERVER as string, { onMessage: (m) => heard.b.push(m) })
    relays.push(a, b)
    const stranger = new pg.Client({ connectionString: SERVER })
    await stranger.connect()
    await stranger.query('SELECT pg_notify($1, $2)', [RELAY_CHANNEL, 'not json at all'])
    await stranger.end()
    await a.publish({ musalaha: 'reload', from: 3 })
    await b.publish({ musalaha: 'rate', from: 0, user: 'u', at: 1 })
    expect(await received(heard.b, 1)).toEqual([{ musalaha: 'reload', from: 3 }])
    expect(await received(heard.a, 1)).toEqual([{ musalaha: 'rate', from: 0, user: 'u', at: 1 }])
  })

  it('says plainly when it cannot publish', async () => {
    const c = await startHostRelay(SERVER as string, { onMessage: () => undefined })
    await expect(c.publish({ big: 'x'.repeat(9000) })).rejects.toThrow('too large')
    await c.close()
    await expect(c.publish({ musalaha: 'reload', from: 0 })).rejects.toThrow('not connected')
  })
})
