import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { foldPhrase } from '../text/normalize.ts'

/**
 * The gazetteer of the Syrian war's armed groups and forces, shipped as data
 * (data/armed-groups.json): each group's canonical name, kind, aliases (transliterations,
 * English names, acronyms, Arabic script) and lineage (renames, mergers, splits). Extraction
 * finds these names in any corpus; the Arabic search reads the Arabic-script aliases.
 */

export const GROUP_KINDS = [
  'opposition',
  'islamist',
  'jihadist',
  'kurdish',
  'pro-government-militia',
  'alliance',
  'state-force',
] as const
export type GroupKind = (typeof GROUP_KINDS)[number]

/** How one group came from or went into another: a closed set, so that answers can word each. */
export const LINEAGE_RELATIONS = [
  'renamed-from',
  'renamed-to',
  'merged-into',
  'absorbed',
  'split-from',
] as const
export type LineageRelation = (typeof LINEAGE_RELATIONS)[number]

const LineageSchema = z
  .object({
    relation: z.enum(LINEAGE_RELATIONS),
    /** The other group's id. */
    group: z.string().min(1),
    /** When it was announced: YYYY, YYYY-MM or YYYY-MM-DD. */
    date: z
      .string()
      .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/)
      .optional(),
  })
  .strict()

const GroupSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().trim().min(1),
    kind: z.enum(GROUP_KINDS),
    aliases: z.array(z.string().trim().min(1)).default([]),
    lineage: z.array(LineageSchema).default([]),
  })
  .strict()

export const GazetteerSchema = z
  .object({
    about: z.string().optional(),
    groups: z.array(GroupSchema),
  })
  .strict()

export type ArmedGroup = z.infer<typeof GroupSchema>
export type Gazetteer = z.infer<typeof GazetteerSchema>

export class GazetteerError extends Error {
  override name = 'GazetteerError'
}

export const GAZETTEER_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'data',
  'armed-groups.json',
)

/**
 * Checks a parsed gazetteer beyond its shape: ids unique, lineage pointing at known ids, and no
 * name (after folding) claimed by two groups — a name shared by two groups could not say which.
 */
export function checkGazetteer(g: Gazetteer): string | null {
  const ids = new Set<string>()
  for (const group of g.groups) {
    if (ids.has(group.id)) return `group "${group.id}" is listed twice`
    ids.add(group.id)
  }
  const owner = new Map<string, string>()
  for (const group of g.groups) {
    for (const l of group.lineage)
      if (!ids.has(l.group)) return `group "${group.id}": lineage names unknown group "${l.group}"`
    for (const n of [group.name, ...group.aliases]) {
      const key = foldPhrase(n)
      if (!key) continue // Arabic script folds to nothing in the Latin fold: kept for Arabic search.
      const other = owner.get(key)
      if (other !== undefined && other !== group.id)
        return `group "${group.id}": "${n}" is also a name of "${other}"`
      owner.set(key, group.id)
    }
  }
  return null
}

export function parseGazetteer(json: unknown, source = 'gazetteer'): Gazetteer {
  const parsed = GazetteerSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new GazetteerError(`${source}: ${(issue?.path ?? []).join('.')}: ${issue?.message ?? 'invalid'}`)
  }
  const problem = checkGazetteer(parsed.data)
  if (problem) throw new GazetteerError(`${source}: ${problem}`)
  return parsed.data
}

let shipped: Gazetteer | undefined
/** The gazetteer shipped with the project (read and checked once). */
export function loadGazetteer(file = GAZETTEER_FILE): Gazetteer {
  if (file === GAZETTEER_FILE && shipped) return shipped
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new GazetteerError(`${file}: ${(e as Error).message}`)
  }
  const g = parseGazetteer(json, file)
  if (file === GAZETTEER_FILE) shipped = g
  return g
}

/** A group by its id. */
export function groupById(g: Gazetteer, id: string): ArmedGroup | undefined {
  return g.groups.find((x) => x.id === id)
}

/** Arabic-script names (for cross-script search): those with a letter of the Arabic block. */
export function arabicAliases(group: ArmedGroup): string[] {
  return [group.name, ...group.aliases].filter((n) => /[\u0600-\u06ff]/.test(n))
}
