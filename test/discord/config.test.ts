import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../src/config.ts'

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.secret-token-value.abcdef'
const good = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '100000000000000001' }

function problem(env: Record<string, string | undefined>): string {
  try {
    parseConfig(env)
  } catch (e) {
    if (e instanceof ConfigError) return e.message
    throw e
  }
  return ''
}

describe('configuration from the environment', () => {
  it('takes the defaults for everything optional', () => {
    const c = parseConfig(good)
    expect(c).toMatchObject({
      token: TOKEN,
      clientId: '100000000000000001',
      guildId: null,
      apiBase: null,
      logLevel: 'info',
      rateLimit: { commands: 5, windowMs: 10_000 },
    })
    expect(c.corpusPath).toMatch(/corpus$/)
  })

  it('reads every setting, an empty value meaning unset', () => {
    const c = parseConfig({
      ...good,
      DISCORD_GUILD_ID: '300000000000000001',
      DISCORD_API_BASE: 'http://127.0.0.1:8080/api/',
      CORPUS_PATH: 'elsewhere',
      MUSALAHA_CACHE_DIR: 'none',
      LOG_LEVEL: 'debug',
      RATE_LIMIT_COMMANDS: '20',
      RATE_LIMIT_WINDOW_SECONDS: '60',
    })
    expect(c).toMatchObject({
      guildId: '300000000000000001',
      apiBase: 'http://127.0.0.1:8080/api',
      corpusPath: 'elsewhere',
      cacheDir: null,
      logLevel: 'debug',
      rateLimit: { commands: 20, windowMs: 60_000 },
    })
    expect(parseConfig({ ...good, DISCORD_GUILD_ID: '' }).guildId).toBeNull()
  })

  it('runs one process unless SHARDS is set (a count or auto); inside a shard SHARDS is discord.js’s', () => {
    expect(parseConfig(good)).toMatchObject({ shards: null, shardSpawnDelayMs: 5500, databaseUrl: null })
    expect(parseConfig({ ...good, SHARDS: 'auto' }).shards).toBe('auto')
    expect(parseConfig({ ...good, SHARDS: '4', SHARD_SPAWN_DELAY_MS: '0' })).toMatchObject({
      shards: 4,
      shardSpawnDelayMs: 0,
    })
    expect(() => parseConfig({ ...good, SHARDS: '0' })).toThrow(/SHARDS should be 'auto' or a whole number/)
    expect(
      parseConfig({ ...good, SHARDS: '0', SHARD_COUNT: '2', SHARDING_MANAGER: 'true' }).shards,
    ).toBeNull()
  })

  it('runs the shards SHARD_LIST names of the SHARDS total, for one bot on several hosts', () => {
    expect(parseConfig({ ...good, SHARDS: '8', SHARD_LIST: '0-2, 5' }).shardList).toEqual([0, 1, 2, 5])
    expect(parseConfig({ ...good, SHARDS: 'auto', SHARD_LIST: '4,3' }).shardList).toEqual([3, 4])
    expect(parseConfig({ ...good, SHARDS: '4' }).shardList).toBeNull()
    expect(() => parseConfig({ ...good, SHARD_LIST: '0-1' })).toThrow(/^SHARD_LIST should .* with SHARDS/)
    expect(() => parseConfig({ ...good, SHARDS: '4', SHARD_LIST: '3-4' })).toThrow(/below SHARDS \(0 to 3\)/)
    expect(() => parseConfig({ ...good, SHARDS: '4', SHARD_LIST: 'first' })).toThrow(/^SHARD_LIST should be/)
    // Inside a shard, the manager's list is no concern of the shard's.
    expect(
      parseConfig({ ...good, SHARDS: '1', SHARD_LIST: '1', SHARDING_MANAGER: 'true' }).shardList,
    ).toBeNull()
  })

  it('takes a postgres:// DATABASE_URL, and names the variable, not its value, when it is wrong', () => {
    const url = 'postgres://musalaha@127.0.0.1:5432/musalaha'
    expect(parseConfig({ ...good, DATABASE_URL: url }).databaseUrl).toBe(url)
    expect(() => parseConfig({ ...good, DATABASE_URL: 'mysql://x@y/z' })).toThrow(/^DATABASE_URL should be/)
  })

  it.each([
    [{ DISCORD_CLIENT_ID: good.DISCORD_CLIENT_ID }, 'DISCORD_TOKEN should be the bot token'],
    [{ ...good, DISCORD_TOKEN: 'short' }, 'DISCORD_TOKEN should be'],
    [{ DISCORD_TOKEN: TOKEN }, 'DISCORD_CLIENT_ID should be the application id'],
    [{ ...good, DISCORD_CLIENT_ID: 'my-app' }, 'DISCORD_CLIENT_ID should be'],
    [{ ...good, DISCORD_GUILD_ID: '12' }, 'DISCORD_GUILD_ID should be a server id'],
    [{ ...good, DISCORD_API_BASE: 'ftp://example.org' }, 'DISCORD_API_BASE should be an http(s) URL'],
    [{ ...good, LOG_LEVEL: 'loud' }, 'LOG_LEVEL should be one of debug, info, warn, error'],
    [{ ...good, RATE_LIMIT_COMMANDS: '0' }, 'RATE_LIMIT_COMMANDS should be a whole number'],
    [{ ...good, RATE_LIMIT_WINDOW_SECONDS: 'ten' }, 'RATE_LIMIT_WINDOW_SECONDS should be a whole number'],
  ])('names a bad variable and what it should be: %j', (env, message) => {
    const m = problem(env)
    expect(m).toContain(message)
    expect(m).not.toContain('secret-token-value')
  })

  it('names every bad variable at once, on one line', () => {
    const m = problem({ DISCORD_TOKEN: 'has spaces in it but is long enough', LOG_LEVEL: 'x' })
    expect(m.split('\n')).toHaveLength(1)
    expect(m).toMatch(/DISCORD_TOKEN.*DISCORD_CLIENT_ID.*LOG_LEVEL/)
    expect(m).not.toContain('has spaces')
  })
})

describe('the entry points stop on a bad setting', () => {
  const tsx = resolve('node_modules/.bin/tsx')
  // A working directory without a .env, so only the variables given here count.
  const cwd = mkdtempSync(join(tmpdir(), 'musalaha-config-'))
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }

  it.each([
    ['npm start', 'src/index.ts', 'musalaha: '],
    ['npm run deploy-commands', 'src/discord/deploy-commands.ts', 'deploy-commands: '],
  ])('%s: exit 2 with one line naming the variable, the token never printed', (_, script, prefix) => {
    const r = spawnSync(tsx, [resolve(script)], {
      cwd,
      env: {
        ...env,
        DISCORD_TOKEN: 'not a token but a secret-token-value',
        DISCORD_CLIENT_ID: '100000000000000001',
      },
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toContain(`${prefix}DISCORD_TOKEN should be`)
    expect(r.stderr + r.stdout).not.toContain('secret-token-value')
  })
})
