import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/**
 * The places of Syria in both scripts (data/places.json): governorates, districts and the towns
 * of local deals, each with its Latin spellings and Arabic names, so that a place named in one
 * script finds the articles written in the other. Checked with zod when it loads.
 */

export const PLACE_KINDS = ['governorate', 'district', 'town'] as const

const PlaceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().trim().min(1),
    kind: z.enum(PLACE_KINDS),
    /** The id of the governorate it lies in. */
    within: z.string().optional(),
    aliases: z.array(z.string().trim().min(1)).default([]),
  })
  .strict()

export const PlacesSchema = z.object({ about: z.string().optional(), places: z.array(PlaceSchema) }).strict()

export type Place = z.infer<typeof PlaceSchema>
export type PlaceTable = z.infer<typeof PlacesSchema>

export const PLACES_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'places.json')

/** A parsed table, checked: ids unique, `within` pointing at a known place. */
export function parsePlaces(json: unknown, source = 'places'): PlaceTable {
  const parsed = PlacesSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`${source}: ${(issue?.path ?? []).join('.')}: ${issue?.message ?? 'invalid'}`)
  }
  const ids = new Set<string>()
  for (const p of parsed.data.places) {
    if (ids.has(p.id)) throw new Error(`${source}: place "${p.id}" is listed twice`)
    ids.add(p.id)
  }
  for (const p of parsed.data.places)
    if (p.within && !ids.has(p.within)) throw new Error(`${source}: "${p.id}" lies in unknown "${p.within}"`)
  return parsed.data
}

let shipped: PlaceTable | undefined
/** The table shipped with the project (read and checked once). */
export function loadPlaces(file = PLACES_FILE): PlaceTable {
  if (file === PLACES_FILE && shipped) return shipped
  const table = parsePlaces(JSON.parse(readFileSync(file, 'utf8')), file)
  if (file === PLACES_FILE) shipped = table
  return table
}

/** A place's names, its name first. */
export function placeNames(p: Place): string[] {
  return [p.name, ...p.aliases]
}
