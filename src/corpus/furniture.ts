/**
 * Site furniture: what a page shows around an article that is not the article (menus, share
 * buttons, tickers, related links, captions, notices, copyright lines). Each rule is data: an id,
 * what it catches, and examples and counter-examples that test/corpus/furniture.test.ts checks.
 * The rules look at the shape of a line (short items joined by separators, a label and a colon,
 * a widget's vocabulary), never at the strings of particular sites.
 */

export type FurnitureKind =
  /** The line is dropped. */
  | 'line'
  /** The line and the rest of its block (the lines up to the next blank line) are dropped. */
  | 'block'

export interface FurnitureRule {
  id: string
  description: string
  kind: FurnitureKind
  test: (line: string) => boolean
  /** Lines the rule must catch. */
  examples: string[]
  /** Lines the rule must leave alone (article prose that looks a little like it). */
  counterExamples: string[]
}

/** Separators of menu items, breadcrumbs and widget rows. */
const ITEM_SEPARATOR = /\s*(?:\||\u2022|\u00b7|::|\*\*\*)\s*|\s+(?:\/|>|»|›|-)\s+/
/** `[ Home ]  [ Syria ]`: menu items in brackets. */
const BRACKETED_ITEMS = /^(?:\[\s*[^\]]{1,30}\s*\]\s*){3,}$/

/** Words in a short item: menus and widget rows hold a few words an item. */
const words = (s: string) => s.split(/\s+/).filter(Boolean)

/** Ends as a sentence ends (a full stop, question or exclamation mark, maybe in quotes). */
const SENTENCE_END = /[.!?]["”’)]?$/

/** A row of at least three short items joined by separators: a menu, a breadcrumb, a widget row. */
export function isItemRow(line: string): boolean {
  if (BRACKETED_ITEMS.test(line)) return true
  const items = line
    .split(ITEM_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean)
  if (items.length < 3) return false
  return items.every((item) => item.length <= 40 && words(item).length <= 5 && !SENTENCE_END.test(item))
}

const re = (pattern: RegExp) => (line: string) => pattern.test(line)

export const FURNITURE_RULES: readonly FurnitureRule[] = [
  {
    id: 'item-row',
    description: 'a menu, breadcrumb or widget row: three or more short items joined by | • · / > ::',
    kind: 'line',
    test: isItemRow,
    examples: [
      'Home | World | Middle East | Business | Opinion',
      'Home / Local / Rural Damascus / Economy',
      '[ Home ]  [ Syria ]  [ Iraq ]',
      'Comments (5)   |   Share   |   Print',
      'News • Sport • Weather',
    ],
    counterExamples: [
      'The talks in Astana | Geneva stalled.',
      'Rebels left Homs, Hama and Idlib on Friday, activists said.',
      'Fighters from al-Tal / Qudsaya went north',
    ],
  },
  {
    id: 'share-widget',
    description: 'share, print, email and follow buttons',
    kind: 'line',
    test: (l) =>
      words(l).length <= 12 &&
      !SENTENCE_END.test(l) &&
      /^(?:share(?: this(?: article| story| page)?| on \w+)?|tweet|e-?mail|print|follow(?: us)?(?: on \w+)?|like this|send)\b\s*(?:[:|·•-]|$|\s+(?:facebook|twitter|whatsapp|e-?mail|telegram|linkedin|instagram|print|tweet|share|f|t)\b)/i.test(
        l,
      ),
    examples: [
      'Share this:  Facebook | Twitter | Email | Print',
      'Share this article:  Facebook  Twitter  WhatsApp  Email',
      'Follow us: Facebook | Telegram | Twitter',
      'Share',
      'Tweet | Share | Email | Print',
    ],
    counterExamples: ['Share prices fell in Damascus on Monday.', 'Print media were banned in 2012.'],
  },
  {
    id: 'subscribe',
    description: 'newsletter, sign-up, subscription and donation appeals',
    kind: 'line',
    test: (l) =>
      words(l).length <= 30 &&
      (/^(?:newsletter|sign up|subscribe|support (?:our|us)|donate|get (?:our|the)\b.{0,60}\b(?:newsletter|briefing|headlines))\b/i.test(
        l,
      ) ||
        /\b(?:our (?:morning |daily |weekly )?newsletter|in your inbox|enter your e-?mail|sign up for)\b/i.test(
          l,
        )),
    examples: [
      'Newsletter: Get Cedar Daily headlines every evening - enter your email',
      'Sign up for our morning newsletter | Follow us on Instagram',
      'Support our work: the site is funded by readers. Donate today.',
      'Get our Levant briefing every morning',
    ],
    counterExamples: ['The newsletter of the council was banned.', 'Residents were told to sign the lists.'],
  },
  {
    id: 'cookie-notice',
    description: 'cookie and consent notices',
    kind: 'line',
    test: (l) =>
      words(l).length <= 45 &&
      /\bcookies?\b/i.test(l) &&
      /\b(?:use|uses|using|accept|policy|preferences|consent|continuing|settings|partners)\b/i.test(l),
    examples: [
      'We use cookies. By continuing you accept our cookie policy. [OK]',
      'This website uses cookies to improve your experience. [Accept] [Read more]',
    ],
    counterExamples: ['Aid trucks carried flour, rice and cookies for the children.'],
  },
  {
    id: 'ticker',
    description:
      'a news ticker or alert line: a label such as Latest, Breaking, Live or Most read and a colon',
    kind: 'line',
    test: re(
      /^(?:>>\s*)?(?:latest(?: news)?|breaking(?: news)?|live|just in|developing|trending|most (?:read|popular|viewed|shared)|top stories|[\p{L}]+ alert|news ticker)\s*:/iu,
    ),
    examples: [
      'LATEST: Weather - dust storm warning for the eastern desert',
      'Breaking: Traffic diverted on the highway',
      '>> Live: situation in the old city',
      'Heatwave alert: temperatures above 40C expected again',
      'Most popular: 1. Where to swim  2. Ferry timetables',
    ],
    counterExamples: [
      'Latest figures show 400 fighters left.',
      'Live fire was heard in the town: activists said.',
    ],
  },
  {
    id: 'related-block',
    description: 'a "Related", "Read more", "More on …" heading: it and the links under it',
    kind: 'block',
    test: (l) =>
      /^(?:related(?: stories| coverage| articles| posts| news| content| links| reading)?|read (?:more|next|also)|also read|more (?:on|from|in|about) [\p{L} -]{1,30}|see also|further reading|recommended(?: for you)?|you (?:may|might) also like|what to read next)\s*(?::.*)?$/iu.test(
        l,
      ) && !SENTENCE_END.test(l.replace(/^[^:]*:/, '').trim() || 'x'),
    examples: [
      'Related stories',
      'Read more:',
      'Related: Nimrud, Hatra and the war on the past | How satellites track damage',
      'MORE FROM SYRIA',
      'More on Syria',
      'Read next',
    ],
    counterExamples: ['Read more about the deal in the statement, the council said.'],
  },
  {
    id: 'comments',
    description: 'a comment section: its heading, the comments under it, and its buttons',
    kind: 'block',
    test: re(
      /^(?:comments?(?:\s*\(\d+\))?|\d+ comments?|load more comments|(?:leave|post|add|show) (?:a |your )?comments?|join the (?:discussion|conversation))\s*:?$/i,
    ),
    examples: ['Comments (3)', 'Load more comments', 'Leave a comment'],
    counterExamples: ['Comments made by the governor angered residents.'],
  },
  {
    id: 'comment-form',
    description: 'a comment form and blog widgets: its prompts, fields and notices',
    kind: 'block',
    test: re(
      /%d bloggers like this|^like this:?$|\bfill (?:in )?all (?:the )?(?:required )?fields\b|\bconfirmation code\b|^(?:your comment )?will (?:now )?be shown\b|^post your comments?\b|^responsibility for the information and views\b/i,
    ),
    examples: [
      '%d bloggers like this:',
      'Post Your Comments',
      'This confirmation code will prevent auto submit',
    ],
    counterExamples: ['The comment was shown on state television.'],
  },
  {
    id: 'caption',
    description: 'a photo caption or credit, a bracketed or labelled picture line',
    kind: 'line',
    test: (l) =>
      words(l).length <= 40 &&
      (/^\[.*\]$/.test(l) ||
        /^\(?(?:photo|picture|image|video|credit|caption|file photo|pictured)\s*:/i.test(l) ||
        /(?:\b(?:photo|credit|picture)\s*:|©|\((?:archive |file )?photo\)|\b(?:afp|reuters|ap|getty images)\s*\/)/i.test(
          l,
        )),
    examples: [
      '[Photo: A green bus waits at the entrance. Credit: the site]',
      'PHOTO: The temple in 2010, before the war. (Archive photo)',
      'Buses wait in a ruined street. Photo: Activist handout via social media',
      'Residents wait by a damaged building. © Some Agency / pool',
    ],
    counterExamples: ['The photo showed buses leaving the town, activists said.'],
  },
  {
    id: 'copyright',
    description: 'copyright and rights lines, and the footer links that share their line',
    kind: 'line',
    test: (l) =>
      words(l).length <= 30 &&
      (/(?:\([cC]\)|©)\s*(?:\d{4}|\p{Lu})|\b[cC]opyright\s+(?:©\s*)?\d{4}/u.test(l) ||
        /\ball rights reserved\b/i.test(l)),
    examples: [
      '(c) 2014 Levant Wire Service. All rights reserved. | Privacy | Terms of use',
      'Damascus Now (c) 2016 - All rights reserved',
      '© Al-Sharq Digest 2016. Reproduction without permission is prohibited.',
    ],
    counterExamples: ['The copyright of the footage is disputed, the agency said in a long statement.'],
  },
  {
    id: 'page-widget',
    description: 'single-word widgets and page chrome: advertisement, skip to content, reading time, tags',
    kind: 'line',
    test: re(
      /^(?:advertisement|advert|sponsored(?: content)?|skip to (?:main )?content|menu|search|home|logo(?: \w+)?|(?:breaking )?news ticker|\d+ min(?:ute)?s? read|(?:helpful )?keywords|(?:tags|filed under|topics|categories|(?:helpful )?keywords)\s*:.*)$/i,
    ),
    examples: [
      'Advertisement',
      'Skip to content',
      '4 min read',
      'Tags: Raqqa, SDF, tribes',
      'Filed under: Idlib, HTS',
      'News Ticker',
      'Logo Wide',
      'Helpful keywords',
    ],
    counterExamples: ['Advertisements for the deal appeared on state television.'],
  },
  {
    id: 'editorial-note',
    description: "editor's and translator's notes, compilation and credit lines (kept as metadata)",
    kind: 'line',
    test: (l) => editorialNote(l) !== null,
    examples: [
      "Editor's note: An earlier version of this article gave the length in miles.",
      'Translated from Arabic by the desk.',
      'This article was translated and edited by the English desk.',
      '(Reporting by Karim Haddad; editing by the Beirut desk)',
      'This report was compiled from local and state media. It could not verify the numbers.',
    ],
    counterExamples: ['Reporters by the road counted 40 buses.', 'The editor of the paper was arrested.'],
  },
  {
    id: 'page-number',
    description: 'a page number or "Page 4 of 12" line, as text copied from a PDF keeps them',
    kind: 'line',
    test: re(/^(?:page\s+\d{1,4}|\d{1,3})(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,3}\s*[-–—]$/i),
    examples: ['Page 4', '12', 'Page 3 of 10', '- 7 -'],
    counterExamples: ['4 buses left', '2016'],
  },
]

/** What an editorial line is kept as in the article's meta. */
export type NoteField = 'editorsNote' | 'translator' | 'credit'

const NOTE_PATTERNS: readonly (readonly [NoteField, RegExp])[] = [
  [
    'editorsNote',
    /^(?:editor'?s|editors’|editor’s)\s+note\b|^(?:correction|clarification|update)\s*(?:\([^)]*\))?\s*:/i,
  ],
  [
    'translator',
    /^translated\s+(?:from\s+\p{L}+\s+)?by\b|^this (?:article|report|story) (?:was|has been) translated\b/iu,
  ],
  [
    'credit',
    /^\(?(?:(?:additional )?reporting|writing|editing|compiled|produced) by\b|^this (?:article|report|story) (?:was|has been) (?:compiled|edited|written|produced|updated|amended)\b/i,
  ],
]

/** The kind of editorial note a line is, or null. */
export function editorialNote(line: string): NoteField | null {
  const bare = line.replace(/^[>*_\s]+/, '')
  for (const [field, pattern] of NOTE_PATTERNS) if (pattern.test(bare)) return field
  // A note may follow a sentence about the publisher on the same short line.
  if (
    bare.length <= 250 &&
    /(?:^|[.!?]\s+)this (?:article|report|story) (?:was|has been) (?:translated|compiled|edited)\b/i.test(
      bare,
    )
  )
    return 'credit'
  return null
}

/** The first rule a line matches, or null: the line is article text. */
export function furnitureRule(line: string): FurnitureRule | null {
  const l = line.trim()
  if (!l || l.length > 400) return null
  for (const rule of FURNITURE_RULES) if (rule.test(l)) return rule
  return null
}

/** A horizontal rule (---, ***, ___, ===): in a text page, what follows the last one is often the footer. */
export const HORIZONTAL_RULE = /^\s*(?:[-=_*~]\s*){3,}$/
