import type { Span } from '../corpus/types.ts'

/** Abbreviations after which a period does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof maj gen lt col capt sgt cpl brig adm sen rep gov st jr sr no vs etc e.g i.e u.s u.n u.k jan feb mar apr jun jul aug sep sept oct nov dec mt ft al inc ltd co corp dept approx'.split(
    ' ',
  ),
)

/** A list item: '1 – Hand over…', '2) …', 'a. …', '• …'. */
export const LIST_ITEM = /^(?:\(?(?:\d{1,2}|[a-z])\s*[–—\-.)]|[•·▪●*-])\s+\S/

/** A paragraph longer than this is cut into pieces of whole sentences (texts without breaks). */
export const MAX_PARAGRAPH_CHARS = 900

/**
 * Sentences of `text[start, end)` as offsets into `text`. A sentence ends at . ! ? (with any
 * closing quotes or brackets) followed by a space and a capital, digit, quote or Arabic letter, unless the word
 * before the period is an abbreviation or a single initial.
 */
export function sentenceSpans(text: string, start = 0, end = text.length): Span[] {
  const spans: Span[] = []
  // Arabic has no capitals: a sentence of it starts with any Arabic letter (or «), and ends at ؟ too.
  const boundary = /[.!?؟]+["'”’»)\]]*(?=\s+["'“‘(«\p{Lu}\p{N}\p{Script=Arabic}])/gu
  boundary.lastIndex = start
  let from = start
  for (let m = boundary.exec(text); m && m.index < end; m = boundary.exec(text)) {
    const stop = m.index + m[0].length
    if (m[0][0] === '.' && m[0].length === 1) {
      const before =
        text
          .slice(from, m.index)
          .match(/([\p{L}.]+)$/u)?.[1]
          ?.toLowerCase() ?? ''
      if (ABBREVIATIONS.has(before) || /^\p{L}$/u.test(before)) continue
    }
    pushTrimmed(text, from, stop, spans)
    from = stop
  }
  pushTrimmed(text, from, end, spans)
  return spans
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  let s = start
  let e = end
  while (s < e && /\s/.test(text[s] ?? '')) s++
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--
  if (e > s) out.push({ start: s, end: e })
}

/**
 * Paragraphs of a cleaned text (paragraphs separated by blank lines, list items on lines of their
 * own) as offsets. A paragraph longer than MAX_PARAGRAPH_CHARS is cut between sentences, so that a
 * text that lost its paragraph breaks still yields passages of a readable size.
 */
export function paragraphSpans(text: string): { span: Span; sentences: Span[] }[] {
  const out: { span: Span; sentences: Span[] }[] = []
  const block = /[^\n]+(?:\n(?!\s*\n)[^\n]+)*/g
  for (const m of text.matchAll(block)) {
    const lines = splitListItems(text, m.index, m.index + m[0].length)
    for (const line of lines) {
      const sentences = sentenceSpans(text, line.start, line.end)
      if (sentences.length === 0) continue
      let piece: Span[] = []
      for (const s of sentences) {
        const first = piece[0]
        if (first && s.end - first.start > MAX_PARAGRAPH_CHARS) {
          out.push({
            span: { start: first.start, end: piece[piece.length - 1]?.end ?? first.end },
            sentences: piece,
          })
          piece = []
        }
        piece.push(s)
      }
      const first = piece[0]
      const last = piece[piece.length - 1]
      if (first && last) out.push({ span: { start: first.start, end: last.end }, sentences: piece })
    }
  }
  return out
}

/** A block whose lines are all at most this long is hard-wrapped prose: its lines join. */
const WRAP_WIDTH = 100

/**
 * Splits a block into paragraphs: at each line that starts a list item, and at every line when
 * the block is not hard-wrapped (one paragraph a line, as many text files are written).
 */
function splitListItems(text: string, start: number, end: number): Span[] {
  const spans: Span[] = []
  const lines = text.slice(start, end).split('\n')
  const wrapped = lines.slice(0, -1).every((l) => l.length <= WRAP_WIDTH)
  let from = start
  let pos = start
  while (pos < end) {
    const nl = text.indexOf('\n', pos)
    const lineEnd = nl < 0 || nl > end ? end : nl
    if (pos > from && (!wrapped || LIST_ITEM.test(text.slice(pos, lineEnd).trimStart()))) {
      spans.push({ start: from, end: pos - 1 })
      from = pos
    }
    pos = lineEnd + 1
  }
  spans.push({ start: from, end })
  return spans
}
