import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { search } from '../../src/answers/search.ts'
import { openKnowledgeBase } from '../../src/knowledge/open.ts'
import { tempCorpus } from '../helpers.ts'

const article = (town: string) => `Truce in ${town}\n\nThe factions of ${town} agreed to a truce on Friday.\n`

describe('the index cache', () => {
  it('is reused while the corpus is unchanged', () => {
    const corpus = tempCorpus({ 'a.txt': article('Talbiseh') })
    const cacheDir = tempCorpus()
    const first = openKnowledgeBase({ corpusPath: corpus, cacheDir })
    const second = openKnowledgeBase({ corpusPath: corpus, cacheDir })
    expect(first.fromCache).toBe(false)
    expect(second.fromCache).toBe(true)
    expect(search(second.kb, 'Talbiseh')).toEqual(search(first.kb, 'Talbiseh'))
    expect([...second.kb.passages.values()]).toEqual([...first.kb.passages.values()])
  })

  it.each([
    ['a file changes', (dir: string) => writeFileSync(join(dir, 'a.txt'), article('Houla'))],
    ['a file is added', (dir: string) => writeFileSync(join(dir, 'b.txt'), article('Houla'))],
    [
      'aliases change',
      (dir: string) =>
        writeFileSync(join(dir, 'aliases.json'), '{"factions":[{"name":"Houla","aliases":[]}]}'),
    ],
  ])('is rebuilt when %s', (_what, change) => {
    const corpus = tempCorpus({ 'a.txt': article('Talbiseh') })
    const cacheDir = tempCorpus()
    openKnowledgeBase({ corpusPath: corpus, cacheDir })
    change(corpus)
    const again = openKnowledgeBase({ corpusPath: corpus, cacheDir })
    expect(again.fromCache).toBe(false)
  })

  it('is rebuilt, never trusted, when the cache file is damaged', () => {
    const corpus = tempCorpus({ 'a.txt': article('Talbiseh') })
    const cacheDir = tempCorpus()
    openKnowledgeBase({ corpusPath: corpus, cacheDir })
    const [file] = readdirSync(cacheDir).filter((f) => f.startsWith('kb-'))
    const path = join(cacheDir, file ?? '')
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 100))
    const again = openKnowledgeBase({ corpusPath: corpus, cacheDir })
    expect(again.fromCache).toBe(false)
    expect(search(again.kb, 'Talbiseh').results).toHaveLength(1)
  })
})
