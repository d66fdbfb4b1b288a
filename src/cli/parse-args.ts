import type { Command } from '../commands/types.ts'
import type { ColumnMap } from '../corpus/formats.ts'
import { COLUMN_SYNONYMS } from '../corpus/formats.ts'

/** A usage error: exit 2 with this one line. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** How an answer is printed: text for people, Markdown to paste, or DESIGN.md's JSON. */
export const FORMATS = ['text', 'markdown', 'json'] as const
export type Format = (typeof FORMATS)[number]

export interface GlobalFlags {
  /** `--json` is `--format json`. */
  json: boolean
  format: Format
  /** `--out FILE.png`: where a command that draws a picture writes it. */
  out: string | null
  help: boolean
  corpus: string | null
  columns: ColumnMap | null
  noCache: boolean
}

export interface ParsedLine {
  command: string | null
  flags: GlobalFlags
  /** Option values by name, as typed. */
  raw: Record<string, string | boolean>
}

const GLOBAL_VALUE_FLAGS = new Set(['corpus', 'columns', 'format', 'out'])
const GLOBAL_BOOLEAN_FLAGS = new Set(['json', 'help', 'no-cache'])

/** `--columns text=article_content,title=article_title`: which column holds which field. */
export function parseColumns(spec: string): ColumnMap {
  const out: ColumnMap = {}
  for (const pair of spec.split(',')) {
    const [field, column] = pair.split('=').map((s) => s.trim())
    if (!field || !column || !(field in COLUMN_SYNONYMS)) {
      throw new UsageError(
        `--columns takes field=column pairs (fields: ${Object.keys(COLUMN_SYNONYMS).join(', ')}), not '${pair}'`,
      )
    }
    out[field as keyof ColumnMap] = column
  }
  return out
}

/**
 * Splits a command line into the command, the global flags and the command's option values.
 * Words after the command fill its positional options in order; the last string option takes
 * the rest, except trailing whole numbers that fill later integer options (`source 001 3`).
 */
export function parseLine(argv: readonly string[], find: (name: string) => Command | undefined): ParsedLine {
  const flags: GlobalFlags = {
    json: false,
    format: 'text',
    out: null,
    help: false,
    corpus: null,
    columns: null,
    noCache: false,
  }
  const raw: Record<string, string | boolean> = {}
  const words: string[] = []
  let command: string | null = null
  let cmd: Command | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--') {
      words.push(...argv.slice(i + 1))
      break
    }
    if (arg === '-h') {
      flags.help = true
      continue
    }
    if (!arg.startsWith('--') || arg === '--') {
      if (command === null) {
        command = arg
        cmd = find(arg)
      } else words.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq < 0 ? undefined : eq)
    const inline = eq < 0 ? undefined : arg.slice(eq + 1)
    const option = cmd?.options.find((o) => o.name === name)
    const takesValue = GLOBAL_VALUE_FLAGS.has(name) || (option !== undefined && option.type !== 'boolean')
    if (!takesValue && !GLOBAL_BOOLEAN_FLAGS.has(name) && option?.type !== 'boolean') {
      throw new UsageError(`unknown option --${name}${cmd ? ` for ${cmd.name}` : ''}`)
    }
    let value: string | boolean = true
    if (takesValue) {
      const next = inline ?? argv[++i]
      if (next === undefined) throw new UsageError(`--${name} needs a value`)
      value = next
    } else if (inline !== undefined) value = !/^(false|no|0)$/i.test(inline)
    if (name === 'json') {
      flags.json = value === true
      if (flags.json) flags.format = 'json'
    } else if (name === 'format') {
      const format = FORMATS.find((f) => f === value || (value === 'md' && f === 'markdown'))
      if (!format) throw new UsageError(`--format takes ${FORMATS.join(', ')}, not '${String(value)}'`)
      flags.format = format
      flags.json = format === 'json'
    } else if (name === 'out') {
      if (!cmd?.picture) throw new UsageError(`--out applies only to commands that draw a picture (timeline)`)
      flags.out = String(value)
    } else if (name === 'help') flags.help = value === true
    else if (name === 'no-cache') flags.noCache = value === true
    else if (name === 'corpus') flags.corpus = String(value)
    else if (name === 'columns') flags.columns = parseColumns(String(value))
    else raw[name] = value
  }
  if (cmd) fillPositionals(cmd, words, raw)
  else if (words.length && command !== null) raw._ = words.join(' ')
  return { command, flags, raw }
}

function fillPositionals(cmd: Command, words: string[], raw: Record<string, string | boolean>): void {
  const positional = cmd.options.filter((o) => o.positional && raw[o.name] === undefined)
  const rest = [...words]
  const first = positional.findIndex((o) => o.type === 'string')
  // Trailing integer options take trailing whole numbers.
  for (let k = positional.length - 1; k > first && rest.length > 1; k--) {
    const o = positional[k]
    if (o?.type === 'integer' && /^-?\d+$/.test(rest[rest.length - 1] ?? '')) raw[o.name] = rest.pop() ?? ''
  }
  for (const [k, o] of positional.entries()) {
    if (!rest.length || raw[o.name] !== undefined) continue
    const lastString = positional.slice(k + 1).every((p) => p.type !== 'string')
    raw[o.name] = o.type === 'string' && lastString ? rest.splice(0).join(' ') : (rest.shift() ?? '')
  }
  if (rest.length) throw new UsageError(`${cmd.name} does not take '${rest.join(' ')}'`)
}
