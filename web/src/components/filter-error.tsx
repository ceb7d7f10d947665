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
      <p>{error.message}</p>
      <p>
        <Link to={clearTo} data-testid="clear-filter">
          {isPage ? 'Go to the first page' : `Remove the ${labelOf(field)} filter`}
        </Link>
      </p>
    </div>
  )
}
