import type { Article, Passage } from '../corpus/types.ts'
import {
  type AgreementArticleFacts,
  type Agreements,
  extractAgreementFacts,
  mergeAgreements,
} from './agreements.ts'
import { type Aliases, EMPTY_ALIASES } from './aliases.ts'
import { extractFactionFacts, type FactionArticleFacts, type Factions, mergeFactions } from './factions.ts'

/**
 * Facts are extracted per article at index time (so that one changed article costs one article's
 * work) and merged across the corpus. Everything here is plain JSON: it is cached with the index.
 * Bump FACTS_VERSION whenever extraction changes: the cache key holds it.
 */
export const FACTS_VERSION = 2

export interface ExtractEnv {
  aliases: Aliases
}

export const DEFAULT_ENV: ExtractEnv = { aliases: EMPTY_ALIASES }

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
  return {
    agreements: extractAgreementFacts(article, passages, env),
    factions: extractFactionFacts(article, passages, env),
  }
}

export function mergeFacts(perArticle: ReadonlyMap<string, ArticleFacts>, env: ExtractEnv): Facts {
  const all = [...perArticle.values()]
  return {
    agreements: mergeAgreements(
      all.map((f) => f.agreements),
      env,
    ),
    factions: mergeFactions(
      all.map((f) => f.factions),
      env,
    ),
  }
}
