/**
 * Generated news-like articles, for when the shared data sets are absent: sentences drawn from a
 * vocabulary of place and faction names and common news words, with a Zipf-like skew so that some
 * words are in every other passage and most are rare, as in real text. Deterministic.
 */
import type { SourceArticle } from './corpus.ts'

/** A small deterministic PRNG (mulberry32): the same corpus on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const NAMES = (
  'Homs Hama Daraa Quneitra Rastan Talbiseh Douma Harasta Ghouta Qalamoun Yarmouk Idlib Aleppo Damascus ' +
  'Jaish al-Islam, Faylaq al-Rahman, Ahrar al-Sham, Jaysh al-Izza, Hayat Tahrir al-Sham, Free Syrian Army, ' +
  'Russian military police, Hmeimim, Astana, Geneva, Syrian government, opposition delegation'
).split(/,\s*|\s+(?=[A-Z][a-z]+\b(?![ -]al))/)

const WORDS = (
  'agreement ceasefire reconciliation evacuation fighters civilians negotiations committee delegation ' +
  'weapons heavy light surrender buses convoy town village district province regime forces opposition ' +
  'rebels militants displaced return property detainees release amnesty conscription service military ' +
  'police checkpoint humanitarian aid corridor siege shelling airstrikes bombardment talks mediation ' +
  'guarantor terms conditions deadline withdrawal handover infrastructure water electricity schools ' +
  'hospital council elders families residents local leaders sources said reported according statement ' +
  'spokesman announced rejected accepted signed implemented proposed demanded refused warned threatened ' +
  'thousands hundreds dozens week month days early late yesterday morning evening northern southern ' +
  'eastern western countryside border crossing refugees camp trucks food medicine injured killed wounded'
).split(' ')

const GLUE = 'the of and to in on for with by from that a as at after'.split(' ')

/** `n` generated articles. */
export function generateArticles(n: number, seed = 7): SourceArticle[] {
  const rnd = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() ** 2 * list.length)] as T
  const sentence = () => {
    const len = 8 + Math.floor(rnd() * 20)
    const out: string[] = [pick(NAMES)]
    for (let i = 1; i < len; i++)
      out.push(rnd() < 0.35 ? pick(GLUE) : rnd() < 0.1 ? pick(NAMES) : pick(WORDS))
    return `${out.join(' ')}.`
  }
  return Array.from({ length: n }, (_, i) => {
    const paragraphs = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () =>
      Array.from({ length: 1 + Math.floor(rnd() * 4) }, sentence).join(' '),
    )
    return {
      id: `gen-${i + 1}`,
      title: sentence().slice(0, 80),
      text: paragraphs.join('\n\n'),
      source: 'Generated',
      date: `2018-0${1 + (i % 9)}-1${i % 10}`,
    }
  })
}
