import { describe, expect, it } from 'vitest'
import { analyzeLibrary, importRecords } from '../commands/index.js'
import { recognizeApiAnswer } from '../ingest/index.js'
import { openStore } from '../store/index.js'
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
    // Semantic Scholar's recorded answers: an author search naming people with no metric, then Turing's papers of his
    // author detail (60, one undated), which make his hit (2262347) his; then the detail's profile (h-index 23).
    const read = (file: string) => {
      const text = readFixture(`semanticscholar/${file}`)
      return recognizeApiAnswer(text)!.source.parse(text, { input: file, fetchedAt: '2026-06-12T00:00:00Z' })
    }
    const search = read('author_search_turing.json')
    const detail = read('author_detail_2262347_with_papers_hindex.json')
    await importRecords(t.store, search.records, search.profiles)
    await importRecords(t.store, detail.records)
    await analyzeLibrary(t.store)
    await t.store.close()
    const flat = (s: string) => s.replace(/\n +/g, ' ')
    const listed = flat((await runCliCaptured(['--db', t.path, 'author', 'a-turing'])).out)
    expect(listed).toContain('semantic-scholar lists this person but reports no metrics (read 2026-06-12)')
    expect(listed).not.toContain('reported by')
    // A hit no paper here names is no person of the library ('The Alan Turing Institute').
    expect((await runCliCaptured(['--db', t.path, 'author', 'The Alan Turing Institute'])).out).not.toContain('The Alan Turing Institute  (')
    const again = await openStore({ path: t.path })
    await importRecords(again, [], detail.profiles)
    await again.close()
    const turing = flat((await runCliCaptured(['--db', t.path, 'author', 'a-turing'])).out)
    expect(turing).toContain('reported by semantic-scholar, read 2026-06-12: h-index 23, 60 papers, 12415 citations')
    // Alone in this library, his earliest papers (and the undated one) have nothing dated before them.
    expect(turing).toMatch(/Novelty \d+\.\d \(mean percentile among same-year papers, over 5\d of 60 papers\)/)
  })
})
