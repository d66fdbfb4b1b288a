import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commands } from '../../src/commands/index.ts'
import { commandData } from '../../src/discord/deploy.ts'
import { runProcess } from '../helpers.ts'
import { type FakeDiscord, slashCommand, startFakeDiscord } from './fake-discord.ts'

const TSX = resolve('node_modules/.bin/tsx')
const TOKEN = 'fake-token-for-the-test-server'
// A working directory without a .env: only the variables given here count.
const cwd = mkdtempSync(join(tmpdir(), 'musalaha-e2e-'))

let discord: FakeDiscord
beforeAll(async () => {
  discord = await startFakeDiscord()
})
afterAll(async () => {
  await discord?.stop()
})

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DISCORD_TOKEN: TOKEN,
    DISCORD_CLIENT_ID: discord.applicationId,
    DISCORD_API_BASE: discord.api,
    ...extra,
  }
}

function run(script: string, environment: NodeJS.ProcessEnv) {
  return runProcess(TSX, [resolve(script)], { cwd, env: environment })
}

describe('npm run deploy-commands', () => {
  it('registers every command to the server with one bulk PUT when DISCORD_GUILD_ID is set', async () => {
    const before = discord.requests.length
    const r = await run('src/discord/deploy-commands.ts', env({ DISCORD_GUILD_ID: discord.guildId }))
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const sent = discord.requests.slice(before)
    expect(sent.map((q) => `${q.method} ${q.path}`)).toEqual([
      `PUT /applications/${discord.applicationId}/guilds/${discord.guildId}/commands`,
    ])
    expect(sent[0]?.authorization).toBe(`Bot ${TOKEN}`)
    expect(sent[0]?.body).toEqual(commandData(commands))
    expect(r.stdout).toContain(
      `Registered ${commandData(commands).length} commands (server ${discord.guildId})`,
    )
    expect(r.stdout + r.stderr).not.toContain(TOKEN)
  })

  it('registers globally without DISCORD_GUILD_ID', async () => {
    const before = discord.requests.length
    const r = await run('src/discord/deploy-commands.ts', env())
    expect(r.code).toBe(0)
    expect(discord.requests.slice(before).map((q) => `${q.method} ${q.path}`)).toEqual([
      `PUT /applications/${discord.applicationId}/commands`,
    ])
  })
})

describe('npm start', () => {
  let bot: ChildProcess | undefined
  afterAll(() => {
    if (bot && bot.exitCode === null) bot.kill('SIGKILL')
  })

  it('loads the corpus, logs in, answers, logs one line per interaction and stops cleanly on SIGTERM', async () => {
    // `npm start` is `node dist/index.js`: one process, so SIGTERM reaches the bot itself. Here the
    // same program runs from source (build.test.ts runs the compiled one).
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts.start).toBe('node dist/index.js')
    const loader = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href
    const child = spawn(process.execPath, ['--import', loader, resolve('src/index.ts')], {
      cwd,
      env: env({ CORPUS_PATH: resolve('corpus'), MUSALAHA_CACHE_DIR: join(cwd, 'cache') }),
    })
    bot = child
    const lines: Record<string, unknown>[] = []
    let stderr = ''
    child.stderr?.on('data', (d) => (stderr += d))
    const seen = (event: string) =>
      new Promise<Record<string, unknown>>((found) => {
        const check = () => {
          const line = lines.find((l) => l.event === event)
          if (line) found(line)
          else setTimeout(check, 20)
        }
        check()
      })
    let buffer = ''
    child.stdout?.on('data', (d) => {
      buffer += d
      const parts = buffer.split('\n')
      buffer = parts.pop() ?? ''
      for (const p of parts) if (p.trim()) lines.push(JSON.parse(p))
    })
    expect(await seen('knowledge-base')).toMatchObject({ articles: expect.any(Number), fromCache: false })
    await seen('ready')
    const x = await discord.interact(slashCommand('about'))
    expect(x.final?.body.embeds[0].title).toBe('About the corpus')
    expect(await seen('interaction')).toMatchObject({
      kind: 'command',
      command: 'about',
      outcome: 'ok',
      guild: discord.guildId,
    })
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(lines.map((l) => l.event)).toContain('stopped')
    expect(stderr).toBe('')
    expect(JSON.stringify(lines)).not.toContain(TOKEN)
  })
})
