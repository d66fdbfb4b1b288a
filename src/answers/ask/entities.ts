/**
 * Named entities of a class in a sentence, found by gazetteer: countries (data/countries.json, by
 * name or demonym: 'Turkish mediators' name Turkey), cities abroad (data/cities.json) and Syria's
 * own places (data/places.json). A question that asks for a country or a city is answered by these
 * mentions (answer-types.ts), so a name of the wrong class ('Mehmet Simsek', 'Ankara' for a
 * country) is never its answer.
 */
import { z } from 'zod'
import cityTable from '../../../data/cities.json' with { type: 'json' }
import countryTable from '../../../data/countries.json' with { type: 'json' }
import { loadPlaces } from '../../search/places.ts'

const Name = z.string().trim().min(1)
const Country = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: Name,
    aliases: z.array(Name),
    /** Adjectives and peoples ('Turkish', 'Turks'): they name the country as an actor. */
    demonyms: z.array(Name),
    arabic: z.array(Name),
  })
  .strict()
const City = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: Name,
    /** The id of its country in countries.json. */
    country: z.string(),
    aliases: z.array(Name),
    arabic: z.array(Name),
  })
  .strict()
export const CountryTable = z
  .object({ about: z.string(), home: z.string(), countries: z.array(Country) })
  .strict()
  .refine((t) => t.countries.some((c) => c.id === t.home), 'home is one of the countries')
export const CityTable = z.object({ about: z.string(), cities: z.array(City) }).strict()

export type EntityClass = 'country' | 'city'

/** One mention of a known entity in a text. */
export interface Mention {
  start: number
  end: number
  /** The words as written. */
  text: string
  class: EntityClass
  /** The entity's id: a country's, or a city's or Syrian place's. */
  id: string
  /** The entity's name: 'Turkey' for 'Turkish'. */
  name: string
  /** The country it is, or lies in. */
  country: string
  /** Named by a demonym ('Turkish'), not by its name. */
  demonym: boolean
}

interface Entry {
  class: EntityClass
  id: string
  name: string
  country: string
  demonym: boolean
  /** The form must be written in this case (acronyms: 'US' is no 'us'). */
  exactCase: boolean
}

/** The country the corpus is about (Syria): every place of places.json lies in it. */
export const HOME: string = CountryTable.parse(countryTable).home

function buildEntries(): Map<string, Entry> {
  const countries = CountryTable.parse(countryTable).countries
  const cities = CityTable.parse(cityTable).cities
  const ids = new Set(countries.map((c) => c.id))
  const out = new Map<string, Entry>()
  const add = (form: string, e: Omit<Entry, 'exactCase'>) => {
    const bare = form.replace(/^the\s+/i, '')
    const key = /^\p{Lu}[\p{Lu}.]+$/u.test(bare) ? bare : bare.toLowerCase()
    // (The first entry of a form wins: a country's name before a city's or a place's.)
    if (!out.has(key)) out.set(key, { ...e, exactCase: key === bare })
  }
  for (const c of countries) {
    const e = { class: 'country' as const, id: c.id, name: c.name, country: c.id }
    for (const f of [c.name, ...c.aliases, ...c.arabic]) add(f, { ...e, demonym: false })
    for (const f of c.demonyms) add(f, { ...e, demonym: true })
  }
  for (const c of cities) {
    if (!ids.has(c.country)) throw new Error(`cities.json: "${c.id}" lies in unknown country "${c.country}"`)
    const e = { class: 'city' as const, id: c.id, name: c.name, country: c.country, demonym: false }
    for (const f of [c.name, ...c.aliases, ...c.arabic]) add(f, e)
  }
  for (const p of loadPlaces().places) {
    const e = { class: 'city' as const, id: p.id, name: p.name, country: HOME, demonym: false }
    for (const f of [p.name, ...p.aliases]) add(f, e)
  }
  return out
}

let entries: Map<string, Entry> | undefined
let pattern: RegExp | undefined

/** Every form of every entity, longest first, as one pattern (built on first use). */
function gazetteer(): { entries: Map<string, Entry>; pattern: RegExp } {
  if (!entries || !pattern) {
    entries = buildEntries()
    const forms = [...entries.keys()].sort((a, b) => b.length - a.length)
    const escaped = forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
  }
  return { entries, pattern }
}

const ARABIC = /\p{Script=Arabic}/u

/** The known entities named in `text` between `start` and `end`, in order. */
export function mentionsIn(text: string, start = 0, end = text.length): Mention[] {
  const { entries, pattern } = gazetteer()
  const out: Mention[] = []
  const slice = text.slice(start, end)
  for (const m of slice.matchAll(pattern)) {
    const written = m[0]
    const key = written.replace(/\s+/g, ' ')
    const entry = entries.get(key) ?? entries.get(key.toLowerCase())
    if (!entry) continue
    if (entry.exactCase && key !== key.toUpperCase()) continue
    // A name is written with a capital ('jordan' is no country), Arabic aside.
    if (!ARABIC.test(written) && !/\p{Lu}/u.test(written)) continue
    const at = start + m.index
    out.push({
      start: at,
      end: at + written.length,
      text: written,
      class: entry.class,
      id: entry.id,
      name: entry.name,
      country: entry.country,
      demonym: entry.demonym,
    })
  }
  return out
}
