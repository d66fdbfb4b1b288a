import type {
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js'
import type { Command } from '../commands/types.ts'
import type { KnowledgeSource } from '../knowledge/holder.ts'
import type { ArgsStore } from './custom-id.ts'
import type { Logger } from './log.ts'
import type { RateLimiter } from './rate-limit.ts'

/** What every handler gets: passed in, never hung on the client. */
export interface BotContext {
  /** Asked for the knowledge base on every interaction, so a reloaded corpus shows at once. */
  source: KnowledgeSource
  commands: readonly Command[]
  findCommand(name: string): Command | undefined
  store: ArgsStore
  limiter: RateLimiter
  log: Logger
}

/** How an interaction ended, for its log line. */
export type OutcomeKind = 'ok' | 'invalid' | 'rate-limited' | 'denied' | 'unknown' | 'expired' | 'error'

export interface Outcome {
  outcome: OutcomeKind
  /** How many items the answer showed. */
  results?: number
}

/**
 * A Discord-only command (not in the command registry): a context-menu command, or an admin
 * command such as /reload. `data` is registered as is, next to the registry's slash commands.
 */
export interface BotCommand {
  data: RESTPostAPIApplicationCommandsJSONBody
  /** Whether it counts against the per-user rate limit. */
  rateLimited: boolean
  execute(
    interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
    ctx: BotContext,
  ): Promise<Outcome>
}
