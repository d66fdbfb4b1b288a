/**
 * What a question asks for: the kind of answer (a person, a date, a number with its unit…), the
 * words that point at the answer in a sentence (the focus: 'governor' in 'Who is the governor of
 * Homs?'), the names that must be found near it, and the words to search for.
 */
import { searchTerm, searchTerms } from '../../text/normalize.ts'
import { TITLES } from './roles.ts'
import { stem } from './stem.ts'

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

/**
 * Words that stand for one another, as the role groups do: a where-question's 'go' is said
 * 'withdraw to', 'leave for', 'be bused to'; 'militants' are 'fighters', 'rebels', 'the armed
 * opposition'. Forms the stemmer does not bring together are listed (left, went, moved).
 */
const RELATED_GROUPS: { words: string; kinds?: readonly QuestionKind[] }[] = [
  {
    words:
      'go goes going went gone leave leaving left head heading headed withdraw withdrew withdrawn move moved moving evacuate evacuated transfer transferred relocate relocated bus bused bussed deport deported depart departed transport transported',
    kinds: ['where'],
  },
  { words: 'militant militants fighter fighters rebel rebels gunman gunmen insurgent insurgents opposition' },
]
const RELATED_STEMS = RELATED_GROUPS.map((g) => {
  const terms = g.words.split(' ').map((w) => searchTerm(w) ?? w)
  return { kinds: g.kinds, terms, stems: new Set(terms.map(stem)) }
})
/** The movement group: its words in a where-question ask for a destination. */
const MOVEMENT_STEMS = RELATED_STEMS[0]?.stems ?? new Set<string>()

/** Words that stand for a question term: their stems, to match, and their terms, to search. */
export interface Related {
  stems: ReadonlySet<string>
  terms: readonly string[]
}

/** The words that stand for a question term in a question of this kind. */
function relatedTo(term: string, kind: QuestionKind): Related | null {
  const s = stem(term)
  const stems = new Set<string>()
  const terms = new Set<string>()
  for (const g of RELATED_STEMS) {
    if ((g.kinds && !g.kinds.includes(kind)) || !g.stems.has(s)) continue
    for (const x of g.stems) if (x !== s) stems.add(x)
    for (const t of g.terms) if (stem(t) !== s) terms.add(t)
  }
  return stems.size ? { stems, terms: [...terms] } : null
}

const TIME_NOUNS = /^(?:time|date|day|year|month|deadline|hour|week)\b/

/** Openings of each kind of question, tried in order; the match is cut off before parsing the rest. */
const OPENINGS: [RegExp, QuestionKind][] = [
  [/^(?:who|whom|whose)\b/, 'who'],
  [/^(?:(?:by|until|since) )?when\b/, 'when'],
  [/^(?:(?:on|by|until|at) )?(?:what|which) (?=(?:time|date|day|year|month|deadline|hour)\b)/, 'when'],
  [/^where\b/, 'where'],
  [
    /^(?:in|to|from|at) (?:which|what) (?=(?:city|town|village|area|region|province|place|country)\b)/,
    'where',
  ],
  [/^how many\b/, 'how-many'],
  [/^how much\b/, 'how-much'],
  [/^(?:for )?how long\b/, 'how-long'],
  [
    /^(?:how old|(?:at|from|until|up to) what ages?|what (?:is|was|are|were) the (?:minimum |maximum )?ages?)\b/,
    'how-old',
  ],
  [/^(?:why|for what reason|what (?:is|was) the reason(?: why)?)\b/, 'why'],
  [/^(?:which|what) (?=\w)/, 'what'],
  [/^(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could|should)\b/, 'yes-no'],
]

/** Words of a question frame that say nothing about the topic. */
const FRAME_WORDS = new Set(
  'many much long last name named called happen happened happens kind type exactly currently tell say know mean held located situated based'
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

/** Parses a question into what the answer should be and where to look for it. */
export function parseQuestion(query: string): Question {
  const text = query
    .trim()
    .replace(/[?!.\s]+$/, '')
    .replace(/\s+/g, ' ')
  const identity = IDENTITY.exec(text)?.[1]
  if (identity && isNamePhrase(identity)) return identityQuestion(text)
  const lower = text.toLowerCase()
  let kind: QuestionKind = 'what'
  let rest = lower
  for (const [re, k] of OPENINGS) {
    const m = re.exec(lower)
    if (m) {
      kind = k
      rest = lower.slice(m[0].length).trim()
      break
    }
  }
  const phrase = nounPhrase(rest)
  // 'which faction…', 'what is the deadline…', 'what city…': the head noun names the kind of answer.
  if (kind === 'what') {
    if (PLACE_NOUNS.test(phrase.head)) kind = 'where'
    else if (TIME_NOUNS.test(phrase.head)) kind = 'when'
    else if (ACTOR_NOUNS.test(phrase.head)) kind = 'which'
  }
  const unitWord = kind === 'how-many' || kind === 'how-much' ? (rest.split(' ')[0] ?? '') : ''
  const unit = unitWord ? searchTerm(unitWord) : null
  const terms = searchTerms(rest).filter((t) => !FRAME_WORDS.has(t))
  // 'How many people will be withdrawn…': the unit is part of the answer; the verb stands next to it.
  const predicate = unit ? nounPhrase(rest.split(' ').slice(1).join(' ')) : phrase
  const headFocus = searchTerms(predicate.head).filter((t) => !FRAME_WORDS.has(t))
  // 'Where will the militants of al-Waer go?': the destination stands next to the verb of going.
  const going = kind === 'where' ? terms.find((t) => MOVEMENT_STEMS.has(stem(t))) : undefined
  const focus = going ? [going] : headFocus
  const nounFocus = phrase.copula && !going && headFocus.length > 0
  const modifiers = nounFocus
    ? searchTerms([...phrase.before, ...phrase.after].join(' ')).filter((t) => !FRAME_WORDS.has(t))
    : []
  const related = new Map<string, Related>()
  for (const t of terms) {
    const r = relatedTo(t, kind)
    if (r) related.set(t, r)
  }
  return {
    kind,
    terms: [...new Set(terms)],
    focus: focus.length ? focus : terms.slice(0, 1),
    names: questionNames(text),
    modifiers: [...new Set(modifiers)],
    nounFocus,
    unit,
    verbFocus: kind === 'who' && !phrase.copula,
    list: !phrase.copula || (/s$/.test(phrase.head) && !/ss$/.test(phrase.head)),
    past: asksPast(rest, kind === 'who' && !phrase.copula),
    movement: going !== undefined,
    related,
  }
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
  }
}

/**
 * The head of the question's first noun phrase: 'is the Russian representative in the northern
 * Homs negotiations' → 'representative', with the words before it ('russian') and those of an
 * 'of'/'for' phrase after it ('envoy for syria' → 'syria'). With no copula the first word is taken
 * (a verb: 'rejected the agreement' → 'rejected').
 */
function nounPhrase(rest: string): { head: string; before: string[]; after: string[]; copula: boolean } {
  const words = rest.split(' ').filter(Boolean)
  let i = 0
  if (
    /^(?:is|are|was|were|will|would|has|have|had|did|does|do|must|can|could|should|may|might|shall)$/.test(
      words[0] ?? '',
    )
  )
    i++
  while (/^(?:the|a|an|be|been)$/.test(words[i] ?? '')) i++
  const copula = i > 0
  const phrase: string[] = []
  for (; i < words.length; i++) {
    const w = words[i] ?? ''
    if (PREPOSITION.test(w) || (!copula && phrase.length === 1)) break
    phrase.push(w)
  }
  const after: string[] = []
  if (copula && /^(?:of|for)$/.test(words[i] ?? ''))
    for (i++; i < words.length && !PREPOSITION.test(words[i] ?? ''); i++) after.push(words[i] ?? '')
  return { head: phrase[phrase.length - 1] ?? '', before: phrase.slice(0, -1), after, copula }
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
 * Whether a sentence term answers to a question term: the same, the same stem (withdrawn ~
 * withdrawal), or a word that stands for it in this question (go ~ withdraw: `q.related`).
 */
export function termMatch(
  questionTerm: string,
  textTerm: string,
  q?: Pick<Question, 'related'>,
): 0 | typeof RELATED_MATCH | typeof STEM_MATCH | 1 {
  if (questionTerm === textTerm) return 1
  const s = stem(textTerm)
  if (stem(questionTerm) === s) return STEM_MATCH
  return q?.related.get(questionTerm)?.stems.has(s) ? RELATED_MATCH : 0
}

/** How much a match by stem counts against a match as written. */
export const STEM_MATCH = 0.7
/** How much a match by a related word counts. */
export const RELATED_MATCH = 0.6
