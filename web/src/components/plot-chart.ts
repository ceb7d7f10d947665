/**
 * @module What every Observable Plot chart of the app shares: Plot loaded on demand (pages without a chart do not
 * ship it), drawn again when the data, the label or the system's colour scheme change, one picture with one name
 * for a screen reader, and a failure state; and the theme's colours as SVG can take them.
 */
import { useEffect, useState, type RefObject } from 'react'
import { useColorScheme } from '../hooks.js'

type PlotModule = typeof import('@observablehq/plot')

/**
 * Draws `draw(Plot, el)` into `ref` whenever `key` (the data, serialised), `label` or the colour scheme change;
 * returns true once drawing failed (Plot could not be loaded, or threw).
 */
export function usePlot(ref: RefObject<HTMLDivElement | null>, key: string, label: string, draw: (Plot: PlotModule, el: HTMLDivElement) => Element | null): boolean {
  const [failed, setFailed] = useState(false)
  const scheme = useColorScheme()
  useEffect(() => {
    const el = ref.current
    if (!el) return
    let disposed = false
    let chart: Element | null = null
    void import('@observablehq/plot').then(
      (Plot) => {
        if (disposed) return
        try {
          chart = draw(Plot, el)
        } catch {
          setFailed(true)
          return
        }
        if (!chart) return
        // One picture with one name: Plot labels its parts (`bar`, `y-axis tick`) on <g>s with no role, which say
        // nothing to a screen reader; the numbers are in a table beside every chart.
        for (const part of chart.querySelectorAll('[aria-label], [aria-description]')) {
          part.removeAttribute('aria-label')
          part.removeAttribute('aria-description')
        }
        chart.setAttribute('role', 'img')
        chart.setAttribute('aria-label', label)
        el.replaceChildren(chart)
      },
      () => setFailed(true),
    )
    return () => {
      disposed = true
      chart?.remove()
    }
    // `draw` is a new function each render; what it draws is named by `key`.
  }, [key, label, scheme])
  return failed
}

/**
 * A theme colour (`--chart-1`) as the browser resolves it, `rgb(r, g, b)`: a custom property's own text can be
 * anything CSS takes (`#fff` once minified), which SVG attributes and the contrast arithmetic cannot read.
 */
export function themeColour(el: Element, name: string, fallback: string): string {
  const probe = document.createElement('span')
  probe.style.color = `var(${name}, ${fallback})`
  el.appendChild(probe)
  const colour = getComputedStyle(probe).color
  probe.remove()
  return colour || fallback
}
