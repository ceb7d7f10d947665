/**
 * @module The API contract as TypeScript types, for clients (the web app imports these with `import type`,
 * which leaves no runtime dependency on the server). Each type is inferred from the zod schema that also
 * produces the route's JSON Schema, so the two cannot drift apart.
 */
export type {
  ApiDigest,
  ApiKeyword,
  ApiLink,
  AuthorRef,
  ComputedValue,
  PaperDetail,
  PaperList,
  PaperSummary,
  SimilarPaper,
  SourceRecordOut,
  TextSegment,
  TopicRef,
} from './schemas.js'
export type { ErrorBody, ErrorIssue } from './schema-tools.js'
export type { Facet, SearchHitOut, SearchResponse } from './routes/search.schema.js'
export type { AuthorDetailOut, AuthorList, AuthorListItem, MetricName, ReportedProfileOut } from './routes/authors.schema.js'
export type { TopicDetailOut, TopicList, TopicListItem, TopicTrendsOut } from './routes/topics.schema.js'
export type { StatsOut } from './routes/stats.schema.js'
export type { ClassifyBody, ClassifyResult } from './routes/classify.schema.js'
export type { SimilarQuery, SimilarResult } from './routes/similar.schema.js'
export type { ResearcherListOut } from './routes/researchers.schema.js'
