import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'

/** A command as help lists it. */
export interface HelpEntry {
  name: string
  description: string
  /** One example, without the program name: 'terms rastan'. */
  example: string | null
}

export interface HelpAnswer {
  command: 'help'
  query: string
  commands: HelpEntry[]
  /** How names of factions, places and agreements are matched, one rule a line. */
  matching: string[]
  corpus: {
    /** The folder or file it was read from. */
    path: string
    articles: number
    passages: number
    /** The oldest and newest article dates: how fresh the corpus is. */
    from: string | null
    to: string | null
    publishers: number
    agreements: number
    factions: number
  }
}

/** How names are matched: what every lookup (terms, stance, timeline, search) does with a name. */
export const NAME_MATCHING: readonly string[] = [
  'Any spelling of a transliterated name: Jaysh al-Azza, Jaish al-Izza and Jaish al Ezzeh are one faction; al- and the apostrophes may be left out.',
  'English names, acronyms and Arabic script: Sham Legion finds Faylaq al-Sham, HTS finds Hay’at Tahrir al-Sham.',
  'A small typo is forgiven; a name not in the corpus gets the nearest names, never another faction’s answer.',
  'An agreement by its name or any place of its area: rastan, Talbiseh and northern Homs all find the northern Homs countryside deal.',
]

/** help: what each command does with one example, how names are matched, and which corpus is loaded. */
export function help(kb: KnowledgeBase, commands: readonly HelpEntry[]): HelpAnswer {
  const dates = [...kb.articles.values()].flatMap((a) => (a.date ? [a.date] : [])).sort()
  const publishers = new Set([...kb.articles.values()].flatMap((a) => (a.source ? [a.source] : [])))
  return {
    command: 'help',
    query: '',
    commands: [...commands],
    matching: [...NAME_MATCHING],
    corpus: {
      path: kb.corpusPath,
      articles: kb.articles.size,
      passages: kb.passages.size,
      from: dates[0] ?? null,
      to: dates[dates.length - 1] ?? null,
      publishers: publishers.size,
      agreements: kb.facts.agreements.length,
      factions: kb.facts.factions.filter((f) => f.kind === 'group').length,
    },
  }
}
