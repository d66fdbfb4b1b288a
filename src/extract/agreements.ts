/**
 * Agreements and their terms. Each article is read once at index time (`extractAgreementFacts`):
 * the passages that speak of a deal, agreement, proposal, truce or ceasefire give its place, its
 * broker, its parties, what happened to it and when (proposed, rejected, agreed, implemented), and
 * its terms. `mergeAgreements` then joins what several articles tell of one agreement: the same
 * place (or one inside the other's area) at about the same time. Everything here is plain JSON.
 */
import type { Article, Passage, Span } from '../corpus/types.ts'
import { PROPOSAL_NOUNS } from '../text/lexicon.ts'
import { foldPhrase, searchTerms } from '../text/normalize.ts'
import { LIST_ITEM } from '../text/segment.ts'
import { type AgreementKeys, agreementKeys } from './agreement-keys.ts'
import { clauses, itemText, splitListItems, termRuleOf, trim, withoutWhoRefuse } from './agreement-terms.ts'
import { datelinePlace, withoutDateline } from './dateline.ts'
import { DEAL_KIND, DEAL_NOUN, PROPOSAL_NOUN } from './deal-words.ts'
import { type DateContext, dateContext, sentenceDate, toldAsBefore } from './event-dates.ts'
import type { ExtractEnv } from './extraction-types.ts'
import { findNamedDealPlaces, findPlaces, findPlacesWithin, type PlaceMention } from './places.ts'
import { categorize, TERM_CATEGORIES, type TermCategory } from './term-categories.ts'
import { listIntro } from './term-rules.ts'

export type AgreementStatus = 'proposed' | 'agreed' | 'rejected' | 'implemented' | 'unknown'

/** Where something was read: a passage and a span of its article's text (for `cite`). */
export interface TextRef {
  passage: string
  start: number
  end: number
}

export interface AgreementEvent {
  status: Exclude<AgreementStatus, 'unknown'>
  /** The id of the status cue that found it. */
  rule: string
  date: string | null
  /** Told as before the article's moment with no date ('was signed last week', 'had agreed'): the article's date is not its date. */
  before?: true
  ref: TextRef
}

/** Where a term stands: put on the table, agreed, or carried out. */
export type TermStatus = 'proposed' | 'agreed' | 'implemented' | 'unknown'
/** Which version of the deal a term belongs to: a proposal's terms are kept apart from the agreement's. */
export type TermVersion = 'proposal' | 'agreement' | null

export interface AgreementTerm {
  /** The term in words: the list item or clause as written. */
  text: string
  category: TermCategory
  status: TermStatus
  version: TermVersion
  /** The id of the rule that found it (term-rules.ts), or 'list-item' for an item of a list of terms. */
  rule: string
  /** Every place it is told, first the one `text` comes from. */
  refs: TextRef[]
}

/** A place of an agreement's area, weighed by how it is named (title, 'deal in X', in passing). */
export interface AreaPlace {
  name: string
  key: string
  weight: number
  within?: string
  district?: boolean
}

/** One agreement as one article tells it. */
export interface ArticleAgreement {
  article: string
  /** Names an agreement that has no place. */
  articleTitle: string
  articleDate: string | null
  area: AreaPlace[]
  /** The words the article calls it by ('agreement', 'deal', 'truce'), counted. */
  kinds: Record<string, number>
  brokers: Record<string, number>
  parties: string[]
  events: AgreementEvent[]
  terms: AgreementTerm[]
}

export type AgreementArticleFacts = ArticleAgreement[]

/** An article's agreement before anything is read of it: the one start of English and Arabic drafts. */
export function emptyArticleAgreement(article: Article): ArticleAgreement {
  return {
    article: article.id,
    articleTitle: article.title,
    articleDate: article.date,
    area: [],
    kinds: {},
    brokers: {},
    parties: [],
    events: [],
    terms: [],
  }
}

/** One agreement as the corpus tells it. */
export interface Agreement {
  id: string
  name: string
  place: string | null
  /** Every place of its area, as written, the main place first. */
  places: string[]
  date: string | null
  status: AgreementStatus
  broker: string | null
  parties: string[]
  events: AgreementEvent[]
  terms: AgreementTerm[]
  articles: string[]
  /** The reports it is merged from (`article#n`: the n-th agreement its article tells of), in order. */
  reports: string[]
  /** Its id before a suffix tells it from an agreement of the same name: its name, folded. */
  slug: string
  /** Its names as queries are matched against them. */
  keys: AgreementKeys
}

export type Agreements = Agreement[]

/** An article that never says any of these speaks of no agreement: skipped at once. */
const AGREEMENT_GATE = new RegExp(`\\b(?:agree|${DEAL_NOUN}|${PROPOSAL_NOUN})`, 'i')
/** A sentence that speaks of an agreement. */
const AGREEMENT_NOUN = new RegExp(`\\b(?:${DEAL_NOUN}|${PROPOSAL_NOUN})\\b`, 'i')
/** A passage that speaks of an agreement or its terms: it and the next passage are read for terms. */
const CONTEXT = new RegExp(
  `\\b(?:${DEAL_NOUN}|${PROPOSAL_NOUN}|conditions|terms|items|demands|provisions|agreed)\\b`,
  'i',
)
/** The word an article calls the deal by, counted to name it ('the Zabadani truce'). */
const KINDS = new RegExp(`\\b(${DEAL_KIND})s?\\b`, 'gi')

/** Carrying an agreement out: weapons handed over, fighters gone, the deal in force. */
const IMPLEMENTED =
  /\b(?:handed over|(?:have|has|had) (?:been )?(?:delivered|evacuated)|(?:were|was) evacuated|(?:who|have|had|has) left(?! (?:the|their|its|his) (?:group|faction|ranks|movement|organi[sz]ation)\b)|departed|implemented|took effect|came into (?:force|effect)|entered into force|in accordance with the (?:agreement|deal))\b/i

/** What is yet to happen ('will be implemented next week', 'once the last bus has left' after 'will'). */
const FUTURE = /\b(?:will|would|shall|is to|are to|to be|(?:is|are) (?:expected|due|set|going) to)\b/i
/** Carrying an agreement out, told as done: not as to come. */
const carriedOut = (text: string): boolean => IMPLEMENTED.test(text) && !FUTURE.test(text)

/** Cues of what happened to an agreement; the id is recorded on the event it finds. */
const STATUS_CUES: readonly { id: string; status: AgreementEvent['status']; re: RegExp }[] = [
  {
    id: 'proposed',
    status: 'proposed',
    re: /\b(?:propos(?:ed|als?|es)|offer(?:s|ed|ing)?|put (?:forward|forth)|impos(?:ed|es|ing)|dictat(?:ed|ion)|drafted)\b/i,
  },
  { id: 'rejected', status: 'rejected', re: /\b(?:reject(?:s|ed|ing|ion)?|refus(?:e|es|ed|al))\b/i },
  {
    id: 'agreed',
    status: 'agreed',
    re: /\b(?:reached (?:a|an|the)\b[^.;]{0,30}?\b(?:agreement|deal|truce|accord|understanding)|(?:agreement|deal|truce|accord)s?\b[^.;,]{0,30}?\b(?:was|has been|had been|were) (?:reached|signed|concluded|struck)|(?:agreement|deal|truce|accord)s? (?:reached|signed|concluded|struck)|agreed (?:on|to|upon|with)\b(?! (?:negotiat|talk|meet|discuss|attend))|signed (?:a|an|the)\b[^.;]{0,30}?\b(?:agreement|deal|truce|accord)|struck (?:a|an) deal|accepted (?:the|a|an) (?:deal|agreement|terms|conditions|proposal|truce))/i,
  },
  { id: 'implemented', status: 'implemented', re: IMPLEMENTED },
]
/** A cue that holds in the sentence: an implementation only when told as done. */
const cueHolds = (c: (typeof STATUS_CUES)[number], text: string): boolean =>
  c.status === 'implemented' ? carriedOut(text) : c.re.test(text)
const STAGE: Record<AgreementStatus, number> = {
  unknown: 0,
  proposed: 1,
  rejected: 2,
  agreed: 3,
  implemented: 4,
}

const NAME =
  "(?:(?:[Aa][lnrstdz]|[Ee]l)-)?\\p{Lu}[\\p{L}'’]*(?:[ -](?:(?:[Aa][lnrstdz]|[Ee]l)-)?\\p{Lu}[\\p{L}'’]*){0,3}"
/** Each cue with a cheap test of a word it holds: most sentences name no broker, and skip it. */
const BROKER_CUES: readonly (readonly [RegExp, RegExp])[] = [
  [/under the /, new RegExp(`\\bunder the (?:auspices|sponsorship|mediation) of (?:the )?(${NAME})`, 'gu')],
  [
    /broker|mediate|sponsor/,
    new RegExp(`\\b(${NAME}) (?:to )?(?:brokers?|brokered|mediates|mediated|sponsors|sponsored)\\b`, 'gu'),
  ],
  [
    / by /,
    new RegExp(
      `\\b(?:brokered|mediated|sponsored|proposed|offered|put (?:forward|forth)|imposed|presented|dictated) by (?:the )?(${NAME})`,
      'gu',
    ),
  ],
  [
    /representative|delegation|mediator|negotiator|officer/,
    new RegExp(`\\bthe (${NAME}) (?:representative|delegation|mediator|negotiator|officer)s?\\b`, 'gu'),
  ],
  [
    /proposal|offer|conditions|demands|plan|initiative/,
    new RegExp(`\\b(${NAME})(?:['’]s?)? (?:proposal|offer|conditions|demands|plan|initiative)\\b`, 'gu'),
  ],
]
/** Peoples to their states, so that 'the Russians' and 'the Russian side' are one broker. */
const DEMONYMS: Record<string, string> = {
  russian: 'Russia',
  russians: 'Russia',
  turkish: 'Turkey',
  turks: 'Turkey',
  iranian: 'Iran',
  iranians: 'Iran',
  american: 'United States',
  americans: 'United States',
  jordanian: 'Jordan',
  egyptian: 'Egypt',
  qatari: 'Qatar',
  saudi: 'Saudi Arabia',
  syrian: 'Syria',
  un: 'United Nations',
}
const NOT_NAMES =
  /^(?:The|This|That|These|Those|A|An|It|They|We|He|She|In|On|At|From|For|With|After|Before|Under|How|Why|What|When|According|However|Meanwhile|Regarding)$/

const PARTY_BETWEEN =
  /\b(?:agreements?|deals?|truces?|accords?|cease-?fires?)\b[^.;]{0,40}?\bbetween (?:the )?([^,;.]+?) and (?:the )?([^,;.]+?)(?=\s+(?:in|on|at|for|over|to|under|after|since|which|that)\b|[,;.]|$)/i
const PARTY_WITH =
  /\b(?:agreement|deal|truce|accord)["”’]?\s+with\s+(?:the\s+)?([^,;.]+?)(?=\s+(?:in|on|at|for|over|to|under|after|since|through|which|that)\b|[,;.]|$)/i

/** Pronouns and numbers are no parties. */
const NOT_PARTY = /^(?:us|them|him|her|it|you|me|each other|one another)$|\d/i

/** 'the Astana agreement': a name before the noun that is no place here means another agreement. */
const NAMED_AGREEMENT = new RegExp(
  `\\b(${NAME})\\s+(?:agreement|accord|deal|truce|memorandum|talks|process)\\b`,
  'gu',
)
/** A cheap test of NAMED_AGREEMENT's noun. */
const MAY_NAME_AGREEMENT = /agreement|accord|deal|truce|memorandum|talks|process/

/** Where an agreement holds: 'deal in Eastern Qalamoun', 'agreement … in northern Homs Governorate'. */
function anchored(sentence: string, offset: number, place: PlaceMention): boolean {
  const before = sentence.slice(0, place.start - offset)
  return /\b(?:agreements?|deals?|truces?|cease-?fires?|accords?|reconciliation)\b[^.;:]{0,80}\b(?:in|for|over|covering)\s+(?:the\s+)?(?:[a-z]+\s+)?$/i.test(
    before,
  )
}

/** A place named as where people are sent ('buses set off for Idlib'), which is no place of the deal. */
const MOVED_TO =
  /\b(?:leave|leaves|left|leaving|set off|bound|head(?:s|ed|ing)?|depart\w*|sent|send|go|goes|went|going|transferred|evacuated|deported|moved|travel\w*|buses)\s+(?:for|to|towards?)\s+(?:the\s+)?(?:[a-z]+\s+)?$/i

function movedTo(sentence: string, offset: number, place: PlaceMention): boolean {
  return MOVED_TO.test(sentence.slice(Math.max(0, place.start - offset - 60), place.start - offset))
}

interface Draft extends ArticleAgreement {
  /** Place keys of the area, for the switch between agreements of one article. */
  keys: Set<string>
}

function newDraft(article: Article): Draft {
  return { ...emptyArticleAgreement(article), keys: new Set() }
}

function addPlace(d: Draft, p: PlaceMention, weight: number): void {
  if (p.destination) return
  const known = d.area.find((a) => a.key === p.key)
  if (known) {
    known.weight += weight
    if (p.within && !known.within) known.within = p.within
    if (p.district) known.district = true
  } else {
    d.area.push({
      name: p.name,
      key: p.key,
      weight,
      ...(p.within ? { within: p.within } : {}),
      ...(p.district ? { district: true } : {}),
    })
    d.keys.add(p.key)
  }
}

/** True when a place is already part of the agreement's area, or shares a word with a place of it. */
function related(d: Draft, key: string): boolean {
  const words = key.split(' ')
  for (const k of d.keys) if (k === key || k.split(' ').some((w) => words.includes(w))) return true
  return false
}

/** 'Under the ceasefire,' names the deal a term belongs to, not what the term is about. */
const DEAL_FRAME_OPENING = new RegExp(
  `^\\s*(?:under|according to|as part of|in line with|in accordance with) (?:the|this|its) (?:[\\w'’-]+ ){0,3}?${DEAL_NOUN},?\\s*`,
  'i',
)

function addTerm(d: Draft, text: string, ref: TextRef, frame: Frame, rule: string): void {
  // Carrying a term out is told in its own sentence ('the fighters left'); a list item takes its list's frame.
  const status = rule !== 'list-item' && carriedOut(text) ? 'implemented' : frame.status
  d.terms.push({
    text: text.replace(/\s+/g, ' '),
    category: categorize(text.replace(DEAL_FRAME_OPENING, '')),
    status,
    version: status === 'implemented' ? 'agreement' : frame.version,
    rule,
    refs: [ref],
  })
}

/** A term's status and the version of the deal it belongs to, as a sentence tells them. */
interface Frame {
  status: TermStatus
  version: TermVersion
}
const UNKNOWN_FRAME: Frame = { status: 'unknown', version: null }
/** Words that say a deal was made: they outweigh a proposal's ('they accepted the offer'). */
const AGREED_FRAME =
  /\b(?:agreed|signed|reached|struck|concluded|accepted|came into (?:force|effect)|took effect)\b/i
/**
 * Words of a proposal, which is not yet a deal: 'the offer', 'Russia proposed', 'their demands'.
 * A draft or a plan may be either version's text, so they say nothing here.
 */
const PROPOSAL_FRAME = new RegExp(
  `\\b(?:${PROPOSAL_NOUNS.filter((n) => n !== 'draft' && n !== 'plan').join('|')})s?\\b|\\b(?:propos(?:ed|es|ing)|offered|demand(?:s|ed)?|put (?:forward|forth)|submitted)\\b`,
  'i',
)
const DEAL_FRAME = new RegExp(`\\b${DEAL_NOUN}\\b`, 'i')

/** A quoted refusal in the first person ('"We will never hand over our weapons," he said'): a stance, no term. */
const REFUSAL_VOW = /["“]\s*(?:we|i)\b[^"”]{0,40}?\b(?:not|never|no longer|won['’]t|refuse)\b/i

/**
 * What an offer, told with its refusal, would have done: the relative clause after the offer's
 * noun ('an offer that would have allowed the army to enter'). Group 1 runs up to the clause.
 */
const OFFER_CONTENT = new RegExp(
  `^(.*?\\b(?:${PROPOSAL_NOUN})s?\\s+(?:that|which)\\s+)(?=(?:would|was to|were to|required|demanded|called for|stipulated)\\b)`,
  'i',
)
const PROPOSAL: Frame = { status: 'proposed', version: 'proposal' }

/** What a deal 'would have' done never came to be: an offer's term, not the agreement's. */
const COUNTERFACTUAL = /\bwould have (?:been )?\w+(?:ed|en)\b/i

function frameOf(sentence: string): Frame {
  if (COUNTERFACTUAL.test(sentence)) return PROPOSAL
  if (carriedOut(sentence)) return { status: 'implemented', version: 'agreement' }
  if (AGREED_FRAME.test(sentence)) return { status: 'agreed', version: 'agreement' }
  if (PROPOSAL_FRAME.test(sentence)) return { status: 'proposed', version: 'proposal' }
  if (DEAL_FRAME.test(sentence)) return { status: 'agreed', version: 'agreement' }
  return UNKNOWN_FRAME
}

/** How many opening passages give the places of a deal whose sentences name none. */
const LEAD_PASSAGES = 3

/** A heading: a few words with no closing punctuation. */
function isHeading(p: Passage): boolean {
  const t = p.text.trim()
  return !/[.!?:;,"”’)]$/.test(t) && t.split(/\s+/).length <= 10 && !LIST_ITEM.test(t)
}

/** A passage that may be an unmarked item of a list: short, one or two sentences, ending as a sentence or item does. */
function itemLike(p: Passage): boolean {
  const t = p.text.trim()
  return p.sentences.length <= 2 && t.split(/\s+/).length <= 70 && /[.;!)]$/.test(t)
}

function canonicalBroker(raw: string): string | null {
  const name = raw.trim()
  if (NOT_NAMES.test(name)) return null
  return DEMONYMS[name.toLowerCase()] ?? name
}

/** Reads a sentence about an agreement: what happened to it, who brokered it, who its parties are. */
function readAgreementSentence(d: Draft, sentence: string, ref: TextRef, dates: DateContext): void {
  const told = withoutWhoRefuse(sentence)
  const cues = STATUS_CUES.filter((c) => cueHolds(c, told))
  if (cues.length) {
    const date = sentenceDate(sentence, dates)
    const before = !date && toldAsBefore(sentence)
    for (const c of cues)
      d.events.push({ status: c.status, rule: c.id, date, ...(before ? { before } : {}), ref })
  }
  for (const m of sentence.matchAll(KINDS)) {
    const kind = (m[1] ?? '').toLowerCase().replace(/cease[- ]fire/, 'ceasefire')
    d.kinds[kind] = (d.kinds[kind] ?? 0) + 1
  }
  readBrokers(d, sentence)
  const between = sentence.match(PARTY_BETWEEN)
  const withParty = sentence.match(PARTY_WITH)
  for (const p of [between?.[1], between?.[2], withParty?.[1]]) {
    const party = p?.trim()
    if (!party || party.split(/\s+/).length > 6 || NOT_PARTY.test(party)) continue
    if (!d.parties.some((q) => foldPhrase(q) === foldPhrase(party))) d.parties.push(party)
  }
}

function readBrokers(d: Draft, sentence: string): void {
  for (const [may, re] of BROKER_CUES) {
    if (!may.test(sentence)) continue
    for (const m of sentence.matchAll(re)) {
      const broker = canonicalBroker(m[1] ?? '')
      if (broker) d.brokers[broker] = (d.brokers[broker] ?? 0) + 1
    }
  }
}

/** Names another agreement than the one in hand ('the Astana agreement'): its terms are not ours. */
function namesOtherAgreement(sentence: string, articlePlaces: ReadonlySet<string>): boolean {
  if (!MAY_NAME_AGREEMENT.test(sentence)) return false
  for (const m of sentence.matchAll(NAMED_AGREEMENT)) {
    const name = (m[1] ?? '').replace(/^(?:The|A|An)\s+/, '')
    const key = foldPhrase(name)
    if (!key || NOT_NAMES.test(name) || DEMONYMS[name.toLowerCase()] || /reconciliation|peace/i.test(name))
      continue
    if (![...articlePlaces].some((k) => k === key || k.endsWith(` ${key}`) || key.endsWith(` ${k}`)))
      return true
  }
  return false
}

/** The agreements one article tells of, with their terms. */
export function extractAgreementFacts(
  article: Article,
  passages: readonly Passage[],
  _env: ExtractEnv,
): AgreementArticleFacts {
  const text = article.text
  if (!AGREEMENT_GATE.test(text)) return []
  const dates = dateContext(article.date, text)
  const titlePlaces = [
    ...findPlaces(article.title, 0, { title: true }),
    ...findNamedDealPlaces(article.title, 0),
  ].filter((p) => !p.destination && !movedTo(article.title, 0, p))
  const articlePlaces = new Set(titlePlaces.map((p) => p.key))
  const titleBrokers = newDraft(article)
  readBrokers(titleBrokers, article.title)
  const drafts: Draft[] = []
  /** The agreement the text is speaking of now; a new one starts where a deal elsewhere is named. */
  const state: { current: Draft | null } = { current: null }
  const draft = (): Draft => {
    if (state.current) return state.current
    const d = newDraft(article)
    // The title names the article's first agreement, not one the text turns to later.
    if (drafts.length === 0)
      for (const p of titlePlaces) addPlace(d, p, anchored(article.title, 0, p) ? 3 : 2)
    drafts.push(d)
    state.current = d
    return d
  }

  const inside: PlaceMention[] = []
  /** Places of the article's first passages: where a deal whose own sentences name no place is. */
  const lead: PlaceMention[] = []
  let contextUntil = -1
  /** The version and status the text is speaking of: a proposal's, the agreement's, its carrying out. */
  let frame: Frame = UNKNOWN_FRAME
  /** A list of terms after its intro ('Under the agreement:'): items are read while it is open. */
  let list: { frame: Frame; unmarked: boolean } | null = null
  for (const [i, passage] of passages.entries()) {
    const ref = (span: Span): TextRef => ({ passage: passage.id, start: span.start, end: span.end })
    const isItem = LIST_ITEM.test(passage.text)
    if (list && (isItem || (list.unmarked && itemLike(passage)))) {
      // A list written with markers ends at the first passage without one.
      if (isItem) list.unmarked = false
      // The deal's list keeps its context open: what follows it tells of the same deal.
      contextUntil = i + 1
      const { text: item, offset } = isItem ? itemText(passage.text) : { text: passage.text, offset: 0 }
      const span = trim(text, passage.start + offset, passage.end)
      if (item && span) addTerm(draft(), text.slice(span.start, span.end), ref(span), list.frame, 'list-item')
      continue
    }
    list = null
    if (i < LEAD_PASSAGES)
      for (const s of passage.sentences) lead.push(...findPlaces(text.slice(s.start, s.end), s.start))
    if (CONTEXT.test(passage.text)) contextUntil = i + 1
    // 'What the elders' statement says:' opens a list of terms a little after the deal is named,
    // and so does a heading ('How the exchange works') over a list with markers.
    const next = passages[i + 1]
    const heading = isHeading(passage) && next !== undefined && LIST_ITEM.test(next.text)
    if (i <= contextUntil + 2 && (heading || (i > contextUntil && /:\s*$/.test(passage.text)))) {
      list = { frame, unmarked: false }
      continue
    }
    if (i > contextUntil) {
      // Out of the agreement's context, a place said to lie in another still widens its area.
      for (const s of passage.sentences) inside.push(...findPlacesWithin(text.slice(s.start, s.end), s.start))
      continue
    }
    for (const s of passage.sentences) {
      const sentence = text.slice(s.start, s.end)
      const places = findPlaces(sentence, s.start).filter((p) => !movedTo(sentence, s.start, p))
      for (const p of places) if (p.within) inside.push(p)
      for (const p of places) if (!p.destination) articlePlaces.add(p.key)
      const speaksOfAgreement = AGREEMENT_NOUN.test(sentence) || /\bagreed\b/i.test(sentence)
      const other = namesOtherAgreement(sentence, articlePlaces)
      const own = frameOf(sentence)
      if (own.version && !other) frame = own
      if (speaksOfAgreement && !other) {
        // A deal placed somewhere unrelated to the one in hand is another agreement of the article.
        const here = places.find((p) => !p.destination && anchored(sentence, s.start, p))
        if (state.current && here && state.current.keys.size > 0 && !related(state.current, here.key))
          state.current = null
        const d = draft()
        for (const p of places) addPlace(d, p, anchored(sentence, s.start, p) ? 3 : 1)
        if (!isItem) readAgreementSentence(d, sentence, ref(s), dates)
      } else if (state.current) {
        for (const p of places) addPlace(state.current, p, 1)
        // 'The first fighters were evacuated on Friday': carrying it out rarely names the agreement.
        if (!isItem && carriedOut(sentence))
          state.current.events.push({
            status: 'implemented',
            rule: 'implemented',
            date: sentenceDate(sentence, dates),
            ref: ref(s),
          })
      }
      if (other) continue
      const intro = listIntro(sentence)
      if (intro) {
        const from = s.start + intro.end
        const introFrame = own.version ? own : frame
        if (from >= s.end - 1) list = { frame: introFrame, unmarked: true }
        else
          for (const item of splitListItems(text, { start: from, end: s.end }))
            addTerm(draft(), text.slice(item.start, item.end), ref(item), introFrame, intro.rule)
        continue
      }
      for (const whole of clauses(text, s)) {
        const c = withoutDateline(text, whole)
        const clause = text.slice(c.start, c.end)
        const rule = termRuleOf(clause)
        if (!rule) {
          // A refused offer's content is still the offer's term ('rejected an offer that would have allowed …').
          const content = clause.match(OFFER_CONTENT)
          const at = content ? c.start + (content.index ?? 0) + (content[1]?.length ?? 0) : -1
          if (content && at >= 0) {
            const span = trim(text, at, c.end)
            if (span) addTerm(draft(), text.slice(span.start, span.end), ref(span), PROPOSAL, 'offer-content')
          }
          continue
        }
        if (REFUSAL_VOW.test(clause)) continue
        const f = frameOf(clause)
        addTerm(draft(), clause, ref(c), f.version ? f : own.version ? own : frame, rule)
      }
    }
    if (!list && /:\s*$/.test(passage.text)) {
      const last = passage.sentences[passage.sentences.length - 1]
      const f = last ? frameOf(text.slice(last.start, last.end)) : UNKNOWN_FRAME
      list = { frame: f.version ? f : frame, unmarked: true }
    }
  }
  // A deal whose sentences name no place is where the article's opening places it: its dateline
  // when that is a Syrian place, else the places of its lead.
  const first = passages[0]
  const dateline = first ? datelinePlace(first.text, first.start) : null
  for (const d of drafts)
    if (d.area.length === 0) {
      if (dateline) addPlace(d, dateline, 0.5)
      else for (const p of lead) if (!p.destination) addPlace(d, p, 0.5)
    }
  for (const d of drafts) for (const p of inside) if (p.within && d.keys.has(p.within)) addPlace(d, p, 0.5)
  return drafts
    .filter((d) => d.terms.length > 0 || (d.area.length > 0 && d.events.length > 0))
    .map(({ keys: _keys, ...d }) => ({
      ...d,
      brokers: mergeCounts(d.brokers, titleBrokers.brokers),
      area: withSubPlaces(d.area),
    }))
}

function mergeCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a }
  for (const [k, n] of Object.entries(b)) out[k] = (out[k] ?? 0) + n
  return out
}

/** A district counts with the city around it: 'Al-Waer district of Homs' places the deal in al-Waer. */
function withSubPlaces(area: AreaPlace[]): AreaPlace[] {
  return area.map((p) => {
    const parent = p.district && p.within ? area.find((q) => q.key === p.within) : undefined
    return parent ? { ...p, weight: p.weight + parent.weight } : p
  })
}

/** How far apart (days) two reports of one agreement may be dated. */
const SAME_AGREEMENT_DAYS = 120

function firstDate(a: ArticleAgreement): string | null {
  let first: string | null = null
  for (const e of a.events) if (e.date && (first === null || e.date < first)) first = e.date
  return first ?? a.articleDate
}

function mainKey(a: ArticleAgreement): string | null {
  let best: AreaPlace | null = null
  for (const p of a.area) if (!best || p.weight > best.weight) best = p
  return best?.key ?? null
}

/** A merge before this one, to take over the agreements none of the changed articles tells of. */
export interface PreviousAgreements {
  agreements: Agreements
  /** Articles added, changed or removed since: what they told may have changed. */
  changed: ReadonlySet<string>
}

interface Cluster {
  reports: ArticleAgreement[]
  /** `article#n` of each report: the n-th agreement its article tells of. */
  ids: string[]
  keys: Set<string>
  mains: Set<string>
  /** The first report's date, as a day number. */
  day: number | null
}

/**
 * The agreements of the corpus: one per agreement, however many articles tell of it. Reports
 * are taken in time order, each joining the first agreement that shares its main place (or whose
 * main place is in its area) within SAME_AGREEMENT_DAYS of that agreement's first report.
 * With `previous`, an agreement made of the same reports as before, none of a changed article,
 * is taken over as it was (joining the reports and their terms is the costly part).
 */
export function mergeAgreements(
  all: AgreementArticleFacts[],
  _env: ExtractEnv,
  previous?: PreviousAgreements,
): Agreements {
  const reports: { r: ArticleAgreement; id: string; date: string }[] = []
  for (const list of all)
    for (const [n, r] of list.entries())
      reports.push({ r, id: `${r.article}#${n}`, date: firstDate(r) ?? '9999' })
  // Dates are YYYY-MM-DD: their order is their code points' (a stable sort keeps ties in corpus order).
  reports.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const clusters: Cluster[] = []
  const byKey = new Map<string, Cluster[]>()
  for (const { r, id, date: sortDate } of reports) {
    const main = mainKey(r)
    const day = sortDate === '9999' ? null : Date.parse(sortDate) / 86_400_000
    let home: Cluster | undefined
    if (main) {
      // 'Old Homs' is in 'Homs': a main place whose words hold another's (or are held by it) is the same area.
      const mainWords = main.split(' ')
      const nested = (m: string) => {
        const w = m.split(' ')
        return w.every((x) => mainWords.includes(x)) || mainWords.every((x) => w.includes(x))
      }
      search: for (const key of [...r.area.map((p) => p.key), ...mainWords])
        for (const c of byKey.get(key) ?? []) {
          const placeMatch = c.keys.has(main) || c.mains.has(key) || [...c.mains].some(nested)
          const timeMatch = day === null || c.day === null || Math.abs(day - c.day) <= SAME_AGREEMENT_DAYS
          if (placeMatch && timeMatch) {
            home = c
            break search
          }
        }
    }
    if (!home) {
      home = { reports: [], ids: [], keys: new Set(), mains: new Set(), day }
      clusters.push(home)
    }
    home.reports.push(r)
    home.ids.push(id)
    if (main) home.mains.add(main)
    for (const p of r.area) {
      if (home.keys.has(p.key)) continue
      home.keys.add(p.key)
      const list = byKey.get(p.key)
      if (list) list.push(home)
      else byKey.set(p.key, [home])
    }
  }
  const before = new Map<string, Agreement>()
  if (previous)
    for (const a of previous.agreements)
      if (!a.articles.some((id) => previous.changed.has(id))) before.set(a.reports.join('\n'), a)
  const used = new Set<string>()
  return clusters.map((c) => {
    const known = before.get(c.ids.join('\n'))
    const a = known ?? { ...combine(c.reports), reports: c.ids }
    let id = a.slug
    while (used.has(id)) id += '-2'
    used.add(id)
    return known && known.id === id ? known : { ...a, id }
  })
}

function topOf(counts: Record<string, number>): string | null {
  let best: string | null = null
  for (const [k, n] of Object.entries(counts)) if (best === null || n > (counts[best] ?? 0)) best = k
  return best
}

/** Joins the reports of one agreement: area, events, terms told twice kept once with every citation. */
function combine(reports: ArticleAgreement[]): Omit<Agreement, 'id' | 'reports'> {
  const weights = new Map<string, { weight: number; names: Map<string, number> }>()
  const kinds: Record<string, number> = {}
  const brokers: Record<string, number> = {}
  const parties: string[] = []
  const events: AgreementEvent[] = []
  const terms: TermSet = []
  for (const r of reports) {
    for (const p of r.area) {
      const w = weights.get(p.key) ?? { weight: 0, names: new Map() }
      w.weight += p.weight
      w.names.set(p.name, (w.names.get(p.name) ?? 0) + 1)
      weights.set(p.key, w)
    }
    Object.assign(kinds, mergeCounts(kinds, r.kinds))
    Object.assign(brokers, mergeCounts(brokers, r.brokers))
    for (const p of r.parties) if (!parties.some((q) => foldPhrase(q) === foldPhrase(p))) parties.push(p)
    events.push(...r.events)
    for (const t of r.terms) addOrJoin(terms, t)
  }
  const places = [...weights.values()]
    .sort((a, b) => b.weight - a.weight)
    .map((w) => [...w.names].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0] ?? '')
    .filter(Boolean)
  const place = places[0] ?? null
  const status = events.reduce<AgreementStatus>(
    (s, e) => (STAGE[e.status] > STAGE[s] ? e.status : s),
    'unknown',
  )
  const agreed = events
    .filter((e) => e.status === 'agreed' && e.date)
    .map((e) => e.date as string)
    .sort()
  const anyDate = [
    ...events.flatMap((e) => (e.date ? [e.date] : [])),
    // A report whose every event is told as earlier, undated, gives no date by its own.
    ...reports.flatMap((r) =>
      r.articleDate && !(r.events.length > 0 && r.events.every((e) => e.before)) ? [r.articleDate] : [],
    ),
  ].sort()
  const kind = topOf(kinds) ?? 'agreement'
  const title = reports[0]?.articleTitle.slice(0, 80) || reports[0]?.article || 'an article'
  const written = place ? `${place} ${kind}` : `${kind} in “${title}”`
  const name = written.charAt(0).toUpperCase() + written.slice(1)
  return {
    name,
    slug: foldPhrase(name).replace(/\s+/g, '-') || 'agreement',
    keys: agreementKeys({ name, place, places }),
    place,
    places,
    date: agreed[0] ?? anyDate[0] ?? null,
    status,
    broker: topOf(brokers),
    parties,
    events: events.sort(
      (a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || STAGE[a.status] - STAGE[b.status],
    ),
    terms: terms
      .map((e) => withStatus(e.term, status))
      // By category; in each, the agreement's terms before a proposal's.
      .sort(
        (a, b) =>
          TERM_CATEGORIES.indexOf(a.category) - TERM_CATEGORIES.indexOf(b.category) ||
          Number(a.version === 'proposal') - Number(b.version === 'proposal'),
      ),
    articles: [...new Set(reports.map((r) => r.article))],
  }
}

/**
 * A term the text gives no status of takes its agreement's: agreed once the agreement is, proposed
 * while it is only proposed. A proposal's term stays proposed, whatever became of the agreement.
 */
function withStatus(t: AgreementTerm, agreement: AgreementStatus): AgreementTerm {
  if (t.status !== 'unknown') return t
  if (agreement === 'agreed' || agreement === 'implemented')
    return t.version === 'proposal'
      ? { ...t, status: 'proposed' }
      : { ...t, status: 'agreed', version: 'agreement' }
  if (agreement === 'proposed') return { ...t, status: 'proposed', version: 'proposal' }
  return t
}

/** Content words of a term, for telling whether two terms say the same thing. */
function contentWords(text: string): Set<string> {
  return new Set(searchTerms(text).filter((w) => w.length > 2 || /\d/.test(w)))
}

/** Terms of one agreement, each with its content words (worked out once: a big cluster has many). */
type TermSet = { term: AgreementTerm; words: Set<string> }[]

/**
 * Adds a term, or joins it to one already there that says the same: same category, and most of
 * the words of the shorter one are in the other (at least three).
 */
function addOrJoin(terms: TermSet, t: AgreementTerm): void {
  const words = contentWords(t.text)
  for (const entry of terms) {
    const u = entry.term
    if (u.category !== t.category) continue
    // A proposal's term and the agreement's are kept apart, however alike their words.
    if (u.version && t.version && u.version !== t.version) continue
    let shared = 0
    for (const w of words) if (entry.words.has(w)) shared++
    if (shared >= 3 && shared / Math.min(words.size, entry.words.size) >= 0.6) {
      const fresh = t.refs.filter((r) => !u.refs.some((q) => q.passage === r.passage && q.start === r.start))
      // The shorter telling (a list item rather than the sentence around it) says the term best.
      if (t.text.length < u.text.length) {
        u.text = t.text
        u.refs.unshift(...fresh)
      } else u.refs.push(...fresh)
      return
    }
  }
  terms.push({ term: { ...t, refs: [...t.refs] }, words })
}
