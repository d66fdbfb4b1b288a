import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { search } from '../../src/answers/search.ts'
import { listCorpusFiles, loadCorpus, readCorpusFile } from '../../src/corpus/load.ts'
import { LiveCorpus } from '../../src/knowledge/live.ts'
import { CorpusError, openKnowledgeBase } from '../../src/knowledge/open.ts'
import { isVerbatim, knowledgeBaseOf, tempCorpus } from '../helpers.ts'

const article = (town: string) => `Truce in ${town}\n\nThe factions of ${town} agreed to a truce on Friday.\n`

describe('a corpus folder that is missing', () => {
  it('is a clear error at start-up, naming the path', () => {
    const missing = join(tempCorpus(), 'no-such-corpus')
    expect(() => openKnowledgeBase({ corpusPath: missing, cacheDir: null })).toThrow(CorpusError)
    expect(() => openKnowledgeBase({ corpusPath: missing, cacheDir: null })).toThrow(
      /corpus not found: .*no-such-corpus/,
    )
  })

  it('that vanishes while the bot runs leaves the last knowledge base answering', async () => {
    const corpus = tempCorpus({ 'a.txt': article('Talbiseh') })
    const errors: Error[] = []
    const live = new LiveCorpus(openKnowledgeBase({ corpusPath: corpus, cacheDir: null }).kb, {
      corpusPath: corpus,
      onError: (e) => errors.push(e),
    })
    rmSync(corpus, { recursive: true, force: true })
    await expect(live.reload()).resolves.toBeDefined()
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/corpus not found/)])
    expect(search(live.current(), 'Talbiseh').results.length).toBeGreaterThan(0)
  })
})

describe('a corpus file removed or rewritten while it is read', () => {
  it('removed between listing and reading: skipped with the reason, the rest loads', () => {
    const corpus = tempCorpus({ 'a.txt': article('Talbiseh'), 'b.txt': article('Rastan') })
    const files = listCorpusFiles(corpus)
    rmSync(join(corpus, 'a.txt'))
    const reads = files.map((f) => readCorpusFile(f, corpus))
    expect(reads[0]?.skipped).toEqual([{ file: 'a.txt', reason: 'could not be read (ENOENT)' }])
    expect(reads[1]?.records.map((r) => r.title)).toEqual(['Truce in Rastan'])
  })

  it('rewritten again and again while the live corpus reads it: the last version wins', async () => {
    const corpus = tempCorpus({ 'a.txt': article('Talbiseh') })
    const live = new LiveCorpus(openKnowledgeBase({ corpusPath: corpus, cacheDir: null }).kb, {
      corpusPath: corpus,
    })
    const towns = ['Houla', 'Rastan', 'Douma', 'Harasta', 'Daraa']
    const syncs: Promise<void>[] = []
    for (const town of towns) {
      writeFileSync(join(corpus, 'a.txt'), article(town))
      syncs.push(live.sync())
    }
    await Promise.all(syncs)
    const kb = live.current()
    expect([...kb.articles.values()].map((a) => a.title)).toEqual(['Truce in Daraa'])
    expect(search(kb, 'Houla').results).toEqual([])
  })
})

describe('bad bytes and odd files', () => {
  it('invalid UTF-8 is read (as Windows-1252), never dropped, and quoted verbatim', () => {
    const bytes = Buffer.concat([
      Buffer.from('Truce in Talbiseh\n\nThe caf'),
      Buffer.from([0xe9, 0x20, 0xff, 0xc3, 0x28]),
      Buffer.from(' owner said the truce held in Talbiseh.\n'),
    ])
    const kb = knowledgeBaseOf({ 'odd.txt': bytes })
    const [hit] = search(kb, 'owner truce').results
    const text = kb.articles.get('odd')?.text ?? ''
    expect(text).toContain('café')
    expect(text).not.toContain('\uFFFD')
    expect(hit && isVerbatim(hit.citation.quote, text)).toBe(true)
  })

  it('a CSV with a broken row: the row is skipped with its line, the others load', () => {
    const csv = [
      'id,title,text,date',
      'r1,Truce in Rastan,"The factions of Rastan agreed to a truce.",2018-05-02',
      'r2,Broken row,"This quote never ends,2018-05-03',
      'r3,Truce in Houla,"The factions of Houla agreed, then left.",2018-05-04',
    ].join('\n')
    const loaded = loadCorpus(tempCorpus({ 'rows.csv': csv }))
    expect(loaded.articles.map((a) => a.id)).toContain('r1')
    expect(loaded.skipped.length).toBeGreaterThan(0)
    expect(loaded.skipped.every((s) => s.file.startsWith('rows.csv'))).toBe(true)
  })

  it('10,000 small files load, every one of them', () => {
    const corpus = tempCorpus()
    mkdirSync(join(corpus, 'many'))
    for (let i = 0; i < 10_000; i++)
      writeFileSync(
        join(corpus, 'many', `n${i}.txt`),
        `Note ${i}\n\nCheckpoint ${i} reopened near Rastan on day ${i}.\n`,
      )
    const { kb } = openKnowledgeBase({ corpusPath: corpus, cacheDir: null })
    expect(kb.articles.size).toBe(10_000)
    expect(search(kb, 'checkpoint 9876').results[0]?.citation.article).toBe('n9876')
  })

  it('a 50 MB article file is skipped with its reason, and small articles beside it still answer', () => {
    const paragraph =
      'The committee of elders met the delegation again and the talks about the return of families went on. '
    const big = `Minutes of the talks\n\n${`${paragraph.repeat(8)}\n\n`.repeat(Math.ceil((50 * 1024 * 1024) / (paragraph.length * 8 + 2)))}`
    const corpus = tempCorpus({ 'big.txt': big, 'a.txt': article('Talbiseh') })
    const { kb } = openKnowledgeBase({ corpusPath: corpus, cacheDir: null })
    expect(kb.skipped).toEqual([{ file: 'big.txt', reason: 'larger than 5 MB' }])
    expect(search(kb, 'Talbiseh').results[0]?.citation.article).toBe('a')
  })
})
