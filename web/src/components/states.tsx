/** @module Loading, error and empty states shared by the pages. */
import type { ReactNode } from 'react'
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
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{error.status === 404 ? 'Not found' : 'Something went wrong'}</p>
      <p>{error.message}</p>
      {onRetry && error.status !== 404 && (
        <button type="button" className="button" onClick={onRetry}>
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
