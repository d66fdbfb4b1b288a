// `npm run deploy-commands`: registers the slash commands with Discord (see README, "Discord").
import { DiscordAPIError } from 'discord.js'
import { commands } from '../commands/index.ts'
import { configOrExit } from '../config.ts'
import { deployCommands } from './deploy.ts'
import { RegistrationError } from './registration.ts'

const config = configOrExit('deploy-commands')
try {
  const { scope, count } = await deployCommands(config, commands)
  process.stdout.write(
    `Registered ${count} commands (${scope})${config.guildId ? '' : '; global commands can take up to an hour to show'}.\n`,
  )
} catch (e) {
  const why =
    e instanceof DiscordAPIError
      ? `Discord refused the commands (${e.status} ${e.message})${e.status === 401 ? ': check DISCORD_TOKEN' : ''}`
      : e instanceof RegistrationError
        ? e.message
        : `could not reach Discord: ${(e as Error).message}`
  process.stderr.write(`deploy-commands: ${why}\n`)
  process.exit(1)
}
