import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

/** Curated name variants, corpus/aliases.json: canonical names with spellings, English names, acronyms. */
export const AliasesSchema = z.object({
  factions: z
    .array(
      z.object({
        name: z.string().trim().min(1),
        aliases: z.array(z.string().trim().min(1)).default([]),
      }),
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
    throw new AliasesError(
      `${file}: entry ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
    )
  }
  return parsed.data
}
