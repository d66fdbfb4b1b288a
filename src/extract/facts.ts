import type { Article, Passage } from '../corpus/types.ts'
import {
  type AgreementArticleFacts,
  type Agreements,
  extractAgreementFacts,
  mergeAgreements,
} from './agreements.ts'
import { withArabicFacts } from './arabic/index.ts'
import type { ExtractEnv } from './extraction-types.ts'
import { extractFactionFacts, type FactionArticleFacts, type Factions, mergeFactions } from './factions.ts'

/**
 * Facts are extracted per article at index time (so that one changed article costs one article's
 * work) and merged across the corpus. Everything here is plain JSON: it is cached with the index.
 * Bump FACTS_VERSION whenever extraction changes: the cache key holds it.
 */
export const FACTS_VERSION = 6

export { DEFAULT_ENV, type ExtractEnv } from './extraction-types.ts'

export interface ArticleFacts {
  agreements: AgreementArticleFacts
  factions: FactionArticleFacts
}

export interface Facts {
  agreements: Agreements
  factions: Factions
}

export function extractArticleFacts(
  article: Article,
  passages: readonly Passage[],
  env: ExtractEnv,
): ArticleFacts {
  return withArabicFacts(article, passages, {
    agreements: extractAgreementFacts(article, passages, env),
    factions: extractFactionFacts(article, passages, env),
  })
}

/** The facts merged before, and the articles added, changed or removed since. */
export interface FactsUpdate {
  previous: Facts
  changed: ReadonlySet<string>
}

/**
 * The facts of the corpus. With `update`, what no changed article touches is taken over from the
 * previous merge, so that one changed article costs milliseconds on a large corpus; the result is
 * the same as a merge from scratch.
 */
export function mergeFacts(
  perArticle: ReadonlyMap<string, ArticleFacts>,
  env: ExtractEnv,
  update?: FactsUpdate,
): Facts {
  // On general news most articles tell of no agreement and name no faction: one pass leaves them out.
  const agreements: AgreementArticleFacts[] = []
  const factions: FactionArticleFacts[] = []
  for (const f of perArticle.values()) {
    if (f.agreements.length > 0) agreements.push(f.agreements)
    if (f.factions.mentions.length > 0 || f.factions.evidence.length > 0) factions.push(f.factions)
  }
  return {
    agreements: mergeAgreements(
      agreements,
      env,
      update && { agreements: update.previous.agreements, changed: update.changed },
    ),
    factions: mergeFactions(factions, env),
  }
}
