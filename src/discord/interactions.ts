import { randomBytes } from 'node:crypto'
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  ComponentType,
  DiscordAPIError,
  type Interaction,
  MessageFlags,
  RESTJSONErrorCodes,
} from 'discord.js'
import type { Choice, Command } from '../commands/types.ts'
import { cutText, sanitize } from '../render/discord.ts'
import {
  answer,
  answerMarkdown,
  markdownReply,
  NO_MENTIONS,
  notice,
  pageMessage,
  pictureName,
  tooLong,
  withPicture,
} from './answer.ts'
import type { BotCommand, BotContext, Outcome } from './context.ts'
import { decodeMarkdownId, decodePageId, type OptionValue, POST_ID } from './custom-id.ts'
import { hasOwnPrivateOption, PRIVATE_OPTION } from './registration.ts'

/** A short id that ties an apology to its log line. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex')
}

/** Discord no longer knows the interaction or its token: it took too long, or was answered elsewhere. */
function isExpired(e: unknown): boolean {
  return (
    e instanceof DiscordAPIError &&
    (e.code === RESTJSONErrorCodes.UnknownInteraction ||
      e.code === RESTJSONErrorCodes.UnknownWebhook ||
      e.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)
  )
}

function kindOf(i: Interaction): string {
  if (i.isAutocomplete()) return 'autocomplete'
  if (i.isChatInputCommand()) return 'command'
  if (i.isContextMenuCommand()) return 'context-menu'
  if (i.isButton()) return 'button'
  return 'other'
}

function nameOf(i: Interaction): string | undefined {
  if (i.isCommand() || i.isAutocomplete()) return i.commandName
  if (i.isMessageComponent()) return i.customId.split(':', 3).slice(0, 3).join(':')
  return undefined
}

/**
 * Handles one interaction to the end: answers it, apologises with an error id when a handler
 * throws, and logs one line (command, guild, time, result count, outcome). Never throws.
 */
export async function handleInteraction(
  interaction: Interaction,
  ctx: BotContext,
  extra: ReadonlyMap<string, BotCommand>,
): Promise<void> {
  const started = performance.now()
  const fields = {
    kind: kindOf(interaction),
    command: nameOf(interaction),
    guild: interaction.guildId ?? 'dm',
    user: interaction.user.id,
  }
  let out: Outcome & { errorId?: string }
  try {
    out = await route(interaction, ctx, extra)
  } catch (e) {
    if (isExpired(e)) {
      ctx.log.warn('interaction-expired', { ...fields, error: (e as Error).message })
      out = { outcome: 'expired' }
    } else {
      const errorId = newErrorId()
      ctx.log.error('interaction-failed', { ...fields, errorId, error: (e as Error)?.stack ?? String(e) })
      await apologize(interaction, errorId).catch((e2: Error) =>
        ctx.log.warn('reply-failed', { ...fields, errorId, error: e2.message }),
      )
      out = { outcome: 'error', errorId }
    }
  }
  ctx.log.info('interaction', { ...fields, ms: Math.round(performance.now() - started), ...out })
}

async function apologize(i: Interaction, errorId: string): Promise<void> {
  if (i.isAutocomplete()) {
    if (!i.responded) await i.respond([])
    return
  }
  if (!i.isRepliable()) return
  const sorry = notice(
    `Sorry, that went wrong on my side (error id ${errorId}). Please try again; if it keeps failing, give this id to whoever runs the bot.`,
  )
  if (!i.deferred && !i.replied) await i.reply({ ...sorry, flags: MessageFlags.Ephemeral })
  else if (i.isMessageComponent() || i.ephemeral) {
    if (i.ephemeral && !i.isMessageComponent()) await i.editReply({ ...sorry, embeds: [], components: [] })
    else await i.followUp({ ...sorry, flags: MessageFlags.Ephemeral })
  } else {
    // A public "thinking…" can't turn private: remove it and apologise to the asker alone.
    await i.deleteReply().catch(() => undefined)
    await i.followUp({ ...sorry, flags: MessageFlags.Ephemeral })
  }
}

async function route(
  i: Interaction,
  ctx: BotContext,
  extra: ReadonlyMap<string, BotCommand>,
): Promise<Outcome> {
  if (i.isAutocomplete()) return autocomplete(i, ctx)
  if (i.isButton()) return button(i, ctx)
  if (i.isChatInputCommand() || i.isMessageContextMenuCommand()) {
    const command = i.isChatInputCommand() ? ctx.findCommand(i.commandName) : undefined
    const bot = command ? undefined : extra.get(i.commandName)
    if (!command && !bot) {
      await i.reply({
        ...notice(
          `I don't know the command “${i.commandName}” any more: the commands may have changed since it was registered.`,
        ),
        flags: MessageFlags.Ephemeral,
      })
      return { outcome: 'unknown' }
    }
    if (command || bot?.rateLimited) {
      const wait = ctx.limiter.take(i.user.id)
      if (wait > 0) {
        await i.reply({
          ...notice(`You're asking quickly: please wait ${Math.ceil(wait / 1000)} s and try again.`),
          flags: MessageFlags.Ephemeral,
        })
        return { outcome: 'rate-limited' }
      }
    }
    if (command && i.isChatInputCommand()) return slashCommand(i, ctx, command)
    return (bot as BotCommand).execute(i, ctx)
  }
  if (i.isRepliable()) {
    await i.reply({ ...notice('I don’t know what to do with that, sorry.'), flags: MessageFlags.Ephemeral })
  }
  return { outcome: 'unknown' }
}

/** The submitted options as the command line would give them, strings made safe. */
function optionValues(i: ChatInputCommandInteraction): Record<string, OptionValue> {
  const raw: Record<string, OptionValue> = {}
  for (const o of i.options.data) {
    if (typeof o.value === 'string') raw[o.name] = sanitize(o.value)
    else if (typeof o.value === 'number' || typeof o.value === 'boolean') raw[o.name] = o.value
  }
  return raw
}

async function slashCommand(
  i: ChatInputCommandInteraction,
  ctx: BotContext,
  command: Command,
): Promise<Outcome> {
  const raw = optionValues(i)
  let isPrivate = false
  if (!hasOwnPrivateOption(command)) {
    isPrivate = raw[PRIVATE_OPTION.name] === true
    delete raw[PRIVATE_OPTION.name]
  }
  const parsed = command.parse(raw)
  const invalid = tooLong(command, raw) ?? (parsed.ok ? null : parsed.message)
  if (invalid) {
    await i.reply({ ...notice(`/${command.name}: ${invalid}`), flags: MessageFlags.Ephemeral })
    return { outcome: 'invalid' }
  }
  // Acknowledge first: the answer is computed synchronously and may take longer than Discord waits.
  await i.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {})
  const result = answer(ctx.source.current(), command, raw, { picture: 'attach' })
  if (!result.ok) throw new Error(`${command.name}: options valid a moment ago are not: ${result.message}`)
  const file = await result.draw?.()
  const pages = file ? withPicture(result.pages, command) : result.pages
  await i.editReply({
    ...pageMessage(pages, 0, { command, args: raw }, ctx.store, isPrivate),
    ...(file ? { files: [{ attachment: Buffer.from(file.data), name: file.name }] } : {}),
  })
  return { outcome: 'ok', results: result.results }
}

/** Choices Discord accepts: at most 25, name and value 1–100 characters, no value twice. */
export function discordChoices(choices: readonly Choice[]): Choice[] {
  const out: Choice[] = []
  const values = new Set<string>()
  for (const c of choices) {
    const name = cutText(sanitize(c.name).replace(/\s+/g, ' ').trim(), 100)
    const value = sanitize(c.value)
    // A shortened value would name something else: leave such a choice out.
    if (!name || !value || value.length > 100 || values.has(value)) continue
    values.add(value)
    out.push({ name, value })
    if (out.length === 25) break
  }
  return out
}

async function autocomplete(i: AutocompleteInteraction, ctx: BotContext): Promise<Outcome> {
  const command = ctx.findCommand(i.commandName)
  const focused = i.options.getFocused(true)
  const option = command?.options.find((o) => o.name === focused.name)
  const typed = sanitize(String(focused.value)).slice(0, 200)
  const choices = option?.autocomplete ? discordChoices(option.autocomplete(ctx.source.current(), typed)) : []
  await i.respond(choices)
  return { outcome: option?.autocomplete ? 'ok' : 'unknown', results: choices.length }
}

async function button(i: ButtonInteraction, ctx: BotContext): Promise<Outcome> {
  if (i.customId === POST_ID) return postToChannel(i)
  if (i.customId.startsWith('md:')) return copyAsMarkdown(i, ctx)
  const decoded = decodePageId(i.customId, ctx.findCommand, ctx.store)
  if (!decoded.ok) {
    const why =
      decoded.reason === 'expired'
        ? 'These pages have expired since the bot restarted: run the command again.'
        : 'This button no longer works: run the command again.'
    await i.reply({ ...notice(why), flags: MessageFlags.Ephemeral })
    return { outcome: decoded.reason === 'expired' ? 'expired' : 'unknown' }
  }
  const { state } = decoded
  const command = ctx.findCommand(state.command) as Command
  await i.deferUpdate()
  // A picture the message carries stays: the pages only point at it again.
  const hasPicture = i.message.attachments.some((a) => a.name === pictureName(command))
  const result = answer(ctx.source.current(), command, state.args, {
    picture: hasPicture ? 'attached' : 'none',
  })
  if (!result.ok) {
    await i.followUp({
      ...notice(`This answer can't be shown any more: ${result.message}`),
      flags: MessageFlags.Ephemeral,
    })
    return { outcome: 'invalid' }
  }
  const isPrivate = i.message.flags.has(MessageFlags.Ephemeral)
  await i.editReply(
    pageMessage(result.pages, state.page, { command, args: state.args }, ctx.store, isPrivate),
  )
  return { outcome: 'ok', results: result.results }
}

/** "Copy as Markdown": the answer as Markdown with footnote citations, to the one who clicked only. */
async function copyAsMarkdown(i: ButtonInteraction, ctx: BotContext): Promise<Outcome> {
  const decoded = decodeMarkdownId(i.customId, ctx.findCommand, ctx.store)
  const command = decoded.ok ? ctx.findCommand(decoded.state.command) : undefined
  const md = decoded.ok && command ? answerMarkdown(ctx.source.current(), command, decoded.state.args) : null
  if (!decoded.ok || !command || !md?.ok) {
    const why =
      !decoded.ok && decoded.reason === 'expired'
        ? 'This answer has expired since the bot restarted: run the command again.'
        : 'This button no longer works: run the command again.'
    await i.reply({ ...notice(why), flags: MessageFlags.Ephemeral })
    return { outcome: !decoded.ok && decoded.reason === 'expired' ? 'expired' : 'unknown' }
  }
  await i.reply({ ...markdownReply(md.markdown, command.name), flags: MessageFlags.Ephemeral })
  return { outcome: 'ok', results: 1 }
}

/** Posts a private answer to the channel as it stands: the same embeds, the paging buttons without this one. */
async function postToChannel(i: ButtonInteraction): Promise<Outcome> {
  const components = i.message.components.flatMap(
    (row): APIActionRowComponent<APIComponentInMessageActionRow>[] => {
      const json = row.toJSON()
      if (json.type !== ComponentType.ActionRow) return []
      const kept = json.components.filter((c) => !('custom_id' in c) || c.custom_id !== POST_ID)
      return kept.length ? [{ ...json, components: kept }] : []
    },
  )
  // The picture goes along: an embed's attachment:// image needs the file in the same message.
  const files = i.message.attachments.map((a) => ({ attachment: a.url, name: a.name }))
  await i.reply({
    embeds: i.message.embeds.map((e) => e.toJSON()),
    components,
    allowedMentions: NO_MENTIONS,
    ...(files.length ? { files } : {}),
  })
  return { outcome: 'ok', results: i.message.embeds.length }
}
