import { describe, expect, it } from 'vitest'
import { analyzeLibrary, importRecords } from '../commands/index.js'
import { recognizeApiAnswer } from '../ingest/index.js'
import { readFixture } from '../../test/support/fixture-server.js'
import { buildRecord } from '../../test/support/factories.js'
import { runCliCaptured } from '../../test/support/run-cli.js'
import { useTempStore } from '../../test/support/temp-store.js'

describe('paperscope author', () => {
  const library = useTempStore()

  it("names the ids the sources know a person by, in text and JSON", async () => {
    const t = library()
    await importRecords(t.store, [
      buildRecord({ source: 'semantic-scholar', title: 'Bounds', authors: ['E. Duflo'], raw: { authorIds: ['2259683'] } }),
      buildRecord({ source: 'semantic-scholar', title: 'Other bounds', authors: ['E. Duflo'], raw: { authorIds: ['2259683'] } }),
    ])
    await t.store.close()
    const text = await runCliCaptured(['--db', t.path, 'author', 'Duflo'])
    expect(text.out).toMatch(/^E\. Duflo {2}\(e-duflo\)\n {2}known to sources as: semantic-scholar:2259683\n/)
    expect(text.out).toContain('papers (2, newest first)')
    const json = JSON.parse((await runCliCaptured(['--db', t.path, 'author', 'Duflo', '--json'])).out)
    expect(json.author.sourceIds).toEqual(['semantic-scholar:2259683'])
    // No source gave a citation count: unknown, never 0.
    expect(json.author.citationsKnown).toEqual({ papersWithCounts: 0, citations: null, counts: [] })
  })

  it('says how many co-authors it leaves out', async () => {
    const t = library()
    const crowd = Array.from({ length: 24 }, (_, i) => `Co Author${String.fromCharCode(65 + i)}`)
    await importRecords(t.store, [buildRecord({ source: 'bibtex', title: 'A big collaboration', authors: ['Jane Lead', ...crowd] })])
    await t.store.close()
    const text = await runCliCaptured(['--db', t.path, 'author', 'Jane Lead'])
    expect(text.out).toContain('  … and 4 more co-authors (--json lists them all)\n')
    const json = JSON.parse((await runCliCaptured(['--db', t.path, 'author', 'Jane Lead', '--json'])).out)
    expect([json.coAuthors.length, json.coAuthorsTotal]).toEqual([24, 24])
  })

  it('dates what a profile reported, says apart a profile that reports nothing, and over how many papers Novelty is a mean', async () => {
    const t = library()
    // Semantic Scholar's recorded answers: Turing's author detail (60 papers, one undated; h-index 23), then an
    // author search naming people with no metric.
    for (const file of ['author_detail_2262347_with_papers_hindex.json', 'author_search_turing.json']) {
      const text = readFixture(`semanticscholar/${file}`)
      const parsed = recognizeApiAnswer(text)!.source.parse(text, { input: file, fetchedAt: '2026-06-12T00:00:00Z' })
      await importRecords(t.store, parsed.records, parsed.profiles)
    }
    await analyzeLibrary(t.store)
    await t.store.close()
    const flat = (s: string) => s.replace(/\n +/g, ' ')
    const turing = flat((await runCliCaptured(['--db', t.path, 'author', 'a-turing'])).out)
    expect(turing).toContain('reported by semantic-scholar, read 2026-06-12: h-index 23, 60 papers, 12415 citations')
    // Alone in this library, his earliest papers (and the undated one) have nothing dated before them.
    expect(turing).toMatch(/Novelty \d+\.\d \(mean percentile among same-year papers, over 5\d of 60 papers\)/)
    const institute = flat((await runCliCaptured(['--db', t.path, 'author', 'the-alan-turing-institute'])).out)
    expect(institute).toContain('semantic-scholar lists this person but reports no metrics (read 2026-06-12)')
    expect(institute).not.toContain('reported by')
  })
})
