/**
 * @module Importer for an author's paper list on the paper-tracking site: entries like a profile's,
 * without the header, and with each title glued to its author list. The page names no owner, so no
 * author is added to the printed lists.
 */
import {
  createParseCollector,
  defineCorpusFormat,
  listContentLines,
  sampleLines,
  applyFileNameHint,
} from './corpus-format.js'
import { isEntryDateLine, readSitePaperEntries, surveySitePage } from './site-paper-entries.js'

const FORMAT_NAME = 'author-papers'

/** The author-papers format. */
export const authorPapersFormat = defineCorpusFormat({
  name: FORMAT_NAME,
  description:
    "An author's paper list on a paper-tracking site: category and date, title glued to authors, abstract",
  detect(text, fileName) {
    const survey = surveySitePage(sampleLines(text))
    if (survey.dateLines === 0 || survey.metricLines >= 2 || survey.papersHeading) return 0
    // Glued title+author lines are this page's mark; a headerless list with separate author lines
    // reads the same way, and without a header there is no owner to credit, which is this format.
    const gluedShare = survey.gluedEntries / survey.dateLines
    return applyFileNameHint(
      survey.gluedEntries > 0 ? 0.5 + 0.45 * gluedShare : 0.55,
      fileName,
      /author|papers/i,
    )
  },
  parseInput(input, ctx) {
    const collector = createParseCollector(input, ctx)
    const lines = listContentLines(input)
    const firstEntry = lines.findIndex(isEntryDateLine)
    // Anything above the first entry is not part of this page's format: report it, import the rest.
    for (const line of firstEntry === -1 ? lines : lines.slice(0, firstEntry)) {
      if (line.rejection) collector.rejectEntryForLines({ line: line.line, label: null }, [line.rejection])
      else
        collector.warn({
          code: 'PARSE_FAILED',
          line: line.line,
          message: 'line before the first `<category><date>` line; ignored',
          excerpt: line.text.trim().slice(0, 80),
        })
    }
    if (firstEntry !== -1) {
      readSitePaperEntries(lines.slice(firstEntry), ctx, collector, {
        format: FORMAT_NAME,
        owner: null,
        keyPrefix: '',
      })
    }
    return collector.result()
  },
})
