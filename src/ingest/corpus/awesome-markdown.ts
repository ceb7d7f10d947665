/**
 * @module Reads the Markdown source of an awesome list (its README.md) into the lines GitHub renders it as, so
 * that one entry parser reads both: `### Topic: 2023` → `Topic: 2023`, `- Title. [[paper]](url)` → `  • Title.
 * [paper]`, `  - Authors` → `    • Authors`, `<details><summary>Digest</summary> …` → `Digest …`. Line numbers
 * stay those of the source, and each line's link targets are kept apart (the rendered text has none). A title
 * written as the link to its paper (`- [Title](https://arxiv.org/abs/…)`) is kept as the entry's `paper` link.
 */
import { decodeHtmlEntities, normalizeArxivId, normalizeDoi } from '../../core/index.js'
import type { TextInput } from '../text-input.js'

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
}

/** `## Heading` or `### Topic: 2023` (ATX; at most three spaces before the hashes). */
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/
/** A list item: `- x`, `* x`, `+ x` or `1. x`, with its indentation. */
const LIST_ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/
/** `---`, `***`, `___` alone on a line: a rule, or a setext underline (`===` too). */
const RULE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$/
const FENCE = /^ {0,3}(```|~~~)/
/** `![alt](src)`: GitHub shows the alt text. */
const IMAGE = /!\[([^\]]*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"]*")?\)/g
/** `[text](url "title")`, the text may hold one level of brackets (`[[paper]](url)`), the URL one of parentheses. */
const LINK =
  /\[((?:[^[\]]|\[[^[\]]*\])*)\]\(\s*<?([^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*)>?(?:\s+"[^"]*")?\s*\)/g
/** `<https://…>`. */
const AUTOLINK = /<(https?:\/\/[^\s<>]+)>/g
/** Tags that stand for a break between words; any other tag is dropped without one. */
const BREAKING_TAG = /<\/?(?:details|summary|br|p|div|li|ul|ol|hr|h[1-6]|table|tr|td|th)\b[^<>]*>/gi
const TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g
const COMMENT = /<!--[\s\S]*?-->/g
/** Link texts that mark what a link points to: shown `[paper]`, as GitHub shows `[[paper]](url)`. */
const MARKER_WORD =
  /^\[?\s*(paper|code|pdf|arxiv|book|blog|video|slides|project|website|talk|poster|data)\s*\]?$/i
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

/**
 * True when the lines are Markdown source (headings, `-` list items) rather than its rendered text (`•` bullets).
 * @example isMarkdownSource(['## Topic', '- Title. [[paper]](u)']) // true
 */
export function isMarkdownSource(lines: readonly string[]): boolean {
  let markdown = 0
  let rendered = 0
  for (const line of lines) {
    if (ATX_HEADING.test(line) || LIST_ITEM.test(line)) markdown++
    else if (/^\s*•\s/.test(line)) rendered++
  }
  return markdown > rendered
}

/** What detection looks at: year sections (`### Topic: 2023`) and paper entries (`- Title [[paper]](url)`). */
export function surveyAwesomeMarkdown(lines: readonly string[]): { yearHeadings: number; entries: number } {
  let yearHeadings = 0
  let entries = 0
  for (const line of lines) {
    const heading = ATX_HEADING.exec(line)
    if (heading) {
      if (heading[1] !== '#' && /:\s*(?:19|20)\d{2}$/.test(heading[2] ?? '')) yearHeadings++
      continue
    }
    const item = LIST_ITEM.exec(line)
    if (item && indentOf(item[1] ?? '') < NESTED_INDENT && /\[\[?\s*paper\s*\]?\]\(/i.test(item[2] ?? ''))
      entries++
  }
  return { yearHeadings, entries }
}

/**
 * Renders an awesome list's Markdown line for line into the text GitHub shows, the shape the awesome-list
 * parser reads: headings at column 0, entries as `  • `, nested items as `    • `, lines that continue an item
 * indented under it, links as their text, tags and the table of contents dropped. Rejected lines stay rejected.
 * @example renderAwesomeMarkdown(splitTextInput('- T. [[paper]](https://arxiv.org/abs/1)', 'x.md')).input.lines // ['  • T. [paper]']
 */
export function renderAwesomeMarkdown(input: TextInput): RenderedMarkdown {
  const lines: string[] = []
  const links = new Map<number, MarkdownLink[]>()
  const titleLinks: TitleLink[] = []
  // The title link of the item being read, while lines still continue its title (until a detail item).
  let openTitle: TitleLink | null = null
  let fence: string | null = null
  let inComment = false
  let inItem = false
  let blankSince = false

  input.lines.forEach((source, index) => {
    const number = index + 1
    let line = source
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
      return lines.push('')
    }
    const heading = ATX_HEADING.exec(line)
    if (heading) {
      inItem = false
      openTitle = null
      return lines.push(renderInline(heading[2] ?? '', number, links).text)
    }
    if (RULE.test(line)) return lines.push('')
    const item = LIST_ITEM.exec(line)
    if (item) {
      const content = item[2] ?? ''
      inItem = true
      blankSince = false
      openTitle = null
      if (ANCHOR_LINKS_ONLY.test(content)) return lines.push('')
      const nested = indentOf(item[1] ?? '') >= NESTED_INDENT
      // `- [A blog](url)` with nothing under it is a link list's item (resources, see also), not a paper.
      if (!nested && isLinksOnly(content) && !hasNestedContent(input.lines, index)) return lines.push('')
      const rendered = renderInline(content, number, links)
      if (rendered.text === '') return lines.push('')
      if (!nested && rendered.openingLink) {
        openTitle = { link: rendered.openingLink, lines: [number] }
        titleLinks.push(openTitle)
      }
      return lines.push(`${nested ? '    ' : '  '}• ${rendered.text}`)
    }
    const text = renderInline(line, number, links).text
    if (text === '') return lines.push('')
    // A line right under an item, or indented under it after a blank, continues it (a digest over several
    // lines); it is indented past the detail bullets so that the parser joins it to what it continues.
    if (inItem && (!blankSince || indentOf(/^[ \t]*/.exec(line)?.[0] ?? '') >= NESTED_INDENT)) {
      blankSince = false
      openTitle?.lines.push(number)
      return lines.push(`      ${text}`)
    }
    inItem = false
    openTitle = null
    return lines.push(text)
  })
  for (const title of titleLinks) labelTitleLink(title, links)
  const text = lines.join('\n')
  return { input: { ...input, lines, text }, links }
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

/** True when an item holds nothing but links and images, none of them a marker (`[[paper]](url)`). */
function isLinksOnly(content: string): boolean {
  let markers = 0
  const rest = content.replace(IMAGE, '').replace(LINK, (_, label: string) => {
    if (MARKER_WORD.test(stripEmphasis(label).replace(ESCAPE, '$1').trim())) markers++
    return ''
  })
  return markers === 0 && rest !== content && /^[\s,;|·–—-]*$/.test(rest)
}

/** True when the next line with content after `index` is indented under an item (its details). */
function hasNestedContent(lines: readonly string[], index: number): boolean {
  for (let next = index + 1; next < lines.length; next++) {
    const line = lines[next] ?? ''
    if (line.trim() === '') continue
    return indentOf(/^[ \t]*/.exec(line)?.[0] ?? '') >= NESTED_INDENT
  }
  return false
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
    .replace(ESCAPE, (_, char: string) => String.fromCharCode(ESCAPED_BASE + char.charCodeAt(0)))
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
      return marker === undefined ? shown : `[${marker}]`
    })
    .replace(AUTOLINK, '$1')
    .replace(BREAKING_TAG, ' ')
    .replace(TAG, '')
  const rendered = restoreEscaped(decodeHtmlEntities(stripEmphasis(text)))
    .replace(/[ \t]+/g, ' ')
    .trim()
  if (found.length > 0) links.set(line, [...(links.get(line) ?? []), ...found])
  return { text: rendered, openingLink }
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
