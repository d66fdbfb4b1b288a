/**
 * The rules that find an agreement's terms, as tables: each rule has an id (recorded on the term
 * it finds), a pattern, and examples and counter-examples that test/extract/term-rules.test.ts
 * runs. Patterns are regular expressions here rather than JSON because they are built from the
 * shared deal nouns (deal-words.ts); the tables are the one place to add a way of writing terms.
 */
import { DEAL_NOUN, PROPOSAL_NOUN } from './deal-words.ts'

export interface TextRule {
  id: string
  re: RegExp
  examples: readonly string[]
  counterExamples: readonly string[]
}

const DEAL = `(?:${DEAL_NOUN}|${PROPOSAL_NOUN})`

/** Sentences that state a term: an obligation, a permission, an undertaking, what the deal says. */
export const TERM_SENTENCE_RULES: readonly TextRule[] = [
  {
    id: 'permission',
    re: /\b(?:(?:is|are|will be|would be|shall be|be) (?:permitted|allowed|entitled|granted|given|guaranteed)|would have (?:permitted|allowed|let|given|granted)|may (?:leave|stay|remain|return|keep|retain|choose|move|take|go|carry)|(?:are|is|be) free to)\b/i,
    examples: [
      'Each fighter is permitted to leave with a rifle.',
      'Civilians may choose Idlib or Jarablus.',
      'The offer would have allowed the fighters to keep their rifles.',
    ],
    counterExamples: ['The fighters left with their rifles.'],
  },
  {
    id: 'obligation',
    re: /\b(?:must|shall|(?:has|have|had) to|(?:is|are) (?:required|obliged|obligated|expected) to|subject to|obligatory|compulsory|(?:is|are|was|were) to (?:be )?(?!\w+ing\b)\w+|to be (?:\w+ed|handed over|given|taken|driven|sent)|will (?:not )?(?:be \w+(?:ed|en)|leave|enter|hand|deliver|withdraw|release|return|open|reopen|deploy|remain|stay|receive|include|cease|stop|allow|guarantee|provide|form|be subject)|would (?:be (?:\w+ed|given)|leave|hand|enter|withdraw|release|return))\b/i,
    examples: [
      'Fighters must hand over their heavy weapons.',
      'The Islamic Front is to release about 70 people.',
      'The army will not enter the town.',
    ],
    counterExamples: ['The army entered the town.'],
  },
  {
    id: 'undertaking',
    re: /\b(?:agreed (?:to|on|upon|that)|pledged? to|vow(?:ed|s)? to|commit(?:s|ted)? to|undert(?:akes|ook) to|set (?:a|the) deadline)\b/i,
    examples: ['The government pledged to release 500 detainees.'],
    counterExamples: ['The government released 500 detainees.'],
  },
  {
    id: 'stipulation',
    re: new RegExp(
      String.raw`\b(?:stipulat(?:es|ed|ing)|provid(?:es|ed|ing)? for|call(?:s|ed)? for|spell(?:s|ed)? out|sets? out|(?:point|term|condition|clause|provision|item)s? of the ${DEAL} (?:was|is|are|were|includes?|included|stipulates?)|the (?:terms|conditions|provisions) (?:include|included|are|were)|${DEAL}s? (?:demand(?:s|ed)?|require[sd]?) that)\b`,
      'i',
    ),
    examples: [
      'The deal stipulates that fighters may keep light weapons.',
      'It also provided for the Red Crescent to move the wounded.',
      'The terms included an exchange of bodies.',
      'The proposal demanded that all fighters join the Fifth Corps within a month.',
    ],
    counterExamples: ['The Red Crescent moved the wounded.', 'Residents demanded that the army withdraw.'],
  },
  {
    id: 'under-the-deal',
    re: new RegExp(
      String.raw`\b(?:under|according to|as part of|in line with) the (?:[\w'’]+ ){0,3}${DEAL}\b|^\s*Under (?:it|its terms)\b`,
      'i',
    ),
    examples: [
      'Under the truce, detainees are freed in two rounds.',
      'Gunmen hand in their weapons as part of the town’s reconciliation.',
      'Under it, wanted men settle their status.',
    ],
    counterExamples: ['The truce held for a week.'],
  },
  {
    id: 'in-return',
    re: /\b(?:in (?:return|exchange)(?: for)?|in a swap for|exchanged for)\b/i,
    examples: ['In return the group revealed where it had buried the soldiers.'],
    counterExamples: ['The group returned to its bases.'],
  },
]

/**
 * What opens a list of terms, written into the sentence after it or as the list items that
 * follow: 'the terms include:', 'Under the agreement:', 'the deal provides for the following:'.
 */
export const LIST_INTRO_RULES: readonly TextRule[] = [
  {
    id: 'terms-include',
    re: /\b(?:terms|conditions|items|points|provisions|demands|clauses|stipulations|requirements)\b[^.:;]{0,80}?\b(?:(?:include[sd]?|including|stipulate[sd]?|provides? for|consists? of)\b\s*:?|(?:are|were)\s*(?:as follows\s*)?:|as follows\b\s*:?)\s*/i,
    examples: ['The terms include the exit of fighters, the return of the displaced and an amnesty.'],
    counterExamples: ['The terms were harsh.'],
  },
  {
    id: 'terms-colon',
    re: /\b(?:terms|conditions|items|points|provisions|demands|clauses)\b[^.:;]{0,60}:\s*/i,
    examples: ['The main points of the deal: a ceasefire; the exit of fighters.'],
    counterExamples: ['The terms, he said, were harsh.'],
  },
  {
    id: 'deal-colon',
    re: new RegExp(
      String.raw`\b(?:(?:under|according to|in|by) the (?:\w+ ){0,3}${DEAL}|${DEAL}\b[^.:;]{0,60}?\b(?:include[sd]?|stipulate[sd]?|provides? for|provided for|sets? out|calls? for|specif(?:y|ies|ied)|says?|said)|(?:agreed|signed) (?:on|to|upon)?)\b[^.:;]{0,40}:\s*`,
      'i',
    ),
    examples: ['Under the agreement: the fighters leave; the army enters.'],
    counterExamples: ['Under the agreement the army enters the town.'],
  },
  {
    id: 'the-following',
    re: /\bthe following\b[^.:;]{0,30}:\s*/i,
    examples: ['The two sides agreed on the following: a ceasefire; an exchange of detainees.'],
    counterExamples: ['The following day, the buses left.'],
  },
]

/** The first rule of a table whose pattern the text matches, or null. */
export function firstRule(rules: readonly TextRule[], text: string): TextRule | null {
  for (const r of rules) if (r.re.test(text)) return r
  return null
}

/** The first list intro of a sentence, with where the list starts after it. */
export function listIntro(sentence: string): { rule: string; end: number } | null {
  let best: { rule: string; end: number; start: number } | null = null
  for (const r of LIST_INTRO_RULES) {
    const m = sentence.match(r.re)
    if (m && m.index !== undefined && (!best || m.index < best.start))
      best = { rule: r.id, end: m.index + m[0].length, start: m.index }
  }
  return best && { rule: best.rule, end: best.end }
}
