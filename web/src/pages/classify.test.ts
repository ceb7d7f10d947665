import { describe, expect, it } from 'vitest'
import { answerAnnouncement } from './classify.js'

describe('what the Classify page reads out when its answer arrives', () => {
  it('says what came, in counts that agree with their nouns', () => {
    expect(answerAnnouncement({ unsorted: false, topics: 1, keywords: 6, nearest: 8 })).toBe('Results below: 1 predicted topic, 6 key words, 8 nearest papers.')
    expect(answerAnnouncement({ unsorted: true, topics: 0, keywords: 1, nearest: 0 })).toBe('Results below: no topic (unsorted), 1 key word, 0 nearest papers.')
  })
})
