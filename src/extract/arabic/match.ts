import { normalizeArabicWithOffsets } from '../../text/arabic.ts'

/**
 * Arabic rules match normalised text (no diacritics or tatweel, letter variants folded: see
 * text/arabic.ts) and report offsets in the original, so that quotes stay verbatim. A rule's
 * pattern is written in normalised letters, with these pieces for word edges and clitics.
 */

/** Letters of the Arabic alphabet (normalised text holds no others). */
const LETTER = '\\u0620-\\u064a\\u0671-\\u06d3'
/** Start and end of a word: JavaScript's \b knows no Arabic letters. */
export const B0 = `(?<![${LETTER}])`
export const B1 = `(?![${LETTER}])`
/** The conjunctions and prepositions that attach to a word, then the article. */
export const CLITICS = '(?:[وف])?(?:[بلك])?(?:ال|ل)?'
/** One word and the space after it. */
export const WORD = `[^\\s،؛.:!?؟«»"]+\\s+`

/** A sentence (or title) in its normalised form, with the way back to the original. */
export interface NormalSpan {
  /** Normalised text. */
  text: string
  /** The original offset of each normalised character (one more at the end). */
  offsets: number[]
  /** Where the span starts in the article. */
  base: number
}

export function normalSpan(text: string, start: number, end: number): NormalSpan {
  const n = normalizeArabicWithOffsets(text.slice(start, end))
  return { text: n.text, offsets: n.offsets, base: start }
}

/** The article offsets of a match on the normalised text. */
export function toArticle(span: NormalSpan, start: number, end: number): { start: number; end: number } {
  return {
    start: span.base + (span.offsets[start] ?? 0),
    end: span.base + (span.offsets[end] ?? span.offsets[span.offsets.length - 1] ?? 0),
  }
}

/** A rule of a table: an id (recorded on what it produces), its pattern, and its tests. */
export interface ArabicRule<T> {
  id: string
  /** Normalised letters; compiled with the flags 'gu'. */
  pattern: string
  examples: readonly string[]
  counterExamples: readonly string[]
  value: T
}

/** A rule's pattern compiled once. */
const compiled = new WeakMap<object, RegExp>()
export function regexOf(rule: { pattern: string }): RegExp {
  let re = compiled.get(rule)
  if (!re) {
    re = new RegExp(rule.pattern, 'gu')
    compiled.set(rule, re)
  }
  re.lastIndex = 0
  return re
}

/** Every match of a table's rules in a normalised text, longest first where two overlap. */
export function matchRules<T>(
  rules: readonly ArabicRule<T>[],
  text: string,
): { rule: ArabicRule<T>; start: number; end: number; text: string }[] {
  const found: { rule: ArabicRule<T>; start: number; end: number; text: string }[] = []
  for (const rule of rules)
    for (const m of text.matchAll(regexOf(rule)))
      found.push({ rule, start: m.index, end: m.index + m[0].length, text: m[0] })
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: typeof found = []
  for (const f of found) if (!kept.some((k) => k.start < f.end && f.start < k.end)) kept.push(f)
  return kept.sort((a, b) => a.start - b.start)
}
