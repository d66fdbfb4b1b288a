import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run.ts'
import { cli } from '../helpers.ts'

describe('the command line: formats, help, pictures', () => {
  it('prints Markdown with footnote citations with --format markdown', () => {
    const r = cli('terms', 'rastan', '--format', 'markdown')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^## Northern Homs countryside agreement\n/)
    expect(r.stdout).toMatch(/^- .+ \[\^\d+\]$/m)
    expect(r.stdout).toMatch(/^\[\^1\]: “.+” — \*.+\*, .*¶\d+\./m)
  })

  it('keeps --json and --format json the same: the JSON contract', () => {
    expect(cli('stance', 'HTS', '--format', 'json').json()).toEqual(cli('stance', 'HTS', '--json').json())
  })

  it('prints each quote once in text', () => {
    const out = cli('terms', 'rastan').stdout
    const quotes = [...out.matchAll(/^ {2}\[\d+\] “(.+)”$/gm)].map((m) => m[1] ?? '')
    expect(quotes.length).toBeGreaterThan(3)
    for (const q of quotes) expect(out.split(q).length - 1).toBe(1)
  })

  it('says what was wrong with a value in words', () => {
    const r = cli('search', 'x', '--limit', '1.5')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('limit: give a whole number from 1 to 50')
    expect(cli('search', 'x', '--format', 'html').stderr).toMatch(/--format takes text, markdown, json/)
  })

  it('offers --limit and --out only where they apply', () => {
    expect(cli('terms', 'rastan', '--limit', '3').stderr).toMatch(/unknown option --limit for terms/)
    expect(cli('terms', 'rastan', '--out', 'x.png').stderr).toMatch(/--out applies only to .*timeline/)
    expect(cli('--help').stdout).not.toMatch(/^Usage: .*--limit/m)
  })

  it('help: each command with an example, how names are matched, and the corpus loaded', () => {
    const r = cli('help')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/• timeline — .+ Example: timeline rastan --out rastan.png/)
    expect(r.stdout).toContain('How names are matched')
    expect(r.stdout).toMatch(/corpus: 5 articles from \d publishers, dated 2017-07-17 to 2018-05-03/)
  })

  it('writes the timeline picture with --out', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'musalaha-')), 'rastan.png')
    let stdout = ''
    let stderr = ''
    const code = await runCli(['timeline', 'rastan', '--out', file], {
      stdout: (s) => {
        stdout += s
      },
      stderr: (s) => {
        stderr += s
      },
      env: { MUSALAHA_CACHE_DIR: 'none' },
    })
    expect(code).toBe(0)
    expect(stderr).toBe(`Wrote ${file}\n`)
    expect(stdout).toMatch(/^Timeline: Northern Homs countryside agreement\n/)
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG')
  }, 60_000)
})
