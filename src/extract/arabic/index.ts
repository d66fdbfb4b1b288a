import type { Article, Passage } from '../../corpus/types.ts'
import type { ArticleFacts } from '../facts.ts'
import { extractArabicAgreementFacts } from './agreements.ts'
import { extractArabicFactionFacts } from './stance.ts'

/**
 * Facts from the Arabic of an article, added to what the English rules found in it: the same
 * fact types (agreements with their terms, factions with their stance evidence), quotes verbatim
 * in Arabic. An article with only a stray Arabic word is left to the English rules.
 */

/** Arabic letters an article needs before the Arabic rules read it. */
export const MIN_ARABIC_LETTERS = 40

function arabicLetters(text: string): number {
  let n = 0
  for (const ch of text) if (ch >= '\u0621' && ch <= '\u064a' && ++n >= MIN_ARABIC_LETTERS) break
  return n
}

export function withArabicFacts(
  article: Article,
  passages: readonly Passage[],
  facts: ArticleFacts,
): ArticleFacts {
  if (arabicLetters(article.text) < MIN_ARABIC_LETTERS) return facts
  const factions = extractArabicFactionFacts(article, passages)
  return {
    ...facts,
    agreements: [...facts.agreements, ...extractArabicAgreementFacts(article, passages)],
    factions: {
      ...facts.factions,
      mentions: [...facts.factions.mentions, ...factions.mentions],
      evidence: [...facts.factions.evidence, ...factions.evidence],
    },
  }
}
