/**
 * @module Scroll and focus on navigation: a new page starts at the top with focus on its content (or on the
 * element it marks `data-autofocus`), Back and Forward return to where each history entry was scrolled, and a
 * link can ask to land on an element of the same page (a list's heading, for pagination).
 */
import { useEffect, useLayoutEffect, useRef } from 'react'
import { useLocation, useNavigationType } from 'react-router-dom'

/** Scroll positions by history entry (`location.key`). */
const positions = new Map<string, number>()
const STORAGE_KEY = 'paperscope:scroll-positions'
const MAX_POSITIONS = 200
/** How long Back waits for the page's data to make it tall enough to scroll back to where it was. */
const RESTORE_WAIT_MS = 3000
/** Any of these stops a restore in progress: the reader has started moving on their own. */
const USER_INPUT = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const

/** Navigation state a link passes (`<Link state={landOn(id)}>`) to land on an element of the page it opens. */
export interface LandOnState {
  landOn: string
}

/**
 * State for a link whose target should be scrolled into view and focused after navigating, even when only
 * the query string changes (the page stays mounted and would otherwise keep its scroll position).
 * @example <Link to="?page=2" state={landOn('results-title')}>Next</Link>
 */
export function landOn(id: string): LandOnState {
  return { landOn: id }
}

function landOnTarget(state: unknown): string | null {
  return typeof state === 'object' && state !== null && typeof (state as Partial<LandOnState>).landOn === 'string' ? (state as LandOnState).landOn : null
}

/** Height the sticky header covers at the top of the window (0 when it is not sticky, as on phones). */
function headerOffset(): number {
  const header = document.querySelector('.site-header')
  if (!header || getComputedStyle(header).position !== 'sticky') return 0
  return header.getBoundingClientRect().height
}

/** Where the window's top goes for `element` to sit just under the header. */
function landingY(element: HTMLElement): number {
  return Math.max(0, window.scrollY + element.getBoundingClientRect().top - headerOffset() - 12)
}

/** Longest a landing holds its element in place while the page fills (a slow connection's data). */
const LANDING_HOLD_MS = 10_000

/**
 * Focuses `element` and scrolls it to just under the header: on a new page always (the feed's heading sits under
 * the home page's search and topics, which fill a phone's window), and again whenever it moves (the page's data
 * arriving above it, or below it when the page was too short to scroll so far), until anything else scrolls the
 * window (the reader, a screen reader, the page's own code), the reader presses a key, clicks or touches, or
 * {@link LANDING_HOLD_MS} pass; on the same page only when it is above the window's top (a list's heading after its
 * pagination links at the bottom). Returns a cancel.
 */
function landOnElement(element: HTMLElement, { newPage }: { newPage: boolean }): () => void {
  if (!element.hasAttribute('tabindex') && !element.matches('a[href], button, input, select, textarea')) element.tabIndex = -1
  element.focus({ preventScroll: true })
  if (!newPage) {
    if (element.getBoundingClientRect().top < headerOffset()) window.scrollTo(0, landingY(element))
    return () => undefined
  }
  // The browser's own scroll anchoring would move the window as content loads above; this landing does that here,
  // and any other move means someone else scrolled.
  const root = document.documentElement
  // Chromium reads it from the body, the specification from the root: both, put back as they were.
  const anchoring = [root.style.overflowAnchor, document.body.style.overflowAnchor]
  root.style.overflowAnchor = 'none'
  document.body.style.overflowAnchor = 'none'
  const started = performance.now()
  let frame = 0
  // Where this landing left the window.
  let placed = window.scrollY
  const stop = () => {
    cancelAnimationFrame(frame)
    root.style.overflowAnchor = anchoring[0] ?? ''
    document.body.style.overflowAnchor = anchoring[1] ?? ''
    for (const type of USER_INPUT) window.removeEventListener(type, stop)
  }
  const hold = () => {
    const bottom = root.scrollHeight - window.innerHeight
    // Moved by someone else; a page that got shorter (a loading note gone) pulling the window up is not that.
    if (Math.abs(window.scrollY - placed) > 2 && !(window.scrollY < placed && window.scrollY >= bottom - 2)) return stop()
    const y = Math.min(landingY(element), Math.max(0, bottom))
    if (Math.abs(window.scrollY - y) > 1) window.scrollTo(0, y)
    placed = window.scrollY
    if (performance.now() - started > LANDING_HOLD_MS) stop()
    else frame = requestAnimationFrame(hold)
  }
  for (const type of USER_INPUT) window.addEventListener(type, stop, { passive: true })
  hold()
  return stop
}

/** The element a page asks to be landed on when it opens (`data-landing`: the feed's heading when a filter is set). */
function pageLanding(): HTMLElement | null {
  return document.querySelector<HTMLElement>('#main [data-landing]')
}

/** Focus for a new page: the element the page marks (its search box), else the content, so Tab starts there. */
function focusContent(): void {
  const main = document.getElementById('main')
  const target = main?.querySelector<HTMLElement>('[data-autofocus]') ?? main
  target?.focus({ preventScroll: true })
}

/** The link a reader left each history entry by (its href), so Back gives a keyboard reader their place too. */
const leftBy = new Map<string, string>()

/** Focuses the link `href` in the content once it is there (its data may still be loading), without scrolling. */
function refocus(href: string): () => void {
  const started = performance.now()
  let frame = 0
  const attempt = () => {
    const link = [...document.querySelectorAll<HTMLAnchorElement>('#main a[href]')].find((a) => a.getAttribute('href') === href)
    if (link) link.focus({ preventScroll: true })
    else if (performance.now() - started < RESTORE_WAIT_MS) frame = requestAnimationFrame(attempt)
  }
  attempt()
  return () => cancelAnimationFrame(frame)
}

/** Scrolls to `y` as soon as the page is tall enough (its data may still be loading); returns a cancel. */
function restoreScroll(y: number): () => void {
  const started = performance.now()
  let frame = 0
  const stop = () => {
    cancelAnimationFrame(frame)
    for (const type of USER_INPUT) window.removeEventListener(type, stop)
  }
  const attempt = () => {
    const max = document.documentElement.scrollHeight - window.innerHeight
    window.scrollTo(0, Math.min(y, Math.max(0, max)))
    if (max >= y || performance.now() - started > RESTORE_WAIT_MS) stop()
    else frame = requestAnimationFrame(attempt)
  }
  for (const type of USER_INPUT) window.addEventListener(type, stop, { passive: true })
  attempt()
  return stop
}

function loadPositions(): void {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]')
    if (!Array.isArray(stored)) return
    for (const entry of stored) if (Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number') positions.set(entry[0], entry[1])
  } catch {
    // Storage blocked or garbled: positions are a convenience, start without them.
  }
}

function savePositions(): void {
  try {
    // Not 'default': every entry opened from outside has that key.
    const kept = [...positions].filter(([key]) => key !== 'default').slice(-MAX_POSITIONS)
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(kept))
  } catch {
    // Storage full or blocked: a reload then starts at the top.
  }
}

/** True when Back or Forward will put this history entry back where the reader had scrolled it. */
export function hasSavedPosition(key: string): boolean {
  return positions.has(key)
}

/** Rendered once inside the router: does the scrolling and focusing every navigation needs. */
export function ScrollAndFocus() {
  const location = useLocation()
  const navigationType = useNavigationType()
  const current = useRef<{ key: string; pathname: string } | null>(null)

  useEffect(() => {
    const save = () => {
      if (current.current) positions.set(current.current.key, window.scrollY)
    }
    // The link a reader follows out of the content (a click or Enter), noted before the page is replaced.
    const follow = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('#main a[href]') : null
      if (link && current.current) leftBy.set(current.current.key, link.getAttribute('href') ?? '')
    }
    window.addEventListener('click', follow, true)
    window.addEventListener('scroll', save, { passive: true })
    // Kept for the session, so Back after a reload or a visit to another site still finds its place.
    window.addEventListener('pagehide', savePositions)
    return () => {
      window.removeEventListener('scroll', save)
      window.removeEventListener('click', follow, true)
      window.removeEventListener('pagehide', savePositions)
    }
  }, [])

  // A layout effect: it runs before the browser paints the new page, so the page never shows at a wrong place.
  useLayoutEffect(() => {
    const previous = current.current
    current.current = { key: location.key, pathname: location.pathname }
    if (previous === null) {
      // The browser would restore on Back before the page has its data; restoreScroll does it after.
      history.scrollRestoration = 'manual'
      loadPositions()
      // A reload: back to where it was. The key of an entry opened from outside is 'default' and says nothing;
      // a #fragment is the browser's to scroll to.
      const y = location.key !== 'default' && !location.hash ? positions.get(location.key) : undefined
      if (y !== undefined) return restoreScroll(y)
      // A link opened in a new tab or shared: where the page asks to be landed on (a key word's feed: its heading).
      const landing = location.hash ? null : pageLanding()
      if (landing) return landOnElement(landing, { newPage: true })
      // A first page opened fresh: its own search box gets the keys.
      document.querySelector<HTMLElement>('#main [data-autofocus]')?.focus()
      return undefined
    }
    if (previous.key === location.key) return undefined
    const newPage = previous.pathname !== location.pathname
    if (navigationType === 'POP') {
      // Where the reader was, #fragment or not (scroll restoration is manual, so the browser would not do it).
      const y = positions.get(location.key)
      if (newPage) document.getElementById('main')?.focus({ preventScroll: true })
      const href = newPage ? leftBy.get(location.key) : undefined
      if (y !== undefined) {
        const stopScroll = restoreScroll(y)
        const stopFocus = href ? refocus(href) : () => undefined
        return () => {
          stopScroll()
          stopFocus()
        }
      }
      // Never scrolled (its place was the top), so no place was saved: the top, not the last page's place.
      if (newPage && !location.hash) window.scrollTo(0, 0)
      if (href) return refocus(href)
      if (location.hash) {
        document.getElementById(location.hash.slice(1))?.scrollIntoView()
        return undefined
      }
      return undefined
    }
    const target = landOnTarget(location.state)
    const element = target ? document.getElementById(target) : newPage ? pageLanding() : null
    if (element) return landOnElement(element, { newPage })
    if (newPage) {
      window.scrollTo(0, 0)
      focusContent()
    }
    // Otherwise a new query on the same page (typing, a facet): it keeps its place.
    return undefined
  }, [location.key])

  return null
}
