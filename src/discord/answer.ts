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
import { renderMarkdown } from '../render/markdown.ts'
import { type ArgsStore, encodeMarkdownId, encodePageId, type OptionValue, POST_ID } from './custom-id.ts'

/** On every message the bot sends: corpus text and user input never ping anyone. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], repliedUser: false }

/** A file sent with an answer: the picture of a timeline. */
export interface AnswerFile {
  name: string
  data: Uint8Array
}

export type Answered =
  | { ok: true; pages: APIEmbed[]; results: number; draw?: () => Promise<AnswerFile | null> }
  | { ok: false; message: string }

export interface AnswerOptions {
  /**
   * The command's picture: 'attach' offers `draw` to make it, and every page points at it;
   * 'attached' only points the pages at the one the message already carries (a page button);
   * 'none' (default) leaves it out.
   */
  picture?: 'attach' | 'attached' | 'none'
}

/** The name a command's picture is attached under. */
export const pictureName = (command: Command) => `${command.name}.png`

/** Pages that show the command's picture, attached to the same message. */
export function withPicture(pages: readonly APIEmbed[], command: Command): APIEmbed[] {
  const image = { url: `attachment://${pictureName(command)}` }
  return pages.map((p) => ({ ...p, image }))
}

/** Validates raw option values, runs the command and renders its pages (pure but for the clock). */
export function answer(
  kb: KnowledgeBase,
  command: Command,
  raw: Record<string, OptionValue>,
  options: AnswerOptions = {},
): Answered {
  const parsed = command.parse(raw)
  if (!parsed.ok) return { ok: false, message: parsed.message }
  const result = command.run(kb, parsed.args)
  const presentation = command.present(result, kb)
  const results = presentation.sections.reduce((n, s) => n + s.items.length, 0)
  const pages = renderPages(presentation, corpusLine(kb))
  const picture = command.picture
  if (options.picture === 'attached' && picture)
    return { ok: true, pages: withPicture(pages, command), results }
  if (options.picture !== 'attach' || !picture) return { ok: true, pages, results }
  const draw = async () => {
    const png = await picture(result, kb)
    return png ? { name: pictureName(command), data: png } : null
  }
  return { ok: true, pages, results, draw }
}

/** The answer as Markdown to paste, with footnote citations: what "Copy as Markdown" sends. */
export function answerMarkdown(
  kb: KnowledgeBase,
  command: Command,
  raw: Record<string, OptionValue>,
): { ok: true; markdown: string } | { ok: false; message: string } {
  const parsed = command.parse(raw)
  if (!parsed.ok) return { ok: false, message: parsed.message }
  return { ok: true, markdown: renderMarkdown(command.present(command.run(kb, parsed.args), kb)) }
}

/**
 * Markdown for a private reply: in a code block (so that it shows as written and copies as is)
 * when it fits a message, else as an attached .md file.
 */
export function markdownReply(
  markdown: string,
  name: string,
): {
  content: string
  files?: { attachment: Buffer; name: string }[]
  allowedMentions: MessageMentionOptions
} {
  // A run of three backticks would end the block: the Markdown escapes backticks, so none is left.
  const block = `\`\`\`md\n${markdown.replace(/```/g, '`\u200b``')}\`\`\``
  if (block.length <= 2000) return { content: block, allowedMentions: NO_MENTIONS }
  return {
    content: 'The Markdown is longer than a message: here it is as a file.',
    files: [{ attachment: Buffer.from(markdown, 'utf8'), name: `${name}.md` }],
    allowedMentions: NO_MENTIONS,
  }
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
  buttons.push({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: 'Copy as Markdown',
    custom_id: encodeMarkdownId(
      { command: state.command.name, args: state.args, page: 0 },
      state.command,
      store,
    ),
  })
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
