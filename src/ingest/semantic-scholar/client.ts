/**
 * @module HTTP and paging for the Semantic Scholar Graph API: bulk paper search (token paging, sorted by
 * publication date so each run can start where the last one ended), batch lookups of papers by arXiv id,
 * DOI or S2 id (POST /paper/batch, for enrichment), and batch author lookups (h-index, citations).
 * An API key, when configured, goes in the `x-api-key` header.
 */
import { z } from 'zod'
import {
  buildUrl,
  normalizeArxivId,
  normalizeDoi,
  readCursor,
  unreadablePageError,
  writeCursor,
  type SourceDeps,
  type SourcePage,
} from '../source.js'
import { SEMANTIC_SCHOLAR_SOURCE, batchPayload, readS2Paging } from './parse.js'

export const SEMANTIC_SCHOLAR_API_URL = 'https://api.semanticscholar.org/graph/v1'

const DAY_MS = 86_400_000
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')

/** Paper fields every request asks for (search cannot return `tldr`; the batch endpoint can). */
const PAPER_FIELDS = [
  'paperId',
  'externalIds',
  'url',
  'title',
  'abstract',
  'venue',
  'publicationVenue',
  'year',
  'publicationDate',
  'journal',
  'authors',
  'citationCount',
  'influentialCitationCount',
  'referenceCount',
  'fieldsOfStudy',
  'publicationTypes',
  'isOpenAccess',
  'openAccessPdf',
]
const AUTHOR_FIELDS = [
  'authorId',
  'externalIds',
  'url',
  'name',
  'affiliations',
  'homepage',
  'paperCount',
  'citationCount',
  'hIndex',
]

/**
 * The batch endpoint's id syntax for what a person writes in a config file, or null when it is none of the
 * forms Semantic Scholar takes: a 40-hex paperId, `CorpusId:`, `DOI:` (or a bare DOI or doi.org URL), `ARXIV:`
 * (or a bare arXiv id or arxiv.org URL), `MAG:`, `ACL:`, `PMID:`, `PMCID:` or `URL:`.
 * @example s2PaperId('2106.15928v2') // 'ARXIV:2106.15928'
 * @example s2PaperId('abc') // null
 */
export function s2PaperId(value: string): string | null {
  const text = value.trim()
  if (/^[0-9a-f]{40}$/i.test(text)) return text
  if (
    /^(?:CorpusId|MAG|PMID):\d+$/i.test(text) ||
    /^PMCID:(?:PMC)?\d+$/i.test(text) ||
    /^ACL:[\w.-]+$/i.test(text) ||
    /^URL:\S+$/i.test(text)
  )
    return text
  const doi = /^(?:doi:)?\s*(?:https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/i.exec(text)
  if (doi) return `DOI:${normalizeDoi(doi[1])}`
  const arxiv = normalizeArxivId(text)
  return arxiv ? `ARXIV:${arxiv}` : null
}

/**
 * The batch endpoint's id syntax for what a person writes in a config file (unrecognized text as it is).
 * @example toS2PaperId('2106.15928v2') // 'ARXIV:2106.15928'
 */
export function toS2PaperId(value: string): string {
  return s2PaperId(value) ?? value.trim()
}

/** One id a paper batch asks for; an unreadable one is refused up front, naming it (S2 answers 400 otherwise). */
const S2PaperIdSchema = z.string().refine((id) => s2PaperId(id) !== null, {
  error: (issue) =>
    `${JSON.stringify(issue.input)} is not a paper id Semantic Scholar takes (expected a 40-hex paperId, an arXiv id, a DOI, or CorpusId:, DOI:, ARXIV:, MAG:, ACL:, PMID:, PMCID: or URL: followed by the id)`,
})

export const SemanticScholarFeedSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('search'),
      query: z.string().min(1),
      /** e.g. `Computer Science,Mathematics`. */
      fieldsOfStudy: z.string().min(1).optional(),
      /** First run: papers published since this day (default: `lookbackDays` ago). */
      since: IsoDay.optional(),
      lookbackDays: z.number().int().min(0).max(365).default(7),
      maxPages: z.number().int().min(1).default(10),
    })
    .strict(),
  z
    .object({
      kind: z.literal('papers'),
      /** `2106.15928`, `arXiv:2106.15928`, `10.1093/mind/lix.236.433`, an S2 paper id, or `CorpusId:123`. */
      ids: z.array(S2PaperIdSchema).min(1),
      /** Also fetch each paper's references (ids only); makes payloads much larger. */
      references: z.boolean().default(false),
      batchSize: z.number().int().min(1).max(500).default(100),
    })
    .strict(),
  z
    .object({
      kind: z.literal('authors'),
      ids: z.array(z.string().regex(/^\d+$/, 'expected a Semantic Scholar author id')).min(1),
      batchSize: z.number().int().min(1).max(1000).default(100),
    })
    .strict(),
])
export type SemanticScholarFeed = z.output<typeof SemanticScholarFeedSchema>

const SearchCursorSchema = z.object({ since: IsoDay, token: z.string().nullable() })
const BatchCursorSchema = z.object({ index: z.number().int().min(0) })

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

function explainS2Error(body: string): string | null {
  try {
    const json = JSON.parse(body) as { error?: unknown; message?: unknown }
    const text = json.error ?? json.message
    return typeof text === 'string' ? text : null
  } catch {
    return null
  }
}

/**
 * Pages through a search, or through an id list in batches.
 * @example fetchSemanticScholarPages({ kind: 'papers', ids: ['2106.15928'], references: false, batchSize: 100 }, null, deps)
 */
export async function* fetchSemanticScholarPages(
  feed: SemanticScholarFeed,
  cursor: string | null,
  deps: SourceDeps,
): AsyncGenerator<SourcePage> {
  const headers: Record<string, string> = deps.apiKey ? { 'x-api-key': deps.apiKey } : {}
  const request = (url: string, body?: string) =>
    deps.http.request({
      source: SEMANTIC_SCHOLAR_SOURCE,
      url,
      signal: deps.signal,
      explainError: explainS2Error,
      ...(body === undefined
        ? { headers }
        : { method: 'POST' as const, body, headers: { ...headers, 'content-type': 'application/json' } }),
    })

  if (feed.kind === 'search') {
    const state = cursor
      ? readCursor(SEMANTIC_SCHOLAR_SOURCE, SearchCursorSchema, cursor)
      : { since: feed.since ?? isoDay(deps.now() - feed.lookbackDays * DAY_MS), token: null }
    let token = state.token
    for (let pages = 1; ; pages++) {
      const url = buildUrl(deps.baseUrl, '/paper/search/bulk', {
        query: feed.query,
        fields: PAPER_FIELDS.join(','),
        publicationDateOrYear: `${state.since}:`,
        fieldsOfStudy: feed.fieldsOfStudy,
        sort: 'publicationDate:asc',
        token: token ?? undefined,
      })
      const res = await request(url)
      const read = readS2Paging(res.body)
      if (!read.ok) throw unreadablePageError(SEMANTIC_SCHOLAR_SOURCE, url, read.reason)
      token = read.token
      const finished = token === null || read.items === 0
      const nextCursor = finished
        ? { since: isoDay(deps.now() - feed.lookbackDays * DAY_MS), token: null }
        : { since: state.since, token }
      const capped = !finished && pages >= feed.maxPages
      const last = finished || capped
      yield {
        payload: res.body,
        url,
        nextCursor: writeCursor(nextCursor),
        last,
        ...(capped ? { capped } : {}),
      }
      if (last) return
    }
  }

  const ids = feed.kind === 'papers' ? feed.ids.map(toS2PaperId) : feed.ids
  const fields =
    feed.kind === 'papers'
      ? [
          ...PAPER_FIELDS,
          'tldr',
          ...(feed.references ? ['references.paperId', 'references.externalIds'] : []),
        ]
      : AUTHOR_FIELDS
  const path = feed.kind === 'papers' ? '/paper/batch' : '/author/batch'
  const start = cursor ? readCursor(SEMANTIC_SCHOLAR_SOURCE, BatchCursorSchema, cursor).index : 0
  for (let index = start; index < ids.length; index += feed.batchSize) {
    const batch = ids.slice(index, index + feed.batchSize)
    const url = buildUrl(deps.baseUrl, path, { fields: fields.join(',') })
    const res = await request(url, JSON.stringify({ ids: batch }))
    const next = index + batch.length
    const last = next >= ids.length
    // Lookups refresh counts that change: after the last batch the next run reads them all again.
    // The answer lines up with the ids asked for (null where S2 knows none): they go along, so the parser can
    // name an unknown id.
    yield {
      // Two ids asked for can be one paper (its DOI and its arXiv id).
      mayRepeat: true,
      payload: batchPayload(batch, res.body),
      url,
      nextCursor: writeCursor({ index: last ? 0 : next }),
      last,
    }
  }
}
