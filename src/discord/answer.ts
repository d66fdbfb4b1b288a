import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  type MessageMentionOptions,
} from 'discord.js'
import type { Command } from '../commands/types.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import { corpusLine, cutText, renderPages, sanitize } from '../render/discord.ts'
import { type ArgsStore, encodePageId, type OptionValue, POST_ID } from './custom-id.ts'

/** On every message the bot sends: corpus text and user input never ping anyone. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], repliedUser: false }

export type Answered = { ok: true; pages: APIEmbed[]; results: number } | { ok: false; message: string }

/** Validates raw option values, runs the command and renders its pages (pure but for the clock). */
export function answer(kb: KnowledgeBase, command: Command, raw: Record<string, OptionValue>): Answered {
  const parsed = command.parse(raw)
  if (!parsed.ok) return { ok: false, message: parsed.message }
  const presentation = command.present(command.run(kb, parsed.args), kb)
  const results = presentation.sections.reduce((n, s) => n + s.items.length, 0)
  return { ok: true, pages: renderPages(presentation, corpusLine(kb)), results }
}

/** Checks what Discord checks before a command reaches the bot: length limits of string options. */
export function tooLong(command: Command, raw: Record<string, OptionValue>): string | null {
  for (const o of command.options) {
    const v = raw[o.name]
    if (typeof v === 'string' && o.maxLength !== undefined && v.length > o.maxLength)
      return `${o.name}: at most ${o.maxLength} characters`
  }
  return null
}

/** Plain text from a user as an option value: no control characters, within `max`, cut at a word. */
export function userText(text: string, max = 6000): string {
  const clean = sanitize(text).replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max + 1)
  const space = cut.lastIndexOf(' ')
  return (space > max / 2 ? cut.slice(0, space) : cutText(clean, max).replace(/…$/, '')).trim()
}

/** The one page of an answer that a message shows, its paging buttons, and a post button when private. */
export function pageMessage(
  pages: readonly APIEmbed[],
  page: number,
  state: { command: Command; args: Record<string, OptionValue> },
  store: ArgsStore,
  isPrivate: boolean,
): {
  embeds: APIEmbed[]
  components: APIActionRowComponent<APIButtonComponent>[]
  allowedMentions: MessageMentionOptions
} {
  const at = Math.max(0, Math.min(page, pages.length - 1))
  const buttons: APIButtonComponent[] = []
  if (pages.length > 1) {
    const id = (p: number) =>
      encodePageId({ command: state.command.name, args: state.args, page: p }, state.command, store)
    buttons.push(
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: 'Previous',
        custom_id: id(Math.max(0, at - 1)),
        disabled: at === 0,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: 'Next',
        custom_id: id(Math.min(pages.length - 1, at + 1)),
        disabled: at === pages.length - 1,
      },
    )
  }
  if (isPrivate)
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: 'Post to channel',
      custom_id: POST_ID,
    })
  return {
    embeds: [pages[at] as APIEmbed],
    components: buttons.length ? [{ type: ComponentType.ActionRow, components: buttons }] : [],
    allowedMentions: NO_MENTIONS,
  }
}

/** A short message for people, as a message body that can't ping or format anything. */
export function notice(text: string): { content: string; allowedMentions: MessageMentionOptions } {
  return { content: cutText(text, 2000), allowedMentions: NO_MENTIONS }
}
