import { Client, Events, GatewayIntentBits, type Message } from 'discord.js'
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
  const { config, source, log } = options
  const commands = options.commands ?? registry
  const ctx: BotContext = {
    source,
    commands,
    findCommand: (name) => commands.find((c) => c.name === name),
    store: new ArgsStore(),
    limiter: new RateLimiter(config.rateLimit.commands, config.rateLimit.windowMs),
    log,
  }
  const extra = new Map<string, BotCommand>(botCommands(commands).map((b) => [b.data.name, b]))
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: NO_MENTIONS,
    ...(config.apiBase ? { rest: { api: config.apiBase } } : {}),
  })
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, ctx, extra))
  client.on(Events.MessageCreate, (message) => void onMessage(message))
  client.on(Events.Error, (e) => log.error('client-error', { error: e.message }))
  client.on(Events.Warn, (w) => log.warn('client-warning', { warning: w }))

  async function onMessage(message: Message): Promise<void> {
    const started = performance.now()
    const botId = client.user?.id
    if (!botId) return
    const fields = {
      kind: 'mention',
      command: 'ask',
      guild: message.guildId ?? 'dm',
      user: message.author.id,
    }
    try {
      const out = await handleMention(message, ctx, botId)
      if (out) log.info('interaction', { ...fields, ms: Math.round(performance.now() - started), ...out })
    } catch (e) {
      const errorId = newErrorId()
      log.error('interaction-failed', { ...fields, errorId, error: (e as Error)?.stack ?? String(e) })
      log.info('interaction', {
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
    },
    async stop() {
      if (stopped) return
      stopped = true
      await client.destroy()
      log.info('stopped')
    },
  }
}
