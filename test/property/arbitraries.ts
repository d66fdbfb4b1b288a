import fc from 'fast-check'

/** Any UTF-16 string: lone surrogates, controls, astral characters, Arabic, markdown. */
export const anyUtf16 = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.constantFrom(
        'Jaish al-Izza',
        'Hay’at',
        'Daraa',
        ' ',
        '\n\n',
        '**',
        '…',
        '@everyone',
        'غوطة',
        '😀',
        'é',
      ),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''))

/** True when a string holds a surrogate half without its other half. */
export function hasLoneSurrogate(s: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)
}
