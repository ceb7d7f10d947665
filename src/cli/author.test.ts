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
  })
})
