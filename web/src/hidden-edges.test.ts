import { describe, expect, it } from 'vitest'
import { hiddenWidths } from './hidden-edges.js'

describe('the widths a sideways-scrolling row hides', () => {
  it('hides at the right only before it is scrolled, at both edges between, at the left only at its end', () => {
    expect(hiddenWidths({ scrollLeft: 0, scrollWidth: 600, clientWidth: 360 })).toEqual({
      left: 0,
      right: 240,
    })
    expect(hiddenWidths({ scrollLeft: 100, scrollWidth: 600, clientWidth: 360 })).toEqual({
      left: 100,
      right: 140,
    })
    expect(hiddenWidths({ scrollLeft: 240, scrollWidth: 600, clientWidth: 360 })).toEqual({
      left: 240,
      right: 0,
    })
  })

  it('hides nothing in a row that fits, nor a fraction of a pixel left by a zoomed scroll', () => {
    expect(hiddenWidths({ scrollLeft: 0, scrollWidth: 300, clientWidth: 360 })).toEqual({ left: 0, right: 0 })
    expect(hiddenWidths({ scrollLeft: 239.4, scrollWidth: 600, clientWidth: 360 })).toEqual({
      left: 239.4,
      right: 0,
    })
  })
})
