import { describe, expect, it } from 'vitest'
import { importRecords } from '../commands/index.js'
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
})
