/**
 * @module Pure parser for Semantic Scholar Graph API payloads: paper search pages (relevance and bulk),
 * batch lookups (with `null` for ids it does not know), single papers, and authors (search, batch, detail
 * with papers) into records and profiles. The TLDR becomes a digest written by the source's model.
 */
import {
  createAuthorProfileRecord,
  createSourceRecord,
  formatPartialDate,
  partialDateFromIso,
  type AuthorProfileRecord,
  type ExternalIds,
  type ImportIssue,
  type ParseResult,
  type SourceRecord,
} from '../../core/index.js'
import type { ParseContext } from '../file-format.js'
import {
  asObject,
  cleanText,
  countOrNull,
  emptyParseResult,
  normalizeArxivId,
  normalizeDoi,
  parseJson,
  repairAuthorEncoding,
  repairEncoding,
  unreadablePayload,
} from '../source.js'

export const SEMANTIC_SCHOLAR_SOURCE = 'semantic-scholar'

/** What the client needs to page a search: the bulk `token` or the relevance `next` offset. */
export function readS2Paging(
  payload: string,
): { ok: true; token: string | null; next: number | null; items: number } | { ok: false; reason: string } {
  const json = parseJson(payload)
  if (!json.ok) return json
  const body = asObject(json.value)
  if (!body || !Array.isArray(body['data'])) return { ok: false, reason: 'not a search page (no data array)' }
  const token = body['token']
  return {
    ok: true,
    token: typeof token === 'string' && token !== '' ? token : null,
    next: countOrNull(body['next']),
    items: (body['data'] as unknown[]).length,
  }
}

/**
 * A batch answer together with the ids it was asked for, as the client hands it to the parser: the answer is an
 * array lined up with the ids, `null` where S2 knows none, so only with the ids can a null be named. A body that
 * is not JSON goes on as it is, for the parser to report.
 * @example batchPayload(['CorpusId:999'], '[null]') // '{"requestedIds":["CorpusId:999"],"batch":[null]}'
 */
export function batchPayload(requestedIds: readonly string[], body: string): string {
  if (!parseJson(body).ok) return body
  return `{"requestedIds":${JSON.stringify(requestedIds)},"batch":${body}}`
}

/** The ids and the answer of a payload made by {@link batchPayload}, or null for any other payload. */
function readBatchPayload(value: unknown): { requestedIds: unknown[]; batch: unknown } | null {
  const body = asObject(value)
  if (!body || !Array.isArray(body['requestedIds']) || !('batch' in body)) return null
  return { requestedIds: body['requestedIds'] as unknown[], batch: body['batch'] }
}

/** Parses any paper or author payload of the Graph API (or a batch answer with the ids it was asked for). */
export function parseSemanticScholar(payload: string, ctx: ParseContext): ParseResult {
  const json = parseJson(payload)
  if (!json.ok) return unreadablePayload(SEMANTIC_SCHOLAR_SOURCE, ctx, json.reason)
  const wrapped = readBatchPayload(json.value)
  const requestedIds = wrapped?.requestedIds ?? []
  const value = wrapped ? wrapped.batch : json.value
  const body = asObject(value)
  let items: unknown[]
  let nullMeansNotFound = false
  if (Array.isArray(value)) {
    items = value
    nullMeansNotFound = true
  } else if (body && Array.isArray(body['data'])) {
    items = body['data'] as unknown[]
  } else if (body && (typeof body['paperId'] === 'string' || typeof body['authorId'] === 'string')) {
    items = [body]
  } else if (body && (typeof body['error'] === 'string' || typeof body['message'] === 'string')) {
    return unreadablePayload(
      SEMANTIC_SCHOLAR_SOURCE,
      ctx,
      `the API answered with an error: ${cleanText(body['error'] ?? body['message'])}`,
    )
  } else {
    return unreadablePayload(
      SEMANTIC_SCHOLAR_SOURCE,
      ctx,
      'neither a list, a search page, a paper nor an author',
    )
  }

  const result = emptyParseResult()
  // Each paper read, with the author whose list it came in (null: not from an author's list) and its record.
  const seenPapers = new Map<string, { owner: string | null; record: SourceRecord | null }>()
  const seenAuthors = new Set<string>()
  items.forEach((item, index) => {
    const where = `entry ${index + 1}`
    if (item === null && nullMeansNotFound) {
      const asked = cleanText(requestedIds[index])
      result.issues.push({
        severity: 'warning',
        source: ctx.input,
        code: 'MISSING_FIELD',
        message: asked
          ? `semantic-scholar: batch ${where} is null: Semantic Scholar does not know ${asked}, the id asked for at that position`
          : `semantic-scholar: batch ${where} is null: Semantic Scholar does not know the id asked for at that position`,
      })
      return
    }
    result.entriesSeen++
    const object = asObject(item)
    if (object && typeof object['paperId'] === 'string') {
      if (seenPapers.has(object['paperId'])) {
        result.issues.push(
          rejected(
            ctx,
            'paperId',
            'DUPLICATE_ENTRY',
            `semantic-scholar: ${object['paperId']} appears twice (${where})`,
          ),
        )
        return
      }
      seenPapers.set(object['paperId'], { owner: null, record: null })
      const record = paperToRecord(object, ctx, [], result.issues, where)
      if (record) result.records.push(record)
      else result.issues.push(noTitle(ctx, object['paperId'], where))
    } else if (object && typeof object['authorId'] === 'string') {
      if (seenAuthors.has(object['authorId'])) return
      seenAuthors.add(object['authorId'])
      const profile = authorToProfile(object, ctx)
      if (profile) result.profiles.push(profile)
      else
        result.issues.push(
          rejected(
            ctx,
            'name',
            'MISSING_FIELD',
            `semantic-scholar: author ${object['authorId']} has no name (${where})`,
          ),
        )
      // An author detail lists their papers: each is a record with the author known to be on it.
      const authorId = object['authorId']
      for (const [i, paper] of (Array.isArray(object['papers']) ? object['papers'] : []).entries()) {
        const p = asObject(paper)
        if (!p || typeof p['paperId'] !== 'string') continue
        const owner = cleanText(object['name'])
        const listed = (Array.isArray(p['authors']) ? p['authors'] : []).some(
          (a) => asObject(a)?.['authorId'] === authorId,
        )
        const seen = seenPapers.get(p['paperId'])
        if (seen && seen.owner !== authorId) {
          // A paper two authors of the batch share is one entry: the second author is on it too.
          if (seen.record && owner && !listed && !seen.record.extraAuthors.includes(owner))
            seen.record.extraAuthors.push(owner)
          continue
        }
        result.entriesSeen++
        if (seen) {
          result.issues.push(
            rejected(
              ctx,
              'paperId',
              'DUPLICATE_ENTRY',
              `semantic-scholar: ${p['paperId']} appears twice among the papers of author ${authorId} (paper ${i + 1}); kept the first`,
            ),
          )
          continue
        }
        const record = paperToRecord(
          p,
          ctx,
          owner && !listed ? [owner] : [],
          result.issues,
          `paper ${i + 1} of author ${authorId}`,
        )
        seenPapers.set(p['paperId'], { owner: authorId, record })
        if (record) result.records.push(record)
        else result.issues.push(noTitle(ctx, p['paperId'], `paper ${i + 1} of author ${authorId}`))
      }
    } else {
      result.issues.push(
        rejected(
          ctx,
          'paperId',
          'MISSING_FIELD',
          `semantic-scholar: ${where} has neither paperId nor authorId`,
        ),
      )
    }
  })
  return result
}

function paperToRecord(
  paper: Record<string, unknown>,
  ctx: ParseContext,
  extraAuthors: string[],
  issues: ImportIssue[],
  where: string,
): SourceRecord | null {
  const paperId = paper['paperId'] as string
  const rawTitle = cleanText(paper['title'])
  const abstract = cleanText(paper['abstract'])
  if (!rawTitle && !abstract) return null
  const repair = { ctx, label: `${SEMANTIC_SCHOLAR_SOURCE}: ${paperId}`, where, issues }
  const title = repairEncoding(rawTitle, 'title', repair)
  const authorList = Array.isArray(paper['authors']) ? paper['authors'] : []
  const authors = repairAuthorEncoding(
    authorList.map((a) => cleanText(asObject(a)?.['name'])).filter((n): n is string => n !== null),
    repair,
  )
  const year = countOrNull(paper['year'])
  const journal = asObject(paper['journal'])
  const venue =
    cleanText(journal?.['name']) ??
    cleanText(paper['venue']) ??
    cleanText(asObject(paper['publicationVenue'])?.['name'])
  const tldr = asObject(paper['tldr'])
  const tldrText = cleanText(tldr?.['text'])
  const references = (Array.isArray(paper['references']) ? paper['references'] : [])
    .map((r) => referenceId(asObject(r)))
    .filter((r): r is string => r !== null)

  const raw: Record<string, unknown> = {}
  for (const key of [
    'influentialCitationCount',
    'referenceCount',
    'fieldsOfStudy',
    'publicationTypes',
    'isOpenAccess',
    'matchScore',
  ]) {
    if (paper[key] !== undefined && paper[key] !== null) raw[key] = paper[key]
  }
  const pdf = cleanText(asObject(paper['openAccessPdf'])?.['url'])
  if (pdf) raw['openAccessPdf'] = pdf
  if (tldrText) raw['tldrModel'] = cleanText(tldr?.['model'])
  // Lined up with `authors`: an author without a name has no place there, so none here.
  const authorIds = authorList
    .filter((a) => cleanText(asObject(a)?.['name']) !== null)
    .map((a) => asObject(a)?.['authorId'] ?? null)
  if (authorIds.some((a) => typeof a === 'string')) raw['authorIds'] = authorIds

  return createSourceRecord({
    source: SEMANTIC_SCHOLAR_SOURCE,
    key: paperId,
    locator: `https://www.semanticscholar.org/paper/${paperId}`,
    fetchedAt: ctx.fetchedAt,
    title,
    abstract,
    authors,
    extraAuthors,
    date: partialDateFromIso(cleanText(paper['publicationDate'])) ?? (year ? formatPartialDate(year) : null),
    venue,
    ids: paperIds(paper),
    digest: tldrText ? { text: tldrText, origin: 'source-model' } : null,
    citationCount: countOrNull(paper['citationCount']),
    references,
    url: cleanText(paper['url']) ?? `https://www.semanticscholar.org/paper/${paperId}`,
    raw,
  })
}

function paperIds(paper: Record<string, unknown>): ExternalIds {
  const ext = asObject(paper['externalIds']) ?? {}
  const ids: ExternalIds = { s2: paper['paperId'] as string }
  const corpus = ext['CorpusId'] ?? paper['corpusId']
  if (typeof corpus === 'number' || typeof corpus === 'string') ids.corpusId = String(corpus)
  const arxiv = normalizeArxivId(cleanText(ext['ArXiv']))
  if (arxiv) ids.arxiv = arxiv
  const doi = normalizeDoi(cleanText(ext['DOI']))
  // arXiv's DataCite DOIs name the preprint; the arXiv id already says that.
  if (doi && !doi.startsWith('10.48550/arxiv.')) ids.doi = doi
  for (const [kind, key] of [
    ['dblp', 'DBLP'],
    ['mag', 'MAG'],
    ['pmid', 'PubMed'],
    ['acl', 'ACL'],
  ] as const) {
    const value = cleanText(ext[key])
    if (value) ids[kind] = value
  }
  return ids
}

/** A cited work as the strongest id S2 gives for it: `arXiv:…`, then `doi:…`, then `s2:<paperId>`. */
function referenceId(reference: Record<string, unknown> | null): string | null {
  if (!reference) return null
  const ext = asObject(reference['externalIds']) ?? {}
  const arxiv = normalizeArxivId(cleanText(ext['ArXiv']))
  if (arxiv) return `arXiv:${arxiv}`
  const doi = normalizeDoi(cleanText(ext['DOI']))
  if (doi) return `doi:${doi}`
  return typeof reference['paperId'] === 'string' ? `s2:${reference['paperId']}` : null
}

function authorToProfile(author: Record<string, unknown>, ctx: ParseContext): AuthorProfileRecord | null {
  const name = cleanText(author['name'])
  if (!name) return null
  const authorId = author['authorId'] as string
  const metrics: AuthorProfileRecord['metrics'] = {}
  const h = countOrNull(author['hIndex'])
  if (h !== null) metrics.hIndex = h
  const citations = countOrNull(author['citationCount'])
  if (citations !== null) metrics.citations = citations
  const papers = countOrNull(author['paperCount'])
  if (papers !== null) metrics.papers = papers
  const ids: Record<string, string> = { s2: authorId }
  const ext = asObject(author['externalIds']) ?? {}
  const dblp = Array.isArray(ext['DBLP']) ? cleanText(ext['DBLP'][0]) : cleanText(ext['DBLP'])
  if (dblp) ids['dblp'] = dblp
  const orcid = cleanText(ext['ORCID'])
  if (orcid) ids['orcid'] = orcid
  const homepage = cleanText(author['homepage'])
  return createAuthorProfileRecord({
    source: SEMANTIC_SCHOLAR_SOURCE,
    key: authorId,
    locator: `https://www.semanticscholar.org/author/${authorId}`,
    fetchedAt: ctx.fetchedAt,
    name,
    metrics,
    ids,
    affiliations: (Array.isArray(author['affiliations']) ? author['affiliations'] : [])
      .map(cleanText)
      .filter((a): a is string => a !== null),
    raw: homepage ? { homepage } : {},
  })
}

function noTitle(ctx: ParseContext, paperId: string, where: string): ImportIssue {
  return rejected(
    ctx,
    'title',
    'MISSING_FIELD',
    `semantic-scholar: ${paperId} came without title or abstract (${where}); ask for fields=title,abstract`,
  )
}

function rejected(ctx: ParseContext, field: string, code: ImportIssue['code'], message: string): ImportIssue {
  return { severity: 'rejected', source: ctx.input, field, code, message }
}
