/**
 * @module Text analysis, pure: data in, data out; no store, no HTTP. Topics, key words, digests, paper
 * vectors and similar papers, novelty and researcher metrics, each with its explanation.
 */
export { cleanLatex, readableText } from './latex.js'
export { analyzeText, splitSentences, normalizePhrase, contentTerms, createWinkNlp, type NlpPort, type TextToken, type TextSentence } from './tokenize.js'
export { prepareText, termCounts, type PreparedText, type TextInput, type TermOptions } from './text.js'
export { textLanguage, type TextLanguage } from './language.js'
export { readText, readTextThreadModule, type ReadText, type ReadTextRequest, type ReadTextAnswer } from './read-text.js'
export { fitTfidf, tfidfVector, topTerms, type TfidfModel, type TfidfOptions } from './tfidf.js'
export { normalizeInPlace, type SparseVector } from './sparse.js'
export {
  COMMON_TERM_SHARE,
  fitVectorModel,
  embedPrepared,
  createLsaEmbedder,
  MIN_KNOWN_WORDS,
  tooLittleKnown,
  vectorModelToJson,
  vectorModelFromJson,
  type TextEmbedder,
  type LsaEmbedder,
  type VectorModel,
  type VectorModelJson,
  type VectorModelOptions,
} from './vectors.js'
export {
  createVectorIndex,
  topicSpecificity,
  indexEntry,
  curatedTopicVector,
  similar,
  similarToVector,
  createSimilarPapers,
  DEFAULT_TOPIC_WEIGHT,
  type VectorIndex,
  type IndexedPaper,
  type IndexQuery,
  type SimilarPapers,
  type SimilarRanked,
  type TermWeight,
} from './similarity.js'
export {
  fitTopicClassifier,
  classifyTopics,
  topicTerms,
  topicProbabilities,
  assignTopics,
  topicModelToJson,
  topicModelFromJson,
  DEFAULT_TOPIC_OPTIONS,
  TOPIC_HOW_COMPUTED,
  type TopicModel,
  type TopicModelJson,
  type TopicExample,
  type TopicPrediction,
  type UnsortedReason,
  type TopicScore,
  type AssignedTopic,
  type TopicClassifierOptions,
} from './classify.js'
export { unsortedSentence, storedUnsortedReason, type UnsortedInput } from './unsorted.js'
export {
  fitKeywordModel,
  extractKeywords,
  keywordEvidence,
  normalizeKeyword,
  restatesKeyword,
  keywordsBesideCurated,
  RANK_ALL,
  keywordCandidates,
  KEYWORD_FEATURES,
  libraryWords,
  KEYWORD_MIN_SCORE,
  KEYWORDS_HOW_COMPUTED,
  fewKeywordsNote,
  type KeywordModel,
  type KeywordNeighbour,
  type KeywordTrainingDoc,
  type ExtractedKeyword,
  type ExtractOptions,
  type KeywordEvidence,
  type KeywordTopic,
} from './keywords.js'
export {
  topicTrends,
  splitYears,
  twoProportionZ,
  TRENDS_HOW_COMPUTED,
  TREND_ALPHA,
  type TopicCounts,
  type TopicTrend,
  type TopicTrends,
  type TrendDirection,
  type SortedPapersPerYear,
  type YearSpan,
} from './trends.js'
export { generateDigest, DIGEST_HOW_COMPUTED, type GeneratedDigest, type DigestOptions } from './digest.js'
export {
  computeNovelty,
  prepareNovelty,
  scanNearestEarlier,
  finishNovelty,
  noveltyPairs,
  updateNovelty,
  researcherNovelty,
  isStrictlyBefore,
  NOVELTY_HOW_COMPUTED,
  tooLittleKnownReason,
  type NoveltyCohort,
  type NoveltyInput,
  type NoveltyScan,
  type NoveltyScanOutput,
  type PaperNovelty,
  type NoveltyEvidence,
} from './novelty.js'
export {
  hIndex,
  hIndexMetric,
  citationSum,
  aiScore,
  centralityPercentiles,
  metricsFromTotals,
  researcherTotals,
  HOW_COMPUTED,
  H_INDEX_HOW_COMPUTED,
  CITATIONS_HOW_COMPUTED,
  PAPERS_HOW_COMPUTED,
  AI_SCORE_HOW_COMPUTED,
  AI_SCORE_WEIGHTS,
  NOVELTY_RANKING_HOW_COMPUTED,
  SHRINK_PAPERS,
  SHRINK_PERCENTILE,
  shrunkPercentile,
  aiScoreRescaleNote,
  aiScoreInputsNote,
  centralityWhy,
  noveltyRankedWhy,
  citationCountsWhy,
  noveltyPercentWhy,
  type AiScore,
  type AiScoreInputs,
  type CountMetric,
  type PercentileMean,
  type ResearcherMetrics,
  type ResearcherPaper,
} from './metrics.js'
export { byScore, topK, type Contribution, type Ranked, type Ranker } from './rank.js'
export { MODEL_VERSION } from './model-version.js'
