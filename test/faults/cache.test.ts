import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { search } from '../../src/answers/search.ts'
import { CACHE_FORMAT, loadFromCache, saveToCache } from '../../src/knowledge/cache.ts'
import { openKnowledgeBase } from '../../src/knowledge/open.ts'
import { tempCorpus } from '../helpers.ts'

const article = (town: string) =>
  `Truce in ${town}\n\nThe factions of ${town} agreed to a truce on Friday.\n\nBuses left ${town} at dawn.\n`

/** A corpus with a warm cache, and the cache file's path. */
function warmCache() {
  const corpus = tempCorpus({ 'a.txt': article('Talbiseh'), 'b.txt': article('Rastan') })
  const cacheDir = tempCorpus()
  const first = openKnowledgeBase({ corpusPath: corpus, cacheDir })
  const [name] = readdirSync(cacheDir).filter((f) => f.startsWith('kb-'))
  return { corpus, cacheDir, first, file: join(cacheDir, name ?? '') }
}

describe('a cache that cannot be trusted is rebuilt, never used', () => {
  it.each([
    ['truncated to its first bytes', (b: Buffer) => b.subarray(0, 30)],
    ['truncated by one byte', (b: Buffer) => b.subarray(0, b.length - 1)],
    ['empty', () => Buffer.alloc(0)],
    [
      'one byte flipped in the middle',
      (b: Buffer) => Buffer.from(b.map((x, i) => (i === b.length >> 1 ? x ^ 0xff : x))),
    ],
    [
      'from another version of the layout',
      (b: Buffer) =>
        Buffer.from(b.toString('latin1').replace(`"format":${CACHE_FORMAT}`, '"format":1'), 'latin1'),
    ],
    ['the old JSON layout', () => Buffer.from('{"format":1,"key":"x","articles":[],"index":{}}')],
    ['not a cache at all', () => Buffer.from('MUSALAHA\u0000\u0000\u0000\u0000garbage')],
  ])('when %s', (_what, damage) => {
    const { corpus, cacheDir, first, file } = warmCache()
    writeFileSync(file, damage(readFileSync(file)))
    const again = openKnowledgeBase({ corpusPath: corpus, cacheDir })
    expect(again.fromCache).toBe(false)
    expect(search(again.kb, 'Rastan')).toEqual(search(first.kb, 'Rastan'))
    // …and the rebuilt cache serves the next start.
    expect(openKnowledgeBase({ corpusPath: corpus, cacheDir }).fromCache).toBe(true)
  })

  it('a cache loaded whole answers exactly as the knowledge base it was made from', () => {
    const { corpus, cacheDir, first } = warmCache()
    const again = openKnowledgeBase({ corpusPath: corpus, cacheDir })
    expect(again.fromCache).toBe(true)
    for (const q of ['truce', 'Talbiseh buses', 'factins agreed'])
      expect(search(again.kb, q)).toEqual(search(first.kb, q))
    expect(again.kb.facts).toEqual(first.kb.facts)
  })

  it('a cache written a few articles to a line (as a large corpus is) loads whole', () => {
    const corpus = tempCorpus({
      'a.txt': article('Talbiseh'),
      'b.txt': article('Rastan'),
      'c.txt': article('Houla'),
    })
    const { kb } = openKnowledgeBase({ corpusPath: corpus, cacheDir: null })
    const cacheDir = tempCorpus()
    saveToCache(cacheDir, 'k', kb, 1)
    const [name] = readdirSync(cacheDir)
    // The JSON part (after MAGIC and three lengths): a head line, then one line for each article.
    const bytes = readFileSync(join(cacheDir, name ?? ''))
    const json = bytes.subarray(20, 20 + bytes.readUInt32LE(8)).toString('utf8')
    expect(json.split('\n')).toHaveLength(4)
    const again = loadFromCache(cacheDir, 'k', corpus, kb.env)
    expect(again && [...again.articles.keys()]).toEqual([...kb.articles.keys()])
    expect(again?.facts).toEqual(kb.facts)
    expect(again && search(again, 'Houla buses')).toEqual(search(kb, 'Houla buses'))
  })

  it('a cache folder that cannot be written costs time, not the answer', () => {
    const corpus = tempCorpus({ 'a.txt': article('Talbiseh') })
    const notAFolder = join(tempCorpus({ 'file.txt': 'x' }), 'file.txt')
    const opened = openKnowledgeBase({ corpusPath: corpus, cacheDir: notAFolder })
    const { results } = search(opened.kb, 'Talbiseh buses')
    expect(results.map((r) => r.citation.article)).toContain('a')
  })
})
