import { describe, expect, it } from 'vitest'
import { SKLEARN_ENGLISH_STOP_WORDS } from './english-stop-words.js'
import { issueLsaLogisticRegression, sklearnWords } from './issue-baseline.js'

describe("the issue's scikit-learn baseline", () => {
  it('reads words as TfidfVectorizer(stop_words="english") does', () => {
    // Expected: scikit-learn 1.2.1's build_analyzer() on the same string.
    const text = "Grokking: Generalization Beyond Overfitting on Small Algorithmic Datasets. We show $N \\asymp d$ — naïve x2 3D co-operation isn't it's a_b can't"
    expect(sklearnWords(text)).toEqual(['grokking', 'generalization', 'overfitting', 'small', 'algorithmic', 'datasets', 'asymp', 'naïve', 'x2', '3d', 'operation', 'isn', 'a_b'])
    expect(SKLEARN_ENGLISH_STOP_WORDS.size).toBe(318)
  })

  it('learns topics from labelled texts and predicts them for unseen ones', () => {
    const train = [
      ...['winning tickets sparse subnetworks pruning', 'pruning at initialization finds lottery tickets', 'iterative magnitude pruning rewinds weights', 'sparse subnetworks train in isolation'].map(
        (text) => ({ text, topics: ['Lottery Ticket Hypothesis'] }),
      ),
      ...['test error peaks at the interpolation threshold', 'double descent in model size and epochs', 'interpolation threshold and overparameterization', 'epoch-wise double descent of test error'].map(
        (text) => ({ text, topics: ['Deep Double Descent'] }),
      ),
    ]
    const predict = issueLsaLogisticRegression(train, { dimensions: 4 })
    expect(predict('magnitude pruning of sparse winning tickets')).toBe('Lottery Ticket Hypothesis')
    expect(predict('test error near the interpolation threshold shows double descent')).toBe('Deep Double Descent')
  })
})
