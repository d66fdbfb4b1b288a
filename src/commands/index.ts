import about from './about.ts'
import search from './search.ts'
import source from './source.ts'
import type { Command } from './types.ts'

/** Every command, for the command line and the bot alike. */
export const commands: readonly Command[] = [search, source, about]

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name)
}
