/**
 * @module Presenters: domain objects (core) → the API's JSON (schemas.ts). The only place that decides what
 * a client sees; links are made here and only ever http(s).
 */
import type { ExternalIds, Paper, PaperWithSources, StoredSourceRecord } from '../core/index.js'
import type { AuthorDetail, LibraryStats, Page, SearchResult, TopicDetail } from '../store/index.js'
import { arxivUrl, doiUrl, fileEntryKey, fileEntryLabel, locatorInput, pluralize, reportedMetricConflicts, type Author, type CoAuthor, type Topic } from '../core/index.js'
import type { AnalysisAuthorMetrics, AnalysisNovelty, AnalysisPaperText, AnalysisPaperTopics, AnalysisSimilarPaper, AnalysisValue } from './deps.js'
import type { AuthorDetailOut, AuthorList, AuthorListItem, ReportedProfileOut } from './routes/authors.schema.js'
import type { SearchResponse } from './routes/search.schema.js'
import type { StatsOut } from './routes/stats.schema.js'
import type { TopicDetailOut, TopicListItem } from './routes/topics.schema.js'
import type {
  ApiLink,
  ComputedValue,
  PaperDetail,
  PaperList,
  PaperSummary,
  SimilarPaper,
  SourceRecordOut,
  TextSegment,
} from './schemas.js'

/** Longest abstract start a card shows. */
export const ABSTRACT_START_CHARS = 320

/** The url when it is an absolute http(s) URL, else null; nothing else ever becomes a link. */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null
  const text = value.trim()
  if (!/^https?:\/\//i.test(text)) return null
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

const ID_LINKS: Array<{ kind: keyof ExternalIds; label: string; url: (id: string) => string }> = [
  { kind: 'arxiv', label: 'arXiv', url: arxivUrl },
  { kind: 'doi', label: 'DOI', url: doiUrl },
  { kind: 'openalex', label: 'OpenAlex', url: (id) => `https://openalex.org/${encodeURIComponent(id)}` },
  { kind: 's2', label: 'Semantic Scholar', url: (id) => `https://www.semanticscholar.org/paper/${encodeURIComponent(id)}` },
  { kind: 'hf', label: 'Hugging Face', url: (id) => `https://huggingface.co/papers/${encodeURIComponent(id)}` },
  { kind: 'dblp', label: 'dblp', url: (id) => `https://dblp.org/rec/${encodeURI(id)}` },
  { kind: 'pmid', label: 'PubMed', url: (id) => `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(id)}/` },
  { kind: 'acl', label: 'ACL Anthology', url: (id) => `https://aclanthology.org/${encodeURIComponent(id)}` },
]

/** Links to the paper elsewhere: its own URL first, then one per external id. */
export function paperLinks(paper: Pick<Paper, 'ids' | 'url'>): ApiLink[] {
  const links: ApiLink[] = []
  const own = httpUrl(paper.url)
  if (own) links.push({ label: linkLabel(own), url: own })
  for (const { kind, label, url } of ID_LINKS) {
    const id = paper.ids[kind]
    if (!id) continue
    const href = httpUrl(url(id))
    if (href && !links.some((l) => l.url === href)) links.push({ label, url: href })
  }
  return links
}

function linkLabel(url: string): string {
  const host = new URL(url).hostname.replace(/^www\./, '')
  if (host === 'arxiv.org') return 'arXiv'
  if (host === 'github.com') return 'Code (GitHub)'
  if (host === 'openreview.net') return 'OpenReview'
  return host
}

/**
 * The start of an abstract for a card: whole words up to `max` characters.
 * @example abstractStart('Grokking is a phenomenon ...', 10) // { text: 'Grokking is', truncated: true }
 */
export function abstractStart(text: string | null, max = ABSTRACT_START_CHARS): { text: string | null; truncated: boolean } {
  if (!text) return { text: null, truncated: false }
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return { text: clean, truncated: false }
  const cut = clean.slice(0, max + 1)
  const atWord = cut.lastIndexOf(' ')
  return { text: (atWord > max * 0.6 ? cut.slice(0, atWord) : cut.slice(0, max)).replace(/[\s,;:]+$/, ''), truncated: true }
}

/** A paper as a card: everything but the full abstract and the source records. */
export function presentPaperSummary(paper: Paper): PaperSummary {
  const start = abstractStart(paper.abstract)
  return {
    id: paper.id,
    title: paper.title,
    titleDerived: paper.titleDerived,
    date: paper.date,
    datePrecision: paper.datePrecision,
    year: paper.date ? Number(paper.date.slice(0, 4)) : null,
    listedAt: paper.listedAt,
    categories: paper.categories,
    venue: paper.venue,
    authors: paper.authors.map((a) => ({ id: a.authorId, name: a.name, listed: a.position !== null })),
    authorsTruncated: paper.authorsTruncated,
    topics: paper.topics.map((t) => ({ id: t.topicId, label: t.label, origin: t.origin, confidence: t.confidence })),
    keywords: paper.keywords.map((k) => ({ text: k.text, origin: k.origin })),
    digest: paper.digest ? { text: paper.digest.text, origin: paper.digest.origin } : null,
    abstractStart: start.text,
    abstractTruncated: start.truncated,
    citationCount: paper.citationCount,
    upvotes: paper.upvotes,
    links: paperLinks(paper),
    sourceCount: paper.sourceCount,
  }
}

/**
 * Similar papers as the API shows them (a paper page's and `/similar`'s): each with its summary, its score and
 * the score's two parts; one whose paper is gone from the library is left out.
 */
export function presentSimilarPapers(ranked: readonly AnalysisSimilarPaper[], papers: ReadonlyMap<string, Paper>): SimilarPaper[] {
  return ranked.flatMap((s) => {
    const p = papers.get(s.paperId)
    return p ? [{ paper: presentPaperSummary(p), score: s.score, textSimilarity: s.textSimilarity ?? null, topicAgreement: s.topicAgreement ?? null, why: s.why ?? [] }] : []
  })
}

/**
 * A record's key as the API shows it. A file's record (BibTeX) is keyed by the file's absolute path, which
 * says how the server's disks are laid out: it is shown with the path the file was imported as instead
 * (`refs/ml.bib#vaswani2017`), as the locator is.
 */
export function shownKey(record: { key: string; locator: string }): string {
  const isPath = /^(\/|[A-Za-z]:[\\/])/.test(record.key)
  if (!record.key.includes('#') || !isPath) return record.key
  return fileEntryKey(locatorInput(record.locator), fileEntryLabel(record.key))
}

/** One source record as provenance: where it is, when it was read, and why it was merged. */
export function presentSourceRecord(record: StoredSourceRecord): SourceRecordOut {
  return {
    id: record.id,
    source: record.source,
    key: shownKey(record),
    locator: record.locator,
    link: httpUrl(record.locator) ?? httpUrl(record.url),
    line: record.line,
    fetchedAt: record.fetchedAt,
    matchReason: record.matchReason,
    ids: Object.fromEntries(Object.entries(record.ids).filter((e): e is [string, string] => typeof e[1] === 'string')),
    title: record.title,
    authors: record.authors,
    authorsTruncated: record.authorsTruncated,
    date: record.date,
    listedAt: record.listedAt,
    venue: record.venue,
    categories: record.categories,
    topics: record.topics,
    keywords: record.keywords,
    digest: record.digest,
    citationCount: record.citationCount,
    upvotes: record.upvotes,
  }
}

/** How a paper page's similar papers are found (the API's `similarHowComputed`). */
export const SIMILAR_PAPERS_HOW_COMPUTED =
  "Every other paper of the library scores 0.6 × wording + 0.4 × topics (wording alone in a library without curated topics, whose papers have no topics to compare). Wording (textSimilarity) is the cosine similarity of the two papers' vectors (LSA: TF-IDF over lemmas and phrases, truncated SVD; or the local ONNX sentence-embedding model the library was set to): the same number novelty's evidence lists as similarity. Topics (topicAgreement) is the cosine of their topic vectors (curated topics, or the classifier's confidences for a paper without them), each topic weighed by how specific it is, 1 for the rarest and less for a topic many curated papers share, so sharing a catch-all topic says less than sharing a rare one. The highest scores are listed, with the terms and topics the two papers share."

function presentValue(value: AnalysisValue): ComputedValue {
  return { value: value.value, howComputed: value.howComputed, why: value.why ?? [], lowerBound: value.lowerBound ?? false }
}

/** Everything known about a paper. `similar` is null when the analysis has not computed similarity. */
export function presentPaperDetail(
  paper: PaperWithSources,
  extras: {
    similar: SimilarPaper[] | null
    novelty: AnalysisNovelty | null
    noveltyEvidence?: Array<{ paper: Paper; similarity: number }>
    topics?: AnalysisPaperTopics | null
    text?: AnalysisPaperText | null
  },
): PaperDetail {
  // The paper's own key-word rows say extracted or suggested (the analysis's rows may predate that field).
  const origins = new Map(
    paper.keywords.flatMap((k) => (k.origin === 'curated' ? [] : [[k.text, k.origin] as const])),
  )
  const digestGenerated = paper.digest?.origin === 'generated'
  return {
    ...presentPaperSummary(paper),
    abstract: paper.abstract,
    ids: Object.fromEntries(Object.entries(paper.ids).filter((e): e is [string, string] => typeof e[1] === 'string')),
    url: httpUrl(paper.url),
    sources: paper.sources.map(presentSourceRecord),
    similar: extras.similar ?? [],
    similarStatus: extras.similar === null ? 'not-computed' : 'computed',
    similarHowComputed: SIMILAR_PAPERS_HOW_COMPUTED,
    novelty: extras.novelty ? { ...presentValue(extras.novelty), cohort: extras.novelty.cohort ?? null } : null,
    noveltyEvidence: (extras.noveltyEvidence ?? []).map((e) => ({ paper: presentPaperSummary(e.paper), similarity: e.similarity })),
    topicPrediction: extras.topics
      ? {
          status: extras.topics.status,
          candidates: extras.topics.candidates,
          why: extras.topics.why,
          unsortedBecause: extras.topics.unsortedBecause,
          unsortedNote: extras.topics.unsortedNote,
          howComputed: extras.topics.howComputed,
        }
      : null,
    keywordAnalysis: extras.text
      ? {
          items: extras.text.keywords.flatMap((k) => {
            const origin = origins.get(k.text)
            return origin ? [{ text: k.text, origin, score: k.score, why: k.why }] : []
          }),
          howComputed: extras.text.keywordsHowComputed,
          // A list shorter than the issue's two says why, as an unsorted paper says why it has no topic.
          note: paper.keywords.length < 2 ? (extras.text.fewKeywordsNote?.(paper.keywords.length) ?? null) : null,
        }
      : null,
    digestAnalysis: digestGenerated && extras.text?.digest ? extras.text.digest : null,
    createdAt: paper.createdAt,
    updatedAt: paper.updatedAt,
  }
}

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
  return {
    query: { q: query.q, ftsQuery: result.ftsQuery, author: query.author },
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
        hIndex: analysis?.hIndex ? presentValue(analysis.hIndex) : null,
        papers: analysis?.papers ? presentValue(analysis.papers) : papersComputed,
        citations: analysis?.citations ? presentValue(analysis.citations) : citationsComputed,
        noveltyPercent: analysis?.noveltyPercent ? presentValue(analysis.noveltyPercent) : null,
        aiScore: analysis?.aiScore ? presentValue(analysis.aiScore) : null,
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
    mergedPapers: stats.mergedPapers,
    multiSourcePapers: stats.multiSourcePapers,
    papersWithoutYear: stats.papersWithoutYear,
    perSource: Object.entries(stats.perSource).map(([source, c]) => ({ source, records: c.records, papers: c.papers })),
    topics,
  }
}
