/** `paperscope similar <paper>` on a tiny real library with bare titles: a list the model places by one word says so. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyzeNewPapers, importRecords } from '../commands/index.js'
import { bareTitleLibrary, HIGHWAY_TITLE } from '../../test/support/bare-titles.js'
import { runCliCaptured } from '../../test/support/run-cli.js'
import { createTempStore, type TempStore } from '../../test/support/temp-store.js'

describe('paperscope similar <paper>', () => {
  let t: TempStore
  beforeAll(async () => {
    t = await createTempStore(() => new Date('2026-11-29T12:00:00Z'))
    await importRecords(t.store, bareTitleLibrary())
    await analyzeNewPapers(t.store)
    await t.store.close()
  })
  afterAll(() => t.cleanup())

  type Listed = { similar: Array<{ title: string; textSimilarity: number }>; note: string | null }
  const similar = async (...args: string[]) => runCliCaptured(['--db', t.path, 'similar', ...args])

  it('says of a bare title known by one word that its list rests on that word, in text and --json', async () => {
    const json = JSON.parse((await similar(HIGHWAY_TITLE, '--k', '5', '--json')).out) as Listed
    // The list is left as it is: the other network title at wording 1.00.
    expect(json.similar.find((s) => s.title === 'Network in network')?.textSimilarity).toBeCloseTo(1, 5)
    expect(json.note).toMatch(/^The model knows only “networks” of this paper's text \(its title alone\), so these papers are near that one word/)
    const text = await similar(HIGHWAY_TITLE, '--k', '5')
    expect(text.code).toBe(0)
    expect(text.out.replace(/\s+/g, ' ')).toContain(json.note!)
  })

  it('adds nothing to the list of a paper with an abstract', async () => {
    const json = JSON.parse((await similar('Deep residual learning for image recognition', '--k', '5', '--json')).out) as Listed
    expect(json.similar.length).toBeGreaterThan(0)
    expect(json.note).toBeNull()
    expect((await similar('Deep residual learning for image recognition', '--k', '5')).out).not.toMatch(/The model knows/)
  })
})
