/**
 * @module Pure parser for OpenAlex payloads: works (a list page or one work) into source records with the
 * abstract rebuilt from `abstract_inverted_index`, and authors into profiles with `summary_stats`.
 */
import {
  createAuthorProfileRecord,
  createSourceRecord,
  doiUrl,
  formatPartialDate,
  partialDateFromIso,
  repairDoubleEncodedUtf8,
  type AuthorProfileRecord,
  type ExternalIds,
  type ImportIssue,
  type ParseResult,
  type SourceRecord,
} from '../../core/index.js'
import type { ParseContext } from '../file-format.js'
import {
  asObject,
  cleanHtmlText,
  cleanText,
  countOrNull,
  emptyParseResult,
  normalizeArxivId,
  normalizeDoi,
  normalizeOpenAlexId,
  parseJson,
  repairEncoding,
  unreadablePayload,
} from '../source.js'

export const OPENALEX_SOURCE = 'openalex'

/** What the client needs to page: the next cursor (null at the end) and how many results came. */
export function readOpenAlexPaging(
  payload: string,
):
  | { ok: true; nextCursor: string | null; results: number; count: number | null }
  | { ok: false; reason: string } {
  const json = parseJson(payload)
  if (!json.ok) return json
  const body = asObject(json.value)
  const results = body?.['results']
  if (!body || !Array.isArray(results))
    return { ok: false, reason: 'not an OpenAlex list (no results array)' }
  const meta = asObject(body['meta'])
  const next = meta?.['next_cursor']
  return {
    ok: true,
    nextCursor: typeof next === 'string' && next !== '' ? next : null,
    results: results.length,
    count: countOrNull(meta?.['count']),
  }
}

/**
 * Rebuilds an abstract from OpenAlex's inverted index (`{ word: [positions] }`). Sparse positions are
 * sorted rather than laid into an array, so a hostile index cannot allocate gigabytes.
 * @example abstractFromInvertedIndex({ Deep: [0], nets: [2], learning: [1] }) // 'Deep learning nets'
 */
export function abstractFromInvertedIndex(index: unknown): string | null {
  const entries = asObject(index)
  if (!entries) return null
  const words: Array<[number, string]> = []
  for (const [word, positions] of Object.entries(entries)) {
    if (!Array.isArray(positions)) continue
    for (const p of positions) if (Number.isInteger(p) && (p as number) >= 0) words.push([p as number, word])
  }
  if (words.length === 0) return null
  words.sort((a, b) => a[0] - b[0])
  return cleanHtmlText(words.map(([, w]) => w).join(' '))
}

/** Parses a works or authors list page, a single work, or a single author. */
export function parseOpenAlex(payload: string, ctx: ParseContext): ParseResult {
  const json = parseJson(payload)
  if (!json.ok) return unreadablePayload(OPENALEX_SOURCE, ctx, json.reason)
  const body = asObject(json.value)
  if (!body) return unreadablePayload(OPENALEX_SOURCE, ctx, 'expected a JSON object')
  if (typeof body['error'] === 'string') {
    return unreadablePayload(
      OPENALEX_SOURCE,
      ctx,
      `the API answered with an error: ${body['error']} ${cleanText(body['message']) ?? ''}`.trim(),
    )
  }
  const items = Array.isArray(body['results']) ? (body['results'] as unknown[]) : 'id' in body ? [body] : null
  if (!items) return unreadablePayload(OPENALEX_SOURCE, ctx, 'neither a list (results) nor an entity (id)')

  const result = emptyParseResult()
  const seen = new Set<string>()
  items.forEach((item, index) => {
    result.entriesSeen++
    const object = asObject(item)
    const id = normalizeOpenAlexId(typeof object?.['id'] === 'string' ? (object['id'] as string) : null)
    const where = `result ${index + 1}`
    if (!object || !id) {
      result.issues.push(rejected(ctx, 'id', 'MISSING_FIELD', `openalex: ${where} has no OpenAlex id`))
      return
    }
    if (seen.has(id)) {
      result.issues.push(
        rejected(ctx, 'id', 'DUPLICATE_ENTRY', `openalex: ${id} appears twice in one page (${where})`),
      )
      return
    }
    seen.add(id)
    if (id.startsWith('W')) {
      const record = workToRecord(object, id, ctx, result.issues)
      if (record) result.records.push(record)
      else
        result.issues.push(
          rejected(ctx, 'title', 'MISSING_FIELD', `openalex: ${id} has neither title nor abstract`),
        )
    } else if (id.startsWith('A')) {
      const profile = authorToProfile(object, id, ctx, result.issues)
      if (profile) result.profiles.push(profile)
      else
        result.issues.push(
          rejected(ctx, 'display_name', 'MISSING_FIELD', `openalex: author ${id} has no name`),
        )
    } else {
      result.issues.push(
        rejected(ctx, 'id', 'INVALID_VALUE', `openalex: ${id} is neither a work nor an author`),
      )
    }
  })
  return result
}

function workToRecord(
  work: Record<string, unknown>,
  id: string,
  ctx: ParseContext,
  issues: ImportIssue[],
): SourceRecord | null {
  // Titles carry publishers' markup and references (`<i>in vivo</i>`, `<scp>`, `&amp;`).
  const rawTitle = cleanHtmlText(work['title']) ?? cleanHtmlText(work['display_name'])
  const abstract = abstractFromInvertedIndex(work['abstract_inverted_index'])
  if (!rawTitle && !abstract) return null
  const repair = { ctx, label: `${OPENALEX_SOURCE}: ${id}`, issues }
  const title = repairEncoding(rawTitle, 'title', repair)

  const authors: string[] = []
  const authorIds: Array<string | null> = []
  const authorships = work['authorships']
  if (authorships !== undefined && authorships !== null && !Array.isArray(authorships)) {
    issues.push({
      severity: 'warning',
      source: ctx.input,
      field: 'authorships',
      code: 'INVALID_VALUE',
      message: `openalex: ${id} has authorships that are not a list (${kindOf(authorships)}); stored without authors`,
    })
  }
  for (const authorship of Array.isArray(authorships) ? authorships : []) {
    const a = asObject(authorship)
    const author = asObject(a?.['author'])
    const display = cleanHtmlText(author?.['display_name'])
    const printed = cleanHtmlText(a?.['raw_author_name'])
    let name = display ?? printed
    // OpenAlex's disambiguation sometimes attaches a different person to an authorship; the name printed
    // on the paper is then the one to believe. Spellings are compared as they would be stored.
    const stored = (text: string) => repairDoubleEncodedUtf8(text) ?? text
    if (display && printed && !sameFamilyName(stored(display), stored(printed))) {
      issues.push({
        severity: 'warning',
        source: ctx.input,
        field: 'authorships',
        code: 'INVALID_VALUE',
        message: `openalex: ${id}: authorship ${authors.length + 1} is linked to "${display}" but the paper prints "${printed}"; kept the printed name`,
      })
      name = printed
    }
    if (!name) continue
    authors.push(firstNameFirst(repairEncoding(name, `authors[${authors.length}]`, repair)!))
    // The linked id is of the other person when the printed name was kept over it.
    const linked = name === display ? author?.['id'] : null
    authorIds.push(normalizeOpenAlexId(typeof linked === 'string' ? linked : null))
  }

  const ids = workIds(work, id)
  const primary = asObject(work['primary_location'])
  const venueSource = asObject(primary?.['source'])
  const venue =
    venueSource && venueSource['type'] !== 'repository' ? cleanHtmlText(venueSource['display_name']) : null
  const year = countOrNull(work['publication_year'])
  const publicationDate = cleanText(work['publication_date'])
  const day = partialDateFromIso(publicationDate)
  const date = day ?? (year ? formatPartialDate(year) : null)
  if (publicationDate && !day) {
    issues.push({
      severity: 'warning',
      source: ctx.input,
      field: 'publication_date',
      code: 'INVALID_VALUE',
      message: `openalex: ${id} has an unreadable publication_date (${JSON.stringify(publicationDate)}); ${year ? `kept the publication_year ${year}` : 'stored without a date'}`,
    })
  }
  const references = (Array.isArray(work['referenced_works']) ? work['referenced_works'] : [])
    .map((r) => normalizeOpenAlexId(typeof r === 'string' ? r : null))
    .filter((r): r is string => r !== null)

  if (work['is_retracted'] === true) {
    issues.push({
      severity: 'warning',
      source: ctx.input,
      field: 'is_retracted',
      code: 'INVALID_VALUE',
      message: `openalex: ${id} is marked as retracted`,
    })
  }

  // Only fields that describe the work: volatile ones (updated_date, counts_by_year) would make every
  // sync look like a change.
  const raw: Record<string, unknown> = {}
  for (const key of ['type', 'language', 'is_retracted', 'is_paratext'] as const) {
    if (work[key] !== undefined && work[key] !== null) raw[key] = work[key]
  }
  if (authorIds.some((a) => a !== null)) raw['authorIds'] = authorIds
  const topics = (Array.isArray(work['topics']) ? work['topics'] : [])
    .map((t) => cleanText(asObject(t)?.['display_name']))
    .filter((t): t is string => t !== null)
  if (topics.length) raw['topics'] = topics
  const biblio = asObject(work['biblio'])
  if (biblio && Object.values(biblio).some((v) => v !== null)) raw['biblio'] = biblio

  return createSourceRecord({
    source: OPENALEX_SOURCE,
    key: id,
    locator: `https://openalex.org/${id}`,
    fetchedAt: ctx.fetchedAt,
    title,
    abstract,
    authors,
    authorsTruncated: work['is_authors_truncated'] === true,
    date,
    venue,
    ids,
    citationCount: countOrNull(work['cited_by_count']),
    references,
    url: ids.doi
      ? doiUrl(ids.doi)
      : (cleanText(primary?.['landing_page_url']) ?? `https://openalex.org/${id}`),
    raw,
  })
}

function workIds(work: Record<string, unknown>, id: string): ExternalIds {
  const ids: ExternalIds = { openalex: id }
  const given = asObject(work['ids']) ?? {}
  const doi = normalizeDoi(cleanText(work['doi']) ?? cleanText(given['doi']))
  // arXiv's own DOIs (10.48550/arXiv.2103.14030) name the preprint: keep them as the arXiv id instead.
  const arxivFromDoi = doi?.startsWith('10.48550/arxiv.')
    ? normalizeArxivId(doi.slice('10.48550/arxiv.'.length))
    : null
  if (doi && !arxivFromDoi) ids.doi = doi
  const mag = cleanText(given['mag'])
  if (mag) ids.mag = mag
  const pmid = /(\d+)\/?$/.exec(cleanText(given['pmid']) ?? '')?.[1]
  if (pmid) ids.pmid = pmid
  let arxiv = arxivFromDoi
  for (const location of Array.isArray(work['locations']) ? work['locations'] : []) {
    if (arxiv) break
    const url = cleanText(asObject(location)?.['landing_page_url'])
    if (url && /arxiv\.org\/abs\//i.test(url)) arxiv = normalizeArxivId(url)
  }
  if (arxiv) ids.arxiv = arxiv
  return ids
}

function authorToProfile(
  author: Record<string, unknown>,
  id: string,
  ctx: ParseContext,
  issues: ImportIssue[],
): AuthorProfileRecord | null {
  const name = cleanHtmlText(author['display_name'])
  if (!name) return null
  const stats = asObject(author['summary_stats']) ?? {}
  const metrics: AuthorProfileRecord['metrics'] = {}
  const h = countOrNull(stats['h_index'])
  if (h !== null) metrics.hIndex = h
  const i10 = countOrNull(stats['i10_index'])
  if (i10 !== null) metrics.i10Index = i10
  const citations = countOrNull(author['cited_by_count'])
  if (citations !== null) metrics.citations = citations
  const works = countOrNull(author['works_count'])
  if (works !== null) metrics.papers = works

  const profileIds: Record<string, string> = { openalex: id }
  const given = asObject(author['ids']) ?? {}
  const orcid = /(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/.exec(
    cleanText(author['orcid']) ?? cleanText(given['orcid']) ?? '',
  )?.[1]
  if (orcid) profileIds['orcid'] = orcid
  const scopus = /authorID=(\d+)/.exec(cleanText(given['scopus']) ?? '')?.[1]
  if (scopus) profileIds['scopus'] = scopus

  const lastKnown = (
    Array.isArray(author['last_known_institutions']) ? author['last_known_institutions'] : []
  )
    .map((i) => cleanText(asObject(i)?.['display_name']))
    .filter((i): i is string => i !== null)
  const affiliations =
    lastKnown.length > 0
      ? lastKnown
      : (Array.isArray(author['affiliations']) ? author['affiliations'] : [])
          .map((a) => asObject(a))
          .sort((a, b) => latestYear(b) - latestYear(a))
          .slice(0, 1)
          .map((a) => cleanText(asObject(a?.['institution'])?.['display_name']))
          .filter((i): i is string => i !== null)

  const alternatives = (
    Array.isArray(author['display_name_alternatives']) ? author['display_name_alternatives'] : []
  )
    .map(cleanHtmlText)
    .filter((n): n is string => n !== null)
  const strangers = alternatives.filter((alt) => !sameFamilyName(alt, name))
  if (strangers.length > 0) {
    issues.push({
      severity: 'warning',
      source: ctx.input,
      field: 'display_name_alternatives',
      code: 'INVALID_VALUE',
      message: `openalex: author ${id} (${name}) also lists ${strangers.map((s) => `"${s}"`).join(', ')}; the profile may merge two people, so its metrics may be too high`,
    })
  }
  const topField = cleanText(
    asObject(asObject((author['topics'] as unknown[] | undefined)?.[0])?.['field'])?.['display_name'],
  )
  const twoYear = asObject(author['summary_stats'])?.['2yr_mean_citedness']
  const updatedDate = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+)?/.exec(cleanText(author['updated_date']) ?? '')?.[0] ?? null

  return createAuthorProfileRecord({
    source: OPENALEX_SOURCE,
    key: id,
    locator: `https://openalex.org/${id}`,
    fetchedAt: ctx.fetchedAt,
    name,
    field: topField,
    metrics,
    ids: profileIds,
    affiliations,
    raw: {
      ...(alternatives.length ? { nameAlternatives: alternatives } : {}),
      ...(typeof twoYear === 'number' ? { twoYearMeanCitedness: twoYear } : {}),
      // When OpenAlex last updated the counts: what two readings are compared by, whenever each was read.
      ...(updatedDate ? { updatedDate } : {}),
    },
  })
}

function latestYear(affiliation: Record<string, unknown> | null): number {
  const years = affiliation?.['years']
  return Array.isArray(years) ? Math.max(0, ...years.filter((y): y is number => typeof y === 'number')) : 0
}

/** `Hadjas, Irka` → `Irka Hadjas`; names with more than one comma are left alone. */
function firstNameFirst(name: string): string {
  const parts = name.split(',')
  return parts.length === 2 && parts[0]!.trim() && parts[1]!.trim()
    ? `${parts[1]!.trim()} ${parts[0]!.trim()}`
    : name
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Whether two spellings share a family name (`Jevin D. West` / `West, Jevin`), ignoring accents and order. */
export function sameFamilyName(a: string, b: string): boolean {
  const family = (name: string) => {
    const n = fold(name)
    const comma = n.indexOf(',')
    const part = comma > 0 ? n.slice(0, comma) : (n.split(/\s+/).pop() ?? '')
    return part.replace(/[^\p{L}\s-]/gu, '').trim()
  }
  const tokens = (name: string) =>
    new Set(
      fold(name)
        .split(/[^\p{L}]+/u)
        .filter(Boolean),
    )
  const fa = family(a)
  const fb = family(b)
  return fa === fb || (fa !== '' && tokens(b).has(fa)) || (fb !== '' && tokens(a).has(fb))
}

/** What a JSON value is, for a message: `an object`, `a string`. */
function kindOf(value: unknown): string {
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

function rejected(ctx: ParseContext, field: string, code: ImportIssue['code'], message: string): ImportIssue {
  return { severity: 'rejected', source: ctx.input, field, code, message }
}
