/**
 * `classify` weighs a text's key-word evidence as `analyze` does: a text left unsorted though not off topic (one word
 * decided its topic, or none was confident) is near its similar papers by little, so a key word they suggest is shown
 * only where papers worded like it list it too (keywordEvidence's `unsorted`, keywords.ts). On the awesome list.
 */
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTempStore, type TempStore } from '../../test/support/temp-store.js'
import { analyzeNewPapers } from './analyze-library.js'
import { createTextClassifier, type TextClassifier } from './classify-texts.js'
import { importFiles } from './import-files.js'

const CORPUS = resolve(import.meta.dirname, '../../data/corpus')
const NOW = () => new Date('2026-11-29T12:00:00Z')

describe('classify on a text left unsorted', () => {
  let t: TempStore
  let classifier: TextClassifier

  beforeAll(async () => {
    t = await createTempStore(NOW)
    await importFiles(t.store, [join(CORPUS, 'awesome-deep-phenomena.txt')], { cwd: CORPUS, now: NOW })
    await analyzeNewPapers(t.store, { now: NOW })
    ;({ classifier } = await createTextClassifier(t.store))
  }, 120_000)
  afterAll(async () => t?.cleanup())

  it('suggests no key word that only its similar papers back (`Neural Tangent Kernel` for a feature-learning text)', async () => {
    const out = await classifier.classify({
      id: 'spectral',
      title: 'A Spectral Condition for Feature Learning',
      text: 'This abstract discusses the motivation to train larger neural networks and the importance of feature learning. It highlights that scaling the spectral norm of weight matrices and their updates is key to achieving feature learning. This approach differs from common heuristics based on Frobenius norm and entry size. The abstract also introduces the concept of "maximal update parametrization" and aims to provide a solid conceptual understanding of feature learning in neural networks.',
    })
    expect(out.unsortedBecause).toBe('one-word')
    // Its similar papers list `Neural Tangent Kernel`, and before classify passed `unsorted` it was shown, suggested.
    expect(out.keywords).not.toContain('Neural Tangent Kernel')
    expect(out.keywords).toContain('Feature Learning')
  })
})
