/**
 * Regular-expression sources built from the shared word lists of text/lexicon.ts, so that the
 * agreement, term and stance readers match the same deal nouns (a noun added there is matched
 * here at once). Each source is a non-capturing group; callers add `\b` and flags.
 */
import { DEAL_NOUNS, PROPOSAL_NOUNS } from '../text/lexicon.ts'

/** 'cease-fire' is written 'ceasefire', 'cease-fire' and 'cease fire'. */
function variants(noun: string): string {
  return noun.replace(/-/g, '[- ]?')
}

/** Any deal noun, singular or plural: 'agreement', 'truces', 'cease-fire'. */
export const DEAL_NOUN = `(?:${DEAL_NOUNS.map(variants).join('|')})s?`

/** Any proposal noun, singular or plural. */
export const PROPOSAL_NOUN = `(?:${PROPOSAL_NOUNS.join('|')})s?`

/** Deal nouns that also mean something else ('a settlement', 'mutual understanding', the reconciliation ministry). */
const LOOSE = new Set<string>(['understanding', 'settlement', 'reconciliation'])

/** The deal nouns an agreement is named by ('the Zabadani truce'), singular: the caller adds the plural. */
export const DEAL_KIND = `(?:${DEAL_NOUNS.filter((n) => !LOOSE.has(n))
  .map(variants)
  .join('|')})`
