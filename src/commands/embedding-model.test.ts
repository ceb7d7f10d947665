/**
 * A library whose paper vectors come from a local ONNX sentence-embedding model (a real ONNX file run by
 * onnxruntime-node), on the real corpus: switching to it, keeping it through an incremental import, the
 * vectors, novelty and similar papers it gives, a missing model, and switching back to LSA.
 */
import { renameSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeVocabularyModel, type TestEmbeddingModel } from '../../test/support/onnx-model.js'
import { createTempStore, type TempStore } from '../../test/support/temp-store.js'
import { isPaperscopeError } from '../core/index.js'
import { isStrictlyBefore } from '../analysis/index.js'
import {
  analysisText,
  analyzeLibrary,
  analyzeNewPapers,
  closeEmbeddingModels,
  loadAnalysisModels,
  openEmbeddingModel,
  type AnalyzeReport,
} from './analyze-library.js'
import { createAnalysisReader } from './analysis-results.js'
import { createTextClassifier } from './classify-texts.js'
import { importFiles } from './import-files.js'

const CORPUS = resolve(import.meta.dirname, '../../data/corpus')
const NOW = () => new Date('2026-11-26T12:00:00Z')
const dot = (a: Float32Array, b: Float32Array): number => a.reduce((s, x, d) => s + x * (b[d] ?? 0), 0)

describe('paper vectors from a local ONNX model', () => {
  let t: TempStore
  let model: TestEmbeddingModel
  let full: AnalyzeReport

  beforeAll(async () => {
    t = await createTempStore(NOW)
    model = writeVocabularyModel(join(t.dir, 'models', 'static-corpus'), join(CORPUS, 'awesome-deep-phenomena.txt'), { dimensions: 24, maxLength: 128 })
    await importFiles(t.store, [join(CORPUS, 'awesome-deep-phenomena.txt')], { cwd: CORPUS, now: NOW })
    await analyzeNewPapers(t.store, { now: NOW })
    full = await analyzeNewPapers(t.store, { now: NOW, embeddingModel: model.dir })
  })
  afterAll(async () => t.cleanup())

  it('switching is a full run, and every stored vector is the ONNX model’s embedding of the paper', async () => {
    expect(full).toMatchObject({ mode: 'full', reason: `the paper vectors now come from the ONNX model at ${model.dir}` })
    expect(full.models.vectors).toMatchObject({ embedder: expect.stringMatching(/^onnx:static-corpus@/), embeddingModel: model.dir, vectorDimensions: 24, dimensions: 100 })
    const embedder = await openEmbeddingModel(model.dir)
    const inputs = await t.store.analysis.listAnalysisInputs()
    const vectors = new Map((await t.store.analysis.listVectors()).map((v) => [v.paperId, v]))
    expect(vectors.size).toBe(inputs.length)
    const sample = inputs.filter((_, i) => i % 40 === 0)
    const expected = await embedder.embed(sample.map((p) => ({ title: p.title, text: analysisText(p) })))
    sample.forEach((p, i) => {
      const stored = vectors.get(p.id)!
      expect(stored.embedder).toBe(embedder.name)
      expect(stored.vector.length).toBe(24)
      expect(dot(stored.vector, expected[i]!)).toBeCloseTo(1, 5)
    })
  })

  it('novelty is 1 − the highest similarity of ONNX vectors to earlier papers', async () => {
    const vectors = await t.store.analysis.listVectors()
    const analyses = new Map((await t.store.analysis.getPaperAnalyses(vectors.map((v) => v.paperId))).map((a) => [a.paperId, a]))
    let checked = 0
    for (const v of vectors.slice(0, 120)) {
      const earlier = vectors.filter((o) => v.date && o.date && isStrictlyBefore(o.date, v.date))
      if (earlier.length === 0) continue
      const best = Math.max(...earlier.map((o) => dot(v.vector, o.vector)))
      expect(analyses.get(v.paperId)!.novelty!.novelty).toBeCloseTo(1 - Math.min(1, Math.max(0, best)), 5)
      checked++
    }
    expect(checked).toBeGreaterThan(50)
  })

  it('similar papers and similar-to-text use the ONNX vectors; a paper’s own text finds that paper first', async () => {
    const reader = createAnalysisReader(t.store)
    const inputs = await t.store.analysis.listAnalysisInputs()
    const paper = inputs.find((p) => p.title === 'Perturbation Analysis of Neural Collapse')!
    const similar = await reader.similarPapers(paper.id, 5)
    expect(similar).toHaveLength(5)
    const found = await reader.similarToText({ title: paper.title, text: analysisText(paper) }, 3)
    expect(found![0]!.paperId).toBe(paper.id)
  })

  it('keeps the model through an incremental import: new papers get ONNX vectors, the models stay', async () => {
    const before = await t.store.analysis.getModels()
    await importFiles(t.store, [join(CORPUS, 'daily-papers.txt')], { cwd: CORPUS, now: NOW })
    // A small LSA library refits for any new paper; an ONNX model's vectors do not depend on the library, so
    // new papers are embedded alone, even on the small corpus (growth by a tenth, which refits all, put aside).
    const incremental = await analyzeNewPapers(t.store, { now: NOW, refit: { growth: 2 } })
    expect(incremental).toMatchObject({ mode: 'incremental' })
    expect(incremental.analyzed).toBeGreaterThan(0)
    expect(incremental.ms.embedding).toBeGreaterThanOrEqual(0)
    expect(await t.store.analysis.getModels()).toEqual(before)
    const vectors = await t.store.analysis.listVectors()
    expect(new Set(vectors.map((v) => v.vector.length))).toEqual(new Set([24]))
    expect((await t.store.libraryStats()).papers).toBe(vectors.length)
  })

  it('classify --jsonl finds key-word neighbours with the same model', async () => {
    const { classifier } = await createTextClassifier(t.store)
    const out = await classifier.classify({ id: 1, title: 'Grokking beyond algorithmic data', text: 'We observe grokking, delayed generalization long after overfitting, on real data sets.' })
    expect(out.topics[0]?.label).toBeDefined()
    expect(out.keywords.length).toBeGreaterThan(0)
  })

  it('a missing model is a clear error naming it and the way back; switching back to LSA does not need it', async () => {
    renameSync(model.dir, `${model.dir}-moved`)
    await closeEmbeddingModels() // as in a new process: nothing open
    const err = await loadAnalysisModels(t.store)
      .then(() => null)
      .catch((e: unknown) => e)
    expect(isPaperscopeError(err, 'MODEL_UNAVAILABLE')).toBe(true)
    expect((err as Error).message).toContain(`the ONNX model at ${model.dir}`)
    expect((err as Error).message).toContain('paperscope analyze --embedding-model lsa')
    // An import still commits; only its analysis fails, with the same message; so does a plain `analyze`.
    await expect(analyzeNewPapers(t.store, { now: NOW })).rejects.toThrow(/cannot be loaded/)
    await expect(analyzeLibrary(t.store, { now: NOW })).rejects.toThrow(/cannot be loaded.*--embedding-model lsa/)
    const missing = await analyzeLibrary(t.store, { now: NOW, embeddingModel: join(t.dir, 'models', 'nowhere') })
      .then(() => null)
      .catch((e: unknown) => e)
    expect(isPaperscopeError(missing, 'MODEL_UNAVAILABLE')).toBe(true)
    expect((missing as Error).message).toMatch(/nowhere does not exist/)
    const back = await analyzeNewPapers(t.store, { now: NOW, embeddingModel: 'lsa' })
    expect(back).toMatchObject({ mode: 'full', reason: 'the paper vectors now come from LSA' })
    expect(back.models.vectors).toMatchObject({ embedder: 'lsa-100', embeddingModel: null })
    expect(new Set((await t.store.analysis.listVectors()).map((v) => v.embedder))).toEqual(new Set(['lsa-100']))
    renameSync(`${model.dir}-moved`, model.dir)
  })
})
