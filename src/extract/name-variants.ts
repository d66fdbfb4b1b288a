/**
 * How near two spellings of a faction's name are, for the rules that join spellings (data/
 * faction-name-rules.json, 'join:same-name' and 'join:rare-misspelling'). Written by hand: the
 * comparison is of romanised Arabic names, whose spellings differ in their vowels, which no
 * string-distance library knows.
 */

/** True when two strings differ by one letter inserted, deleted, changed, or two swapped. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length)
    return (
      a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
    )
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

/** True when one string is the other with one vowel more. */
export function vowelApart(a: string, b: string): boolean {
  const [long, short] = a.length > b.length ? [a, b] : [b, a]
  if (long.length !== short.length + 1) return false
  let i = 0
  while (i < short.length && long[i] === short[i]) i++
  return /[aeiouy]/.test(long[i] ?? '') && long.slice(i + 1) === short.slice(i)
}

/**
 * A folded word's consonants, as transliterations of one Arabic word share them: the vowels
 * dropped (after the first letter), doubled letters made one, and a final 'h' after a vowel (the
 * Arabic feminine ending, 'Nusrah' and 'Nusra') dropped.
 */
export function consonants(word: string): string {
  // Doubled letters are made one before the vowels go: 'Fustat' keeps both its t's.
  const w = word
    .replace(/([aeiouy])h$/, '$1')
    .replace(/ch/g, 'sh')
    .replace(/(.)\1+/g, '$1')
  return w.slice(0, 1) + w.slice(1).replace(/[aeiouy]/g, '')
}

/**
 * True when `rare` may be a misspelling of `common` (both folded names): as many words, each word
 * starting with the same letter and at most one letter longer or shorter, and their consonants one
 * letter apart at most in all ('jabhat nurah' and 'jabhat nusra'; not 'jaysh fastat' and
 * 'jaysh fatah', two apart). How often each is written is the caller's to weigh.
 */
export function mayBeMisspelling(rare: string, common: string): boolean {
  if (rare === common) return false
  const a = rare.split(' ')
  const b = common.split(' ')
  if (a.length !== b.length) return false
  let edits = 0
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? ''
    const y = b[i] ?? ''
    if (x === y) continue
    if (x[0] !== y[0] || Math.abs(x.length - y.length) > 1) return false
    const cx = consonants(x)
    const cy = consonants(y)
    if (cx === cy) continue
    if (!oneEditApart(cx, cy) || ++edits > 1) return false
  }
  return true
}
