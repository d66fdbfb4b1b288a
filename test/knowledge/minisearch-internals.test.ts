import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'

/**
 * PassageIndex (src/knowledge/passage-index.ts) and ranking.ts read and write MiniSearch's
 * protected fields: they are no public API and may change in any release. minisearch is pinned
 * exactly in package.json; this test names what we rely on, so that an upgrade that changes it
 * fails here, loudly, rather than as wrong answers.
 */
const PINNED = '7.2.0'

// A MiniSearch whose protected fields the test may read.
type Internals = Record<string, unknown>

function sample(): Internals {
  const ms = new MiniSearch<{ id: string; text: string; title: string }>({ fields: ['text', 'title'] })
  ms.addAll([
    { id: 'a#1', text: 'the truce was signed', title: 'Truce' },
    { id: 'a#2', text: 'the truce held', title: 'Truce' },
  ])
  ms.discard('a#2')
  return ms as unknown as Internals
}

describe('minisearch: the internals the passage index reads', () => {
  it(`is pinned to exactly ${PINNED}, and ${PINNED} is what is installed`, () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }
    expect(pkg.dependencies.minisearch, 'package.json must pin minisearch exactly').toBe(PINNED)
    // Its package.json is not among its exports: read from the folder its entry point lives in.
    const entry = createRequire(import.meta.url).resolve('minisearch')
    const folder = entry.slice(
      0,
      entry.lastIndexOf('/node_modules/minisearch/') + '/node_modules/minisearch/'.length,
    )
    const installed = JSON.parse(readFileSync(`${folder}package.json`, 'utf8')) as { version: string }
    expect(installed.version, 'the installed minisearch is not the pinned one: run npm ci').toBe(PINNED)
  })

  it('keeps documents as short ids in _documentIds / _idToShortId, counted by _documentCount, _nextId, _dirtCount', () => {
    const ms = sample()
    expect(ms._documentIds).toEqual(new Map([[0, 'a#1']]))
    expect(ms._idToShortId).toEqual(new Map([['a#1', 0]]))
    expect(ms._documentCount).toBe(1)
    expect(ms._nextId).toBe(2)
    expect(ms._dirtCount).toBe(1)
  })

  it('keeps field ids in _fieldIds and per-document unique-term counts in _fieldLength, averaged in _avgFieldLength', () => {
    const ms = sample()
    expect(ms._fieldIds).toEqual({ text: 0, title: 1 })
    expect(ms._fieldLength).toEqual(new Map([[0, [4, 1]]]))
    expect(Array.isArray(ms._avgFieldLength)).toBe(true)
    expect((ms._avgFieldLength as number[]).length).toBe(2)
  })

  it('keeps postings in _index: a map of term → field id → document short id → term frequency', () => {
    const index = sample()._index as {
      get(term: string): Map<number, Map<number, number>> | undefined
      set(term: string, value: unknown): void
      [Symbol.iterator](): Iterator<[string, unknown]>
    }
    expect(typeof index.get).toBe('function')
    expect(typeof index.set).toBe('function')
    expect(typeof index[Symbol.iterator]).toBe('function')
    expect(index.get('signed')).toEqual(new Map([[0, new Map([[0, 1]])]]))
    expect(index.get('truce')?.get(1)?.get(0)).toBe(1)
  })
})
