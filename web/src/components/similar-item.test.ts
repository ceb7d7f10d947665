import { describe, expect, it } from 'vitest'
import { similarityLegend } from './similar-item.js'

const parts = (textSimilarity: number | null, topicAgreement: number | null) => ({
  textSimilarity,
  topicAgreement,
})

describe('the legend above similar papers', () => {
  it('says what wording and topics mean, topics only when some item has them, nothing when none has either', () => {
    expect(similarityLegend([parts(0.68, 0.91), parts(0.5, null)])).toBe(
      'Wording: how alike the two texts are worded. Topics: how much their topics agree, a rare topic counting more than a catch-all one. Similarity blends the two.',
    )
    expect(similarityLegend([parts(0.68, null)])).toBe('Wording: how alike the two texts are worded.')
    expect(similarityLegend([parts(null, null)])).toBeNull()
    expect(similarityLegend([])).toBeNull()
  })
})
