import { REST, type RESTPostAPIApplicationCommandsJSONBody, Routes } from 'discord.js'
import type { Command } from '../commands/types.ts'
import type { Config } from '../config.ts'
import { botCommands } from './bot-commands.ts'
import { registrationBody } from './registration.ts'

/** Everything the bot registers: the registry's slash commands, then its Discord-only commands. */
export function commandData(commands: readonly Command[]): RESTPostAPIApplicationCommandsJSONBody[] {
  return registrationBody(
    commands,
    botCommands(commands).map((b) => b.data),
  )
}

/**
 * Registers every command with one bulk overwrite (PUT): to one server when DISCORD_GUILD_ID is
 * set (instant), else globally. Commands no longer defined disappear.
 */
export async function deployCommands(
  config: Pick<Config, 'token' | 'clientId' | 'guildId' | 'apiBase'>,
  commands: readonly Command[],
): Promise<{ scope: string; count: number }> {
  const body = commandData(commands)
  const rest = new REST(config.apiBase ? { api: config.apiBase } : {}).setToken(config.token)
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.clientId, config.guildId)
    : Routes.applicationCommands(config.clientId)
  const registered = (await rest.put(route, { body })) as unknown[]
  return { scope: config.guildId ? `server ${config.guildId}` : 'global', count: registered.length }
}
