/**
 * Right-to-left text among left-to-right text. Where Arabic meets Latin on one line (an Arabic
 * title in a citation line, an Arabic faction name in an English sentence, a quote followed by
 * its '[1]'), the Unicode bidirectional algorithm reorders the neutral characters between them
 * and the line reads scrambled. Each run of Arabic is put in an isolate (RLI … PDI, Unicode
 * UAX #9), which lays it out right to left by itself and leaves the rest of the line alone.
 * Terminals and Discord clients that know the isolates show them right; others ignore them.
 */

export const RLI = '\u2067'
export const PDI = '\u2069'

/** Arabic letters, with marks, digits, spaces and Arabic punctuation between them; « » around them. */
const ARABIC_RUN =
  /«?[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff](?:[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\u064b-\u065f \d«»().,:/-]*[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff»])?/gu

/** The text with each run of Arabic isolated; text without Arabic as it is. Idempotent. */
export function isolateArabic(text: string): string {
  if (!/[\u0600-\u06ff]/.test(text) || text.includes(RLI)) return text
  return text.replace(ARABIC_RUN, (run) => `${RLI}${run}${PDI}`)
}

/** The text without the isolates (to compare or measure what was written). */
export function withoutIsolates(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, '')
}
