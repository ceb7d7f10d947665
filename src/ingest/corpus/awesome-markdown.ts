/**
 * @module Reads the Markdown source of an awesome list (its README.md) into the lines GitHub renders it as, so
 * that one entry parser reads both: `### Topic: 2023` → `Topic: 2023`, `- Title. [[paper]](url)` → `  • Title.
 * [paper]`, `  - Authors` → `    • Authors`, `<details><summary>Digest</summary> …` → `Digest …`. Line numbers
 * stay those of the source, and each line's link targets are kept apart (the rendered text has none). A title
 * written as the link to its paper (`- [Title](https://arxiv.org/abs/…)`) is kept as the entry's `paper` link. A
 * title set apart on its line (a link, bold, or text before `<br>`) leaves what follows it (authors, venue, year)
 * to the entry parser as the item's `rest`, so `- **Title** (2015), G. Hinton et al.` reads as it would nested.
 * Two layouts without list items are entries too: a paragraph opening with its bold title (`**Title** \` over
 * `*Authors* \` and `arXiv 2022. [[Paper](url)]`) reads as such an item, and a heading that is a paper's title linked
 * to it (`### 1. [Title](https://arxiv.org/pdf/…)`) as an item whose details are the paragraphs under it. A list
 * indented as a whole (every item under `<details><summary>Toggle</summary>`) is read from its first item's depth,
 * and a tag before a title (`- {Related} **CO3** (Full Title) [[paper&review](url)]`) is kept beside it. A task
 * list of papers without links (`- [x] [CVPR 2019] Title`, `- [ ] [NIPS 2018 Bengio] Title`) drops the checkbox and
 * reads the bracket as the item's venue and year (the words after the year kept as written, outside the venue); a
 * heading linking one word (`#### [tiredImagenet](https://arxiv.org/abs/…)`) names a data set, no paper. HTML lists
 * (`<ul><li><b>Title</b> <a href=…>[paper]</a></li>`) are first written as the Markdown items they stand for
 * (html-list-items.ts), and a citation linked whole (`[Lu, Jen-Tang, et al. "Title." arXiv (2018).](url)`) reads as
 * its quoted title with the names and venue beside it. A `<details>` holding papers (`<summary>Detection</summary>`),
 * a bold line over items (`**Detection**`) and a list item that only names the papers nested under it (`- **Detection**`,
 * `* Human-body:`) name a group, a section one level inside the heading or group around it: a bold line holds what
 * follows it, `<details>` groups too, up to the next heading or bold line.
 */
import { decodeHtmlEntities, normalizeArxivId, normalizeDoi } from '../../core/index.js'
import type { TextInput } from '../text-input.js'
import { looksLikePersonName, parseAuthorList } from './author-names.js'
import { readHtmlListItems } from './html-list-items.js'

/**
 * A link of a line: `[[paper]](https://arxiv.org/abs/2312.13558)` → `{ label: 'paper', url }`. The label is the
 * marker as written (`paper`, `code`), `paper` for a title that links to its paper, else the link's text.
 */
export interface MarkdownLink {
  label: string
  url: string
}

/** A Markdown input rendered line for line. */
export interface RenderedMarkdown {
  /** The same lines, numbers and line issues as the source, each line as GitHub shows it as text. */
  input: TextInput
  /** The links each line holds, by 1-based line number (only lines that have some). */
  links: ReadonlyMap<number, readonly MarkdownLink[]>
  /** What items with a title set apart say beside it, by the item's line (only items that say something). */
  itemRests: ReadonlyMap<number, ItemRest>
  /**
   * The lines that are headings (`## Survey`, `<h2>Technique</h2>`), each with its level (1–6), and the names of groups
   * (`<summary>Detection</summary>`, `**Detection**`), one level inside what encloses them (up to 7 and more): the
   * list's sections.
   */
  headings: ReadonlyMap<number, number>
  /**
   * Headings whose section ends before the next heading, each with its last line: the name of a group of HTML list
   * items (`<li><details><summary>Disease detection</summary><ul>…`) is the section of its items only.
   */
  sectionEnds: ReadonlyMap<number, number>
  /** Lines of HTML list items not read: they share a line with another item and found no line of their own. */
  crowdedHtmlItems: readonly number[]
}

/**
 * What an item says after its title, on its line and the lines that continue it: `(2015), G. Hinton et al.`,
 * `, Mildenhall et al., ECCV 2020`, `` `ACL 2023` `` then `*Authors.* [[Paper](url)], 2022.12`. Links are dropped
 * (their targets stay in `links`); the entry parser decides what the pieces are.
 */
export interface ItemRest {
  /** Text pieces in reading order, split at `<br>`, `|` and code spans; a piece may open with `- ` (a description). */
  segments: string[]
  /** The item's line and the lines that continue it: their links are the entry's. */
  lines: number[]
  /** A row of a table whose header names its papers (`Paper`, `Title`): a paper by the list's word. */
  paperTableRow?: true
  /** The `[CVPR 2019 oral]` the item opens with: its venue and year, a paper by the list's word. */
  venueTag?: VenueTag
  /**
   * What the pieces say in italics in parentheses (`(*OpenAI*)` → `OpenAI`), as shown: maybe who made the paper (the
   * entry parser decides). The pieces still hold them, as `(OpenAI)`.
   */
  emphasisedInParentheses?: string[]
}

/** `[NIPS 2018 Bengio]` before a title: the venue with its year (`NIPS 2018`), and the bracket as written. */
export interface VenueTag {
  venue: string
  asWritten: string
}

/**
 * Markdown headings of what a README says of itself, after which items are no papers of the list: how to cite it
 * (its own survey, in a BibTeX block or a link), its license. Whole headings only: `Citation Recommendation` is a
 * topic.
 */
const ABOUT_THE_LIST_HEADING =
  /^(?:citations?|citing|cite(?: us| this (?:list|repo(?:sitory)?|work))?|how to cite|licen[cs]e)$/i
/** An emoji as a README writes it in Markdown (`:memo:`) or as a picture (`📑`): no word of a heading. */
const HEADING_EMOJI = /:[a-z0-9_+-]+:|[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu

/**
 * True when a heading's text (as shown) is how to cite the README or its license (`📑 Citation`, `:memo: Cite us`,
 * `License`): the items under it are no papers of the list.
 * @example isAboutTheListHeading('📑 Citation') // true
 */
export function isAboutTheListHeading(heading: string): boolean {
  return ABOUT_THE_LIST_HEADING.test(heading.replace(HEADING_EMOJI, ' ').replace(/\s+/g, ' ').trim())
}

/** `<details>` opening a line, at most three spaces in (`<details open>`): maybe a group of the items inside it. */
const DETAILS_OPEN = /^ {0,3}<details\b[^>]*>/i
const DETAILS_TAG = /<(\/?)details\b[^>]*>/gi
const SUMMARY = /<summary\b[^>]*>(.*?)<\/summary>/i
/** A `<details>` group spans at most this many lines (a long section of a list is a few hundred). */
const MAX_GROUP_LINES = 5000
/** A line that is only a bold phrase (`**Detection**`, `**Pose:**`): maybe the name of the items right under it. */
const BOLD_LINE = /^ {0,3}(\*\*|__)(?=\S)([^*_]+?)\1[ \t]*[:：]?[ \t]*$/
/**
 * A `<summary>` that says how to open the fold (`more`, `Toggle`, `Click to expand`, `展开`): no name of what it
 * holds. A list folds its long sections so (Les1ie/Awesome-research-tools: `<details><summary>more</summary>`).
 */
const FOLD_WORDS =
  /^(?:(?:click|tap)\b.*|(?:show|see|view|read|expand|collapse|hide|toggle)(?:\s+(?:more|less|all|here|list|details|(?:the\s+)?(?:list|papers)|to\s+\w+(?:\s+\w+)?))?|more|details|full\s+list|(?:点击)?(?:展开|更多|查看).*)[\s.:…!]*$/i

/** `## Heading` or `### Topic: 2023` (ATX; at most three spaces before the hashes). */
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/
/** A list item: `- x`, `* x`, `+ x` or `1. x`, with its indentation. */
const LIST_ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/
/** `---`, `***`, `___` alone on a line: a rule, or a setext underline (`===` too). */
const RULE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$/
const FENCE = /^ {0,3}(```|~~~)/
/** A heading written in HTML on its own line: `<h2 id="ltechnique">Technique</h2>`. */
const HTML_HEADING = /^\s*<h([1-6])\b[^>]*>(.*?)<\/h\1>\s*$/i
/** A table row: `| 2017-06 | Transformers | Google | [Attention Is All You Need](…) |`. */
const TABLE_ROW = /^\s*\|.*\|\s*$/
/** The row under a table's header: `|:---:|---|`. */
const TABLE_DELIMITER = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/
/** Headers of the columns a paper table has: its title, when it came out, where, by whom. */
const TITLE_HEADER = /\b(?:title|paper|papers)\b/i
/** A column of names (`| Name | Paper | Code |`): the paper's short name, its title when no other column has one. */
const NAME_HEADER = /\bname\b/i
const DATE_HEADER = /\b(?:date|year|time|published)\b/i
const VENUE_HEADER = /\b(?:venue|conference|conf|journal|publication)\b/i
const AUTHORS_HEADER = /^authors?$/i
/** An HTML list item of anchor links only: a table of contents written in HTML. */
const HTML_TOC_ITEM = /^\s*<li>(?:\s*<a href="#[^"]*">.*?<\/a>)+\s*(?:<\/li>)?\s*$/i
/** `![alt](src)`: GitHub shows the alt text. */
const IMAGE = /!\[([^\]]*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"]*")?\)/g
/** `[![](https://img.shields.io/badge/Paper-fff)](url)`: a link shown as a badge without alt text. */
const BADGE_ONLY_LINK = /\[!\[\s*\]\(\s*(https?:\/\/img\.shields\.io\/badge\/[^()\s]*)\s*\)\]\(/gi
/** `[text](url "title")`, the text may hold one level of brackets (`[[paper]](url)`), the URL one of parentheses. */
const LINK =
  /\[((?:[^[\]]|\[[^[\]]*\])*)\]\(\s*<?([^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*)>?(?:\s+"[^"]*")?\s*\)/g
/** `<https://…>`. */
const AUTOLINK = /<(https?:\/\/[^\s<>]+)>/g
/** Tags that stand for a break between words; any other tag is dropped without one. */
const BREAKING_TAG = /<\/?(?:details|summary|br|p|div|li|ul|ol|hr|h[1-6]|table|tr|td|th)\b[^<>]*>/gi
const TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g
const COMMENT = /<!--[\s\S]*?-->/g
/**
 * Link texts that mark what a link points to: shown `[paper]` for `[[paper]](url)` and `[[Paper](url)]`, and for
 * `[[paper&review](https://openreview.net/…)]` (Little-Podi/Collaborative_Perception: the paper with its reviews).
 */
const MARKER_WORD =
  /^\[?\s*(paper|code|pdf|arxiv|book|blog|video|slides|project|website|talk|poster|data)(?:\s*&\s*review)?\s*\]?$/i
/** The markers the entry parser takes for the paper's own link (`PAPER_LINK_LABELS` in awesome-list.ts). */
const PAPER_MARKER = /^(?:paper|pdf|arxiv)$/i
/** The label of a title that links to its paper: the one the entry parser looks for first. */
const TITLE_PAPER_LABEL = 'paper'
/** What may stand before a title link in its item: emphasis (`**[Title](url)**`), a code span (`` `NeurIPS` ``). */
const BEFORE_TITLE_LINK = /^(?:[\s*_]|`[^`]*`)*$/
/** An arXiv abstract or PDF page, as the entry parser reads an id from it (`idsFromUrl`). */
const ARXIV_PAGE = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i
/** `https://doi.org/10.…`, or a publisher's page under `/doi/10.…`: the DOI is the path. */
const DOI_PAGE = /^https?:\/\/(?:dx\.)?doi\.org\/(10\..+)$|\/doi\/(?:abs\/|full\/|pdf\/)?(10\.\d{4,9}\/.+)$/i
/**
 * Pages of papers that name no id the library keys on (address without `https://`): arXiv's other pages,
 * OpenReview, proceedings, publishers, preprint servers. A title links to its paper, its project page or its code;
 * only these (and what names an arXiv id or a DOI) are the paper.
 */
const PAPER_PAGES: readonly RegExp[] = [
  /^(?:[\w-]+\.)?arxiv\.org\/(?:abs|pdf|html)\//i,
  /^openreview\.net\/(?:forum|pdf)\b/i,
  /^(?:proceedings|papers)\.(?:neurips|nips)\.cc\//i,
  /^proceedings\.mlr\.press\//i,
  /^(?:www\.)?jmlr\.org\/(?:papers|proceedings)\//i,
  /^(?:www\.)?aclanthology\.org\/./i,
  /^(?:www\.)?aclweb\.org\/anthology\//i,
  /^openaccess\.thecvf\.com\/content/i,
  /^(?:www\.)?cv-foundation\.org\/+openaccess\//i,
  /^ojs\.aaai\.org\//i,
  /^(?:www\.)?ijcai\.org\/proceedings\//i,
  /^dl\.acm\.org\/doi\//i,
  /^ieeexplore\.ieee\.org\/(?:document|abstract|stamp)/i,
  /^link\.springer\.com\/(?:article|chapter|content)\//i,
  /^(?:www\.)?sciencedirect\.com\/science\/article\//i,
  /^(?:www\.)?nature\.com\/articles\//i,
  /^(?:www\.)?science\.org\/doi\//i,
  /^(?:www\.)?(?:bio|med)rxiv\.org\/content\//i,
  /^(?:www\.)?semanticscholar\.org\/paper\//i,
  /^huggingface\.co\/papers\//i,
]
/** Hosts of code: a PDF there is not taken for the paper. */
const CODE_HOST = /^(?:[\w-]+\.)?(?:github\.com|gitlab\.com|bitbucket\.org|githubusercontent\.com)\//i
/** A list item whose content is only links to anchors of the page: a table of contents. */
const ANCHOR_LINKS_ONLY = /^(?:\s*\[[^\]]*\]\(#[^)]*\)\s*[,;|]?)+$/
/** Backslash escapes of ASCII punctuation (CommonMark): `\*` shows `*`. */
const ESCAPE = /\\([!-/:-@[-`{-~])/g
/** Where an escaped character waits while the line is rendered: a private-use code point per ASCII character. */
const ESCAPED_BASE = 0xe000
const ESCAPED = /[\ue000-\ue07f]/g
/** Markdown indentation that makes a list item a detail of the entry above it. */
const NESTED_INDENT = 2
/** Badges, emoji and code an item may open with before its title: `![stars](…)`, `[![arXiv](…)](…)`, `🔥`, `` `ICLR` ``. */
const LEADING_BADGES =
  /^(?:\s+|`[^`]*`|!\[[^\]]*\]\([^()\s]*\)|\[!\[[^\]]*\]\([^()\s]*\)\]\([^()\s]*\)|[\p{Extended_Pictographic}\u{FE0F}\u{200D}]+)*/u
/** A title in bold opening the item: `**Title.**`, `__Title__`; `**?**`, a list's mark for a paper without a short name. */
const BOLD_TITLE = /^(\*\*|__)(?=\S)(\?|.+?\S)\1(?![*_])/
/** What may follow a title link when the link is the whole title; `[BERT](…) Rediscovers …` goes on with words. */
const AFTER_TITLE_LINK = /^\s*(?:$|[,.;:|(\u2013\u2014-]|<br|`|\[)/i
/** Only a venue, not a title: `NeurIPS 2023`, `ICLR`. */
const VENUE_ONLY = /^(?:\p{Lu}[\p{L}-]*\s+){0,3}(?:19|20)\d{2}$|^\p{Lu}{2,}$/u
/** `, and ` before the last name (`T. Serra, C. Tjandraatmadja, and S. Ramalingam`). */
export const SERIAL_AND = /,\s*(?:and|&)\s+/g
/** `<br>` splits an item's line into title, authors, venue. */
const LINE_BREAK_TAG = /<br\s*\/?>/i
/** An arXiv id written out (`arXiv:2410.02367`): a paper's, wherever it stands. */
const ARXIV_ID_TEXT = /\barxiv:\s*\d{4}\.\d{4,5}/i
/** A link to the paper by its marker, as lists write it: `[[paper]](…)`, `[[Paper](…)]`, `[\[pdf\]](…)`. */
const PAPER_MARKER_LINK = /\[\s*(?:\\?\[)?\s*(?:paper|pdf|arxiv)(?:\s*&\s*review)?\s*(?:\\?\])?\s*\]\(/i
/**
 * A paragraph's first line that is only a bold title (`**Title** \`), as the diff-usion/Awesome-Diffusion-Models
 * layout writes an entry: its authors, venue with links and date on the lines under it, no list item.
 */
const BOLD_PARAGRAPH_TITLE = /^ {0,3}(\*\*|__)(?=\S)(.+?\S)\1[ \t]*(?:\\|<br\s*\/?>)?[ \t]*$/i
/** A paragraph's lines are read this far for the paper link of a bold title. */
const MAX_PARAGRAPH_LINES = 8
/** `### 1. [Title](https://arxiv.org/pdf/2410.03726)`: a heading that is a paper's title linked to it (Meirtz's lists). */
const PAPER_LINK_HEADING = new RegExp(`^(?:\\d{1,4}[.)]\\s+)?(${LINK.source})\\s*$`)
/** `\` at the end of a line: a hard line break (CommonMark). */
const HARD_BREAK = /\\[ \t]*$/
/** `[~~code~~]`: a marker struck through, the list's way of saying there is no such link yet; no text of the entry. */
const STRUCK_MARKER = /\[\s*~~\s*[a-z][a-z &]{0,15}?\s*~~\s*\]/gi
/**
 * `(Title of three words or more)`, `{…}` or `: "Title"` right after a bold name: the paper's title, the bold its short
 * name (`**DINO**: "Emerging Properties in …"` names no venue).
 */
const NAME_THEN_TITLE = /^\s*(?:[({]|:\s*["“])\s*\S+(?:\s+\S+){2,}/
/** `{Related}`, `{Real}` before an item's title: a tag the list explains in a note, no part of the title. */
const LEADING_TAGS = /^(?:\s*\{[^{}]{1,30}\}|\s+)*/
/** `[x] ` or `[ ] ` opening a list item: a GitHub task list's checkbox, shown as a box and not as text. */
const TASK_CHECKBOX = /^\[[ xX]\][ \t]+/
/**
 * `[CVPR 2019]`, `[NIPS 2018 Bengio]`, `[CVPR 2019 oral]` opening an item, no link (Duan-JM/awesome-papers-fewshot):
 * a venue of one to three words and its year, then words of the list's own (a presentation, a group).
 */
const VENUE_TAG =
  /^\[\s*(\p{L}[\p{L}\p{N}&'.-]*(?:\s+\p{L}[\p{L}&'.-]*){0,2})\s+((?:19|20)\d{2})\b([^\]]*)\](?!\()[ \t]*/u
/** A heading's link text of one word (`tiredImagenet`, `mini-Imagenet`): a data set or model it names, no paper title. */
const ONE_WORD = /^[\p{L}\p{N}][\p{L}\p{N}.+_-]*$/u
/** `Names. "Title." Venue (Year).`: a citation, its title in quotes after the authors' names. */
const CITATION = /^([^"“”]+?)\s+["“]([^"“”]{8,}?)[.,]?["”]\s*(.*)$/
/**
 * An item that opens with a link whose text is a name of one or two words (`[ResNeXt](…) (CVPR'2017)`, `[Relative
 * Location](…)`) and says no title after it (`[Mamba](…): Linear-Time Sequence Modeling …` does).
 */
const HTML_NAME_LINK =
  /^[*_]*\[[\p{L}\p{N}][\p{L}\p{N}.+_'’-]*(?:\s+[\p{L}\p{N}][\p{L}\p{N}.+_'’-]*)?\]\(\s*<?[^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*>?\s*\)[*_]*(?!\s*[:：–—-]\s*\S)/u
/** `(*OpenAI*)`, `(_Meta AI_)`: a note in italics in parentheses beside a title, a list's way to name who made it. */
const EMPHASIS_IN_PARENTHESES = /\(\s*((?:\*|_)(?=\S)[^()*_]+?(?:\*|_))\s*\)/g
/** `<sup>1</sup>` after an author: an affiliation or equal-contribution mark, no part of the name. */
const SUPERSCRIPT = /<sup>[^<]*<\/sup>/gi

/**
 * True when the lines are Markdown source (headings, `-` list items, bold paper titles over their details) rather
 * than its rendered text (`•` bullets).
 * @example isMarkdownSource(['## Topic', '- Title. [[paper]](u)']) // true
 */
export function isMarkdownSource(sourceLines: readonly string[]): boolean {
  let markdown = 0
  let rendered = 0
  const { lines } = readHtmlListItems(sourceLines)
  lines.forEach((line, index) => {
    // A paragraph opening with its bold title and linking its paper: a list may be made of these alone.
    if (ATX_HEADING.test(line) || LIST_ITEM.test(line) || readBoldParagraphTitle(lines, index) !== null)
      markdown++
    else if (/^\s*•\s/.test(line)) rendered++
  })
  return markdown > rendered
}

/**
 * What detection looks at: year sections (`### Topic: 2023`) and paper entries: an item with a link to its paper
 * by marker (`- Title [[paper]](url)`, `[[Paper](url)]` on the line that continues it) or by its title
 * (`- [Title](https://arxiv.org/abs/…)`).
 */
export function surveyAwesomeMarkdown(sourceLines: readonly string[]): {
  yearHeadings: number
  entries: number
  items: number
} {
  const html = readHtmlListItems(sourceLines)
  const { lines } = html
  let yearHeadings = 0
  let entries = 0
  // Top-level list items and table rows: what entries are a share of.
  let items = 0
  let inItem = false
  let inTable = false
  let table: PaperTable | null = null
  let fence = false
  // The level of the heading on how to cite the README or its license, while under it: its items are no entries
  // (the parser reads no paper there), so they count for nothing, until a heading as high.
  let aboutLevel: number | null = null
  // A group item (`- **Detection**` over its papers) is no entry; the papers nested under it are.
  const listGroups = findListGroups(lines)
  const indents = groupIndents(listIndents(lines), listGroups)
  lines.forEach((rawLine, index) => {
    if (FENCE.test(rawLine)) fence = !fence
    // Code shows Markdown, it is none: `` `- Title. [[paper]](url)` `` in a README that documents the format.
    if (fence) return
    const anyHeading = ATX_HEADING.exec(rawLine) ?? HTML_HEADING.exec(rawLine)
    if (anyHeading) {
      const level = anyHeading[1]?.startsWith('#') ? anyHeading[1].length : Number(anyHeading[1])
      if (aboutLevel !== null && level <= aboutLevel) aboutLevel = null
      if (isAboutTheListHeading(renderInline(anyHeading[2] ?? '', 0, new Map()).text)) aboutLevel = level
    }
    if (aboutLevel !== null) {
      inItem = false
      inTable = false
      table = null
      return
    }
    const line = rawLine.replace(/`[^`]*`/g, (code) => (PAPER_MARKER_LINK.test(code) ? '``' : code))
    if (inTable && TABLE_ROW.test(line)) {
      if (TABLE_DELIMITER.test(line)) return
      items++
      if (table !== null && isPaperRow(table, splitTableRow(line))) entries++
      return
    }
    inTable = false
    table = null
    if (TABLE_ROW.test(line) && TABLE_DELIMITER.test(lines[index + 1] ?? '')) {
      inTable = true
      table = readTableHeader(splitTableRow(line))
      return
    }
    const heading = ATX_HEADING.exec(line)
    if (heading) {
      inItem = false
      if (heading[1] !== '#' && /:\s*(?:19|20)\d{2}$/.test(heading[2] ?? '')) yearHeadings++
      if (heading[1] !== '#' && readPaperHeading(lines, index, heading[2] ?? '') !== null) {
        items++
        entries++
      }
      return
    }
    if (readBoldParagraphTitle(lines, index) !== null) {
      inItem = false
      items++
      entries++
      return
    }
    const item = LIST_ITEM.exec(line)
    if (item) {
      if (listGroups.has(index)) {
        inItem = false
        return
      }
      if (indentOf(item[1] ?? '') - (indents[index] ?? 0) >= NESTED_INDENT) {
        // `- Title` over `  - [[paper]](…) [[code]](…)`: the paper link nested under an entry counts it, once.
        if (inItem && nestsPaperLink(item[2] ?? '')) {
          entries++
          inItem = false
        }
        return
      }
      // An item read from HTML is whole on its line: what follows its list continues none.
      inItem = !html.items.has(index)
      items++
      const content = item[2] ?? ''
      // A task (`- [x] add tests`) is an entry only with a venue and year: a project's TODO list is no paper list.
      const task = TASK_CHECKBOX.exec(content)
      if (task && readVenueTag(content.slice(task[0].length)) !== null) entries++
      // A README tables the models it supports as HTML lists of names linked to their papers (`<li><a
      // href="https://arxiv.org/abs/…">ResNeXt</a> (CVPR'2017) <a href="…">config</a></li>`): no paper list.
      else if (html.items.has(index) && HTML_NAME_LINK.test(content)) return
      else if (PAPER_MARKER_LINK.test(content) || opensWithPaperLink(content)) entries++
      // The marker counted on the line that continues the item (its author line), once per item.
      if (PAPER_MARKER_LINK.test(content)) inItem = false
    } else if (inItem && /^[ \t]{2,}\S/.test(line) && PAPER_MARKER_LINK.test(line)) {
      entries++
      inItem = false
    }
  })
  return { yearHeadings, entries, items }
}

/**
 * True when a row of a paper table is a paper's: its title links to it, or its title is text and another cell links
 * the paper by its marker (`| Soft Tokens, Hard Truths | UA, Meta, NYU | [Paper](https://www.arxiv.org/pdf/…) |`,
 * nabeelxy/llm-watch). A title cell that is only a label (`[paper](…)` in a table of models) makes no paper.
 */
function isPaperRow(table: PaperTable, cells: readonly string[]): boolean {
  const title = cells[table.title] ?? ''
  if (opensWithPaperLink(title)) return true
  if (isLabelText(renderInline(title, 0, new Map()).text)) return false
  return cells.some((cell, column) => column !== table.title && PAPER_MARKER_LINK.test(cell))
}

/**
 * The venue and year an item opens with (`[CVPR 2019 oral] Title` → `CVPR 2019`), and the item after it, or null.
 * The words after the year are kept as written only: `oral` or a group leader's name is no part of the venue.
 * @example readVenueTag('[NIPS 2018 Bengio] MetaGAN')?.venueTag.venue // 'NIPS 2018'
 */
function readVenueTag(content: string): { venueTag: VenueTag; title: string } | null {
  const tag = VENUE_TAG.exec(content)
  const title = content.slice(tag?.[0].length ?? 0)
  if (!tag || title.trim() === '') return null
  const asWritten = `${tag[1] ?? ''} ${tag[2] ?? ''}${tag[3] ?? ''}`.replace(/\s+/g, ' ').trim()
  return { venueTag: { venue: `${tag[1] ?? ''} ${tag[2] ?? ''}`, asWritten }, title }
}

/** True when an item opens (after badges, code and bold) with a link to a paper: `- [Title](https://arxiv…)`. */
function opensWithPaperLink(content: string): boolean {
  const opening = /^[*_]*\[((?:[^[\]]|\[[^[\]]*\])*)\]\(\s*<?([^()\s<>]+)/.exec(
    content.replace(LEADING_BADGES, ''),
  )
  return opening !== null && !MARKER_WORD.test(opening[1] ?? '') && isPaperUrl(opening[2] ?? '')
}

/**
 * Renders an awesome list's Markdown line for line into the text GitHub shows, the shape the awesome-list
 * parser reads: headings at column 0, entries as `  • `, nested items as `    • `, lines that continue an item
 * indented under it, links as their text, tags and the table of contents dropped. Rejected lines stay rejected.
 * @example renderAwesomeMarkdown(splitTextInput('- T. [[paper]](https://arxiv.org/abs/1)', 'x.md')).input.lines // ['  • T. [paper]']
 */
export function renderAwesomeMarkdown(textInput: TextInput): RenderedMarkdown {
  // HTML lists are read as the Markdown items they stand for; the input's lines are otherwise as they were.
  const html = readHtmlListItems(textInput.lines)
  const input = { ...textInput, lines: html.lines }
  const lines: string[] = []
  const links = new Map<number, MarkdownLink[]>()
  // A list item that names the papers nested under it (`- **Detection**`) is a group: its papers are entries.
  const listGroups = findListGroups(input.lines)
  const indents = groupIndents(listIndents(input.lines), listGroups)
  const titleLinks: TitleLink[] = []
  const itemRests = new Map<number, ItemRest>()
  const headings = new Map<number, number>()
  const sectionEnds = new Map<number, number>()
  const splitItems: SplitItem[] = []
  // The item being read came from an HTML list: whole on its line, continued by no line after its list.
  let htmlItem = false
  // The title link of the item being read, while lines still continue its title (until a detail item).
  let openTitle: TitleLink | null = null
  // The item with a title set apart whose rest is being read, while lines still continue it.
  let openSplit: SplitItem | null = null
  // The line of the nested item being read (`  - Authors. ICCV 2017.`), while lines still continue it: their links are
  // its own (`    [[paper]](…)` on the line under it), where the entry parser looks for them.
  let openNested: number | null = null
  // The columns of the paper table being read: each row is an entry.
  let table: PaperTable | null = null
  let fence: string | null = null
  let inComment = false
  let inItem = false
  let blankSince = false
  // Under a heading that is a paper's title (`### 1. [Title](url)`): what follows, to the next heading, is its detail.
  let headingEntry = false
  let detailOpens = false

  // A `<details>` of entries (`<summary>Detection</summary>`) or a bold line over them (`**Detection**`) names a
  // group: a section under the heading above it (one level in), the details' ending with its `</details>`. A bold
  // group holds what follows it (items, a `<details>` group) up to the next heading or bold group, within the group
  // around it.
  const detailsGroups = findDetailsGroups(input.lines, textInput.lines)
  let headingLevel = 0
  const openGroups: { level: number; close: number; bold?: true }[] = []
  const groupLevel = (index: number): number => {
    while ((openGroups.at(-1)?.close ?? Infinity) < index) openGroups.pop()
    return (openGroups.at(-1)?.level ?? headingLevel) + 1
  }
  const endBoldGroups = (): void => {
    while (openGroups.at(-1)?.bold) openGroups.pop()
  }
  /**
   * Opens a group as a heading one level in, on line `number` (index `index`): a `<details>` or list-item group ends
   * before its `close` line, a bold one with the group around it. Whatever item was being read ends.
   */
  const openGroup = (number: number, index: number, name: string, close: number | 'bold'): number => {
    const level = groupLevel(index)
    headings.set(number, level)
    if (close === 'bold') openGroups.push({ level, close: openGroups.at(-1)?.close ?? Infinity, bold: true })
    else {
      sectionEnds.set(number, close + 1)
      openGroups.push({ level, close })
    }
    inItem = false
    openTitle = null
    openSplit = null
    openNested = null
    headingEntry = false
    return lines.push(name)
  }

  input.lines.forEach((source, index) => {
    const number = index + 1
    let line = source
    const group = fence === null && !inComment ? detailsGroups.get(index) : undefined
    if (group !== undefined) return openGroup(number, index, group.name, group.close)
    if (inComment) {
      const end = line.indexOf('-->')
      if (end < 0) return lines.push('')
      inComment = false
      line = line.slice(end + 3)
    }
    line = line.replace(COMMENT, '')
    const open = line.indexOf('<!--')
    if (open >= 0) {
      inComment = true
      line = line.slice(0, open)
    }
    const fenceMark = FENCE.exec(line)?.[1]
    if (fence !== null || fenceMark !== undefined) {
      // Code is not list content; its lines are kept blank so numbers stay right.
      if (fence === null) fence = fenceMark ?? null
      else if (fenceMark === fence) fence = null
      return lines.push('')
    }
    if (line.trim() === '') {
      blankSince = true
      table = null
      return lines.push('')
    }
    if (table !== null && TABLE_ROW.test(line)) {
      if (TABLE_DELIMITER.test(line)) return lines.push('')
      return lines.push(renderTableRow(table, splitTableRow(line), number))
    }
    table = null
    if (TABLE_ROW.test(line) && TABLE_DELIMITER.test(input.lines[index + 1] ?? '')) {
      // A table's header: a paper table when a column holds titles; others (a comparison, a legend) are text.
      table = readTableHeader(splitTableRow(line))
      inItem = false
      openTitle = null
      openSplit = null
      openNested = null
      if (table !== null) return lines.push('')
    }
    const heading = ATX_HEADING.exec(line) ?? HTML_HEADING.exec(line)
    if (heading) {
      inItem = false
      openTitle = null
      openSplit = null
      openNested = null
      headingEntry = false
      const paperHeading = heading[1]?.startsWith('##')
        ? readPaperHeading(input.lines, index, heading[2] ?? '')
        : null
      if (paperHeading !== null) {
        // An entry, not a section: the lines under it are its details, as nested items would be.
        const rendered = renderInline(paperHeading, number, links)
        if (rendered.openingLink) titleLinks.push({ link: rendered.openingLink, lines: [number] })
        headingEntry = true
        detailOpens = true
        return lines.push(`  • ${rendered.text}`)
      }
      const text = renderInline(heading[2] ?? '', number, links).text
      const level = heading[1]?.startsWith('#') ? heading[1].length : Number(heading[1])
      if (text !== '') headings.set(number, level)
      // A group read from HTML (`######`) is one in, under the heading above it, as the groups here are.
      if (text !== '' && !html.groupEnds.has(index)) headingLevel = level
      if (text !== '') endBoldGroups()
      return lines.push(text)
    }
    const listGroup = listGroups.get(index)
    if (listGroup !== undefined) return openGroup(number, index, listGroup.name, listGroup.close)
    const boldGroup = !inItem || blankSince ? readBoldGroupName(input.lines, index, detailsGroups) : null
    if (boldGroup !== null) {
      // The next bold line names a group beside this one, not inside it.
      groupLevel(index)
      endBoldGroups()
      return openGroup(number, index, boldGroup, 'bold')
    }
    if (HTML_TOC_ITEM.test(line)) return lines.push('')
    if (RULE.test(line)) return lines.push('')
    const item = LIST_ITEM.exec(line)
    if (item) {
      const nested = headingEntry || indentOf(item[1] ?? '') - (indents[index] ?? 0) >= NESTED_INDENT
      // A task's checkbox shows as a box. Badges before an entry's title are pictures (stars, venue), not its words;
      // code spans there may be its venue.
      const unchecked = (item[2] ?? '').replace(TASK_CHECKBOX, '')
      const tagged = nested ? null : readVenueTag(unchecked)
      const content = nested ? unchecked : dropLeadingBadges(tagged?.title ?? unchecked)
      inItem = true
      htmlItem = html.items.has(index)
      blankSince = false
      openTitle = null
      openSplit = null
      openNested = nested ? number : null
      if (ANCHOR_LINKS_ONLY.test(content)) return lines.push('')
      // `- [A blog](url)` with nothing under it is a link list's item (resources, see also), not a paper.
      if (!nested && isLinksOnly(content) && !hasNestedContent(input.lines, index, indents[index] ?? 0))
        return lines.push('')
      const rendered = renderInline(content, number, links)
      if (rendered.text === '') return lines.push('')
      if (!nested && rendered.openingLink) {
        openTitle = { link: rendered.openingLink, lines: [number] }
        titleLinks.push(openTitle)
      }
      if (nested) labelNestedPaperLink(rendered.text, links.get(number) ?? [])
      // After a venue tag the whole item is the title; the paragraphs under it are its rest, not more title.
      const split = nested
        ? null
        : (splitItemTitle(content) ?? (tagged ? { title: content, rest: '', midLine: false } : null))
      if (split) {
        openSplit = {
          line: number,
          title: split.title,
          rest: split.rest,
          continuation: [],
          midLine: split.midLine,
          ...(tagged ? { venueTag: tagged.venueTag } : {}),
        }
        splitItems.push(openSplit)
      }
      return lines.push(`${nested ? '    ' : '  '}• ${rendered.text}`)
    }
    if (
      !headingEntry &&
      (!inItem || (blankSince && indentOf(/^[ \t]*/.exec(line)?.[0] ?? '') < NESTED_INDENT))
    ) {
      const bold = readBoldParagraphTitle(input.lines, index)
      if (bold !== null) {
        // The paragraph is the entry: its lines under the title are read as an item's rest is (authors, venue, date).
        const rendered = renderInline(bold, number, links)
        openTitle = rendered.openingLink ? { link: rendered.openingLink, lines: [number] } : null
        if (openTitle) titleLinks.push(openTitle)
        openSplit = { line: number, title: bold, rest: '', continuation: [], midLine: false }
        openNested = null
        splitItems.push(openSplit)
        inItem = true
        blankSince = false
        return lines.push(`  • ${rendered.text}`)
      }
    }
    const text = renderInline(line, number, links).text
    if (text === '') return lines.push('')
    if (headingEntry) {
      // A paragraph under a paper's heading is a detail line; its other lines continue it.
      const opens = detailOpens || blankSince
      detailOpens = false
      blankSince = false
      return lines.push(opens ? `    • ${text}` : `      ${text}`)
    }
    // A line right under an item, or indented under it after a blank, continues it (a digest over several
    // lines); it is indented past the detail bullets so that the parser joins it to what it continues.
    if (inItem && !htmlItem && (!blankSince || indentOf(/^[ \t]*/.exec(line)?.[0] ?? '') >= NESTED_INDENT)) {
      blankSince = false
      openTitle?.lines.push(number)
      openSplit?.continuation.push({ line: number, markdown: line })
      if (openNested !== null) moveLinks(links, number, openNested)
      return lines.push(`      ${text}`)
    }
    inItem = false
    openTitle = null
    openSplit = null
    openNested = null
    return lines.push(text)
  })
  /** An entry of a paper table: its title cell as the entry's line, the other cells it names beside it. */
  function renderTableRow(columns: PaperTable, cells: string[], number: number): string {
    // A row is a paper when it links to one (or names its arXiv id), or its table says when, where or by whom;
    // else it is a row of a comparison or a list of tools (`| [ArchUnit](github) | Unit test … | 3.6k |`).
    const rowLinks = new Map<number, MarkdownLink[]>()
    cells.forEach((cell) => renderInline(cell, number, rowLinks))
    const paperLinked = (rowLinks.get(number) ?? []).some(
      (link) => isPaperUrl(link.url) || (PAPER_MARKER.test(link.label) && /^https?:\/\//i.test(link.url)),
    )
    const described = columns.date !== null || columns.venue !== null || columns.authors !== null
    if (!paperLinked && !described && !cells.some((cell) => ARXIV_ID_TEXT.test(cell))) return ''
    const titleCell = dropLeadingBadges(cells[columns.title] ?? '')
    const rendered = renderInline(titleCell, number, links)
    // The other cells' links (code, a `[pdf]`) are the entry's too; a marker among them is the paper's link.
    cells.forEach((cell, column) => {
      if (column !== columns.title) renderInline(cell, number, links)
    })
    // `| SageAttention v1 | [arxiv:2410.02367](…) |`: a paper cell that only labels its link leaves the title
    // to the names column; its link is still the paper's.
    const label = columns.label === null ? '' : renderInline(cells[columns.label] ?? '', 0, new Map()).text
    const text = isLabelText(rendered.text) && label !== '' ? label : rendered.text
    if (text === '') return ''
    if (rendered.openingLink) titleLinks.push({ link: rendered.openingLink, lines: [number] })
    const beside = [columns.date, columns.venue, columns.authors].flatMap((column) =>
      column === null ? [] : readItemRest([cells[column] ?? '']).segments,
    )
    itemRests.set(number, { segments: beside, lines: [number], paperTableRow: true })
    return `  • ${text}`
  }

  for (const title of titleLinks) labelTitleLink(title, links)
  for (const split of splitItems) {
    const rest = readItemRest([split.rest, ...split.continuation.map((line) => line.markdown)])
    const venueTag = split.venueTag ? { venueTag: split.venueTag } : {}
    // Only markers beside the title (`[Title](url) [[code]](url)`): the line reads as it always did.
    if (rest.segments.length === 0) {
      if (split.venueTag) itemRests.set(split.line, { segments: [], lines: [split.line], ...venueTag })
      continue
    }
    const title = renderInline(split.title, split.line, new Map()).text
    // A title link in the middle of its line (after the authors) points at the paper as an opening one does.
    if (split.midLine) {
      const url = new RegExp(`^${LINK.source}`).exec(split.title)?.[2]
      const link = links.get(split.line)?.find((candidate) => candidate.url === url)
      if (link)
        labelTitleLink({ link, lines: [split.line, ...split.continuation.map(({ line }) => line)] }, links)
    }
    lines[split.line - 1] = `  • ${[title, ...rest.markers].join(' ')}`
    for (const { line } of split.continuation) lines[line - 1] = ''
    itemRests.set(split.line, {
      segments: rest.segments,
      lines: [split.line, ...split.continuation.map(({ line }) => line)],
      ...venueTag,
      ...(rest.emphasisedInParentheses.length > 0
        ? { emphasisedInParentheses: rest.emphasisedInParentheses }
        : {}),
    })
  }
  const text = lines.join('\n')
  for (const [line, end] of html.groupEnds) sectionEnds.set(line + 1, end + 1)
  return {
    input: { ...input, lines, text },
    links,
    itemRests,
    headings,
    sectionEnds,
    crowdedHtmlItems: html.crowded,
  }
}

/** Moves a line's links to the line it continues (a nested item wrapped onto the next line), after that line's own. */
function moveLinks(links: Map<number, MarkdownLink[]>, from: number, to: number): void {
  const moved = links.get(from)
  if (moved === undefined) return
  links.set(to, [...(links.get(to) ?? []), ...moved])
  links.delete(from)
}

/** Which columns of a paper table hold what (by index); only `title` is sure to be there. */
interface PaperTable {
  title: number
  /** The names column beside a title column (`| Name | Paper |`): the title when the paper cell is a label. */
  label: number | null
  date: number | null
  venue: number | null
  authors: number | null
}

/** The cells of a table row, without the outer pipes; `\|` inside a cell is no separator. */
function splitTableRow(line: string): string[] {
  const cells = line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
  return cells.map((cell) => cell.trim())
}

/** The columns of a table whose header names a title or paper column (`Title`, `Paper`), or null. */
function readTableHeader(headers: string[]): PaperTable | null {
  const names = headers.map((header) => stripEmphasis(header.replace(TAG, '')).trim())
  const find = (pattern: RegExp): number | null => {
    const index = names.findIndex((name) => pattern.test(name))
    return index < 0 ? null : index
  }
  const name = find(NAME_HEADER)
  const title = find(TITLE_HEADER) ?? name
  if (title === null) return null
  return {
    title,
    label: name === title ? null : name,
    date: find(DATE_HEADER),
    venue: find(VENUE_HEADER),
    authors: find(AUTHORS_HEADER),
  }
}

/** An item whose title is set apart (a link, bold, text before `<br>`), and the Markdown after the title. */
interface SplitItem {
  line: number
  /** The title's Markdown: `[Title](url)`, the inside of `**Title.**`. */
  title: string
  /** The Markdown after the title on the item's line. */
  rest: string
  /** Lines that continue the item (its author line after a blank, indented). */
  continuation: { line: number; markdown: string }[]
  /** The title is a link after the authors, not at the start of the line. */
  midLine: boolean
  /** The `[CVPR 2019]` the item opened with. */
  venueTag?: VenueTag
}

/**
 * Sets an item's title apart from what follows it on its line: a bold title (`**Title** (2015), Authors`), a
 * title link followed by punctuation, `|`, `<br>`, code or a link (`[Title](url), Mildenhall et al., ECCV 2020`),
 * or text before `<br>`. A link that opens a longer title (`[BERT](…) Rediscovers …`) and a bold venue are no
 * title; null then, and the line reads whole as before. Code spans before the title stay in the rest (a venue).
 */
function splitItemTitle(content: string): { title: string; rest: string; midLine: boolean } | null {
  const tags = LEADING_TAGS.exec(content)?.[0] ?? ''
  const lead = /^(?:\s+|`[^`]*`)*/.exec(content.slice(tags.length))?.[0] ?? ''
  const body = content.slice(tags.length + lead.length)
  const bold = BOLD_TITLE.exec(body)
  if (bold) {
    const title = bold[2] ?? ''
    const after = body.slice(bold[0].length)
    // `**ICLR** Title` is a venue; `**MAMP** (Model-Agnostic Multi-Agent Perception Framework)` a name and its title.
    const venue = VENUE_ONLY.test(
      stripEmphasis(title)
        .replace(/^\[|\]$/g, '')
        .trim(),
    )
    if (venue && !NAME_THEN_TITLE.test(after)) return null
    // A tag before the title (`{Related}`) is said after the rest, as a piece of its own.
    const tagged = tags.trim() === '' ? '' : ` <br> ${tags.trim()}`
    return { title, rest: `${lead} ${after}${tagged}`, midLine: false }
  }
  const link = new RegExp(`^${LINK.source}`).exec(body)
  if (link) {
    const label = stripEmphasis(link[1] ?? '').trim()
    const after = body.slice(link[0].length)
    if (MARKER_WORD.test(label) || label.startsWith('!') || !AFTER_TITLE_LINK.test(after)) return null
    // `[Lu, Jen-Tang, et al. "Deepspine: …" arXiv preprint (2018).](url)`: a citation linked whole; its quoted
    // title is the title, the names before it and what follows it are its rest.
    const citation = readCitation(label)
    if (citation)
      return {
        title: `[${citation.title}](${link[2] ?? ''})`,
        rest: `${citation.names} | ${citation.rest} ${after}`,
        midLine: false,
      }
    return { title: link[0], rest: `${lead} ${after}`, midLine: false }
  }
  const br = LINE_BREAK_TAG.exec(body)
  if (br && body.slice(0, br.index).trim() !== '')
    return { title: body.slice(0, br.index), rest: `${lead} ${body.slice(br.index)}`, midLine: false }
  return splitAtTitleLinkAfterAuthors(content)
}

/**
 * `C. Zhang, S. Bengio and O. Vinyals. [Understanding deep learning requires rethinking generalization](url)`:
 * the first link after a list of people's names is the title; the names and what follows the link are its rest.
 */
function splitAtTitleLinkAfterAuthors(
  content: string,
): { title: string; rest: string; midLine: true } | null {
  for (const link of content.matchAll(LINK)) {
    const label = stripEmphasis(link[1] ?? '').trim()
    if (MARKER_WORD.test(label) || label.startsWith('!') || label.split(/\s+/).length < 2) continue
    const before = renderInline(content.slice(0, link.index), 0, new Map()).text
    if (!readsAsNames(before.replace(/[\s.,:;]+$/, ''))) return null
    return {
      title: link[0],
      rest: `${before.replace(/[\s,:;]+$/, '')} | ${content.slice(link.index + link[0].length)}`,
      midLine: true,
    }
  }
  return null
}

/**
 * A citation in the MLA style Google Scholar gives (`Lu, Jen-Tang, et al. "Deepspine: …" arXiv preprint (2018).`):
 * the names before the quoted title, the first one turned back to its given name first (`Jen-Tang Lu et al.`), the
 * title, and what follows it (venue, year, pages). Null when the text is no such citation.
 * @example readCitation('Rose, Sherri, and T. Layton. "Computational health economics." Biostatistics (2017).')?.names // 'Sherri Rose, and T. Layton'
 */
function readCitation(text: string): { names: string; title: string; rest: string } | null {
  const citation = CITATION.exec(text)
  if (!citation) return null
  const [first, given, ...others] = (citation[1] ?? '').replace(/[\s.,]+$/, '').split(',')
  const turned =
    given !== undefined && /^\s*\p{Lu}/u.test(given) && !/^\s*(?:and|et al)\b/i.test(given)
      ? [`${given.trim()} ${(first ?? '').trim()}`, ...others].join(',')
      : (citation[1] ?? '').replace(/[\s.,]+$/, '')
  const names = turned.replace(/,\s*(et al\.?)$/i, ' $1')
  if (!readsAsNames(names.replace(/\s+et al\.?$/i, ''))) return null
  return { names, title: citation[2] ?? '', rest: citation[3] ?? '' }
}

/** True when every name of a list reads as a person's (`C. Zhang, S. Bengio and O. Vinyals`, `Zhang et al`). */
function readsAsNames(text: string): boolean {
  const { authors } = parseAuthorList(text.replace(SERIAL_AND, ', '))
  return authors.length > 0 && authors.every((name) => looksLikePersonName(name))
}

/**
 * The pieces of text after an item's title, and its markers (`[paper]`, `[code]`) as the title line shows them.
 * Links are dropped with their text (`[github](…)`, `[bibtex](…)`), `<br>`, `|` and code spans split pieces.
 */
function readItemRest(markdowns: readonly string[]): {
  segments: string[]
  markers: string[]
  emphasisedInParentheses: string[]
} {
  const segments: string[] = []
  const markers: string[] = []
  const emphasisedInParentheses: string[] = []
  for (const markdown of markdowns) {
    const bare = markdown.replace(HARD_BREAK, '').replace(SUPERSCRIPT, '')
    for (const emphasised of bare.matchAll(EMPHASIS_IN_PARENTHESES))
      emphasisedInParentheses.push(stripEmphasis(emphasised[1] ?? '').trim())
    for (const part of bare.split(new RegExp(LINE_BREAK_TAG.source, 'gi'))) {
      const pieces = part
        .replace(STRUCK_MARKER, ' ')
        .replace(ESCAPE, (_, char: string) => String.fromCharCode(ESCAPED_BASE + char.charCodeAt(0)))
        .replace(BADGE_ONLY_LINK, (_, src: string) => `[${badgeText(src)}](`)
        .replace(IMAGE, ' ')
        .replace(LINK, (_match: string, label: string) => {
          const marker = MARKER_WORD.exec(restoreEscaped(stripEmphasis(label).trim()))?.[1]
          if (marker) markers.push(`[${marker.toLowerCase()}]`)
          return ' '
        })
        // What `[[Paper](url)]` leaves of its brackets.
        .replace(/\[\s*\]/g, ' ')
        .replace(/`([^`]*)`/g, '|$1|')
        .split('|')
      for (const piece of pieces) {
        const text = restoreEscaped(
          decodeHtmlEntities(stripEmphasis(piece.replace(BREAKING_TAG, ' ').replace(TAG, ''))),
        )
          .replace(/\s+/g, ' ')
          .trim()
        if (!/^[\s,.;:|]*$/.test(text)) segments.push(text)
      }
    }
  }
  return { segments, markers, emphasisedInParentheses }
}

/**
 * The `<details>` of a README that group entries, by the 0-based line of their `<summary>`: its name and the line of
 * its `</details>`. A group opens on a line of its own after a blank or a heading (a fold right under an item is the
 * item's: its abstract), holds an item that links a paper (or a group of HTML items) and is named: a summary that
 * says how to open it (`more`), how to cite the README or its contents (`Table of Contents`) names none. `lines` have
 * their HTML lists written as items; its `</details>` is looked for in `source`, where the end of a list may hold it.
 */
function findDetailsGroups(
  lines: readonly string[],
  source: readonly string[],
): Map<number, { name: string; close: number }> {
  const groups = new Map<number, { name: string; close: number }>()
  let fence = false
  lines.forEach((line, index) => {
    if (FENCE.test(line)) fence = !fence
    // A bold line right above names the group this one is in (`**Object Detection**` over `<details>`).
    const previous = lines[index - 1] ?? ''
    const opensBlock =
      previous.trim() === '' ||
      ATX_HEADING.test(previous) ||
      (BOLD_LINE.test(previous) && readBoldParagraphTitle(lines, index - 1) === null)
    if (fence || !DETAILS_OPEN.test(line) || !opensBlock) return
    const close = findDetailsClose(source, index)
    const summaryLine = [index, index + 1].find((at) => SUMMARY.test(lines[at] ?? ''))
    if (close === null || summaryLine === undefined || summaryLine >= close) return
    const name = trimName(renderInline(SUMMARY.exec(lines[summaryLine] ?? '')?.[1] ?? '', 0, new Map()).text)
    if (
      name === '' ||
      FOLD_WORDS.test(name.replace(HEADING_EMOJI, ' ').trim()) ||
      isAboutTheListHeading(name) ||
      /^(?:table of )?contents$/i.test(name)
    )
      return
    const inside = lines.slice(summaryLine + 1, close)
    const holdsEntries = inside.some((text) => {
      if (/^#{1,6}\s/.test(text)) return true
      const content = LIST_ITEM.exec(text)?.[2]
      return content !== undefined && (PAPER_MARKER_LINK.test(content) || opensWithPaperLink(content))
    })
    if (holdsEntries) groups.set(summaryLine, { name, close })
  })
  return groups
}

/**
 * The 0-based line of the `</details>` that closes the one opened on `open`, or null; looked for this far, so that
 * many folds left open cost no more than a pass each over a part of the README.
 */
function findDetailsClose(lines: readonly string[], open: number): number | null {
  let depth = 0
  for (let index = open; index < lines.length && index <= open + MAX_GROUP_LINES; index++) {
    for (const tag of (lines[index] ?? '').matchAll(DETAILS_TAG)) {
      depth += tag[1] === '/' ? -1 : 1
      if (depth === 0) return index
    }
  }
  return null
}

/**
 * The name of a group of items given as a bold line of its own (`**Detection**`, `**Pose:**`) after a blank or a
 * heading, the list's items or a `<details>` group right under it (a blank between them at most), or null. A bold
 * line over a paragraph is prose; one linked to a paper is an entry (see {@link readBoldParagraphTitle}); how to
 * cite the README names none.
 */
function readBoldGroupName(
  lines: readonly string[],
  index: number,
  detailsGroups: ReadonlyMap<number, unknown>,
): string | null {
  const previous = lines[index - 1]
  if (previous !== undefined && previous.trim() !== '' && !ATX_HEADING.test(previous)) return null
  const bold = BOLD_LINE.exec(lines[index] ?? '')
  if (!bold || readBoldParagraphTitle(lines, index) !== null) return null
  const at = lines[index + 1]?.trim() === '' ? index + 2 : index + 1
  const item = LIST_ITEM.exec(lines[at] ?? '')
  // The `<details>` line's group is keyed by its `<summary>`, on that line or the next.
  const folds = DETAILS_OPEN.test(lines[at] ?? '') && (detailsGroups.has(at) || detailsGroups.has(at + 1))
  if (!folds && (!item || indentOf(item[1] ?? '') >= NESTED_INDENT)) return null
  const name = trimName(renderInline(bold[2] ?? '', 0, new Map()).text)
  return name === '' || isAboutTheListHeading(name) ? null : name
}

/** A list item that names a group: the 0-based line of its last item, and the indentation of the items it holds. */
interface ListGroup {
  name: string
  close: number
  childIndent: number
}

/** A group item's label: bold (`**Object Detection**:`) or words without links or markup (`Human-body:`). */
const PLAIN_GROUP_LABEL = /^[\p{L}\p{N}][^[\]()<>`*_|.!?]{0,60}?[ \t]*[:：]?$/u
/** A note under an entry, labelled: `Code: …`, `TL;DR: …`, `Digest: …`. */
const LABELLED_NOTE = /^[\p{L}][\p{L}\p{N};/ .-]{0,24}:\s/u

/**
 * The list items that name a group of papers, by their 0-based line: an item that is only a label (`- Detection`,
 * `- **Detection**`, `* **Object Detection**:`, cmhungsteve/Awesome-Transformer-Attention's `* Human-body:`) whose
 * items nested under it are papers with titles of their own (a title linked to its paper, or a title and a
 * `[[Paper](…)]`), or groups in turn. An entry with nested details is none: its title links its paper (or says more
 * than a label), and what is nested under it is its authors, notes (`Code: …`) or links (`[[code]](…)`).
 */
function findListGroups(lines: readonly string[]): Map<number, ListGroup> {
  const groups = new Map<number, ListGroup>()
  const fenced = new Set<number>()
  let fence = false
  lines.forEach((line, index) => {
    if (FENCE.test(line)) fence = !fence
    if (fence) fenced.add(index)
  })
  // From the end, so that a group nested in another is known when the outer one is read.
  for (let index = lines.length - 1; index >= 0; index--) {
    const item = fenced.has(index) ? null : LIST_ITEM.exec(lines[index] ?? '')
    const name = item ? readGroupLabel(item[2] ?? '') : null
    if (!item || name === null) continue
    const indent = indentOf(item[1] ?? '')
    const children: { index: number; content: string }[] = []
    let childIndent: number | null = null
    let close = index
    let blank = false
    for (let next = index + 1; next < lines.length && !fenced.has(next); next++) {
      const line = lines[next] ?? ''
      if (line.trim() === '') {
        blank = true
        continue
      }
      const lineIndent = indentOf(/^[ \t]*/.exec(line)?.[0] ?? '')
      const child = LIST_ITEM.exec(line)
      // An item not nested under the group's ends it, as does a line as far left as the group's, unless it continues
      // the item above it (a lazy line).
      if (
        child
          ? lineIndent - indent < NESTED_INDENT
          : lineIndent <= indent && (blank || /^\s*(?:#|<|\||\*\*)/.test(line))
      )
        break
      close = next
      blank = false
      if (!child) continue
      childIndent ??= lineIndent
      if (lineIndent < childIndent + NESTED_INDENT) children.push({ index: next, content: child[2] ?? '' })
    }
    if (childIndent === null) continue
    let papers = 0
    let details = 0
    for (const child of children) {
      if (groups.has(child.index) || isPaperChild(child.content)) papers++
      else if (isDetailChild(child.content)) details++
    }
    if (papers > 0 && details === 0) groups.set(index, { name, close, childIndent })
  }
  return groups
}

/** The name a group item gives (`**Object Detection**:` → `Object Detection`), or null when it is no label. */
function readGroupLabel(content: string): string | null {
  const text = content.trim()
  const bold = BOLD_LINE.exec(text)
  const label = bold ? (bold[2] ?? '') : PLAIN_GROUP_LABEL.test(text) ? text : null
  if (label === null || VENUE_TAG.test(text) || TASK_CHECKBOX.test(text)) return null
  const name = trimName(renderInline(label, 0, new Map()).text)
  return name === '' || name.split(/\s+/).length > 8 || isAboutTheListHeading(name) ? null : name
}

/**
 * True when a nested item is a paper of its own: its title links the paper (`[Title](https://arxiv…)`), or it says a
 * title (no people's names) before a `[[Paper](…)]` (`**HOT-Net**: "HOT-Net: …", ACMMM. 2020 [[Paper](…)]`), or opens
 * with its venue and year (`[CVPR 2019] Title`).
 */
function isPaperChild(content: string): boolean {
  const bare = dropLeadingBadges(content.replace(TASK_CHECKBOX, ''))
  if (readVenueTag(bare) !== null) return true
  if (opensWithPaperLink(bare)) {
    // `- [Link](https://arxiv.org/abs/…)` under a title is that title's link, no paper of its own.
    const label = /^[*_]*\[((?:[^[\]]|\[[^[\]]*\])*)\]/.exec(bare.replace(LEADING_BADGES, ''))?.[1] ?? ''
    return !isLabelText(renderInline(label, 0, new Map()).text)
  }
  const marker = PAPER_MARKER_LINK.exec(bare)
  if (!marker) return false
  const before = renderInline(bare.slice(0, marker.index), 0, new Map()).text
  return /\p{L}/u.test(before) && !readsAsNamesFirst(before)
}

/** True when a nested item is an entry's detail: its authors, a labelled note (`Code: …`), links only, a fold. */
function isDetailChild(content: string): boolean {
  if (/^\s*<details\b/i.test(content)) return true
  const text = renderInline(content, 0, new Map()).text
  if (!/\p{L}/u.test(text.replace(/\[[a-z][a-z &]{0,15}\]/gi, ''))) return true
  return LABELLED_NOTE.test(text) || readsAsNamesFirst(text)
}

/** True when a line opens with a person's name before its first comma (`Kaiming He, Xiangyu Zhang. CVPR 2016`). */
function readsAsNamesFirst(text: string): boolean {
  const [first] = parseAuthorList(text.replace(SERIAL_AND, ', ')).authors
  return first !== undefined && looksLikePersonName(first)
}

/** The list indentation each line sits in, the items of a group (`- **Detection**` over them) read at their own. */
function groupIndents(indents: readonly number[], groups: ReadonlyMap<number, ListGroup>): number[] {
  const adjusted = [...indents]
  // Outer groups first: an inner group's items are at its own indentation.
  for (const [line, group] of [...groups].sort(([a], [b]) => a - b))
    for (let inside = line + 1; inside <= group.close; inside++) adjusted[inside] = group.childIndent
  return adjusted
}

/** A group's name without the colon a list writes after it (`Pose:`). */
function trimName(name: string): string {
  return name.replace(/[\s:：]+$/, '').trim()
}

/**
 * The title of a paragraph that is an entry (`**Title** \` over `*Authors* \`, `arXiv 2022. [[Paper](url)]`): its
 * first line is only the bold title, and the title links to its paper or a line of the paragraph has a paper marker
 * (`[[Paper](url)]`): the link the entry parser takes. A bold paragraph without one (a blog post, a video,
 * `**Citation**` over a sentence that links a paper) is no entry, nor is a bold venue. Null for any other line.
 */
function readBoldParagraphTitle(lines: readonly string[], index: number): string | null {
  const previous = lines[index - 1]
  if (previous !== undefined && previous.trim() !== '' && !ATX_HEADING.test(previous)) return null
  const bold = BOLD_PARAGRAPH_TITLE.exec(lines[index] ?? '')
  const title = bold?.[2]
  if (title === undefined || VENUE_ONLY.test(stripEmphasis(title).trim())) return null
  let linked = opensWithPaperLink(title)
  for (let next = index + 1; next < lines.length && next <= index + MAX_PARAGRAPH_LINES; next++) {
    const line = lines[next] ?? ''
    if (line.trim() === '' || ATX_HEADING.test(line) || LIST_ITEM.test(line)) break
    linked ||= PAPER_MARKER_LINK.test(line)
  }
  return linked ? title : null
}

/**
 * The title link of a heading that is a paper (`1. [Title](https://arxiv.org/pdf/…)`), or null. A heading that links
 * a paper over list items that link papers of their own (a survey naming its section) is a section, not an entry.
 */
function readPaperHeading(lines: readonly string[], index: number, text: string): string | null {
  const link = PAPER_LINK_HEADING.exec(text.trim())
  const label = stripEmphasis(link?.[2] ?? '').trim()
  if (!link || MARKER_WORD.test(label) || label.startsWith('!') || !isPaperUrl(link[3] ?? '')) return null
  // `#### [tiredImagenet](https://arxiv.org/abs/…)` over a data set's results: the link is the name's, no entry.
  if (ONE_WORD.test(label)) return null
  for (let next = index + 1; next < lines.length; next++) {
    const line = lines[next] ?? ''
    if (ATX_HEADING.test(line)) break
    const item = LIST_ITEM.exec(line)
    if (item && indentOf(item[1] ?? '') < NESTED_INDENT) {
      const content = item[2] ?? ''
      if (PAPER_MARKER_LINK.test(content) || opensWithPaperLink(content)) return null
    }
  }
  return link[1] ?? null
}

/**
 * True when a title cell's text is a label, not a title: a marker (`[paper]`, `Link`), an arXiv id, a venue alone.
 * @example isLabelText('arxiv:2410.02367') // true
 */
function isLabelText(text: string): boolean {
  const bare = text.trim()
  return (
    bare === '' ||
    MARKER_WORD.test(bare) ||
    /^(?:link|here)$/i.test(bare) ||
    /^arxiv\s*:?\s*\d{4}\.\d{4,5}(?:v\d+)?$/i.test(bare) ||
    VENUE_ONLY.test(bare)
  )
}

/** Drops the badges an item opens with (`![](…)`, `[![stars](…)](…)`), keeping its code spans. */
function dropLeadingBadges(content: string): string {
  const lead = LEADING_BADGES.exec(content)?.[0] ?? ''
  // A picture written as an emoji (`- 🌍 [Mixture of Experts](…)`, a list's mark for a kind of link) is one too.
  if (!/!\[|\p{Extended_Pictographic}/u.test(lead)) return content
  const code = lead.match(/`[^`]*`/g) ?? []
  return [...code, content.slice(lead.length)].join(' ')
}

/** A link that opens an entry's title (`- [Title](url)`), and the lines its title is read from. */
interface TitleLink {
  link: MarkdownLink
  lines: number[]
}

/**
 * Labels a title link `paper` when it points at the paper, so that the entry takes its URL and ids from it. A
 * `[paper]`, `[pdf]` or `[arXiv]` link on the title's lines wins: it is the list's own word, where a title may
 * open with a link to another paper (`[BERT](…) Rediscovers the Classical NLP Pipeline [[paper]](…)`). A title
 * linked to its code or project page keeps its text as label, so it is never taken for the paper.
 */
function labelTitleLink(title: TitleLink, links: ReadonlyMap<number, readonly MarkdownLink[]>): void {
  if (!isPaperUrl(title.link.url)) return
  const marked = title.lines.some((line) =>
    (links.get(line) ?? []).some(
      (link) => link !== title.link && PAPER_MARKER.test(link.label) && /^https?:\/\//i.test(link.url),
    ),
  )
  if (!marked) title.link.label = TITLE_PAPER_LABEL
}

/** True when a nested item gives its entry's paper link, as the entry parser takes it (see {@link labelNestedPaperLink}). */
function nestsPaperLink(content: string): boolean {
  const lineLinks = new Map<number, MarkdownLink[]>()
  const { text } = renderInline(content, 1, lineLinks)
  const found = lineLinks.get(1) ?? []
  labelNestedPaperLink(text, found)
  return found.some((link) => /^(?:paper|pdf|arxiv)$/i.test(link.label) && /^https?:\/\//i.test(link.url))
}

/** `Paper: [https://arxiv.org/abs/…](…)`: a nested note that says its link is the paper's. */
const PAPER_NOTE = /^(?:paper|pdf|arxiv)\s*[:：]\s*/i

/**
 * Labels `paper` the link a nested item gives its entry's paper by other words than a marker, so that an entry without
 * a paper link of its own takes it: a note so labelled (`- Paper: [https://arxiv.org/abs/…](…)`, its first link) or a
 * label alone linked to a paper's page (`- [Link](https://arxiv.org/abs/…)`, `- [arXiv:2106.06916](…)`, the URL,
 * `- [[KDD 2016]](…pdf)`).
 */
function labelNestedPaperLink(text: string, lineLinks: readonly MarkdownLink[]): void {
  const [first] = lineLinks
  if (first === undefined || !/^https?:\/\//i.test(first.url) || PAPER_MARKER.test(first.label)) return
  const note = PAPER_NOTE.exec(text)
  // `arXiv:1611.05431` is an id, no note: its link is a label alone.
  const noted = note !== null && text.slice(note[0].length).startsWith(first.label)
  const alone =
    lineLinks.length === 1 &&
    text === first.label &&
    // `[[KDD 2016]](…pdf)` shows its label in brackets, as a marker's.
    (isLabelText(first.label.replace(/^\[(.*)\]$/, '$1')) || first.label === first.url) &&
    isPaperUrl(first.url)
  if (noted || alone) first.label = TITLE_PAPER_LABEL
}

/**
 * True when a nested line shows only the label of the one link it has, a link to the paper (`[Link](https://arxiv.org/…)`
 * shows `Link`): the entry's link, no text, as `[[Paper]](…)` is. Holds for what {@link labelNestedPaperLink} labels
 * `paper` as a label alone.
 * @example showsPaperLinkLabelOnly('Link', [{ label: 'paper', url: 'https://arxiv.org/abs/1706.03762' }]) // true
 */
export function showsPaperLinkLabelOnly(text: string, lineLinks: readonly MarkdownLink[]): boolean {
  const [link] = lineLinks
  if (link === undefined || lineLinks.length !== 1 || link.label !== TITLE_PAPER_LABEL) return false
  const shown = text.trim()
  return (isLabelText(shown.replace(/^\[(.*)\]$/, '$1')) || shown === link.url) && isPaperUrl(link.url)
}

/**
 * True when a URL is a paper's: it names an arXiv id or a DOI (read by core's normal forms), or it is a paper's
 * page on OpenReview, in proceedings, at a publisher or a preprint server, or a PDF outside the code hosts. Code,
 * project pages, blogs and conference pages are not.
 * @example isPaperUrl('https://arxiv.org/pdf/2201.02177v2.pdf') // true
 * @example isPaperUrl('https://openreview.net/forum?id=9XFSbDPmdW') // true
 * @example isPaperUrl('https://github.com/openai/grok') // false
 */
export function isPaperUrl(url: string): boolean {
  const address = url.replace(/^https?:\/\//i, '')
  if (address === url) return false
  const bare = url.replace(/[?#].*$/, '')
  if (ARXIV_PAGE.test(bare) && normalizeArxivId(bare) !== null) return true
  const doi = DOI_PAGE.exec(bare)
  if (doi && normalizeDoi(decodeUriSafely(doi[1] ?? doi[2] ?? '')) !== null) return true
  if (PAPER_PAGES.some((page) => page.test(address))) return true
  return /\.pdf$/i.test(bare) && !CODE_HOST.test(address)
}

function decodeUriSafely(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * True when an item holds nothing but links and images, none of them a marker (`[[paper]](url)`) or a link to a
 * paper (`- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)` is an entry of a list of titles).
 */
function isLinksOnly(content: string): boolean {
  let markers = 0
  const rest = content.replace(IMAGE, '').replace(LINK, (_, label: string, url: string) => {
    const text = stripEmphasis(label).replace(ESCAPE, '$1').trim()
    // A citation linked whole names its paper wherever the link goes (a journal's page).
    if (MARKER_WORD.test(text) || isPaperUrl(url) || readCitation(text) !== null) markers++
    return ''
  })
  return markers === 0 && rest !== content && /^[\s,;|·–—-]*$/.test(rest)
}

/** True when the next line with content after `index` is indented under an item (its details). */
function hasNestedContent(lines: readonly string[], index: number, base = 0): boolean {
  for (let next = index + 1; next < lines.length; next++) {
    const line = lines[next] ?? ''
    if (line.trim() === '') continue
    return indentOf(/^[ \t]*/.exec(line)?.[0] ?? '') - base >= NESTED_INDENT
  }
  return false
}

/**
 * The indentation of the list each line sits in: that of its first item. A list opened under an HTML line or a
 * heading may be indented as a whole (`<summary>Toggle</summary>` over `  - [Title](url)` and `    - Authors`);
 * its items at that indentation are entries, those further in their details. A list under a paragraph or at
 * column 0 has 0, as before.
 */
function listIndents(lines: readonly string[]): number[] {
  const indents: number[] = []
  // The lines before any heading or HTML are read as before: an indented item there is a detail.
  let base: number | null = 0
  let previous = ''
  for (const line of lines) {
    const item = LIST_ITEM.exec(line)
    if (item) base ??= Math.min(indentOf(item[1] ?? ''), 3)
    // A heading or an HTML line at column 0 ends the list; a paragraph line right under an item continues it.
    else if (/^(?:#|<)/.test(line) || (/^\S/.test(line) && previous.trim() === '')) base = null
    indents.push(base ?? 0)
    if (line.trim() !== '') previous = line
    else previous = ''
  }
  return indents
}

/** Spaces of indentation, a tab counting four. */
function indentOf(whitespace: string): number {
  return whitespace.replace(/\t/g, '    ').length
}

/** A line's inline Markdown as text. */
interface RenderedInline {
  text: string
  /** The line's first link when nothing but emphasis stands before it and it is no marker: a title link. */
  openingLink: MarkdownLink | null
}

/** One line's inline Markdown as text; its links are added to `links` under the line number. */
function renderInline(markdown: string, line: number, links: Map<number, MarkdownLink[]>): RenderedInline {
  const found: MarkdownLink[] = []
  let openingLink: MarkdownLink | null = null
  // An escaped character (`\*`) is set aside first, so that it starts no emphasis, link or tag.
  const text = markdown
    .replace(STRUCK_MARKER, ' ')
    .replace(ESCAPE, (_, char: string) => String.fromCharCode(ESCAPED_BASE + char.charCodeAt(0)))
    .replace(BADGE_ONLY_LINK, (_, src: string) => `[${badgeText(src)}](`)
    .replace(IMAGE, (_, alt: string) => alt)
    .replace(LINK, (_match: string, label: string, url: string, offset: number, source: string) => {
      const shown = stripEmphasis(label).trim()
      // `[\[pdf\]](url)` is a marker too, written with its brackets escaped.
      const marker = MARKER_WORD.exec(restoreEscaped(shown))?.[1]
      const name = marker ?? shown
      if (url !== '' && !url.startsWith('#')) {
        const link = { label: restoreEscaped(name), url: restoreEscaped(url) }
        if (found.length === 0 && marker === undefined && BEFORE_TITLE_LINK.test(source.slice(0, offset)))
          openingLink = link
        found.push(link)
      }
      return marker === undefined ? shown : `[${marker.toLowerCase()}]`
    })
    // `[[Paper](url)]` shows its marker in brackets twice; the entry parser reads one.
    .replace(/\[(\[[a-z][a-z ]{0,15}\])\]/g, '$1')
    // Code shows without its backticks (`` `ACL 2023` `` is shown ACL 2023).
    .replace(/`([^`]*)`/g, '$1')
    .replace(AUTOLINK, '$1')
    .replace(BREAKING_TAG, ' ')
    .replace(TAG, '')
  const rendered = restoreEscaped(decodeHtmlEntities(stripEmphasis(text)))
    .replace(/[ \t]+/g, ' ')
    .trim()
  if (found.length > 0) links.set(line, [...(links.get(line) ?? []), ...found])
  return { text: rendered, openingLink }
}

/**
 * What a shields.io badge says, for a badge link without alt text: its first word (`Paper-fff` → `Paper`,
 * `arXiv-2402.05808-b31b1b` → `arXiv`), so that `[![](…/badge/Paper-fff)](url)` reads as the `[paper]` marker.
 */
function badgeText(src: string): string {
  const path = decodeUriSafely(/\/badge\/([^?#]*)/i.exec(src)?.[1] ?? '')
  // In a badge `--` is a dash and `_` a space; a single `-` separates its parts.
  return (path.split(/(?<!-)-(?!-)/)[0] ?? '').replace(/--/g, '-').replace(/_/g, ' ').trim()
}

function restoreEscaped(text: string): string {
  return text.replace(ESCAPED, (char) => String.fromCharCode(char.charCodeAt(0) - ESCAPED_BASE))
}

/**
 * Drops emphasis marks: `*NeurIPS 2023*` and `**x**` show as their text. An underscore counts only outside a
 * word, as in Markdown (`Laurent_Viennot` keeps it); a lone `*` (`5 * 3`) stays.
 */
function stripEmphasis(text: string): string {
  return text
    .replace(/(\*{1,3})(?=\S)([^*]*?\S)\1(?!\*)/g, '$2')
    .replace(/(^|[^\p{L}\p{N}_])(_{1,3})(?=\S)([^_]*?\S)\2(?![\p{L}\p{N}_])/gu, '$1$3')
}
