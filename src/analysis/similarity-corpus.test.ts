/** Similar papers on the real corpus: the awesome list's papers, with the paper vectors fitted on them. */
import { describe, expect, it } from 'vitest'
import { awesomeListRecords } from '../../test/support/corpus-records.js'
import { createSimilarPapers, createVectorIndex, indexEntry } from './similarity.js'
import { prepareText } from './text.js'
import { fitVectorModel } from './vectors.js'

const records = awesomeListRecords()
const docs = records.map((r) => prepareText({ title: r.title ?? '', text: r.digest?.text ?? '' }))
const model = fitVectorModel(docs, { dimensions: 100 })
const papers = createSimilarPapers(
  createVectorIndex(
    records.map((_, i) => indexEntry(model, String(i), docs[i]!)),
    { embedder: `lsa-${model.dimensions}` },
  ),
  model,
)

describe('similar papers on the awesome list', () => {
  it('reads `descent` by its compound: a coordinate-descent text is not put beside the double-descent papers for it', () => {
    expect(model.heads?.bound).toContain('descent')
    const found = papers.similarToText({ title: 'Coordinate Descent for Sparse Regression', text: 'We analyse coordinate descent for lasso regression and prove linear convergence.' }, 5)
    const doubleDescent = found.filter((r) => records[Number(r.paperId)]?.topics.includes('Deep Double Descent'))
    // Before, four of the five were double-descent papers, each shown as sharing `descent`.
    expect(doubleDescent.length, found.map((r) => records[Number(r.paperId)]?.title).join(' / ')).toBeLessThan(2)
    for (const r of found) expect(r.why.map((w) => w.label.toLowerCase())).not.toContain('descent')
  })

  it('still puts double-descent papers beside each other by their `descent`', () => {
    const found = papers.similarToText({ title: 'Double descent in random feature regression', text: 'We show that the test error of random feature regression shows double descent as the width grows.' }, 5)
    expect(found.filter((r) => records[Number(r.paperId)]?.topics.includes('Deep Double Descent')).length).toBeGreaterThanOrEqual(4)
  })
})
