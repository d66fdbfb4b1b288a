/** Queries as people type them: control characters out, whitespace folded, length capped. */

/** Longer queries are cut: no question needs more, and the index should not chew on a flood. */
export const MAX_QUERY_CHARS = 500

/** A query made safe to search: no control characters or lone surrogates, one space, at most MAX_QUERY_CHARS. */
export function cleanQuery(input: string): string {
  const flat = input
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (flat.length <= MAX_QUERY_CHARS) return flat
  const cut = flat.slice(0, MAX_QUERY_CHARS)
  return (/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut).trimEnd()
}

/** How long a query is shown back in a title or a sentence: people see what they asked, not a flood. */
export const SHOWN_QUERY_CHARS = 80

/** A query as it is shown back to people: cleaned, and cut with '…' when long. */
export function shownQuery(query: string): string {
  const q = cleanQuery(query)
  return q.length <= SHOWN_QUERY_CHARS ? q : `${q.slice(0, SHOWN_QUERY_CHARS).trimEnd()}…`
}
