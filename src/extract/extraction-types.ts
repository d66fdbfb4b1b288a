import { type Aliases, EMPTY_ALIASES } from './aliases.ts'

/**
 * What every extractor is given besides the article: the corpus's curated names. It lives apart
 * from facts.ts (which imports the extractors) so that the extractors need not import facts.ts back.
 */
export interface ExtractEnv {
  aliases: Aliases
}

export const DEFAULT_ENV: ExtractEnv = { aliases: EMPTY_ALIASES }
