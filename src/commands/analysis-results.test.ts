/**
 * Similar papers as a reader gets them, on a real library: the awesome list (a digest and curated topics each)
 * and d2l's BibTeX (classic ML books and papers, a title each, most of them off every topic of the list).
 */
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTempStore, type TempStore } from '../../test/support/temp-store.js'
import { DEFAULT_TOPIC_WEIGHT } from '../analysis/index.js'
import { analyzeNewPapers, loadAnalysisModels } from './analyze-library.js'
import { createAnalysisReader, storedKeywordsNote, storedLanguage, type AnalysisReader } from './analysis-results.js'
import { importFiles } from './import-files.js'

const ROOT = resolve(import.meta.dirname, '../..')
const NOW = () => new Date('2026-11-29T12:00:00Z')

describe('similar papers of the awesome list and d2l', () => {
  let t: TempStore
  let reader: AnalysisReader
  const idOf = async (title: string): Promise<string> => (await t.store.analysis.listAnalysisInputs()).find((p) => p.title.toLowerCase() === title.toLowerCase())!.id

  beforeAll(async () => {
    t = await createTempStore(NOW)
    const files = ['data/corpus/awesome-deep-phenomena.txt', 'test/fixtures/bibtex/d2l_full_488_entries.bib', 'test/fixtures/bibtex/review_cases.bib']
    await importFiles(t.store, files.map((f) => resolve(ROOT, f)), { cwd: ROOT, now: NOW })
    await analyzeNewPapers(t.store, { now: NOW })
    reader = createAnalysisReader(t.store)
  }, 60_000)
  afterAll(async () => t.cleanup())

  it('gives a paper off every topic no topic part: its near-even confidences made any two such papers look alike', async () => {
    // A nursing report, off topic in an ML library: GPT-4's report was 0.84 similar to it, 0.32 of that from
    // topics (0.79) two papers about nothing in the library's topics were said to share.
    const nursing = await idOf("Report on the State of the World's Nursing")
    expect((await t.store.analysis.listVectors()).find((v) => v.paperId === nursing)?.offTopic).toBe(true)
    const found = (await reader.similarPapers(nursing, 8))!
    expect(found.length).toBeGreaterThan(0)
    for (const s of found) {
      expect(s.topicAgreement).toBeNull()
      expect(s.score).toBeCloseTo((1 - DEFAULT_TOPIC_WEIGHT) * s.textSimilarity, 10)
    }
  })

  it('and none as a candidate: a paper on a topic is not near an off-topic one by that topic', async () => {
    const offTopic = new Set((await t.store.analysis.listVectors()).filter((v) => v.offTopic).map((v) => v.paperId))
    expect(offTopic.size).toBeGreaterThan(100)
    const found = (await reader.similarPapers(await idOf('Adam: A Method for Stochastic Optimization'), 50))!
    const candidates = found.filter((s) => offTopic.has(s.paperId))
    expect(candidates.length).toBeGreaterThan(0)
    for (const s of candidates) expect(s.topicAgreement).toBeNull()
  })

  it('names no term most texts use as shared, however many bare titles the library holds', async () => {
    // Counted among all papers, d2l's titles had taken `neural network` below the bar (0.29 of the library, 0.48 of
    // the awesome list's texts), and 1,056 of the 8,344 similar papers the richest library lists named such a term.
    const found = (await reader.similarPapers(await idOf('Training Recurrent Neural Networks'), 8))!
    const reasons = found.flatMap((s) => s.why.map((w) => w.label.toLowerCase()))
    expect(reasons).toContain('recurrent')
    for (const common of ['neural networks', 'neural network', 'training', 'networks']) expect(reasons).not.toContain(common)
    const vectors = (await loadAnalysisModels(t.store, { withEmbedder: false }))!.vectors
    expect(vectors.commonTerms).toEqual(expect.arrayContaining(['model', 'neural network', 'training']))
  })

  it('lists papers equally similar newest first, not in the order of their ids', async () => {
    // d2l's `… networks` titles are known by `networks` alone: their vectors are one, and their scores equal.
    const titles = ['Non-deep networks', 'Highway networks', 'Network in network', 'Squeeze-and-excitation networks']
    const dates = new Map((await t.store.analysis.listVectors()).map((v) => [v.paperId, v.date ?? '']))
    let ties = 0
    for (const title of titles) {
      const found = (await reader.similarPapers(await idOf(title), 8))!
      for (let i = 1; i < found.length; i++) {
        if (found[i]!.score !== found[i - 1]!.score) continue
        ties++
        expect(dates.get(found[i - 1]!.paperId)! >= dates.get(found[i]!.paperId)!, `${title}: ${found[i - 1]!.paperId} before ${found[i]!.paperId}`).toBe(true)
      }
    }
    expect(ties).toBeGreaterThanOrEqual(4)
  })
})

describe("a stored paper's few-key-words note", () => {
  it('names the language the analysis told, no other for English, and both for an analysis that kept none', () => {
    expect(storedKeywordsNote({ language: 'French' }, 0)).toBe('No key words: the text is not in English (French), and the phrases and their ranker are English.')
    expect(storedKeywordsNote({ language: null }, 0)).not.toMatch(/English/)
    // Analysed before the language was kept: it cannot tell, so it says both.
    expect(storedKeywordsNote({}, 0)).toMatch(/^No key words: no phrase .*; a text not in English gets none\.$/)
    expect(storedKeywordsNote({ language: 'French' }, 2)).toBeNull()
  })
})

describe("a stored paper's language", () => {
  it('names English and another language, and nothing for an analysis that kept none', () => {
    expect(storedLanguage({ language: 'French' })).toBe('French')
    // The store reads an English row as null (the writer's English): named here, so that null means not known.
    expect(storedLanguage({ language: null })).toBe('English')
    expect(storedLanguage({})).toBeNull()
  })
})
