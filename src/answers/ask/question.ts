/**
 * What a question asks for: the kind of answer (a person, a date, a number with its unit…), the
 * words that point at the answer in a sentence (the focus: 'governor' in 'Who is the governor of
 * Homs?'), the names that must be found near it, and the words to search for.
 */
import lemmatizer from 'wink-lemmatizer'
import { searchTerm, searchTerms, words } from '../../text/normalize.ts'
import { type AskedType, detectAnswerType } from './answer-types.ts'
import { openingsOf } from './kinds.ts'
import { TITLES } from './roles.ts'
import { stem } from './stem.ts'
import { groupsOf, synonymKeys, wordKeys } from './synonyms.ts'

export type QuestionKind =
  | 'who'
  | 'which'
  | 'when'
  | 'where'
  | 'how-many'
  | 'how-much'
  | 'how-long'
  | 'how-old'
  | 'why'
  | 'what'
  | 'yes-no'
  /** 'Who is Mohamed al-Ahmed?': what a name is, the description in apposition to it. */
  | 'identity'

export interface Question {
  kind: QuestionKind
  /** Search terms of the question's content words (question words and frames left out). */
  terms: string[]
  /** Terms of the words that stand next to the answer: the head noun ('governor'), else the verb. */
  focus: string[]
  /** Terms of the capitalised names in the question: each must be found near an answer. */
  names: string[]
  /**
   * Terms of the words that qualify the focus noun: before it ('Syrian' president, 'Russian foreign'
   * minister) and in its 'of'/'for' phrase ('capital of France', 'envoy for Syria'). They must stand
   * with the focus in the text: 'Turkish President' is another role.
   */
  modifiers: string[]
  /** The focus is the head noun of 'Who/What is the <noun>…' (not a verb, not a fallback word). */
  nounFocus: boolean
  /** How many / how much: the term of the thing counted ('people'), if the question names one. */
  unit: string | null
  /** The focus is a verb ('Who signed…'): the answer is its subject, before it, or its agent after 'by'. */
  verbFocus: boolean
  /** The answer may be a list: a plural head noun ('Which factions…') or a verb ('Who rejected…'). */
  list: boolean
  /**
   * The question asks about something that happened ('When were … handed over?', 'Who brokered…'):
   * a sentence that reports it outranks one that demands or plans it.
   */
  past: boolean
  /**
   * Where-questions about going somewhere ('Where will the fighters go?'): the answer is the
   * destination, after 'to' or 'for', not the place left.
   */
  movement: boolean
  /** Each question term → other words that stand for it here ('go' → withdraw, leave…). */
  related: ReadonlyMap<string, Related>
  /** A how-many question asks for a total ('altogether', 'in all', 'in total'). */
  total: boolean
  /** The focus terms that are the verb after a which-noun ('objected' in 'Which leader objected…'): no modifier qualifies them. */
  predicate: string[]
  /** Each question term → the keys it is matched by: the stems of its term and of its lemma ('took' → take). */
  keys: ReadonlyMap<string, readonly string[]>
  /** The type of entity asked for ('Which countries…': countries), when the question names one. */
  answerType: AskedType | null
}

/** Nouns that make 'which/what X' a question about a named actor or place. */
const ACTOR_NOUNS =
  /^(?:factions?|groups?|armed groups?|organi[sz]ations?|part(?:y|ies)|countr(?:y|ies)|sides?|movements?|brigades?|militias?|rebels?|states?|governments?|officials?|leaders?|commanders?|people|persons?|man|woman|negotiators?|representatives?|spokes(?:man|woman|person)|ministers?)\b/
export const PLACE_NOUNS =
  /^(?:cit(?:y|ies)|towns?|villages?|areas?|regions?|provinces?|places?|governorates?|districts?|neighbou?rhoods?|locations?)\b/
/** Words for one role: 'the Russian negotiator' is asked of 'the Russian representative, Alexander Zoriev'. */
const ROLE_GROUPS: readonly RegExp[] = [
  /^(?:negotiators?|representatives?|envoys?|delegates?|emissar(?:y|ies)|mediators?)$/,
  /^spokes(?:man|men|woman|women|person|people)$/,
  /^(?:leaders?|heads?|chiefs?|commanders?)$/,
]

/** Whether two words name the same role (and are not the same word). */
export function sameRole(a: string, b: string): boolean {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  return x !== y && ROLE_GROUPS.some((g) => g.test(x) && g.test(y))
}

/** The 'going' group of the synonym table: its words in a where-question ask for a destination. */
const MOVEMENT_GROUP = 'going'

/** Words that stand for a question term: their keys, to match, and their terms, to search. */
export interface Related {
  stems: ReadonlySet<string>
  terms: readonly string[]
}

/** The words that stand for a question word in a question of this kind (data/synonyms.json). */
export function relatedTo(word: string, kind: QuestionKind): Related | null {
  const own = new Set(synonymKeys(word))
  const stems = new Set<string>()
  const terms = new Set<string>()
  for (const g of groupsOf(word, kind)) {
    for (const k of g.keys) if (!own.has(k)) stems.add(k)
    for (const t of g.terms) if (!own.has(t)) terms.add(t)
  }
  return stems.size ? { stems, terms: [...terms] } : null
}

/** Whether a question word is one of going somewhere (in a where-question). */
function isMovement(word: string): boolean {
  return groupsOf(word, 'where').some((g) => g.id === MOVEMENT_GROUP)
}
const TIME_NOUNS = /^(?:time|date|day|year|month|deadline|hour|week)\b/

/**
 * Openings of each kind of question, tried in the registry's order (kinds.ts). Read on first use:
 * the registry and this module import each other.
 */
let openings: readonly (readonly [RegExp, QuestionKind])[] | undefined
function OPENINGS(): readonly (readonly [RegExp, QuestionKind])[] {
  openings ??= openingsOf()
  return openings
}

/** Words of a question frame that say nothing about the topic. */
const FRAME_WORDS = new Set(
  'many much long last name named called happen happened happens kind type exactly currently tell say know mean held located situated based according'
    .split(' ')
    .map((w) => searchTerm(w) ?? w),
)

/** The prepositions that end a question's noun phrase ('the governor | of Homs'). */
const PREPOSITION =
  /^(?:of|in|on|for|at|from|to|with|during|under|between|by|about|over|into|against|after|before|that|who|which)$/

/** 'Who is <a name>', 'What was the <Name>': the question asks what the name is. */
const IDENTITY = /^(?:who|what) (?:is|was|are|were) (?:the )?(.+)$/i
/** Small words inside a name ('Ahl al-Sunna wal Jamaa'), and the Arabic article as a prefix. */
const NAME_CONNECTOR = /^(?:al|el|bin|ibn|bint|abu|wal|de|du|of|for)$/
const PREFIXED_NAME = /^(?:al|el|ad|ash|as|at|ar|an|az|ul)-\p{Lu}/u

/**
 * Whether words are one name: capitalised words, with connectors inside. A title that ends the
 * phrase, or its 'of'/'for' phrase does, makes it a role: 'the US Secretary of State', 'the Kremlin
 * Spokesman' ('President Assad' is a name).
 */
function isNamePhrase(phrase: string): boolean {
  const ws = phrase.split(' ')
  const capital = (w: string) => /^\p{Lu}/u.test(w) || PREFIXED_NAME.test(w)
  const title = ws.findLastIndex((w) => TITLES.test(w))
  const role = title >= 0 && (title === ws.length - 1 || /^(?:of|for)$/.test(ws[title + 1] ?? ''))
  return (
    !role &&
    capital(ws[0] ?? '') &&
    capital(ws[ws.length - 1] ?? '') &&
    ws.every((w) => capital(w) || NAME_CONNECTOR.test(w))
  )
}

/**
 * Polite words and frames around a question, taken out before it is read: 'Could you tell me who…',
 * 'please', 'thanks'. Each row has an id and an example of what it removes (the tests read them).
 */
export const POLITENESS: readonly { id: string; re: RegExp; example: string }[] = [
  {
    id: 'asking-frame',
    re: /^(?:(?:hi|hello|hey)\b[,!]?\s*)?(?:(?:can|could|would|will) (?:you|anyone|somebody) (?:please )?(?:tell|show|let) me|(?:do|does) (?:you|anyone|anybody) know|i(?:'d| would) like to know|i want to know|i(?: am|'m)? wonder(?:ing|ed)?|i was wondering|(?:please )?tell me|let me know)\b[,:]?\s*/i,
    example: 'Could you tell me who the governor of Homs is?',
  },
  {
    id: 'please',
    re: /(?:^|,?\s+)(?:please|kindly|pls|plz)\b,?/gi,
    example: 'Please, who brokered the deal?',
  },
  {
    id: 'thanks',
    re: /[,.!?\s]+(?:thanks?(?: you)?(?: (?:so|very) much)?|thx|cheers|ty)[.!\s]*$/i,
    example: 'Who brokered the deal? Thanks!',
  },
]

/** A reported question's order: 'who the governor of Homs is'. */
const REPORTED_ORDER =
  /^(who|what|where|when|which \S+|how (?:many|much|long|old) \S+)\s+(.+?)\s+(is|are|was|were)$/i
/** A question reported after a frame ('…tell me whether X signed'): asked directly again. */
const REPORTED_YES_NO = /^(?:if|whether)\s+/i
/** Where the question proper opens when a lead clause ('According to UN sources,') comes first. */
const QUESTION_WORD =
  /(?:,\s*|\s)(?=(?:who|whom|whose|when|where|which|what|why|how)\b)|,\s*(?=(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could)\b)/i
/** A lead without a comma must open with one of these to be moved: 'According to the UN how many…'. */
const LEAD_OPENER =
  /^(?:according|in|on|during|after|before|under|since|at|for|as|regarding|concerning|about)\b/i

/**
 * The question without its polite frame, its lead clause moved after it ('According to UN sources,
 * how many fighters left?' → 'how many fighters left According to UN sources'): the lead is a
 * constraint, the opening says what is asked.
 */
export function questionProper(query: string): string {
  let text = query.trim().replace(/\s+/g, ' ')
  // (Twice: 'Please, could you tell me…' has one frame inside another.)
  for (let pass = 0; pass < 2; pass++)
    for (const rule of POLITENESS)
      text = text
        .replace(rule.re, ' ')
        .trim()
        .replace(/^[,;:\s]+/, '')
  text = text.replace(/[?!.\s]+$/, '')
  // '…tell me who the governor of Homs is': the reported question asked again in question order.
  const reported = REPORTED_ORDER.exec(text)
  if (reported) text = `${reported[1]} ${reported[3]} ${reported[2]}`
  if (REPORTED_YES_NO.test(text)) text = `did ${text.replace(REPORTED_YES_NO, '')}`
  const lower = text.toLowerCase()
  if (OPENINGS().some(([re]) => re.test(lower))) return text
  const m = QUESTION_WORD.exec(text)
  if (!m) return text
  const lead = text.slice(0, m.index).replace(/[,;:\s]+$/, '')
  const comma = text[m.index] === ','
  if (!comma && (!LEAD_OPENER.test(lead) || lead.split(' ').length < 2)) return text
  const asked = text.slice(m.index + m[0].length).trim()
  // ('According' is no name once it stands inside the question.)
  const moved = LEAD_OPENER.test(lead) ? lead.charAt(0).toLowerCase() + lead.slice(1) : lead
  return `${asked} ${moved}`.trim()
}

/** Parses a question into what the answer should be and where to look for it. */
export function parseQuestion(query: string): Question {
  const text = questionProper(query)
  const identity = IDENTITY.exec(text)?.[1]
  if (identity && isNamePhrase(identity)) return identityQuestion(text)
  const lower = text.toLowerCase()
  let kind: QuestionKind = 'what'
  let rest = lower
  let opening = ''
  for (const [re, k] of OPENINGS()) {
    const m = re.exec(lower)
    if (m) {
      kind = k
      opening = m[0]
      rest = lower.slice(m[0].length).trim()
      break
    }
  }
  // 'Which Iraqi leader objected…': after 'which/what' a noun phrase, up to its verb.
  const nominal = /\b(?:which|what)\s*$/.test(opening) && !AUXILIARY.test(rest.split(' ')[0] ?? '')
  const phrase = nounPhrase(rest, nominal)
  // 'which faction…', 'what is the deadline…', 'what city…': the head noun names the kind of answer.
  if (kind === 'what') {
    if (PLACE_NOUNS.test(phrase.head)) kind = 'where'
    else if (TIME_NOUNS.test(phrase.head)) kind = 'when'
    else if (ACTOR_NOUNS.test(phrase.head)) kind = 'which'
    else if (SHARE_NOUNS.test(phrase.head) && !phrase.copula) kind = 'how-much'
    // 'Which road did the buses take?': a name that the noun names ('the Ramouseh road').
    else if (nominal && /^which\b/.test(opening.trim().split(' ').slice(-1)[0] ?? '')) kind = 'which'
  }
  const asked = detectAnswerType(text)
  // 'What was the number of fighters who left?': a count, of what follows 'of'.
  const numbered = asked?.class === 'number' && kind === 'what'
  if (numbered) kind = 'how-many'
  const counted = kind === 'how-many' || kind === 'how-much'
  const countedRest = numbered ? (/\bof\s+(.+)$/.exec(rest)?.[1] ?? rest) : rest
  const unitPhrase = counted ? nounPhrase(countedRest, true) : null
  const unitWord = SHARE_NOUNS.test(phrase.head) ? 'percent' : unitPhrase ? countedNoun(unitPhrase) : ''
  const unit = unitWord ? searchTerm(unitWord) : null
  const placed = questionWords(rest)
  // 'Which countries…': a country named in the text answers it; the word 'country' is not searched.
  const typeTerms = new Set(asked?.typeTerms ?? [])
  // ('In total', 'altogether' say what is counted, not what the text must hold.)
  const total = TOTAL_ASKED.test(text)
  const frame = (t: string) => FRAME_WORDS.has(t) || typeTerms.has(t) || (total && TOTAL_WORDS.has(t))
  const terms = placed.map((w) => w.term).filter((t) => !frame(t))
  // 'How many people will be withdrawn…': the unit is part of the answer; the verb stands next to it.
  const names = questionNames(text)
  const headFocus =
    unit && unitPhrase
      ? predicateFocus(unitPhrase.rest, names)
      : searchTerms(phrase.head).filter((t) => !FRAME_WORDS.has(t))
  // 'Which Iraqi leader objected to…': the answer stands next to the noun or its verb.
  const verb = nominal && kind === 'which' ? predicateFocus(phrase.rest, names).slice(0, 1) : []
  // 'Where will the militants of al-Waer go?': the destination stands next to the verb of going.
  const going = kind === 'where' ? placed.find((w) => isMovement(w.word))?.term : undefined
  const focus = (going ? [going] : [...headFocus, ...verb]).filter((t) => !typeTerms.has(t))
  // ('In which city did the round open?': with the type's noun gone, any of its words is a focus.)
  const fallback = typeTerms.size ? terms.filter((t) => !names.includes(t)) : []
  const nounFocus =
    (phrase.be || (nominal && kind === 'which')) && !going && headFocus.some((t) => !typeTerms.has(t))
  const modifiers = nounFocus
    ? searchTerms([...phrase.before, ...phrase.after].join(' ')).filter((t) => !FRAME_WORDS.has(t))
    : []
  const related = new Map<string, Related>()
  const keys = new Map<string, readonly string[]>()
  for (const w of placed) {
    if (!keys.has(w.term)) keys.set(w.term, wordKeys(w.word))
    const r = relatedTo(w.word, kind)
    if (r && !related.has(w.term)) related.set(w.term, r)
  }
  return {
    kind,
    terms: [...new Set(terms)],
    focus: focus.length ? focus : fallback.length ? fallback : terms.slice(0, 1),
    names,
    modifiers: [...new Set(modifiers)],
    nounFocus,
    unit,
    // (A place asked for is where something happened, not who did it.)
    verbFocus: ((kind === 'who' && !phrase.copula) || verb.length > 0) && !asked?.located,
    list: (!phrase.copula && !nominal) || isPlural(phrase.head) || asked?.plural === true,
    past: asksPast(rest, kind === 'who' && !phrase.copula),
    movement: going !== undefined,
    related,
    keys,
    predicate: verb,
    total,
    answerType: asked,
  }
}

/** Words that ask for a total. */
const TOTAL_ASKED = /\b(?:altogether|in total|in all|overall|all told|combined|total)\b/i
const TOTAL_WORDS = new Set(
  ['altogether', 'total', 'overall', 'combined'].map((w) => searchTerm(w)).filter((t) => t !== null),
)

/** Nouns that make 'what share of…' a question of a percentage. */
const SHARE_NOUNS = /^(?:share|percentage|proportion|percent)$/

function isPlural(word: string): boolean {
  return /s$/.test(word) && !/ss$/.test(word)
}

/** The noun a how-many question counts: the plural of its phrase ('government checkpoints'), else its last word. */
function countedNoun(phrase: { head: string; before: string[] }): string {
  const all = [...phrase.before, phrase.head]
  return all.find((w) => isPlural(w) && lemmatizer.noun(w) !== w) ?? phrase.head
}

/** Words before a verb that only frame it: 'supposed to free', 'expected to leave'. */
const MODAL_FRAME =
  /^(?:supposed|expected|due|meant|set|planned|scheduled|going|able|allowed|about|likely|said|reported)$/

/**
 * The words that stand next to a counted answer or a which-noun's answer: the predicate after
 * the noun phrase, past a leading prepositional phrase and modal frames, up to the next preposition
 * ('was the Islamic Front supposed to free under…' → free; 'did the monitoring group count
 * arriving in…' → monitoring, group, count, arriving). Names are constraints, not focus.
 */
function predicateFocus(rest: string, names: readonly string[]): string[] {
  const ws = rest.split(' ').filter(Boolean)
  let i = 0
  // 'from al-Sanamayn reached…': a leading prepositional phrase is passed, up to the verb.
  if (PREPOSITION.test(ws[0] ?? '')) {
    const v = ws.findIndex((w, k) => k > 0 && isInflectedVerb(w))
    if (v > 0) i = v
  }
  const out: string[] = []
  for (; i < ws.length; i++) {
    const w = ws[i] ?? ''
    if (w === 'to' && MODAL_FRAME.test(ws[i - 1] ?? '')) continue
    if (PREPOSITION.test(w)) break
    if (AUXILIARY.test(w) || MODAL_FRAME.test(w) || /^(?:the|a|an|be|been|being)$/.test(w)) continue
    const t = searchTerm(w)
    // ('al-assad': a name however its article is written.)
    const bare = searchTerm(w.replace(/^(?:al|el|ad|ash|as|at|ar|an|az)-/, ''))
    if (t && !names.includes(t) && !(bare && names.includes(bare)) && !FRAME_WORDS.has(t)) out.push(t)
  }
  return out
}

/** The question's words with their search terms, in order (stop words out). */
function questionWords(rest: string): { word: string; term: string }[] {
  const out: { word: string; term: string }[] = []
  const all = words(rest)
  for (const [i, w] of all.entries()) {
    // 'allowed to go', 'supposed to free': the frame says nothing the text must hold; the verb does.
    if (MODAL_FRAME.test(w.word) && all[i + 1]?.word === 'to') continue
    const term = searchTerm(w.word)
    if (term) out.push({ word: w.word, term })
  }
  return out
}
/** 'Who is Mohamed al-Ahmed?': the name is what is searched, found and described. */
function identityQuestion(text: string): Question {
  const names = questionNames(text)
  return {
    kind: 'identity',
    terms: names,
    focus: names,
    names,
    modifiers: [],
    nounFocus: false,
    unit: null,
    verbFocus: false,
    list: false,
    past: false,
    movement: false,
    related: new Map(),
    keys: new Map(),
    predicate: [],
    total: false,
    answerType: null,
  }
}

/** Words that are verbs wherever a question has them. */
const AUXILIARY =
  /^(?:is|are|was|were|will|would|has|have|had|did|does|do|must|can|could|should|may|might|shall)$/

/** An inflected verb ('objected', 'took', 'negotiated'): its verb lemma differs, its noun lemma does not. */
function isInflectedVerb(word: string, previous?: string): boolean {
  if (AUXILIARY.test(word)) return true
  if (!/^[a-z]+$/.test(word) || word.length < 3) return false
  if (lemmatizer.verb(word) === word || /ing$/.test(word)) return false
  // 'controls' is a verb after 'group', 'fighters' a noun: a plural form counts after a singular noun only.
  return lemmatizer.noun(word) === word || (/s$/.test(word) && !!previous && !isPlural(previous))
}

/** Most words a question's noun phrase has before its verb ('the late-August round'). */
const MAX_PHRASE_WORDS = 4

interface NounPhrase {
  head: string
  before: string[]
  after: string[]
  copula: boolean
  /** The auxiliary is a form of 'be': 'Who is the governor', not 'What did the crowds chant'. */
  be: boolean
  /** The words after the phrase. */
  rest: string
}

/**
 * The head of the question's first noun phrase: 'is the Russian representative in the northern
 * Homs negotiations' → 'representative', with the words before it ('russian') and those of an
 * 'of'/'for' phrase after it ('envoy for syria' → 'syria'). With no copula the first word is taken
 * (a verb: 'rejected the agreement' → 'rejected'), unless the phrase is `nominal` (after 'which'):
 * then it runs to its verb ('iraqi leader | objected').
 */
function nounPhrase(rest: string, nominal = false): NounPhrase {
  const words = rest.split(' ').filter(Boolean)
  let i = 0
  if (!nominal && AUXILIARY.test(words[0] ?? '')) i++
  while (/^(?:the|a|an|be|been)$/.test(words[i] ?? '')) i++
  const copula = i > 0 && !nominal
  const phrase: string[] = []
  for (; i < words.length; i++) {
    const w = words[i] ?? ''
    if (PREPOSITION.test(w)) break
    const full = nominal
      ? phrase.length >= MAX_PHRASE_WORDS ||
        (phrase.length > 0 && isInflectedVerb(w, phrase[phrase.length - 1]))
      : !copula && phrase.length === 1
    if (full) break
    phrase.push(w)
  }
  const after: string[] = []
  if (copula && /^(?:of|for)$/.test(words[i] ?? ''))
    for (i++; i < words.length && !PREPOSITION.test(words[i] ?? ''); i++) after.push(words[i] ?? '')
  return {
    head: phrase[phrase.length - 1] ?? '',
    before: phrase.slice(0, -1),
    after,
    copula,
    be: copula && /^(?:is|are|was|were)$/.test(words[0] ?? ''),
    rest: words.slice(i).join(' '),
  }
}
/**
 * Whether a question asks about something that happened: 'When were the weapons handed over?',
 * 'When did the rebels reject…', 'Who brokered…' (a verb in -ed where a verb stands).
 */
function asksPast(rest: string, verbFocus: boolean): boolean {
  const [first = ''] = rest.split(' ')
  return /^(?:did|was|were|had)$/.test(first) || (verbFocus && /[^e]ed$/.test(first))
}

/** Terms of the capitalised words of a question, the first word aside ('Who', 'Did'). */
function questionNames(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)) {
    if (m.index === 0 || !/^\p{Lu}/u.test(m[0])) continue
    const t = searchTerm(m[0])
    if (t) out.push(t)
  }
  return [...new Set(out)]
}

/**
 * Whether a sentence term answers to a question term: the same, the same stem or lemma (withdrawn
 * ~ withdrawal, took ~ take), or a word that stands for it in this question (go ~ withdraw:
 * `q.related`). With the sentence's word as written, its lemma counts too.
 */
export function termMatch(
  questionTerm: string,
  textTerm: string,
  q?: Pick<Question, 'related' | 'keys'>,
  textWord?: string,
): 0 | typeof RELATED_MATCH | typeof STEM_MATCH | 1 {
  if (questionTerm === textTerm) return 1
  const textKeys = textWord ? wordKeys(textWord) : [stem(textTerm)]
  const own = q?.keys.get(questionTerm) ?? [stem(questionTerm)]
  if (textKeys.some((k) => own.includes(k))) return STEM_MATCH
  const related = q?.related.get(questionTerm)?.stems
  const textSynonymKeys = synonymKeys(textWord ?? textTerm)
  return related && textSynonymKeys.some((k) => related.has(k)) ? RELATED_MATCH : 0
}

/** How much a match by stem counts against a match as written. */
export const STEM_MATCH = 0.7
/** How much a match by a related word counts. */
export const RELATED_MATCH = 0.6
