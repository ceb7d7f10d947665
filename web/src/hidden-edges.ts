/** @module How far a sideways-scrolling row's content reaches past each edge, kept as CSS variables to fade by. */

/** Scroll measures of an element, as the DOM gives them. */
export type ScrollBox = Pick<Element, 'scrollLeft' | 'scrollWidth' | 'clientWidth'>

/**
 * How far the content reaches past the left and the right edge, in CSS pixels (0 where nothing is hidden).
 * @example hiddenWidths({ scrollLeft: 40, scrollWidth: 600, clientWidth: 360 }) // { left: 40, right: 200 }
 */
export function hiddenWidths({ scrollLeft, scrollWidth, clientWidth }: ScrollBox): {
  left: number
  right: number
} {
  const left = Math.max(0, scrollLeft)
  const right = Math.max(0, scrollWidth - clientWidth - scrollLeft)
  // Under a pixel is rounding (a zoomed page scrolls in fractions), not content.
  return { left: left < 1 ? 0 : left, right: right < 1 ? 0 : right }
}

/**
 * A ref callback that keeps `--hidden-left` and `--hidden-right` (px, see {@link hiddenWidths}) on an element
 * that scrolls sideways, so its stylesheet fades just the edges that hide something; `changed` hears them too.
 * @example <div className="facet-group" ref={trackHiddenEdges}>
 */
export function trackHiddenEdges(element: HTMLElement | null, changed?: (hidden: { left: number; right: number }) => void): (() => void) | undefined {
  if (!element) return undefined
  const update = () => {
    const hidden = hiddenWidths(element)
    element.style.setProperty('--hidden-left', `${hidden.left}px`)
    element.style.setProperty('--hidden-right', `${hidden.right}px`)
    changed?.(hidden)
  }
  // What is hidden changes with the row's width and its content's too (more facets, a font loaded), not only on scroll.
  const unwatch = watchScrollBox(element, update)
  element.addEventListener('scroll', update, { passive: true })
  update()
  return () => {
    unwatch()
    element.removeEventListener('scroll', update)
  }
}

/**
 * Calls `changed` when an element's box or a child's changes size, or children come and go (anywhere inside with
 * `subtree`: a chart drawn into a child): whatever can change how far it scrolls sideways. Returns the undo.
 * @example const unwatch = watchScrollBox(row, () => measure(row))
 */
export function watchScrollBox(element: HTMLElement, changed: () => void, { subtree = false } = {}): () => void {
  const resized = new ResizeObserver(changed)
  const observeAll = () => {
    resized.disconnect()
    resized.observe(element)
    for (const child of element.children) resized.observe(child)
  }
  const added = new MutationObserver(() => {
    observeAll()
    changed()
  })
  observeAll()
  added.observe(element, { childList: true, subtree })
  return () => {
    resized.disconnect()
    added.disconnect()
  }
}
