import type { Article, Passage } from '../corpus/types.ts'
import type { ExtractEnv } from './facts.ts'

/** Issue #4 replaces these with agreement and term extraction. */
export type AgreementArticleFacts = unknown[]
export type Agreements = unknown[]

export function extractAgreementFacts(
  _article: Article,
  _passages: readonly Passage[],
  _env: ExtractEnv,
): AgreementArticleFacts {
  return []
}

export function mergeAgreements(_all: AgreementArticleFacts[], _env: ExtractEnv): Agreements {
  return []
}
