/** YAML front matter (`---` … `---` above a Markdown or text article), read with the `yaml` library. */
import { parse } from 'yaml'

export interface FrontMatter {
  /** Each field as text: lists joined by ", ", folded blocks as their text. */
  fields: Record<string, string>
  /** The text under the front matter. */
  body: string
}

/** Splits off and parses front matter; a text without any comes back whole. Throws on bad YAML. */
export function readFrontMatter(text: string): FrontMatter | { error: string } {
  const src = text.replace(/^\uFEFF/, '')
  const open = src.match(/^---[ \t]*\r?\n/)
  if (!open) return { fields: {}, body: src }
  const rest = src.slice(open[0].length)
  const close = rest.match(/^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m)
  if (!close || close.index === undefined) return { error: 'front matter has no closing ---' }
  let data: unknown
  try {
    data = parse(rest.slice(0, close.index))
  } catch (e) {
    return { error: `bad front matter: ${(e as Error).message.split('\n')[0]}` }
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data)))
    return { error: 'bad front matter: not a set of key: value fields' }
  const fields: Record<string, string> = {}
  for (const [k, v] of Object.entries((data ?? {}) as Record<string, unknown>)) {
    const value = asText(v)
    if (value !== null) fields[k.toLowerCase()] = value
  }
  return { fields, body: rest.slice(close.index + close[0].length) }
}

/** A YAML value as text: a date as ISO, a list joined, an object's name or its values. */
function asText(v: unknown): string | null {
  if (v === null || v === undefined) return null
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString()
  if (Array.isArray(v))
    return (
      v
        .map(asText)
        .filter((x): x is string => Boolean(x))
        .join(', ') || null
    )
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    if (typeof o.name === 'string') return o.name
    return asText(Object.values(o))
  }
  return String(v).trim() || null
}
