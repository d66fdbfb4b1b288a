import { type Client, type Shard, ShardingManager } from 'discord.js'
import type { KnowledgeSource } from '../knowledge/holder.ts'
import type { Logger } from './log.ts'
import { RateLimiter } from './rate-limit.ts'

/**
 * Many servers: discord.js's ShardingManager runs one process per shard, each with its own
 * gateway connection, knowledge base and handlers. Discord sends every interaction of a server
 * to the one shard that owns it, so a command and its page buttons always reach the same process
 * (the paging state stays valid). Two things must span shards, and travel as IPC messages through
 * the manager: the per-user rate limit (a user is in servers on several shards) and /reload
 * (reloading one shard's corpus must reload every shard's).
 */

/** Our IPC messages, marked apart from discord.js's own. */
export type ShardMessage =
  | { musalaha: 'reload'; from: number }
  | { musalaha: 'rate'; from: number; user: string; at: number }

export function isShardMessage(m: unknown): m is ShardMessage {
  if (!m || typeof m !== 'object') return false
  const kind = (m as { musalaha?: unknown }).musalaha
  return kind === 'reload' || kind === 'rate'
}

/**
 * SHARDS=auto: the shard count Discord recommends for this bot (GET /gateway/bot). Asked here
 * rather than by discord.js, which always asks discord.com, so that DISCORD_API_BASE holds.
 */
export async function recommendedShards(token: string, apiBase: string | null): Promise<number> {
  const base = apiBase ?? 'https://discord.com/api'
  const res = await fetch(`${base}/v10/gateway/bot`, { headers: { authorization: `Bot ${token}` } })
  if (!res.ok)
    throw new Error(`GET /gateway/bot answered ${res.status}: cannot find the recommended shard count`)
  const { shards } = (await res.json()) as { shards?: unknown }
  if (typeof shards !== 'number' || !Number.isInteger(shards) || shards < 1)
    throw new Error('GET /gateway/bot gave no shard count')
  return shards
}

export interface ManagerOptions {
  /** The entry point each shard runs (this very program). */
  file: string
  shards: 'auto' | number
  /** The shards this host runs, of the total (several hosts, one bot); undefined: all. */
  shardList?: number[] | null
  token: string
  apiBase: string | null
  log: Logger
  spawnDelayMs: number
  /** Node options for the shards (e.g. a TypeScript loader in development). */
  execArgv?: string[]
  /**
   * The other hosts of this bot (DATABASE_URL: over PostgreSQL): what a shard here sends is
   * published to them, and what they publish reaches every shard here. Null: this host only.
   */
  hosts?: { publish(m: ShardMessage): Promise<void>; listen(onMessage: (m: unknown) => void): void } | null
}

/**
 * Starts every shard and relays our messages between them; resolves once all are ready.
 * `onManager` gets the manager before the first shard starts (to stop them on a signal meanwhile).
 */
export async function startShardingManager(
  options: ManagerOptions,
  onManager: (manager: ShardingManager) => void = () => undefined,
): Promise<ShardingManager> {
  const { log } = options
  const total =
    options.shards === 'auto' ? await recommendedShards(options.token, options.apiBase) : options.shards
  const list = options.shardList ?? null
  if (list?.some((id) => id >= total))
    throw new Error(
      `SHARD_LIST names shard ${Math.max(...list)}, but there are ${total} shards (0 to ${total - 1})`,
    )
  const manager = new ShardingManager(options.file, {
    totalShards: total,
    ...(list ? { shardList: list } : {}),
    token: options.token,
    execArgv: options.execArgv ?? [],
    respawn: true,
  })
  manager.on('shardCreate', (shard: Shard) => {
    const slog = log.child({ shard: shard.id })
    slog.info('shard-created', { shards: total })
    shard.on('ready', () => slog.info('shard-ready'))
    shard.on('disconnect', () => slog.warn('shard-disconnected'))
    shard.on('reconnecting', () => slog.warn('shard-reconnecting'))
    shard.on('death', (child) => {
      const code = 'exitCode' in child ? child.exitCode : null
      slog[manager.respawn ? 'error' : 'info']('shard-exited', { code, respawn: manager.respawn })
    })
    shard.on('error', (e) => slog.error('shard-error', { error: e.message }))
    shard.on('message', (m: unknown) => {
      if (!isShardMessage(m)) return
      if (m.musalaha === 'reload') slog.info('shard-reload-broadcast')
      relay(m, shard.id)
      options.hosts?.publish(m).catch((e: Error) => slog.warn('host-relay-failed', { error: e.message }))
    })
  })
  /** A message to every shard of this host but the one it came from. */
  const relay = (m: ShardMessage, except: number | null) => {
    for (const other of manager.shards.values())
      if (other.id !== except)
        other.send(m).catch((e: Error) => log.warn('shard-relay-failed', { to: other.id, error: e.message }))
  }
  options.hosts?.listen((m) => {
    if (!isShardMessage(m)) return
    if (m.musalaha === 'reload') log.info('host-reload-broadcast', { by: m.from })
    relay(m, null)
  })
  onManager(manager)
  log.info('sharding', {
    shards: total,
    auto: options.shards === 'auto',
    here: list ? list.join(',') : 'all',
  })
  // The knowledge base loads before login: give a shard time to build a corpus without a cache.
  await manager.spawn({ amount: total, delay: options.spawnDelayMs, timeout: 300_000 })
  return manager
}

/** Stops every shard with SIGTERM (each logs out cleanly) and waits for them to exit. */
export async function stopShards(manager: ShardingManager): Promise<void> {
  manager.respawn = false
  await Promise.all(
    [...manager.shards.values()].map(
      (shard) =>
        new Promise<void>((done) => {
          const child = shard.process
          if (!child || child.exitCode !== null || child.signalCode !== null) return done()
          child.once('exit', () => done())
          child.kill('SIGTERM')
        }),
    ),
  )
}

/**
 * A rate limiter whose window spans shards: each command it allows is announced to the others,
 * which count it too (`record`). The announcement takes a millisecond over IPC; two commands on
 * two shards within that millisecond may both pass, which a rate limit can bear.
 */
export class ShardedRateLimiter extends RateLimiter {
  constructor(
    limit: number,
    windowMs: number,
    private readonly announce: (user: string, at: number) => void,
    now: () => number = Date.now,
  ) {
    super(limit, windowMs, now)
  }

  override take(user: string): number {
    const wait = super.take(user)
    if (wait === 0) this.announce(user, this.now())
    return wait
  }
}

/**
 * Inside a shard: the rate limiter shared with the other shards, and a knowledge source whose
 * reload reaches every shard. Both talk through the manager.
 */
export function joinShards(
  client: Client,
  source: KnowledgeSource,
  rateLimit: { commands: number; windowMs: number },
  log: Logger,
): { limiter: RateLimiter; source: KnowledgeSource } {
  const util = client.shard
  if (!util) throw new Error('joinShards: not a shard (no SHARDING_MANAGER)')
  const id = util.ids[0] ?? 0
  const send = (m: ShardMessage) =>
    util.send(m).catch((e: Error) => log.warn('shard-send-failed', { error: e.message }))
  const limiter = new ShardedRateLimiter(rateLimit.commands, rateLimit.windowMs, (user, at) =>
    send({ musalaha: 'rate', from: id, user, at }),
  )
  process.on('message', (m: unknown) => {
    if (!isShardMessage(m) || m.from === id) return
    if (m.musalaha === 'rate') limiter.record(m.user, m.at)
    else if (source.reload) {
      log.info('reload-requested', { by: m.from })
      source.reload().then(
        (r) =>
          log.info('reloaded', {
            by: m.from,
            articles: r.articles,
            passages: r.passages,
            ms: Math.round(r.ms),
          }),
        (e: Error) => log.error('reload-failed', { by: m.from, error: e.message }),
      )
    }
  })
  const shared: KnowledgeSource = {
    current: () => source.current(),
    ...(source.reload
      ? {
          reload: async () => {
            const reload = source.reload as NonNullable<KnowledgeSource['reload']>
            const r = await reload.call(source)
            send({ musalaha: 'reload', from: id })
            return r
          },
        }
      : {}),
  }
  return { limiter, source: shared }
}
