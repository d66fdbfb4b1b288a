import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { PassageIndex } from '../../src/knowledge/passage-index.ts'
import { INDEX_OPTIONS, type IndexedPassage } from '../../src/search/index-options.ts'
import { seedKnowledgeBase } from '../helpers.ts'

const kb = seedKnowledgeBase()
const docs: IndexedPassage[] = [...kb.passages.values()].map((p) => ({
  id: p.id,
  text: p.text,
  title: kb.articles.get(p.articleId)?.title ?? '',
}))

/** An index's content in a comparable form: the JSON with its terms in order. */
function contentOf(index: MiniSearch<IndexedPassage>) {
  const json = index.toJSON()
  return { ...json, index: [...json.index].sort(([a], [b]) => (a < b ? -1 : 1)) }
}

describe('the passage index', () => {
  it('built in bulk, is the index MiniSearch.addAll builds', () => {
    const plain = new MiniSearch(INDEX_OPTIONS)
    plain.addAll(docs)
    expect(contentOf(PassageIndex.build(docs))).toEqual(contentOf(plain))
  })

  it.each(['Jaish al-Izza', 'military police', 'Talbis', 'evacuaton of fighters'])(
    'finds for %j what MiniSearch finds, in the same order and with the same scores',
    (query) => {
      const plain = new MiniSearch(INDEX_OPTIONS)
      plain.addAll(docs)
      expect(PassageIndex.build(docs).search(query)).toEqual(plain.search(query))
    },
  )

  it('comes back from its bytes unchanged, after articles were added and removed', () => {
    const index = PassageIndex.build(docs.slice(0, 40))
    index.addAll(docs.slice(40, 60))
    for (const d of docs.slice(0, 10)) index.discard(d.id)
    const again = PassageIndex.decode(index.encode())
    expect(contentOf(again)).toEqual(contentOf(index))
    expect(again.search('reconciliation')).toEqual(index.search('reconciliation'))
  })

  it('refuses truncated bytes rather than answering from half an index', () => {
    const bytes = PassageIndex.build(docs).encode()
    expect(() => PassageIndex.decode(bytes.subarray(0, bytes.length - 7))).toThrow(/truncated|JSON/)
  })

  it('refuses the same passage id twice, as MiniSearch does', () => {
    expect(() => PassageIndex.build([docs[0] as IndexedPassage, docs[0] as IndexedPassage])).toThrow(
      /duplicate/,
    )
  })
})
