/** @module Use cases across modules: importing, looking up, overviews. The server and the CLI call these. */
export { importRecords, importRecord, DEFAULT_BATCH_SIZE, type ImportRecordsOptions, type RecordOutcome } from './import-records.js'
export { rematchLibrary, type RematchOptions, type RematchReport, type RematchChange, type RematchIdsChange, type RematchPaper } from './rematch-library.js'
export {
  importFiles,
  unreadablePaths,
  ManifestSchema,
  MANIFEST_FILE,
  type ImportFilesOptions,
  type Manifest,
} from './import-files.js'
export { resolveAuthors, resolveProfileOwner } from './resolve-authors.js'
export { findPaper, findPaperById, findAuthor, findAuthorById, paperNamedBy, type PaperLookup } from './lookup.js'
export { readTopicTrends, orderTopics, isCatchAllTopic, findTopic, requireTopic, topicKeywords, keywordSpellings, type TopicKeyword } from './topics.js'
export { listResearchers, compareResearchers, createNameComparer, shownNoveltyPercent, NOVELTY_SHRINKAGE, RESEARCHER_SORTS, type ResearcherSort, type ResearcherRow, type ResearcherList, type ListResearchersOptions } from './researchers.js'
export type { TopicTrends, TopicTrend, TrendDirection, YearSpan } from '../analysis/index.js'
export { libraryOverview, authorOverview, namesakes, type LibraryOverview, type AuthorOverview, type Namesake } from './overview.js'
export { ensureLibrary, type EnsureLibraryOptions, type EnsureLibraryResult } from './ensure-library.js'
export {
  analyzeLibrary,
  analyzeNewPapers,
  analysisInputHash,
  resolveEmbeddingModel,
  type AnalyzeOptions,
  type AnalyzeProgress,
  type AnalyzeReport,
  type AnalyzeStage,
} from './analyze-library.js'
export { analyzeNewPapersOffThread } from './analysis-thread.js'
export {
  readPaperDetail,
  paperDetailAnalysis,
  presentPaperDetail,
  presentPaperSummary,
  presentSimilarPapers,
  presentSourceRecord,
  similarPaperIn,
  paperLinks,
  abstractStart,
  httpUrl,
  presentComputedValue,
  shownKey,
  ABSTRACT_START_CHARS,
  PAPER_SIMILAR_LIMIT,
  SIMILAR_PAPERS_HOW_COMPUTED,
  type PaperDetailOut,
  type PaperSummaryOut,
  type SourceRecordOut,
  type SimilarPaperDetailOut,
  type ComputedValueOut,
  type ApiLinkOut,
  type PaperDetailAnalysis,
  type PaperAnalysisValue,
  type PaperNoveltyIn,
  type PaperTopicsIn,
  type PaperTextIn,
  type SimilarPaperIn,
  type UnsortedBecauseOut,
} from './paper-detail.js'
export { createAnalysisReader, similarPapersOf, similarPapersToText, storedKeywordsNote, storedLanguage, storedTopicUnsorted, type AnalysisReader, type SimilarPaperOut, type StoredTopicUnsorted } from './analysis-results.js'
export { paperSimilarNote, shortListNote } from './similar-note.js'
export {
  createTextClassifier,
  parseClassifyLine,
  startTextReader,
  ClassifyInputSchema,
  MIN_TEXT_YEAR,
  latestTextYear,
  type ClassifyInput,
  type ClassifiedText,
  type TextClassifier,
  type ClassifyLine,
} from './classify-texts.js'
export { startTextReaderOn, type TextReader } from './text-reader.js'
export {
  syncFeeds,
  loadSyncConfig,
  parseSyncConfig,
  SyncConfigSchema,
  FeedConfigSchema,
  type SyncConfig,
  type FeedConfig,
  type SyncOptions,
  type SyncReport,
  type FeedSyncReport,
  type FeedStatus,
  type PageCounts,
  type SyncSource,
  type SyncSourceDeps,
  type SyncHttpClient,
  type SyncLogger,
} from './sync.js'
export {
  runSync,
  findSyncConfig,
  readSyncConfig,
  resolveSyncConfigPath,
  createSyncHttpClient,
  DEFAULT_SYNC_CONFIG_FILE,
  type RunSyncOptions,
  type RunSyncResult,
  type FeedSummary,
  type SyncEnv,
  type SyncConfigOrigin,
} from './run-sync.js'
export {
  startSyncSchedule,
  startScheduledSync,
  findSyncSchedule,
  type SyncSchedule,
  type SyncScheduleOptions,
  type ScheduleLogger,
} from './sync-schedule.js'
export {
  exportBibtex,
  bibtexWriter,
  selectPapers,
  toBibtexPapers,
  MAX_EXPORT_PAPERS,
  type BibtexSelection,
  type BibtexExport,
} from './export-bibtex.js'
/** Sources' LaTeX as readable text, for the CLI's text output (JSON keeps it as written). */
export { aiScoreInputsNote, aiScoreRescaleNote, centralityWhy, noveltyRankedWhy, readableText } from '../analysis/index.js'
