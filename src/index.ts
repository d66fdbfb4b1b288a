// `npm start`: the Discord bot. Configuration → knowledge base → client → login. With SHARDS set,
// this process becomes the ShardingManager and runs this same file once per shard instead.

import { fileURLToPath } from 'node:url'
import { configOrExit } from './config.ts'
import { createBot } from './discord/bot.ts'
import { createLogger } from './discord/log.ts'
import { type ManagerOptions, startShardingManager, stopShards } from './discord/sharding.ts'
import { AliasesError } from './extract/aliases.ts'
import { LiveCorpus } from './knowledge/live.ts'
import { CorpusError, type Opened, openKnowledgeBase } from './knowledge/open.ts'
import { startHostRelay } from './store/host-relay.ts'
import { openFromDatabase } from './store/open-store.ts'

const config = configOrExit('musalaha')
const root = createLogger(config.logLevel, undefined, { secrets: [config.token] })

if (config.shards !== null) {
  // The manager: no knowledge base, no client; the shards are this program again.
  try {
    const hosts = config.databaseUrl ? await relayBetweenHosts(config.databaseUrl) : null
    await startShardingManager(
      {
        file: fileURLToPath(import.meta.url),
        shards: config.shards,
        shardList: config.shardList,
        token: config.token,
        apiBase: config.apiBase,
        log: root.child({ role: 'manager' }),
        spawnDelayMs: config.shardSpawnDelayMs,
        execArgv: process.execArgv,
        hosts,
      },
      // Installed before the first shard starts: a stop while shards are starting stops them too.
      (manager) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const)
          process.once(signal, () => {
            root.info('stopping', { signal, role: 'manager' })
            stopShards(manager).then(() => {
              root.info('stopped', { role: 'manager' })
              process.exit(0)
            })
          })
      },
    )
  } catch (e) {
    process.stderr.write(`musalaha: could not start the shards: ${(e as Error).message}\n`)
    process.exit(1)
  }
} else {
  await runBot()
}

/**
 * With DATABASE_URL, the hosts of one bot (each running its SHARD_LIST) share the rate limit and
 * /reload through the database (store/host-relay.ts).
 */
async function relayBetweenHosts(databaseUrl: string): Promise<ManagerOptions['hosts']> {
  const log = root.child({ role: 'manager' })
  let deliver: (m: unknown) => void = () => undefined
  const relay = await startHostRelay(databaseUrl, {
    onMessage: (m) => deliver(m),
    onError: (e) => log.warn('host-relay-error', { error: e.message }),
  }).catch((e: Error) => {
    throw new Error(`PostgreSQL (DATABASE_URL): ${e.message}`)
  })
  log.info('host-relay', { host: relay.host })
  return { publish: (m) => relay.publish(m), listen: (f) => (deliver = f) }
}

async function runBot(): Promise<void> {
  // Inside a shard every line names it.
  const log = process.env.SHARDING_MANAGER ? root.child({ shard: Number(process.env.SHARDS) }) : root

  let opened: Opened
  try {
    const options = {
      corpusPath: config.corpusPath,
      ...(config.cacheDir !== undefined ? { cacheDir: config.cacheDir } : {}),
    }
    // With DATABASE_URL: through PostgreSQL, indexed there first when missing or stale.
    opened = config.databaseUrl
      ? await openFromDatabase({
          ...options,
          databaseUrl: config.databaseUrl,
          onIndexProgress: ({ table, done, total }) => log.info('indexing', { table, done, total }),
        })
      : openKnowledgeBase(options)
  } catch (e) {
    if (e instanceof CorpusError || e instanceof AliasesError) {
      process.stderr.write(`musalaha: ${e.message} (CORPUS_PATH)\n`)
      process.exit(2)
    }
    if (!config.databaseUrl) throw e
    process.stderr.write(`musalaha: PostgreSQL (DATABASE_URL): ${(e as Error).message}\n`)
    process.exit(1)
  }
  const { kb } = opened
  log.info('knowledge-base', {
    corpus: config.corpusPath,
    articles: kb.articles.size,
    passages: kb.passages.size,
    fromCache: opened.fromCache,
    store: config.databaseUrl ? 'postgresql' : 'memory',
    ms: Math.round(opened.ms),
  })

  // The corpus folder is watched: files added, changed or removed show in answers within seconds.
  const source = new LiveCorpus(kb, {
    corpusPath: config.corpusPath,
    onUpdate: ({ kind, files, added, removed, articles, ms }) =>
      log.info('corpus-updated', { kind, files: files.length, added, removed, articles, ms: Math.round(ms) }),
    onError: (e) => log.warn('corpus-update-failed', { error: e.message }),
  }).watch()
  const bot = createBot({ config, source, log })

  // Nothing a user types may stop the process: stray rejections are logged, not fatal.
  process.on('unhandledRejection', (e) =>
    log.error('unhandled-rejection', { error: (e as Error)?.stack ?? String(e) }),
  )
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      log.info('stopping', { signal })
      bot.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      )
    })

  try {
    await bot.start()
  } catch (e) {
    // discord.js names the problem (an invalid token, say) without repeating the token.
    process.stderr.write(`musalaha: could not log in to Discord: ${(e as Error).message}\n`)
    await bot.stop()
    process.exit(1)
  }
}
