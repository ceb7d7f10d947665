/**
 * @module Importer for a researcher's profile page on the paper-tracking site: the owner's name, field
 * and reported metrics (one AuthorProfileRecord), then one record per listed paper, each credited to
 * the owner even where the printed author list is cut before reaching them.
 */
import { createAuthorProfileRecord, ReportedMetricsSchema, type ReportedMetrics } from '../../core/index.js'
import type { ParseContext } from '../file-format.js'
import type { TextInput } from '../text-input.js'
import { looksLikePersonName } from './author-names.js'
import {
  createParseCollector,
  defineCorpusFormat,
  listContentLines,
  normalizeForKey,
  sampleLines,
  shorten,
  applyFileNameHint,
  type ContentLine,
  type ParseCollector,
} from './corpus-format.js'
import {
  isEntryDateLine,
  readPapersHeading,
  readProfileMetric,
  readSitePaperEntries,
  surveySitePage,
} from './site-paper-entries.js'

const FORMAT_NAME = 'researcher-profile'

/** A field tag like `ML` or `CS.LG`: short, upper case. */
const FIELD_TAG = /^[A-Z][A-Z0-9.&-]{0,11}$/

/** What the header above the paper list says. */
interface ProfileHeader {
  name: string | null
  nameLine: number | null
  field: string | null
  metrics: ReportedMetrics
  metricLines: Record<string, string>
  /** The `13 Papers` heading: how many papers the page says it lists, and where. */
  listed: { count: number; line: number } | null
}

/** The researcher-profile format. */
export const researcherProfileFormat = defineCorpusFormat({
  name: FORMAT_NAME,
  description:
    "A researcher's profile page on a paper-tracking site: name, field, metrics, then their papers",
  detect(text, fileName) {
    const survey = surveySitePage(sampleLines(text))
    if (survey.dateLines === 0) return 0
    const hasHeader = survey.metricLines >= 2 || survey.papersHeading
    return applyFileNameHint(hasHeader ? 0.95 : 0.3, fileName, /profile/i)
  },
  parseInput(input, ctx) {
    return parseResearcherProfile(input, ctx)
  },
})

function parseResearcherProfile(input: TextInput, ctx: ParseContext) {
  const collector = createParseCollector(input, ctx)
  const lines = listContentLines(input)
  const firstEntry = lines.findIndex(isEntryDateLine)
  const headerLines = firstEntry === -1 ? lines : lines.slice(0, firstEntry)
  const header = readHeader(headerLines, collector)
  if (header.name === null) {
    collector.warn({
      code: 'MISSING_FIELD',
      line: 1,
      field: 'name',
      message: 'no researcher name at the top of the page; papers are imported without their owner',
    })
  } else {
    collector.addProfile(
      createAuthorProfileRecord({
        source: FORMAT_NAME,
        key: normalizeForKey(header.name),
        locator: `${ctx.input}:${header.nameLine ?? 1}`,
        // The page was read when it was captured, not when the file is imported: its counts are as of then. Only as
        // precise as the capture date is known (the corpus manifest gives '2026'), never a day made up.
        fetchedAt: ctx.captureDate ?? ctx.fetchedAt,
        name: header.name,
        field: header.field,
        metrics: header.metrics,
        raw: {
          name: header.name,
          field: header.field,
          ...header.metricLines,
          ...(header.listed ? { listedPapers: header.listed.count } : {}),
          ...(ctx.captureDate ? { captureDate: ctx.captureDate } : {}),
        },
      }),
    )
  }
  const entryCount =
    firstEntry === -1
      ? 0
      : readSitePaperEntries(lines.slice(firstEntry), ctx, collector, {
          format: FORMAT_NAME,
          owner: header.name,
          keyPrefix: header.name === null ? '' : `${normalizeForKey(header.name)}/`,
        })
  if (header.listed && header.listed.count !== entryCount) {
    collector.warn({
      code: 'INVALID_VALUE',
      line: header.listed.line,
      field: 'papers',
      message: `the page says it lists ${header.listed.count} papers, but ${entryCount} entries were found`,
    })
  }
  return collector.result()
}

/** Reads name, field tag, metrics and the papers heading; other lines are reported and skipped. */
function readHeader(lines: ContentLine[], collector: ParseCollector): ProfileHeader {
  const header: ProfileHeader = {
    name: null,
    nameLine: null,
    field: null,
    metrics: {},
    metricLines: {},
    listed: null,
  }
  for (const line of lines) {
    if (line.rejection) {
      collector.rejectEntryForLines({ line: line.line, label: null }, [line.rejection])
      continue
    }
    const text = line.text.trim()
    const metric = readProfileMetric(text)
    const listed = readPapersHeading(text)
    if (metric && !ReportedMetricsSchema.safeParse({ [metric.name]: metric.value }).success) {
      collector.warn({
        code: 'INVALID_VALUE',
        line: line.line,
        field: metric.name,
        message: `${metric.value} is out of range for ${metric.name}; ignored`,
        excerpt: shorten(text),
      })
    } else if (metric) {
      header.metrics[metric.name] = metric.value
      header.metricLines[metric.name] = text
    } else if (listed !== null) {
      header.listed = { count: listed, line: line.line }
    } else if (header.name === null && looksLikePersonName(text, 2)) {
      header.name = text
      header.nameLine = line.line
    } else if (header.field === null && FIELD_TAG.test(text)) {
      header.field = text
    } else {
      collector.warn({
        code: 'PARSE_FAILED',
        line: line.line,
        message: 'line above the paper list not recognised; ignored',
        excerpt: shorten(text),
      })
    }
  }
  return header
}
