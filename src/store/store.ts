/**
 * @module The storage port: everything the rest of Paperscope may ask of a database. SQLite implements it
 * today; a PostgreSQL store implements the same interface and passes the same contract test.
 */
import type {
  Author,
  AuthorProfileRecord,
  CoAuthor,
  ExternalIdKind,
  ExternalIds,
  Paper,
  PaperWithSources,
  PartialDate,
  ReportedAuthorProfile,
  ResearcherTotals,
  SourceRecord,
  StoredSourceRecord,
  Topic,
  Digest,
} from '../core/index.js'

/** A page of results with the total before paging. */
export interface Page<T> {
  items: T[]
  total: number
  limit: number
  offset: number
}

/** What the matcher needs of a paper that might be the same as an incoming record. */
export interface CandidatePaper {
  paperId: string
  title: string
  titleDerived: boolean
  ids: ExternalIds
  authors: string[]
  year: number | null
  abstract: string | null
  /** The type of work each record names, `<source>:<type>`: a BibTeX entry's type, else the source's `raw.type`. */
  workTypes: string[]
  /** Each of its records' ids (`ids` shows one per kind of them). */
  recordIds: ExternalIds[]
  /** The venues its records name: each one's venue, and a BibTeX entry's journal and series. */
  venues: string[]
}

export interface CandidateQuery {
  ids: ExternalIds
  titleKeys: string[]
  /** Title words for a full-text lookup of near-identical titles. */
  titleText: string | null
  /** Abstract words for a full-text lookup when a record has no usable title. */
  abstractText: string | null
  limit?: number
}

export interface PaperWriteAuthor {
  authorId: string
  name: string
  position: number | null
}

/** A merged paper as written: the library's merge result with authors resolved to people. */
export interface PaperWrite {
  id: string
  title: string
  titleDerived: boolean
  titleKeys: string[]
  abstract: string | null
  date: PartialDate | null
  listedAt: PartialDate | null
  categories: string[]
  venue: string | null
  ids: ExternalIds
  authors: PaperWriteAuthor[]
  authorsTruncated: boolean
  /** Curated topics in the order a paper's topics are read back (its records', each outermost first). */
  topics: string[]
  keywords: string[]
  digest: Digest | null
  citationCount: number | null
  upvotes: number | null
  url: string | null
}

/** A paper as its cite key is made: title, date, first listed author, and when it entered the library. */
export interface CiteKeyInput {
  id: string
  title: string
  titleDerived: boolean
  date: string | null
  firstAuthorId: string | null
  firstAuthorName: string | null
  /** Sorts in the order papers entered the library. */
  entered: string
}

/** The cite key of a paper's BibTeX source entry: the label after `#` in its record key (`refs.bib#zhang2022how`). */
export interface BibtexCiteLabel {
  paperId: string
  /** Null when the record key does not tell it (no record of the label kept beside a key with two `#`). */
  label: string | null
}

export interface StoredRecordRef {
  id: number
  paperId: string
  contentHash: string
  /** The absolute path of the file it was last read from, or null (an API record, or stored before files were noted). */
  readFrom: string | null
}

export interface AuthorCandidate {
  id: string
  name: string
  variants: string[]
}

export interface NewAuthor {
  name: string
  nameKey: string
  blockKey: string
}

export type PaperSort = 'recent' | 'trending' | 'cited' | 'title'

export interface PaperListQuery {
  sort?: PaperSort
  topic?: string
  year?: number
  source?: string
  authorId?: string
  /** Only papers with one of these key words, as written (any origin: curated, extracted or suggested). */
  keywords?: readonly string[]
  limit?: number
  offset?: number
}

export interface SearchQuery {
  text: string
  /** Treat the last word as a prefix (search as you type). */
  prefix?: boolean
  topic?: string
  yearFrom?: number
  yearTo?: number
  authorId?: string
  source?: string
  /** A subject category in any case (`cs.lg` finds `cs.LG`). */
  category?: string
  limit?: number
  offset?: number
  /**
   * A paper the text names by an id (its arXiv id, DOI or link, resolved by the caller): it matches whatever its
   * words, and ranks first, when it passes the filters.
   */
  paperIdNamed?: string
}

/** Text split into plain and matched parts, so no caller ever has to parse markup. */
export interface TextSegment {
  text: string
  match: boolean
}

export interface SearchHit {
  paper: Paper
  score: number
  title: TextSegment[]
  snippet: TextSegment[]
  /** The paper's curated key words the query matched (a hit may match only these). */
  matchedKeywords: string[]
}

export interface FacetCount {
  value: string
  label: string
  count: number
}

/** How many words and phrases a query has (`typed`), and how many of them the search ran (`searched`). */
export interface SearchTerms {
  typed: number
  searched: number
}

export interface SearchResult extends Page<SearchHit> {
  /** The full-text query actually run, after escaping. */
  ftsQuery: string
  /** Of the words and phrases typed, how many the query runs: the index takes no more than 100, the rest are dropped. */
  terms: SearchTerms
  facets: { topic: FacetCount[]; year: FacetCount[]; source: FacetCount[]; category: FacetCount[] }
  /** How many matches the facets count: all of them, or the first N by rank when there are more. */
  facetsOver: number
  /** True when `facetsOver < total`: the facets count the best-ranked matches only, not every match. */
  facetsApproximate: boolean
}

export interface AuthorDetail extends Author {
  profiles: ReportedAuthorProfile[]
  /** The sources' own ids of this person (`semantic-scholar:2259683`, `orcid:…`). */
  sourceIds: string[]
  /** Sum of known citation counts of the author's papers (null when no paper has one), with how many papers had one. */
  citationsKnown: { papersWithCounts: number; citations: number | null; counts: number[] }
}

export interface TopicDetail extends Topic {
  /** Papers filed here by a person, and papers the classifier put here (dated or not). */
  curated: number
  predicted: number
  perYear: ReadonlyArray<Readonly<{ year: number; curated: number; predicted: number }>>
}

/** Every topic's dated papers per year, and the library's dated papers that have any topic, per year. */
export interface TopicYearCounts {
  readonly topics: ReadonlyArray<Readonly<Topic & { perYear: ReadonlyArray<Readonly<{ year: number; curated: number; predicted: number }>> }>>
  /** A paper under two topics counts once here. */
  readonly sortedPerYear: ReadonlyArray<Readonly<{ year: number; papers: number }>>
}

export interface LibraryStats {
  papers: number
  authors: number
  sourceRecords: number
  /** Every stored author profile: those of people and the candidates below together. */
  authorProfiles: number
  /**
   * Profiles no person holds: author search hits (an id and a name) kept until papers or a reporting profile give a
   * person that id. Not people, so `authors` leaves them out.
   */
  candidateProfiles: number
  /** Papers with two or more source records (two of one source count: a list that names a paper twice). */
  mergedPapers: number
  /** Papers with records from two or more distinct sources: found in more than one source. */
  multiSourcePapers: number
  /** Source records that joined a paper another record had created. */
  mergedRecords: number
  perSource: Record<string, { records: number; papers: number }>
  /** Papers with each curated topic, by label (topics no paper is curated with are left out). */
  perTopic: Record<string, number>
  /**
   * Every topic, by label, with its papers: curated, predicted by the analysis, and all of them (either one;
   * what the topic lists, filters and exports count).
   */
  topicCounts: Array<{ id: string; label: string; curated: number; predicted: number; papers: number }>
  papersWithoutYear: number
}

/** Reads. Every method is safe to call outside a transaction. */
export interface PaperReader {
  getPaper(id: string): Promise<PaperWithSources | null>
  /**
   * The paper an id names: any id of any of its records, not only those it shows. An id that records of two papers
   * give is held by the one whose records hold it on better grounds (`holdsIdBetter`, `claimExternalId`), whichever came first.
   */
  findPaperIdByExternalId(kind: ExternalIdKind, value: string): Promise<string | null>
  /** The ids that find this paper ({@link findPaperIdByExternalId}), by kind then value. */
  listExternalIdsOf(paperId: string): Promise<Array<{ kind: ExternalIdKind; value: string }>>
  /**
   * The papers (saved ones) with a record that gives this id, whether or not they hold it: those with a claim to it.
   * Smallest id first.
   */
  listPapersGivingId(kind: ExternalIdKind, value: string): Promise<string[]>
  /** The papers dated in these years (null: undated), as their cite keys are made. */
  listCiteKeyInputs(years: ReadonlyArray<number | null>): Promise<CiteKeyInput[]>
  /**
   * The label of every paper's earliest stored BibTeX record (source `bibtex`), one per paper, in the order
   * those records were stored: the cite keys papers keep in an export.
   */
  listBibtexCiteLabels(): Promise<readonly Readonly<BibtexCiteLabel>[]>
  /** The paper a removed paper's id now leads to (its last record joined that paper), else null. */
  findPaperIdByFormerId(formerId: string): Promise<string | null>
  /** The person a joined person's id now leads to (co-authors showed the two to be one), else null. */
  findAuthorIdByFormerId(formerId: string): Promise<string | null>
  listPapers(query?: PaperListQuery): Promise<Page<Paper>>
  getPapers(ids: string[]): Promise<Paper[]>
  searchPapers(query: SearchQuery): Promise<SearchResult>
  getAuthor(id: string): Promise<AuthorDetail | null>
  /** Authors whose name holds every word of `query`, best match first; `offset` skips that many (paging). */
  findAuthors(query: string, limit?: number, offset?: number): Promise<Author[]>
  /** How many authors `findAuthors(query)` finds in all, however many one call returns. */
  countAuthors(query: string): Promise<number>
  /**
   * The other people filed under the same family name and first initial (`Saxe|A`): namesakes to weigh, kept
   * apart by the resolver for want of evidence. With their spellings and paper counts, the most prolific first.
   */
  listAuthorsInBlock(authorId: string): Promise<Array<AuthorCandidate & { paperCount: number }>>
  listCoAuthors(authorId: string, limit?: number): Promise<CoAuthor[]>
  /** How many people share a paper with the author (a list of co-authors may hold fewer). */
  countCoAuthors(authorId: string): Promise<number>
  /** Shared until the library changes: do not change it. */
  listTopics(): Promise<ReadonlyArray<Readonly<Topic>>>
  /** Every key word of the library as written (any origin), once, with its `foldedKeyword`; shared until it changes. */
  listKeywordSpellings(): Promise<ReadonlyArray<Readonly<KeywordSpelling>>>
  /** Shared until the library changes: do not change it. */
  getTopic(id: string): Promise<Readonly<TopicDetail> | null>
  /** Topics in {@link listTopics}' order, each with its dated papers per year (for trends over time). Shared: do not change it. */
  topicYearCounts(): Promise<Readonly<TopicYearCounts>>
  /** The key words (curated, extracted or suggested) of the topic's papers: one row per paper and key word. */
  listTopicKeywords(topicId: string): Promise<Array<{ paperId: string; keyword: string; origin: 'curated' | 'extracted' | 'suggested' }>>
  /** Each author with papers under the topic (curated or predicted), and how many. */
  countTopicPapersByAuthor(topicId: string): Promise<ReadonlyMap<string, number>>
  libraryStats(): Promise<LibraryStats>
  /** The subject categories papers carry, each with its papers, most first (then by name). */
  listCategories(): Promise<Array<{ category: string; papers: number }>>
  getFeedCursor(feed: string): Promise<string | null>
  /** The records of one source read from this file (an absolute path) when it was last read, oldest first. */
  listFileRecords(source: string, file: string): Promise<Array<{ id: number; key: string; paperId: string }>>
  /** Every file each of these records was read from (absolute paths; one that no longer exists too), by record id. */
  listRecordFileLinks(recordIds: readonly number[]): Promise<Map<number, string[]>>
  /**
   * Stored records with an id above `afterId`, at most `limit`, in the order they were first stored (an edited or
   * moved record keeps its place), each with its paper, why it joined it and the file it was last read from: the
   * whole library read a page at a time.
   */
  listRecordsInOrder(afterId: number, limit: number): Promise<Array<StoredSourceRecord & { readFrom: string | null }>>
}

/** Writes, only inside `transaction`. */
export interface PaperWriter extends PaperReader {
  findSourceRecord(source: string, key: string): Promise<StoredRecordRef | null>
  /** Gives a stored record the key, place and content of `record` (the same entry, now read under another key). */
  rekeySourceRecord(id: number, record: SourceRecord, contentHash: string, readFrom?: string | null): Promise<void>
  /** A stored record as it was saved. */
  getSourceRecord(id: number): Promise<SourceRecord | null>
  findPaperCandidates(query: CandidateQuery): Promise<CandidatePaper[]>
  /**
   * Stores a record for a paper; `matchReason` says why it joined an existing paper (null when it created it);
   * `readFrom` is the absolute path of the file it was read from, when it came from one.
   */
  saveSourceRecord(
    record: SourceRecord,
    paperId: string,
    contentHash: string,
    matchReason: string | null,
    readFrom?: string | null,
  ): Promise<number>
  /** Gives a stored record another key (the same entry, under the key a later version gives it). */
  renameSourceRecordKey(id: number, key: string): Promise<void>
  /** Notes the absolute path of the file a stored record was read from this time. */
  noteRecordFile(id: number, readFrom: string): Promise<void>
  /** A paper left with one record made it alone: that record's reason for joining it no longer holds. */
  clearLoneMatchReason(paperId: string): Promise<void>
  /**
   * Keeps a paper's cite key claimed (see `listBibtexCiteLabels`, which lists such claims after every record's):
   * taken for the papers an import removes records from, so that no generated key takes it, a paper that stays
   * keeps it though the entry that gave it went, and a paper that left has it again if it comes back.
   */
  holdCiteKey(paperId: string, key: string): Promise<void>
  /** The record is listed by this file (an absolute path) too; nothing changes when it was already. */
  linkRecordFile(recordId: number, file: string): Promise<void>
  /** A file no longer lists the record (another still does, so the record stays). */
  unlinkRecordFile(recordId: number, file: string): Promise<void>
  /** Removes a stored record; its paper is then built again from the others, or removed with `deletePaper`. */
  deleteSourceRecord(id: number): Promise<void>
  /** The absolute path of the file each of a paper's records was last read from (null when unknown), by record id. */
  listRecordFiles(paperId: string): Promise<Map<number, string | null>>
  listSourceRecords(paperId: string): Promise<Array<SourceRecord & { id: number }>>
  /**
   * Gives an id a record of this paper has to it, from the paper that held it (which is then to be built again): its
   * records hold it on better grounds (see `holdsIdBetter`). The paper must be saved.
   */
  claimExternalId(kind: ExternalIdKind, value: string, paperId: string): Promise<void>
  /** Writes the merged paper, its ids, title keys, authorships, topics, keywords and search index. */
  savePaper(paper: PaperWrite): Promise<'created' | 'updated'>
  /**
   * Removes a paper left without source records, with all that hangs on it. When its one record joined another
   * paper, its id (and the ids that led to it) then lead to `mergedInto`; when the record left the library
   * (`null`: its list no longer has it), they lead nowhere.
   */
  deletePaper(id: string, mergedInto: string | null): Promise<void>
  findAuthorIdsByNameKey(nameKey: string): Promise<string[]>
  findAuthorsByBlockKey(blockKey: string): Promise<AuthorCandidate[]>
  /** True when the author has a paper with any of the given authors. */
  hasCoAuthored(authorId: string, otherAuthorIds: string[]): Promise<boolean>
  /** Those of `authorIds` that have a paper with any of `otherAuthorIds`, in their order (one query for many). */
  filterCoAuthored(authorIds: readonly string[], otherAuthorIds: readonly string[]): Promise<string[]>
  createAuthor(author: NewAuthor): Promise<string>
  addAuthorNames(authorId: string, names: Array<{ name: string; nameKey: string }>): Promise<void>
  /** The people any of these source ids (`semantic-scholar:2259683`) already name. */
  findAuthorIdsBySourceIds(sourceIds: readonly string[]): Promise<string[]>
  /** The people a paper lists now, in its order (a paper built again keeps them, its records saying the same). */
  listPaperAuthorIds(paperId: string): Promise<string[]>
  /** Every spelling of a person's name. */
  listAuthorNames(authorId: string): Promise<string[]>
  /** A person's source ids. */
  listAuthorSourceIds(authorId: string): Promise<string[]>
  /** Records source ids as this person's; an id that already names someone else stays theirs. */
  addAuthorSourceIds(authorId: string, sourceIds: readonly string[]): Promise<void>
  /** A stored profile record as it was saved, and whose it is (null: a candidate, no person of the library yet). */
  getAuthorProfileRecord(source: string, key: string): Promise<{ profile: AuthorProfileRecord; authorId: string | null } | null>
  /** Saves a profile record as this person's, or as a candidate (`authorId` null) that names no person of the library. */
  saveAuthorProfile(profile: AuthorProfileRecord, authorId: string | null, contentHash: string): Promise<'new' | 'updated' | 'unchanged'>
  /**
   * Makes the candidate profiles (no person yet) whose source and key are one of `sourceIds` (`semantic-scholar:2262347`)
   * this person's, now that the person holds those ids; how many.
   */
  attachCandidateProfiles(authorId: string, sourceIds: readonly string[]): Promise<number>
  /**
   * Makes `from` part of `into` (two ids found to be one person): its papers, spellings, source ids and profiles
   * move to `into`, the display name is chosen again from all the spellings, and `from` is removed. The two must
   * never share a paper (a paper lists a person once).
   */
  mergeAuthors(into: string, from: string): Promise<void>
  /** Removes authors left without papers or profiles after a merge moved their names elsewhere. */
  pruneOrphanAuthors(): Promise<number>
  setFeedCursor(feed: string, cursor: string | null): Promise<void>
}

export interface PaperStore extends PaperReader {
  readonly dialect: 'sqlite' | 'postgres'
  /** Computed analysis results (issue 4), kept apart from what sources said. */
  readonly analysis: AnalysisStore
  /** Where the data lives, for messages (a file path or a redacted URL). */
  readonly location: string
  /** Runs `work` in one transaction: all of it is written, or none of it. */
  transaction<T>(work: (tx: PaperWriter) => Promise<T>): Promise<T>
  close(): Promise<void>
}

// ---- analysis results ---------------------------------------------------------------------------------

/** The fitted models the analysis keeps, as the JSON the analysis module writes. */
export type AnalysisModelKind = 'vectors' | 'topics' | 'keywords'

export interface StoredModel {
  kind: AnalysisModelKind
  /** The model's JSON form; the store never looks inside. */
  model: unknown
  fittedAt: string
  /** Papers in the library when it was fitted. */
  librarySize: number
  /** Papers it learned from (curated topics or key words; all papers for vectors). */
  trainingSize: number
}

/** What the analysis reads of a paper: its text and what people curated. */
export interface PaperAnalysisInput {
  id: string
  /** '' when no source gave a title: one made from the abstract's first words would count them twice. */
  title: string
  abstract: string | null
  /** The digest a source gave (curated or a source's model), never a generated one. */
  digest: Digest | null
  date: PartialDate | null
  curatedTopics: string[]
  curatedKeywords: string[]
  citationCount: number | null
  /** Hash of the inputs at the last analysis, or null when never analysed. */
  analyzedHash: string | null
}

export interface LabelScore {
  label: string
  /** A confidence (0..1) or a score. */
  score: number
}

export type TopicStatus = 'curated' | 'predicted' | 'unsorted' | 'no-model'

/** Why the classifier left a paper unsorted (the analysis's UnsortedReason). */
export type TopicUnsortedReason = 'off-topic' | 'low-confidence' | 'named-later' | 'one-word' | 'too-short' | 'no-model'

/** One paper's computed results, written together. */
export interface PaperAnalysisWrite {
  paperId: string
  inputHash: string
  /** Embedder name (`lsa-100`) and unit vector. */
  embedder: string
  vector: Float32Array
  /** The paper's heaviest TF-IDF terms (with how the paper writes them), for explaining similar papers. */
  terms: Array<{ term: string; weight: number; text?: string }>
  topicStatus: TopicStatus
  /** The classifier's best topics with calibrated confidences (empty when curated or no model). */
  topicScores: LabelScore[]
  /** Confidence of every topic model label, in model order, or null. */
  topicProbabilities: number[] | null
  topicWhy: LabelScore[]
  /**
   * Why the paper is unsorted (null when it is not), and for a one-word call the word its best topic rests on and
   * the topic closest without it. Undefined when read from an analysis written before they were kept.
   */
  topicUnsorted?: {
    because: TopicUnsortedReason | null
    oneWord: { word: string; instead: string } | null
    /** The closest topic, not given: its name was first written long after the paper (the analysis's NamedLater). */
    namedLater?: { label: string; confidence: number; firstYear: number; year: number }
  }
  /** Predicted topics shown on the paper (none when curated or unsorted). */
  predictedTopics: LabelScore[]
  /** Key phrases the analysis chose, best first, with why; `inText` false for ones the text does not spell out. */
  keywords: Array<{ text: string; score: number; inText: boolean; why: LabelScore[] }>
  /**
   * The language the analysis told its text is in when not English (`French`: it gets no key words), null for English
   * (and a text too short to tell), as the analysis's textLanguage says; the few-key-words note names it or no other.
   */
  language: string | null
  /** A generated digest, only for papers with an abstract and no digest from a source. */
  digest: { text: string; why: LabelScore[] } | null
}

export interface NoveltyEvidenceRow {
  paperId: string
  date: PartialDate
  similarity: number
}

/** The papers a novelty percentile ranks among: its first and last year, and how many papers with a novelty it holds. */
export interface NoveltyCohortRow {
  from: number
  to: number
  papers: number
}

export interface PaperNoveltyWrite {
  paperId: string
  novelty: number | null
  percentile: number | null
  comparedWith: number
  evidence: NoveltyEvidenceRow[]
  explanation: string
  centralityPercentile: number | null
  /**
   * The words of its text the vector model knows, when too few to place it (then it has no novelty and no
   * centrality); null when the model knows enough, or cannot say (an ONNX model's vectors).
   */
  tooLittleKnown: string[] | null
  /** The cohort its percentile ranks among (the sentence names it for readers); null when it has no percentile. */
  cohort: NoveltyCohortRow | null
}

/** A paper's stored analysis, as written. */
export interface StoredPaperAnalysis extends Omit<PaperAnalysisWrite, 'inputHash' | 'vector' | 'embedder' | 'terms' | 'language'> {
  analyzedAt: string
  /** As written (see PaperAnalysisWrite.language); undefined when read from an analysis written before it was kept. */
  language?: string | null
  novelty: Omit<PaperNoveltyWrite, 'paperId'> | null
}

/** A paper's vector with what similar papers and novelty need. */
export interface StoredVector {
  paperId: string
  embedder: string
  vector: Float32Array
  terms: Array<{ term: string; weight: number; text?: string }>
  date: PartialDate | null
  curatedTopics: string[]
  curatedKeywords: string[]
  topicProbabilities: number[] | null
  /** The topics the classifier assigned (what a paper page lists beside the curated ones), best first. */
  predictedTopics: string[]
  /** True when the classifier left it unsorted as off topic (further from every topic than any curated paper). */
  offTopic: boolean
  /** Characters of the text the vector was made from: title, abstract and digest (the inputs' lengths added). */
  textLength: number
}

/** A key word as papers write it, and its letters folded (`foldedKeyword`) to find its other spellings by. */
export interface KeywordSpelling {
  keyword: string
  folded: string
}

/** One analysis write: all of it lands in one transaction. */
export interface AnalysisWrite {
  /** Models to replace (others stay). */
  models?: StoredModel[]
  papers?: PaperAnalysisWrite[]
  /** Novelty and centrality rows to replace. */
  novelty?: PaperNoveltyWrite[]
  /** Drop every earlier result first (a full `analyze`). */
  replaceAll?: boolean
  analyzedAt: string
  /**
   * The {@link AnalysisStore.generation} the analysis read its inputs at: written novelty clears
   * {@link AnalysisStore.noveltyStale} only when nothing was written since (a paper removed while it ran stays to count).
   */
  readAtGeneration?: number | null
}

/** One author's totals over their papers (see `AnalysisStore.listResearcherTotals`). */
export interface ResearcherTotalsRow extends ResearcherTotals {
  authorId: string
  name: string
}

/** Where analysis results live. Reads are safe anywhere; `saveAnalysis` is one transaction. */
export interface AnalysisStore {
  getModels(): Promise<StoredModel[]>
  /** Papers with their analysis inputs: all of them, or only those changed since (or missing from) the last analysis. */
  listAnalysisInputs(options?: { onlyStale?: boolean }): Promise<PaperAnalysisInput[]>
  listVectors(): Promise<StoredVector[]>
  /**
   * The vectors of the papers with curated key words and those key words, best first: all that key-word
   * suggestions read (`classify` loads only these, not every paper's vector and terms).
   */
  listCuratedKeywordVectors(): Promise<Array<Pick<StoredVector, 'paperId' | 'vector' | 'curatedKeywords'>>>
  /** Every stored novelty row, for updating novelty after an import without comparing all pairs again. */
  listNovelty(): Promise<PaperNoveltyWrite[]>
  getPaperAnalyses(paperIds: string[]): Promise<StoredPaperAnalysis[]>
  /** One author's totals, read as `listResearcherTotals` reads everyone's (a researcher page); null for no papers. */
  getResearcherTotals(authorId: string): Promise<ResearcherTotalsRow | null>
  /**
   * Every author's totals over their papers, in one pass (for ranking researchers; a researcher page's metrics
   * come from the same totals): papers, the known citation counts, and the sums and numbers of the novelty and
   * centrality percentiles known. Authors by id. Shared until the library changes: do not change it.
   */
  listResearcherTotals(): Promise<ReadonlyArray<Readonly<ResearcherTotalsRow>>>
  saveAnalysis(write: AnalysisWrite): Promise<void>
  /** Changes with every analysis write; null before the first. */
  generation(): Promise<number | null>
  /**
   * True when an analysed paper was removed (merged into another) since novelty was last written: every
   * paper's novelty, percentile and centrality may have moved although no paper is new or changed.
   */
  noveltyStale(): Promise<boolean>
}
