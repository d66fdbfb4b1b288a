import {
  ApplicationCommandType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js'
import type { Command } from '../commands/types.ts'
import { skippedNotice } from '../corpus/skipped.ts'
import { answer, notice, pageMessage, userText } from './answer.ts'
import type { BotCommand, BotContext, Outcome } from './context.ts'

export const FIND_SOURCES = 'Find sources'

/** The first required string option of a command: where a free text goes (search's query, ask's question). */
export function textOption(command: Command): string | undefined {
  return (
    command.options.find((o) => o.type === 'string' && o.required) ??
    command.options.find((o) => o.type === 'string')
  )?.name
}

/**
 * Runs a registry command on a free text (a message's text): the text goes into its first
 * string option, cut to that option's length. Replies privately, with a button to post it.
 */
export async function answerText(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  ctx: BotContext,
  command: Command,
  text: string,
): Promise<Outcome> {
  const option = textOption(command)
  const max = command.options.find((o) => o.name === option)?.maxLength ?? 500
  const query = userText(text, max)
  if (!option || !query) {
    await interaction.reply({
      ...notice('That message has no text to look up.'),
      flags: MessageFlags.Ephemeral,
    })
    return { outcome: 'invalid' }
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral })
  const args = { [option]: query }
  const result = answer(ctx.source.current(), command, args)
  if (!result.ok) {
    await interaction.editReply(notice(`Nothing to look up: ${result.message}`))
    return { outcome: 'invalid' }
  }
  await interaction.editReply(pageMessage(result.pages, 0, { command, args }, ctx.store, true))
  return { outcome: 'ok', results: result.results }
}

/** "Find sources" on a message: the corpus passages that bear on its text (the search command). */
export const findSources: BotCommand = {
  data: { name: FIND_SOURCES, type: ApplicationCommandType.Message },
  rateLimited: true,
  async execute(interaction, ctx) {
    const search = ctx.findCommand('search')
    if (!interaction.isMessageContextMenuCommand() || !search) {
      await interaction.reply({
        ...notice('Finding sources is not available here.'),
        flags: MessageFlags.Ephemeral,
      })
      return { outcome: 'unknown' }
    }
    const m = interaction.targetMessage
    // A bot's answer has its text in embeds; anyone else's is in the content.
    const text = [m.content, ...m.embeds.flatMap((e) => [e.title ?? '', e.description ?? ''])].join(' ')
    return answerText(interaction, ctx, search, text)
  },
}

/**
 * /reload: re-reads the corpus through the knowledge source, for members with Manage Server.
 * Discord hides it from everyone else (default_member_permissions); the handler checks again,
 * since a server may grant it more widely. On a fixed knowledge base it says so.
 */
export const reload: BotCommand = {
  data: {
    name: 'reload',
    description: 'Re-read the corpus files now (members with Manage Server)',
    type: ApplicationCommandType.ChatInput,
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    contexts: [InteractionContextType.Guild],
  },
  rateLimited: true,
  async execute(interaction, ctx) {
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      await interaction.reply({
        ...notice('Only members with Manage Server can reload the corpus.'),
        flags: MessageFlags.Ephemeral,
      })
      return { outcome: 'denied' }
    }
    if (!ctx.source.reload) {
      await interaction.reply({
        ...notice('This bot serves a fixed corpus: restart it to read changed files.'),
        flags: MessageFlags.Ephemeral,
      })
      return { outcome: 'ok' }
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral })
    const r = await ctx.source.reload()
    const skipped = skippedNotice(ctx.source.current().skipped)
    await interaction.editReply(
      notice(
        `Corpus reloaded: ${r.articles} articles, ${r.passages} passages in ${Math.round(r.ms)} ms.${
          skipped ? ` ${skipped}.` : ''
        }`,
      ),
    )
    return { outcome: 'ok', results: r.articles }
  },
}

/** The Discord-only commands, registered after the registry's; Find sources only where there is a search. */
export function botCommands(commands: readonly Command[]): BotCommand[] {
  return [...(commands.some((c) => c.name === 'search') ? [findSources] : []), reload]
}
