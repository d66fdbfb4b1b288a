import type { Article, Passage } from '../corpus/types.ts'
import type { ExtractEnv } from './facts.ts'

/** Issue #5 replaces these with faction and stance extraction. */
export type FactionArticleFacts = unknown[]
export type Factions = unknown[]

export function extractFactionFacts(
  _article: Article,
  _passages: readonly Passage[],
  _env: ExtractEnv,
): FactionArticleFacts {
  return []
}

export function mergeFactions(_all: FactionArticleFacts[], _env: ExtractEnv): Factions {
  return []
}
