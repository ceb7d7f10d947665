/** Similar papers' key words as evidence: the nearest papers weigh most. */
import { describe, expect, it } from 'vitest'
import { extractKeywords, fitKeywordModel, neighbourScores, RANK_ALL } from './keywords.js'
import { prepareText } from './text.js'

// One paper at 0.9 lists `Spectral Bias`; two at 0.5 list `Benign Overfitting`. Weighed by similarity, the two
// middling papers outvote the nearest (0.47 against 0.53); weighed by its square, the nearest leads (0.62 against 0.38).
const NEIGHBOURS = [
  { similarity: 0.9, keywords: ['Spectral Bias'] },
  { similarity: 0.5, keywords: ['Benign Overfitting'] },
  { similarity: 0.5, keywords: ['Benign Overfitting'] },
]

describe('neighbourScores', () => {
  it('weighs each similar paper by its similarity squared, as shares that sum to one', () => {
    const scores = neighbourScores([
      { similarity: 0.8, keywords: ['Neural Collapse'] },
      { similarity: 0.4, keywords: ['Lottery Ticket Hypothesis', 'Pruning'] },
    ])
    expect(scores.get('neural collapse')?.score).toBeCloseTo(0.8, 10)
    expect(scores.get('lottery ticket hypothesis')?.score).toBeCloseTo(0.2, 10)
    expect(scores.get('pruning')?.score).toBeCloseTo(0.2, 10)
    expect(scores.get('neural collapse')?.display).toBe('Neural Collapse')
  })

  it('lets the nearest paper outweigh two middling ones that agree', () => {
    const scores = neighbourScores(NEIGHBOURS)
    expect(scores.get('spectral bias')?.score).toBeCloseTo(0.81 / 1.31, 10)
    expect(scores.get('benign overfitting')?.score).toBeCloseTo(0.5 / 1.31, 10)
  })

  it('gives nothing without similar papers or with none similar at all', () => {
    expect(neighbourScores([]).size).toBe(0)
    expect(neighbourScores([{ similarity: 0, keywords: ['Neural Collapse'] }]).size).toBe(0)
  })
})

describe('key words suggested by similar papers', () => {
  it('ranks the nearest paper’s key word above one that two less similar papers list', () => {
    // The text writes a word of each (`spectral`, `benign`), so both are supported suggestions with the same features
    // but for their similar papers' shares.
    const doc = prepareText({ title: 'Spectral analysis of benign models', text: 'We give a spectral analysis of benign models trained on noisy labels and show when they generalize.' })
    const model = fitKeywordModel([{ doc }])
    const ranked = extractKeywords(model, doc, { ...RANK_ALL, minSuggestionScore: 0, neighbours: NEIGHBOURS })
    const score = (text: string): number => ranked.find((k) => k.text === text)?.score ?? Number.NaN
    expect(ranked.find((k) => k.text === 'Spectral Bias')?.inText).toBe(false)
    expect(score('Spectral Bias')).toBeGreaterThan(score('Benign Overfitting'))
  })
})
