/**
 * `classify` weighs a text's key-word evidence as `analyze` does: a text left unsorted though not off topic (one word
 * decided its topic, or none was confident) is near its similar papers by little, so a key word they suggest is shown
 * only where papers worded like it list it too (keywordEvidence's `unsorted`, keywords.ts). A text given its year is
 * dated as a library paper is: no topic or suggested key word named long after it. On the awesome list.
 */
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTempStore, type TempStore } from '../../test/support/temp-store.js'
import { normalizeKeyword, SUGGESTION_YEARS_AHEAD } from '../analysis/index.js'
import { analyzeNewPapers, loadAnalysisModels } from './analyze-library.js'
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

  it('gives a text of 2005 neither the topic nor the key word `Neural Tangent Kernel`, first written years later, and says why; the same text undated or later gets both', async () => {
    const first = (await loadAnalysisModels(t.store))!.keywords.firstYear![normalizeKeyword('Neural Tangent Kernel')]!
    expect(first - 2005).toBeGreaterThanOrEqual(SUGGESTION_YEARS_AHEAD)
    const line = { id: 'hyper', title: 'Learning the kernel with hyperkernels', text: '' }
    const suggested = (out: Awaited<ReturnType<TextClassifier['classify']>>): string[] => out.keywordDetails.filter((k) => k.origin === 'suggested').map((k) => k.text)
    // Undated, and dated under SUGGESTION_YEARS_AHEAD years before the name: the title reads as the topic's.
    for (const year of [undefined, first - SUGGESTION_YEARS_AHEAD + 1]) {
      const out = await classifier.classify({ ...line, ...(year === undefined ? {} : { year }) })
      expect(out.topics.map((tp) => tp.label), String(year)).toEqual(['Neural Tangent Kernel'])
      expect(suggested(out), String(year)).toContain('Neural Tangent Kernel')
      expect(out.unsortedBecause).toBeNull()
    }
    for (const year of [2005, first - SUGGESTION_YEARS_AHEAD]) {
      const out = await classifier.classify({ ...line, year })
      expect(out.topics.map((tp) => tp.label), String(year)).not.toContain('Neural Tangent Kernel')
      expect(out.keywords, String(year)).not.toContain('Neural Tangent Kernel')
      // No other topic is near this title alone: unsorted, and said as the library's analysis says it.
      expect(out).toMatchObject({ unsorted: true, unsortedBecause: 'named-later' })
      expect(out.topicWhy[0]).toBe(`not under Neural Tangent Kernel: the library first writes its name in ${first}, ${first - year} years after this paper`)
      expect(out.unsortedNote).toMatch(new RegExp(`^Unsorted: the closest topic, Neural Tangent Kernel \\((>99|\\d+)%\\), is not given: the library first writes its name in ${first}, ${first - year} years after this paper`))
    }
  })
})
