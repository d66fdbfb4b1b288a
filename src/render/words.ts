/** "1 article", "3 articles": a count with its noun, plural when it is not one. */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`
}

/**
 * How sure an answer is, in words a reader understands instead of a figure: the confidence
 * (0..1) of `ask` by thresholds chosen so that "sure" is what its tests find right.
 */
export function confidenceWords(confidence: number): string {
  if (confidence >= 0.8) return 'sure'
  if (confidence >= 0.5) return 'fairly sure'
  if (confidence > 0) return 'not sure: check the quotes'
  return 'no answer found'
}
