import { loadPlaces, type PlaceTable } from '../../search/places.ts'
import { normalizeArabic } from '../../text/arabic.ts'
import { placeKey } from '../places.ts'
import { B0, B1, type NormalSpan, toArticle } from './match.ts'

/**
 * Places named in Arabic text: the Arabic names of the places table (with the clitics that attach
 * to them: 'والهامة', 'بإدلب'), and any name after a word that says it is a place ('مدينة طفس',
 * 'بلدتي الفوعة وكفريا', 'حي الوعر'), so that a town no table lists is still placed. A place
 * after 'إلى', 'نحو' or 'باتجاه' is where people go, not where a deal holds.
 */
export interface ArabicPlace {
  /** As written, without a clitic. */
  name: string
  key: string
  /** The table's Latin name, when the table lists it. */
  latin: string | null
  start: number
  end: number
  destination: boolean
}

interface Compiled {
  re: RegExp
  latin: Map<string, string>
}
const compiledFor = new WeakMap<PlaceTable, Compiled>()

function compile(table: PlaceTable): Compiled {
  let c = compiledFor.get(table)
  if (c) return c
  const latin = new Map<string, string>()
  for (const p of table.places)
    for (const a of p.aliases)
      if (/[\u0600-\u06ff]/.test(a)) latin.set(normalizeArabic(a).replace(/^ال/, ''), p.name)
  const forms = [...latin.keys()].sort((a, b) => b.length - a.length).map((f) => f.replace(/ /g, '\\s+'))
  const re = new RegExp(`${B0}(?:[وفبل])?(?:ال|ل)?(${forms.join('|')})${B1}`, 'gu')
  c = { re, latin }
  compiledFor.set(table, c)
  return c
}

/** Words that say a place follows (normalised): city, town, village, neighbourhood, area. */
const PLACE_WORDS = '(?:مدينه|بلده|قريه|حي|احياء|منطقه|مخيم|مدينتي|بلدتي|قريتي)'
const NAME_WORD = '(?:ال)?[\\u0620-\\u064a]{2,}'
const AFTER_PLACE_WORD = new RegExp(
  `${B0}(?:[وفبل])?(?:ال)?${PLACE_WORDS}\\s+(${NAME_WORD}(?:\\s+${NAME_WORD})?)${B1}`,
  'gu',
)
/** Words after a place word that are no names (normalised). */
const NOT_NAMES = new Set(
  'في من الي علي عن مع التي الذي منزوعه خفض المحاصره المحرره الشماليه الجنوبيه الشرقيه الغربيه اخري'.split(
    ' ',
  ),
)
const DESTINATION = new RegExp(`${B0}(?:الي|نحو|باتجاه|صوب)\\s+(?:\\S+\\s+)?$`, 'u')

/** The places a normalised sentence names, each span once, in order. */
export function findArabicPlaces(original: string, span: NormalSpan, table = loadPlaces()): ArabicPlace[] {
  const { re, latin } = compile(table)
  const found: ArabicPlace[] = []
  const add = (form: string, at: number, known: string | null) => {
    const { start, end } = toArticle(span, at, at + form.length)
    if (found.some((f) => f.start < end && start < f.end)) return
    const name = original.slice(start, end)
    const key = placeKey(name)
    if (!key) return
    const destination = DESTINATION.test(span.text.slice(Math.max(0, at - 30), at).replace(/^\S*\s/, ' '))
    found.push({ name, key, latin: known, start, end, destination })
  }
  re.lastIndex = 0
  for (const m of span.text.matchAll(re)) {
    const form = m[1] ?? ''
    // The article belongs to the name as written ('الهامة'); a clitic before it does not.
    const whole = m[0].replace(/^[وفبل](?=ال)/, '')
    const at = m.index + m[0].length - whole.length
    add(whole, at, latin.get(form) ?? null)
  }
  for (const m of span.text.matchAll(AFTER_PLACE_WORD)) {
    const words = (m[1] ?? '').split(/\s+/)
    // 'مدينتي قدسيا والهامة': a second name after 'و' is a second place.
    const first = words[0] ?? ''
    if (NOT_NAMES.has(first)) continue
    const at = m.index + m[0].length - (m[1] ?? '').length
    const second = words[1]
    if (second?.startsWith('ال') && !NOT_NAMES.has(second)) add(`${first} ${second}`, at, null)
    else add(first, at, null)
  }
  return found.sort((a, b) => a.start - b.start)
}
