/** A title's framing (`the Role of X`, `X effects on`) is no key word, and one word is not shown twice in two spellings. */
import { beforeAll, describe, expect, it } from 'vitest'
import type { SourceRecord } from '../core/index.js'
import { awesomeListKeywordProbe, type AwesomeListKeywordProbe } from '../../test/support/corpus-records.js'
import { extractKeywords, RANK_ALL, type KeywordModel } from './keywords.js'
import { prepareText } from './text.js'
import { irregularSingularKey } from './tokenize.js'

let probe: AwesomeListKeywordProbe
const record = (title: string): SourceRecord => probe.record(title)

describe('irregularSingularKey', () => {
  it('reads each irregular plural of a key as its singular and leaves other words', () => {
    expect(irregularSingularKey('curricula')).toBe('curriculum')
    expect(irregularSingularKey('wide minima')).toBe('wide minimum')
    expect(irregularSingularKey('curriculum learning')).toBe('curriculum learning')
    // `data` stays `data`, as its key does.
    expect(irregularSingularKey('data augmentation')).toBe('data augmentation')
  })
})

describe('title framing and irregular plurals on the awesome list', () => {
  let model: KeywordModel
  const ranking = (r: SourceRecord): string[] => probe.ranking(r)
  // As the library's analysis shows them beside the curated key words.
  const besideCurated = (r: SourceRecord): string[] => probe.besideCurated(r)

  beforeAll(() => {
    probe = awesomeListKeywordProbe()
    model = probe.model
  })

  it('shows no framing noun of the title with what it frames (`Role of Over-Parametrization`)', () => {
    const framings = /\b(role|principle|effects?|benefit)\b/i
    const role = record('Towards Understanding the Role of Over-Parametrization')
    expect(ranking(role).filter((k) => framings.test(k))).toEqual([])
    // The concept the framing held is shown where no curator lists it; here one does, so the paper's own bound is (its
    // text writes `a tighter generalization bound`, with `bound` read as a verb).
    expect(besideCurated(role)).toEqual(['Generalization Bound'])
    for (const title of [
      'Deep Networks from the Principle of Rate Reduction',
      'Normalization effects on deep neural networks',
      'On the Generalization Benefit of Noise in Stochastic Gradient Descent',
    ]) {
      expect(besideCurated(record(title)).filter((k) => framings.test(k))).toEqual([])
    }
    // A framing the title does not write is no framing: `Generalization Benefit` is hidden only where `of` follows.
    const plain = extractKeywords(
      model,
      prepareText({ title: 'Generalization Benefit', text: 'The generalization benefit is large.' }),
      RANK_ALL,
    )
    expect(plain.map((k) => k.text)).toContain('Generalization Benefit')
  })

  it('shows a title’s `Curricula` and the text’s `curriculum` as one word', () => {
    // The tagger reads the capitalised plural as a name and does not lemmatise it, so the two are keyed apart.
    const doc = prepareText({
      title: 'When Do Curricula Work?',
      text: 'We ask when a curriculum helps. Ordering examples by a curriculum rarely beats random ordering; the curriculum matters only with noisy labels.',
    })
    // One of `Curricula`, `curriculum` and the suggested `Curriculum Learning`, which says both.
    const said = extractKeywords(model, doc, RANK_ALL).filter((k) =>
      /^(curricula|curriculum|curriculum learning)$/i.test(k.text),
    )
    expect(said).toHaveLength(1)
  })
})
