import { createHash } from 'node:crypto'
import type { Command } from '../commands/types.ts'

/** Discord's limit on a component's custom_id. */
export const CUSTOM_ID_CHARS = 100

/** An option value as a slash command submits it. */
export type OptionValue = string | number | boolean

/** Which answer a page button shows: the command, its options as submitted, and the page (0-based). */
export interface PageState {
  command: string
  args: Record<string, OptionValue>
  page: number
}

/** The custom_id of the "post to channel" button. */
export const POST_ID = 'post'

/**
 * The "Copy as Markdown" button: the same state as a page button (`md:` in place of `pg:`, so
 * within the same 100 characters), since it renders the same answer again, as Markdown.
 */
export function encodeMarkdownId(state: PageState, command: Command, store: ArgsStore): string {
  return `md:${encodePageId(state, command, store).slice('pg:'.length)}`
}

/** The answer a "Copy as Markdown" button stands for; never throws. */
export function decodeMarkdownId(
  id: string,
  findCommand: (name: string) => Command | undefined,
  store: ArgsStore,
): DecodedPageId {
  if (!id.startsWith('md:')) return { ok: false, reason: 'not-a-page' }
  return decodePageId(`pg:${id.slice('md:'.length)}`, findCommand, store)
}

/**
 * Option sets too long for a custom_id, kept in memory under a short hash. Only these pages stop
 * working after a restart (they get a polite "run it again"); every other button carries its
 * whole state in its custom_id.
 */
export class ArgsStore {
  private readonly entries = new Map<string, string>()
  constructor(private readonly capacity = 2000) {}

  put(json: string): string {
    const key = createHash('sha256').update(json).digest('base64url').slice(0, 12)
    this.entries.delete(key)
    this.entries.set(key, json)
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string)
    return key
  }

  get(key: string): string | undefined {
    return this.entries.get(key)
  }
}

/**
 * `pg:<page>:<command>:<values>`: the option values in the command's option order as a JSON
 * array (missing ones null, trailing ones dropped), or `#<key>` into the store when too long.
 */
export function encodePageId(state: PageState, command: Command, store: ArgsStore): string {
  const values = command.options.map((o) => state.args[o.name] ?? null)
  while (values.length && values[values.length - 1] === null) values.pop()
  const json = JSON.stringify(values)
  const id = `pg:${state.page}:${state.command}:${json}`
  return id.length <= CUSTOM_ID_CHARS ? id : `pg:${state.page}:${state.command}:#${store.put(json)}`
}

export type DecodedPageId =
  | { ok: true; state: PageState }
  | { ok: false; reason: 'not-a-page' | 'unknown-command' | 'expired' | 'malformed' }

/** The state in a page button's custom_id; never throws, whatever the id holds. */
export function decodePageId(
  id: string,
  findCommand: (name: string) => Command | undefined,
  store: ArgsStore,
): DecodedPageId {
  const m = /^pg:(\d{1,4}):([^:]{1,32}):(.*)$/s.exec(id)
  if (!m) return { ok: false, reason: 'not-a-page' }
  const [, page, name, rest] = m as unknown as [string, string, string, string]
  const command = findCommand(name)
  if (!command) return { ok: false, reason: 'unknown-command' }
  const json = rest.startsWith('#') ? store.get(rest.slice(1)) : rest
  if (json === undefined) return { ok: false, reason: 'expired' }
  let values: unknown
  try {
    values = JSON.parse(json)
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (!Array.isArray(values) || values.length > command.options.length)
    return { ok: false, reason: 'malformed' }
  const args: Record<string, OptionValue> = {}
  for (const [i, v] of values.entries()) {
    const option = command.options[i]
    if (v === null || !option) continue
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
      return { ok: false, reason: 'malformed' }
    args[option.name] = v
  }
  return { ok: true, state: { command: name, args, page: Number(page) } }
}
