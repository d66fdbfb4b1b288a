import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALICE, buttonPress, type FakeDiscord, slashCommand, startFakeDiscord } from './fake-discord.ts'

/**
 * `npm start` with SHARDS=auto against a fake Discord that recommends two shards: a manager
 * process and two shard processes, each server's events reaching only its own shard.
 */
const TOKEN = 'fake-token-for-the-sharding-test'
const cwd = mkdtempSync(join(tmpdir(), 'musalaha-shards-'))
type Line = Record<string, unknown>

let discord: FakeDiscord
let bot: ChildProcess | undefined
const lines: Line[] = []
let stderr = ''

/** Resolves with the first `count` log lines matching `match` (polling, the test's timeout bounds it). */
function seen(match: (l: Line) => boolean, count = 1): Promise<Line[]> {
  return new Promise((found) => {
    const check = () => {
      const hits = lines.filter(match)
      if (hits.length >= count) found(hits)
      else setTimeout(check, 25)
    }
    check()
  })
}

beforeAll(async () => {
  discord = await startFakeDiscord({ shards: 2 })
  const loader = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href
  bot = spawn(process.execPath, ['--import', loader, resolve('src/index.ts')], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: discord.applicationId,
      DISCORD_API_BASE: discord.api,
      CORPUS_PATH: resolve('corpus'),
      MUSALAHA_CACHE_DIR: join(cwd, 'cache'),
      SHARDS: 'auto',
      SHARD_SPAWN_DELAY_MS: '0',
      RATE_LIMIT_COMMANDS: '3',
      RATE_LIMIT_WINDOW_SECONDS: '600',
    },
  })
  bot.stderr?.on('data', (d) => (stderr += d))
  let buffer = ''
  bot.stdout?.on('data', (d) => {
    buffer += d
    const parts = buffer.split('\n')
    buffer = parts.pop() ?? ''
    for (const p of parts) if (p.trim()) lines.push(JSON.parse(p))
  })
  await seen((l) => l.event === 'ready' && typeof l.shard === 'number', 2)
}, 180_000)

afterAll(async () => {
  if (bot && bot.exitCode === null) bot.kill('SIGKILL')
  await discord?.stop()
})

describe('two shards (SHARDS=auto)', () => {
  it('asks Discord for the shard count and logs each shard in with its own identity', () => {
    expect(lines.find((l) => l.event === 'sharding')).toMatchObject({
      shards: 2,
      auto: true,
      role: 'manager',
    })
    expect([...discord.identifiedShards].sort()).toEqual([0, 1])
    const ready = lines.filter((l) => l.event === 'ready').map((l) => [l.shard, l.guilds])
    expect(ready.sort()).toEqual([
      [0, 1],
      [1, 1],
    ])
  })

  it('answers in the servers of both shards, each interaction logged by the shard that owns its server', async () => {
    for (const [shard, guild] of discord.guildIds.entries()) {
      const x = await discord.interact({ ...slashCommand('about', {}, ALICE), guild })
      expect(x.final?.body.embeds[0].title).toBe('About the corpus')
      const [line] = await seen((l) => l.event === 'interaction' && l.guild === guild)
      expect(line).toMatchObject({ shard, command: 'about', outcome: 'ok', interaction: x.id })
    }
  })

  it('pages on the second shard: the page buttons come back to it and show page 2', async () => {
    const guild = discord.guildIds[1] as string
    const user = { id: '200000000000000077', username: 'pager' }
    const first = await discord.interact({
      ...slashCommand('search', { query: 'Homs', limit: 50 }, user),
      guild,
    })
    const next = first.final?.body.components[0]?.components[1]
    expect(next).toMatchObject({ label: 'Next', disabled: false })
    const message = discord.messageObject({ content: '', author: discord.bot, ...first.final?.body })
    const second = await discord.interact({ ...buttonPress(next.custom_id, message, user), guild })
    expect(second.final?.body.embeds[0].footer.text).toMatch(/page 2\//)
  })

  it('counts a user’s commands on every shard against one rate limit', async () => {
    const user = { id: '200000000000000088', username: 'busy' }
    const [g0, g1] = discord.guildIds as [string, string]
    for (const guild of [g0, g1, g0]) {
      const ok = await discord.interact({ ...slashCommand('about', {}, user), guild })
      expect(ok.final?.body.embeds?.[0]?.title).toBe('About the corpus')
    }
    // The fourth, on shard 1, which itself saw only one: refused, since shard 0 saw two.
    await discord.interact({ ...slashCommand('about', {}, user), guild: g1 })
    const [refused] = await seen(
      (l) => l.event === 'interaction' && l.user === user.id && l.outcome === 'rate-limited',
    )
    expect(refused).toMatchObject({ shard: 1, guild: g1 })
  })

  it('/reload on one shard reloads the corpus on every shard', async () => {
    const done = await discord.interact({ ...slashCommand('reload', {}, ALICE), permissions: '32' })
    expect(done.final?.body.content).toMatch(/^Corpus reloaded: \d+ articles/)
    const [other] = await seen((l) => l.event === 'reloaded')
    expect(other).toMatchObject({ shard: 1, by: 0 })
  })

  it('stops every shard on SIGTERM and exits 0, the token in no line', async () => {
    const child = bot as ChildProcess
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(lines.filter((l) => l.event === 'stopped' && typeof l.shard === 'number')).toHaveLength(2)
    expect(stderr).toBe('')
    expect(JSON.stringify(lines)).not.toContain(TOKEN)
  })
})
