/** @module Previous / next page links that keep the other URL parameters. */
import { Link, useLocation } from 'react-router-dom'
import { landOn } from '../navigation.js'

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
