/**
 * Markdown to plain text with the `marked` lexer: headings, paragraphs and quotes become lines,
 * list items stay items ("- …"), links keep their text, images go, code keeps its text, a table
 * becomes one line a row. The plain-text reader then treats it as any text.
 */
import { lexer, type Token, type Tokens } from 'marked'

export interface MarkdownText {
  text: string
  /** The first level-1 heading, if the document starts with one: its headline. */
  heading: string | null
}

export function markdownToText(md: string): MarkdownText {
  const tokens = lexer(md)
  const blocks: string[] = []
  let heading: string | null = null
  for (const token of tokens) {
    if (
      heading === null &&
      blocks.length === 0 &&
      token.type === 'heading' &&
      (token as Tokens.Heading).depth === 1
    ) {
      heading = inline((token as Tokens.Heading).tokens)
      continue
    }
    const text = block(token)
    if (text) blocks.push(text)
  }
  return { text: blocks.join('\n\n'), heading }
}

function block(token: Token): string {
  switch (token.type) {
    case 'heading':
    case 'paragraph':
      return inline((token as Tokens.Heading | Tokens.Paragraph).tokens)
    case 'text': {
      const t = token as Tokens.Text
      return t.tokens ? inline(t.tokens) : t.text
    }
    case 'blockquote':
      return (token as Tokens.Blockquote).tokens.map(block).filter(Boolean).join('\n\n')
    case 'list':
      return (token as Tokens.List).items
        .map((item, n) => {
          const body = item.tokens
            .map(block)
            .filter(Boolean)
            .join(' ')
            .replace(/\s*\n\s*/g, ' ')
          return (token as Tokens.List).ordered
            ? `${Number((token as Tokens.List).start || 1) + n}. ${body}`
            : `- ${body}`
        })
        .join('\n')
    case 'code':
      return (token as Tokens.Code).text
    case 'table': {
      const t = token as Tokens.Table
      const row = (cells: Tokens.TableCell[]) => cells.map((c) => inline(c.tokens)).join(' | ')
      return [row(t.header), ...t.rows.map(row)].join('\n')
    }
    case 'html':
      return (token as Tokens.HTML).text.replace(/<[^>]+>/g, '').trim()
    case 'hr':
      return '---'
    default:
      return ''
  }
}

function inline(tokens: Token[] | undefined): string {
  if (!tokens) return ''
  let out = ''
  for (const t of tokens) {
    switch (t.type) {
      case 'image':
        break
      case 'br':
        out += '\n'
        break
      case 'codespan':
        out += (t as Tokens.Codespan).text
        break
      case 'html':
        break
      case 'escape':
      case 'text': {
        const x = t as Tokens.Text
        out += x.tokens ? inline(x.tokens) : decode(x.text)
        break
      }
      default: {
        const withTokens = t as { tokens?: Token[]; text?: string }
        out += withTokens.tokens ? inline(withTokens.tokens) : decode(withTokens.text ?? '')
      }
    }
  }
  return out
}

/** marked escapes &, <, >, " and ' in text tokens: back to the characters. */
function decode(s: string): string {
  return s.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? _,
  )
}
