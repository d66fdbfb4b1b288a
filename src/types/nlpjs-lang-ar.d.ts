/** The part of @nlpjs/lang-ar (which ships no types) that Musalaha uses: its Snowball Arabic stemmer. */
declare module '@nlpjs/lang-ar' {
  export class StemmerAr {
    stem(word: string): string
  }
}
