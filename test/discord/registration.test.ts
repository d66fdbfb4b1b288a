import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { commands } from '../../src/commands/index.ts'
import { defineCommand } from '../../src/commands/types.ts'
import { commandData } from '../../src/discord/deploy.ts'
import { discordChoices } from '../../src/discord/interactions.ts'
import { registrationBody, registrationProblems, slashCommandData } from '../../src/discord/registration.ts'

const sample = defineCommand({
  name: 'sample',
  description: 'A command to register',
  options: [
    { name: 'limit', description: 'How many', type: 'integer', min: 1, max: 9 },
    {
      name: 'name',
      description: 'A name',
      type: 'string',
      required: true,
      maxLength: 80,
      autocomplete: () => [],
    },
    { name: 'strict', description: 'Exact names only', type: 'boolean' },
  ],
  examples: ['sample x'],
  args: z.object({}),
  run: () => ({ command: 'sample', query: '' }),
  present: () => ({ title: '', sections: [], citations: [] }),
})

describe('command registration, derived from the command definitions', () => {
  it('maps option types and limits, required options first, and adds `private`', () => {
    expect(slashCommandData(sample)).toEqual({
      name: 'sample',
      description: 'A command to register',
      type: ApplicationCommandType.ChatInput,
      options: [
        {
          name: 'name',
          description: 'A name',
          type: ApplicationCommandOptionType.String,
          required: true,
          max_length: 80,
          autocomplete: true,
        },
        {
          name: 'limit',
          description: 'How many',
          type: ApplicationCommandOptionType.Integer,
          required: false,
          min_value: 1,
          max_value: 9,
        },
        {
          name: 'strict',
          description: 'Exact names only',
          type: ApplicationCommandOptionType.Boolean,
          required: false,
        },
        expect.objectContaining({
          name: 'private',
          type: ApplicationCommandOptionType.Boolean,
          required: false,
        }),
      ],
    })
  })

  it('registers every command of the registry, "Find sources" and /reload, all within Discord limits', () => {
    const body = commandData(commands)
    expect(registrationProblems(body)).toEqual([])
    expect(body.map((c) => c.name)).toEqual([...commands.map((c) => c.name), 'Find sources', 'reload'])
    expect(body.find((c) => c.name === 'Find sources')).toEqual({
      name: 'Find sources',
      type: ApplicationCommandType.Message,
    })
    // 32 = Manage Server: Discord shows /reload to those members only, and only in servers.
    expect(body.find((c) => c.name === 'reload')).toMatchObject({
      default_member_permissions: '32',
      contexts: [0],
    })
  })

  it.each([
    [{ name: 'Upper', description: 'd', options: [] }, 'a name is 1–32 lower-case'],
    [{ name: 'x'.repeat(33), description: 'd', options: [] }, 'a name is 1–32'],
    [{ name: 'ok', description: 'd'.repeat(101), options: [] }, 'a description takes 1–100'],
    [
      {
        name: 'ok',
        description: 'd',
        options: [{ name: 'a', description: 'd'.repeat(101), type: 'string' as const }],
      },
      'a description takes 1–100',
    ],
  ])('refuses what Discord would: %j', (def, message) => {
    const c = { ...sample, ...def }
    expect(() => registrationBody([c], [])).toThrow(message)
  })

  it('refuses a name defined twice', () => {
    expect(registrationProblems([slashCommandData(sample), slashCommandData(sample)])).toEqual([
      'sample: defined twice',
    ])
  })
})

describe('autocomplete choices as Discord takes them', () => {
  it('keeps at most 25, names cut at a word within 100, values too long or repeated left out', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      name: `${'Jaysh al-Azza '.repeat(10)}${i}`,
      value: `id${i}`,
    }))
    const choices = discordChoices([
      { name: 'dup', value: 'id0' },
      { name: 'too long', value: 'v'.repeat(101) },
      { name: '\u0000', value: 'empty-name' },
      ...many,
    ])
    expect(choices).toHaveLength(25)
    expect(choices[0]).toEqual({ name: 'dup', value: 'id0' })
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThanOrEqual(1)
      expect(c.name.length).toBeLessThanOrEqual(100)
      expect(c.value.length).toBeLessThanOrEqual(100)
    }
    expect(choices[1]?.name).toMatch(/Azza…$/)
  })
})
