/**
 * The analysis on a worker thread, against a real library file: it runs on another thread, writes the same
 * results the in-process analysis writes, and its errors keep their code.
 */
import { join, resolve } from 'node:path'
import { threadId } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTempStore, type TempStore } from '../../test/support/temp-store.js'
import { isPaperscopeError } from '../core/index.js'
import { openStore } from '../store/index.js'
import { analyzeNewPapersOffThread } from './analysis-thread.js'
import { createAnalysisReader } from './analysis-results.js'
import { importFiles } from './import-files.js'

const CORPUS = resolve(import.meta.dirname, '../../data/corpus')
const NOW = () => new Date('2026-11-26T12:00:00Z')

describe('analysis on a worker thread', () => {
  let t: TempStore

  beforeAll(async () => {
    t = await createTempStore(NOW)
    await importFiles(t.store, [join(CORPUS, 'awesome-deep-phenomena.txt')], { cwd: CORPUS, now: NOW })
  })
  afterAll(async () => t.cleanup())

  it('fits and stores the models on another thread, while this thread keeps running and reading', async () => {
    let ticks = 0
    const timer = setInterval(() => ticks++, 5)
    const pending = analyzeNewPapersOffThread(t.store)
    // The server's own connection reads while the worker works.
    expect((await t.store.libraryStats()).papers).toBe(494)
    const { report, threadId: ranOn } = await pending
    clearInterval(timer)
    expect(ranOn).not.toBe(threadId)
    expect(report).toMatchObject({ mode: 'full', reason: 'no stored models', analyzed: 494 })
    expect(ticks).toBeGreaterThan(0)
    // The reader in this thread sees what the worker wrote.
    const paper = (await t.store.analysis.listAnalysisInputs()).find((p) => p.title === 'Perturbation Analysis of Neural Collapse')!
    expect(await createAnalysisReader(t.store).similarPapers(paper.id, 3)).toHaveLength(3)
    // Nothing new: the next run analyses nothing.
    expect((await analyzeNewPapersOffThread(t.store)).report).toMatchObject({ mode: 'incremental', analyzed: 0 })
  })

  it('passes the worker’s error back with its code', async () => {
    const err = await analyzeNewPapersOffThread(t.store, { embeddingModel: join(t.dir, 'no-such-model') }).catch((e: unknown) => e)
    expect(isPaperscopeError(err, 'MODEL_UNAVAILABLE')).toBe(true)
    expect((err as Error).message).toMatch(/no-such-model does not exist/)
  })

  it('analyses an in-memory library in-process', async () => {
    const memory = await openStore({ path: ':memory:' })
    const { threadId: ranOn } = await analyzeNewPapersOffThread(memory)
    expect(ranOn).toBe(threadId)
    await memory.close()
  })
})
