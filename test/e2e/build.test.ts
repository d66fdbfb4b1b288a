import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commands } from '../../src/commands/index.ts'
import { commandData } from '../../src/discord/deploy.ts'
import { runProcess } from '../helpers.ts'
import { startFakeDiscord } from './fake-discord.ts'

/**
 * The production build: `npm run build` compiles src/ to plain JavaScript that `node` runs
 * without tsx (a devDependency, absent after `npm prune --omit=dev`). Built here into a scratch
 * folder so that the test never touches dist/; inside the project (.cache/), where node_modules is found.
 */
mkdirSync('.cache', { recursive: true })
const out = mkdtempSync(resolve('.cache', 'build-test-'))
const dist = join(out, 'dist')
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  scripts: Record<string, string>
  bin: Record<string, string>
  engines: { node: string }
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs', dist], { stdio: 'pipe' })
  // dist/ finds the tables in data/ beside it, as in the project.
  symlinkSync(resolve('data'), join(out, 'data'))
}, 120_000)
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('npm run build', () => {
  it('is what npm start and the bin run: plain node on dist/', () => {
    expect(pkg.scripts.start).toBe('node dist/index.js')
    expect(pkg.bin).toEqual({ musalaha: 'dist/bin.js' })
    expect(statSync(join(dist, 'index.js')).isFile()).toBe(true)
    expect(readFileSync(join(dist, 'bin.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/)
  })

  it('leaves no import of a .ts file in the output (relative imports rewritten to .js)', () => {
    const text = readFileSync(join(dist, 'index.js'), 'utf8')
    expect(text).toContain("from './config.js'")
    expect(text).not.toMatch(/from '\.[^']*\.ts'/)
  })

  it('answers `musalaha ask` with plain node, without tsx', () => {
    const r = spawnSync(
      process.execPath,
      [join(dist, 'bin.js'), 'ask', 'who signed the deal in Daraa?', '--json', '--corpus', resolve('corpus')],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', MUSALAHA_CACHE_DIR: join(out, 'cache') } },
    )
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toHaveProperty('query')
  })

  it('registers the commands with plain node (npm run deploy-commands), against a local fake Discord', async () => {
    expect(pkg.scripts['deploy-commands']).toBe('node dist/discord/deploy-commands.js')
    const discord = await startFakeDiscord()
    try {
      const r = await runProcess(process.execPath, [join(dist, 'discord', 'deploy-commands.js')], {
        cwd: out,
        env: {
          PATH: process.env.PATH ?? '',
          DISCORD_TOKEN: 'fake-token-for-the-build-test',
          DISCORD_CLIENT_ID: discord.applicationId,
          DISCORD_GUILD_ID: discord.guildId,
          DISCORD_API_BASE: discord.api,
        },
      })
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      expect(r.stdout).toContain(`Registered ${commandData(commands).length} commands`)
    } finally {
      await discord.stop()
    }
  })

  it('pins Node to an LTS with what the code uses (zlib.crc32: 20.15+, 22.2+), as .nvmrc does', () => {
    expect(pkg.engines.node).toBe('^20.15.0 || >=22.2.0')
    expect(readFileSync('.nvmrc', 'utf8').trim()).toBe('20')
  })
})
