/** The paper presenter's small parts (the API and `show --json` both print through them). */
import { describe, expect, it } from 'vitest'
import { bareTitleLibrary, HIGHWAY_TITLE } from '../../test/support/bare-titles.js'
import { buildRecord } from '../../test/support/factories.js'
import { createTempStore } from '../../test/support/temp-store.js'
import { NOVELTY_HOW_COMPUTED } from '../analysis/index.js'
import { createAnalysisReader } from './analysis-results.js'
import { analyzeNewPapers } from './analyze-library.js'
import { importRecords } from './import-records.js'
import { abstractStart, httpUrl, paperLinks, paperDetailAnalysis, presentComputedValue, readPaperDetail, shownKey } from './paper-detail.js'
import { tooLittleKnownNote } from './similar-note.js'

describe('paper detail presenter', () => {
  it('gives a computed number its why and lowerBound always, and nothing else of what the analysis holds', () => {
    expect(presentComputedValue({ value: 7, howComputed: 'h-index over 13 papers' })).toEqual({ value: 7, howComputed: 'h-index over 13 papers', why: [], lowerBound: false })
    // A paper's novelty carries its evidence and cohort, which the API shapes apart: they never ride along.
    const novelty = { value: null, howComputed: 'percentile', why: ['x'], lowerBound: true, evidence: [{ paperId: 'p', similarity: 0.5 }] }
    expect(presentComputedValue(novelty)).toEqual({ value: null, howComputed: 'percentile', why: ['x'], lowerBound: true })
  })

  it.each([
    ['https://arxiv.org/abs/2310.03789', 'https://arxiv.org/abs/2310.03789'],
    ['  http://example.org/x  ', 'http://example.org/x'],
    ['javascript:alert(1)', null],
    ['JAVASCRIPT:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['//evil.example/x', null],
    ['data/corpus/daily-papers.txt:41', null],
    ['https://', null],
  ])('only ever makes http(s) links: %s', (input, expected) => {
    expect(httpUrl(input)).toBe(expected)
  })

  it('links external ids to their sites', () => {
    expect(paperLinks({ ids: { arxiv: '2310.03789', doi: '10.1000/x y' }, url: null })).toEqual([
      { label: 'arXiv', url: 'https://arxiv.org/abs/2310.03789' },
      { label: 'DOI', url: 'https://doi.org/10.1000/x%20y' },
    ])
  })

  it("shows a file record's key with the path it was imported as, never the server's absolute path", () => {
    expect(shownKey({ key: '/srv/home/ann/refs/ml.bib#vaswani2017', locator: 'refs/ml.bib:12' })).toBe('refs/ml.bib#vaswani2017')
    expect(shownKey({ key: 'C:\\Users\\ann\\ml.bib#v', locator: 'ml.bib:3' })).toBe('ml.bib#v')
    expect(shownKey({ key: 'refs/ml.bib#vaswani2017', locator: 'refs/ml.bib:12' })).toBe('refs/ml.bib#vaswani2017')
    expect(shownKey({ key: '2310.03789', locator: 'https://arxiv.org/abs/2310.03789' })).toBe('2310.03789')
  })

  it('cuts an abstract at a word and says it did', () => {
    expect(abstractStart('one two three four', 9)).toEqual({ text: 'one two', truncated: true })
    expect(abstractStart('short', 9)).toEqual({ text: 'short', truncated: false })
    expect(abstractStart(null)).toEqual({ text: null, truncated: false })
  })

  it('shows a bare title the model knows one word of as having no novelty, and why, as the API and show --json print it', async () => {
    const t = await createTempStore(() => new Date('2026-11-29T12:00:00Z'))
    try {
      await importRecords(t.store, bareTitleLibrary())
      await analyzeNewPapers(t.store)
      const inputs = await t.store.analysis.listAnalysisInputs()
      const detail = async (title: string) =>
        readPaperDetail(t.store, paperDetailAnalysis(createAnalysisReader(t.store)), (await t.store.getPaper(inputs.find((p) => p.title === title)!.id))!)
      const highway = await detail(HIGHWAY_TITLE)
      expect(highway.novelty).toEqual({ value: null, howComputed: NOVELTY_HOW_COMPUTED, why: ['too little text the model knows to place it: only “networks”'], lowerBound: false, cohort: null })
      expect(highway.noveltyEvidence).toEqual([])
      // A paper with an abstract has its percentile, with the nearest earlier papers as evidence.
      const resnet = await detail('Deep residual learning for image recognition')
      expect(resnet.novelty?.value).toEqual(expect.any(Number))
      expect(resnet.novelty?.why[0]).toMatch(/^novelty \d\.\d\d = 1 − /)
      expect(resnet.noveltyEvidence.length).toBeGreaterThan(0)
    } finally {
      await t.cleanup()
    }
  })

  it('gives the cohort stored with the novelty, not one read from its sentence, as the API and show --json print it', async () => {
    const t = await createTempStore(() => new Date('2026-11-29T12:00:00Z'))
    try {
      await importRecords(t.store, bareTitleLibrary())
      await analyzeNewPapers(t.store)
      const inputs = await t.store.analysis.listAnalysisInputs()
      const resnet = inputs.find((p) => p.title === 'Deep residual learning for image recognition')!.id
      const cohortOf = async () =>
        (await readPaperDetail(t.store, paperDetailAnalysis(createAnalysisReader(t.store)), (await t.store.getPaper(resnet))!)).novelty?.cohort
      const rows = await t.store.analysis.listNovelty()
      const stored = rows.find((r) => r.paperId === resnet)!
      expect(stored.cohort).toEqual({ from: expect.any(Number), to: expect.any(Number), papers: expect.any(Number) })
      expect(await cohortOf()).toEqual(stored.cohort)
      const rewrite = async (edit: Partial<typeof stored>) =>
        t.store.analysis.saveAnalysis({ analyzedAt: '2026-11-29T12:00:00Z', novelty: rows.map((r) => (r.paperId === resnet ? { ...r, ...edit } : r)) })
      // A sentence that names no cohort, or another one, does not change what is shown: the column is.
      await rewrite({ explanation: 'percentile among the 99 papers of 1900', cohort: { from: 2011, to: 2013, papers: 7 } })
      expect(await cohortOf()).toEqual({ from: 2011, to: 2013, papers: 7 })
      await rewrite({ cohort: null })
      expect(await cohortOf()).toBeNull()
    } finally {
      await t.cleanup()
    }
  })

  it('says why a paper has no key words for the language the analysis told: no other for English, its own for French', async () => {
    const t = await createTempStore(() => new Date('2026-11-29T12:00:00Z'))
    try {
      // A bare English title no phrase of which is a key word, and a French paper (English phrases only: none).
      const french = 'Effondrement neuronal dans les réseaux profonds'
      await importRecords(t.store, [
        ...bareTitleLibrary(),
        buildRecord({ source: 'bibtex', key: 'l2l', title: 'Learning to learn', date: '1998', authors: ['Sebastian Thrun'] }),
        buildRecord({ source: 'bibtex', key: 'fr', title: french, date: '2021', authors: ['Anne Martin'], abstract: "Nous étudions la phase terminale de l'entraînement des classifieurs profonds. Les caractéristiques de la dernière couche s'effondrent vers les moyennes de classe." }),
      ])
      await analyzeNewPapers(t.store)
      const inputs = await t.store.analysis.listAnalysisInputs()
      const detail = async (title: string) =>
        readPaperDetail(t.store, paperDetailAnalysis(createAnalysisReader(t.store)), (await t.store.getPaper(inputs.find((p) => p.title === title)!.id))!)
      const english = await detail('Learning to learn')
      expect(english.keywords).toEqual([])
      expect(english.keywordAnalysis?.note).toMatch(/^No key words: no phrase of the text scores 0\.15 or more .*\)\.$/)
      expect(english.keywordAnalysis?.note).not.toMatch(/English/)
      // The language has its own field too, English named (null is kept for an analysis that recorded none).
      expect(english.keywordAnalysis?.language).toBe('English')
      const foreign = await detail(french)
      expect(foreign.keywords).toEqual([])
      expect(foreign.keywordAnalysis?.note).toBe('No key words: the text is not in English (French), and the phrases and their ranker are English.')
      expect(foreign.keywordAnalysis?.language).toBe('French')
      // Two key words need no note, whatever the language; the language is given all the same.
      const resnet = await detail('Deep residual learning for image recognition')
      expect(resnet.keywordAnalysis).toMatchObject({ note: null, language: 'English' })
    } finally {
      await t.cleanup()
    }
  })

  it("says of a bare title's similar papers that they rest on the one word the model knows, and nothing of a paper with an abstract", async () => {
    const t = await createTempStore(() => new Date('2026-11-29T12:00:00Z'))
    try {
      // `Q-learning` is read as `qlearning`, which no other text writes: the model knows none of its words. Undated,
      // so its stored reason is still the model's (it comes before 'the paper has no date').
      await importRecords(t.store, [...bareTitleLibrary(), buildRecord({ source: 'bibtex', key: 'q', title: 'Q-learning', authors: ['Chris Watkins'] })])
      await analyzeNewPapers(t.store)
      const inputs = await t.store.analysis.listAnalysisInputs()
      const detail = async (title: string) =>
        readPaperDetail(t.store, paperDetailAnalysis(createAnalysisReader(t.store)), (await t.store.getPaper(inputs.find((p) => p.title === title)!.id))!)
      const highway = await detail(HIGHWAY_TITLE)
      // The list is shown as it is (the other bare network title at wording 1.00), and says what it rests on.
      expect(highway.similar.map((s) => s.paper.title)).toContain('Network in network')
      expect(highway.similarNote).toBe(tooLittleKnownNote(['networks'], highway.similar.length, true))
      expect(highway.similarNote).toMatch(/^The model knows only “networks” of this paper's text \(its title alone\), so these papers are near that one word/)
      // No word known and no topics in this library: nothing is listed, and the page says why.
      const q = await detail('Q-learning')
      expect(q.date).toBeNull()
      expect(q.similar).toEqual([])
      expect(q.similarNote).toMatch(/^No similar papers: the model knows none of the words of this paper's text \(its title alone\)/)
      const resnet = await detail('Deep residual learning for image recognition')
      expect(resnet.similar.length).toBeGreaterThan(0)
      expect(resnet.similarNote).toBeNull()
    } finally {
      await t.cleanup()
    }
  })
})
