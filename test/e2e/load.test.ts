import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Bot, createBot } from '../../src/discord/bot.ts'
import { createLogger } from '../../src/discord/log.ts'
import { type LiveCorpus, openLiveCorpus } from '../../src/knowledge/live.ts'
import { DEFAULT_CORPUS } from '../../src/knowledge/open.ts'
import {
  type Exchange,
  type FakeDiscord,
  type InteractionInit,
  slashCommand,
  startFakeDiscord,
} from './fake-discord.ts'

const INTERACTIONS = 200

let discord: FakeDiscord
let bot: Bot
let live: LiveCorpus

beforeAll(async () => {
  discord = await startFakeDiscord()
  live = openLiveCorpus({ corpusPath: DEFAULT_CORPUS, cacheDir: null })
  bot = createBot({
    config: {
      token: 'fake-token-for-the-load-test',
      clientId: discord.applicationId,
      apiBase: discord.api,
      // Many users at once; the rate limit of each is not what this test is about.
      rateLimit: { commands: 1000, windowMs: 10_000 },
    },
    source: live,
    log: createLogger('error', () => {}),
  })
  await bot.start()
  await discord.identified
})

afterAll(async () => {
  live?.close()
  await bot?.stop()
  await discord?.stop()
})

const QUERIES = [
  'military police',
  'Jaish al-Izza',
  'evacuation',
  'Daraa',
  'Astana',
  'truce Homs',
  'xqzvw',
  'negotiations',
]

/** A varied stream of commands from many users. */
function interaction(i: number): InteractionInit {
  const user = { id: String(500000000000000000n + BigInt(i % 40)), username: `load${i % 40}` }
  const q = QUERIES[i % QUERIES.length] ?? 'truce'
  switch (i % 4) {
    case 0:
      return slashCommand('search', { query: q }, user)
    case 1:
      return slashCommand('ask', { question: `What happened in ${q}?` }, user)
    case 2:
      return slashCommand('about', {}, user)
    default:
      return slashCommand('search', { query: q, limit: 3 }, user)
  }
}

/** Fires `n` interactions, spread over about `ms`, and waits for every answer. */
async function flood(n: number, ms: number): Promise<{ exchanges: Exchange[]; elapsed: number }> {
  const started = performance.now()
  const pending: Promise<Exchange>[] = []
  for (let i = 0; i < n; i++) {
    pending.push(discord.interact(interaction(i), { timeoutMs: 5000 }))
    if (i % 20 === 19) await new Promise((r) => setTimeout(r, ms / (n / 20)))
  }
  const exchanges = await Promise.all(pending)
  return { exchanges, elapsed: performance.now() - started }
}

function heapAfterGc(): number {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

describe('under load', () => {
  it(`answers ${INTERACTIONS} interactions within 10 s, each acknowledged within 3 s, memory flat after`, async () => {
    await flood(40, 500) // warm-up: JIT, first connections
    const heapBefore = heapAfterGc()
    const { exchanges, elapsed } = await flood(INTERACTIONS, 4000)
    expect(elapsed).toBeLessThan(10_000)
    const late = exchanges.filter((x) => !x.callback || x.ackMs >= 3000)
    expect(late.map((x) => x.ackMs)).toEqual([])
    // Every interaction got an answer people see, not just an acknowledgement.
    expect(exchanges.filter((x) => !x.final).length).toBe(0)
    const second = await flood(INTERACTIONS, 4000)
    expect(second.exchanges.every((x) => x.callback && x.ackMs < 3000)).toBe(true)
    const growth = (heapAfterGc() - heapBefore) / 1024 / 1024
    // Flat: a second flood of the same size leaves no more than a few MB behind.
    expect(growth).toBeLessThan(20)
  }, 60_000)
})
