/**
 * The type of entity a question asks for (data/answer-types.json): 'Which countries negotiated…'
 * wants countries, 'In which city…' a city, 'How many…' a number with what it counts. The answer
 * is then a span of that class in the best sentences: 'negotiated by Turkish intelligence and the
 * Russian military' answers 'Turkey and Russia', never a person's name the sentence also holds.
 */
import { z } from 'zod'
import table from '../../../data/answer-types.json' with { type: 'json' }
import { baseForm } from '../../text/lemma.ts'
import { STOP_WORDS, searchTerm } from '../../text/normalize.ts'
import { HOME, type Mention, mentionsIn } from './entities.ts'

export const ENTITY_CLASSES = ['country', 'city', 'place', 'number', 'person'] as const
export type AnswerClass = (typeof ENTITY_CLASSES)[number]

const Type = z
  .object({
    id: z.string().regex(/^[a-z-]+$/),
    class: z.enum(ENTITY_CLASSES),
    nounIsType: z.boolean(),
    cues: z.array(z.string().regex(/^\^?[a-z|*]+(?: [a-z|*]+)*$/, "words, 'a|b', '*' or '^'")).min(1),
    examples: z.array(z.string()).min(1),
    counterExamples: z.array(z.string()).min(1),
  })
  .strict()
export const AnswerTypeTable = z
  .object({ about: z.string(), compoundHeads: z.array(z.string()), types: z.array(Type).min(1) })
  .strict()
export type AnswerType = z.infer<typeof Type>

const TABLE = AnswerTypeTable.parse(table)
export const ANSWER_TYPES: readonly AnswerType[] = TABLE.types
const COMPOUND_HEADS = new Set(TABLE.compoundHeads)

/** What a question asks for, as read from its cue. */
export interface AskedType {
  id: string
  class: AnswerClass
  /** The cue's noun is plural ('which countries'): every one the text gives is the answer. */
  plural: boolean
  /**
   * The question asks where ('Through which countries…', 'Where were the talks…'): the answer is
   * a place the text puts something in, through or at, not an adjective ('Turkish mediators').
   */
  located: boolean
  /** The preposition before the cue ('through'), if any. */
  preposition: string | null
  /** Search terms of the cue's noun when it names the class ('country'): not to be searched for. */
  typeTerms: string[]
  /** Ids of the entities the question names itself: they are not its answer. */
  given: string[]
  /**
   * Countries the question's places lie in ('Zabadani' → Syria), and the corpus's own: they frame
   * the question, and answer it only when the text names no other.
   */
  context: string[]
}

const NUMBER_WORDS = new Set('two three four five six seven eight nine ten'.split(' '))
/** Prepositions of place before a cue: 'through which countries', 'in which city'. */
const LOCATION = /^(?:in|into|to|through|via|across|from|at|towards?|within|inside|outside)$/

interface Word {
  lower: string
  base: string
  /** Followed by a possessive ('country's', 'officials''). */
  possessive: boolean
}

function questionWords(question: string): Word[] {
  const out: Word[] = []
  for (const m of question.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*(['’]s?)?/gu)) {
    const lower = m[0].replace(/['’]s?$/, '').toLowerCase()
    out.push({ lower, base: baseForm(lower), possessive: m[1] !== undefined })
  }
  return out
}

/** Where a cue stands in the question's words: the index of its first and last word, or null. */
function findCue(cue: string, ws: readonly Word[]): { from: number; to: number } | null {
  const opens = cue.startsWith('^')
  const parts = cue.replace(/^\^/, '').split(' ')
  const match = (at: number, p: number): number | null => {
    if (p === parts.length) return at - 1
    const part = parts[p] ?? ''
    if (part === '*') return match(at, p + 1) ?? (at < ws.length ? match(at + 1, p + 1) : null)
    const w = ws[at]
    if (!w) return null
    const options = part.split('|')
    return options.includes(w.lower) || options.includes(w.base) ? match(at + 1, p + 1) : null
  }
  for (let i = 0; i < (opens ? 1 : ws.length); i++) {
    const to = match(i, 0)
    if (to !== null) return { from: i, to }
  }
  return null
}

/** The type a question asks for, or null when it asks for none of the table's. */
export function detectAnswerType(question: string): AskedType | null {
  const ws = questionWords(question)
  for (const type of ANSWER_TYPES) {
    for (const cue of type.cues) {
      const at = findCue(cue, ws)
      if (!at) continue
      const noun = ws[at.to]
      const next = ws[at.to + 1]
      // 'which city council', 'which country's president': the cue's noun only qualifies another.
      if (!noun || noun.possessive || (next && COMPOUND_HEADS.has(next.lower))) continue
      // ('What did the numbered list say': a verb's form is no noun; a noun is itself or its plural.)
      if (noun.lower !== noun.base && !/s$/.test(noun.lower)) continue
      // 'Through which countries…', or stranded at the end: 'Which countries did they pass through?'
      const before = ws[at.from - 1]?.lower ?? ''
      const last = ws[ws.length - 1]?.lower ?? ''
      const preposition = LOCATION.test(before) ? before : LOCATION.test(last) ? last : null
      const named = mentionsIn(question)
      // ('which two countries': the count is part of the type, not a word the text must hold.)
      const counts = ws.slice(at.from, at.to).filter((w) => NUMBER_WORDS.has(w.lower))
      return {
        id: type.id,
        class: type.class,
        plural: noun.lower !== noun.base && !STOP_WORDS.has(noun.lower),
        located: preposition !== null || ws[0]?.lower === 'where' || type.class === 'place',
        preposition,
        typeTerms: type.nounIsType
          ? [noun.lower, noun.base, ...counts.map((w) => w.lower)].map(searchTerm).filter(isString)
          : [],
        given: named.map((m) => m.id),
        context: [...new Set([HOME, ...named.map((m) => m.country)])],
      }
    }
  }
  return null
}

function isString(x: string | null): x is string {
  return x !== null
}

/** Mentions of the asked class in a sentence, the question's own and unfit ones left out. */
export function mentionsOfType(text: string, start: number, end: number, asked: AskedType): Mention[] {
  if (asked.class === 'number' || asked.class === 'person') return []
  const all = mentionsIn(text, start, end).filter(
    (m) =>
      (m.class === asked.class || asked.class === 'place') &&
      !asked.given.includes(m.id) &&
      // 'Turkish mediators' name a country as an actor, not as a place something goes to.
      !(asked.located && m.demonym),
  )
  // The country the question's places lie in frames the question: it answers only when no other does.
  const other = all.filter((m) => !(asked.class === 'country' && asked.context.includes(m.id)))
  return other.length ? other : all
}

/** A typed answer in a sentence: a span, its answer in words, and whether it is the sentence's only one. */
export interface TypedSpan {
  start: number
  end: number
  text: string
  score: number
  key: string
  /** The sentence gives no other answer of the class: where it stands in it does not matter. */
  sole: boolean
}

/** How sure a mention is of its class: a name, a demonym before a common noun, one inside a name. */
const BY_NAME = 1
const BY_DEMONYM = 0.9
/** 'the Syrian Observatory', 'Turkish Red Crescent': a demonym inside an organisation's name. */
const IN_A_NAME = 0.5
/** A list of answers outranks each of its members ('Jordan or Turkey' over 'Jordan'). */
export const LIST_BOOST = 1.05

/**
 * Two mentions are one answer when coordinated: 'Jordan or Turkey', 'Lebanon, Jordan and Turkey',
 * 'Turkish intelligence and the Russian military' (a head noun may follow each).
 */
const COORDINATED = /^(?:\s+[\p{Ll}-]+){0,2}\s*(?:,|\band\b|\bor\b)\s*(?:(?:and|or)\s+)?(?:the\s+)?$/u
/** A place the text puts something in, through or at: 'crossed into Lebanon', 'Hatay in Turkey'. */
const LOCATED_BEFORE =
  /\b([Ii]n|[Ii]nto|[Tt]o|[Tt]hrough|[Vv]ia|[Aa]cross|[Tt]owards?|[Aa]t|[Ff]rom|[Ii]nside|[Ww]ithin)\s+(?:[\p{Ll}-]+\s+){0,3}$/u

/** A source, not an actor: 'according to Turkish and Russian sources', 'Turkish officials said'. */
const ATTRIBUTED_BEFORE = /\baccording to\s+(?:the\s+)?(?:[\p{L}-]+,?\s+(?:and\s+|or\s+)?){0,3}$/iu
const SPEAKER_AFTER =
  /^(?:\s+(?:and|or|[\p{L}-]+,?)){0,3}?\s+(?:sources?|officials?|media|reports?|press|television|state media)\b/iu
const ATTRIBUTED = 0.5
/** A place a where-question asks for without a preposition of place before it ('the people of Fuaa'). */
const UNPLACED = 0.6

/** How sure a mention is an answer; `lead` opens its list ('towards Jordan or Turkey': 'Jordan'). */
function certainty(text: string, m: Mention, asked: AskedType, start: number, lead: Mention = m): number {
  const before = text.slice(Math.max(start, lead.start - 60), lead.start)
  if (ATTRIBUTED_BEFORE.test(before)) return ATTRIBUTED
  if (asked.located && !LOCATED_BEFORE.test(before.slice(-40))) return UNPLACED
  if (!m.demonym) return BY_NAME
  if (SPEAKER_AFTER.test(text.slice(m.end, m.end + 60))) return ATTRIBUTED
  return /^\s+\p{Lu}/u.test(text.slice(m.end, m.end + 3)) ? IN_A_NAME : BY_DEMONYM
}

/** 'Lebanon', 'Lebanon and Turkey', 'Lebanon, Jordan or Turkey'. */
function joinNames(names: readonly string[], or: boolean): string {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} ${or ? 'or' : 'and'} ${names[names.length - 1]}`
}

function spanOf(ms: readonly Mention[], score: number, or: boolean, sole: boolean): TypedSpan {
  const ids: string[] = []
  const names: string[] = []
  for (const m of ms)
    if (!ids.includes(m.id)) {
      ids.push(m.id)
      names.push(m.name)
    }
  const start = ms[0]?.start ?? 0
  const end = ms[ms.length - 1]?.end ?? start
  return { start, end, text: joinNames(names, or), score, key: [...ids].sort().join(' '), sole }
}

/**
 * The answers of a country or city question in a sentence: each mention, each coordinated list of
 * them, and for a plural where-question ('Through which countries…') every place the sentence puts
 * the subject in, through or at, together.
 */
export function entitySpans(text: string, start: number, end: number, asked: AskedType): TypedSpan[] {
  const ms = mentionsOfType(text, start, end, asked)
  if (ms.length === 0) return []
  const chains: { ms: Mention[]; or: boolean }[] = []
  for (const m of ms) {
    const last = chains[chains.length - 1]
    const prev = last?.ms[last.ms.length - 1]
    const between = prev ? text.slice(prev.end, m.start) : ''
    if (last && prev && COORDINATED.test(between)) {
      last.ms.push(m)
      last.or ||= /\bor\b/.test(between)
    } else chains.push({ ms: [m], or: false })
  }
  const distinct = new Set(chains.map((c) => [...new Set(c.ms.map((m) => m.id))].sort().join(' ')))
  const sole = distinct.size === 1
  const out: TypedSpan[] = []
  for (const c of chains) {
    const lead = c.ms[0]
    const sure = (m: Mention) => certainty(text, m, asked, start, lead)
    for (const m of c.ms) out.push(spanOf([m], sure(m), false, sole))
    if (new Set(c.ms.map((m) => m.id)).size > 1) {
      const score = Math.min(...c.ms.map(sure)) * LIST_BOOST
      out.push(spanOf(c.ms, score, c.or, sole))
    }
  }
  if (asked.plural && asked.located) {
    const from = asked.preposition === 'from'
    const placed = ms.filter((m) => {
      const lead = LOCATED_BEFORE.exec(text.slice(Math.max(start, m.start - 40), m.start))
      return lead && (from || lead[1]?.toLowerCase() !== 'from')
    })
    if (new Set(placed.map((m) => m.id)).size > 1) out.push(spanOf(placed, BY_NAME * LIST_BOOST, false, true))
  }
  return out
}

/** Last words of an organisation's name: 'Central Committee', 'Syrian Observatory for Human Rights'. */
const ORGANISATION =
  /\b(?:committee|council|front|army|brigades?|battalions?|movement|forces|party|ministry|observatory|crescent|cross|organi[sz]ation|group|agency|nations|union|office|government|authority|division|corps|channel|news|rights|network|coalition|alliance|legion|sham|islam)\b/i

/** Whether a name found for a person question is a person's: no place, country, acronym or body. */
export function isPersonName(name: string): boolean {
  if (mentionsIn(name).some((m) => m.end - m.start >= name.trim().length - 1)) return false
  if (/^\p{Lu}[\p{Lu}.]+$/u.test(name.trim())) return false
  return !ORGANISATION.test(name)
}

/** A count and the word after it (or after one more): '35,000 people', 'some 600 armed fighters'. */
const COUNT =
  /(?:\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\b)\s+(?:[\p{L}-]+\s+)?\p{L}+/gu

/**
 * Whether a sentence holds an answer of the asked type: a country, city or place of the class, or
 * a count of the unit asked (`unit`: its search term). It then covers the part of the question
 * that asks for the type ('which countries', 'how many people').
 */
export function holdsType(
  text: string,
  start: number,
  end: number,
  asked: AskedType,
  unit: string | null,
): boolean {
  if (asked.class === 'person') return false
  if (asked.class !== 'number') return mentionsOfType(text, start, end, asked).length > 0
  for (const m of text.slice(start, end).matchAll(COUNT)) {
    if (!unit) return true
    const ws = m[0].split(/\s+/).slice(1)
    if (ws.some((w) => searchTerm(w) === unit || searchTerm(baseForm(w.toLowerCase())) === unit)) return true
  }
  return false
}
