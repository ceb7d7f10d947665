/** @module Loading, error and empty states shared by the pages. */
import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import type { ApiError } from '../api.js'

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  )
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  // A library imported with --no-analyze (or before its first analysis) has no models yet: a step to take, not a fault.
  const notAnalysed = error.code === 'NOT_ANALYSED'
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{notAnalysed ? 'This library has not been analysed yet' : error.status === 404 ? 'Not found' : 'Something went wrong'}</p>
      {notAnalysed ? (
        <p>
          Topics, key words, digests and similar papers come from its analysis: run <code>paperscope analyze</code>, then try again.
        </p>
      ) : (
        <p>{error.message}</p>
      )}
      {/* A refused request (4xx) fails the same way again; only a timeout or a rate limit is worth retrying. */}
      {onRetry && (error.status < 400 || error.status >= 500 || error.status === 408 || error.status === 429) && (
        <button
          type="button"
          className="button"
          onClick={(event) => {
            // The button goes away with the error: keep keyboard focus in the part of the page it stood in.
            const region = event.currentTarget.parentElement?.parentElement?.closest<HTMLElement>('section, article, main')
            onRetry()
            if (region) {
              if (!region.hasAttribute('tabindex')) region.tabIndex = -1
              region.focus({ preventScroll: true })
            }
          }}
        >
          Try again
        </button>
      )}
    </div>
  )
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children}
    </div>
  )
}

/**
 * A page with nothing to show at its URL (an unknown path, or a paper, researcher or topic id the library
 * does not have): says what was asked for and offers ways on, so a stale link is not a dead end.
 * `children` adds ways that fit the page (a search for the name, the topic list).
 */
export function NotFound({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty not-found" data-testid="not-found">
      <h1 className="state-title" tabIndex={-1}>
        {title}
      </h1>
      {children}
      <p>
        The link may be old or mistyped. Go to the <Link to="/">feed</Link> or <Link to="/search">search</Link>.
      </p>
    </div>
  )
}
