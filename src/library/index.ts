/** @module The one-library logic: normal forms, matching a record to a paper, merging records. Pure. */
export {
  foldText,
  normalizeTitle,
  titleKeys,
  titleTokens,
  parseName,
  nameKey,
  nameBlockKey,
  namesCompatible,
  normalizeArxivId,
  normalizeDoi,
  type ParsedName,
} from './normalize.js'
export {
  matchRecord,
  isVersionDoi,
  recordVenues,
  stringSimilarity,
  abstractContainment,
  FUZZY_TITLE_THRESHOLD,
  ABSTRACT_CONTAINMENT_THRESHOLD,
  type PaperCandidate,
  type MatchDecision,
  type MatchReason,
  type MatchableRecord,
} from './match.js'
export {
  candidateOf,
  mergeRecords,
  deriveTitle,
  holdsIdBetter,
  idKey,
  linkedId,
  SOURCE_RANK,
  type IdHolder,
  type MergeInput,
  type MergeOptions,
  type MergedPaper,
  type MergedAuthor,
} from './merge.js'
export { paperIdFor, recordContentHash, stableStringify } from './ids.js'
export { AUTHOR_ID_SOURCES, recordAuthorIds, profileAuthorIds, sourceIdsConflict } from './author-ids.js'
