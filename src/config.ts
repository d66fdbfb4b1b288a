import dotenv from 'dotenv'
import { z } from 'zod'
import { DEFAULT_CORPUS } from './knowledge/open.ts'

/** The bot's settings, read once from the environment at start-up. */
export interface Config {
  token: string
  clientId: string
  /** Register commands to this server only (instant); null: globally. */
  guildId: string | null
  /** discord.js `rest.api`, e.g. http://127.0.0.1:8080/api; null: Discord itself. */
  apiBase: string | null
  corpusPath: string
  /** Where the index cache lives; undefined: the default (.cache/), null: no cache. */
  cacheDir: string | null | undefined
  logLevel: LogLevel
  rateLimit: { commands: number; windowMs: number }
  /**
   * SHARDS: run this many discord.js shards, each its own process under a ShardingManager;
   * 'auto': as many as Discord recommends; null: one process, no manager. Always null inside a
   * shard (discord.js sets SHARDS there to the shard's own id).
   */
  shards: 'auto' | number | null
  /**
   * SHARD_LIST: the shards of SHARDS this host runs ('0-3', '4,5'), when several hosts share one
   * bot (each its own range of the same total); null: all of them.
   */
  shardList: number[] | null
  /** SHARD_SPAWN_DELAY_MS: the pause between two shards' logins (Discord allows one every 5 s). */
  shardSpawnDelayMs: number
  /** DATABASE_URL: a PostgreSQL store instead of the in-memory index; null: in memory. */
  databaseUrl: string | null
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export const DEFAULT_RATE_LIMIT = { commands: 5, windowSeconds: 10 } as const

/** A setting is missing or wrong: the message names the variable, never its value. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

const snowflake = /^\d{17,20}$/
// Unset and empty mean the same: a .env line 'DISCORD_GUILD_ID=' leaves it unset.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional())
const count = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${what}` })
    .int(what)
    .min(min, what)
    .max(max, what)

const schema = z.object({
  DISCORD_TOKEN: z
    .string({ error: 'the bot token from the developer portal (Bot → Reset Token)' })
    .regex(/^\S{20,}$/, 'the bot token from the developer portal (Bot → Reset Token), without spaces'),
  DISCORD_CLIENT_ID: z
    .string({ error: 'the application id from the developer portal (General Information), 17–20 digits' })
    .regex(snowflake, 'the application id from the developer portal (General Information), 17–20 digits'),
  DISCORD_GUILD_ID: optional(z.string().regex(snowflake, 'a server id (17–20 digits), or unset')),
  DISCORD_API_BASE: optional(
    z.url({ protocol: /^https?$/, error: 'an http(s) URL such as https://discord.com/api, or unset' }),
  ),
  CORPUS_PATH: optional(z.string()),
  MUSALAHA_CACHE_DIR: optional(z.string()),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `one of ${LOG_LEVELS.join(', ')}` })),
  RATE_LIMIT_COMMANDS: optional(count('a whole number of commands from 1 to 10000', 1, 10_000)),
  RATE_LIMIT_WINDOW_SECONDS: optional(count('a whole number of seconds from 1 to 3600', 1, 3600)),
  SHARDS: optional(
    z.union([z.literal('auto'), count("'auto' or a whole number of shards from 1 to 1000", 1, 1000)]),
  ),
  SHARD_LIST: optional(
    z
      .string()
      .regex(
        /^\s*\d+(\s*-\s*\d+)?(\s*,\s*\d+(\s*-\s*\d+)?)*\s*$/,
        "shard ids and ranges such as '0-3' or '4,5', or unset",
      ),
  ),
  SHARD_SPAWN_DELAY_MS: optional(count('a whole number of milliseconds from 0 to 60000', 0, 60_000)),
  DATABASE_URL: optional(
    z.url({ protocol: /^postgres(ql)?$/, error: 'a postgres:// or postgresql:// URL, or unset' }),
  ),
})

/**
 * The configuration from environment variables (given, so that tests need no process). Throws
 * ConfigError naming every bad variable and what it should be; values are never repeated.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // Inside a shard, SHARDS is discord.js's (the shard's id), not the operator's; SHARD_LIST was the manager's.
  const r = schema.safeParse(
    env.SHARDING_MANAGER ? { ...env, SHARDS: undefined, SHARD_LIST: undefined } : env,
  )
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${String(i.path[0] ?? 'environment')} should be ${i.message}`)
    throw new ConfigError([...new Set(problems)].join('; '))
  }
  const e = r.data
  const shardList = e.SHARD_LIST === undefined ? null : shardIds(e.SHARD_LIST)
  if (shardList && e.SHARDS === undefined)
    throw new ConfigError('SHARD_LIST should be unset, or come with SHARDS (the total of all hosts’ shards)')
  const total = e.SHARDS
  if (shardList && typeof total === 'number' && shardList.some((id) => id >= total))
    throw new ConfigError(`SHARD_LIST should hold shard ids below SHARDS (0 to ${total - 1})`)
  return {
    token: e.DISCORD_TOKEN,
    clientId: e.DISCORD_CLIENT_ID,
    guildId: e.DISCORD_GUILD_ID ?? null,
    apiBase: e.DISCORD_API_BASE?.replace(/\/+$/, '') ?? null,
    corpusPath: e.CORPUS_PATH ?? DEFAULT_CORPUS,
    cacheDir: e.MUSALAHA_CACHE_DIR === 'none' ? null : e.MUSALAHA_CACHE_DIR,
    logLevel: e.LOG_LEVEL ?? 'info',
    rateLimit: {
      commands: e.RATE_LIMIT_COMMANDS ?? DEFAULT_RATE_LIMIT.commands,
      windowMs: (e.RATE_LIMIT_WINDOW_SECONDS ?? DEFAULT_RATE_LIMIT.windowSeconds) * 1000,
    },
    shards: e.SHARDS ?? null,
    shardList,
    shardSpawnDelayMs: e.SHARD_SPAWN_DELAY_MS ?? 5500,
    databaseUrl: e.DATABASE_URL ?? null,
  }
}

/** '0-2, 5' → [0, 1, 2, 5]: the ids in order, each once. */
function shardIds(list: string): number[] {
  const ids = new Set<number>()
  for (const part of list.split(',')) {
    const [from = 0, to = from] = part.split('-').map((n) => Number(n.trim()))
    if (to - from > 10_000) throw new ConfigError('SHARD_LIST should name at most 10000 shards')
    for (let id = Math.min(from, to); id <= Math.max(from, to); id++) ids.add(id)
  }
  return [...ids].sort((a, b) => a - b)
}

/** process.env with .env (in the working directory) filled in underneath; the process's own variables win. */
export function readEnvironment(): Record<string, string | undefined> {
  dotenv.config({ quiet: true })
  return process.env
}

/**
 * For the entry points: the configuration, or one line on stderr naming what is wrong and exit 2.
 */
export function configOrExit(program: string): Config {
  try {
    return parseConfig(readEnvironment())
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e
    process.stderr.write(`${program}: ${e.message} (see .env.example)\n`)
    process.exit(2)
  }
}
