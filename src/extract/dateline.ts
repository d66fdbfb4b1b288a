/**
 * A wire story's dateline ('TAFAS, Syria -', 'BEIRUT (Reuters) -', 'AMMAN, Jan 5 (Reuters) -')
 * names the city the story was filed from. That is where a deal is only when the city is in
 * Syria: a wire service files from Beirut or Amman about deals elsewhere. So a dateline gives a
 * place only when data/places.json knows it, and is read only when the deal's own sentences
 * name no place.
 */
import { loadPlaces } from '../search/places.ts'
import { type PlaceMention, placeKey } from './places.ts'

/** The city in capitals at the start of a text, then an optional country or date, agency, and a dash. */
const DATELINE =
  /^\s*([A-Z][A-Z'’]+(?:[ -][A-Z][A-Z'’]+){0,3})(?:,\s*[A-Z][\p{L}]+)?(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)\n]{1,40}\))?\s*[-–—]\s/u

let known: Map<string, string> | undefined
/** Latin names of Syria's places by their key, to the place's own name. */
function syrianPlaces(): Map<string, string> {
  if (known) return known
  const map = new Map<string, string>()
  const latin = (n: string) => /^[\p{Script=Latin}\s'’-]+$/u.test(n)
  // Names before aliases, and the first place listed first: 'DAMASCUS' is Damascus, not the
  // 'Damascus countryside' an alias of Rif Dimashq folds to.
  const places = loadPlaces().places
  for (const p of places) if (!map.has(placeKey(p.name))) map.set(placeKey(p.name), p.name)
  for (const p of places)
    for (const n of p.aliases) if (latin(n) && !map.has(placeKey(n))) map.set(placeKey(n), p.name)
  known = map
  return map
}

/** The Syrian place a text's dateline names, or null (no dateline, or one filed from abroad). */
export function datelinePlace(text: string, offset = 0): PlaceMention | null {
  const m = text.match(DATELINE)
  const city = m?.[1]
  if (!city) return null
  const name = syrianPlaces().get(placeKey(city))
  if (!name) return null
  const start = offset + (m.index ?? 0) + (m[0].indexOf(city) ?? 0)
  return { name, key: placeKey(name), start, end: start + city.length }
}

/** A clause without the dateline it opens with: a term's text starts after 'BEIRUT (Reuters) -'. */
export function withoutDateline<T extends { start: number; end: number }>(text: string, span: T): T {
  const m = text.slice(span.start, span.end).match(DATELINE)
  return m ? { ...span, start: span.start + m[0].length } : span
}
