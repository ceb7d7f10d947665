/**
 * A word keys alike for comparison however it is capitalised: a title's `Dynamics` or `Matrices`, tagged as a name and
 * not lemmatised, names what the text's lower-case `dynamics` (`dynamic`) and `matrices` (`matrix`) name.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { SourceRecord } from '../core/index.js'
import { awesomeListKeywordProbe, awesomeListRecords, type AwesomeListKeywordProbe } from '../../test/support/corpus-records.js'
import { analyzeText, irregularSingularKey, normalizePhrase, phrasesOf } from './tokenize.js'

let probe: AwesomeListKeywordProbe
const record = (title: string): SourceRecord => probe.record(title)

/** The keys of the phrases a record's text writes that hold `word`, lower-case as written there. */
function textKeysWith(r: SourceRecord, word: string): string[] {
  const keys = phrasesOf(analyzeText(r.digest?.text ?? ''), { minN: 2, maxN: 3 })
    .filter((p) => p.text.split(' ').includes(word))
    .map((p) => p.key)
  return [...new Set(keys)]
}

describe('keys of capitalised words on the awesome list', () => {
  beforeAll(() => {
    probe = awesomeListKeywordProbe()
  })

  it('reads a title-case `Learning Dynamics` as the text’s `learning dynamics`', () => {
    const paper = record('The Surprising Simplicity of the Early-Time Learning Dynamics')
    const inText = textKeysWith(paper, 'dynamics').find((k) => k.startsWith('earlytime learning'))
    expect(inText).toBe('earlytime learning dynamic')
    // The keys differ (changing them refits the ranker); read for comparison they are one.
    expect(normalizePhrase('Early-Time Learning Dynamics')).not.toBe(inText)
    expect(irregularSingularKey(normalizePhrase('Early-Time Learning Dynamics'))).toBe(inText)
  })

  it('reads a capitalised irregular plural as the text’s singular (`Weight Matrices`, `Hypotheses`)', () => {
    const paper = awesomeListRecords().find((r) => /weight matrices/.test(r.digest?.text ?? ''))
    expect(paper).toBeDefined()
    const inText = textKeysWith(paper as SourceRecord, 'matrices').find((k) => k.endsWith('weight matrix'))
    expect(inText).toBeDefined()
    expect(irregularSingularKey(normalizePhrase('Weight Matrices'))).toBe('weight matrix')
    expect(irregularSingularKey(normalizePhrase('Competing Hypotheses'))).toBe(irregularSingularKey(normalizePhrase('competing hypotheses')))
    // A word no plural left as written: `data` stays, as where key words are shown.
    expect(irregularSingularKey(normalizePhrase('Training Data'))).toBe('training data')
  })

  it('hides a title phrase cut before a word the text writes lower-case (`Early-Time Learning` of … Learning Dynamics)', () => {
    const paper = record('The Surprising Simplicity of the Early-Time Learning Dynamics')
    expect(probe.ranking(paper)).not.toContain('Early-Time Learning')
    expect(probe.besideCurated(paper)).toContain('Early-Time Learning Dynamics')
  })
})
