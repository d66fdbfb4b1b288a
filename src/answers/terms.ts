import { agreementQuery } from '../extract/agreement-keys.ts'
import type {
  Agreement,
  AgreementEvent,
  AgreementStatus,
  TermStatus,
  TermVersion,
  TextRef,
} from '../extract/agreements.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import { foldPhrase } from '../text/normalize.ts'
import { type Citation, cite } from './citation.ts'

export interface TermAnswer {
  text: string
  category: string
  /** Put on the table, agreed or carried out; unknown when the articles do not say. */
  status: TermStatus
  /** The version of the deal it belongs to: the proposal's or the agreement's. */
  version: TermVersion
  /** The id of the rule that found it. */
  rule: string
  citations: Citation[]
}

/** An agreement as answered: what the corpus tells of it (see Agreement), its sentences cited. */
export interface AgreementAnswer
  extends Pick<Agreement, 'name' | 'place' | 'places' | 'date' | 'status' | 'broker' | 'parties'> {
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

/** A match below this (a shared word with a longer name) is too weak to answer with. */
const MIN_SCORE = 0.5
const MAX_SUGGESTIONS = 5

/**
 * The names of a corpus's agreements, laid out so that a query is matched without looking at
 * every agreement: the folded names joined in one string (a name that holds the query is found
 * by one substring search), the names each word is part of, and the names each letter pair is
 * part of (for suggestions). Built once per merge of the facts.
 */
interface NameIndex {
  /** Every match key once. */
  keys: string[]
  /** For each key, the agreements (positions in the facts) it names. */
  holders: number[][]
  /** '\n' + the keys joined by '\n' + '\n'; a folded query holds no '\n'. */
  joined: string
  /** Where each key starts in `joined`. */
  starts: number[]
  /** Each word → the keys holding it. */
  byWord: Map<string, number[]>
  /** How many different words each key has. */
  wordCounts: number[]
  /** The `near` names once each, with their agreements, letter pairs and the keys by letter pair. */
  near: string[]
  nearHolders: number[][]
  nearSizes: number[]
  byBigram: Map<string, number[]>
  /** Agreement positions in the order of their names (ties in corpus order). */
  byName: number[]
}

const indexes = new WeakMap<Agreement[], NameIndex>()

function indexOf(all: Agreement[]): NameIndex {
  const known = indexes.get(all)
  if (known) return known
  const keyIds = new Map<string, number>()
  const nearIds = new Map<string, number>()
  const index: NameIndex = {
    keys: [],
    holders: [],
    joined: '',
    starts: [],
    byWord: new Map(),
    wordCounts: [],
    near: [],
    nearHolders: [],
    nearSizes: [],
    byBigram: new Map(),
    byName: all.map((_, i) => i).sort((i, j) => (all[i]?.name ?? '').localeCompare(all[j]?.name ?? '')),
  }
  const post = (map: Map<string, number[]>, k: string, id: number) => {
    const list = map.get(k)
    if (list) list.push(id)
    else map.set(k, [id])
  }
  for (const [i, a] of all.entries()) {
    for (const key of a.keys.match) {
      let id = keyIds.get(key)
      if (id === undefined) {
        id = index.keys.length
        keyIds.set(key, id)
        index.keys.push(key)
        index.holders.push([])
        const words = new Set(key.split(' '))
        index.wordCounts.push(words.size)
        for (const w of words) post(index.byWord, w, id)
      }
      index.holders[id]?.push(i)
    }
    for (const name of a.keys.near) {
      if (!name) continue // like no name: it shares no letter pair with a query
      let id = nearIds.get(name)
      if (id === undefined) {
        id = index.near.length
        nearIds.set(name, id)
        index.near.push(name)
        index.nearHolders.push([])
        const pairs = bigrams(name)
        index.nearSizes.push(pairs.size)
        for (const g of pairs) post(index.byBigram, g, id)
      }
      index.nearHolders[id]?.push(i)
    }
  }
  let at = 1
  for (const key of index.keys) {
    index.starts.push(at)
    at += key.length + 1
  }
  index.joined = `\n${index.keys.join('\n')}\n`
  indexes.set(all, index)
  return index
}

/** The position of the key that holds offset `at` of the joined keys. */
function keyAt(starts: readonly number[], at: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((starts[mid] ?? 0) <= at) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * How well a folded query names each key, as `nameScore` scores a name: 4 the same, 3 a prefix,
 * 2 inside it; else the share of words in common. Only keys that score are in the map.
 */
function keyScores(index: NameIndex, q: string): Map<number, number> {
  const scores = new Map<number, number>()
  for (let at = index.joined.indexOf(q); at !== -1; ) {
    const k = keyAt(index.starts, at)
    const start = index.starts[k] ?? 0
    const key = index.keys[k] ?? ''
    scores.set(k, at === start ? (q.length === key.length ? 4 : 3) : 2)
    at = index.joined.indexOf(q, start + key.length + 1)
  }
  if (scores.size) return scores // a word overlap (at most 1) never beats a name that holds the query
  const qs = q.split(' ')
  const shared = new Map<number, number>()
  for (const w of qs) for (const k of index.byWord.get(w) ?? []) shared.set(k, (shared.get(k) ?? 0) + 1)
  for (const [k, n] of shared) scores.set(k, n / Math.max(qs.length, index.wordCounts[k] ?? 0))
  return scores
}

/**
 * The agreements a query names (by its place, any place of its area, or its name), best first:
 * all that share the best score (a place two deals share finds both). An empty query lists every
 * agreement.
 */
export function findAgreements(kb: KnowledgeBase, query: string): Agreement[] {
  const all = kb.facts.agreements
  const asked = agreementQuery(query)
  if (!asked) return [...all]
  const q = foldPhrase(asked)
  if (!q) return []
  const index = indexOf(all)
  const best = new Map<number, number>()
  for (const [k, s] of keyScores(index, q))
    for (const i of index.holders[k] ?? []) if (s > (best.get(i) ?? 0)) best.set(i, s)
  let top = 0
  for (const s of best.values()) if (s >= MIN_SCORE && s > top) top = s
  if (top === 0) return []
  return [...best]
    .filter(([, s]) => s === top)
    .map(([i]) => i)
    .sort((i, j) => i - j)
    .flatMap((i) => all[i] ?? [])
}

/** How many agreements a query that names none lists to choose from. */
const MAX_LISTED = 25

/** The names of the agreements most reported on, for a query that names none. */
function agreementNames(kb: KnowledgeBase): string[] {
  return [...kb.facts.agreements]
    .sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name))
    .slice(0, MAX_LISTED)
    .map((a) => a.name)
}

/** Letter pairs of a folded name, for how near a misspelt query comes to it. */
function bigrams(s: string): Set<string> {
  const out = new Set<string>()
  const t = ` ${s} `
  for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2))
  return out
}

/** The names of the agreements nearest to a query that matched none of them: most letter pairs in common. */
export function nearestAgreements(kb: KnowledgeBase, query: string): string[] {
  const all = kb.facts.agreements
  const index = indexOf(all)
  const pairs = bigrams(agreementQuery(query) || foldPhrase(query))
  const shared = new Map<number, number>()
  for (const g of pairs) for (const n of index.byBigram.get(g) ?? []) shared.set(n, (shared.get(n) ?? 0) + 1)
  const similarity = new Map<number, number>()
  for (const [n, count] of shared) {
    const s = (2 * count) / (pairs.size + (index.nearSizes[n] ?? 0) || 1)
    for (const i of index.nearHolders[n] ?? []) if (s > (similarity.get(i) ?? 0)) similarity.set(i, s)
  }
  const nameOf = (i: number) => all[i]?.name ?? ''
  const near = [...similarity.keys()]
    .sort((i, j) => i - j)
    .sort((i, j) => (similarity.get(j) ?? 0) - (similarity.get(i) ?? 0) || nameOf(i).localeCompare(nameOf(j)))
  // Names that share no letter pair with the query come after, by name.
  for (const i of index.byName) {
    if (near.length >= MAX_SUGGESTIONS) break
    if (!similarity.has(i)) near.push(i)
  }
  return near.slice(0, MAX_SUGGESTIONS).map(nameOf)
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
      .map((t) => ({
        text: t.text,
        category: t.category,
        status: t.status,
        version: t.version,
        rule: t.rule,
        citations: cites(t.refs),
      }))
      .filter((t) => t.citations.length > 0),
  }
}

/**
 * Each agreement as answered, once per merge of the facts (the knowledge base changes only with
 * them): a query of only common words lists every agreement, hundreds on a large corpus, and
 * quoting them all again each time took a hundred milliseconds. Answers share these objects.
 */
const answered = new WeakMap<Agreement[], Map<Agreement, AgreementAnswer>>()

function answerOf(kb: KnowledgeBase, a: Agreement): AgreementAnswer {
  let known = answered.get(kb.facts.agreements)
  if (!known) {
    known = new Map()
    answered.set(kb.facts.agreements, known)
  }
  let out = known.get(a)
  if (!out) {
    out = present(kb, a)
    known.set(a, out)
  }
  return out
}

/**
 * terms: the terms of the agreement a query names (by its place, any place of its area, or its
 * name, in any spelling), each quoted and cited. No match: no agreement, and the nearest names.
 */
export function terms(kb: KnowledgeBase, query: string): TermsAnswer {
  // A query that names no place or agreement ('the deal') gets the agreements to choose from,
  // not the terms of all of them at once.
  if (!agreementQuery(query))
    return { command: 'terms', query, agreements: [], suggestions: agreementNames(kb) }
  const found = findAgreements(kb, query)
  return {
    command: 'terms',
    query,
    agreements: found.map((a) => answerOf(kb, a)),
    suggestions: found.length ? [] : nearestAgreements(kb, query),
  }
}
