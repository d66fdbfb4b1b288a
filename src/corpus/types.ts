/** A character range [start, end) in an article's cleaned text. */
export interface Span {
  start: number
  end: number
}

/** One article after loading and cleaning: `text` is what is indexed and quoted. */
export interface Article {
  /** File name without extension, or a row's id. */
  id: string
  title: string
  source: string | null
  author: string | null
  /** YYYY-MM-DD */
  date: string | null
  url: string | null
  /** Cleaned text: paragraphs separated by one blank line. */
  text: string
  /** The file it came from (for a row: `file:line`). */
  origin: string
  /** Fields of the record that have no place above (translator, keywords, extra CSV columns…). */
  meta: Record<string, string>
}

/** A paragraph or list item of an article: the unit of search and citation. */
export interface Passage {
  /** `${articleId}#${paragraph}` */
  id: string
  articleId: string
  /** 1-based, in the cleaned article. */
  paragraph: number
  text: string
  /** Offsets of the passage in the article's cleaned text. */
  start: number
  end: number
  /** Sentences as offsets into the article's cleaned text. */
  sentences: Span[]
}

/** A file, or a row of one, that could not be used, and why. */
export interface Skipped {
  file: string
  reason: string
}
