/** @module Previous / next page links that keep the other URL parameters, and what a list says past its last page. */
import { Link, useLocation } from 'react-router-dom'
import { formatCount } from '../format.js'
import { landOn } from '../navigation.js'
import { Empty } from './states.js'

/**
 * What every list says when its URL asks for a page past its last (a link kept from a longer list, a number
 * typed): the same words on the feed, the search and the researchers.
 * @example pastLastPage(999, 62) // { title: 'There is no page 999', text: 'The last page is 62.' }
 */
export function pastLastPage(page: number, pages: number): { title: string; text: string } {
  return { title: `There is no page ${formatCount(page)}`, text: `The last page is ${formatCount(pages)}.` }
}

/**
 * A list's page past its last: {@link pastLastPage}'s words and a link to the first page, `firstPage` keeping the
 * list's other parameters (`urlWithout(pathname, params, ['page'])`).
 */
export function PastLastPage({ page, pages, firstPage }: { page: number; pages: number; firstPage: string }) {
  const { title, text } = pastLastPage(page, pages)
  return (
    <div role="status" data-testid="past-last-page">
      <Empty title={title}>
        <p>
          {text} <Link to={firstPage}>Back to the first page</Link>
        </p>
      </Empty>
    </div>
  )
}

/**
 * `headingId` names the list's heading (the content by default): a page change lands there, scrolled into view
 * and focused, since only the query string changes and the page would otherwise stay at the links at its bottom.
 */
export function Pagination({ page, pages, label = 'Pages', headingId = 'main' }: { page: number; pages: number; label?: string; headingId?: string }) {
  const location = useLocation()
  if (pages <= 1) return null
  const to = (p: number): string => {
    const params = new URLSearchParams(location.search)
    if (p === 1) params.delete('page')
    else params.set('page', String(p))
    const qs = params.toString()
    return `${location.pathname}${qs ? `?${qs}` : ''}`
  }
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <Link to={to(page - 1)} state={landOn(headingId)} rel="prev" className="button">
          ← Previous
        </Link>
      ) : (
        <span className="button disabled" aria-hidden="true">
          ← Previous
        </span>
      )}
      <span className="page-status">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link to={to(page + 1)} state={landOn(headingId)} rel="next" className="button">
          Next →
        </Link>
      ) : (
        <span className="button disabled" aria-hidden="true">
          Next →
        </span>
      )}
    </nav>
  )
}
