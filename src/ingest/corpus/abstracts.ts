/**
 * @module Importer for a researcher's list of abstracts: paragraphs starting `Abstract:`, no title,
 * authors or date. The text is kept as given, LaTeX included; cleaning it is the analysis module's job.
 * With no title to go by, an entry's key is a hash of its normalised abstract.
 */
import type { ParseResult } from '../../core/index.js'
import type { ParseContext } from '../file-format.js'
import type { TextInput } from '../text-input.js'
import {
  createParseCollector,
  defineCorpusFormat,
  hashForKey,
  listContentLines,
  normalizeForKey,
  createRecordBase,
  sampleLines,
  shorten,
  applyFileNameHint,
  type ContentLine,
  type ParseCollector,
} from './corpus-format.js'

const FORMAT_NAME = 'abstracts'

const ABSTRACT_LABEL = /^\s*Abstract\s*:\s*/i

/** The abstracts format. */
export const abstractsFormat = defineCorpusFormat({
  name: FORMAT_NAME,
  description: 'Publication abstracts, one paragraph per paper starting "Abstract:"',
  detect(text, fileName) {
    const paragraphs = splitParagraphs(
      sampleLines(text).map((line, index) => ({ line: index + 1, text: line, rejection: null })),
    )
    const labelled = paragraphs.filter((paragraph) => ABSTRACT_LABEL.test(paragraph[0]?.text ?? '')).length
    if (labelled === 0) return 0
    return applyFileNameHint(0.5 + 0.45 * (labelled / paragraphs.length), fileName, /abstract/i)
  },
  parseInput(input, ctx) {
    return parseAbstracts(input, ctx)
  },
})

function parseAbstracts(input: TextInput, ctx: ParseContext): ParseResult {
  const collector = createParseCollector(input, ctx)
  for (const paragraph of splitParagraphs(listContentLines(input))) readParagraph(paragraph, ctx, collector)
  return collector.result()
}

/**
 * Groups content lines into paragraphs: a blank line ends one, and so does a line starting
 * `Abstract:` (two abstracts without a blank line between them are still two).
 */
function splitParagraphs(lines: ContentLine[]): ContentLine[][] {
  const paragraphs: ContentLine[][] = []
  let current: ContentLine[] = []
  let previousLine = Number.NEGATIVE_INFINITY
  for (const line of lines) {
    const startsAbstract = line.rejection === null && ABSTRACT_LABEL.test(line.text)
    if (line.text.trim() === '' && line.rejection === null) continue
    if (current.length > 0 && (line.line !== previousLine + 1 || startsAbstract)) {
      paragraphs.push(current)
      current = []
    }
    current.push(line)
    previousLine = line.line
  }
  if (current.length > 0) paragraphs.push(current)
  return paragraphs
}

function readParagraph(paragraph: ContentLine[], ctx: ParseContext, collector: ParseCollector): void {
  const first = paragraph[0]
  if (first === undefined) return
  const rejections = paragraph.flatMap((line) => (line.rejection ? [line.rejection] : []))
  if (rejections.length > 0) {
    const label = first.rejection === null ? shorten(first.text.trim()) : null
    collector.rejectEntryForLines({ line: first.line, label }, rejections)
    return
  }
  if (!ABSTRACT_LABEL.test(first.text)) {
    collector.reject({
      code: 'PARSE_FAILED',
      line: first.line,
      field: 'abstract',
      message: 'paragraph does not start with "Abstract:"',
      excerpt: shorten(first.text.trim()),
    })
    return
  }
  // Wrapped lines of one paragraph are one text; the line breaks were the page's, not the author's.
  const abstract = paragraph
    .map((line, index) => (index === 0 ? line.text.replace(ABSTRACT_LABEL, '') : line.text).trim())
    .join(' ')
    .trim()
  if (abstract === '') {
    collector.reject({
      code: 'MISSING_FIELD',
      line: first.line,
      field: 'abstract',
      message: '"Abstract:" with no text after it',
    })
    return
  }
  collector.addRecord({
    ...createRecordBase(FORMAT_NAME, ctx, first.line),
    key: hashForKey(normalizeForKey(abstract)),
    title: null,
    abstract,
    raw: { abstract: paragraph.map((line) => line.text).join('\n') },
  })
}
