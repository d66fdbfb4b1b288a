import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { foldPhrase } from '../text/normalize.ts'

/** Curated name variants, corpus/aliases.json: canonical names with spellings, English names, acronyms. */
export const AliasesSchema = z.object({
  factions: z
    .array(
      z
        .object({
          /** The name answers show. */
          name: z.string().trim().min(1),
          /** Spellings, English names, acronyms and short forms people type. */
          aliases: z.array(z.string().trim().min(1)).default([]),
        })
        .strict(),
    )
    .default([]),
})

export type Aliases = z.infer<typeof AliasesSchema>

export const EMPTY_ALIASES: Aliases = { factions: [] }

export const ALIASES_FILE = 'aliases.json'

/** An aliases file that can't be used: loading stops with a message naming the entry. */
export class AliasesError extends Error {
  override name = 'AliasesError'
}

/** Reads `aliases.json` from the corpus folder; no file → no aliases. */
export function loadAliases(corpusPath: string): Aliases {
  const dir = existsSync(corpusPath) && statSync(corpusPath).isDirectory() ? corpusPath : null
  const file = dir ? join(dir, ALIASES_FILE) : null
  if (!file || !existsSync(file)) return EMPTY_ALIASES
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new AliasesError(`${file}: not valid JSON (${(e as Error).message})`)
  }
  const parsed = AliasesSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const path = issue?.path ?? []
    throw new AliasesError(`${file}: ${entryName(json, path)}: ${issue?.message ?? 'invalid'}`)
  }
  const conflict = firstConflict(parsed.data)
  if (conflict) throw new AliasesError(`${file}: ${conflict}`)
  return parsed.data
}

/** 'entry factions.3 ("Faylaq al-Sham"), aliases.0' — the path, with the entry's name when it has one. */
function entryName(json: unknown, path: readonly PropertyKey[]): string {
  const [list, index, ...rest] = path
  const entry =
    list === 'factions' && typeof index === 'number' && json && typeof json === 'object'
      ? (json as { factions?: unknown[] }).factions?.[index]
      : undefined
  const name = entry && typeof entry === 'object' ? (entry as { name?: unknown }).name : undefined
  if (typeof name !== 'string') return `entry ${path.map(String).join('.') || '(root)'}`
  return `entry factions.${String(index)} ("${name}")${rest.length ? `, ${rest.map(String).join('.')}` : ''}`
}

/**
 * A name that can't be told apart: one that folds to nothing ('al-'), or one that two entries
 * claim (after folding: 'Jaish al-Izza' and 'jaysh al izza' are one name).
 */
export function firstConflict(aliases: Aliases): string | null {
  const owner = new Map<string, string>()
  for (const [i, entry] of aliases.factions.entries()) {
    for (const n of [entry.name, ...entry.aliases]) {
      const key = foldPhrase(n)
      if (!key) return `entry factions.${i} ("${entry.name}"): "${n}" has no letters to match`
      const other = owner.get(key)
      if (other !== undefined && other !== entry.name)
        return `entry factions.${i} ("${entry.name}"): "${n}" is also a name of "${other}"`
      owner.set(key, entry.name)
    }
  }
  return null
}
