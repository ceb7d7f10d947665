/** @module An author line: linked names, "et al." where a source cut the list, then authors known from elsewhere. */
import { Fragment, useEffect, useId, useRef, useState } from 'react'
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

/**
 * The authors, the first `max` of them and how many more; `expandable` makes "+N more" a button that shows the rest
 * as links too (a paper's page: the people are what a reader came for; a card links to that page).
 */
export function AuthorLine({ authors, truncated, max = 6, expandable = false }: { authors: AuthorRef[]; truncated: boolean; max?: number; expandable?: boolean }) {
  const [expanded, setExpanded] = useState(false)
  const line = useRef<HTMLSpanElement>(null)
  const lineId = useId()
  // A reader who asked for the rest goes on reading at the first name it adds (the button comes after them all).
  useEffect(() => {
    if (expanded) line.current?.querySelectorAll<HTMLAnchorElement>('a')[max]?.focus()
  }, [expanded, max])
  if (authors.length === 0) return <span className="muted">Authors unknown</span>
  // A profile's owner the cut list did not reach has no known place in it: named after "et al.", not as the next author.
  const listed = authors.some((a) => a.listed) ? authors.filter((a) => a.listed) : authors
  const elsewhere = authors.filter((a) => !listed.includes(a))
  const cut = authorsShown(listed, max)
  const { shown, more } = expandable && expanded ? { shown: listed, more: 0 } : cut
  return (
    <span className="author-line" id={lineId} ref={line}>
      <AuthorLinks authors={shown} />
      {more > 0 && !expandable && <span className="muted"> +{more} more</span>}
      {expandable && cut.more > 0 && (
        <>
          {' '}
          <button type="button" className="link-button" aria-expanded={expanded} aria-controls={lineId} onClick={() => setExpanded((e) => !e)}>
            {expanded ? 'Show fewer' : `+${cut.more} more`}
          </button>
        </>
      )}
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
