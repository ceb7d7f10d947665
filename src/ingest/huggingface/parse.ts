/**
 * @module Pure parser for Hugging Face daily papers (`/api/daily_papers`): arXiv papers with upvotes, the
 * day the paper was published (`publishedAt` → date) and the day it was listed (`submittedOnDailyAt` →
 * listedAt), and the AI summary as a digest written by the source's model.
 */
import {
  createSourceRecord,
  partialDateFromIso,
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
  parseJson,
  repairAuthorEncoding,
  repairEncoding,
  unreadablePayload,
} from '../source.js'

export const HUGGINGFACE_SOURCE = 'huggingface'

/** How many items a daily-papers page holds, for paging; or why it cannot be read. */
export function readDailyPapersCount(
  payload: string,
): { ok: true; items: number } | { ok: false; reason: string } {
  const json = parseJson(payload)
  if (!json.ok) return json
  return Array.isArray(json.value)
    ? { ok: true, items: json.value.length }
    : { ok: false, reason: 'expected a JSON array of daily papers' }
}

/** The paper's page on Hugging Face. */
export function huggingFacePaperUrl(id: string): string {
  return `https://huggingface.co/papers/${id}`
}

/**
 * Parses a daily-papers list (or one paper object from `/api/papers/{id}`).
 * @example parseHuggingFaceDaily(json, ctx).records[0].upvotes
 */
export function parseHuggingFaceDaily(payload: string, ctx: ParseContext): ParseResult {
  const json = parseJson(payload)
  if (!json.ok) return unreadablePayload(HUGGINGFACE_SOURCE, ctx, json.reason)
  const single = asObject(json.value)
  const items = Array.isArray(json.value)
    ? json.value
    : single && typeof single['id'] === 'string'
      ? [single]
      : null
  if (!items) return unreadablePayload(HUGGINGFACE_SOURCE, ctx, 'expected a JSON array of daily papers')

  const result = emptyParseResult()
  const seen = new Set<string>()
  items.forEach((item, index) => {
    result.entriesSeen++
    const outcome = itemToRecord(asObject(item), ctx, index, result.issues)
    if ('issue' in outcome) {
      result.issues.push(outcome.issue)
    } else if (seen.has(outcome.record.key)) {
      result.issues.push(
        rejected(
          ctx,
          'id',
          'DUPLICATE_ENTRY',
          `huggingface: ${outcome.record.key} is listed twice (item ${index + 1})`,
        ),
      )
    } else {
      seen.add(outcome.record.key)
      result.records.push(outcome.record)
    }
  })
  return result
}

function itemToRecord(
  item: Record<string, unknown> | null,
  ctx: ParseContext,
  index: number,
  issues: ImportIssue[],
): { record: SourceRecord } | { issue: ImportIssue } {
  // A list item wraps the paper (`{ paper, publishedAt, title, numComments, ... }`); a single paper is bare.
  const paper = asObject(item?.['paper']) ?? item
  const id = cleanText(paper?.['id'])
  if (!item || !paper || !id) {
    return {
      issue: rejected(ctx, 'paper.id', 'MISSING_FIELD', `huggingface: item ${index + 1} has no paper id`),
    }
  }
  // Papers' own metadata can carry HTML (`&amp;`, `<b>`): read as plain text.
  const rawTitle = cleanHtmlText(paper['title']) ?? cleanHtmlText(item['title'])
  const abstract = cleanHtmlText(paper['summary']) ?? cleanHtmlText(item['summary'])
  if (!rawTitle && !abstract) {
    return {
      issue: rejected(
        ctx,
        'paper.title',
        'MISSING_FIELD',
        `huggingface: ${id} has neither title nor summary (item ${index + 1})`,
      ),
    }
  }
  const where = `item ${index + 1}`
  const repair = { ctx, label: `${HUGGINGFACE_SOURCE}: ${id}`, where, issues }
  const title = repairEncoding(rawTitle, 'title', repair)
  const arxiv = normalizeArxivId(id)
  const publishedAt = cleanText(paper['publishedAt'])
  const date = partialDateFromIso(publishedAt)
  if (!date) {
    issues.push(
      warning(
        ctx,
        'paper.publishedAt',
        publishedAt ? 'INVALID_VALUE' : 'MISSING_FIELD',
        publishedAt
          ? `huggingface: ${id} has an unreadable publishedAt date (${JSON.stringify(publishedAt)}); stored without a date (${where})`
          : `huggingface: ${id} has no publishedAt date; stored without a date (${where})`,
      ),
    )
  }
  const listed = paper['authors']
  if (listed !== undefined && listed !== null && !Array.isArray(listed)) {
    issues.push(
      warning(
        ctx,
        'paper.authors',
        'INVALID_VALUE',
        `huggingface: ${id} has authors that are not a list (${typeof listed === 'string' ? `a string: ${JSON.stringify(listed)}` : typeof listed === 'object' ? 'an object' : `a ${typeof listed}`}); stored without authors (${where})`,
      ),
    )
  }
  const authors = repairAuthorEncoding(
    (Array.isArray(listed) ? listed : [])
      .map((a) => cleanHtmlText(asObject(a)?.['name']))
      .filter((n): n is string => n !== null),
    repair,
  )
  const aiSummary = cleanHtmlText(paper['ai_summary'])

  const raw: Record<string, unknown> = {}
  const numComments = countOrNull(item['numComments'])
  if (numComments !== null) raw['numComments'] = numComments
  for (const [from, to] of [
    ['githubRepo', 'githubRepo'],
    ['projectPage', 'projectPage'],
    ['ai_summary_model', 'aiSummaryModel'],
    ['discussionId', 'discussionId'],
  ] as const) {
    const value = cleanText(paper[from])
    if (value) raw[to] = value
  }
  const stars = countOrNull(paper['githubStars'])
  if (stars !== null) raw['githubStars'] = stars
  const keywords = Array.isArray(paper['ai_keywords'])
    ? paper['ai_keywords'].map(cleanText).filter(Boolean)
    : []
  if (keywords.length) raw['aiKeywords'] = keywords
  const organization = cleanText(asObject(paper['organization'] ?? item['organization'])?.['fullname'])
  if (organization) raw['organization'] = organization

  return {
    record: createSourceRecord({
      source: HUGGINGFACE_SOURCE,
      key: arxiv ?? id,
      locator: huggingFacePaperUrl(id),
      fetchedAt: ctx.fetchedAt,
      title,
      abstract,
      authors,
      date,
      listedAt: partialDateFromIso(cleanText(paper['submittedOnDailyAt'])),
      ids: arxiv ? { arxiv, hf: id } : { hf: id },
      digest: aiSummary ? { text: aiSummary, origin: 'source-model' } : null,
      upvotes: countOrNull(paper['upvotes']),
      url: huggingFacePaperUrl(id),
      raw,
    }),
  }
}

function rejected(ctx: ParseContext, field: string, code: ImportIssue['code'], message: string): ImportIssue {
  return { severity: 'rejected', source: ctx.input, field, code, message }
}

function warning(ctx: ParseContext, field: string, code: ImportIssue['code'], message: string): ImportIssue {
  return { severity: 'warning', source: ctx.input, field, code, message }
}
