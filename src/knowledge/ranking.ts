import type MiniSearch from 'minisearch'
import type { SearchOptions } from 'minisearch'
import { INDEX_OPTIONS } from '../search/index-options.ts'

/**
 * MiniSearch's ranking, computed over typed arrays. MiniSearch scores a query by building one
 * result object (with its own term list and match record) for every posting of every query
 * term, then sorts them all: for a word found in half of 100k passages that is tens of
 * milliseconds and a hundred megabytes of garbage per query. Here the same BM25+ sums are added
 * into preallocated arrays, in MiniSearch's order (so that the floating-point results are the
 * same to the bit), and the postings are read straight from their packed bytes, never unpacked.
 * test/knowledge/ranking.test.ts checks it against MiniSearch's own `search`.
 */

/** MiniSearch's defaults for what SEARCH_OPTIONS leaves unset (minisearch/src/MiniSearch.ts). */
const DEFAULTS = { weights: { fuzzy: 0.45, prefix: 0.375 }, maxFuzzy: 6, bm25: { k: 1.2, b: 0.7, d: 0.5 } }

/** The most distinct query terms a ranking tracks (one bit each); a longer query is ranked by MiniSearch. */
export const MAX_RANKED_TERMS = 32

/** Term data as MiniSearch keeps it: field id → document short id → term frequency. */
export type FieldTermData = Map<number, Map<number, number>>

/** Postings still packed as bytes (LazyTermData): read without unpacking them. */
export interface PackedPostings {
  readonly materialised: boolean
  raw(): Uint8Array
}

/** What the ranking reads of the index (MiniSearch's own fields, passed by PassageIndex). */
export interface RankSource {
  index: MiniSearch['_index']
  documentIds: Map<number, unknown>
  fieldIds: Record<string, number>
  fieldLength: Map<number, number[]>
  avgFieldLength: number[]
  documentCount: number
  nextId: number
}

/** The documents a query matches, in MiniSearch's result order before its sort. */
export interface Ranking {
  /** The distinct query terms (the typed query's and the variants'); bit i of a mask is term i. */
  queryTerms: string[]
  count: number
  /** Document short ids. */
  docs: Int32Array
  /** MiniSearch's score (its relevance times the number of query terms matched). */
  scores: Float64Array
  /** Which query terms each document matched. */
  masks: Uint32Array
  /** For each of some hits (by position), the document terms it matched, fuzzy and prefix matches included (MiniSearch's `terms`). */
  matchedTerms(hits: number[]): Set<string>[]
}

/** One query term as MiniSearch expands it: the term itself, its prefix and fuzzy matches. */
interface Expansion {
  term: string
  weight: number
  data: FieldTermData
}

/** Reusable per-document arrays (one set per index size; a query never allocates per posting). */
class Scratch {
  readonly total: Float64Array
  readonly spec: Float64Array
  readonly masks: Uint32Array
  /** The query (by serial) that last touched a document in `total`, and in `spec`. */
  readonly seenTotal: Uint32Array
  readonly seenSpec: Uint32Array
  order: Int32Array
  specOrder: Int32Array
  /** Per field, each live document's length (-1: removed or absent), for the index state `state`. */
  lengths: Int32Array[] = []
  state = ''
  ids = new Int32Array(1024)
  freqs = new Int32Array(1024)
  serial = 0
  specSerial = 0
  specCount = 0

  constructor(readonly size: number) {
    this.total = new Float64Array(size)
    this.spec = new Float64Array(size)
    this.masks = new Uint32Array(size)
    this.seenTotal = new Uint32Array(size)
    this.seenSpec = new Uint32Array(size)
    this.order = new Int32Array(size)
    this.specOrder = new Int32Array(size)
  }

  /** Reads the field lengths again when documents were added or removed since the last query. */
  sync(source: RankSource, fieldIds: number[]): void {
    // add raises nextId, discard lowers documentCount: the pair names the index's state.
    const state = `${source.nextId}/${source.documentCount}`
    if (state === this.state) return
    this.lengths = fieldIds.map(() => new Int32Array(this.size).fill(-1))
    for (const [doc, lengths] of source.fieldLength) {
      if (!source.documentIds.has(doc)) continue
      for (const [f, id] of fieldIds.entries()) {
        const target = this.lengths[f]
        if (target) target[doc] = lengths[id] ?? 0
      }
    }
    this.state = state
  }

  /** A term's postings in one field, into `ids` and `freqs`; returns how many. */
  read(data: FieldTermData, fieldId: number): number {
    const packed = data as unknown as Partial<PackedPostings>
    if (typeof packed.raw === 'function' && packed.materialised === false)
      return this.#readBytes(packed.raw(), fieldId)
    const docs = data.get(fieldId)
    if (!docs) return 0
    this.#room(docs.size)
    let n = 0
    for (const [id, freq] of docs) {
      this.ids[n] = id
      this.freqs[n++] = freq
    }
    return n
  }

  #readBytes(bytes: Uint8Array, fieldId: number): number {
    let pos = 0
    const uint = () => {
      let n = 0
      let scale = 1
      for (;;) {
        const b = bytes[pos++] ?? 0
        n += (b & 0x7f) * scale
        if (b < 0x80) return n
        scale *= 0x80
      }
    }
    for (let fields = uint(); fields > 0; fields--) {
      const id = uint()
      const count = uint()
      if (id !== fieldId) {
        for (let k = 0; k < count * 2; k++) uint()
        continue
      }
      this.#room(count)
      let doc = 0
      for (let k = 0; k < count; k++) {
        doc += uint()
        this.ids[k] = doc
        this.freqs[k] = uint()
      }
      return count
    }
    return 0
  }

  #room(n: number): void {
    if (n <= this.ids.length) return
    let size = this.ids.length
    while (size < n) size *= 2
    this.ids = new Int32Array(size)
    this.freqs = new Int32Array(size)
  }
}

const scratchOf = new WeakMap<object, Scratch>()

function scratchFor(owner: object, size: number): Scratch {
  let s = scratchOf.get(owner)
  if (!s || s.size < size) {
    s = new Scratch(Math.max(size, Math.ceil((s?.size ?? 0) * 1.25)))
    scratchOf.set(owner, s)
  } else if (s.serial >= 0xfffffff0) {
    s = new Scratch(s.size)
    scratchOf.set(owner, s)
  }
  return s
}

/**
 * Ranks as `index.search({ combineWith: 'OR', queries: [query, ...variants] })` does with the
 * index's search options, each variant searched for all its words, exactly (`combineWith: 'AND'`,
 * no fuzzy or prefix). Null when the query has more than MAX_RANKED_TERMS distinct terms.
 *
 * One difference: a document removed from the index (`discard`) is skipped and not counted in a
 * term's document frequency; MiniSearch counts it until a search first meets it.
 */
export function rank(source: RankSource, owner: object, query: string, variants: string[]): Ranking | null {
  const options: SearchOptions = INDEX_OPTIONS.searchOptions ?? {}
  const terms = processed(query)
  const variantTerms = variants.map(processed)
  const queryTerms = [...new Set([...terms, ...variantTerms.flat()])]
  if (queryTerms.length > MAX_RANKED_TERMS) return null
  const bit = (t: string) => 1 << queryTerms.indexOf(t)

  const s = scratchFor(owner, source.nextId)
  const serial = ++s.serial
  let count = 0
  const fields = (INDEX_OPTIONS.fields ?? []).map((f) => ({
    id: source.fieldIds[f] ?? -1,
    boost: (options.boost as Record<string, number> | undefined)?.[f] || 1,
  }))
  const { k, b, d } = { ...DEFAULTS.bm25, ...options.bm25 }
  const N = source.documentCount
  s.sync(
    source,
    fields.map((f) => f.id),
  )

  /** MiniSearch's termResults: adds one expansion's scores into `spec`, recording first touches. */
  const score = (e: Expansion) => {
    for (const [f, field] of fields.entries()) {
      const n = s.read(e.data, field.id)
      if (n === 0) continue
      const lengths = s.lengths[f] as Int32Array
      let matching = n
      for (let i = 0; i < n; i++) if ((lengths[s.ids[i] ?? 0] ?? -1) < 0) matching--
      const idf = Math.log(1 + (N - matching + 0.5) / (matching + 0.5))
      const avg = source.avgFieldLength[field.id] ?? 0
      for (let i = 0; i < n; i++) {
        const doc = s.ids[i] ?? 0
        const length = lengths[doc] ?? -1
        if (length < 0) continue
        const tf = s.freqs[i] ?? 0
        const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / avg)))
        const weighted = e.weight * field.boost * raw
        if (s.seenSpec[doc] !== s.specSerial) {
          s.seenSpec[doc] = s.specSerial
          s.spec[doc] = weighted
          s.specOrder[s.specCount++] = doc
        } else s.spec[doc] = (s.spec[doc] ?? 0) + weighted
      }
    }
  }
  /** Folds the spec's results into the total, as MiniSearch's OR combines result maps. */
  const foldOr = (mask: number) => {
    for (let i = 0; i < s.specCount; i++) {
      const doc = s.specOrder[i] ?? 0
      if (s.seenTotal[doc] !== serial) {
        s.seenTotal[doc] = serial
        s.total[doc] = s.spec[doc] ?? 0
        s.masks[doc] = mask
        s.order[count++] = doc
      } else {
        s.total[doc] = (s.total[doc] ?? 0) + (s.spec[doc] ?? 0)
        s.masks[doc] = (s.masks[doc] ?? 0) | mask
      }
    }
  }
  const newSpec = () => {
    s.specSerial = ++s.serial
    s.specCount = 0
  }

  const expansions: Expansion[] = []
  for (const [i, term] of terms.entries()) {
    newSpec()
    for (const e of expand(source, options, term, i, terms)) {
      expansions.push(e)
      score(e)
    }
    foldOr(bit(term))
  }
  // Each variant: every word must match; MiniSearch's AND keeps the last word's order.
  const variantWords: string[][] = []
  for (const words of variantTerms) {
    if (words.length === 0) continue
    // In order of first touch, as MiniSearch's result maps.
    let sums = new Map<number, number>()
    let mask = 0
    for (const [j, word] of words.entries()) {
      mask |= bit(word)
      newSpec()
      const data = source.index.get(word)
      if (data) score({ term: word, weight: 1, data })
      const next = new Map<number, number>()
      for (let i = 0; i < s.specCount; i++) {
        const doc = s.specOrder[i] ?? 0
        const before = j === 0 ? 0 : sums.get(doc)
        if (before !== undefined) next.set(doc, j === 0 ? (s.spec[doc] ?? 0) : before + (s.spec[doc] ?? 0))
      }
      sums = next
      if (sums.size === 0) break
    }
    variantWords.push(words)
    newSpec()
    for (const [doc, sum] of sums) {
      s.spec[doc] = sum
      s.seenSpec[doc] = s.specSerial
      s.specOrder[s.specCount++] = doc
    }
    foldOr(mask)
  }

  const docs = s.order.slice(0, count)
  const scores = new Float64Array(count)
  const masks = new Uint32Array(count)
  for (let i = 0; i < count; i++) {
    const doc = docs[i] ?? 0
    const mask = s.masks[doc] ?? 0
    masks[i] = mask
    scores[i] = (s.total[doc] ?? 0) * (popcount(mask) || 1)
  }
  return {
    queryTerms,
    count,
    docs,
    scores,
    masks,
    matchedTerms: (hits) => {
      const at = new Map<number, number>()
      for (const [k, i] of hits.entries()) at.set(docs[i] ?? -1, k)
      const out = hits.map(() => new Set<string>())
      /** The positions (in `hits`) of the hits whose document holds a term. */
      const holders = (data: FieldTermData | undefined): Set<number> => {
        const found = new Set<number>()
        if (!data) return found
        for (const field of fields) {
          const n = s.read(data, field.id)
          for (let j = 0; j < n; j++) {
            const k = at.get(s.ids[j] ?? -1)
            if (k !== undefined) found.add(k)
          }
        }
        return found
      }
      for (const e of expansions) for (const k of holders(e.data)) out[k]?.add(e.term)
      for (const words of variantWords) {
        const held = words.map((w) => holders(source.index.get(w)))
        for (const k of hits.keys()) if (held.every((h) => h.has(k))) for (const w of words) out[k]?.add(w)
      }
      return out
    },
  }
}

/** The query's terms as MiniSearch reads them (the index's tokenizer and term processing). */
function processed(query: string): string[] {
  const { tokenize, processTerm } = INDEX_OPTIONS
  if (!tokenize || !processTerm) return []
  const out: string[] = []
  for (const token of tokenize(query)) {
    const t = processTerm(token)
    if (typeof t === 'string' && t) out.push(t)
  }
  return out
}

/** MiniSearch's executeQuerySpec: the term, then its prefix matches, then its fuzzy matches. */
function expand(
  source: RankSource,
  options: SearchOptions,
  term: string,
  i: number,
  terms: string[],
): Expansion[] {
  const weights = { ...DEFAULTS.weights, ...options.weights }
  const out: Expansion[] = []
  const exact = source.index.get(term)
  if (exact) out.push({ term, weight: 1, data: exact })
  const prefix =
    typeof options.prefix === 'function' ? options.prefix(term, i, terms) : options.prefix === true
  const fuzzy = typeof options.fuzzy === 'function' ? options.fuzzy(term, i, terms) : (options.fuzzy ?? false)
  const prefixMatches = prefix ? source.index.atPrefix(term) : null
  let fuzzyMatches: Map<string, [FieldTermData, number]> | null = null
  if (fuzzy) {
    const f = fuzzy === true ? 0.2 : fuzzy
    const maxFuzzy = options.maxFuzzy ?? DEFAULTS.maxFuzzy
    const distance = f < 1 ? Math.min(maxFuzzy, Math.round(term.length * f)) : f
    if (distance) fuzzyMatches = source.index.fuzzyGet(term, distance)
  }
  if (prefixMatches) {
    for (const [t, data] of prefixMatches) {
      const distance = t.length - term.length
      if (!distance) continue
      fuzzyMatches?.delete(t)
      out.push({ term: t, weight: (weights.prefix * t.length) / (t.length + 0.3 * distance), data })
    }
  }
  if (fuzzyMatches) {
    for (const [t, [data, distance]] of fuzzyMatches) {
      if (!distance) continue
      out.push({ term: t, weight: (weights.fuzzy * t.length) / (t.length + distance), data })
    }
  }
  return out
}

function popcount(n: number): number {
  let c = 0
  for (let m = n >>> 0; m; m &= m - 1) c++
  return c
}
