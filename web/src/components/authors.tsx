/** @module An author line: linked names, "et al." where a source cut the list, then authors known from elsewhere. */
import { Fragment } from 'react'
import { Link } from 'react-router-dom'
import type { AuthorRef } from '../api.js'
import { authorsShown } from '../format.js'

function AuthorLinks({ authors }: { authors: AuthorRef[] }) {
  return (
    <>
      {authors.map((a, i) => (
        <Fragment key={a.id}>
          {i > 0 && ', '}
          <Link to={`/authors/${encodeURIComponent(a.id)}`}>{a.name}</Link>
        </Fragment>
      ))}
    </>
  )
}

export function AuthorLine({ authors, truncated, max = 6 }: { authors: AuthorRef[]; truncated: boolean; max?: number }) {
  if (authors.length === 0) return <span className="muted">Authors unknown</span>
  // A profile's owner the cut list did not reach has no known place in it: named after "et al.", not as the next author.
  const listed = authors.some((a) => a.listed) ? authors.filter((a) => a.listed) : authors
  const elsewhere = authors.filter((a) => !listed.includes(a))
  const { shown, more } = authorsShown(listed, max)
  return (
    <span className="author-line">
      <AuthorLinks authors={shown} />
      {more > 0 && <span className="muted"> +{more} more</span>}
      {truncated && (
        <>
          {' '}
          <abbr className="muted" title="The source listed only the first authors">
            et al.
          </abbr>
        </>
      )}
      {elsewhere.length > 0 && (
        <span className="authors-elsewhere">
          {' '}
          <span className="muted" title="Authors of this paper by another source (a researcher's profile), whose place in the author list is unknown">
            (also:
          </span>{' '}
          <AuthorLinks authors={elsewhere} />
          <span className="muted">)</span>
        </span>
      )}
    </span>
  )
}
