/**
 * Questions about who accepted or rejected a deal, answered from the facts (each faction's stance
 * evidence) rather than from a sentence that happens to mention the deal: 'Who rejected the Sochi
 * memorandum?' lists every faction with its evidence; 'Did Jaysh al-Izza accept the Sochi deal?' is
 * answered yes, no or 'the corpus does not say' — from evidence about that deal only.
 */
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts'
import { DEAL_NOUNS, PROPOSAL_NOUNS } from '../../text/lexicon.ts'
import type { Citation } from '../citation.ts'
import { findAgreements, nearestAgreements } from '../terms.ts'
import { ACCEPT, REJECT, type RoutedSummary, type StanceLike } from './route.ts'

export type Asked = 'accepts' | 'rejects'

export interface StanceQuestion {
  /** 'Who rejected…' lists factions; 'Did X reject…' asks yes or no of one. */
  form: 'list' | 'yes-no'
  asks: Asked
  /** The faction a yes-no question is about, as asked. */
  faction: string | null
  /** The deal as the question names it ('the Sochi memorandum', 'the agreement'). */
  agreement: string
}

const DEAL_WORD = `(?:${[...DEAL_NOUNS, ...PROPOSAL_NOUNS].join('|')})s?`
const VERB = `(${ACCEPT}|${REJECT})\\w*`
const ADVERB = '(?:(?:also|still|ever|not|already|initially|first|finally|eventually|publicly|openly)\\s+)?'
/** 'Who rejected…', 'Which factions have accepted…', 'Which armed groups refused…'. */
const LIST_QUESTION = new RegExp(
  `^(?:who|which\\s+(?:[\\w-]+\\s+){0,2}?(?:factions?|groups?|parties|sides|rebels?|brigades?|movements?|organi[sz]ations?|militias?))\\s+(?:(?:has|have|had|did|do|does)\\s+)?${ADVERB}${VERB}\\s+(?:to\\s+)?(.+)$`,
  'i',
)
/** 'Did Jaysh al-Izza accept the Sochi deal?', 'Has Faylaq al-Sham rejected the agreement?'. */
const YES_NO_QUESTION = new RegExp(
  `^(?:did|does|do|has|have|had|is|are|was|were|will|would)\\s+(.+?)\\s+${ADVERB}${VERB}\\s+(?:to\\s+)?(.+)$`,
  'i',
)
const NAMES_A_DEAL = new RegExp(`\\b${DEAL_WORD}\\b|\\b(?:it|this|that)$`, 'i')
const REJECTING = new RegExp(`^(?:${REJECT})`, 'i')

/** The stance question a query asks, or null: it must name a deal ('the agreement', 'the Sochi memorandum'). */
export function parseStanceQuestion(query: string): StanceQuestion | null {
  const q = query.trim().replace(/[?!.\s]+$/, '')
  const list = LIST_QUESTION.exec(q)
  if (list?.[1] && list[2] && NAMES_A_DEAL.test(list[2]))
    return { form: 'list', asks: asksOf(list[1]), faction: null, agreement: list[2].trim() }
  const yesNo = YES_NO_QUESTION.exec(q)
  if (
    yesNo?.[1] &&
    yesNo[2] &&
    yesNo[3] &&
    NAMES_A_DEAL.test(yesNo[3]) &&
    !/^(?:there|it|this|that)$/i.test(yesNo[1])
  )
    return {
      form: 'yes-no',
      asks: asksOf(yesNo[2]),
      faction: yesNo[1].replace(/^(?:the\s+)?(?:(?:armed\s+)?(?:faction|group|movement)\s+)?/i, '').trim(),
      agreement: yesNo[3].trim(),
    }
  return null
}

function asksOf(verb: string): Asked {
  return REJECTING.test(verb) ? 'rejects' : 'accepts'
}

type Evidence = StanceLike['evidence'][number]

export interface FactionOnAgreement {
  name: string
  stance: 'accepts' | 'rejects' | 'mixed'
  evidence: Evidence[]
}

/** ask's answer to a stance question, in full (the `routed` field). */
export interface AgreementStances {
  /** The deal the answer is scoped to; null when the question names none in particular. */
  agreement: string | null
  asks: Asked
  form: 'list' | 'yes-no'
  /** Every faction with evidence about the deal, those that did what was asked first. */
  factions: FactionOnAgreement[]
  /** For a yes-no question: the faction and the verdict. */
  faction: string | null
  verdict: 'yes' | 'no' | 'mixed' | 'unknown' | null
  suggestions: string[]
}

export type StanceFunction = (kb: KnowledgeBase, query: string) => StanceLike

/** Words of a deal's name that name no deal in particular: 'the agreement', 'this deal'. */
const GENERIC_DEAL = new RegExp(
  `^(?:(?:the|this|that|a|an|it|its|their|proposed|latest|new|recent|local|reconciliation)\\s*|${DEAL_WORD}\\s*)+$`,
  'i',
)

/**
 * The agreement a question names: the one the corpus knows best (most articles) among those its
 * words find. Null for 'the agreement'; undefined when the words find none.
 */
function agreementNamed(
  kb: KnowledgeBase,
  phrase: string,
): { name: string; articles: string[] } | null | undefined {
  if (GENERIC_DEAL.test(phrase.trim())) return null
  const found = findAgreements(kb, phrase)
  if (!found.length) return undefined
  return [...found].sort((a, b) => b.articles.length - a.articles.length)[0]
}

/** Evidence about this agreement: by the agreement it names, else by the article it stands in. */
function about(e: Evidence, agreement: { name: string; articles: string[] } | null): boolean {
  if (!agreement) return true
  if (e.agreement !== undefined) return e.agreement === agreement.name
  return agreement.articles.includes(e.citation.article)
}

function stanceOf(evidence: Evidence[]): FactionOnAgreement['stance'] {
  const accepts = evidence.some((e) => e.stance === 'accepts')
  const rejects = evidence.some((e) => e.stance === 'rejects')
  return accepts && rejects ? 'mixed' : accepts ? 'accepts' : 'rejects'
}

const MAX_CITATIONS = 10

/** The answer to a stance question from the facts, scoped to the deal it names. */
export function answerStanceQuestion(
  kb: KnowledgeBase,
  sq: StanceQuestion,
  stance: StanceFunction,
): { summary: RoutedSummary; answer: AgreementStances } {
  const agreement = agreementNamed(kb, sq.agreement)
  const base: AgreementStances = {
    agreement: agreement?.name ?? null,
    asks: sq.asks,
    form: sq.form,
    factions: [],
    faction: null,
    verdict: sq.form === 'yes-no' ? 'unknown' : null,
    suggestions: [],
  }
  const none = { answer: null, confidence: 0, citations: [] }
  if (agreement === undefined)
    return { summary: none, answer: { ...base, suggestions: nearestAgreements(kb, sq.agreement) } }
  const deal = agreement ? `the ${agreement.name}` : sq.agreement.replace(/^(?:the\s+)?/i, 'the ')
  const verb = sq.asks === 'accepts' ? 'accepted' : 'rejected'
  if (sq.form === 'yes-no') {
    const answer = stance(kb, sq.faction ?? '')
    if (!answer.faction) return { summary: none, answer: { ...base, suggestions: answer.suggestions } }
    const evidence = answer.evidence.filter((e) => about(e, agreement))
    const name = answer.faction.name
    if (!evidence.length)
      return {
        summary: {
          answer: `The corpus does not say whether ${name} ${verb} ${deal}.`,
          confidence: 0.3,
          citations: [],
        },
        answer: { ...base, faction: name },
      }
    const s = stanceOf(evidence)
    const verdict = s === 'mixed' ? 'mixed' : s === sq.asks ? 'yes' : 'no'
    const said = {
      accepts: `accepted ${deal}`,
      rejects: `rejected ${deal}`,
      mixed: `both accepted and rejected ${deal}, by different accounts`,
    }[s]
    const lead = verdict === 'yes' ? 'Yes: ' : verdict === 'no' ? 'No: ' : ''
    return {
      summary: {
        answer: `${lead}${name} ${said}.`,
        confidence: s === 'mixed' ? 0.6 : Math.round(Math.min(0.95, 0.7 + 0.1 * evidence.length) * 100) / 100,
        citations: citationsOf(evidence),
      },
      answer: { ...base, faction: name, verdict, factions: [{ name, stance: s, evidence }] },
    }
  }
  const factions: FactionOnAgreement[] = []
  for (const record of kb.facts.factions) {
    if (record.kind !== 'group' || record.evidence.length === 0) continue
    const answer = stance(kb, record.name)
    const evidence = answer.evidence.filter((e) => about(e, agreement))
    if (evidence.length)
      factions.push({ name: answer.faction?.name ?? record.name, stance: stanceOf(evidence), evidence })
  }
  // Those that did what was asked first (a mixed record counts: it did, by some accounts), by evidence.
  const did = (f: FactionOnAgreement) => f.stance === sq.asks || f.stance === 'mixed'
  factions.sort((a, b) => Number(did(b)) - Number(did(a)) || b.evidence.length - a.evidence.length)
  const yes = factions.filter(did)
  if (!yes.length) return { summary: none, answer: { ...base, factions } }
  const names = yes.map((f) => (f.stance === 'mixed' ? `${f.name} (by some accounts)` : f.name))
  const others = factions.filter((f) => !did(f)).map((f) => f.name)
  const opposite = sq.asks === 'accepts' ? 'rejected' : 'accepted'
  const rest = others.length ? ` ${others.join(', ')} ${opposite} it.` : ''
  return {
    summary: {
      answer: `${capitalised(verb)} ${deal}: ${names.join(', ')}.${rest}`,
      confidence:
        Math.round(Math.min(0.9, 0.6 + 0.05 * yes.reduce((n, f) => n + f.evidence.length, 0)) * 100) / 100,
      citations: citationsOf(yes.flatMap((f) => f.evidence)),
    },
    answer: { ...base, factions },
  }
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

function citationsOf(evidence: Evidence[]): Citation[] {
  const seen = new Set<string>()
  const out: Citation[] = []
  for (const e of evidence) {
    const key = `${e.citation.article}#${e.citation.paragraph}:${e.citation.quote}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(e.citation)
    if (out.length >= MAX_CITATIONS) break
  }
  return out
}
