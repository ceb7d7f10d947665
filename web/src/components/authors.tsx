/** @module An author line: linked names, "et al." where a source cut the list. */
import { Fragment } from 'react'
import { Link } from 'react-router-dom'
import type { AuthorRef } from '../api.js'
import { authorsShown } from '../format.js'

export function AuthorLine({ authors, truncated, max = 6 }: { authors: AuthorRef[]; truncated: boolean; max?: number }) {
  if (authors.length === 0) return <span className="muted">Authors unknown</span>
  const { shown, more } = authorsShown(authors, max)
  return (
    <span className="author-line">
      {shown.map((a, i) => (
        <Fragment key={a.id}>
          {i > 0 && ', '}
          <Link to={`/authors/${encodeURIComponent(a.id)}`}>{a.name}</Link>
        </Fragment>
      ))}
      {more > 0 && <span className="muted"> +{more} more</span>}
      {truncated && (
        <>
          {' '}
          <abbr className="muted" title="The source listed only the first authors">
            et al.
          </abbr>
        </>
      )}
    </span>
  )
}
