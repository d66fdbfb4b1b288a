import MiniSearch from 'minisearch'
import { INDEX_OPTIONS, type IndexedPassage } from '../search/index-options.ts'
import { type Ranking, rank } from './ranking.ts'

/**
 * The passage index: a MiniSearch that can also be built in bulk and stored compactly.
 *
 * MiniSearch's own `addAll` walks its radix tree once per word occurrence, and its JSON form
 * turns every posting into an object key; at 100k passages that means a build of half a minute
 * and a cache load of seconds. Here the postings are gathered in plain hash maps (the tree is
 * touched once per distinct term) and stored as varints. The result is the same index as
 * `addAll` would give (test/knowledge/passage-index.test.ts compares them), so searching and
 * updating one article (`add`, `discard`) are MiniSearch's own.
 */
export class PassageIndex extends MiniSearch<IndexedPassage> {
  constructor() {
    super(INDEX_OPTIONS)
  }

  /** The index of `docs`, built in bulk. */
  static build(docs: Iterable<IndexedPassage>): PassageIndex {
    const builder = new IndexBuilder()
    for (const d of docs) builder.add(d)
    return builder.finish()
  }

  /**
   * The passages matching `query` or any of the `variants` (each with all its words), as
   * `search({ combineWith: 'OR', queries: [query, ...variants] })` ranks them but without building
   * a result object per passage (see ranking.ts). Null when the query has too many terms for it.
   */
  rank(query: string, variants: string[] = []): Ranking | null {
    return rank(
      {
        index: this._index,
        documentIds: this._documentIds,
        fieldIds: this._fieldIds,
        fieldLength: this._fieldLength,
        avgFieldLength: this._avgFieldLength,
        documentCount: this._documentCount,
        nextId: this._nextId,
      },
      this,
      query,
      variants,
    )
  }

  /** The passage id of a document short id (as a Ranking gives them). */
  passageId(shortId: number): string | undefined {
    return this._documentIds.get(shortId)
  }

  /**
   * In how many passages a search term occurs, in its most frequent field (passages removed
   * since the last vacuum included, as in MiniSearch's own scoring); read without unpacking postings.
   */
  documentFrequency(term: string): number {
    const data = this._index.get(term)
    if (!data) return 0
    if (data instanceof LazyTermData && !data.materialised)
      return data.packedFieldSizes().reduce((a, b) => Math.max(a, b), 0)
    let most = 0
    for (const docs of data.values()) most = Math.max(most, docs.size)
    return most
  }

  /** The index as bytes, for the cache; `decode` reads them back. */
  encode(): Uint8Array {
    const out = new VarintWriter()
    const fields = INDEX_OPTIONS.fields
    out.json({
      documentCount: this._documentCount,
      nextId: this._nextId,
      fieldIds: this._fieldIds,
      avgFieldLength: this._avgFieldLength,
      dirtCount: this._dirtCount,
      documentIds: [...this._documentIds],
    })
    out.uint(this._fieldLength.size)
    for (const [shortId, lengths] of this._fieldLength) {
      out.uint(shortId)
      for (let f = 0; f < fields.length; f++) out.uint((lengths[f] ?? -1) + 1)
    }
    const terms: string[] = []
    for (const [term] of this._index) terms.push(term)
    out.json(terms)
    const scratch = new VarintWriter()
    for (const [, data] of this._index) {
      if (data instanceof LazyTermData && !data.materialised) out.block(data.raw())
      else out.block(encodeTermData(data, scratch))
    }
    return out.bytes()
  }

  /** Reads an index written by `encode`; throws on bytes that are not one. */
  static decode(source: Uint8Array): PassageIndex {
    // A copy: the postings keep referring to these bytes, and must not keep a whole file alive.
    const bytes = new Uint8Array(source)
    const input = new VarintReader(bytes)
    const head = input.json() as {
      documentCount: number
      nextId: number
      fieldIds: Record<string, number>
      avgFieldLength: number[]
      dirtCount: number
      documentIds: [number, string][]
    }
    const index = new PassageIndex()
    index._documentCount = head.documentCount
    index._nextId = head.nextId
    index._fieldIds = head.fieldIds
    index._avgFieldLength = head.avgFieldLength
    index._dirtCount = head.dirtCount
    index._documentIds = new Map(head.documentIds)
    index._idToShortId = new Map(head.documentIds.map(([shortId, id]) => [id, shortId]))
    const fieldCount = INDEX_OPTIONS.fields.length
    for (let n = input.uint(); n > 0; n--) {
      const shortId = input.uint()
      const lengths: number[] = []
      for (let f = 0; f < fieldCount; f++) {
        const length = input.uint() - 1
        if (length >= 0) lengths[f] = length
      }
      index._fieldLength.set(shortId, lengths)
    }
    const terms = input.json() as string[]
    for (const term of terms) {
      const [start, end] = input.block()
      index._index.set(term, new LazyTermData(bytes, start, end))
    }
    if (!input.done()) throw new Error('passage index: trailing bytes')
    return index
  }

  /** Fills this (empty) index with postings gathered by an IndexBuilder. */
  fill(state: BuilderState): this {
    this._documentCount = state.documentIds.length
    this._nextId = state.documentIds.length
    for (const [shortId, id] of state.documentIds.entries()) {
      this._documentIds.set(shortId, id)
      this._idToShortId.set(id, shortId)
    }
    for (const [shortId, lengths] of state.fieldLengths.entries()) this._fieldLength.set(shortId, lengths)
    this._avgFieldLength = state.avgFieldLength
    // The postings go in as bytes, like a cache load: a built index takes as little memory as a loaded one.
    const out = new VarintWriter()
    const spans: [string, number, number][] = []
    for (const [term, fields] of state.postings) {
      const start = out.length
      out.uint(fields.filter(Boolean).length)
      for (const [fieldId, list] of fields.entries()) {
        if (!list) continue
        out.uint(fieldId)
        out.uint(list.length / 2)
        let previous = 0
        for (let i = 0; i < list.length; i += 2) {
          out.uint((list[i] ?? 0) - previous)
          out.uint(list[i + 1] ?? 0)
          previous = list[i] ?? 0
        }
      }
      spans.push([term, start, out.length])
    }
    const bytes = out.bytes().slice()
    for (const [term, start, end] of spans) this._index.set(term, new LazyTermData(bytes, start, end))
    return this
  }
}

/** One term's postings as bytes: the number of fields, then per field its id, count and (id delta, frequency) pairs. */
function encodeTermData(data: Map<number, Map<number, number>>, out: VarintWriter): Uint8Array {
  out.reset()
  out.uint(data.size)
  for (const [fieldId, freqs] of data) {
    out.uint(fieldId)
    out.uint(freqs.size)
    let previous = 0
    // Ascending ids make small deltas; MiniSearch adds them in ascending order anyway.
    for (const id of [...freqs.keys()].sort((a, b) => a - b)) {
      out.uint(id - previous)
      out.uint(freqs.get(id) ?? 0)
      previous = id
    }
  }
  return out.bytes()
}

/**
 * A term's postings (field id → document id → frequency), kept as bytes until first used: a
 * loaded index holds one small object per term instead of millions of map entries, and only the
 * terms that queries reach are ever unpacked. Any use unpacks it into the Map it then is, so
 * MiniSearch's reads and updates (add, discard, vacuum) work on it unchanged.
 */
export class LazyTermData extends Map<number, Map<number, number>> {
  #bytes: Uint8Array | null
  readonly #start: number
  readonly #end: number

  constructor(bytes: Uint8Array, start: number, end: number) {
    super()
    this.#bytes = bytes
    this.#start = start
    this.#end = end
  }

  get materialised(): boolean {
    return this.#bytes === null
  }

  /** The number of postings in each field, read from the bytes. */
  packedFieldSizes(): number[] {
    const input = new VarintReader(this.raw())
    const sizes: number[] = []
    for (let fields = input.uint(); fields > 0; fields--) {
      input.uint()
      const count = input.uint()
      sizes.push(count)
      if (fields > 1) for (let k = 0; k < count * 2; k++) input.uint()
    }
    return sizes
  }

  /** The bytes, while not unpacked. */
  raw(): Uint8Array {
    if (!this.#bytes) throw new Error('passage index: postings already unpacked')
    return this.#bytes.subarray(this.#start, this.#end)
  }

  #unpack(): void {
    const bytes = this.#bytes
    if (!bytes) return
    this.#bytes = null
    const input = new VarintReader(bytes.subarray(this.#start, this.#end))
    for (let fields = input.uint(); fields > 0; fields--) {
      const fieldId = input.uint()
      const freqs = new Map<number, number>()
      let id = 0
      for (let n = input.uint(); n > 0; n--) {
        id += input.uint()
        freqs.set(id, input.uint())
      }
      super.set(fieldId, freqs)
    }
  }

  override get size(): number {
    this.#unpack()
    return super.size
  }
  override get(key: number) {
    this.#unpack()
    return super.get(key)
  }
  override has(key: number): boolean {
    this.#unpack()
    return super.has(key)
  }
  override set(key: number, value: Map<number, number>): this {
    this.#unpack()
    return super.set(key, value)
  }
  override delete(key: number): boolean {
    this.#unpack()
    return super.delete(key)
  }
  override clear(): void {
    this.#bytes = null
    super.clear()
  }
  override forEach(
    fn: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void,
    thisArg?: unknown,
  ): void {
    this.#unpack()
    super.forEach(fn, thisArg)
  }
  override keys() {
    this.#unpack()
    return super.keys()
  }
  override values() {
    this.#unpack()
    return super.values()
  }
  override entries() {
    this.#unpack()
    return super.entries()
  }
  override [Symbol.iterator]() {
    this.#unpack()
    return super[Symbol.iterator]()
  }
}

interface BuilderState {
  documentIds: string[]
  fieldLengths: number[][]
  avgFieldLength: number[]
  /** term → per field, a flat list of (document id, frequency) pairs in ascending id order. */
  postings: Map<string, number[][]>
}

/**
 * Gathers the postings of passages one at a time (so that a caller can yield between them), then
 * makes the index. Does what MiniSearch's `add` does, in the same order, with the same numbers.
 */
export class IndexBuilder {
  readonly #state: BuilderState = {
    documentIds: [],
    fieldLengths: [],
    avgFieldLength: [],
    postings: new Map(),
  }
  /** Each distinct word's search term, per field: normalising is the costliest step, and words repeat. */
  readonly #terms: Map<string, string | null>[] = INDEX_OPTIONS.fields.map(() => new Map())
  readonly #ids = new Set<string>()
  // Reused for every field of every passage: a build allocates per term, not per word.
  readonly #unique = new Set<string>()
  readonly #counts = new Map<string, number>()
  /** The last value of each field with its unique-word count and term counts: passages of one article share their title. */
  readonly #last: { value: string; length: number; counts: [string, number][] }[] = []

  get size(): number {
    return this.#state.documentIds.length
  }

  add(doc: IndexedPassage): void {
    const { tokenize, processTerm, fields } = INDEX_OPTIONS
    if (!tokenize || !processTerm)
      throw new Error('passage index: INDEX_OPTIONS must set tokenize and processTerm')
    if (this.#ids.has(doc.id)) throw new Error(`passage index: duplicate ID ${doc.id}`)
    this.#ids.add(doc.id)
    const state = this.#state
    const shortId = state.documentIds.length
    state.documentIds.push(doc.id)
    const lengths: number[] = []
    state.fieldLengths.push(lengths)
    for (const [fieldId, field] of fields.entries()) {
      const value = doc[field as keyof IndexedPassage]
      if (value == null) continue
      const text = String(value)
      const last = this.#last[fieldId]
      const counted = last?.value === text ? last : this.#count(text, fieldId, field)
      this.#last[fieldId] = counted
      const length = counted.length
      lengths[fieldId] = length
      const average = state.avgFieldLength[fieldId] ?? 0
      state.avgFieldLength[fieldId] = (average * shortId + length) / (shortId + 1)
      for (const [term, count] of counted.counts) {
        let perField = state.postings.get(term)
        if (!perField) {
          perField = []
          state.postings.set(term, perField)
        }
        let list = perField[fieldId]
        if (!list) {
          list = []
          perField[fieldId] = list
        }
        list.push(shortId, count)
      }
    }
  }

  /** A field value's unique-word count (MiniSearch's field length) and how often each term occurs. */
  #count(
    value: string,
    fieldId: number,
    field: string,
  ): { value: string; length: number; counts: [string, number][] } {
    const { tokenize, processTerm } = INDEX_OPTIONS
    if (!tokenize || !processTerm)
      throw new Error('passage index: INDEX_OPTIONS must set tokenize and processTerm')
    const memo = this.#terms[fieldId] ?? new Map<string, string | null>()
    const unique = this.#unique
    const counts = this.#counts
    unique.clear()
    counts.clear()
    for (const token of tokenize(value, field)) {
      unique.add(token)
      let term = memo.get(token)
      if (term === undefined) {
        const processed = processTerm(token, field)
        if (Array.isArray(processed)) throw new Error('passage index: processTerm must return one term')
        term = typeof processed === 'string' && processed ? processed : null
        memo.set(token, term)
      }
      if (term !== null) counts.set(term, (counts.get(term) ?? 0) + 1)
    }
    return { value, length: unique.size, counts: [...counts] }
  }

  finish(): PassageIndex {
    return new PassageIndex().fill(this.#state)
  }
}

/** Unsigned integers as LEB128 varints, and JSON blocks prefixed by their length. */
class VarintWriter {
  #buf = new Uint8Array(1 << 16)
  #pos = 0

  #room(n: number): void {
    if (this.#pos + n <= this.#buf.length) return
    const bigger = new Uint8Array(Math.max(this.#buf.length * 2, this.#pos + n))
    bigger.set(this.#buf.subarray(0, this.#pos))
    this.#buf = bigger
  }

  uint(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`passage index: cannot store ${n}`)
    this.#room(8)
    while (n >= 0x80) {
      this.#buf[this.#pos++] = (n % 0x80) | 0x80
      n = Math.floor(n / 0x80)
    }
    this.#buf[this.#pos++] = n
  }

  json(value: unknown): void {
    const bytes = Buffer.from(JSON.stringify(value), 'utf8')
    this.uint(bytes.length)
    this.#room(bytes.length)
    this.#buf.set(bytes, this.#pos)
    this.#pos += bytes.length
  }

  /** Bytes prefixed by their length. */
  block(bytes: Uint8Array): void {
    this.uint(bytes.length)
    this.#room(bytes.length)
    this.#buf.set(bytes, this.#pos)
    this.#pos += bytes.length
  }

  get length(): number {
    return this.#pos
  }

  reset(): void {
    this.#pos = 0
  }

  bytes(): Uint8Array {
    return this.#buf.subarray(0, this.#pos)
  }
}

class VarintReader {
  readonly #buf: Uint8Array
  #pos = 0

  constructor(buf: Uint8Array) {
    this.#buf = buf
  }

  uint(): number {
    let n = 0
    let scale = 1
    for (;;) {
      const b = this.#buf[this.#pos++]
      if (b === undefined) throw new Error('passage index: truncated')
      n += (b & 0x7f) * scale
      if (b < 0x80) return n
      scale *= 0x80
    }
  }

  json(): unknown {
    const length = this.uint()
    if (this.#pos + length > this.#buf.length) throw new Error('passage index: truncated')
    const text = Buffer.from(this.#buf.buffer, this.#buf.byteOffset + this.#pos, length).toString('utf8')
    this.#pos += length
    return JSON.parse(text)
  }

  /** Where a block written by `block` starts and ends; skips over it. */
  block(): [start: number, end: number] {
    const length = this.uint()
    const start = this.#pos
    if (start + length > this.#buf.length) throw new Error('passage index: truncated')
    this.#pos += length
    return [start, this.#pos]
  }

  done(): boolean {
    return this.#pos === this.#buf.length
  }
}
