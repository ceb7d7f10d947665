/** Key words read a word by the compound it heads, on a model fitted to the awesome list's curated key words. */
import { beforeAll, describe, expect, it } from 'vitest'
import { awesomeListKeywordModel, awesomeListRecords } from '../../test/support/corpus-records.js'
import { keywordTagProbabilities } from './keyword-tags.js'
import { extractKeywords, RANK_ALL, type KeywordModel, type KeywordNeighbour } from './keywords.js'
import { prepareText } from './text.js'

const DDD = 'Deep Double Descent'
const COORDINATE = { title: 'Coordinate Descent for Sparse Regression', text: 'We analyse coordinate descent for lasso regression and prove linear convergence.' }

describe('key words of a text that writes a word in another compound', () => {
  let model: KeywordModel
  // Similar papers that list the key word, as `classify` found them for the coordinate-descent text.
  let neighbours: KeywordNeighbour[]
  const shown = (title: string, text: string, options = {}) =>
    extractKeywords(model, prepareText({ title, text }), { neighbours, ...options }).map((k) => k.text)
  const share = (key: string) => (model.keywordFrequency[key] ?? 0) / (model.curatedDocuments ?? 1)

  beforeAll(() => {
    const records = awesomeListRecords()
    model = awesomeListKeywordModel(records)
    neighbours = records.filter((r) => r.keywords.includes(DDD)).slice(0, 4).map((r) => ({ similarity: 0.4, keywords: r.keywords }))
  })

  it('suggests no `Deep Double Descent` for Coordinate Descent for Sparse Regression: its `descent` supports nothing written `double descent`', () => {
    // Its topic, withheld (one word decides it), gives nothing (keywordEvidence); its similar papers suggest the key word.
    expect(shown(COORDINATE.title, COORDINATE.text)).not.toContain(DDD)
    expect(shown(COORDINATE.title, COORDINATE.text, RANK_ALL)).not.toContain(DDD)
    // Its classifier reads `coordinate descent` as next to no evidence: under the key word's share of curated papers.
    const p = (title: string, text: string) => keywordTagProbabilities(model.tags!, prepareText({ title, text })).get('deep double descent')!
    expect(p(COORDINATE.title, COORDINATE.text)).toBeLessThan(share('deep double descent'))
    // The key word's own compound supports it, the same similar papers suggest it, and its classifier is sure.
    const double = { title: 'Double Descent for Sparse Regression', text: 'We analyse double descent for lasso regression and prove it for linear models.' }
    expect(p(double.title, double.text)).toBeGreaterThan(0.5)
    expect(shown(double.title, double.text)).toContain(DDD)
  })

  it('counts a word of a suggestion as support only where the text writes it alone or in the suggestion’s compound', () => {
    const suggested = (text: string) => shown('Convergence rates for sparse regression', text, RANK_ALL).includes(DDD)
    // `descent` in `coordinate descent` or `mirror descent` only: no support.
    expect(suggested('We analyse coordinate descent and mirror descent for lasso regression.')).toBe(false)
    // `descent` on its own: a word of the key word, support as before.
    expect(suggested('We analyse the descent of the loss for lasso regression.')).toBe(true)
  })
})
