/**
 * @module Pure parsers for arXiv payloads: the export API's Atom feed (`source: 'arxiv'`) and OAI-PMH
 * `ListRecords`/`GetRecord` in the `arXiv` metadata format (`source: 'arxiv-oai'`). Both give arXiv ids
 * without version, authors in order, categories (primary first), the submission date of version 1, the
 * journal reference as venue and the DOI. Also the small readers the client needs for paging.
 */
import {
  arxivUrl,
  createSourceRecord,
  partialDateFromIso,
  type ImportIssue,
  type ParseResult,
  type SourceRecord,
} from '../../core/index.js'
import type { ParseContext } from '../file-format.js'
import {
  cleanText,
  emptyParseResult,
  normalizeArxivId,
  normalizeDoi,
  repairAuthorEncoding,
  repairEncoding,
  unreadablePayload,
} from '../source.js'
import { attrOf, child, children, firstTextOf, readXml, textOf, type XmlNode } from './xml.js'

export const ARXIV_SOURCE = 'arxiv'
export const ARXIV_OAI_SOURCE = 'arxiv-oai'

/** arXiv subject classes look like `cs.LG`, `math-ph`, `cond-mat.stat-mech`; ACM/MSC codes do not. */
const CATEGORY = /^[a-z-]+(?:\.[A-Za-z-]+)?$/

/** The public page of a paper: a stable locator and URL whatever mirror it was fetched from. */
export function arxivAbsUrl(id: string): string {
  return arxivUrl(id)
}

// ---------------------------------------------------------------------------------------------------------
// Export API (Atom)

/** What the client needs to page through an Atom feed. */
export interface AtomPaging {
  total: number
  start: number
  entries: number
  /** The API's own error entry (`incorrect id format for abc`), if the feed is one. */
  error: string | null
}

/** Reads `opensearch:totalResults`, `startIndex` and the entry count, or says why it cannot. */
export function readAtomPaging(
  payload: string,
): { ok: true; paging: AtomPaging } | { ok: false; reason: string } {
  const xml = readXml(payload)
  if (!xml.ok) return xml
  const feed = xml.doc['feed']
  if (!feed || typeof feed !== 'object') return { ok: false, reason: 'no <feed> element' }
  const entries = children(feed, 'entry')
  const total = Number(textOf((feed as XmlNode)['totalResults']))
  const start = Number(textOf((feed as XmlNode)['startIndex']) ?? 0)
  if (!Number.isFinite(total)) return { ok: false, reason: 'no opensearch:totalResults' }
  return {
    ok: true,
    paging: {
      total,
      start: Number.isFinite(start) ? start : 0,
      entries: entries.length,
      error: atomError(entries),
    },
  }
}

function atomError(entries: unknown[]): string | null {
  const first = entries[0]
  const id = textOf((first as XmlNode | undefined)?.['id'])
  if (entries.length === 1 && id?.includes('arxiv.org/api/errors')) {
    return cleanText(textOf((first as XmlNode)['summary'])) ?? 'unknown error'
  }
  return null
}

/**
 * Parses an export-API Atom feed (current format, or the 2016 one with namespaces on each element).
 * @example parseArxivAtom(xml, { input: url, fetchedAt: new Date().toISOString() }).records[0].ids.arxiv
 */
export function parseArxivAtom(payload: string, ctx: ParseContext): ParseResult {
  const xml = readXml(payload)
  if (!xml.ok) return unreadablePayload(ARXIV_SOURCE, ctx, xml.reason, xml.line)
  const feed = xml.doc['feed']
  if (!feed || typeof feed !== 'object') return unreadablePayload(ARXIV_SOURCE, ctx, 'no Atom <feed> element')

  const entries = children(feed, 'entry')
  const result = emptyParseResult()
  result.entriesSeen = entries.length
  const error = atomError(entries)
  if (error) {
    result.issues.push({
      severity: 'rejected',
      source: ctx.input,
      field: 'query',
      code: 'INVALID_VALUE',
      message: `arxiv: the API answered with an error: ${error}`,
    })
    return result
  }
  const seen = new Set<string>()
  entries.forEach((entry, index) => {
    const outcome = atomEntryToRecord(entry as XmlNode, ctx, index, result.issues)
    if ('issue' in outcome) {
      result.issues.push({ ...outcome.issue, message: `${outcome.issue.message} (entry ${index + 1})` })
      return
    }
    if (seen.has(outcome.record.key)) {
      result.issues.push(duplicate(ctx, outcome.record.key, index))
      return
    }
    seen.add(outcome.record.key)
    result.records.push(outcome.record)
  })
  return result
}

function atomEntryToRecord(
  entry: XmlNode,
  ctx: ParseContext,
  index: number,
  issues: ImportIssue[],
): { record: SourceRecord } | { issue: ImportIssue } {
  const rawId = cleanText(textOf(entry['id']))
  const id = normalizeArxivId(rawId)
  if (!id)
    return {
      issue: rejected(
        ctx,
        'id',
        'MISSING_FIELD',
        `arxiv: entry without a readable arXiv id (${rawId ?? 'none'})`,
      ),
    }
  const titles = firstTextOf(entry['title'])
  const summaries = firstTextOf(entry['summary'])
  const abstract = cleanText(summaries.text)
  // Without either there is nothing to show or to match on: a title would only be made up.
  if (!cleanText(titles.text) && !abstract)
    return { issue: rejected(ctx, 'title', 'MISSING_FIELD', `arxiv: ${id} has neither title nor abstract`) }
  const where = `entry ${index + 1}`
  issues.push(
    ...repeatedElements(ctx, { source: ARXIV_SOURCE, id, where }, { title: titles, summary: summaries }),
  )
  const repair = { ctx, label: `${ARXIV_SOURCE}: ${id}`, where, issues }
  const title = repairEncoding(cleanText(titles.text), 'title', repair)
  const version = /v(\d+)$/.exec(rawId ?? '')?.[1]

  const primary = attrOf(entry['primary_category'], 'term')
  const categories = unique([primary, ...children(entry, 'category').map((c) => attrOf(c, 'term'))]).filter(
    (c) => CATEGORY.test(c),
  )
  const authorNodes = children(entry, 'author')
  const authors = repairAuthorEncoding(
    authorNodes.map((a) => cleanText(textOf((a as XmlNode)['name']))).filter((n): n is string => n !== null),
    repair,
  )
  const affiliations = authorNodes.map((a) =>
    children(a, 'affiliation')
      .map((x) => cleanText(textOf(x)))
      .filter((x): x is string => x !== null),
  )
  const dois = (cleanText(textOf(entry['doi'])) ?? '')
    .split(/\s+/)
    .map(normalizeDoi)
    .filter((d): d is string => d !== null)
  const links = children(entry, 'link')
  const pdf = links.find((l) => attrOf(l, 'title') === 'pdf')

  const raw: Record<string, unknown> = { id: rawId }
  if (version) raw['version'] = Number(version)
  const updated = cleanText(textOf(entry['updated']))
  if (updated) raw['updated'] = updated
  const published = cleanText(textOf(entry['published']))
  if (published) raw['published'] = published
  const date = partialDateFromIso(published)
  issues.push(
    ...incompleteEntry(
      ctx,
      { source: ARXIV_SOURCE, id, where },
      { field: 'published', text: published, date },
      { field: 'author', count: authors.length },
    ),
  )
  const comment = cleanText(textOf(entry['comment']))
  if (comment) raw['comment'] = comment
  if (primary) raw['primaryCategory'] = primary
  if (affiliations.some((a) => a.length > 0)) raw['affiliations'] = affiliations
  if (dois.length > 1) raw['dois'] = dois
  if (pdf) raw['pdf'] = attrOf(pdf, 'href')

  return {
    record: createSourceRecord({
      source: ARXIV_SOURCE,
      key: id,
      locator: arxivAbsUrl(id),
      fetchedAt: ctx.fetchedAt,
      title,
      abstract,
      authors,
      date,
      categories,
      venue: cleanText(textOf(entry['journal_ref'])),
      ids: dois[0] ? { arxiv: id, doi: dois[0] } : { arxiv: id },
      url: arxivAbsUrl(id),
      raw,
    }),
  }
}

// ---------------------------------------------------------------------------------------------------------
// OAI-PMH (metadataPrefix=arXiv)

/** What the client needs from an OAI-PMH response. */
export interface OaiPaging {
  /** Null when this is the last page (no token, or an empty one as the protocol allows). */
  resumptionToken: string | null
  completeListSize: number | null
  responseDate: string | null
  /** OAI-PMH error codes (`noRecordsMatch`, `badResumptionToken`, ...). */
  errors: Array<{ code: string; message: string }>
}

/** Reads the resumption token and errors of an OAI-PMH response, or says why it cannot. */
export function readOaiPaging(
  payload: string,
): { ok: true; paging: OaiPaging } | { ok: false; reason: string } {
  const xml = readXml(payload)
  if (!xml.ok) return xml
  const root = xml.doc['OAI-PMH']
  if (!root || typeof root !== 'object') return { ok: false, reason: 'no <OAI-PMH> element' }
  const list = child(root, 'ListRecords')
  const tokenNode = list['resumptionToken']
  const token = cleanText(textOf(tokenNode))
  const size = Number(attrOf(tokenNode, 'completeListSize') ?? Number.NaN)
  return {
    ok: true,
    paging: {
      resumptionToken: token,
      completeListSize: Number.isFinite(size) ? size : null,
      responseDate: cleanText(textOf((root as XmlNode)['responseDate'])),
      errors: oaiErrors(root as XmlNode),
    },
  }
}

function oaiErrors(root: XmlNode): Array<{ code: string; message: string }> {
  return children(root, 'error').map((e) => ({
    code: attrOf(e, 'code') ?? 'unknown',
    message: cleanText(textOf(e)) ?? '',
  }))
}

/**
 * Parses an OAI-PMH `ListRecords` or `GetRecord` response in the `arXiv` metadata format.
 * `noRecordsMatch` is an empty harvest, not a failure; other protocol errors are rejected issues.
 */
export function parseArxivOai(payload: string, ctx: ParseContext): ParseResult {
  const xml = readXml(payload)
  if (!xml.ok) return unreadablePayload(ARXIV_OAI_SOURCE, ctx, xml.reason, xml.line)
  const root = xml.doc['OAI-PMH']
  if (!root || typeof root !== 'object')
    return unreadablePayload(ARXIV_OAI_SOURCE, ctx, 'no <OAI-PMH> element')

  const result = emptyParseResult()
  for (const error of oaiErrors(root as XmlNode)) {
    if (error.code === 'noRecordsMatch') continue
    result.issues.push({
      severity: 'rejected',
      source: ctx.input,
      code: 'SOURCE_UNAVAILABLE',
      message: `arxiv-oai: OAI-PMH error ${error.code}: ${error.message}`,
    })
  }
  const container = (root as XmlNode)['ListRecords'] ?? (root as XmlNode)['GetRecord']
  const records = children(container, 'record')
  const seen = new Set<string>()
  records.forEach((record, index) => {
    const header = child(record, 'header')
    if (attrOf(header, 'status') === 'deleted') return
    result.entriesSeen++
    const outcome = oaiRecordToSourceRecord(record as XmlNode, ctx, index, result.issues)
    if ('issue' in outcome) {
      result.issues.push({ ...outcome.issue, message: `${outcome.issue.message} (record ${index + 1})` })
      return
    }
    if (seen.has(outcome.record.key)) {
      result.issues.push(duplicate(ctx, outcome.record.key, index))
      return
    }
    seen.add(outcome.record.key)
    result.records.push(outcome.record)
  })
  return result
}

function oaiRecordToSourceRecord(
  record: XmlNode,
  ctx: ParseContext,
  index: number,
  issues: ImportIssue[],
): { record: SourceRecord } | { issue: ImportIssue } {
  const header = child(record, 'header')
  const meta = child(child(record, 'metadata'), 'arXiv')
  const id = normalizeArxivId(
    cleanText(textOf(meta['id'])) ??
      cleanText(textOf(header['identifier']))?.replace(/^oai:arXiv\.org:/i, ''),
  )
  if (!id)
    return { issue: rejected(ctx, 'id', 'MISSING_FIELD', 'arxiv-oai: record without a readable arXiv id') }

  const where = `record ${index + 1}`
  const repair = { ctx, label: `${ARXIV_OAI_SOURCE}: ${id}`, where, issues }
  const names: string[] = []
  for (const author of children(child(meta, 'authors'), 'author')) {
    const name = [
      textOf((author as XmlNode)['forenames']),
      textOf((author as XmlNode)['keyname']),
      textOf((author as XmlNode)['suffix']),
    ]
      .map(cleanText)
      .filter((p): p is string => p !== null)
      .join(' ')
    // arXiv's own author splitting sometimes leaves punctuation as a "name" (`<keyname>:</keyname>`).
    if (/\p{L}/u.test(name)) names.push(name)
    else
      issues.push({
        severity: 'warning',
        source: ctx.input,
        field: 'authors',
        code: 'INVALID_VALUE',
        message: `arxiv-oai: ${id}: skipped an author entry that is not a name (${JSON.stringify(name)})`,
      })
  }
  const titles = firstTextOf(meta['title'])
  const abstracts = firstTextOf(meta['abstract'])
  const abstract = cleanText(abstracts.text)
  if (!cleanText(titles.text) && !abstract)
    return {
      issue: rejected(ctx, 'title', 'MISSING_FIELD', `arxiv-oai: ${id} has neither title nor abstract`),
    }
  issues.push(
    ...repeatedElements(ctx, { source: ARXIV_OAI_SOURCE, id, where }, { title: titles, abstract: abstracts }),
  )
  const title = repairEncoding(cleanText(titles.text), 'title', repair)
  const authors = repairAuthorEncoding(names, repair)
  const created = cleanText(textOf(meta['created']))
  const date = partialDateFromIso(created)
  issues.push(
    ...incompleteEntry(
      ctx,
      { source: ARXIV_OAI_SOURCE, id, where },
      { field: 'created', text: created, date },
      { field: 'authors', count: authors.length },
    ),
  )
  const categories = (cleanText(textOf(meta['categories'])) ?? '').split(' ').filter((c) => CATEGORY.test(c))
  const doi = normalizeDoi(cleanText(textOf(meta['doi']))?.split(/\s+/)[0])

  const raw: Record<string, unknown> = {}
  for (const [field, key] of [
    ['datestamp', 'datestamp'],
    ['setSpec', 'setSpec'],
  ] as const) {
    const value = cleanText(textOf(header[field]))
    if (value) raw[key] = value
  }
  for (const field of ['created', 'updated', 'comments', 'report-no', 'msc-class', 'acm-class', 'license']) {
    const value = cleanText(textOf(meta[field]))
    if (value) raw[field] = value
  }
  if (cleanText(textOf(meta['doi']))?.includes(' ')) raw['dois'] = cleanText(textOf(meta['doi']))

  return {
    record: createSourceRecord({
      source: ARXIV_OAI_SOURCE,
      key: id,
      locator: arxivAbsUrl(id),
      fetchedAt: ctx.fetchedAt,
      title,
      abstract,
      authors,
      date,
      categories,
      venue: cleanText(textOf(meta['journal-ref'])),
      ids: doi ? { arxiv: id, doi } : { arxiv: id },
      url: arxivAbsUrl(id),
      raw,
    }),
  }
}

// ---------------------------------------------------------------------------------------------------------

function rejected(ctx: ParseContext, field: string, code: ImportIssue['code'], message: string): ImportIssue {
  return { severity: 'rejected', source: ctx.input, field, code, message }
}

function warning(ctx: ParseContext, field: string, code: ImportIssue['code'], message: string): ImportIssue {
  return { severity: 'warning', source: ctx.input, field, code, message }
}

function duplicate(ctx: ParseContext, key: string, index: number): ImportIssue {
  return {
    severity: 'rejected',
    source: ctx.input,
    field: 'id',
    code: 'DUPLICATE_ENTRY',
    message: `${key} appears twice in one page; kept the first (entry ${index + 1})`,
  }
}

function unique(values: Array<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => v !== null && v !== ''))]
}

/** Warnings for an element an entry should have once but repeats (two `<title>`s): the first is read. */
function repeatedElements(
  ctx: ParseContext,
  entry: { source: string; id: string; where: string },
  elements: Record<string, { count: number }>,
): ImportIssue[] {
  return Object.entries(elements)
    .filter(([, { count }]) => count > 1)
    .map(([name, { count }]) =>
      warning(
        ctx,
        name,
        'INVALID_VALUE',
        `${entry.source}: ${entry.id} has ${count} <${name}> elements; kept the first (${entry.where})`,
      ),
    )
}

/** Warnings for an entry stored without a readable date or without authors: it is kept, and the reader told. */
function incompleteEntry(
  ctx: ParseContext,
  entry: { source: string; id: string; where: string },
  dated: { field: string; text: string | null | undefined; date: unknown },
  authors: { field: string; count: number },
): ImportIssue[] {
  const { source, id, where } = entry
  const issues: ImportIssue[] = []
  if (!dated.date)
    issues.push(
      warning(
        ctx,
        dated.field,
        dated.text ? 'INVALID_VALUE' : 'MISSING_FIELD',
        dated.text
          ? `${source}: ${id} has an unreadable <${dated.field}> date (${JSON.stringify(dated.text)}); stored without a date (${where})`
          : `${source}: ${id} has no <${dated.field}> date; stored without a date (${where})`,
      ),
    )
  if (authors.count === 0)
    issues.push(
      warning(
        ctx,
        authors.field,
        'MISSING_FIELD',
        `${source}: ${id} has no <author>; stored without authors (${where})`,
      ),
    )
  return issues
}
