import { Client, Events, GatewayIntentBits, type Message, RESTEvents } from 'discord.js'
import { commands as registry } from '../commands/index.ts'
import type { Command } from '../commands/types.ts'
import type { Config } from '../config.ts'
import type { KnowledgeSource } from '../knowledge/holder.ts'
import { NO_MENTIONS } from './answer.ts'
import { botCommands } from './bot-commands.ts'
import type { BotCommand, BotContext } from './context.ts'
import { ArgsStore } from './custom-id.ts'
import { handleInteraction, newErrorId } from './interactions.ts'
import type { Logger } from './log.ts'
import { handleMention } from './mentions.ts'
import { RateLimiter } from './rate-limit.ts'
import { joinShards } from './sharding.ts'

export interface BotOptions {
  config: Pick<Config, 'token' | 'clientId' | 'apiBase' | 'rateLimit'>
  source: KnowledgeSource
  log: Logger
  /** The registry by default. */
  commands?: readonly Command[]
}

export interface Bot {
  client: Client
  ctx: BotContext
  /** Logs in; resolves once the client is ready to answer. */
  start(): Promise<void>
  /** Disconnects; safe to call twice. */
  stop(): Promise<void>
}

/**
 * The Discord client wired to the handlers. Intents: Guilds (slash commands) and Guild Messages
 * (mentions of the bot; their text arrives without the privileged Message Content intent).
 */
export function createBot(options: BotOptions): Bot {
  const { config, log } = options
  const commands = options.commands ?? registry
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: NO_MENTIONS,
    ...(config.apiBase ? { rest: { api: config.apiBase } } : {}),
  })
  // Under a ShardingManager the rate limit and /reload span every shard (see sharding.ts).
  const { limiter, source } = client.shard
    ? joinShards(client, options.source, config.rateLimit, log)
    : {
        limiter: new RateLimiter(config.rateLimit.commands, config.rateLimit.windowMs),
        source: options.source,
      }
  const ctx: BotContext = {
    source,
    commands,
    findCommand: (name) => commands.find((c) => c.name === name),
    store: new ArgsStore(),
    limiter,
    log,
  }
  const extra = new Map<string, BotCommand>(botCommands(commands).map((b) => [b.data.name, b]))
  // A child logger per interaction: every line it causes carries its id.
  client.on(
    Events.InteractionCreate,
    (interaction) =>
      void handleInteraction(interaction, { ...ctx, log: log.child({ interaction: interaction.id }) }, extra),
  )
  client.on(Events.MessageCreate, (message) => void onMessage(message))
  client.on(Events.Error, (e) => log.error('client-error', { error: e.message }))
  client.on(Events.Warn, (w) => log.warn('client-warning', { warning: w }))
  client.on(Events.ShardReady, (shard, unavailable) =>
    log.info('shard-connected', { shard, unavailableGuilds: unavailable?.size ?? 0 }),
  )
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn('shard-disconnected', { shard, code: event.code }),
  )
  client.on(Events.ShardReconnecting, (shard) => log.warn('shard-reconnecting', { shard }))
  client.on(Events.ShardResume, (shard, replayed) => log.info('shard-resumed', { shard, replayed }))
  client.on(Events.ShardError, (e, shard) => log.error('shard-error', { shard, error: e.message }))
  // Discord's REST rate limits: discord.js waits them out; the log says where time went.
  client.rest.on(RESTEvents.RateLimited, (info) =>
    log.warn('rest-rate-limited', {
      route: info.route,
      method: info.method,
      global: info.global,
      limit: info.limit,
      retryAfterMs: info.retryAfter,
      scope: info.scope,
    }),
  )

  async function onMessage(message: Message): Promise<void> {
    const started = performance.now()
    const botId = client.user?.id
    if (!botId) return
    const mlog = log.child({ message: message.id })
    const fields = {
      kind: 'mention',
      command: 'ask',
      guild: message.guildId ?? 'dm',
      user: message.author.id,
    }
    try {
      const out = await handleMention(message, ctx, botId)
      if (out) mlog.info('interaction', { ...fields, ms: Math.round(performance.now() - started), ...out })
    } catch (e) {
      const errorId = newErrorId()
      mlog.error('interaction-failed', { ...fields, errorId, error: (e as Error)?.stack ?? String(e) })
      mlog.info('interaction', {
        ...fields,
        ms: Math.round(performance.now() - started),
        outcome: 'error',
        errorId,
      })
    }
  }

  let stopped = false
  return {
    client,
    ctx,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()))
      await client.login(config.token)
      await ready
      const appId = client.application?.id
      if (appId && appId !== config.clientId)
        log.warn('application-mismatch', {
          message: `logged in as application ${appId} but DISCORD_CLIENT_ID is ${config.clientId}: commands registered for the latter won't reach this bot`,
        })
      log.info('ready', { user: client.user?.tag ?? null, guilds: client.guilds.cache.size })
      for (const c of commands) {
        if (!c.warm) continue
        const started = performance.now()
        c.warm().then(
          () => log.info('warmed', { command: c.name, ms: Math.round(performance.now() - started) }),
          (e: unknown) => log.warn('warm-failed', { command: c.name, message: (e as Error).message }),
        )
      }
    },
    async stop() {
      if (stopped) return
      stopped = true
      await client.destroy()
      log.info('stopped')
    },
  }
}
