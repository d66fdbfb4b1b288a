import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js'
import type { Command, OptionDefinition } from '../commands/types.ts'

/** The option every answer command gets on Discord: answer only to the asker. */
export const PRIVATE_OPTION = {
  name: 'private',
  description: 'Show the answer only to you, with a button to post it to the channel',
  type: ApplicationCommandOptionType.Boolean,
  required: false,
} as const

/** A command definition Discord would refuse (name, description, options past its limits). */
export class RegistrationError extends Error {
  override name = 'RegistrationError'
}

const OPTION_TYPES = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
} as const

function optionData(o: OptionDefinition): APIApplicationCommandBasicOption {
  const base = { name: o.name, description: o.description, required: o.required ?? false }
  switch (o.type) {
    case 'string':
      return {
        ...base,
        type: OPTION_TYPES.string,
        ...(o.maxLength !== undefined ? { max_length: o.maxLength } : {}),
        ...(o.autocomplete ? { autocomplete: true } : {}),
      }
    case 'integer':
      return {
        ...base,
        type: OPTION_TYPES.integer,
        ...(o.min !== undefined ? { min_value: o.min } : {}),
        ...(o.max !== undefined ? { max_value: o.max } : {}),
        ...(o.autocomplete ? { autocomplete: true } : {}),
      }
    case 'boolean':
      return { ...base, type: OPTION_TYPES.boolean }
  }
}

/** Whether the command already has an option named `private` of its own (then it is not added). */
export function hasOwnPrivateOption(c: Command): boolean {
  return c.options.some((o) => o.name === PRIVATE_OPTION.name)
}

/** A registry command as a slash command: its options (required ones first, as Discord wants) and `private`. */
export function slashCommandData(c: Command): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const options = [...c.options].sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false))
  return {
    name: c.name,
    description: c.description,
    type: ApplicationCommandType.ChatInput,
    options: [...options.map(optionData), ...(hasOwnPrivateOption(c) ? [] : [PRIVATE_OPTION])],
  }
}

const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u

/** What Discord would refuse in a set of command definitions; empty when it would take them all. */
export function registrationProblems(body: readonly RESTPostAPIApplicationCommandsJSONBody[]): string[] {
  const problems: string[] = []
  const seen = new Set<string>()
  for (const c of body) {
    const type = c.type ?? ApplicationCommandType.ChatInput
    const key = `${type}:${c.name}`
    if (seen.has(key)) problems.push(`${c.name}: defined twice`)
    seen.add(key)
    if (type !== ApplicationCommandType.ChatInput) {
      if (c.name.length < 1 || c.name.length > 32)
        problems.push(`${c.name}: a menu name takes 1–32 characters`)
      continue
    }
    const chat = c as RESTPostAPIChatInputApplicationCommandsJSONBody
    if (!NAME.test(chat.name) || chat.name !== chat.name.toLowerCase())
      problems.push(`${chat.name}: a name is 1–32 lower-case letters, digits, - or _`)
    if (chat.description.length < 1 || chat.description.length > 100)
      problems.push(`${chat.name}: a description takes 1–100 characters`)
    const options = chat.options ?? []
    if (options.length > 25) problems.push(`${chat.name}: more than 25 options`)
    let optionalSeen = false
    const names = new Set<string>()
    for (const o of options) {
      if (!NAME.test(o.name) || o.name !== o.name.toLowerCase())
        problems.push(`${chat.name} ${o.name}: bad option name`)
      if (names.has(o.name)) problems.push(`${chat.name} ${o.name}: option defined twice`)
      names.add(o.name)
      if (o.description.length < 1 || o.description.length > 100)
        problems.push(`${chat.name} ${o.name}: a description takes 1–100 characters`)
      const required = 'required' in o && o.required === true
      if (required && optionalSeen)
        problems.push(`${chat.name} ${o.name}: a required option after an optional one`)
      if (!required) optionalSeen = true
      if ('max_length' in o && o.max_length !== undefined && (o.max_length < 1 || o.max_length > 6000))
        problems.push(`${chat.name} ${o.name}: max_length must be 1–6000`)
    }
  }
  return problems
}

/** The body of the one bulk PUT that registers everything; throws RegistrationError when Discord would refuse it. */
export function registrationBody(
  commands: readonly Command[],
  extra: readonly RESTPostAPIApplicationCommandsJSONBody[],
): RESTPostAPIApplicationCommandsJSONBody[] {
  const body = [...commands.map(slashCommandData), ...extra]
  const problems = registrationProblems(body)
  if (problems.length) throw new RegistrationError(`commands Discord would refuse: ${problems.join('; ')}`)
  return body
}
