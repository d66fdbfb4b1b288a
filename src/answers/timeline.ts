import type { AgreementStatus } from '../extract/agreements.ts'
import type { Stance } from '../extract/stance-cues.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import type { Citation } from './citation.ts'
import { type StanceEvidence, stance } from './stance.ts'
import { type AgreementAnswer, terms } from './terms.ts'

/** What a mark on the timeline stands for: a stage the agreement reached, or a faction's stance. */
export type MarkKind = Exclude<AgreementStatus, 'unknown'> | Stance

export interface TimelineMark {
  /** The row it sits on: the agreement's name, or a faction's. */
  lane: string
  kind: MarkKind
  /** YYYY-MM-DD: the date the text gives, else the article's (see `dateFrom`). */
  date: string
  /** 'text' when the sentence dates it; 'article' when only the article's date places it. */
  dateFrom: 'text' | 'article'
  /** A few words: 'agreed', 'rejects: “refused”'. */
  label: string
  /** 1-based number of its citation in `citations`: the number drawn on the mark. */
  cite: number
}

export interface TimelineAnswer {
  command: 'timeline'
  query: string
  /** What the query named; null when nothing matched. */
  subject: { kind: 'agreement' | 'faction'; name: string } | null
  /** Rows, top to bottom: agreements first, then factions. */
  lanes: { name: string; kind: 'agreement' | 'faction' }[]
  /** Oldest first. */
  marks: TimelineMark[]
  /** The marks' sources, numbered in the order the marks first use them. */
  citations: Citation[]
  /** Events and evidence with no date at all, neither in the text nor on the article. */
  undated: number
  suggestions: string[]
}

/** More marks than this make an unreadable picture: the earliest are kept. */
export const MAX_MARKS = 40
/** Factions beyond this many (those with the most evidence first) are left off the picture. */
export const MAX_FACTION_LANES = 8

/** A mark before it is numbered. */
type Candidate = Omit<TimelineMark, 'cite'> & { citation: Citation }

function dated(date: string | null, citation: Citation): Pick<TimelineMark, 'date' | 'dateFrom'> | null {
  if (date) return { date, dateFrom: 'text' }
  return citation.date ? { date: citation.date, dateFrom: 'article' } : null
}

function evidenceMark(lane: string, e: StanceEvidence): Candidate | null {
  const when = dated(e.date, e.citation)
  return when
    ? { lane, kind: e.stance, ...when, label: `${e.stance}: “${e.cue}”`, citation: e.citation }
    : null
}

/**
 * timeline: what happened when, and who said what. For an agreement (by its name or place): each
 * stage it reached, and the stance evidence of every faction that the articles telling of it
 * quote. For a faction: its stance evidence over time, and the stages of the agreements those
 * articles tell of. Marks without any date are counted, not placed.
 */
export function timeline(kb: KnowledgeBase, query: string): TimelineAnswer {
  const base = { command: 'timeline' as const, query }
  const deals = terms(kb, query)
  const who = stance(kb, query)
  // A faction named exactly wins over a place that only shares a word with it ('al-Sham').
  const exactFaction = who.faction !== null && who.matched === 'name' && who.evidence.length > 0
  if (deals.agreements.length && !exactFaction) return agreementTimeline(kb, base, deals.agreements)
  if (who.faction && who.evidence.length) return factionTimeline(kb, base, who.faction.name, who.evidence)
  return {
    ...base,
    subject: who.faction ? { kind: 'faction', name: who.faction.name } : null,
    lanes: [],
    marks: [],
    citations: [],
    undated: 0,
    suggestions: [...new Set([...deals.suggestions, ...who.suggestions])].slice(0, 10),
  }
}

type Base = Pick<TimelineAnswer, 'command' | 'query'>

function finish(
  base: Base,
  subject: TimelineAnswer['subject'],
  lanes: TimelineAnswer['lanes'],
  candidates: (Candidate | null)[],
): TimelineAnswer {
  const marks = candidates.filter((m): m is Candidate => m !== null)
  const row = (m: Candidate) => lanes.findIndex((l) => l.name === m.lane)
  marks.sort((a, b) => a.date.localeCompare(b.date) || row(a) - row(b))
  const kept = marks.slice(0, MAX_MARKS)
  const used = new Set(kept.map((m) => m.lane))
  const citations: Citation[] = []
  const numbers = new Map<string, number>()
  const numbered = kept.map(({ citation, ...m }) => {
    const key = `${citation.article}#${citation.paragraph}:${citation.quote}`
    let n = numbers.get(key)
    if (!n) {
      citations.push(citation)
      n = citations.length
      numbers.set(key, n)
    }
    return { ...m, cite: n }
  })
  return {
    ...base,
    subject,
    lanes: lanes.filter((l) => used.has(l.name)),
    marks: numbered,
    citations,
    undated: candidates.length - marks.length,
    suggestions: [],
  }
}

function agreementTimeline(kb: KnowledgeBase, base: Base, answered: AgreementAnswer[]): TimelineAnswer {
  const names = answered.map((a) => a.name)
  const facts = kb.facts.agreements.filter((a) => names.includes(a.name))
  const articles = new Set(facts.flatMap((a) => a.articles))
  const marks: (Candidate | null)[] = []
  for (const a of answered)
    for (const e of a.events) {
      const when = dated(e.date, e.citation)
      marks.push(
        when ? { lane: a.name, kind: e.status, ...when, label: e.status, citation: e.citation } : null,
      )
    }
  // Factions whose evidence comes from the articles that tell of the agreement, most evidence first.
  const factions = kb.facts.factions
    .filter((f) => f.kind === 'group')
    .map((f) => ({
      f,
      n: f.evidence.filter((e) => articles.has(kb.passages.get(e.passageId)?.articleId ?? '')).length,
    }))
    .filter((x) => x.n > 0)
    .sort((x, y) => y.n - x.n || x.f.name.localeCompare(y.f.name))
    .slice(0, MAX_FACTION_LANES)
  for (const { f } of factions) {
    const own = stance(kb, f.name).evidence.filter((e) => articles.has(e.citation.article))
    for (const e of own) marks.push(evidenceMark(f.name, e))
  }
  const lanes = [
    ...answered.map((a) => ({ name: a.name, kind: 'agreement' as const })),
    ...factions.map(({ f }) => ({ name: f.name, kind: 'faction' as const })),
  ]
  const first = answered[0]
  return finish(base, first ? { kind: 'agreement', name: first.name } : null, lanes, marks)
}

function factionTimeline(
  kb: KnowledgeBase,
  base: Base,
  name: string,
  evidence: StanceEvidence[],
): TimelineAnswer {
  const marks: (Candidate | null)[] = evidence.map((e) => evidenceMark(name, e))
  // The agreements the same articles tell of, and the stages they reached.
  const articles = new Set(evidence.map((e) => e.citation.article))
  const deals = kb.facts.agreements.filter((a) => a.articles.some((id) => articles.has(id))).slice(0, 4)
  const lanes: TimelineAnswer['lanes'] = [{ name, kind: 'faction' }]
  for (const d of deals) {
    const a = terms(kb, d.name).agreements.find((x) => x.name === d.name)
    if (!a) continue
    lanes.push({ name: a.name, kind: 'agreement' })
    for (const e of a.events) {
      const when = dated(e.date, e.citation)
      marks.push(
        when ? { lane: a.name, kind: e.status, ...when, label: e.status, citation: e.citation } : null,
      )
    }
  }
  return finish(base, { kind: 'faction', name }, lanes, marks)
}
