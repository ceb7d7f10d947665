import { describe, expect, it } from 'vitest'
import { topicChipText } from './chips.js'

describe('what a topic chip says', () => {
  it('names what a predicted topic’s number is, on screen and in words', () => {
    expect(topicChipText({ label: 'Others', origin: 'predicted', confidence: 0.62 })).toEqual({
      note: '· predicted 62%',
      name: 'Others, predicted topic, 62% confidence',
    })
    expect(topicChipText({ label: 'Neural Collapse', origin: 'predicted', confidence: 1 }).name).toBe('Neural Collapse, predicted topic, over 99% confidence')
    expect(topicChipText({ label: 'Others', origin: 'predicted', confidence: null })).toEqual({ note: '· predicted', name: 'Others, predicted topic' })
  })

  it('says a curated topic is curated, with no number', () => {
    expect(topicChipText({ label: 'Grokking', origin: 'curated', confidence: null })).toEqual({ note: null, name: 'Grokking (curated)' })
  })
})
