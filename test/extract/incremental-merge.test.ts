import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../src/corpus/types.ts'
import { mergeFacts } from '../../src/extract/facts.ts'
import {
  addArticle,
  type KnowledgeBase,
  refreshFacts,
  removeArticle,
  segmentArticle,
} from '../../src/knowledge/knowledge-base.ts'
import { LiveCorpus } from '../../src/knowledge/live.ts'
import { DEFAULT_CORPUS, openKnowledgeBase } from '../../src/knowledge/open.ts'
import { tempCorpus } from '../helpers.ts'

/**
 * Merging the facts again after a change takes over what the changed articles do not touch:
 * the result must be exactly what a merge of the whole corpus gives.
 */

const TERMS = join(import.meta.dirname, '..', 'fixtures', 'terms')
const STANCE = join(import.meta.dirname, '..', 'fixtures', 'stance')

/** The seeds (with their aliases) and the fixture articles of terms and stance, as one corpus folder. */
function fullCorpus(): string {
  const dir = tempCorpus()
  cpSync(DEFAULT_CORPUS, dir, { recursive: true })
  for (const from of [TERMS, STANCE])
    for (const f of readdirSync(from).filter((f) => f.endsWith('.txt'))) cpSync(join(from, f), join(dir, f))
  return dir
}

const FULL = fullCorpus()
const open = (dir: string) => openKnowledgeBase({ corpusPath: dir, cacheDir: null }).kb
const everything = open(FULL)
const articleOf = (id: string): Article => {
  const a = everything.articles.get(id)
  if (!a) throw new Error(`no article ${id} in the test corpus`)
  return a
}

/** The full corpus without some of its articles. */
function without(...ids: string[]): KnowledgeBase {
  const dir = tempCorpus()
  cpSync(FULL, dir, { recursive: true })
  for (const id of ids) rmSync(join(dir, `${id}.txt`))
  return open(dir)
}

/** The seed article of the Rastan weapons handover, one of three reports of the northern Homs deal. */
const HANDOVER =
  readdirSync(DEFAULT_CORPUS)
    .find((f) => f.startsWith('000_'))
    ?.replace(/\.txt$/, '') ?? ''

const add = (kb: KnowledgeBase, a: Article) => {
  addArticle(kb, a, segmentArticle(a))
  return [a.id]
}
const remove = (kb: KnowledgeBase, id: string) => {
  removeArticle(kb, id)
  return [id]
}

const changes: [string, () => KnowledgeBase, (kb: KnowledgeBase) => string[]][] = [
  [
    'an article on a new agreement is added',
    () => without('two-truces'),
    (kb) => add(kb, articleOf('two-truces')),
  ],
  [
    'a second report of a known agreement is added',
    () => without('tafas-proposal'),
    (kb) => add(kb, articleOf('tafas-proposal')),
  ],
  [
    'an article that speaks of no agreement is added',
    () => without('aleppo-market'),
    (kb) => add(kb, articleOf('aleppo-market')),
  ],
  ['one of three reports of an agreement is removed', () => without(), (kb) => remove(kb, HANDOVER)],
  ['the only report of an agreement is removed', () => without(), (kb) => remove(kb, 'two-truces')],
  [
    'an article is rewritten a year later (its agreement no longer the one of the other report)',
    () => without(),
    (kb) => {
      const a = articleOf('tafas-agreement')
      removeArticle(kb, a.id)
      return add(kb, { ...a, date: '2019-07-06', text: a.text.replace('6 July, 2018', '6 July, 2019') })
    },
  ],
  [
    'an article is corrected: a term says five days, not three, and its agreement stays the same',
    () => without(),
    (kb) => {
      const a = articleOf('tafas-agreement')
      removeArticle(kb, a.id)
      return add(kb, { ...a, text: a.text.replace('within three days', 'within five days') })
    },
  ],
  [
    'several articles change in one batch',
    () => without('two-truces'),
    (kb) => [
      ...remove(kb, HANDOVER),
      ...add(kb, articleOf('two-truces')),
      ...remove(kb, 'qalaa-offer-rejected'),
    ],
  ],
]

describe('facts merged again after articles change', () => {
  it.each(changes)('%s: the same facts as a merge of the whole corpus', (_, start, change) => {
    const kb = start()
    const changed = change(kb)
    refreshFacts(kb, changed)
    expect(kb.facts).toEqual(mergeFacts(kb.perArticleFacts, kb.env))
  })

  it('takes over the agreements no changed article tells of, and merges anew the one it does', () => {
    const kb = without('tafas-proposal')
    const before = new Map(kb.facts.agreements.map((a) => [a.id, a]))
    refreshFacts(kb, add(kb, articleOf('tafas-proposal')))
    const tafas = kb.facts.agreements.find((a) => a.articles.includes('tafas-proposal'))
    expect(tafas?.articles).toEqual(expect.arrayContaining(['tafas-agreement', 'tafas-proposal']))
    expect(before.get(tafas?.id ?? '')).not.toBe(tafas)
    const others = kb.facts.agreements.filter((a) => a !== tafas)
    expect(others.length).toBeGreaterThanOrEqual(3)
    for (const a of others) expect(before.get(a.id)).toBe(a)
  })

  it('merges everything anew when it is not told what changed', () => {
    const kb = without()
    const before = kb.facts.agreements
    refreshFacts(kb)
    expect(kb.facts).toEqual(mergeFacts(kb.perArticleFacts, kb.env))
    for (const [i, a] of kb.facts.agreements.entries()) expect(a).not.toBe(before[i])
  })
})

describe('a live corpus, after a file changes', () => {
  it('holds the facts a merge of the whole corpus gives', async () => {
    const dir = tempCorpus()
    cpSync(FULL, dir, { recursive: true })
    const live = new LiveCorpus(open(dir), { corpusPath: dir, cacheDir: null })
    const rewritten = readFileSync(join(dir, 'tafas-proposal.txt'), 'utf8').replace(/2018/g, '2016')
    writeFileSync(join(dir, 'tafas-proposal.txt'), rewritten)
    rmSync(join(dir, 'two-truces.txt'))
    await live.sync()
    const kb = live.current()
    expect(kb.articles.has('two-truces')).toBe(false)
    expect(kb.facts).toEqual(mergeFacts(kb.perArticleFacts, kb.env))
    live.close()
  })
})
