import type { z } from 'zod'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import type { Presentation } from '../render/presentation.ts'

/** What every answer carries: the command and the input as given. */
export interface AnswerBase {
  command: string
  query: string
}

/** An autocomplete choice: what people see, and what is submitted. Both 1–100 characters. */
export interface Choice {
  name: string
  value: string
}

/** One option of a command, shared by the slash command and the command line. */
export interface OptionDefinition {
  name: string
  /** At most 100 characters (Discord's limit). */
  description: string
  type: 'string' | 'integer' | 'boolean'
  required?: boolean
  /** On the command line, taken from the words after the command, in order. */
  positional?: boolean
  min?: number
  max?: number
  maxLength?: number
  /** Suggestions for what is being typed, best first (at most 25). */
  autocomplete?: (kb: KnowledgeBase, typed: string) => Choice[]
}

/** A command as the adapters see it: its definition, validation, answer and presentation. */
export interface Command {
  name: string
  /** At most 100 characters (Discord's limit). */
  description: string
  options: readonly OptionDefinition[]
  /** Command-line examples for the help text, without the program name. */
  examples: readonly string[]
  /** Validates raw option values (strings from the command line are coerced). */
  parse(raw: Record<string, unknown>): { ok: true; args: unknown } | { ok: false; message: string }
  run(kb: KnowledgeBase, args: unknown): AnswerBase
  present(answer: AnswerBase, kb: KnowledgeBase): Presentation
  /** A picture of the answer (PNG), for the commands that draw one; null when there is nothing to draw. */
  picture?(answer: AnswerBase, kb: KnowledgeBase): Promise<Uint8Array | null>
  /**
   * Loads what the first answer would otherwise wait for (the chart libraries), for a long-running
   * process to call once it is ready; the command line never does.
   */
  warm?(): Promise<void>
}

export interface CommandSpec<S extends z.ZodType, A extends AnswerBase> {
  name: string
  description: string
  options: readonly OptionDefinition[]
  examples: readonly string[]
  args: S
  run(kb: KnowledgeBase, args: z.infer<S>): A
  present(answer: A, kb: KnowledgeBase): Presentation
  picture?(answer: A, kb: KnowledgeBase): Promise<Uint8Array | null>
  warm?(): Promise<void>
}

/** Defines a command once; the slash command and the command line are derived from it. */
export function defineCommand<S extends z.ZodType, A extends AnswerBase>(spec: CommandSpec<S, A>): Command {
  return {
    name: spec.name,
    description: spec.description,
    options: spec.options,
    examples: spec.examples,
    parse(raw) {
      const missing = spec.options.find(
        (o) => o.required && (raw[o.name] === undefined || raw[o.name] === ''),
      )
      if (missing) return { ok: false, message: `missing ${missing.name}: ${missing.description}` }
      const r = spec.args.safeParse(raw)
      if (r.success) return { ok: true, args: r.data }
      const issue = r.error.issues[0]
      const option = spec.options.find((o) => o.name === issue?.path[0])
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
      return { ok: false, message: `${where}${inWords(issue, option)}` }
    },
    run: (kb, args) => spec.run(kb, args as z.infer<S>),
    present: (answer, kb) => spec.present(answer as A, kb),
    ...(spec.picture
      ? { picture: async (answer, kb) => (await spec.picture?.(answer as A, kb)) ?? null }
      : {}),
    ...(spec.warm ? { warm: spec.warm } : {}),
  }
}

/**
 * What was wrong with a value, for people: 'a whole number from 1 to 50', not zod's 'expected
 * int, received number'. Messages a command wrote itself (a string's `min(1, 'name a faction')`)
 * are kept.
 */
function inWords(issue: z.core.$ZodIssue | undefined, option: OptionDefinition | undefined): string {
  if (!issue) return 'invalid input'
  if (option?.type === 'integer') {
    const range =
      option.min !== undefined && option.max !== undefined
        ? ` from ${option.min} to ${option.max}`
        : option.min !== undefined
          ? ` of at least ${option.min}`
          : option.max !== undefined
            ? ` of at most ${option.max}`
            : ''
    return `give a whole number${range}`
  }
  if (option?.type === 'boolean') return 'give true or false'
  if (issue.code === 'too_big' && option?.maxLength !== undefined)
    return `at most ${option.maxLength} characters`
  if (issue.code === 'invalid_type')
    return option ? `give ${option.description.toLowerCase()}` : 'missing or of the wrong kind'
  return issue.message
}
