/** @module Data hooks: fetch an API resource with loading/error state, a choice kept in the URL, set the page title. */
import { useCallback, useEffect, useState } from 'react'
import { useLocation, useNavigate } from 'react-router-dom'
import { ApiError, getJson } from './api.js'
import { watchScrollBox } from './hidden-edges.js'

export type Resource<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ok'; data: T; error: null }
  | { status: 'error'; data: T | null; error: ApiError }

/** Recently fetched resources, so going back shows a page at once (and asks the server again behind it). */
const cache = new Map<string, unknown>()
const CACHE_SIZE = 40

function remember(path: string, value: unknown): void {
  cache.delete(path)
  cache.set(path, value)
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string)
}

/** The server's last answer and the path it answers, so data is never shown as another path's. */
type Answer<T> = { path: string; status: 'ok'; data: T } | { path: string; status: 'error'; error: ApiError }

/**
 * Loads `path` from the API (null loads nothing), stale-while-revalidate: a cached answer shows at once
 * (`status: 'ok'`) while the server is asked again, and the fresh answer replaces it. While a path with no
 * cached answer loads, the previous path's data stays visible (`status: 'loading'` with `data`), so lists do
 * not flash empty between keystrokes; an error never carries another path's data.
 * @example const feed = useApi<PaperList>(paths.papers({ page: 2 }))
 */
export function useApi<T>(path: string | null): Resource<T> & { reload: () => void } {
  const [answer, setAnswer] = useState<Answer<T> | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (path === null) return
    const controller = new AbortController()
    // A retry shows loading again, not the error it retries.
    setAnswer((a) => (a?.status === 'error' && a.path === path ? null : a))
    getJson<T>(path, controller.signal).then(
      (data) => {
        remember(path, data)
        setAnswer({ path, status: 'ok', data })
      },
      (err: unknown) => {
        if ((err as Error).name === 'AbortError') return
        const error = err instanceof ApiError ? err : new ApiError('CLIENT', (err as Error).message, 0)
        setAnswer({ path, status: 'error', error })
      },
    )
    return () => controller.abort()
  }, [path, attempt])
  const reload = () => setAttempt((n) => n + 1)
  if (path === null) return { status: 'loading', data: null, error: null, reload }
  const cached = cache.get(path) as T | undefined
  if (answer?.path === path) {
    return answer.status === 'ok'
      ? { status: 'ok', data: answer.data, error: null, reload }
      : { status: 'error', data: cached ?? null, error: answer.error, reload }
  }
  if (cached !== undefined) return { status: 'ok', data: cached, error: null, reload }
  return { status: 'loading', data: answer?.status === 'ok' ? answer.data : null, error: null, reload }
}

/** Sets the document title (plain text, so a paper title with `<` is harmless). */
export function useTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} · Paperscope` : 'Paperscope'
  }, [title])
}

/**
 * A choice a page keeps in its query string (`?sort=oldest`), so a reload or a shared link keeps it: the URL's
 * value when it is one of `choices`, else `fallback`. Setting it replaces the history entry (a way of showing
 * the page, not a place of its own: Back leaves the page, not the choice), keeps the rest of the query, and
 * writes no parameter for `fallback`. A #fragment goes: it was where the page was opened (`#sources`), and a
 * page that looks for it again on every new location (the paper page) would jump there at each change.
 * @example const [order, setOrder] = useQueryChoice('sort', ['newest', 'oldest'], 'newest')
 */
export function useQueryChoice<T extends string>(name: string, choices: readonly T[], fallback: T): [T, (next: T) => void] {
  const { pathname, search } = useLocation()
  const navigate = useNavigate()
  const raw = new URLSearchParams(search).get(name)
  const value = raw !== null && (choices as readonly string[]).includes(raw) ? (raw as T) : fallback
  const set = useCallback(
    (next: T) => {
      const params = new URLSearchParams(search)
      if (next === fallback) params.delete(name)
      else params.set(name, next)
      const query = params.toString()
      navigate({ pathname, search: query ? `?${query}` : '' }, { replace: true })
    },
    [fallback, name, navigate, pathname, search],
  )
  return [value, set]
}

/** Whether a media query matches, following changes (the screen turned, the system's colour scheme switched). */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => matchMedia(query).matches)
  useEffect(() => {
    const list = matchMedia(query)
    const update = () => setMatches(list.matches)
    update()
    list.addEventListener('change', update)
    return () => list.removeEventListener('change', update)
  }, [query])
  return matches
}

/** The system's colour scheme, following changes: the chart's colours are read once per drawing, so it redraws. */
export function useColorScheme(): 'dark' | 'light' {
  return useMediaQuery('(prefers-color-scheme: dark)') ? 'dark' : 'light'
}

/**
 * Whether an element's content is wider than the element (it scrolls sideways), following resizes and new
 * content. A scroll region takes a tab stop only then: one that scrolls nothing would be a stop that does nothing.
 * @example const [region, scrolls] = useScrollsSideways(); <div ref={region} tabIndex={scrolls ? 0 : undefined}>
 */
export function useScrollsSideways(): [(el: HTMLElement | null) => void, boolean] {
  const [el, setEl] = useState<HTMLElement | null>(null)
  const [scrolls, setScrolls] = useState(false)
  useEffect(() => {
    if (!el) return
    // A region keeps its tab stop while it has the focus: taking it away would drop the focus on the page.
    const update = () => setScrolls(el.scrollWidth > el.clientWidth + 1 || document.activeElement === el)
    // A chart is drawn, or a table filled, after the region appears.
    const unwatch = watchScrollBox(el, update, { subtree: true })
    el.addEventListener('focusout', update)
    update()
    return () => {
      unwatch()
      el.removeEventListener('focusout', update)
    }
  }, [el])
  return [setEl, scrolls]
}
