import type { Skipped } from './types.ts'

/**
 * One line for the files that could not be used (rows of one file count once), or null: said on
 * every command and after a reload, so that a skipped file is never silent; `about` lists them
 * with their reasons.
 */
export function skippedNotice(skipped: readonly Skipped[]): string | null {
  const files = new Set(skipped.map((s) => s.file.replace(/:\d+$/, '')))
  if (files.size === 0) return null
  return `${files.size} file${files.size === 1 ? '' : 's'} skipped — see \`about\``
}
