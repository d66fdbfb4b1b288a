/**
 * Places named in news text, found by the words around them rather than by a gazetteer, so that
 * an agreement in a town no list has heard of is still placed: 'the northern Homs countryside',
 * 'Homs Governorate', 'the city of al-Rahiba', 'in Eastern Qalamoun', 'the Rastan Operations Room'
 * (armed groups' rooms and councils are named after their town), 'the cities and towns of Jeroud,
 * Rahiba and al-Dumayr'.
 */
import { MONTHS, WEEKDAYS } from '../text/lexicon.ts'
import { foldPhrase, foldWord } from '../text/normalize.ts'
import { DEAL_KIND } from './deal-words.ts'
import { WORDS } from './faction-rules.ts'

/** A place as written, with its offsets in the text searched. */
export interface PlaceMention {
  /** As written, without 'the' and without a generic word after it ('northern Homs countryside'). */
  name: string
  /** Comparable form of the place itself: generic words ('countryside', 'governorate') left out. */
  key: string
  start: number
  end: number
  /** The place it lies in, when the text says so ('Al-Waer district of Homs' → 'homs'). */
  within?: string
  /** Said as a destination ('to northern Syria'): not where an agreement holds. */
  destination?: boolean
  /** A district or neighbourhood: more specific than the city around it. */
  district?: boolean
}

/** The Arabic article joined by a hyphen, in its common transliterations. */
const ARTICLE = '(?:[Aa][lnrstdz]|[Aa]sh|[Ee][lz]|[Aa]th|[Aa]dh)-'
const CAP_WORD = "\\p{Lu}[\\p{L}'’]*(?:-\\p{Lu}[\\p{L}'’]*)?"
/** A proper name: capitalised words, each possibly after 'al-': 'Ras al-Safuf', 'Deir ez-Zor'. */
const NAME = `(?:${ARTICLE})?${CAP_WORD}(?:[ ](?:${ARTICLE})?${CAP_WORD}|-(?:${ARTICLE})${CAP_WORD}){0,3}`
const DIRECTION =
  '(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|rural|central|greater|upper|lower)'
const GENERIC =
  'countryside|governorates?|provinces?|districts?|regions?|areas?|city|cities|towns?|villages?|suburbs?|neighbou?rhoods?|quarters?|camps?|valley|plains?|mountains?|desert|outskirts|enclaves?|pockets?|belt'
/** The generic words as they follow a name, in lower case or title case ('Homs Governorate'). */
const GENERIC_AFTER_NAME = GENERIC.split('|')
  .map((w) => `[${w.charAt(0).toUpperCase()}${w.charAt(0)}]${w.slice(1)}`)
  .join('|')
const SUB_AREA = /^(?:districts?|neighbou?rhoods?|quarters?|suburbs?|camps?)$/i

/** 'northern Homs countryside', 'Homs Governorate', 'the Eastern Qalamoun region'. */
const NAME_THEN_GENERIC = new RegExp(
  `(?:\\b(${DIRECTION})\\s+)?(${NAME})\\s+(${GENERIC_AFTER_NAME})\\b(?:\\s+of\\s+(${NAME}))?`,
  'gu',
)
/** 'the city of al-Rahiba', 'the province of Idlib', 'the eastern region of Qalamoun'. */
const GENERIC_OF_NAME = new RegExp(
  `\\b(?:(${DIRECTION})\\s+)?(?:countryside|governorate|province|district|region|city|town|village|suburbs?|outskirts|neighbou?rhood|mountains|valley)\\s+of\\s+(?:the\\s+)?(?:(${DIRECTION})\\s+)?(${NAME})`,
  'gu',
)
/** 'the cities and towns of Jeroud, Rahiba, Nasiriyah, al-Atna and al-Dumayr'. */
const ENUMERATION = new RegExp(
  `\\b(?:cities|towns|villages|areas|districts|neighbou?rhoods)(?:\\s+and\\s+(?:cities|towns|villages))?\\s+of\\s+((?:${NAME})(?:\\s*,\\s*(?:${NAME}))*(?:,?\\s+and\\s+(?:${NAME})))`,
  'gu',
)
/** 'in northern Homs', 'from Homs', 'to northern Syria': a name after a preposition of place. */
const PREPOSITION_NAME = new RegExp(
  `\\b(in|near|around|outside|from|out of|to|into|towards?|left|leave|leaving|enter|entered)\\s+(?:the\\s+)?(?:(${DIRECTION})\\s+)?(${NAME})(?=\\s*$|\\s*[,.;:!?)"”’]|\\s+(?:and|on|in|at|to|for|with|after|since|during|under|over|which|where|who|that|was|were|is|are|has|have|had|as|by|until|before|will|would|could|can|may|must|said|says|of|near)\\b)`,
  'gu',
)
/**
 * 'a settlement agreement for Ghabagheb', 'the truce covering Eastern Qalamoun': the place a deal
 * is for. A faction's or a state's name after 'for' ('a deal for Jaysh al-Islam', 'for Russia') is no place.
 */
const DEAL_FOR = new RegExp(
  `\\b${DEAL_KIND}s?\\s+(?:for|covering)\\s+(?:the\\s+)?(?:(${DIRECTION})\\s+)?(${NAME})(?=\\s*$|\\s*[,.;:!?)"”’]|\\s+\\p{Ll})`,
  'gu',
)
const MAY_DEAL_FOR = /\b(?:for|covering)\s/
/** A name that starts with a faction's type word or a state's word: who a deal is for, not where. */
function isPartyName(name: string): boolean {
  const first = name.replace(/^(?:[Aa][lnrstdz]|[Ee]l)-/, '').split(/[\s-]/)[0] ?? ''
  return WORDS.heads.has(foldWord(first)) || WORDS.stateWords.has(first.toLowerCase())
}

/** 'the Rastan Operations Room', 'the Daraa Military Council': a body named after its town. */
const NAMED_BODY = new RegExp(
  `(?:(${DIRECTION})\\s+)?(${NAME})\\s+(?=(?:Operations?\\s+Room|Military\\s+Council|Local\\s+Council|Revolutionary\\s+Council|Negotiati(?:ng|ons?)\\s+Committee|Reconciliation\\s+Committee)\\b)`,
  'gu',
)
const DESTINATION = /^(?:to|into|towards?)$/i
/** A name among an enumeration's items. */
const LIST_NAME = new RegExp(NAME, 'gu')

/*
 * Cheap tests a text must pass for a pattern above to match in it (each is a part every match
 * holds): most sentences name no place by a generic word or a body, and skip those patterns.
 */
/** NAME_THEN_GENERIC: a name's last capitalised word, then a generic word. */
const MAY_NAME_THEN_GENERIC = new RegExp(`\\p{Lu}[\\p{L}'’]*\\s+(?:${GENERIC_AFTER_NAME})\\b`, 'u')
/** NAMED_BODY: the body's type. */
const MAY_NAMED_BODY = /Room|Council|Committee/
/** ENUMERATION: its plural generic word and 'of'. */
const MAY_ENUMERATION =
  /(?:cities|towns|villages|areas|districts|neighbou?rhoods)(?:\s+and\s+(?:cities|towns|villages))?\s+of\s/
/**
 * A place said to lie in another comes only from NAME_THEN_GENERIC's 'of' ('Al-Waer district of
 * Homs') or from an enumeration whose region 'consists of' it.
 */
const MAY_BE_WITHIN = new RegExp(
  `(?:${GENERIC_AFTER_NAME})\\s+of\\s|(?:consists|is made up|comprises|includes)\\b`,
  'u',
)

/** Capitalised words that are no place even after 'in': months, days, titles, sentence openers. */
const NOT_PLACES = new Set<string>([
  ...MONTHS,
  ...WEEKDAYS,
  ...(
    'the a an this that these those it its he she they we i our their his her you ' +
    'mr mrs ms dr president minister general colonel major sheikh governor according however meanwhile'
  ).split(' '),
])
/** Leading words that are no part of a name: 'The Eastern Qalamoun region' → 'Eastern Qalamoun'. */
const LEADING = /^(?:The|This|That|These|Those|A|An|In|On|At|Its|Their|His|Her|Our|Both|All)\s+/

/** Names of armed forces, governments and bodies end this way: 'to Russian Forces' is no place. */
const NOT_PLACE_TAIL =
  /\b(?:Forces?|Army|Armies|Government|Regime|Police|Front|Brigades?|Movement|Organi[sz]ation|Committee|Council|Room|Side|Party|State|Group|Association|Agency|Ministry)$/
/** A key made only of direction words ('Eastern Mountain' → 'eastern') names no place. */
const ONLY_DIRECTIONS = new RegExp(`^(?:${DIRECTION}|\\s)+$`)

const GENERIC_WORDS = new RegExp(`\\b(?:${GENERIC}|governorate)\\b`, 'giu')

/** The comparable form of a place: generic words out ('northern Homs countryside' → 'northern hom'). */
export function placeKey(name: string): string {
  // The Arabic feminine ending is written -a, -ah and -eh ('al-Hama', 'al-Hameh', 'Raqqah'): one key.
  return foldPhrase(name.replace(GENERIC_WORDS, ' '))
    .split(' ')
    .map((w) => (w.length >= 4 ? w.replace(/[ae]h$/, 'a') : w))
    .join(' ')
}

function cleanName(raw: string): string | null {
  let name = raw.trim().replace(/['’]s?$/, '')
  while (LEADING.test(name)) name = name.replace(LEADING, '')
  const first = name.split(/[\s-]/)[0]?.toLowerCase() ?? ''
  if (!name || NOT_PLACES.has(first) || NOT_PLACE_TAIL.test(name)) return null
  return name
}

function mention(
  direction: string | undefined,
  rawName: string,
  start: number,
  end: number,
  extra: Partial<PlaceMention> = {},
): PlaceMention | null {
  const name = cleanName(rawName)
  if (!name) return null
  const written = direction ? `${direction.toLowerCase()} ${name}` : name
  const key = placeKey(written)
  return key && !ONLY_DIRECTIONS.test(written.toLowerCase().replace(GENERIC_WORDS, ' ').trim())
    ? { name: written, key, start, end, ...extra }
    : null
}

/**
 * The places named in `text` (a sentence or a title), with offsets relative to `offset`.
 * Names in a title-cased title are only trusted after a preposition ('… Deal in Eastern Qalamoun').
 */
export function findPlaces(text: string, offset = 0, options: { title?: boolean } = {}): PlaceMention[] {
  const out: PlaceMention[] = []
  const push = (m: PlaceMention | null) => {
    if (m && !out.some((o) => o.start === m.start && o.key === m.key)) out.push(m)
  }
  for (const m of text.matchAll(PREPOSITION_NAME)) {
    const name = m[3] ?? ''
    const at = m.index + m[0].length - name.length
    push(
      mention(m[2], name, offset + at, offset + at + name.length, {
        ...(DESTINATION.test(m[1] ?? '') ? { destination: true } : {}),
      }),
    )
  }
  if (options.title) return out
  if (MAY_DEAL_FOR.test(text))
    for (const m of text.matchAll(DEAL_FOR)) {
      const name = m[2] ?? ''
      if (isPartyName(name)) continue
      const at = m.index + m[0].length - name.length
      push(mention(m[1], name, offset + at, offset + at + name.length))
    }
  if (MAY_NAME_THEN_GENERIC.test(text))
    for (const m of text.matchAll(NAME_THEN_GENERIC)) {
      const generic = m[3] ?? ''
      const within = m[4] ? placeKey(m[4]) : undefined
      const written = /countryside/i.test(generic) ? `${m[2]} countryside` : (m[2] ?? '')
      push(
        mention(m[1], written, offset + m.index, offset + m.index + m[0].length, {
          ...(within ? { within } : {}),
          ...(SUB_AREA.test(generic) ? { district: true } : {}),
        }),
      )
      if (m[4]) push(mention(undefined, m[4], offset + m.index, offset + m.index + m[0].length))
    }
  for (const m of text.matchAll(GENERIC_OF_NAME)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index)
    push(
      mention(m[2] ?? m[1], m[3] ?? '', offset + m.index, offset + m.index + m[0].length, {
        ...(/\b(?:to|into|towards?)\s+(?:the\s+)?$/i.test(before) ? { destination: true } : {}),
      }),
    )
  }
  if (MAY_NAMED_BODY.test(text))
    for (const m of text.matchAll(NAMED_BODY))
      push(mention(m[1], m[2] ?? '', offset + m.index, offset + m.index + m[0].length))
  if (MAY_ENUMERATION.test(text))
    for (const m of text.matchAll(ENUMERATION)) {
      const list = m[1] ?? ''
      const listAt = m.index + m[0].length - list.length
      const owner = findOwner(text, m.index)
      for (const part of list.matchAll(LIST_NAME)) {
        const at = listAt + part.index
        push(
          mention(
            undefined,
            part[0],
            offset + at,
            offset + at + part[0].length,
            owner ? { within: owner } : {},
          ),
        )
      }
    }
  return out.sort((a, b) => a.start - b.start)
}

/** The places of `text` said to lie in another (`within` set): `findPlaces`, filtered, fast where none is. */
export function findPlacesWithin(text: string, offset = 0): PlaceMention[] {
  return MAY_BE_WITHIN.test(text) ? findPlaces(text, offset).filter((p) => p.within) : []
}

const OWNER = new RegExp(
  `(${NAME})\\s+(?:${GENERIC})\\s+(?:consists|is made up|comprises|includes)\\b[^.]*$`,
  'u',
)

/** 'The Eastern Qalamoun region consists of the cities of …': the region that holds an enumeration. */
function findOwner(text: string, before: number): string | undefined {
  const head = text.slice(0, before)
  const m = head.match(OWNER)
  const name = m?.[1] ? cleanName(m[1]) : null
  return name ? placeKey(name) : undefined
}

/**
 * The places a named deal is named by: 'the Qudsaya and al-Hama deal', 'Qalamoun exit deal', 'the
 * Four Towns agreement' (a name for several places is a place of its own here). Read in a title or
 * a sentence that the caller knows tells of the article's own deal.
 */
const NAMED_DEAL = new RegExp(
  `(${NAME})(?:,\\s+(${NAME}))?(?:\\s+and\\s+(${NAME}))?(?:\\s+(?:exit|peace|evacuation|reconciliation|surrender|swap|exchange|ceasefire))?\\s+${DEAL_KIND}s?\\b`,
  'gu',
)

export function findNamedDealPlaces(text: string, offset = 0): PlaceMention[] {
  const out: PlaceMention[] = []
  for (const m of text.matchAll(NAMED_DEAL)) {
    let at = m.index
    for (const name of [m[1], m[2], m[3]]) {
      if (!name) continue
      const start = text.indexOf(name, at)
      at = start + name.length
      if (DEMONYM_OR_TITLE.test(name)) continue
      const p = mention(undefined, name, offset + start, offset + start + name.length)
      if (p) out.push(p)
    }
  }
  return out
}

/** Names before a deal noun that are no places: who made it ('the Russian deal'), or what it is ('Peace Agreement'). */
const DEMONYM_OR_TITLE =
  /^(?:\p{Lu}\p{Ll}+(?:ian|ish|ese)|American|Saudi|Qatari|Iraqi|Emirati|Israeli|Kurdish|UN|US|The|A|An|This|That|New|Final|Peace|Local|Reconciliation|Ceasefire|Truce)$/u
