/** @module Data hooks: fetch an API resource with loading/error state, debounce a value, set the page title. */
import { useEffect, useState } from 'react'
import { ApiError, getJson } from './api.js'

export type Resource<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ok'; data: T; error: null }
  | { status: 'error'; data: T | null; error: ApiError }

/** Recently fetched resources, so going back shows a page at once. */
const cache = new Map<string, unknown>()
const CACHE_SIZE = 40

function remember(path: string, value: unknown): void {
  cache.delete(path)
  cache.set(path, value)
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string)
}

/**
 * Loads `path` from the API (null loads nothing). While a new path loads, the previous data stays visible
 * (`status: 'loading'` with `data`), so lists do not flash empty between keystrokes.
 */
export function useApi<T>(path: string | null): Resource<T> & { reload: () => void } {
  const [state, setState] = useState<Resource<T>>(() => {
    const cached = path ? (cache.get(path) as T | undefined) : undefined
    return cached !== undefined ? { status: 'ok', data: cached, error: null } : { status: 'loading', data: null, error: null }
  })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (path === null) return
    const cached = cache.get(path) as T | undefined
    if (cached !== undefined && attempt === 0) {
      setState({ status: 'ok', data: cached, error: null })
      return
    }
    const controller = new AbortController()
    setState((s) => ({ status: 'loading', data: s.data, error: null }))
    getJson<T>(path, controller.signal).then(
      (data) => {
        remember(path, data)
        setState({ status: 'ok', data, error: null })
      },
      (err: unknown) => {
        if ((err as Error).name === 'AbortError') return
        const error = err instanceof ApiError ? err : new ApiError('CLIENT', (err as Error).message, 0)
        setState((s) => ({ status: 'error', data: s.data, error }))
      },
    )
    return () => controller.abort()
  }, [path, attempt])
  return { ...state, reload: () => setAttempt((n) => n + 1) }
}

/** `value`, settled for `ms` milliseconds. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(t)
  }, [value, ms])
  return settled
}

/** Sets the document title (plain text, so a paper title with `<` is harmless). */
export function useTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} · Paperscope` : 'Paperscope'
  }, [title])
}
