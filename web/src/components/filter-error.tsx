/**
 * @module A filter in the URL the server refused (an unknown topic, years the wrong way round): its message and
 * a link to the same list without it, instead of a "Try again" that would only fail again.
 */
import { Link } from 'react-router-dom'
import type { ApiError } from '../api.js'

/** The URL parameters a refused field stands for: a year range goes as a whole. */
function paramsOf(field: string): string[] {
  return field === 'year_from' || field === 'year_to' ? ['year_from', 'year_to'] : [field]
}

function labelOf(field: string): string {
  return field === 'year_from' || field === 'year_to' ? 'year' : field
}

/** What a refused parameter is called in a sentence about it. */
const SUBJECT: Record<string, string> = { year_from: 'first year', year_to: 'last year', keyword: 'key word' }

/**
 * The server's message about a refused filter, in the app's words: its wording is the API's (`parameter
 * "topic": …; give a topic id or label from /api/v1/topics`), which a reader of a page can do nothing with.
 * The API's error body holds only a code, the message and the parameter's name, so the message is rewritten;
 * filter-error.test.ts asks a real server for each message a page's URL can bring about, so a change of the
 * API's wording fails there instead of showing its text here.
 * @example filterMessage('topic', 'parameter "topic": no topic "nope" in this library; give a topic id or label from /api/v1/topics') // 'No topic “nope” in this library.'
 */
export function filterMessage(field: string, message: string): string {
  let text = message
    .replace(/^parameter "[^"]*":?\s*/, '')
    // The API's pointer to where its ids are listed: the page's own link to the list without the filter serves.
    .replace(/;\s*give [^;]*\/api\/v1\/\S*$/, '')
    .replace(/"year_from"/g, 'the first year')
    .replace(/"year_to"/g, 'the last year')
    .replace(/"([^"]*)"/g, '“$1”')
    // ajv's words for a number or a text out of bounds (the API passes them on after the parameter's name).
    .replace(/must be integer/, 'must be a whole number')
    .replace(/>= (\d+)/, '$1 or more')
    .replace(/<= (\d+)/, '$1 or less')
    .replace(/must NOT have more than (\d+) characters/, 'must be at most $1 characters long')
  if (/^(must|is) /.test(text)) text = `The ${SUBJECT[field] ?? field} ${text}`
  text = text.charAt(0).toUpperCase() + text.slice(1)
  return /[.!?]$/.test(text) ? text : `${text}.`
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
      <p>{filterMessage(field, error.message)}</p>
      <p>
        <Link to={clearTo} data-testid="clear-filter">
          {isPage ? 'Back to the first page' : `Remove the ${labelOf(field)} filter`}
        </Link>
      </p>
    </div>
  )
}
