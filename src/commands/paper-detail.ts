/**
 * @module A paper with everything known, in the API's shape (`GET /api/v1/papers/:id`): the presenter and the
 * analysis lookups behind it, here so the API and `paperscope show --json` print one shape (field names, novelty
 * as a computed value, the nearest earlier papers as summaries). Links are made here and only ever http(s).
 */
import type { ExternalIds, Paper, PaperWithSources, StoredSourceRecord } from '../core/index.js'
import { arxivUrl, doiUrl, fileEntryKey, fileEntryLabel, locatorInput } from '../core/index.js'
import { COMMON_TERM_SHARE, DIGEST_HOW_COMPUTED, KEYWORDS_HOW_COMPUTED, NOVELTY_HOW_COMPUTED, TOPIC_HOW_COMPUTED, type SimilarRanked } from '../analysis/index.js'
import type { PaperStore } from '../store/index.js'
import { storedKeywordsNote, storedLanguage, storedTopicUnsorted, type AnalysisReader } from './analysis-results.js'
import { knownByTitleAlone, tooLittleKnownNote } from './similar-note.js'

// ---- what the analysis says of a paper (the server's ServerAnalysis reads these) ---------------------------

/** A number the analysis computed, with how and from what. */
export interface PaperAnalysisValue {
  /** Null when it was computed but cannot be known (no citation count anywhere): shown as unknown, never 0. */
  value: number | null
  /** One sentence: `h-index over the 13 papers with a known citation count`. */
  howComputed: string
  /** The terms, papers or counts behind the number, most important first. */
  why?: string[]
  /** True when inputs were missing (citation counts), so the true value can only be higher. */
  lowerBound?: boolean
}

/** A paper's novelty: the value (its percentile in the library) and the nearest earlier papers behind it. */
export interface PaperNoveltyIn extends PaperAnalysisValue {
  /** The earlier papers it was measured against, and how similar each is (0..1). */
  evidence?: Array<{ paperId: string; similarity: number }>
  /**
   * The papers the percentile ranks among: those of the paper's year, or of the years around it pooled when
   * its year had too few (NOVELTY_COHORT_MIN); null when not known.
   */
  cohort?: { from: number; to: number; papers: number } | null
  /**
   * The words of its text the vector model knows, when too few to place it (stored with its novelty, which it lacks):
   * its similar papers then say so (`similarNote`). Absent when the model knows enough.
   */
  tooLittleKnown?: string[]
}

/** Why a text is unsorted (the analysis's UnsortedReason). */
export type UnsortedBecauseOut = 'off-topic' | 'low-confidence' | 'named-later' | 'one-word' | 'too-short' | 'no-model'

/** What the topic classifier said about a paper. */
export interface PaperTopicsIn {
  /** curated: a person filed it (the classifier is not asked); unsorted: the classifier gave no topic (`unsortedBecause` says why). */
  status: 'curated' | 'predicted' | 'unsorted' | 'no-model'
  /** The classifier's best topics with calibrated confidences, shown or not. */
  candidates: Array<{ label: string; confidence: number }>
  /** Terms that pushed it towards its best topic. */
  why: string[]
  /** Why it is unsorted (null when it is not): off topic, no topic confident enough, or one word decided its best topic. */
  unsortedBecause: UnsortedBecauseOut | null
  /** The sentence a reader sees for an unsorted paper, null otherwise (the analysis's unsortedSentence). */
  unsortedNote: string | null
  howComputed: string
}

/** Why the analysis chose a paper's key words and its generated digest. */
export interface PaperTextIn {
  /** The key words the analysis chose (not the curated ones), best first, with what weighed most. */
  keywords: Array<{ text: string; score: number; why: string[] }>
  keywordsHowComputed: string
  /** What a paper showing `shown` key words says of it when that is fewer than two (the analysis's fewKeywordsNote, for its language). */
  fewKeywordsNote?: (shown: number) => string | null
  /**
   * The language the analysis told the text is in: `English` (also for a text too short to tell) or another's name
   * (`French`); null or absent for an analysis written before the language was kept (storedLanguage).
   */
  language?: string | null
  /** Why these sentences, when the digest was generated; null when a source gave the digest or none was made. */
  digest: { why: string[]; howComputed: string } | null
}

/** A similar paper as the analysis ranks it. */
export interface SimilarPaperIn {
  paperId: string
  score: number
  why?: string[]
  /** The score's parts: the cosine of the papers' vectors, and of their topics (null when either has none). */
  textSimilarity?: number
  topicAgreement?: number | null
}

/**
 * The analysis lookups a paper's detail reads (the server's ServerAnalysis extends it). Every method is optional
 * and may return null: the paper then says "not computed" instead of inventing a number.
 */
export interface PaperDetailAnalysis {
  similarPapers?(paperId: string, limit: number): Promise<SimilarPaperIn[] | null>
  paperNovelty?(paperId: string): Promise<PaperNoveltyIn | null>
  paperTopics?(paperId: string): Promise<PaperTopicsIn | null>
  paperText?(paperId: string): Promise<PaperTextIn | null>
}

// ---- the API's shapes (src/server/schemas.ts describes each field) ----------------------------------------

export interface ApiLinkOut {
  label: string
  url: string
}

export interface PaperSummaryOut {
  id: string
  title: string
  titleDerived: boolean
  date: string | null
  datePrecision: Paper['datePrecision']
  year: number | null
  listedAt: string | null
  categories: string[]
  venue: string | null
  authors: Array<{ id: string; name: string; listed: boolean }>
  authorsTruncated: boolean
  topics: Array<{ id: string; label: string; origin: Paper['topics'][number]['origin']; confidence: number | null }>
  keywords: Array<{ text: string; origin: Paper['keywords'][number]['origin'] }>
  digest: { text: string; origin: NonNullable<Paper['digest']>['origin'] } | null
  abstractStart: string | null
  abstractTruncated: boolean
  citationCount: number | null
  upvotes: number | null
  links: ApiLinkOut[]
  sourceCount: number
}

export interface ComputedValueOut {
  value: number | null
  howComputed: string
  why: string[]
  lowerBound: boolean
}

export interface SimilarPaperDetailOut {
  paper: PaperSummaryOut
  score: number
  textSimilarity: number | null
  topicAgreement: number | null
  why: string[]
}

export interface SourceRecordOut {
  id: number
  source: string
  key: string
  locator: string
  link: string | null
  line: number | null
  fetchedAt: string
  matchReason: string | null
  ids: Record<string, string>
  title: string | null
  authors: string[]
  authorsTruncated: boolean
  date: string | null
  listedAt: string | null
  venue: string | null
  categories: string[]
  topics: string[]
  keywords: string[]
  digest: StoredSourceRecord['digest']
  citationCount: number | null
  upvotes: number | null
}

export interface PaperDetailOut extends PaperSummaryOut {
  abstract: string | null
  ids: Record<string, string>
  url: string | null
  sources: SourceRecordOut[]
  similar: SimilarPaperDetailOut[]
  similarStatus: 'computed' | 'not-computed'
  similarHowComputed: string
  similarNote: string | null
  novelty: (ComputedValueOut & { cohort: { from: number; to: number; papers: number } | null }) | null
  noveltyEvidence: Array<{ paper: PaperSummaryOut; similarity: number }>
  topicPrediction: PaperTopicsIn | null
  keywordAnalysis: {
    items: Array<{ text: string; origin: 'extracted' | 'suggested'; score: number; why: string[] }>
    howComputed: string
    note: string | null
    language: string | null
  } | null
  digestAnalysis: { why: string[]; howComputed: string } | null
  createdAt: string
  updatedAt: string
}

// ---- the presenter ----------------------------------------------------------------------------------------

/** Longest abstract start a card shows. */
export const ABSTRACT_START_CHARS = 320

/** How many similar papers a paper's detail lists. */
export const PAPER_SIMILAR_LIMIT = 8

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
export function paperLinks(paper: Pick<Paper, 'ids' | 'url'>): ApiLinkOut[] {
  const links: ApiLinkOut[] = []
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
export function presentPaperSummary(paper: Paper): PaperSummaryOut {
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
 * Similar papers as the API shows them: each with its summary, its score and the score's two parts; one whose
 * paper is gone from the library is left out.
 */
export function presentSimilarPapers(ranked: readonly SimilarPaperIn[], papers: ReadonlyMap<string, Paper>): SimilarPaperDetailOut[] {
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

/** How a paper's similar papers are found (the API's `similarHowComputed`). */
export const SIMILAR_PAPERS_HOW_COMPUTED =
  `Every other paper of the library scores 0.6 × wording + 0.4 × topics (wording alone in a library without curated topics, whose papers have no topics to compare). Wording (textSimilarity) is the cosine similarity of the two papers' vectors (LSA: TF-IDF over lemmas and phrases, truncated SVD; or the local ONNX sentence-embedding model the library was set to): the same number novelty's evidence lists as similarity. Topics (topicAgreement) is the cosine of their topic vectors (curated topics, or the classifier's confidences for a paper without them; none for a paper the classifier found off every topic of the library, whose even confidences say nothing, so that pair scores 0.6 × wording), each topic weighed by how specific it is, 1 for the rarest and less for a topic many curated papers share, so sharing a catch-all topic says less than sharing a rare one. The highest scores are listed (equal ones newest first), with the terms and topics the two papers share; a term more than ${COMMON_TERM_SHARE * 100}% of the library's texts use ('neural network', 'model') is never named, as it says little about two papers in particular.`

/**
 * A computed number as the API and `show --json` give it: `why` and `lowerBound` always present (empty, false).
 * @example presentComputedValue({ value: 7, howComputed: 'h-index over 13 papers' }) // { value: 7, howComputed: …, why: [], lowerBound: false }
 */
export function presentComputedValue(value: PaperAnalysisValue): ComputedValueOut {
  return { value: value.value, howComputed: value.howComputed, why: value.why ?? [], lowerBound: value.lowerBound ?? false }
}

/** Everything known about a paper. `similar` is null when the analysis has not computed similarity. */
export function presentPaperDetail(
  paper: PaperWithSources,
  extras: {
    similar: SimilarPaperDetailOut[] | null
    novelty: PaperNoveltyIn | null
    noveltyEvidence?: Array<{ paper: Paper; similarity: number }>
    topics?: PaperTopicsIn | null
    text?: PaperTextIn | null
  },
): PaperDetailOut {
  // The paper's own key-word rows say extracted or suggested (the analysis's rows may predate that field).
  const origins = new Map(paper.keywords.flatMap((k) => (k.origin === 'curated' ? [] : [[k.text, k.origin] as const])))
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
    // A list from one known word (or from topics alone) looks like any other: it says what it rests on.
    similarNote:
      extras.similar && extras.novelty?.tooLittleKnown ? tooLittleKnownNote(extras.novelty.tooLittleKnown, extras.similar.length, knownByTitleAlone(paper)) : null,
    novelty: extras.novelty ? { ...presentComputedValue(extras.novelty), cohort: extras.novelty.cohort ?? null } : null,
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
          // A list shorter than two says why, as an unsorted paper says why it has no topic.
          note: paper.keywords.length < 2 ? (extras.text.fewKeywordsNote?.(paper.keywords.length) ?? null) : null,
          language: extras.text.language ?? null,
        }
      : null,
    digestAnalysis: digestGenerated && extras.text?.digest ? extras.text.digest : null,
    createdAt: paper.createdAt,
    updatedAt: paper.updatedAt,
  }
}

// ---- the lookups behind it ---------------------------------------------------------------------------------

/** `0.123` → `0.12`, for explanations. */
function round2(n: number): string {
  return (Math.round(n * 100) / 100).toFixed(2)
}

/** A similar paper as the API shows it: the score, its two parts and the reasons in words. */
export function similarPaperIn(r: SimilarRanked): SimilarPaperIn {
  return { paperId: r.paperId, score: r.score, why: r.why.map((w) => w.label), textSimilarity: r.textSimilarity, topicAgreement: r.topicAgreement }
}

/**
 * A paper's analysis as its detail shows it, read from what `paperscope analyze` and the imports stored: similar
 * papers, novelty (its percentile with how and why), what the topic classifier said, why these key words and
 * this digest. Before the library was ever analysed each returns null ("not computed").
 */
export function paperDetailAnalysis(reader: AnalysisReader): Required<PaperDetailAnalysis> {
  return {
    async similarPapers(paperId, limit) {
      return (await reader.similarPapers(paperId, limit))?.map(similarPaperIn) ?? null
    },
    async paperNovelty(paperId) {
      const novelty = (await reader.paperAnalysis(paperId))?.novelty
      if (!novelty) return null
      const tooLittleKnown = novelty.tooLittleKnown
      return {
        value: novelty.percentile === null ? null : Math.round(novelty.percentile * 10) / 10,
        howComputed: NOVELTY_HOW_COMPUTED,
        why:
          novelty.novelty === null
            ? [novelty.explanation]
            : [`novelty ${round2(novelty.novelty)} = 1 − ${round2(1 - novelty.novelty)}, the highest similarity among ${novelty.comparedWith} earlier papers`],
        evidence: novelty.evidence.map((e) => ({ paperId: e.paperId, similarity: e.similarity })),
        cohort: novelty.cohort,
        ...(tooLittleKnown ? { tooLittleKnown } : {}),
      }
    },
    async paperTopics(paperId) {
      const analysis = await reader.paperAnalysis(paperId)
      if (!analysis) return null
      const unsorted = storedTopicUnsorted(analysis)
      return {
        status: analysis.topicStatus,
        candidates: analysis.topicScores.map((t) => ({ label: t.label, confidence: t.score })),
        why: analysis.topicWhy.map((w) => w.label),
        unsortedBecause: unsorted.because,
        unsortedNote: unsorted.note,
        howComputed: TOPIC_HOW_COMPUTED,
      }
    },
    async paperText(paperId) {
      const analysis = await reader.paperAnalysis(paperId)
      if (!analysis) return null
      const reasons = (why: ReadonlyArray<{ label: string; score: number }>): string[] => why.filter((w) => w.score > 0).map((w) => w.label)
      return {
        keywords: analysis.keywords.map((k) => ({ text: k.text, score: k.score, why: reasons(k.why) })),
        keywordsHowComputed: KEYWORDS_HOW_COMPUTED,
        // For the language the analysis told: an English paper's note names no other.
        fewKeywordsNote: (shown) => storedKeywordsNote(analysis, shown),
        language: storedLanguage(analysis),
        // A digest's penalties are part of why it reads as it does (a sentence that leans on the one before it comes with it).
        digest: analysis.digest
          ? { why: [...reasons(analysis.digest.why), ...analysis.digest.why.filter((w) => w.score < 0).map((w) => `counted against: ${w.label}`)], howComputed: DIGEST_HOW_COMPUTED }
          : null,
      }
    },
  }
}

/**
 * A paper with everything known, as the API's `GET /papers/:id` serves it: the paper, its similar papers, its
 * novelty with the nearest earlier papers as summaries, its topics' and key words' reasons. `onError` makes a
 * failing lookup count as not computed (the server logs it and still serves the paper); without it, it throws.
 * @example printJson(io, await readPaperDetail(store, paperDetailAnalysis(createAnalysisReader(store)), paper))
 */
export async function readPaperDetail(
  store: Pick<PaperStore, 'getPapers'>,
  analysis: PaperDetailAnalysis | null,
  paper: PaperWithSources,
  { similarLimit = PAPER_SIMILAR_LIMIT, onError }: { similarLimit?: number; onError?: (what: string, err: unknown) => void } = {},
): Promise<PaperDetailOut> {
  const id = paper.id
  const lookup = async <T>(what: string, work: (() => Promise<T | null>) | undefined): Promise<T | null> => {
    if (!work) return null
    if (!onError) return work()
    try {
      return await work()
    } catch (err) {
      onError(what, err)
      return null
    }
  }
  const [similarRaw, novelty, topics, text] = await Promise.all([
    // One more than shown: the paper itself may come back among its neighbours.
    lookup('similar papers', analysis?.similarPapers && (() => analysis.similarPapers!(id, similarLimit + 1))),
    lookup('paper novelty', analysis?.paperNovelty && (() => analysis.paperNovelty!(id))),
    lookup('paper topics', analysis?.paperTopics && (() => analysis.paperTopics!(id))),
    lookup('paper key words and digest', analysis?.paperText && (() => analysis.paperText!(id))),
  ])
  const evidence = novelty?.evidence ?? []
  const evidencePapers = new Map((await store.getPapers(evidence.map((e) => e.paperId))).map((p) => [p.id, p]))
  const noveltyEvidence = evidence.flatMap((e) => {
    const p = evidencePapers.get(e.paperId)
    return p ? [{ paper: p, similarity: e.similarity }] : []
  })
  let similar: SimilarPaperDetailOut[] | null = null
  if (similarRaw) {
    const wanted = similarRaw.filter((s) => s.paperId !== id).slice(0, similarLimit)
    const papers = new Map((await store.getPapers(wanted.map((s) => s.paperId))).map((p) => [p.id, p]))
    similar = presentSimilarPapers(wanted, papers)
  }
  return presentPaperDetail(paper, { similar, novelty, noveltyEvidence, topics, text })
}
