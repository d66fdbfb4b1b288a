import { randomUUID } from 'node:crypto'
import pg from 'pg'

/**
 * Messages between the hosts of one bot, over the PostgreSQL they share (LISTEN/NOTIFY), so that
 * many hosts need no other service: what a sharding manager relays between its own shards (a
 * user's commands for the rate limit, /reload) it also publishes here, and relays what the other
 * hosts publish to its shards. A host never hears its own messages back.
 */

/** The channel; one per database (corpora share it: a reload reloads every host's corpus). */
export const RELAY_CHANNEL = 'musalaha_hosts'

/** NOTIFY's payload must stay under 8000 bytes; ours are a few dozen. */
const MAX_PAYLOAD = 7900

export interface HostRelay {
  /** This host's id in the relay. */
  readonly host: string
  /** Sends a message to every other host (not awaited by the caller: a lost one is logged). */
  publish(message: unknown): Promise<void>
  close(): Promise<void>
}

export interface RelayOptions {
  /** Hears each message another host published (parsed JSON, to be checked by the caller). */
  onMessage: (message: unknown, from: string) => void
  onError?: (e: Error) => void
  /** How long to wait before connecting again after the connection is lost. */
  reconnectMs?: number
}

export async function startHostRelay(databaseUrl: string, options: RelayOptions): Promise<HostRelay> {
  const host = randomUUID()
  const reconnectMs = options.reconnectMs ?? 5000
  let closed = false
  let client: pg.Client | null = null
  let retry: NodeJS.Timeout | undefined

  const reconnectLater = () => {
    if (closed) return
    retry = setTimeout(
      () =>
        connect().catch((e: Error) => {
          options.onError?.(e)
          reconnectLater()
        }),
      reconnectMs,
    )
  }
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: databaseUrl })
    c.on('notification', (n) => {
      if (n.channel !== RELAY_CHANNEL || !n.payload) return
      try {
        const { from, message } = JSON.parse(n.payload) as { from?: unknown; message?: unknown }
        if (typeof from === 'string' && from !== host) options.onMessage(message, from)
      } catch {
        // Not ours: another program's NOTIFY on the same channel name.
      }
    })
    c.on('error', (e) => {
      options.onError?.(e)
      client = null
      c.end().catch(() => undefined)
      reconnectLater()
    })
    await c.connect()
    await c.query(`LISTEN ${RELAY_CHANNEL}`)
    client = c
  }
  await connect()

  return {
    host,
    async publish(message) {
      const payload = JSON.stringify({ from: host, message })
      if (Buffer.byteLength(payload) > MAX_PAYLOAD)
        throw new Error('host relay: message too large for NOTIFY')
      if (!client) throw new Error('host relay: not connected to PostgreSQL')
      await client.query('SELECT pg_notify($1, $2)', [RELAY_CHANNEL, payload])
    },
    async close() {
      closed = true
      clearTimeout(retry)
      await client?.end()
      client = null
    },
  }
}
