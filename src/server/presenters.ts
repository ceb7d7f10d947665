/**
 * @module Presenters: domain objects (core) → the API's JSON (schemas.ts). The only place in the server that
 * decides what a client sees; links are only ever http(s). A paper and its cards are presented by
 * src/commands/paper-detail.ts, re-exported here, so `paperscope show --json` prints what the API serves.
 */
import type { Paper } from '../core/index.js'
import type { AuthorDetail, LibraryStats, Page, SearchResult, TopicDetail } from '../store/index.js'
import { pluralize, reportedMetricConflicts, type Author, type CoAuthor, type Topic } from '../core/index.js'
import { httpUrl, presentComputedValue, presentPaperSummary } from '../commands/index.js'
import type { AnalysisAuthorMetrics } from './deps.js'
import type { AuthorDetailOut, AuthorList, AuthorListItem, ReportedProfileOut } from './routes/authors.schema.js'
import type { SearchResponse } from './routes/search.schema.js'
import type { StatsOut } from './routes/stats.schema.js'
import type { TopicDetailOut, TopicListItem } from './routes/topics.schema.js'
import type { ComputedValue, PaperList, TextSegment } from './schemas.js'

export { presentPaperSummary, presentSimilarPapers } from '../commands/index.js'

/** Number of pages for `total` items. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize))
}

export function presentPaperList(page: Page<Paper>, pageNumber: number, pageSize: number): PaperList {
  return {
    items: page.items.map(presentPaperSummary),
    total: page.total,
    page: pageNumber,
    pageSize,
    pages: pageCount(page.total, pageSize),
  }
}

/**
 * The highlighted title for a hit. The index may hold several titles of a merged paper, one per line
 * (`Title\nAlternative title`); the line that is the paper's title is kept, or the plain title when none is.
 */
export function titleSegments(segments: TextSegment[], title: string): TextSegment[] {
  const lines: TextSegment[][] = [[]]
  for (const segment of segments) {
    segment.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([])
      if (part) lines[lines.length - 1]!.push({ text: part, match: segment.match })
    })
  }
  const line = lines.find((l) => l.map((s) => s.text).join('') === title)
  return line ?? [{ text: title, match: false }]
}

export function presentSearch(
  result: SearchResult,
  query: { q: string; page: number; pageSize: number; author: { id: string; name: string } | null },
): SearchResponse {
  // The store runs as many words and phrases as its index takes and drops the rest: the answer says how many.
  const terms = result.terms
  return {
    query: { q: query.q, ftsQuery: result.ftsQuery, author: query.author, wordsSearched: terms.searched, wordsLeftOut: terms.typed - terms.searched },
    items: result.items.map((hit) => ({
      paper: presentPaperSummary(hit.paper),
      score: Math.round(hit.score * 1000) / 1000,
      title: titleSegments(hit.title, hit.paper.title),
      snippet: hit.snippet,
      matchedKeywords: hit.matchedKeywords,
    })),
    total: result.total,
    page: query.page,
    pageSize: query.pageSize,
    pages: pageCount(result.total, query.pageSize),
    facets: result.facets,
    facetsOver: result.facetsOver,
    facetsApproximate: result.facetsApproximate,
  }
}

export function presentAuthorListItem(author: { id: string; name: string; nameVariants: string[]; paperCount: number }): AuthorListItem {
  return { id: author.id, name: author.name, nameVariants: author.nameVariants, paperCount: author.paperCount }
}

/** A page of the authors a name finds, paged as presentPaperList pages papers. */
export function presentAuthorList(page: Page<Author>, pageNumber: number, pageSize: number): AuthorList {
  return {
    items: page.items.map(presentAuthorListItem),
    total: page.total,
    page: pageNumber,
    pageSize,
    pages: pageCount(page.total, pageSize),
  }
}

function presentProfile(profile: AuthorDetail['profiles'][number]): ReportedProfileOut {
  const m = profile.metrics
  return {
    source: profile.source,
    locator: profile.locator,
    link: httpUrl(profile.locator),
    fetchedAt: profile.fetchedAt,
    field: profile.field,
    values: {
      hIndex: m.hIndex ?? null,
      i10Index: m.i10Index ?? null,
      papers: m.papers ?? null,
      citations: m.citations ?? null,
      noveltyPercent: m.noveltyPercent ?? null,
      aiScore: m.aiScore ?? null,
    },
    conflicts: reportedMetricConflicts(m),
  }
}

const SOURCE_ID_PAGES: Record<string, (id: string) => string> = {
  'semantic-scholar': (id) => `https://www.semanticscholar.org/author/${encodeURIComponent(id)}`,
  openalex: (id) => `https://openalex.org/${encodeURIComponent(id)}`,
  orcid: (id) => `https://orcid.org/${encodeURIComponent(id)}`,
}

/** `semantic-scholar:2259683` as its source, id and page. */
export function presentSourceId(sourceId: string): AuthorDetailOut['sourceIds'][number] {
  const colon = sourceId.indexOf(':')
  const source = sourceId.slice(0, colon)
  const id = sourceId.slice(colon + 1)
  return { source, id, link: SOURCE_ID_PAGES[source]?.(id) ?? null }
}

function mergedWhy(merged: number): string[] {
  return merged > 0 ? [`${pluralize(merged, 'paper')} merged from more than one source`] : []
}

/**
 * The category more of a researcher's papers carry than any other, as their sources name it (`cs.LG`, `ML`); ties go to the
 * first in alphabetical order. Null when no paper has a category.
 * @example fieldOfPapers([{ categories: ['cs.LG'] }, { categories: ['cs.LG', 'stat.ML'] }])?.value // 'cs.LG'
 */
export function fieldOfPapers(papers: ReadonlyArray<Pick<Paper, 'categories'>>): AuthorDetailOut['field'] {
  const counts = new Map<string, number>()
  for (const p of papers) for (const c of new Set(p.categories)) counts.set(c, (counts.get(c) ?? 0) + 1)
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  if (!best) return null
  return {
    value: best[0],
    origin: 'computed',
    detail: `the commonest category of the papers, as their sources name them: ${best[1]} of ${pluralize(papers.length, 'paper')} carry it${counts.size > 1 ? ` (others: ${[...counts.keys()].filter((c) => c !== best[0]).sort().slice(0, 5).join(', ')})` : ''}`,
  }
}

/**
 * A researcher: reported metrics (each with its page) beside computed ones (each with how). Counts that are
 * plain facts of the library (papers, known citations) are computed here; the rest come from the analysis.
 */
export function presentAuthorDetail(input: {
  author: AuthorDetail
  /** Every paper of the author, newest first: the counts take them all. */
  papers: Paper[]
  /** The most of them `papers` lists (the newest); all when not said. */
  papersListed?: number
  coAuthors: CoAuthor[]
  /** How many co-authors there are in all (`coAuthors` holds at most 50). */
  coAuthorsTotal?: number
  /** Other people whose names fit this one's, kept apart (none when not looked up). */
  namesakes?: AuthorDetailOut['namesakes']
  analysis: AnalysisAuthorMetrics | null
}): AuthorDetailOut {
  const { author, papers, coAuthors, analysis } = input
  const reported = author.profiles.map(presentProfile)
  const reportedField = author.profiles.find((p) => p.field)
  const field: AuthorDetailOut['field'] = reportedField?.field
    ? { value: reportedField.field, origin: 'reported', detail: `reported by ${reportedField.source} (${reportedField.locator})` }
    : analysis?.field
      ? { value: analysis.field.value, origin: 'computed', detail: analysis.field.howComputed }
      : fieldOfPapers(papers)

  const perYear = new Map<number, number>()
  let withoutYear = 0
  for (const p of papers) {
    if (p.date) perYear.set(Number(p.date.slice(0, 4)), (perYear.get(Number(p.date.slice(0, 4))) ?? 0) + 1)
    else withoutYear++
  }
  const papersComputed: ComputedValue = {
    value: author.paperCount,
    howComputed: 'papers in this library that list this author, after merging duplicates across sources',
    why: mergedWhy(papers.filter((p) => p.sourceCount > 1).length),
    lowerBound: false,
  }
  const known = author.citationsKnown
  const citationsComputed: ComputedValue | null =
    known.citations !== null
      ? {
          value: known.citations,
          howComputed: `sum of the citation counts sources gave for ${known.papersWithCounts} of ${pluralize(author.paperCount, 'paper')}`,
          why: known.counts.slice(0, 10).map((c) => String(c)),
          lowerBound: known.papersWithCounts < author.paperCount,
        }
      : null

  const topicCounts = new Map<string, { id: string; label: string; papers: number; curated: number }>()
  for (const p of papers) {
    for (const t of p.topics) {
      const entry = topicCounts.get(t.topicId) ?? { id: t.topicId, label: t.label, papers: 0, curated: 0 }
      entry.papers++
      if (t.origin === 'curated') entry.curated++
      topicCounts.set(t.topicId, entry)
    }
  }

  return {
    id: author.id,
    name: author.name,
    nameVariants: author.nameVariants,
    sourceIds: author.sourceIds.map(presentSourceId),
    field,
    paperCount: author.paperCount,
    metrics: {
      reported,
      computed: {
        hIndex: analysis?.hIndex ? presentComputedValue(analysis.hIndex) : null,
        papers: analysis?.papers ? presentComputedValue(analysis.papers) : papersComputed,
        citations: analysis?.citations ? presentComputedValue(analysis.citations) : citationsComputed,
        noveltyPercent: analysis?.noveltyPercent ? presentComputedValue(analysis.noveltyPercent) : null,
        aiScore: analysis?.aiScore ? presentComputedValue(analysis.aiScore) : null,
      },
    },
    papers: papers.slice(0, input.papersListed ?? papers.length).map(presentPaperSummary),
    papersTruncated: papers.length > (input.papersListed ?? papers.length),
    papersPerYear: [...perYear].map(([year, count]) => ({ year, count })).sort((a, b) => a.year - b.year),
    papersWithoutYear: withoutYear,
    coAuthors: coAuthors.map((c) => ({ id: c.authorId, name: c.name, sharedPapers: c.sharedPapers })),
    coAuthorsTotal: Math.max(input.coAuthorsTotal ?? 0, coAuthors.length),
    namesakes: input.namesakes ?? [],
    topics: [...topicCounts.values()].sort((a, b) => b.papers - a.papers || a.label.localeCompare(b.label)),
  }
}

export function presentTopicListItem(topic: Topic): TopicListItem {
  return { id: topic.id, label: topic.label, paperCount: topic.paperCount }
}

export function presentTopicDetail(
  topic: TopicDetail,
  recent: Paper[],
  keywords: TopicDetailOut['keywords'] = [],
  topAuthors: TopicDetailOut['topAuthors'] = [],
): TopicDetailOut {
  return {
    id: topic.id,
    label: topic.label,
    paperCount: topic.paperCount,
    curatedCount: topic.curated,
    predictedCount: topic.predicted,
    perYear: topic.perYear.map((y) => ({ year: y.year, curated: y.curated, predicted: y.predicted })),
    topAuthors: topAuthors.map((a) => ({ id: a.id, name: a.name, papers: a.papers })),
    keywords: keywords.map((k) => ({ text: k.text, papers: k.papers, curated: k.curated })),
    recentPapers: recent.map(presentPaperSummary),
  }
}

/** Library counts, without where the library lives (no file paths leave the server). */
export function presentStats(stats: LibraryStats, topics: number): StatsOut {
  return {
    papers: stats.papers,
    authors: stats.authors,
    sourceRecords: stats.sourceRecords,
    authorProfiles: stats.authorProfiles,
    candidateProfiles: stats.candidateProfiles,
    mergedPapers: stats.mergedPapers,
    multiSourcePapers: stats.multiSourcePapers,
    papersWithoutYear: stats.papersWithoutYear,
    perSource: Object.entries(stats.perSource).map(([source, c]) => ({ source, records: c.records, papers: c.papers })),
    topics,
  }
}
