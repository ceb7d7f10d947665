/**
 * @module Scroll and focus on navigation: a new page starts at the top with focus on its content (or on the
 * element it marks `data-autofocus`), Back, Forward and a reload return to where each history entry was scrolled
 * (held there while its data fills the page), and a link can ask to land on an element of the same page (a list's
 * heading, for pagination).
 */
import { useEffect, useLayoutEffect, useRef } from 'react'
import { useLocation, useNavigationType } from 'react-router-dom'

/** Scroll positions by history entry (`location.key`). */
const positions = new Map<string, number>()
const STORAGE_KEY = 'paperscope:scroll-positions'
const MAX_POSITIONS = 200
/** How long Back waits for the page's data to bring the link the reader left by. */
const REFOCUS_WAIT_MS = 3000
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

/** Longest the window is held in place while the page fills (a slow connection's data). */
const HOLD_MS = 10_000

/**
 * Keeps the window's top at `place()` while the page fills: content arriving above would move what the reader
 * sees (the browser's scroll anchoring keeps whatever was on screen, which is the wrong thing while the page is
 * still growing into the layout `place` was measured on), and a page too short to scroll so far yet is scrolled
 * as far as it goes and then on as it grows. Holds until anything else scrolls the window (the reader, a screen
 * reader, the page's own code), the reader presses a key, clicks or touches, or {@link HOLD_MS} pass. Returns a
 * cancel.
 */
function holdWindowAt(place: () => number, { untilReached = false }: { untilReached?: boolean } = {}): () => void {
  // Scroll anchoring off meanwhile (it would move the window as content loads above; any other move means
  // someone else scrolled). Chromium reads it from the body, the specification from the root: both, put back.
  const root = document.documentElement
  const anchoring = [root.style.overflowAnchor, document.body.style.overflowAnchor]
  root.style.overflowAnchor = 'none'
  document.body.style.overflowAnchor = 'none'
  const started = performance.now()
  let frame = 0
  // Where this hold left the window.
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
    const y = Math.min(place(), Math.max(0, bottom))
    if (Math.abs(window.scrollY - y) > 1) window.scrollTo(0, y)
    placed = window.scrollY
    if (performance.now() - started > HOLD_MS || (untilReached && Math.abs(window.scrollY - place()) <= 1)) stop()
    else frame = requestAnimationFrame(hold)
  }
  for (const type of USER_INPUT) window.addEventListener(type, stop, { passive: true })
  hold()
  return stop
}

/**
 * Focuses `element` and scrolls it to just under the header: on a new page always, held there while the page fills
 * ({@link holdWindowAt}: the feed's heading sits under the home page's search and topics, which fill a phone's
 * window and load after it); on the same page only when it is above the window's top (a list's heading after its
 * pagination links at the bottom). Returns a cancel.
 */
function landOnElement(element: HTMLElement, { newPage }: { newPage: boolean }): () => void {
  if (!element.hasAttribute('tabindex') && !element.matches('a[href], button, input, select, textarea')) element.tabIndex = -1
  element.focus({ preventScroll: true })
  if (newPage) return holdWindowAt(() => landingY(element))
  if (element.getBoundingClientRect().top < headerOffset()) window.scrollTo(0, landingY(element))
  return () => undefined
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
    else if (performance.now() - started < REFOCUS_WAIT_MS) frame = requestAnimationFrame(attempt)
  }
  attempt()
  return () => cancelAnimationFrame(frame)
}

/**
 * Back where the reader was: `y` was measured on the page as it was then, whole. After a reload the page fills
 * from nothing, so the window is held there while its data arrives ({@link holdWindowAt}), not left where the
 * browser's anchoring takes it when a part above arrives last. On Back or Forward in the app the page shows its
 * cached data at once, so the hold ends as soon as the window is there: what the server sends fresh (a paper added
 * above) is then the anchoring's to follow, keeping the reader's card in place. Returns a cancel.
 */
function restoreScroll(y: number, { reload }: { reload: boolean }): () => void {
  return holdWindowAt(() => y, { untilReached: !reload })
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
    const kept = [...positions].slice(-MAX_POSITIONS)
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(kept))
  } catch {
    // Storage full or blocked: a reload then starts at the top.
  }
}

/**
 * What a history entry's place is kept under. Every entry opened from outside (typed, a bookmark, another site's
 * link, a new tab) has the router's key 'default', so such an entry is told apart by its address.
 */
function entryKey(location: { key: string; pathname: string; search: string }): string {
  return location.key === 'default' ? `default ${location.pathname}${location.search}` : location.key
}

/** True when this document was loaded again (a reload) or by Back or Forward from another site, not freshly opened. */
function documentReturned(): boolean {
  const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
  return entry?.type === 'reload' || entry?.type === 'back_forward'
}

/** The entry whose place was last put back (see {@link restoresPlace}). */
let restoredEntry: string | null = null

/** True when this history entry is being put back where the reader had scrolled it (Back, Forward, a reload). */
export function restoresPlace(location: { key: string; pathname: string; search: string }): boolean {
  return restoredEntry === entryKey(location)
}

/** Rendered once inside the router: does the scrolling and focusing every navigation needs. */
export function ScrollAndFocus() {
  const location = useLocation()
  const navigationType = useNavigationType()
  /** The entry shown: its {@link entryKey} and path. */
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
    const key = entryKey(location)
    current.current = { key, pathname: location.pathname }
    restoredEntry = null
    const restore = (y: number) => {
      restoredEntry = key
      return restoreScroll(y, { reload: previous === null })
    }
    if (previous === null) {
      // The browser would restore on Back before the page has its data; restoreScroll does it after.
      history.scrollRestoration = 'manual'
      loadPositions()
      // A reload, or Back from another site: where it was, #fragment or not, as a browser restores. An entry
      // opened from outside is known by its address, so only when this document came back, not opened anew.
      const y = location.key !== 'default' || documentReturned() ? positions.get(key) : undefined
      if (y !== undefined) return restore(y)
      // A link opened in a new tab or shared: where the page asks to be landed on (a key word's feed: its heading).
      const landing = location.hash ? null : pageLanding()
      if (landing) return landOnElement(landing, { newPage: true })
      // A first page opened fresh: its own search box gets the keys.
      document.querySelector<HTMLElement>('#main [data-autofocus]')?.focus()
      return undefined
    }
    if (previous.key === key) return undefined
    const newPage = previous.pathname !== location.pathname
    if (navigationType === 'POP') {
      // Where the reader was, #fragment or not (scroll restoration is manual, so the browser would not do it).
      const y = positions.get(key)
      if (newPage) document.getElementById('main')?.focus({ preventScroll: true })
      const href = newPage ? leftBy.get(key) : undefined
      if (y !== undefined) {
        const stopScroll = restore(y)
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
