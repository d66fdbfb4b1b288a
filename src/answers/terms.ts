import type { Agreement, AgreementEvent, AgreementStatus, TextRef } from '../extract/agreements.ts'
import { placeKey } from '../extract/places.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import { foldPhrase, foldWord } from '../text/normalize.ts'
import { type Citation, cite } from './citation.ts'
import { cleanQuery } from './query.ts'
import { nameScore } from './resolve.ts'

export interface TermAnswer {
  text: string
  category: string
  citations: Citation[]
}

export interface AgreementAnswer {
  name: string
  place: string | null
  /** Every place of its area, the main place first. */
  places: string[]
  date: string | null
  status: AgreementStatus
  broker: string | null
  parties: string[]
  /** What happened to it and when, each with the sentence that tells it. */
  events: { status: Exclude<AgreementStatus, 'unknown'>; date: string | null; citation: Citation }[]
  /** How many articles tell of it. */
  articles: number
  /** Grouped by category, in the order of TERM_CATEGORIES. */
  terms: TermAnswer[]
}

export interface TermsAnswer {
  command: 'terms'
  query: string
  agreements: AgreementAnswer[]
  /** Names of known agreements near the query, when nothing matched it. */
  suggestions: string[]
}

/** Words that say what kind of thing is asked for, not which: 'the Rastan deal' asks for 'Rastan'. */
const KIND_WORDS = new Set(
  'deal agreement truce ceasefire cease fire accord proposal reconciliation term terms peace settlement condition conditions local'
    .split(' ')
    .map(foldWord),
)

/** A match below this (a shared word with a longer name) is too weak to answer with. */
const MIN_SCORE = 0.5
const MAX_SUGGESTIONS = 5

/**
 * A name in its comparable form, without the words that only say 'an agreement' or 'a region':
 * 'the Rastan deal' → 'rastan', 'Homs Governorate' → 'homs'.
 */
export function agreementQuery(query: string): string {
  return placeKey(cleanQuery(query))
    .split(' ')
    .filter((w) => w && !KIND_WORDS.has(w))
    .join(' ')
}

/** How well a query names an agreement: by its name, its place, or any place of its area. */
function agreementScore(q: string, a: Agreement): number {
  return nameScore(q, {
    name: agreementQuery(a.place ?? a.name),
    variants: [a.name, ...a.places].map(agreementQuery),
  })
}

/**
 * The agreements a query names, best first: all that share the best score (a place two deals
 * share finds both). An empty query lists every agreement.
 */
export function findAgreements(kb: KnowledgeBase, query: string): Agreement[] {
  const all = kb.facts.agreements
  const q = agreementQuery(query)
  if (!q) return [...all]
  const scored = all.map((a) => ({ a, s: agreementScore(q, a) })).filter((x) => x.s >= MIN_SCORE)
  const best = Math.max(0, ...scored.map((x) => x.s))
  return scored.filter((x) => x.s === best).map((x) => x.a)
}

/** Letter pairs of a folded name, for how near a misspelt query comes to it. */
function bigrams(s: string): Set<string> {
  const out = new Set<string>()
  const t = ` ${s} `
  for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2))
  return out
}

function similarity(a: string, b: string): number {
  const x = bigrams(a)
  const y = bigrams(b)
  let shared = 0
  for (const g of x) if (y.has(g)) shared++
  return (2 * shared) / (x.size + y.size || 1)
}

/** The names of the agreements nearest to a query that matched none of them. */
export function nearestAgreements(kb: KnowledgeBase, query: string): string[] {
  const q = agreementQuery(query) || foldPhrase(query)
  return kb.facts.agreements
    .map((a) => ({
      name: a.name,
      s: Math.max(...[a.name, ...a.places].map((n) => similarity(q, agreementQuery(n)))),
    }))
    .sort((x, y) => y.s - x.s || x.name.localeCompare(y.name))
    .slice(0, MAX_SUGGESTIONS)
    .map((x) => x.name)
}

function citeRef(kb: KnowledgeBase, ref: TextRef): Citation | null {
  const passage = kb.passages.get(ref.passage)
  return passage ? cite(kb, passage, { start: ref.start, end: ref.end }) : null
}

/** The first telling of each stage the agreement reached (a dated one where there is one), in time order. */
function milestones(a: Agreement): AgreementEvent[] {
  const first = new Map<string, AgreementEvent>()
  for (const e of a.events) {
    const known = first.get(e.status)
    if (!known || (!known.date && e.date) || (known.date && e.date && e.date < known.date))
      first.set(e.status, e)
  }
  return [...first.values()].sort((x, y) => (x.date ?? '9999').localeCompare(y.date ?? '9999'))
}

function present(kb: KnowledgeBase, a: Agreement): AgreementAnswer {
  const cites = (refs: TextRef[]) => refs.flatMap((r) => citeRef(kb, r) ?? [])
  return {
    name: a.name,
    place: a.place,
    places: a.places,
    date: a.date,
    status: a.status,
    broker: a.broker,
    parties: a.parties,
    events: milestones(a).flatMap((e) => {
      const citation = citeRef(kb, e.ref)
      return citation ? [{ status: e.status, date: e.date, citation }] : []
    }),
    articles: a.articles.length,
    terms: a.terms
      .map((t) => ({ text: t.text, category: t.category, citations: cites(t.refs) }))
      .filter((t) => t.citations.length > 0),
  }
}

/**
 * terms: the terms of the agreement a query names (by its place, any place of its area, or its
 * name, in any spelling), each quoted and cited. No match: no agreement, and the nearest names.
 */
export function terms(kb: KnowledgeBase, query: string): TermsAnswer {
  const found = findAgreements(kb, query)
  return {
    command: 'terms',
    query,
    agreements: found.map((a) => present(kb, a)),
    suggestions: found.length ? [] : nearestAgreements(kb, query),
  }
}
