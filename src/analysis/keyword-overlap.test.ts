/** Overlapping key phrases keep the better one, and only between phrases that can say one thing twice. */
import { beforeAll, describe, expect, it } from 'vitest'
import type { SourceRecord } from '../core/index.js'
import { awesomeListKeywordProbe, type AwesomeListKeywordProbe } from '../../test/support/corpus-records.js'
import { extractKeywords, RANK_ALL, restatesKeyword, type KeywordModel } from './keywords.js'
import type { PreparedText } from './text.js'

let probe: AwesomeListKeywordProbe
const record = (title: string): SourceRecord => probe.record(title)
const docOf = (r: SourceRecord): PreparedText => probe.doc(r)

describe('overlapping key phrases on the awesome list', () => {
  let model: KeywordModel
  // As the library's analysis takes them: the whole ranking, the curated key words passed over, then what is shown.
  const besideCurated = (r: SourceRecord): string[] => probe.besideCurated(r)

  beforeAll(() => {
    probe = awesomeListKeywordProbe()
    model = probe.model
  })

  it('lets no phrase that restates a curated key word hide a fuller one (`Sharpness` beside Sharpness-Aware Minimization)', () => {
    const sharpness = record('Sharpness Minimization Algorithms Do Not Only Minimize Sharpness To Achieve Better Generalization')
    expect(sharpness.keywords).toEqual(['Sharpness-Aware Minimization'])
    // `Sharpness` ranks first and is never shown beside the curated key word; it had hidden the title's subject,
    // and the fragment `Minimization Algorithms` was shown instead.
    const ranked = extractKeywords(model, docOf(sharpness), RANK_ALL)
    expect(ranked[0]?.text).toBe('Sharpness')
    expect(restatesKeyword(ranked[0]!, 'Sharpness-Aware Minimization')).toBe(true)
    expect(besideCurated(sharpness)).toEqual(['Sharpness Minimization Algorithms'])
    // The same for a paper's method named in its title: `regularization` restates the curated Implicit Regularization.
    expect(besideCurated(record('Implicit Gradient Regularization'))).toEqual(['Implicit Gradient Regularization'])
  })

  it('still lets a phrase that restates a curated key word hide its own pieces and what chains with it', () => {
    // `rectified linear units` restates the curated `ReLU`; `Units` is a piece of it.
    expect(besideCurated(record('Understanding Deep Neural Networks with Rectified Linear Units'))).not.toContain('Units')
    // `rate reduction` (of the curated Maximal Coding Rate Reduction) chains with the fragment `Principle of Rate`.
    const rate = besideCurated(record('Deep Networks from the Principle of Rate Reduction'))
    expect(rate).not.toContain('Principle of Rate')
    expect(rate).toHaveLength(1)
  })

  it('drops no suggested key word as a piece of one phrase with a phrase of the text (`Neural Tangent Kernel` beside `kernel machines`)', () => {
    const paper = record('On the Equivalence between Neural Network and Support Vector Machine')
    const ranked = extractKeywords(model, docOf(paper), RANK_ALL)
    // The text writes `kernel machines` and only `NTK`: the spelled-out key word is no piece of a phrase of it.
    const ntk = ranked.find((k) => k.text === 'Neural Tangent Kernel')
    expect(ntk?.inText).toBe(false)
    expect(ranked.find((k) => k.text === 'Kernel Machines')?.inText).toBe(true)
  })
})
