import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { commands as registry } from '../../src/commands/index.ts'
import searchCommand from '../../src/commands/search.ts'
import type { Command } from '../../src/commands/types.ts'
import { defineCommand } from '../../src/commands/types.ts'
import { type Bot, createBot } from '../../src/discord/bot.ts'
import { createLogger } from '../../src/discord/log.ts'
import type { KnowledgeSource } from '../../src/knowledge/holder.ts'
import { openKnowledgeBase } from '../../src/knowledge/open.ts'
import { embedProblems } from '../../src/render/discord.ts'
import {
  autocomplete,
  buttonPress,
  type Exchange,
  type FakeDiscord,
  type FakeUser,
  messageCommand,
  slashCommand,
  startFakeDiscord,
} from './fake-discord.ts'

const EPHEMERAL = 64
const CALLBACK = { reply: 4, deferred: 5, deferredUpdate: 6, autocomplete: 8 } as const

// A command that always fails, to see what people get when a handler throws.
const broken = defineCommand({
  name: 'broken',
  description: 'Fails on purpose',
  options: [],
  examples: [],
  args: z.object({}),
  run: () => {
    throw new Error('deliberate failure')
  },
  present: () => ({ title: '', sections: [], citations: [] }),
})

// Mentions go to `ask`; until the registry has one, search stands in under that name.
const ask: Command = registry.find((c) => c.name === 'ask') ?? { ...searchCommand, name: 'ask' }
const commands = [...registry.filter((c) => c.name !== 'ask'), ask, broken]

let discord: FakeDiscord
let bot: Bot
let reloads = 0
const logLines: Record<string, unknown>[] = []
let nextUser = 0
/** A fresh user per test, so that the rate limit of one test never touches another. */
const someone = (): FakeUser => ({
  id: String(400000000000000000n + BigInt(++nextUser)),
  username: `user${nextUser}`,
})

beforeAll(async () => {
  discord = await startFakeDiscord()
  const { kb } = openKnowledgeBase({ corpusPath: 'corpus', cacheDir: null })
  const source: KnowledgeSource = {
    current: () => kb,
    async reload() {
      reloads++
      return { articles: kb.articles.size, passages: kb.passages.size, ms: 1 }
    },
  }
  bot = createBot({
    config: {
      token: 'fake-token-for-the-test-server',
      clientId: discord.applicationId,
      apiBase: discord.api,
      rateLimit: { commands: 5, windowMs: 10_000 },
    },
    source,
    commands,
    log: createLogger('info', (line) => logLines.push(JSON.parse(line))),
  })
  await bot.start()
})

afterAll(async () => {
  await bot?.stop()
  await discord?.stop()
})

/** What every answer must satisfy: acknowledged in time, no pings, embeds Discord accepts. */
function expectWellFormed(x: Exchange): void {
  expect(x.callback, 'the interaction was acknowledged').toBeDefined()
  expect(x.ackMs).toBeLessThan(3000)
  for (const r of x.requests) {
    if (r.method === 'DELETE' || (!r.body?.data && r.path.endsWith('/callback'))) continue
    const message = r.path.endsWith('/callback') ? r.body.data : r.body
    if (
      r.body?.type === CALLBACK.autocomplete ||
      r.body?.type === CALLBACK.deferred ||
      r.body?.type === CALLBACK.deferredUpdate
    )
      continue
    expect(message.allowed_mentions).toEqual({ parse: [], replied_user: false })
    expect(embedProblems(message.embeds ?? [])).toEqual([])
    if (message.content) expect(message.content.length).toBeLessThanOrEqual(2000)
  }
}

/** Values for a command's options that any corpus can take: a word for text, the minimum for numbers. */
function sampleOptions(c: Command): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const o of c.options) {
    if (!o.required) continue
    out[o.name] = o.type === 'integer' ? (o.min ?? 1) : 'Homs'
  }
  return out
}

describe('the bot against a fake Discord, end to end', () => {
  it('logs in with the Guilds and Guild Messages intents only (no privileged intents)', async () => {
    const { token, intents } = await discord.identified
    expect(token).toBe('fake-token-for-the-test-server')
    expect(intents).toBe(1 | 512)
  })

  it.each(registry.map((c) => [c.name, c] as const))(
    '/%s: deferred at once, then answered with embeds in limits',
    async (_, c) => {
      // A picture (timeline) takes a few seconds to draw on a busy machine: the answer is deferred.
      const x = await discord.interact(slashCommand(c.name, sampleOptions(c), someone()), {
        timeoutMs: 30_000,
      })
      expectWellFormed(x)
      expect(x.callback?.body).toEqual({ type: CALLBACK.deferred, data: { flags: 0 } })
      expect(x.final?.method).toBe('PATCH')
      expect(x.final?.path).toMatch(/\/messages\/%40original$/)
      const embed = x.final?.body.embeds[0]
      expect(embed.title.length).toBeGreaterThan(0)
      expect(embed.footer.text).toMatch(/^\d+ articles · \d+ passages/)
      // The log line is written once Discord has taken the reply, a moment after it arrived.
      const logged = () =>
        logLines.find((l) => l.event === 'interaction' && l.command === c.name && l.outcome === 'ok')
      for (let waited = 0; !logged() && waited < 10_000; waited += 50)
        await new Promise((r) => setTimeout(r, 50))
      const line = logged()
      expect(line).toMatchObject({ kind: 'command', guild: discord.guildId })
      expect(typeof line?.ms).toBe('number')
    },
  )

  it('once ready, loads the chart libraries in the background, so a first /timeline does not wait for them', async () => {
    await vi.waitFor(
      () =>
        expect(logLines).toContainEqual(expect.objectContaining({ event: 'warmed', command: 'timeline' })),
      { timeout: 30_000, interval: 100 },
    )
  })

  it('answers /search with numbered citations: the quote as a block quote, then its source', async () => {
    const x = await discord.interact(slashCommand('search', { query: 'military police' }, someone()))
    const embed = x.final?.body.embeds[0]
    expect(embed.description).toMatch(/\*\*military police\*\*.*\[1\]/)
    expect(embed.fields[0].name).toMatch(/^\[1\] /)
    expect(embed.fields[0].value).toMatch(/^> .+\n.*¶\d+ · `[^`]+`/)
  })

  it('answers privately when asked to, with a button that posts the answer to the channel', async () => {
    const user = someone()
    const x = await discord.interact(slashCommand('search', { query: 'Homs', private: true }, user))
    expectWellFormed(x)
    expect(x.callback?.body).toEqual({ type: CALLBACK.deferred, data: { flags: EPHEMERAL } })
    const buttons = x.final?.body.components.flatMap((r: { components: unknown[] }) => r.components)
    expect(buttons).toContainEqual(expect.objectContaining({ custom_id: 'post', label: 'Post to channel' }))

    const shown = discord.messageObject({
      content: '',
      author: discord.bot,
      ...x.final?.body,
      flags: EPHEMERAL,
    })
    const post = await discord.interact(buttonPress('post', shown, user))
    expectWellFormed(post)
    expect(post.callback?.body.type).toBe(CALLBACK.reply)
    expect(post.callback?.body.data.flags ?? 0).toBe(0)
    expect(post.callback?.body.data.embeds).toEqual(x.final?.body.embeds)
    const postedButtons = post.callback?.body.data.components.flatMap(
      (r: { components: unknown[] }) => r.components,
    )
    expect(postedButtons).not.toContainEqual(expect.objectContaining({ custom_id: 'post' }))
  })

  it('pages a long answer with buttons whose state is in the custom id', async () => {
    const user = someone()
    const first = await discord.interact(slashCommand('search', { query: 'Homs', limit: 50 }, user))
    const [prev, next] = first.final?.body.components[0]?.components ?? []
    expect(prev).toMatchObject({ label: 'Previous', disabled: true })
    expect(next).toMatchObject({ label: 'Next', disabled: false, custom_id: 'pg:1:search:["Homs",50]' })
    const total = Number(first.final?.body.embeds[0].footer.text.match(/page 1\/(\d+)/)?.[1])
    expect(total).toBeGreaterThan(1)

    const message = discord.messageObject({ content: '', author: discord.bot, ...first.final?.body })
    const second = await discord.interact(buttonPress(next.custom_id, message, user))
    expectWellFormed(second)
    expect(second.callback?.body.type).toBe(CALLBACK.deferredUpdate)
    expect(second.final?.method).toBe('PATCH')
    expect(second.final?.body.embeds[0].footer.text).toContain(`page 2/${total}`)
    expect(second.final?.body.components[0].components[0]).toMatchObject({
      disabled: false,
      custom_id: 'pg:0:search:["Homs",50]',
    })
  })

  it('/help: what each command does with an example, how names are matched, which corpus is loaded', async () => {
    const x = await discord.interact(slashCommand('help', {}, someone()))
    expectWellFormed(x)
    const embed = x.final?.body.embeds[0]
    for (const c of registry) expect(embed.description).toContain(`**${c.name}** — `)
    expect(embed.description).toContain('**How names are matched**')
    expect(embed.description).toMatch(/corpus: 5 articles from \d+ publishers, dated 2017-\d\d-\d\d to 2018-/)
  })

  it('"Copy as Markdown": the same answer as Markdown with footnotes, visible only to who clicked', async () => {
    const user = someone()
    const x = await discord.interact(slashCommand('terms', { agreement: 'rastan' }, user))
    const buttons = x.final?.body.components.flatMap((r: { components: unknown[] }) => r.components)
    const copy = buttons.find((b: { label: string }) => b.label === 'Copy as Markdown')
    expect(copy.custom_id).toBe('md:0:terms:["rastan"]')
    const message = discord.messageObject({ content: '', author: discord.bot, ...x.final?.body })
    const clicked = await discord.interact(buttonPress(copy.custom_id, message, someone()))
    expectWellFormed(clicked)
    expect(clicked.callback?.body.type).toBe(CALLBACK.reply)
    const reply = clicked.callback?.body.data
    expect(reply.flags).toBe(EPHEMERAL)
    // Too long for one message: attached as a file, the Markdown itself.
    const markdown = reply.content.startsWith('```md')
      ? reply.content.slice(6, -3)
      : clicked.callback?.body.files?.[0]?.bytes.toString('utf8')
    expect(markdown).toMatch(/^## Northern Homs countryside agreement\n/)
    expect(markdown).toMatch(/^- .+ \[\^1\]$/m)
    expect(markdown).toMatch(/^\[\^1\]: “.+” — \*.+\*, .*¶\d+\./m)
  })

  it('/timeline: the picture attached to the reply as a PNG, shown in the embed, marks numbered to the citations', async () => {
    const x = await discord.interact(slashCommand('timeline', { subject: 'rastan' }, someone()), {
      timeoutMs: 30_000,
    })
    expectWellFormed(x)
    const body = x.final?.body
    expect(body.files).toHaveLength(1)
    const [png] = body.files
    expect(png.name).toBe('timeline.png')
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    expect(png.bytes.length).toBeGreaterThan(20_000)
    expect(body.embeds[0].image).toEqual({ url: 'attachment://timeline.png' })
    expect(body.embeds[0].description).toMatch(/2018-05-02: agreed \[\d+\]/)
    expect(body.embeds[0].title).toBe('Timeline: Northern Homs countryside agreement')
  })

  it('suggests names while typing (autocomplete): at most 25 choices of 1–100 characters', async () => {
    const x = await discord.interact(autocomplete('source', { article: 'jaysh' }, 'article', someone()))
    expect(x.ackMs).toBeLessThan(3000)
    expect(x.callback?.body.type).toBe(CALLBACK.autocomplete)
    const choices = x.callback?.body.data.choices as { name: string; value: string }[]
    expect(choices.length).toBeGreaterThan(0)
    expect(choices.length).toBeLessThanOrEqual(25)
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThanOrEqual(1)
      expect(c.name.length).toBeLessThanOrEqual(100)
      expect(c.value.length).toBeLessThanOrEqual(100)
    }
    expect(choices[0]?.name).toMatch(/^Jaysh/)
  })

  it('resolves a submitted choice name (not its value) again when the command runs', async () => {
    const typed = await discord.interact(
      autocomplete('source', { article: 'Jaysh al-Azza' }, 'article', someone()),
    )
    const name = typed.callback?.body.data.choices[0].name as string
    const x = await discord.interact(slashCommand('source', { article: name }, someone()))
    expect(x.final?.body.embeds[0].title).toBe(name.replace(/[\\*_~`|[\]<>@]/g, '\\$&'))
  })

  it('"Find sources" on a message answers privately with the passages that bear on its text', async () => {
    const target = discord.messageObject({
      content: 'Did Jaysh al-Azza reject the reconciliation in northern Homs?',
      author: someone(),
    })
    const x = await discord.interact(messageCommand('Find sources', target, someone()))
    expectWellFormed(x)
    expect(x.callback?.body).toEqual({ type: CALLBACK.deferred, data: { flags: EPHEMERAL } })
    expect(x.final?.body.embeds[0].fields.length).toBeGreaterThan(0)
    expect(x.final?.body.embeds[0].description).toMatch(/Azza/)
  })

  it('answers a mention of the bot with the ask command, as a reply that pings no one', async () => {
    const replies = await discord.message({
      content: `<@${discord.bot.id}> what happened in northern Homs?`,
      author: someone(),
      mentions: [discord.bot],
    })
    expect(replies).toHaveLength(1)
    expect(replies[0]?.body.allowed_mentions).toEqual({ parse: [], replied_user: false })
    expect(embedProblems(replies[0]?.body.embeds)).toEqual([])
    expect(replies[0]?.body.embeds[0].title).toBeTruthy()
  })

  it('ignores messages that do not mention it', async () => {
    expect(
      await discord.message({ content: 'talking among ourselves', author: someone() }, { timeoutMs: 300 }),
    ).toEqual([])
  })

  describe('bad input', () => {
    const nasty = (length: number) => {
      const seed = '@everyone <@123456789012345678> **x** \u0000\u0007\u001b[31m \uD800 lone surrogate '
      return seed.repeat(Math.ceil(length / seed.length)).slice(0, length)
    }

    it('a query at the length limit with @everyone, control characters and a lone surrogate: escaped, within limits', async () => {
      const x = await discord.interact(slashCommand('search', { query: nasty(500) }, someone()))
      expectWellFormed(x)
      const text = JSON.stringify(x.final?.body.embeds)
      expect(x.final?.body.embeds[0].title).toContain('\\@everyone')
      expect(text).not.toMatch(/(?<!\\)@everyone/)
      expect(text).not.toMatch(/\\u00(0[0-9a-f]|1[0-9a-f])/)
      expect(x.final?.body.embeds[0].title).not.toMatch(
        /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
      )
    })

    it('a query past the length limit: a polite private reply, nothing run', async () => {
      const x = await discord.interact(slashCommand('search', { query: nasty(5000) }, someone()))
      expectWellFormed(x)
      expect(x.callback?.body.type).toBe(CALLBACK.reply)
      expect(x.callback?.body.data).toMatchObject({
        flags: EPHEMERAL,
        content: '/search: query: at most 500 characters',
      })
    })

    it('an option out of range: the command’s own message, privately', async () => {
      const x = await discord.interact(slashCommand('search', { query: 'Homs', limit: 999 }, someone()))
      expect(x.callback?.body.type).toBe(CALLBACK.reply)
      expect(x.callback?.body.data.flags).toBe(EPHEMERAL)
      expect(x.callback?.body.data.content).toMatch(/^\/search: limit: /)
    })

    it('an unknown command and an unknown button: a polite private reply', async () => {
      for (const init of [
        slashCommand('nosuchcommand', {}, someone()),
        buttonPress('pg:1:nosuchcommand:[]', discord.messageObject({ content: 'x' }), someone()),
      ]) {
        const x = await discord.interact(init)
        expectWellFormed(x)
        expect(x.callback?.body.type).toBe(CALLBACK.reply)
        expect(x.callback?.body.data.flags).toBe(EPHEMERAL)
      }
    })

    it('a handler that throws: a private apology with an error id that is also in the log', async () => {
      // The apology follows the removal of the "thinking…" message: on a busy machine, not at once.
      const x = await discord.interact(slashCommand('broken', {}, someone()), { quietMs: 1500 })
      expectWellFormed(x)
      const apology = x.requests.find((r) => r.method === 'POST' && r.path.startsWith('/webhooks/'))
      expect(apology?.body.flags).toBe(EPHEMERAL)
      const id = apology?.body.content.match(/error id ([0-9a-f]{8})/)?.[1]
      expect(id).toBeDefined()
      expect(logLines).toContainEqual(
        expect.objectContaining({ event: 'interaction-failed', errorId: id, level: 'error' }),
      )
      expect(x.requests.some((r) => r.method === 'DELETE')).toBe(true)
      // The bot is still there.
      expectWellFormed(await discord.interact(slashCommand('about', {}, someone())))
    })
  })

  it('limits each user to a few commands per window, with a friendly reply', async () => {
    const user = someone()
    const outcomes: Exchange[] = []
    for (let i = 0; i < 6; i++) outcomes.push(await discord.interact(slashCommand('about', {}, user)))
    expect(outcomes.slice(0, 5).map((x) => x.callback?.body.type)).toEqual(Array(5).fill(CALLBACK.deferred))
    expect(outcomes[5]?.callback?.body.type).toBe(CALLBACK.reply)
    expect(outcomes[5]?.callback?.body.data).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringMatching(/wait \d+ s/),
    })
    // Someone else is not held up.
    expect((await discord.interact(slashCommand('about', {}, someone()))).callback?.body.type).toBe(
      CALLBACK.deferred,
    )
  })

  it('/reload: refused without Manage Server, reloads through the knowledge source with it', async () => {
    const denied = await discord.interact(slashCommand('reload', {}, someone()))
    expect(denied.callback?.body.data).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringMatching(/Manage Server/),
    })
    expect(reloads).toBe(0)
    const done = await discord.interact({ ...slashCommand('reload', {}, someone()), permissions: '32' })
    expect(done.callback?.body).toEqual({ type: CALLBACK.deferred, data: { flags: EPHEMERAL } })
    expect(done.final?.body.content).toMatch(/^Corpus reloaded: \d+ articles/)
    expect(reloads).toBe(1)
  })
})
