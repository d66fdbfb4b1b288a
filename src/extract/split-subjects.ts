/**
 * Subjects that split a group just named into parts: 'two dozen members of X refused, while
 * roughly 30 others accepted'. The part stands for the group named earlier in its sentence, so
 * each part's stance is the group's evidence, and a group split both ways reads as mixed.
 * Rules are data: each has an id, its pattern (matched at the start of a clause) and examples
 * and counter-examples that are its tests (test/extract/split-subjects.test.ts).
 */
export interface SplitSubjectRule {
  id: string
  /** Matched at the start of a clause, after 'while', 'but', ';'. */
  pattern: RegExp
  examples: string[]
  counterExamples: string[]
}

/** An optional quantity before the part: 'roughly 30', 'about two dozen', 'dozens of'. */
const QUANTITY = String.raw`(?:(?:roughly|about|around|some|nearly|almost|at least|more than|over|up to)\s+)?(?:\d[\d,]*|a few|a dozen|two dozen|dozens|hundreds|several|many|most|few)`

export const SPLIT_SUBJECT_RULES: readonly SplitSubjectRule[] = [
  {
    id: 'split:others',
    pattern: new RegExp(String.raw`^\s*(?:${QUANTITY}\s+)?(?:of\s+)?(?:the\s+)?others\b`, 'i'),
    examples: [
      'roughly 30 others accepted it',
      'the others agreed',
      'others signed up',
      'dozens of others stayed',
    ],
    counterExamples: ['other groups refused', 'the government accepted', 'another faction refused'],
  },
  {
    id: 'split:the-rest',
    pattern: /^\s*the\s+(?:rest|remainder|remaining\s+(?:members|fighters|men))\b/i,
    examples: ['the rest accepted the deal', 'the remaining fighters agreed', 'the remainder stayed'],
    counterExamples: ['the restaurant refused', 'the army agreed'],
  },
  {
    id: 'split:quantified-members',
    pattern: new RegExp(
      String.raw`^\s*${QUANTITY}\s+(?:of\s+(?:its|their|the group's)\s+)?(?:members|fighters|militants|gunmen|men)\b(?!\s+of\b)`,
      'i',
    ),
    examples: ['some 200 fighters accepted', 'most of its members agreed', 'several fighters refused'],
    counterExamples: ['fighters of Jaish al-Islam refused', 'militants agreed', 'the army accepted'],
  },
]

/** The rule whose pattern opens this clause text, if any. */
export function splitSubjectAt(clause: string): { rule: SplitSubjectRule; length: number } | null {
  for (const rule of SPLIT_SUBJECT_RULES) {
    const m = rule.pattern.exec(clause)
    if (m) return { rule, length: m[0].length }
  }
  return null
}
