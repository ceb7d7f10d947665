import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isPaperscopeError } from '../core/index.js'
import { referenceEmbedding, writeTestEmbeddingModel, type TestEmbeddingModel } from '../../test/support/onnx-model.js'
import { embeddingText, loadOnnxEmbedder, type OnnxEmbedder } from './index.js'

const WORDS = 'grokking delayed generalization phase transition lottery ticket pruning sparse subnetworks neural collapse'.split(' ')

describe('ONNX embedder on a real model file run by onnxruntime-node', () => {
  let dir: string
  let model: TestEmbeddingModel
  let embedder: OnnxEmbedder

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paperscope-onnx-'))
    model = writeTestEmbeddingModel(join(dir, 'static-test'), WORDS, { maxLength: 8 })
    embedder = await loadOnnxEmbedder(model.dir, { batchSize: 2 })
  })
  afterAll(async () => {
    await embedder.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('names itself after the folder and a fingerprint, and learns its dimensions from the model', () => {
    expect(embedder.name).toMatch(/^onnx:static-test@[0-9a-f]{8}$/)
    expect(embedder.dimensions).toBe(model.dimensions)
  })

  it('mean-pools over the attention mask: padded texts in one batch equal the reference, unit length', async () => {
    // Different lengths in one batch: the short one is padded with [PAD], whose vector is huge in this model.
    const texts = ['grokking', 'lottery ticket pruning sparse', 'neural collapse phase transition unknownword']
    const vectors = await embedder.embed(texts)
    vectors.forEach((v, i) => {
      const ref = referenceEmbedding(model, texts[i] as string, 8)
      expect(Math.hypot(...v)).toBeCloseTo(1, 5)
      v.forEach((x, d) => expect(x).toBeCloseTo(ref[d] as number, 5))
    })
  })

  it('cuts long texts at the maximum length, keeping the closing token', async () => {
    const long = `${WORDS.join(' ')} ${WORDS.join(' ')}`
    const [v] = await embedder.embed([long])
    const ref = referenceEmbedding(model, long, 8)
    v!.forEach((x, d) => expect(x).toBeCloseTo(ref[d] as number, 5))
  })

  it('embeds a paper as "title. text" and keeps the input order across batches', async () => {
    expect(embeddingText({ title: 'Grokking', text: 'Delayed $\\textit{generalization}$.' })).toBe('Grokking. Delayed generalization.')
    const inputs = [{ title: 'Lottery ticket', text: 'pruning' }, 'grokking', { title: 'Neural collapse', text: '' }]
    const one = await Promise.all(inputs.map(async (t) => (await embedder.embed([t]))[0]))
    const all = await embedder.embed(inputs)
    all.forEach((v, i) => v.forEach((x, d) => expect(x).toBeCloseTo(one[i]![d] as number, 6)))
  })

  it('texts that share words are closer than texts that do not', async () => {
    const [a, b, c] = await embedder.embed(['grokking delayed generalization', 'grokking phase transition', 'lottery ticket pruning'])
    const dot = (x: Float32Array, y: Float32Array): number => x.reduce((s, v, i) => s + v * (y[i] as number), 0)
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!))
  })

  it('pools as the model\'s sentence-transformers config says: the first token for a CLS-pooled model', async () => {
    const cls = writeTestEmbeddingModel(join(dir, 'cls-pooled'), WORDS)
    mkdirSync(join(cls.dir, '1_Pooling'))
    writeFileSync(join(cls.dir, '1_Pooling', 'config.json'), JSON.stringify({ word_embedding_dimension: 16, pooling_mode_cls_token: true, pooling_mode_mean_tokens: false }))
    const embedder = await loadOnnxEmbedder(cls.dir)
    const [a, b] = await embedder.embed(['grokking', 'lottery ticket'])
    // Every text starts with [CLS] (id 2), so every vector is that row, unit length.
    const clsRow = cls.table.slice(2 * cls.dimensions, 3 * cls.dimensions)
    const norm = Math.hypot(...clsRow)
    a!.forEach((x, d) => expect(x).toBeCloseTo((clsRow[d] as number) / norm, 5))
    expect([...b!]).toEqual([...a!])
    await embedder.close()
  })

  it('says what is missing: the folder, the model file, the tokenizer', async () => {
    const err = async (path: string): Promise<string> => {
      try {
        await loadOnnxEmbedder(path)
        return 'loaded'
      } catch (e) {
        expect(isPaperscopeError(e, 'MODEL_UNAVAILABLE')).toBe(true)
        return (e as Error).message
      }
    }
    expect(await err(join(dir, 'nowhere'))).toMatch(/nowhere does not exist/)
    const noTokenizer = writeTestEmbeddingModel(join(dir, 'no-tokenizer'), WORDS)
    unlinkSync(join(noTokenizer.dir, 'tokenizer.json'))
    expect(await err(noTokenizer.dir)).toMatch(/no tokenizer\.json in .*no-tokenizer/)
    const broken = writeTestEmbeddingModel(join(dir, 'broken'), WORDS)
    writeFileSync(join(broken.dir, 'onnx', 'model.onnx'), 'not a model')
    expect(await err(broken.dir)).toMatch(/onnxruntime could not load .*broken.*model\.onnx/)
    expect(await err(dir)).toMatch(/no onnx\/model\.onnx or model\.onnx in/)
  })
})
