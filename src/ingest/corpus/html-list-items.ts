/**
 * @module Reads the HTML lists a Markdown README writes (`<ul><li><a href="…">Title</a> …</li></ul>`, `<li><b>Title</b>
 * <a href=…>[paper]</a>`, authors after `<br>` or on a nested `<ul><li>`, lists folded in `<details><summary>`) into
 * the Markdown items they stand for, line for line: `- [Title](…) <br> Authors` on the line where the item's text
 * starts, the list's other lines blank. The awesome-list Markdown reader then reads them as its own items. htmlparser2
 * tokenizes, so attributes in any quoting, entities (`&amp;`) and `<li>` closed only by the next one read as GitHub
 * shows them.
 */
import { Parser } from 'htmlparser2'

/** Markdown lines in which each HTML list is written as the Markdown items it stands for. */
export interface HtmlListItems {
  /** The same number of lines; the lines of an HTML list are blank but for its items. */
  lines: string[]
  /** 0-based indexes of the lines that hold an item read from HTML. */
  items: ReadonlySet<number>
  /**
   * 1-based lines of items not read: an item shares its line with another and its list has no free line to move
   * it to (`<ul><li>A</li><li>B</li></ul>` on one line).
   */
  crowded: number[]
  /** 0-based lines of the headings that name a group, each with the last line of the group's items. */
  groupEnds: ReadonlyMap<number, number>
}

interface HtmlElement {
  name: string
  attribs: Record<string, string>
  children: HtmlNode[]
  start: number
  end: number
}
type HtmlNode = HtmlElement | { text: string; start: number }

const LIST_TAGS = new Set(['ul', 'ol'])
/** Elements that set what they hold apart from what stands around it: a piece of its own, as `<br>` does. */
const PIECE_TAGS = new Set([
  'br',
  'hr',
  'p',
  'div',
  'details',
  'summary',
  'blockquote',
  'table',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
])
const BREAK = ' <br> '
/** A group's name is written as the deepest heading: a section under the headings above the list. */
const GROUP_HEADING = '######'
/** A code span (`` `<li>` ``): shown as code, no HTML. */
const CODE_SPAN = /`[^`\n]*`/g
const FENCE = /^ {0,3}(```|~~~)/

/**
 * The lines with every HTML list rewritten as Markdown items (unchanged when no line holds `<li`). An item that
 * holds lists of items with lists of their own, or that opens with `<details><summary>`, groups entries: its name
 * becomes a heading (`###### Disease detection`) over its items, read in turn, and the group ends with its list
 * (`groupEnds`): a Markdown item after it is under the headings around the list. A list inside a Markdown line (a
 * table cell) is left to that line.
 * @example readHtmlListItems(['<ul>', '<li><b>Title</b> <a href="u">[paper]</a></li>', '</ul>']).lines // ['', '- **Title** [[paper]](u)', '']
 */
export function readHtmlListItems(lines: readonly string[]): HtmlListItems {
  const out = [...lines]
  const items = new Set<number>()
  const crowded: number[] = []
  const groupEnds = new Map<number, number>()
  if (!lines.some((line) => /<li\b/i.test(line))) return { lines: out, items, crowded, groupEnds }
  const text = maskCode(lines).join('\n')
  const lineStarts = [0]
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1))
    lineStarts.push(index + 1)
  const lineOf = (offset: number): number => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((lineStarts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    return low
  }
  for (const list of findTopLevelLists(parseHtml(text))) {
    const first = lineOf(list.start)
    // A list inside a Markdown line (a table row's cell, after an item's title) belongs to that line: left to it.
    const before = text.slice(lineStarts[first] ?? 0, list.start)
    if (before.replace(/<[^<>]*>/g, '').trim() !== '') continue
    const end = lineOf(Math.max(list.start, list.end))
    // Items may move down to the blank lines after the list when its own lines are too few for them.
    let last = end
    while (last + 1 < lines.length && (lines[last + 1] ?? '').trim() === '') last++
    // What each line of the list becomes: an item, or the heading of a group (its name, as a section).
    const placed = new Map<number, { markdown: string; item: boolean }>()
    // The last line an item of the list was set on so far.
    let lastPlaced = first
    const place = (item: HtmlElement): void => {
      const markdown = itemMarkdown(item)
      if (markdown === '') return
      let line = lineOf(contentStart(item) ?? item.start)
      while (placed.has(line) && line <= last) line++
      if (line > last) crowded.push(lineOf(item.start) + 1)
      else {
        placed.set(line, { markdown: `- ${markdown}`, item: true })
        lastPlaced = Math.max(lastPlaced, line)
      }
    }
    const read = (item: HtmlElement): void => {
      if (!isGroup(item)) return place(item)
      // `<li><details><summary>Disease detection</summary><ul>…`: the group's name is the topic of its items.
      const name = groupName(item)
      const line = lineOf(contentStart(item) ?? item.start)
      const named = name !== '' && !placed.has(line)
      if (named) placed.set(line, { markdown: `${GROUP_HEADING} ${name}`, item: false })
      nestedItems(item).forEach(read)
      // The group ends with its item (or its list, when the item is never closed), or with its last item moved down.
      if (named) groupEnds.set(line, Math.max(Math.min(lineOf(item.end), end), lastPlaced))
    }
    childItems(list).forEach(read)
    for (let line = first; line <= end; line++) out[line] = ''
    for (const [line, { markdown, item }] of placed) {
      out[line] = markdown
      if (item) items.add(line)
    }
  }
  return { lines: out, items, crowded, groupEnds }
}

/** Code is no HTML: fenced blocks and code spans are blanked (same lengths, so offsets keep their lines). */
function maskCode(lines: readonly string[]): string[] {
  let fence: string | null = null
  return lines.map((line) => {
    const mark = FENCE.exec(line)?.[1]
    if (fence !== null || mark !== undefined) {
      if (fence === null) fence = mark ?? null
      else if (mark === fence) fence = null
      return ''
    }
    return line.replace(CODE_SPAN, (code) => ' '.repeat(code.length))
  })
}

/** The elements and text of a document, each with the offset it starts at (and an element where it ends). */
function parseHtml(text: string): HtmlElement {
  const root: HtmlElement = { name: '#root', attribs: {}, children: [], start: 0, end: text.length }
  const stack: HtmlElement[] = [root]
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const element: HtmlElement = {
          name,
          attribs,
          children: [],
          start: parser.startIndex,
          end: text.length,
        }
        stack[stack.length - 1]?.children.push(element)
        stack.push(element)
      },
      ontext(data) {
        stack[stack.length - 1]?.children.push({ text: data, start: parser.startIndex })
      },
      onclosetag(name) {
        // Close the innermost open element of that name; a stray close tag (`</ul></li>`) closes nothing.
        const open = stack.findLastIndex((element) => element.name === name)
        if (open <= 0) return
        for (const element of stack.splice(open)) element.end = parser.endIndex
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  )
  parser.end(text)
  return root
}

function isElement(node: HtmlNode): node is HtmlElement {
  return 'name' in node
}

/** The lists not inside an item of another list, in document order. */
function findTopLevelLists(root: HtmlElement): HtmlElement[] {
  const lists: HtmlElement[] = []
  const visit = (element: HtmlElement): void => {
    for (const child of element.children) {
      if (!isElement(child) || child.name === 'li') continue
      if (LIST_TAGS.has(child.name)) lists.push(child)
      else visit(child)
    }
  }
  visit(root)
  return lists
}

/** The items of a list, through wrappers but not into other items or lists. */
function childItems(list: HtmlElement): HtmlElement[] {
  const items: HtmlElement[] = []
  const visit = (element: HtmlElement): void => {
    for (const child of element.children) {
      if (!isElement(child) || LIST_TAGS.has(child.name)) continue
      if (child.name === 'li') items.push(child)
      else visit(child)
    }
  }
  visit(list)
  return items
}

/** The lists an item holds (through wrappers such as `<details>`, not into other items). */
function nestedLists(item: HtmlElement): HtmlElement[] {
  return findTopLevelLists({ ...item, name: '#item' })
}

function nestedItems(item: HtmlElement): HtmlElement[] {
  return nestedLists(item).flatMap(childItems)
}

/**
 * True when an item groups entries rather than being one: it opens a `<details>` with a `<summary>` over a list,
 * or its items hold lists of their own (`<li>Other:<ul><li><b>Title</b><ul><li>[paper]</li></ul></li></ul></li>`).
 */
function isGroup(item: HtmlElement): boolean {
  const items = nestedItems(item)
  if (items.length === 0) return false
  const summary = item.children.some(
    (child) =>
      isElement(child) &&
      child.name === 'details' &&
      child.children.some((inner) => isElement(inner) && inner.name === 'summary'),
  )
  return summary || items.some((nested) => nestedItems(nested).length > 0)
}

/** Where an item's words or links start: the line it is read on, which may be under its `<li>`. */
function contentStart(element: HtmlElement): number | null {
  for (const child of element.children) {
    if (!isElement(child)) {
      const lead = /^\s*/.exec(child.text)?.[0].length ?? 0
      if (lead < child.text.length) return child.start + lead
    } else if (child.name === 'a' || child.name === 'img') return child.start
    else {
      const inner = contentStart(child)
      if (inner !== null) return inner
    }
  }
  return null
}

/**
 * The name of a group of items: its `<summary>`, or the words it says before its list (`Other:` → `Other`). Plain text,
 * so that it reads as a heading's.
 */
function groupName(item: HtmlElement): string {
  const details = item.children.find(
    (child): child is HtmlElement => isElement(child) && child.name === 'details',
  )
  const summary = details?.children.find(
    (child): child is HtmlElement => isElement(child) && child.name === 'summary',
  )
  const own = (summary ?? item).children.filter((child) => !isElement(child) || !LIST_TAGS.has(child.name))
  return plainText(own)
    .replace(/\s+/g, ' ')
    .replace(/[\s:：]+$/, '')
    .trim()
}

function plainText(nodes: readonly HtmlNode[]): string {
  return nodes
    .map((node) => (isElement(node) ? (node.name === 'details' ? '' : plainText(node.children)) : node.text))
    .join(' ')
}

/** An item as one line of Markdown; what it nests (authors, links on a list of their own) follows after `<br>`. */
function itemMarkdown(item: HtmlElement): string {
  return toMarkdown(item.children)
    .replace(/\s+/g, ' ')
    .replace(/(?:\s*<br>\s*)+/g, BREAK)
    .replace(/^\s*<br>\s*|\s*<br>\s*$/g, '')
    .trim()
}

function toMarkdown(nodes: readonly HtmlNode[]): string {
  return nodes.map(nodeMarkdown).join('')
}

function nodeMarkdown(node: HtmlNode): string {
  if (!isElement(node)) return node.text.replace(/\s+/g, ' ')
  const inner = toMarkdown(node.children)
  const bare = inner.replace(/\s+/g, ' ').trim()
  switch (node.name) {
    case 'a': {
      const href = (node.attribs.href ?? '').trim().replace(/\s/g, '%20')
      if (bare === '') return ''
      return href === '' ? inner : ` [${bare}](${href}) `
    }
    case 'b':
    case 'strong':
      return bare === '' ? inner : ` **${bare}** `
    case 'i':
    case 'em':
      return bare === '' ? inner : ` *${bare}* `
    case 'code':
      return bare === '' ? '' : ` \`${bare}\` `
    case 'sup':
      return `<sup>${bare}</sup>`
    case 'img': {
      const src = (node.attribs.src ?? '').trim().replace(/\s/g, '%20')
      return src === '' ? '' : ` ![${node.attribs.alt ?? ''}](${src}) `
    }
    case 'ul':
    case 'ol':
      return childItems(node)
        .map((item) => `${BREAK}${toMarkdown(item.children)}`)
        .join('')
    default:
      return PIECE_TAGS.has(node.name) ? `${BREAK}${inner}${BREAK}` : inner
  }
}
