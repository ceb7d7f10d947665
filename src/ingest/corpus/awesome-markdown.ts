/**
 * @module Reads the Markdown source of an awesome list (its README.md) into the lines GitHub renders it as, so
 * that one entry parser reads both: `### Topic: 2023` → `Topic: 2023`, `- Title. [[paper]](url)` → `  • Title.
 * [paper]`, `  - Authors` → `    • Authors`, `<details><summary>Digest</summary> …` → `Digest …`. Line numbers
 * stay those of the source, and each line's link targets are kept apart (the rendered text has none).
 */
import { decodeHtmlEntities } from '../../core/index.js'
import type { TextInput } from '../text-input.js'

/** A link of a line, as written: `[[paper]](https://arxiv.org/abs/2312.13558)` → `{ label: 'paper', url }`. */
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
      return lines.push(renderInline(heading[2] ?? '', number, links))
    }
    if (RULE.test(line)) return lines.push('')
    const item = LIST_ITEM.exec(line)
    if (item) {
      const content = item[2] ?? ''
      inItem = true
      blankSince = false
      if (ANCHOR_LINKS_ONLY.test(content)) return lines.push('')
      const nested = indentOf(item[1] ?? '') >= NESTED_INDENT
      // `- [A blog](url)` with nothing under it is a link list's item (resources, see also), not a paper.
      if (!nested && isLinksOnly(content) && !hasNestedContent(input.lines, index)) return lines.push('')
      const text = renderInline(content, number, links)
      if (text === '') return lines.push('')
      return lines.push(`${nested ? '    ' : '  '}• ${text}`)
    }
    const text = renderInline(line, number, links)
    if (text === '') return lines.push('')
    // A line right under an item, or indented under it after a blank, continues it (a digest over several
    // lines); it is indented past the detail bullets so that the parser joins it to what it continues.
    if (inItem && (!blankSince || indentOf(/^[ \t]*/.exec(line)?.[0] ?? '') >= NESTED_INDENT)) {
      blankSince = false
      return lines.push(`      ${text}`)
    }
    inItem = false
    return lines.push(text)
  })
  const text = lines.join('\n')
  return { input: { ...input, lines, text }, links }
}

/** True when an item holds nothing but links and images, none of them a marker (`[[paper]](url)`). */
function isLinksOnly(content: string): boolean {
  let markers = 0
  const rest = content.replace(IMAGE, '').replace(LINK, (_, label: string) => {
    if (MARKER_WORD.test(stripEmphasis(label).trim())) markers++
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

/** One line's inline Markdown as text; its links are added to `links` under the line number. */
function renderInline(markdown: string, line: number, links: Map<number, MarkdownLink[]>): string {
  const found: MarkdownLink[] = []
  // An escaped character (`\*`) is set aside first, so that it starts no emphasis, link or tag.
  const text = markdown
    .replace(ESCAPE, (_, char: string) => String.fromCharCode(ESCAPED_BASE + char.charCodeAt(0)))
    .replace(IMAGE, (_, alt: string) => alt)
    .replace(LINK, (_, label: string, url: string) => {
      const shown = stripEmphasis(label).trim()
      const marker = MARKER_WORD.exec(shown)?.[1]
      const name = marker ?? shown
      if (url !== '' && !url.startsWith('#'))
        found.push({ label: restoreEscaped(name), url: restoreEscaped(url) })
      return marker === undefined ? shown : `[${marker}]`
    })
    .replace(AUTOLINK, '$1')
    .replace(BREAKING_TAG, ' ')
    .replace(TAG, '')
  const rendered = restoreEscaped(decodeHtmlEntities(stripEmphasis(text)))
    .replace(/[ \t]+/g, ' ')
    .trim()
  if (found.length > 0) links.set(line, [...(links.get(line) ?? []), ...found])
  return rendered
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

