import type { Message } from 'discord.js'
import { answer, notice, pageMessage, userText } from './answer.ts'
import { textOption } from './bot-commands.ts'
import type { BotContext, Outcome } from './context.ts'

/**
 * A message that mentions the bot is a question for the `ask` command (when the registry has
 * one). Discord sends the text of such messages without the Message Content intent.
 */
export async function handleMention(
  message: Message,
  ctx: BotContext,
  botId: string,
): Promise<Outcome | null> {
  if (message.author.bot || !message.mentions.users.has(botId)) return null
  const ask = ctx.findCommand('ask')
  const option = ask && textOption(ask)
  if (!ask || !option) return null
  const wait = ctx.limiter.take(message.author.id)
  if (wait > 0) {
    await message.reply(
      notice(`You're asking quickly: please wait ${Math.ceil(wait / 1000)} s and try again.`),
    )
    return { outcome: 'rate-limited' }
  }
  const max = ask.options.find((o) => o.name === option)?.maxLength ?? 500
  const question = userText(message.content.replace(/<@!?\d+>/g, ' '), max)
  const example = ask.examples[0]?.replace(/^ask\s+/, '')
  if (!question) {
    await message.reply(notice(`Ask me a question after the mention${example ? `, e.g. ${example}` : ''}.`))
    return { outcome: 'invalid' }
  }
  const args = { [option]: question }
  const result = answer(ctx.source.current(), ask, args)
  if (!result.ok) {
    await message.reply(notice(`I can't answer that: ${result.message}`))
    return { outcome: 'invalid' }
  }
  await message.reply(pageMessage(result.pages, 0, { command: ask, args }, ctx.store, false))
  return { outcome: 'ok', results: result.results }
}
