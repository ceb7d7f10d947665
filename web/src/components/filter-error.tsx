/**
 * @module A filter in the URL the server refused (an unknown topic, years the wrong way round): its message and
 * a link to the same list without it, instead of a "Try again" that would only fail again.
 */
import { Link } from 'react-router-dom'
import type { ApiError, ErrorIssue } from '../api.js'

/** The URL parameters a refused field stands for: a year range goes as a whole. */
function paramsOf(field: string): string[] {
  return field === 'year_from' || field === 'year_to' ? ['year_from', 'year_to'] : [field]
}

function labelOf(field: string): string {
  return field === 'year_from' || field === 'year_to' ? 'year' : field
}

/** What a refused parameter is called in a sentence about it. */
const SUBJECT: Record<string, string> = { year_from: 'first year', year_to: 'last year', keyword: 'key word' }

function subjectOf(field: string): string {
  return SUBJECT[field] ?? field
}

/** A bound as the page writes it: a year as it is (3000), a count with its thousands (10,000). */
function bound(field: string, limit: number): string {
  return field === 'year_from' || field === 'year_to' ? String(limit) : limit.toLocaleString('en')
}

/**
 * What is wrong with a refused filter, in the page's words, from the API's `issue` (its fault as data: no value
 * the library has, a number past a bound, …) and the parameter's name: the API's own sentence names parameters
 * and API paths a reader of a page can do nothing with. A refusal without an issue says only that the filter is
 * not valid. filter-error.test.ts asks a real server for each refusal a page's URL can bring about.
 * @example filterMessage('topic', { kind: 'unknown_value', value: 'nope' }) // 'No topic “nope” in this library.'
 */
export function filterMessage(field: string, issue: ErrorIssue | undefined): string {
  const subject = subjectOf(field)
  const limit = issue?.limit === undefined ? '' : bound(field, issue.limit)
  switch (issue?.kind) {
    case 'unknown_value': {
      const has = issue.known && issue.known.length > 0 ? `; it has ${issue.known.join(', ')}` : ''
      return `No ${subject} “${issue.value ?? ''}” in this library${has}.`
    }
    case 'not_integer':
      return `The ${subject} must be a whole number.`
    case 'not_number':
      return `The ${subject} must be a number.`
    case 'not_boolean':
      return `The ${subject} must be true or false.`
    case 'too_small':
      return `The ${subject} must be ${limit} or more.`
    case 'too_large':
      return `The ${subject} must be ${limit} or less.`
    case 'too_long':
      return `The ${subject} must be at most ${limit} characters long.`
    case 'empty':
      return `The ${subject} must not be empty.`
    case 'not_one_of':
      return `The ${subject} must be one of ${(issue.known ?? []).join(', ')}.`
    case 'required':
      return `The ${subject} is missing.`
    case 'repeated':
      return `The ${subject} is in the address ${issue.count ?? 'several'} times; keep one.`
    case 'before':
      return `The ${subject} must not be before the ${subjectOf(issue.other ?? '')}.`
    default:
      return `The ${subject} is not valid.`
  }
}

/** The URL parameter a 400 answer blames, when it is one of `filters` (the page's own parameters). */
export function refusedFilter(error: ApiError | null, filters: readonly string[]): string | null {
  if (!error || error.status !== 400 || !error.field) return null
  return filters.includes(error.field) ? error.field : null
}

/** `pathname?query` without `fields` (and their partners) and back on the first page. */
export function urlWithout(pathname: string, params: URLSearchParams, fields: readonly string[]): string {
  const next = new URLSearchParams(params)
  for (const field of fields) for (const p of paramsOf(field)) next.delete(p)
  next.delete('page')
  const qs = next.toString()
  return `${pathname}${qs ? `?${qs}` : ''}`
}

/**
 * The server's message about the refused `field`, and a link to the list without it.
 * @example {field && <FilterError error={feed.error} field={field} clearTo={urlWithout('/', params, [field])} />}
 */
export function FilterError({ error, field, clearTo }: { error: ApiError; field: string; clearTo: string }) {
  const isPage = field === 'page'
  return (
    <div className="state state-error" role="alert" data-testid="filter-error">
      <p className="state-title">{isPage ? 'There is no such page' : `The ${labelOf(field)} filter is not valid`}</p>
      <p>{filterMessage(field, error.issue)}</p>
      <p>
        <Link to={clearTo} data-testid="clear-filter">
          {isPage ? 'Back to the first page' : `Remove the ${labelOf(field)} filter`}
        </Link>
      </p>
    </div>
  )
}
