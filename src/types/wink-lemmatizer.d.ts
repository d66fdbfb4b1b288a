/** wink-lemmatizer ships no types: its three functions, each a word in, its base form out. */
declare module 'wink-lemmatizer' {
  const lemmatizer: {
    noun(word: string): string
    verb(word: string): string
    adjective(word: string): string
  }
  export default lemmatizer
}
