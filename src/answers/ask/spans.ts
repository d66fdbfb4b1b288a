/**
 * The answer inside a sentence: the span of the kind the question wants (a name, a place, a date
 * or duration, a number with its unit, a reason), scored by how close it stands to the question's
 * focus words. 'the Russian representative, Alexander Zoriev' → 'Alexander Zoriev'.
 */
import type { Span } from '../../corpus/types.ts'
import { MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS } from '../../text/lexicon.ts'
import { foldPhrase, STOP_WORDS, searchTerm } from '../../text/normalize.ts'
import { entitySpans, isPersonName, LIST_BOOST } from './answer-types.ts'
import { descriptionsOf } from './apposition.ts'
import { ANSWER_KINDS } from './kinds.ts'
import { PLACE_NOUNS, type Question, sameRole, termMatch } from './question.ts'
import { isTitleWord, modifierAgreement, NATIONALITY, NATIONALITY_OR_NAME, NUMBER_WORDS } from './roles.ts'

export interface AnswerSpan extends Span {
  /** Verbatim text of the span. */
  text: string
  /** 0..1: how surely this span answers the question, given where it stands. */
  score: number
  /** Comparable form: spans with the same key say the same thing. */
  key: string
  /** The only answer of the asked type in its sentence: where it stands does not matter. */
  sole?: boolean
}

export interface Token extends Span {
  text: string
  term: string | null
  /** One of the question's words (as written, or by stem). */
  inQuestion: boolean
}

/** Capitalised sentence openers that are not names. */
const OPENERS = new Set(
  'according meanwhile however regarding relating since after before during although while despite moreover furthermore additionally also yet still earlier later today yesterday speaking following amid under last next both some many several other another all most such each every these those local'.split(
    ' ',
  ),
)
const MONTH_NAMES = [...MONTHS, ...Object.keys(MONTH_ABBREVIATIONS)].join(' ')
const WEEKDAY_NAMES = WEEKDAYS.join(' ')
const CALENDAR_WORDS = new Set(`${MONTH_NAMES} ${WEEKDAY_NAMES}`.split(' '))
/** Small words that may stand inside a name: 'Ahl al-Sunna wal Jamaa', 'Observatory for Human Rights'. */
const NAME_CONNECTORS = new Set('al el bin ibn bint abu wal de du of for'.split(' '))
const ARABIC_ARTICLE = /^(?:al|el|ad|ash|as|at|ar|an|az|ul)-\p{Lu}/u

const MONTH = `(?:${MONTH_NAMES.split(' ')
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`
const WEEKDAY = `(?:${WEEKDAY_NAMES.replace(/ /g, '|')})`
const NUMBER_WORD =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a few|several|a couple of|an?)'
const CLOCK = '\\d{1,2}[:.]\\d{2}(?:\\s?[ap]\\.?m\\.?)?(?:\\s+\\p{Lu}\\p{L}+\\s+time)?'
const DAY_MONTH = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{4})?)`

/** Points in time, longest forms first. */
const DATE_RE = new RegExp(
  [
    `(?:(?:on|by|until|before|after|since|as of)\\s+)?(?:(?:next|last|this)\\s+)?${WEEKDAY}(?:,?\\s+${DAY_MONTH})?(?:\\s+at\\s+${CLOCK})?`,
    `(?:(?:on|by|until|before|after|since|as of)\\s+)?${DAY_MONTH}`,
    `(?:(?:by|until|before|at)\\s+)?${CLOCK}(?:\\s+on\\s+${WEEKDAY})?`,
    `(?:(?:in|since|until|by)\\s+)?(?:(?:mid|early|late)-?\\s?)?${MONTH}(?:\\s+\\d{4})?`,
    '\\d{4}-\\d{2}-\\d{2}',
    '(?:in|since|until|by)\\s+(?:19|20)\\d{2}',
  ].join('|'),
  'giu',
)
/** Lengths of time: 'within three days', 'for an initial period of six months'. */
const AMOUNT = `(?:\\d+(?:\\.\\d+)?|${NUMBER_WORD})(?:\\s*(?:-|–|to|or)\\s*(?:\\d+(?:\\.\\d+)?|${NUMBER_WORD}))?`
const DURATION_RE = new RegExp(
  `(?:(?:within|for|in|after|over|during|of)\\s+)?(?:(?:an?|the)\\s+)?(?:(?:initial|further|period|of)\\s+)*${AMOUNT}\\s+(?:hours?|days?|weeks?|months?|years?)`,
  'giu',
)
/** Lengths in space, which 'how long' asks too: 'stretched for six to seven kilometres'. */
const LENGTH_RE = new RegExp(
  `(?:(?:for|of|about|some|nearly|almost|around)\\s+)?${AMOUNT}[\\s-]?(?:kilomet(?:re|er)s?|km|miles?|met(?:re|er)s?|m)\\b`,
  'giu',
)
const QUANTIFIER =
  '(?:(?:about|around|some|nearly|almost|approximately|roughly|more than|over|at least|up to|fewer than|less than|as many as)\\s+)?'
const DIGITS = '(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)'
/** Counts and amounts: '10,000', '4,500-5,000', '$3 million', 'three', 'dozens'. */
const NUMBER_RE = new RegExp(
  `${QUANTIFIER}(?:[$€£]\\s?)?(?:${DIGITS}(?:\\s*(?:-|–|to)\\s*${DIGITS})?(?:\\s*(?:million|billion|thousand|hundred|%|percent|per cent))?|\\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds|thousands|dozens)\\b(?:\\s+(?:hundred|thousand|million))?)`,
  'giu',
)
/** Words that open a reason: the reason is the clause from here ('because of its lack of guarantees'). */
const REASON_CUE =
  /\b(?:because(?: of)?|due to|owing to|thanks to|in order (?:to|that)|so as to|so that|for fear (?:of|that)|in protest (?:at|against|of|over)|in response to|in retaliation for|as a result of|in exchange for|on the grounds that|with the aim of|aimed at)\b/iu
/** 'the main reason [the factions agreed…] is to preserve…': the reason is what follows the verb. */
const REASON_IS =
  /\b(?:reason|motive|aim|goal|purpose|objective)s?\b(?: (?:why|that|for))?[^.;:!?]{0,120}?\b(?:is|was|were|are)\s+(?=(?:to|that|because|for)\b)/iu
/** Ages and ranges of age: 'between the ages of 18 and 42', 'aged 18 to 42', 'under 18', '16-year-old'. */
const AGE_RE = new RegExp(
  [
    'between the ages of \\d{1,3} and \\d{1,3}(?:\\s+years)?',
    `(?:aged|ages?(?: of)?)\\s+\\d{1,3}(?:\\s*(?:-|–|to|and)\\s*\\d{1,3})?(?:\\s+(?:and (?:over|above|older|under))|\\s+years(?: old| of age)?)?`,
    `(?:under|over|above|below|older than|younger than)(?: the age of)?\\s+\\d{1,3}(?:\\s+years(?: old| of age)?)?`,
    `(?:between\\s+)?\\d{1,3}(?:\\s*(?:-|–|to|and)\\s*\\d{1,3})?[ -]years?(?:[ -]old|\\s+of age)`,
  ].join('|'),
  'giu',
)
/**
 * Where the question's verb is one of brokering ('Who brokered the deal?'), the names these cues
 * mark are its agent wherever the verb stands: 'under the auspices of Russia', 'mediated by Qatar',
 * 'Russia to broker…', 'the Russian-backed deal'.
 */
const MEDIATION_VERB = /^(?:brok|mediat|sponsor|facilitat|guarant|back)/
const AGENT_BEFORE =
  /\b(?:under the (?:auspices|sponsorship|mediation|patronage|aegis|supervision) of|(?:brokered|mediated|sponsored|facilitated|guaranteed|backed) by|with the mediation of)\s+(?:the\s+)?$/i
const AGENT_AFTER =
  /^(?:\s+(?:to\s+|has\s+|had\s+)?(?:brokers?|brokered|mediates?|mediated|sponsors?|sponsored|facilitated)\b|-(?:backed|brokered|sponsored|mediated)\b)/i
/**
 * What a sentence that demands or plans something looks like, against one that reports it: a
 * modal ('must hand over', 'is to leave'), a deadline or a demand.
 */
const DEMAND_RE =
  /\b(?:must|shall|should|will|(?:is|are|has|have) to|deadline|demands?|ultimatum|calls? (?:on|for))\b/i
/** A numbered item of a list (of terms, of demands): '1 – Hand over heavy weapons…'. */
const LIST_ITEM = /^\s*\d{1,2}\s*[–—.)-]\s*\p{Lu}/u
/** A past question's answer should be when it happened, not a deadline. */
const DEADLINE_LEAD = /^(?:by|until|before|no later than)\s/i
/** How much a span counts in a sentence that demands or plans what a past question asks about. */
const DEMAND_SHARE = 0.75
const LOCATION_PREPOSITIONS = new Set(
  'in to from at near into towards toward across outside inside around'.split(' '),
)

/** The best span of the kind the question wants in `text[sentence]`, or null when there is none. */
export function answerSpan(text: string, sentence: Span, q: Question): AnswerSpan | null {
  const tokens = tokenize(text, sentence, q)
  const anchors = anchorsOf(text, tokens, q)
  const kind = ANSWER_KINDS[q.kind]
  const spans = typedSpans({ text, sentence, tokens, anchors, q }, kind.extract)
  const mediation = q.verbFocus && q.focus.some((f) => MEDIATION_VERB.test(f))
  // A question about what happened: a sentence that demands or plans it answers it less.
  const mood = q.past && q.kind !== 'why' && demands(text, sentence) ? DEMAND_SHARE : 1
  let best: AnswerSpan | null = null
  for (const s of spans) {
    // A reason or a whole sentence is the answer wherever the question's words stand.
    const near =
      kind.anywhere || !s.key || (mediation && isAgent(text, s))
        ? 1
        : Math.max(s.sole ? soleNear(q) : 0, proximity(text, tokens, anchors, s, q))
    // A sentence seldom holds more than one date or count: where it stands matters less than for a name.
    const weight = kind.nearness
    const deadline = q.past && q.kind === 'when' && DEADLINE_LEAD.test(s.text) ? DEMAND_SHARE : 1
    const scored = { ...s, score: s.score * (1 - weight + weight * near) * mood * deadline }
    if (!best || scored.score > best.score) best = scored
  }
  return best
}

/**
 * How near the only answer of its type in a sentence counts at least: a count of the unit asked
 * is the answer wherever it stands; a name may be an aside, so where it stands still matters some.
 */
function soleNear(q: Question): number {
  return q.answerType?.class === 'number' ? 1 : SOLE_NAME_NEAR
}
const SOLE_NAME_NEAR = 0.6

/** How much an answer of another type than the one asked counts ('Mehmet Simsek' for 'which countries'). */
const UNTYPED_SHARE = 0.5

/**
 * The candidates of a question that asks for a type of entity (answer-types.ts): the mentions of
 * that class first, the kind's other spans far behind; a count whose unit is the one asked, alone
 * in its sentence, is its answer wherever it stands.
 */
function typedSpans(ctx: SpanContext, extract: (c: SpanContext) => AnswerSpan[]): AnswerSpan[] {
  const asked = ctx.q.answerType
  const generic = extract(ctx)
  if (!asked) return generic
  if (asked.class === 'number') {
    const unit = ctx.q.unit
    const counted = (s: AnswerSpan) => !!unit && termMatch(unit, s.key.split(' ')[1] ?? '') > 0
    const sole = generic.filter(counted).length === 1
    // (A part is no answer to a total, alone in its sentence or not.)
    const whole = (s: AnswerSpan) => !ctx.q.total || !givenAsPart(ctx.text, ctx.sentence, s)
    return generic.map((s) => (sole && counted(s) && whole(s) ? { ...s, sole } : s))
  }
  if (asked.class === 'person')
    return generic.map((s) => (isPersonName(s.text) ? s : { ...s, score: s.score * UNTYPED_SHARE }))
  const found = entitySpans(ctx.text, ctx.sentence.start, ctx.sentence.end, asked)
  const overlaps = (s: AnswerSpan) => found.some((t) => t.start < s.end && s.start < t.end)
  if (asked.class !== 'place')
    return [
      ...found,
      ...generic.filter((s) => !overlaps(s)).map((s) => ({ ...s, score: s.score * UNTYPED_SHARE })),
    ]
  // Any name the text puts something at may be a place: a known one scores as the kind scores it
  // (a destination over the place left), and lists of known places join ('Jordan or Turkey').
  const typed = found.map((t) => {
    const g = generic.find((s) => s.start === t.start)
    return g ? { ...t, score: g.score * (t.key.includes(' ') ? LIST_BOOST : 1) } : t
  })
  return [...typed, ...generic.filter((s) => !overlaps(s))]
}

function demands(text: string, sentence: Span): boolean {
  const slice = text.slice(sentence.start, sentence.end)
  return LIST_ITEM.test(slice) || DEMAND_RE.test(slice)
}

/** A name marked as the agent of brokering: 'under the auspices of Russia', 'Russia to broker'. */
function isAgent(text: string, span: Span): boolean {
  return (
    AGENT_BEFORE.test(text.slice(Math.max(0, span.start - 60), span.start)) ||
    AGENT_AFTER.test(text.slice(span.end, span.end + 30))
  )
}

/** What an extractor reads: the sentence, its words and where the question's focus stands in it. */
export interface SpanContext {
  text: string
  sentence: Span
  tokens: Token[]
  anchors: Anchor[]
  q: Question
}

/** Names of actors: 'Who signed…', 'Which faction…'. */
export function actorSpans({ text, tokens, q }: SpanContext): AnswerSpan[] {
  return nameSpans(text, tokens, q, 'actor')
}

/** Names of places: 'Where…', 'In which town…'. */
export function placeSpans({ text, tokens, q }: SpanContext): AnswerSpan[] {
  return nameSpans(text, tokens, q, 'place')
}

/** Points in time, and failing them lengths of time ('within three days'). */
export function dateSpans({ text, sentence, q }: SpanContext): AnswerSpan[] {
  return [...matches(text, sentence, DATE_RE, 1, q), ...matches(text, sentence, DURATION_RE, 0.7, q)]
}

/** Lengths of time or of space ('six to seven kilometres'), and failing them a date. */
export function lengthSpans({ text, sentence, q }: SpanContext): AnswerSpan[] {
  return [
    ...matches(text, sentence, DURATION_RE, 1, q),
    ...matches(text, sentence, LENGTH_RE, 1, q),
    ...matches(text, sentence, DATE_RE, 0.4, q),
  ]
}

/** Ages: they say the same when their numbers and bounds do ('aged 18 to 42' = 'between the ages of 18 and 42'). */
export function ageSpans({ text, sentence, q }: SpanContext): AnswerSpan[] {
  return matches(text, sentence, AGE_RE, 1, q).map((s) => ({
    ...s,
    key: [
      /\b(?:under|below|younger)\b/i.test(s.text) ? '<' : '',
      /\b(?:over|above|older)\b/i.test(s.text) ? '>' : '',
      ...(s.text.match(/\d+/g) ?? []),
    ]
      .join(' ')
      .trim(),
  }))
}

/** Counts and amounts with their unit. */
export function countSpans({ text, sentence, tokens, q }: SpanContext): AnswerSpan[] {
  return numberSpans(text, sentence, tokens, q)
}

/** The clause that gives a reason. */
export function reasonSpans({ text, sentence }: SpanContext): AnswerSpan[] {
  return reasonSpan(text, sentence)
}

/** What a name is: the description in apposition to it. */
export function identitySpans({ text, sentence, tokens, q }: SpanContext): AnswerSpan[] {
  return descriptionsOf(text, sentence, tokens, q.names)
}

/**
 * The whole sentence (what, yes-no). 'What is the capital of France?': a sentence answers only if it
 * holds the capital of France, not 'France' here and 'the Syrian capital' there.
 */
export function sentenceSpans({ text, sentence, anchors, q }: SpanContext): AnswerSpan[] {
  if (q.nounFocus && !anchors.some((a) => a.focus && a.agrees)) return []
  return [{ ...sentence, text: text.slice(sentence.start, sentence.end), score: 0.75, key: '' }]
}

/** The sentence's words, each with its term and whether it is one of the question's (read once). */
function tokenize(text: string, sentence: Span, q: Question): Token[] {
  const out: Token[] = []
  const re = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu
  re.lastIndex = sentence.start
  for (let m = re.exec(text); m && m.index < sentence.end; m = re.exec(text)) {
    const word = m[0]
    const term = searchTerm(word.replace(/^\p{L}{1,3}-/u, ''))
    out.push({
      text: word,
      start: m.index,
      end: m.index + word.length,
      term,
      inQuestion: term !== null && q.terms.some((qt) => termMatch(qt, term, q, word) > 0),
    })
  }
  return out
}

export interface Anchor {
  index: number
  weight: number
  /** One of the focus words (not another question word). */
  focus: boolean
  /** The question's modifiers of the focus stand with it here, and no other specifier does. */
  agrees: boolean
}

/** Possessives that stand for a name before them: 'Its leader', 'their spokesman'. */
const POSSESSIVE = /^(?:its|their|his|her)$/i
/** A focus word whose role is another ('Turkish President' for 'the Syrian president') weighs this much. */
const OTHER_ROLE = 0.2
/** A focus word with none of the question's modifiers weighs this much, with all of them 1. */
const UNQUALIFIED_ROLE = 0.6

/** Where the focus words stand in the sentence; failing them, any question word, weighing less. */
function anchorsOf(text: string, tokens: Token[], q: Question): Anchor[] {
  const focus: Anchor[] = []
  const other: Anchor[] = []
  // 'Which town…' meets 'the city of al-Rahiba': any word for a place stands next to a place's name.
  const placeFocus = q.kind === 'where' && q.focus.some((f) => PLACE_NOUNS.test(f))
  const qualified = q.nounFocus && q.modifiers.length > 0 && /^(?:who|which|what)$/.test(q.kind)
  const same = (m: string, term: string) => termMatch(m, term, q) > 0
  const role = (index: number, weight: number, verb = false): Anchor => {
    // 'Its leader, Jamil al-Saleh': the possessive stands for the name the question qualifies with.
    const possessed = POSSESSIVE.test(tokens[index - 1]?.text ?? '')
    if (!qualified || verb || possessed) return { index, weight, focus: true, agrees: true }
    const { conflict, matched } = modifierAgreement(text, tokens, index, q.modifiers, same)
    if (conflict) return { index, weight: weight * OTHER_ROLE, focus: true, agrees: false }
    const share = matched / q.modifiers.length
    const factor = UNQUALIFIED_ROLE + (1 - UNQUALIFIED_ROLE) * share
    return { index, weight: weight * factor, focus: true, agrees: matched > 0 }
  }
  tokens.forEach((t, index) => {
    if (!t.term) return
    const matched = q.focus.filter((ft) => termMatch(ft, t.term ?? '', q, t.text) > 0)
    const f = Math.max(0, ...matched.map((ft) => termMatch(ft, t.term ?? '', q, t.text)))
    const verb = matched.length > 0 && matched.every((ft) => q.predicate.includes(ft))
    if (f > 0) focus.push(role(index, f === 1 ? 1 : 0.8, verb))
    else if (q.focus.some((ft) => sameRole(ft, t.text))) focus.push(role(index, 0.8))
    else if (placeFocus && PLACE_NOUNS.test(t.text.toLowerCase())) focus.push(role(index, 0.8))
    else if (t.inQuestion) other.push({ index, weight: 0.4, focus: false, agrees: false })
  })
  return focus.length ? focus : other
}

/**
 * How close a span stands to the nearest anchor, counting only the words in between that are
 * neither small words, question words nor a title's words ('governor of Homs Talal Barazi': no
 * gap). A name before the anchor counts only in apposition ('Dmitry Peskov, the Kremlin spokesman').
 */
function proximity(text: string, tokens: Token[], anchors: Anchor[], span: Span, q: Question): number {
  if (anchors.length === 0) return 0.3
  const lastIdx = tokens.findLastIndex((t) => t.start < span.end)
  const first = introducedFrom(
    text,
    tokens,
    anchors,
    tokens.findIndex((t) => t.end > span.start),
  )
  const inClause = relativeClauses(text, tokens)
  const destination = q.movement && DESTINATION.has(locationPreposition(tokens, first, true) ?? '')
  let best = 0
  for (const a of anchors) {
    if (a.index >= first && a.index <= lastIdx) continue
    const after = a.index < first
    const [from, to] = after ? [a.index + 1, first] : [lastIdx + 1, a.index]
    let gap = 0
    for (let i = from; i < to; i++) {
      const t = tokens[i]
      if (t?.term && !inClause[i] && !STOP_WORDS.has(t.text.toLowerCase()) && !t.inQuestion && !inTitle(t))
        gap++
    }
    let score = a.weight / (1 + gap / 3)
    // 'withdraw its troops to the province of Idlib': the destination belongs to the verb of going.
    if (q.movement && after && gap <= MAX_OBJECT_GAP && destination) score = a.weight
    // 'Who leads Hizbullah?': 'Hizbullah leader Hassan Nasrallah' names the one who does it, as a title would.
    const agentNoun = /(?:er|or)s?$/i.test(tokens[a.index]?.text ?? '')
    if (q.verbFocus && !agentNoun) {
      // 'X signed…' or '…was signed by X'.
      if (after && tokens[first - 1]?.text.toLowerCase() !== 'by') score *= 0.5
    } else if (!after && !(q.kind === 'which' && gap === 0) && !COUNTED.has(q.kind)) {
      // (A count stands before what it counts: '95.1 percent of the vote', '10,000 people will leave'.)
      // ('the Liwa al-Omari brigade' names the brigade a which-question asks for.)
      const between = text.slice(span.end, tokens[a.index]?.start ?? span.end)
      // ('Turkey, Russia and Iran are the guarantor countries': a list named by what follows it.)
      score *= /,|\b(?:is|are|was|were|as)\b/.test(between) ? 0.9 : 0.3
    }
    best = Math.max(best, score)
  }
  // A name inside a relative clause ('…, who were controlling Al-Waer district of Homs, signed') is an aside.
  if (inClause[first]) best *= 0.5
  return Math.max(best, 0.15)
}

/** Kinds whose answer is a number: the words it is about may follow it. */
const COUNTED: ReadonlySet<Question['kind']> = new Set(['how-many', 'how-much'])

/** A capitalised word of a title: 'Envoy for the Syria Crisis Staffan de Mistura', 'Major-General'. */
function inTitle(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) && isTitleWord(t.text)
}

/**
 * Words that introduce names as examples of the noun phrase before them: '…controlled by various
 * resistance factions, the most prominent being Jaish al-Islam and…', '…groups such as X'.
 */
const INTRODUCER =
  /(?:^|[\s,])(?:(?:the )?most (?:prominent|notable|important|notably)(?: of (?:which|whom|them|these))?(?: (?:being|are|is|were|was))?|including|such as|among (?:them|which|whom)|notably|namely|in particular|especially|mainly|chiefly)\s+(?:the\s+)?$/i
/** How many words the noun phrase before an introducer may have. */
const MAX_INTRODUCED_PHRASE = 6

/**
 * Where a span stands for proximity: names after an introducer stand where the noun phrase they
 * exemplify starts ('by [various resistance factions], the most prominent being X' → after 'by'),
 * unless an anchor stands inside that phrase. Otherwise the span's own first word.
 */
function introducedFrom(text: string, tokens: Token[], anchors: Anchor[], first: number): number {
  const start = tokens[first]?.start
  if (start === undefined || first === 0) return first
  const windowStart = Math.max(0, start - 60)
  const cue = INTRODUCER.exec(text.slice(windowStart, start))
  if (!cue) return first
  let k = tokens.findLastIndex((t) => t.end <= windowStart + cue.index)
  const stop = Math.max(0, k - MAX_INTRODUCED_PHRASE)
  const anchored = new Set(anchors.map((a) => a.index))
  while (k >= stop && !anchored.has(k)) {
    const lower = tokens[k]?.text.toLowerCase() ?? ''
    if (STOP_WORDS.has(lower) && !/^(?:the|an?)$/.test(lower)) break
    k--
  }
  return Math.min(k + 1, first)
}

/** Which tokens stand inside a relative clause set off by commas: ', who were…,' ', which…,'. */
function relativeClauses(text: string, tokens: Token[]): boolean[] {
  const mask = tokens.map(() => false)
  const first = tokens[0]
  const last = tokens[tokens.length - 1]
  if (!first || !last) return mask
  const slice = text.slice(first.start, last.end)
  // (A parenthesis is an aside too: 'the M4 (Aleppo–Latakia) and M5 (Aleppo–Hama) highways'.)
  for (const m of slice.matchAll(/,\s*(?:who|which|whose|whom)\b[^,;]*,|\([^()]*\)/giu)) {
    const start = first.start + m.index
    const end = start + m[0].length
    tokens.forEach((t, i) => {
      if (t.start >= start && t.end <= end) mask[i] = true
    })
  }
  return mask
}

/** 'Britain-based', 'US-backed', 'Russian-led': an adjective made of a name, never a name. */
const NAME_ADJECTIVE =
  /-(?:based|backed|led|born|held|run|controlled|allied|linked|affiliated|funded|sponsored|supported|dominated|aligned|brokered|made|owned|trained|armed)$/i

/**
 * Runs of capitalised words, trimmed of question words, openers, calendar and number words, and cut
 * after a title: 'UN Special Envoy for the Syria Crisis Staffan de Mistura' → 'Staffan de Mistura'.
 */
function nameRuns(text: string, tokens: Token[], want: 'actor' | 'place'): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = []
  const isName = (t: Token) =>
    (/^\p{Lu}/u.test(t.text) || ARABIC_ARTICLE.test(t.text)) && !NAME_ADJECTIVE.test(t.text)
  let i = 0
  while (i < tokens.length) {
    const t = tokens[i]
    if (!t || !isName(t)) {
      i++
      continue
    }
    let j = i
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1]
      const cur = tokens[j]
      if (!next || !cur || !/^\s+$/.test(text.slice(cur.end, next.start))) break
      if (isName(next)) j++
      else if (
        NAME_CONNECTORS.has(next.text.toLowerCase()) &&
        tokens[j + 2] &&
        isName(tokens[j + 2] as Token)
      )
        j += 2
      else break
    }
    let from = i
    let to = j
    const droppable = (k: number) => {
      const w = tokens[k]
      if (!w) return true
      const lower = w.text.toLowerCase()
      return (
        STOP_WORDS.has(lower) ||
        NAME_CONNECTORS.has(lower) ||
        CALENDAR_WORDS.has(lower.replace(/\.$/, '')) ||
        NUMBER_WORDS.has(lower) ||
        w.inQuestion ||
        (k === 0 && OPENERS.has(lower))
      )
    }
    while (from <= to && droppable(from)) from++
    while (to >= from && droppable(to)) to--
    // ('Sheikh Saad' is a town: a place keeps its title words.)
    if (want === 'actor') from = afterTitle(tokens, from, to, droppable)
    if (from <= to) runs.push({ from, to })
    i = j + 1
  }
  return runs
}

/**
 * Where a person's name starts in a run that opens with a title: after its last title word, past
 * the question's words and small words ('Secretary of State [Rex Tillerson]', 'Syria Crisis [Staffan
 * de Mistura]', 'Turkish President [Recep Tayyip Erdogan]'). A run that is all title stays whole.
 */
function afterTitle(tokens: Token[], from: number, to: number, droppable: (k: number) => boolean): number {
  let title = -1
  for (let k = from; k <= to; k++) if (isTitleWord(tokens[k]?.text ?? '')) title = k
  let start = title + 1
  while (title >= 0 && start <= to && droppable(start)) start++
  return title >= 0 && start <= to ? start : from
}

/**
 * Names of actors or places. For lists ('rejected by Tahrir al-Sham, Faylaq al-Sham and …') the
 * whole list is one span when the question wants several (a plural noun, or a verb: 'Who rejected…').
 */
function nameSpans(text: string, tokens: Token[], q: Question, want: 'actor' | 'place'): AnswerSpan[] {
  // A name in parentheses glosses the one before it ('M4 (Aleppo–Latakia)'): it is no answer.
  const runs = nameRuns(text, tokens, want).filter((r) => !parenthesised(text, tokens, r.from))
  const spans: AnswerSpan[] = []
  const span = (from: number, to: number, score: number): AnswerSpan => {
    const start = tokens[from]?.start ?? 0
    const end = tokens[to]?.end ?? start
    const value = text.slice(start, end).replace(/\s+/g, ' ')
    return { start, end, text: value, score, key: foldPhrase(value) }
  }
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]
    if (!run) continue
    let score = 1
    // 'Governorate', or 'Hama' in 'Hama governorates': a place, never the one who did something.
    if (want === 'actor' && (allPlaceWords(tokens, run) || PLACE_AFTER.test(tokens[run.to + 1]?.text ?? '')))
      continue
    // 'the Syrian resistance': a word of nationality names neither an actor nor a place.
    if (nationalityAdjective(text, tokens, run)) continue
    if (want === 'place') {
      const preposition = locationPreposition(tokens, run.from, q.movement)
      // 'Where will the fighters go?': the place they go to, not the one they leave.
      score = !preposition ? 0.4 : q.movement && !DESTINATION.has(preposition) ? 0.5 : 1
      // 'the 81st Armored Brigade': an ordinal belongs to the name.
      if (/^\d+(?:st|nd|rd|th)$/.test(tokens[run.from - 1]?.text ?? '')) run.from--
    }
    spans.push(span(run.from, run.to, score))
    if (q.list) {
      let last = r
      for (let n = r + 1; n < runs.length; n++) {
        const prev = runs[n - 1]
        const next = runs[n]
        if (!prev || !next) break
        const between = text
          .slice(tokens[prev.to]?.end ?? 0, tokens[next.from]?.start ?? 0)
          .replace(/\([^()]*\)/g, ' ')
        if (!/^\s*(?:\p{Ll}+\s*)?(?:,|\band\b)\s*(?:and\s+)?(?:the\s+)?$/u.test(between)) break
        last = n
      }
      const end = runs[last]
      if (last > r && end) spans.push(span(run.from, end.to, score * 1.05))
    }
  }
  return spans
}

/** Whether a token stands inside parentheses in its sentence. */
function parenthesised(text: string, tokens: Token[], i: number): boolean {
  const at = tokens[i]?.start ?? 0
  const before = text.slice(tokens[0]?.start ?? 0, at)
  return before.lastIndexOf('(') > before.lastIndexOf(')')
}

/** Words after a name that make it a subject rather than an adjective ('Barazi said'). */
const VERB_AFTER_NAME =
  /^(?:\p{Ll}+ed|said|says|told|tells|adds|stressed|warns|wants|insists|claims|denies|confirms|announces|accepts|rejects)$/u

/** A lone capitalised word of nationality before a lower-case noun: 'Syrian resistance factions'. */
function nationalityAdjective(text: string, tokens: Token[], run: { from: number; to: number }): boolean {
  const word = tokens[run.from]
  const next = tokens[run.to + 1]
  if (run.from !== run.to || !word || !next || !/^\s+$/.test(text.slice(word.end, next.start))) return false
  if (!/^\p{Ll}/u.test(next.text) || STOP_WORDS.has(next.text)) return false
  return (
    NATIONALITY.test(word.text) || (NATIONALITY_OR_NAME.test(word.text) && !VERB_AFTER_NAME.test(next.text))
  )
}

/** Words after a name that make it a place's: 'Homs Governorate', 'the northern Homs countryside'. */
const PLACE_AFTER =
  /^(?:governorates?|provinces?|countryside|districts?|cit(?:y|ies)|towns?|villages?|regions?|areas?)$/i

function allPlaceWords(tokens: Token[], run: { from: number; to: number }): boolean {
  for (let k = run.from; k <= run.to; k++) if (!PLACE_AFTER.test(tokens[k]?.text ?? '')) return false
  return true
}

/** Words that may stand between a preposition and a place: 'to the province of Idlib', 'in northern Homs'. */
const PLACE_LEAD =
  /^(?:the|of|located|situated|northern|southern|eastern|western|central|north|south|east|west|(?:north|south)-?(?:east|west)(?:ern)?|cit(?:y|ies)|towns?|villages?|areas?|regions?|provinces?|governorates?|districts?|countryside|outskirts|\d+(?:st|nd|rd|th)?)$/

/** Words that may stand between a verb of going and its destination: 'withdraw [its troops] to'. */
const MAX_OBJECT_GAP = 3
/** Prepositions of a destination ('withdraw to', 'leave for'). */
const DESTINATION = new Set(['to', 'towards', 'toward', 'into', 'for'])

/** Words that open a list of the places a place is made of: 'the region consists of the towns of…'. */
const MADE_OF = /^(?:comprises?|comprising|includes?|including|encompass(?:es)?|encompassing)$/
const MADE_OF_BEFORE_OF = /^(?:consists?|consisting|made|composed)$/

/**
 * The preposition a name follows within a few words ('to the province of Idlib' → 'to'), or null.
 * 'the towns of Jeroud, Rahiba…' and 'consists of Jeroud…' mark places too ('of').
 */
function locationPreposition(tokens: Token[], from: number, moving: boolean): string | null {
  // ('to the province of Idlib': 'to', before the 'of' of 'province of'.)
  let of: string | null = null
  for (let k = from - 1; k >= Math.max(0, from - 7); k--) {
    const w = tokens[k]?.text.toLowerCase() ?? ''
    if (LOCATION_PREPOSITIONS.has(w) || MADE_OF.test(w) || (moving && w === 'for')) return w
    if (w === 'of') {
      const before = tokens[k - 1]?.text.toLowerCase() ?? ''
      if (MADE_OF_BEFORE_OF.test(before)) return w
      if (PLACE_NOUNS.test(before)) of = w
    }
    if (!PLACE_LEAD.test(w)) return of
  }
  return of
}

/** Every match of a pattern in the sentence, with the key its words make. */
function matches(text: string, sentence: Span, re: RegExp, score: number, q: Question): AnswerSpan[] {
  const out: AnswerSpan[] = []
  const slice = text.slice(sentence.start, sentence.end)
  for (const m of slice.matchAll(re)) {
    const value = m[0].trim()
    if (!value || !/\d|\p{Lu}|day|week|month|year|hour/iu.test(value)) continue
    const start = sentence.start + m.index
    const key = foldPhrase(
      value.replace(/^(?:on|by|until|before|after|since|as of|in|within|for|at)\s+/i, ''),
    )
    if (q.terms.length && key.split(' ').every((k) => q.terms.includes(k))) continue
    out.push({ start, end: start + m[0].length, text: value, score, key })
  }
  return out
}

const PERCENT = /%|\bper ?cent\b/i
const PERCENT_TERM = searchTerm('percent') ?? 'percent'
/**
 * Words that give a number as a total: a sentence that opens with them ('In all, the Front is to
 * release about 70 people'), 'a total of 35,000', or after the number ('1,800 people in all').
 */
const TOTAL_OPENS = /^\s*(?:in all|in total|altogether|overall|all told|in sum)\b,?[^,;:]*$/i
const TOTAL_OF = /\b(?:a|the) total of\s+$/i
const TOTAL_AFTER = /^\s*(?:in all|in total|altogether|overall|all told)\b/i
const TOTAL_BOOST = 1.2
/** Where a total is asked, a number not given as one may be a part of it. */
const PART_SHARE = 0.8
/** …and one the sentence gives as a part ('In a first phase, about 40', '30 more captives') is one. */
const PHASE_SHARE = 0.6
const PHASE_WORDS =
  /\b(?:first|second|third|fourth|final|last|next|later|earlier|initial) (?:phase|stage|batch|group|round|wave|step)\b/i
const PART_IN_SPAN = /\b(?:more|other|additional|further|extra|remaining)\b/i
const PART_BEFORE = /\b(?:another|a further|the remaining|the other|the last|the first)\s+$/i

/** Whether a count is given as a part of a whole: a phase's, a further batch's. */
export function givenAsPart(text: string, sentence: Span, span: Span): boolean {
  return (
    PHASE_WORDS.test(text.slice(sentence.start, sentence.end)) ||
    PART_IN_SPAN.test(text.slice(span.start, span.end)) ||
    PART_BEFORE.test(text.slice(Math.max(sentence.start, span.start - 20), span.start))
  )
}

/**
 * Numbers with what they count: '10,000 people'. A number whose unit is the thing the question
 * counts ('How many people…') scores highest; years, clock times, days of months and list numbers
 * are left out.
 */
function numberSpans(text: string, sentence: Span, tokens: Token[], q: Question): AnswerSpan[] {
  const out: AnswerSpan[] = []
  const slice = text.slice(sentence.start, sentence.end)
  for (const m of slice.matchAll(NUMBER_RE)) {
    const start = sentence.start + m.index
    let end = start + m[0].length
    const before = text.slice(Math.max(sentence.start, start - 12), start)
    const after = text.slice(end, end + 3)
    if (/^[:.]\d/.test(after) || /[:.\d]$/.test(before)) continue
    if (
      new RegExp(`${MONTH}\\s*$`, 'iu').test(before) ||
      /^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?\p{Lu}/u.test(after)
    ) {
      if (
        new RegExp(`^\\s*(?:of\\s+)?${MONTH}`, 'iu').test(text.slice(end, end + 14)) ||
        /\p{L}\s*$/u.test(before)
      )
        continue
    }
    if (start === sentence.start && /^\s*[–—).-]/.test(after)) continue
    // The unit: the next one or two words, unless a small word comes first ('4,500 of them').
    const unitTokens = tokens.filter((t) => t.start >= end).slice(0, 2)
    let unit = ''
    let unitTerm: string | null = null
    for (const t of unitTokens) {
      if (
        !/^\s*$/.test(text.slice(end, t.start)) ||
        STOP_WORDS.has(t.text.toLowerCase()) ||
        /^\d/.test(t.text)
      )
        break
      unitTerm ??= t.term
      if (q.unit && t.term && termMatch(q.unit, t.term) > 0) unitTerm = t.term
      end = t.end
      unit = t.text
      if (unitTerm && q.unit && termMatch(q.unit, unitTerm) > 0) break
    }
    const value = text.slice(start, end).replace(/\s+/g, ' ')
    if (/^(?:19|20)\d{2}$/.test(m[0].trim()) && !unit) continue
    // ('95.1 percent', '40%': the unit is in the number's own match.)
    if (PERCENT.test(m[0])) unitTerm = PERCENT_TERM
    const unitScore = !q.unit ? (unit ? 0.9 : 0.6) : unitTerm && termMatch(q.unit, unitTerm) > 0 ? 1 : 0.45
    // 'How many … altogether?': the number a sentence gives as the total ('In all, 70 people') answers it.
    const total =
      q.total &&
      (TOTAL_OPENS.test(text.slice(sentence.start, start)) ||
        TOTAL_OF.test(text.slice(Math.max(sentence.start, start - 14), start)) ||
        TOTAL_AFTER.test(text.slice(end, end + 20)))
    const digits = m[0].replace(/[^\d.–-]/g, '')
    out.push({
      start,
      end,
      text: value,
      score: total
        ? Math.min(1, Math.max(unitScore, 0.9) * TOTAL_BOOST)
        : q.total
          ? unitScore * (givenAsPart(text, sentence, { start, end }) ? PHASE_SHARE : PART_SHARE)
          : unitScore,
      key: `${digits || foldPhrase(m[0])} ${unitTerm ?? ''}`.trim(),
    })
  }
  return out
}

/**
 * The clause that gives a reason: from 'because', 'in order to'… to the end of the clause, or what
 * a 'the reason … is' sentence says the reason is.
 */
function reasonSpan(text: string, sentence: Span): AnswerSpan[] {
  const slice = text.slice(sentence.start, sentence.end)
  const named = REASON_IS.exec(slice)
  const cue = named ? null : REASON_CUE.exec(slice)
  const purpose = named || cue ? null : PURPOSE.exec(slice)
  const at = named ? named.index + named[0].length : (cue?.index ?? purpose?.index)
  if (at === undefined) return [{ ...sentence, text: slice, score: 0.5, key: '' }]
  const start = sentence.start + at
  // The clause ends at a full stop, a dash or an attribution (', according to the source').
  const stop = slice
    .slice(at)
    .search(/[;.!?](?:\s|$)|\s[–—]\s|,\s+(?:according to|(?:he|she|they|it) said)\b/)
  const end = stop < 0 ? sentence.end : start + stop
  const value = text.slice(start, end).replace(/\s+/g, ' ')
  return [{ start, end, text: value, score: purpose ? PURPOSE_SCORE : 1, key: foldPhrase(value) }]
}

/**
 * An infinitive of purpose without 'in order': '…cratered the road … to stop the convoy'. Its
 * verbs are those that say what an act is for; less sure than a cue word.
 */
const PURPOSE =
  /\bto (?:stop|prevent|block|halt|allow|let|ensure|protect|force|avoid|keep|punish|pressure|secure|end|save|help|deter|cut|push|limit)\b/i
const PURPOSE_SCORE = 0.8
