import type { Citation } from '../answers/citation.ts'

/**
 * An answer as people see it, before it becomes terminal text or Discord embeds. Text here is
 * plain (renderers escape it for their medium); `highlights` mark words to show in bold.
 */
export interface Presentation {
  title: string
  /** The answer itself, or why there is none. */
  lead?: string
  sections: Section[]
  /** Numbered [1], [2]… in this order; items refer to them by number. */
  citations: Citation[]
  /** Alternatives to offer when nothing matched. */
  suggestions?: string[]
  footer?: string
}

export interface Section {
  heading?: string
  items: Item[]
}

export interface Item {
  text: string
  /** 1-based numbers of the citations this item rests on. */
  cites?: number[]
  /** [start, end) ranges of `text` to show in bold. */
  highlights?: [number, number][]
}

/** Splits a snippet with **bold** markers (the text's own '*' and '\\' escaped) into text and highlight ranges. */
export function fromMarked(marked: string): Pick<Item, 'text' | 'highlights'> {
  let text = ''
  const highlights: [number, number][] = []
  let open: number | null = null
  for (let i = 0; i < marked.length; i++) {
    const c = marked[i] ?? ''
    if (c === '\\' && i + 1 < marked.length) text += marked[++i] ?? ''
    else if (c === '*' && marked[i + 1] === '*') {
      i++
      if (open === null) open = text.length
      else {
        highlights.push([open, text.length])
        open = null
      }
    } else text += c
  }
  return { text, highlights }
}

/** Collects citations, numbering each distinct one once. */
export class CitationList {
  readonly list: Citation[] = []
  private readonly seen = new Map<string, number>()

  /** The 1-based number of a citation, adding it when new. */
  add(c: Citation): number {
    const key = `${c.article}#${c.paragraph}:${c.quote}`
    const known = this.seen.get(key)
    if (known) return known
    this.list.push(c)
    this.seen.set(key, this.list.length)
    return this.list.length
  }
}

/** "Title — Source, Author, 2018-05-03, ¶4": how a citation is named under its quote. */
export function citationLine(c: Citation): string {
  const by = [c.source, c.author && c.author !== c.source ? c.author : null, c.date]
    .filter(Boolean)
    .join(', ')
  return `${c.title}${by ? ` — ${by}` : ''}, ¶${c.paragraph}`
}
