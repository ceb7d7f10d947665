import { describe, expect, it } from 'vitest'
import { titleSegments } from './presenters.js'

describe('presenters', () => {
  it("keeps the highlighted line that is the paper's title when the index holds several titles", () => {
    const segments = [
      { text: 'Grokking', match: true },
      { text: ' as a transition\nDroplets: ', match: false },
      { text: 'Grokking', match: true },
      { text: ' as a transition', match: false },
    ]
    expect(titleSegments(segments, 'Grokking as a transition')).toEqual([
      { text: 'Grokking', match: true },
      { text: ' as a transition', match: false },
    ])
    expect(titleSegments(segments, 'Another title')).toEqual([{ text: 'Another title', match: false }])
  })
})
