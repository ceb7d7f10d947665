/** A phrase the text writes only as a piece of a longer noun phrase is no key word: a reader sees it cut. */
import { beforeAll, describe, expect, it } from 'vitest'
import type { SourceRecord } from '../core/index.js'
import { awesomeAndD2lKeywords, awesomeListKeywordProbe, type AwesomeListKeywordProbe, type MixedLibraryKeywords } from '../../test/support/corpus-records.js'
import { extractKeywords, RANK_ALL, type KeywordModel } from './keywords.js'
import { prepareText } from './text.js'

let probe: AwesomeListKeywordProbe
const record = (title: string): SourceRecord => probe.record(title)

describe('fragments of longer phrases on the awesome list', () => {
  let model: KeywordModel
  const ranking = (r: SourceRecord): string[] => probe.ranking(r)
  // As the library's analysis shows them beside the curated key words.
  const besideCurated = (r: SourceRecord): string[] => probe.besideCurated(r)

  beforeAll(() => {
    probe = awesomeListKeywordProbe()
    model = probe.model
  })

  it('keeps a one-word name that modifies what follows it (`GPT-4` of *GPT-4 Technical Report*)', () => {
    const title = (t: string): string[] => extractKeywords(model, prepareText({ title: t, text: '' }), RANK_ALL).map((k) => k.text)
    expect(title('GPT-4 Technical Report')).toContain('GPT-4')
  })

  it('shows no phrase the title cuts before the noun phrase runs on (`Overfitted Three-Layer` Neural …)', () => {
    const ntk = record('On the Generalization Power of the Overfitted Three-Layer')
    expect(ranking(ntk)).not.toContain('Overfitted Three-Layer')
    expect(besideCurated(ntk)).not.toContain('Overfitted Three-Layer')
    // `time series` is a phrase other papers write: the whole phrase is shown, not its cut start.
    const series = record('Neural Rough Differential Equations for Long Time Series')
    expect(ranking(series)).not.toContain('Long Time')
    expect(besideCurated(series)).toContain('Long Time Series')
  })

  it('shows no phrase that starts inside a compound (`Squares Problems` of `Least Squares Problems`)', () => {
    // `least` is a stop word no phrase holds; the library writes `least-squares` as one word.
    expect(ranking(record('The Benefits of Implicit Regularization from SGD in Least Squares'))).not.toContain('Squares Problems')
    expect(ranking(record('Which Neural Net Architectures Give Rise'))).not.toContain('Net Architectures')
    expect(ranking(record('In What Ways Are Deep Neural Networks Invariant'))).not.toContain('Networks Invariant')
    const tickets = record('One ticket to win them all')
    expect(ranking(tickets)).not.toContain('ticket initializations')
    expect(besideCurated(tickets)).toEqual(['lottery ticket initializations'])
  })

  it('keeps a phrase written before a word it forms no phrase with, and before a title question’s verb', () => {
    // `spline theory` is no phrase other papers write: `Spline` before `Theory` is the paper's concept, not a cut.
    expect(ranking(record('A Spline Theory of Deep Learning'))).toContain('Spline')
    // The last word of a question is its verb, however tagged: `Glorp Widgets` of `When Do Glorp Widgets Work?` stays.
    const question = extractKeywords(model, prepareText({ title: 'When Do Glorp Widgets Work?', text: '' }), RANK_ALL)
    expect(question.map((k) => k.text)).toContain('Glorp Widgets')
  })
})

describe('a phrase the other texts write only on into a longer one', () => {
  // The awesome list with the D2L book's references (title, and abstract where one is given), as a library of both
  // reads them: there `Long short-term` is written by a second text, on into `memory-networks`.
  let library: MixedLibraryKeywords
  const ranking = (title: string): string[] => extractKeywords(library.model, library.doc(library.record(title)), RANK_ALL).map((k) => k.text)

  beforeAll(() => {
    library = awesomeAndD2lKeywords()
  })

  it('shows the whole phrase, not its start cut before a noun (`Long short-term` of *Long short-term memory*)', () => {
    expect(ranking('Long short-term memory')).toEqual(['Long short-term memory'])
    expect(ranking('Long short-term memory-networks for machine reading')).not.toContain('Long short-term')
    expect(ranking('SSD: Single shot multibox detector')).not.toContain('Single shot')
    expect(ranking('Rich feature hierarchies for accurate object detection and semantic segmentation')).not.toContain('Rich feature')
    expect(ranking('Large batch training of convolutional networks')).toContain('Large batch training')
  })

  it('keeps a phrase the other texts also write on its own (`Linear algebra` of *Linear algebra review and reference*)', () => {
    expect(ranking('Linear algebra review and reference')).toContain('Linear algebra')
    expect(ranking('A survey of collaborative filtering techniques')).toContain('collaborative filtering')
  })
})
