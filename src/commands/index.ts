import about from './about.ts'
import askCommand from './ask.ts'
import factionsCommand from './factions.ts'
import helpCommand from './help.ts'
import search from './search.ts'
import source from './source.ts'
import stanceCommand from './stance.ts'
import termsCommand from './terms.ts'
import timelineCommand from './timeline.ts'
import type { Command } from './types.ts'

/** Every command, for the command line and the bot alike. */
export const commands: readonly Command[] = [
  askCommand,
  search,
  termsCommand,
  stanceCommand,
  factionsCommand,
  timelineCommand,
  source,
  about,
  helpCommand,
]

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name)
}
