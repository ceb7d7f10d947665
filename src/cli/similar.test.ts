/**
 * `paperscope similar <paper>` on a tiny real library with bare titles: a list the model places by one word says so.
 * `paperscope similar --title TITLE [--text TEXT]` on the corpus library, imported as a reader imports it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyzeNewPapers, importRecords } from '../commands/index.js'
import { bareTitleLibrary, HIGHWAY_TITLE } from '../../test/support/bare-titles.js'
import { REPO_ROOT, runCliCaptured } from '../../test/support/run-cli.js'
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

describe('paperscope similar --title, with --text or alone', () => {
  let dir: string
  let db: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paperscope-similar-title-'))
    db = join(dir, 'library.db')
    // Exit 2: the corpus has entries the import names and rejects; the rest is the library.
    expect((await runCliCaptured(['--db', db, 'import', join(REPO_ROOT, 'data', 'corpus')])).code).toBe(2)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  type Listed = { text: string; title: string | null; similar: Array<{ title: string; why: string[] }>; note: string | null }
  const similar = async (...args: string[]) => runCliCaptured(['--db', db, 'similar', ...args])
  const listed = async (...args: string[]) => JSON.parse((await similar(...args, '--json')).out) as Listed
  const LOTTERY = 'We look for sparse subnetworks at initialization: iterative magnitude pruning with rewinding finds winning tickets that train in isolation to full accuracy.'

  it("lists the papers nearest to a title alone, as the API's /similar takes one", async () => {
    const title = 'Deep Double Descent: Where Bigger Models and More Data Hurt'
    const json = await listed('--title', title, '--k', '5')
    expect(json).toMatchObject({ text: '', title, note: null })
    expect(json.similar).toHaveLength(5)
    expect(json.similar.filter((s) => /double descent/i.test(s.title)).length).toBeGreaterThanOrEqual(4)
    for (const s of json.similar) expect(s.why).toContain('topic: Deep Double Descent')
    const text = await similar('--title', title, '--k', '5')
    expect(text.code).toBe(0)
    // The heading names the title, going on under itself past 80 columns, as the list does.
    expect(text.out.split('\n').slice(0, 2)).toEqual(['papers most similar to "Deep Double Descent: Where Bigger Models and More Data', '  Hurt":'])
    for (const line of text.out.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80)
    expect(text.out).toContain(json.similar[1]!.title)
  })

  it('reads the title with the text: the same text under another title has other nearest papers', async () => {
    const textAlone = await listed('--text', LOTTERY, '--k', '5')
    expect(textAlone.title).toBeNull()
    expect(textAlone.similar.filter((s) => /double descent/i.test(s.title))).toEqual([])
    const titled = await listed('--text', LOTTERY, '--title', 'Double descent of the test error', '--k', '5')
    expect(titled).toMatchObject({ text: LOTTERY, title: 'Double descent of the test error' })
    expect(titled.similar.filter((s) => /double descent/i.test(s.title)).length).toBeGreaterThanOrEqual(3)
    // The text still counts: the nearest is the double-descent paper about pruning, which shares its words too.
    expect(titled.similar[0]!.why).toEqual(expect.arrayContaining(['double descent', 'sparse']))
    expect((await similar('--text', LOTTERY, '--title', 'Double descent of the test error', '--k', '5')).out.split('\n')[0]).toBe(
      'papers most similar to "Double descent of the test error" and its text:',
    )
  })

  it('says why a one-word title is near nothing, as for the same word given as a text', async () => {
    const title = await listed('--title', 'Grokking', '--k', '5')
    const asText = await listed('--text', 'Grokking', '--k', '5')
    expect(title.similar).toEqual(asText.similar)
    expect(title.note).toBe(asText.note)
    expect(title.note).toMatch(/^Compared by wording alone, as the text is too short to tell its topic/)
    const text = await similar('--title', 'Grokking', '--k', '5')
    expect(text.out).toMatch(/^no paper of the library is near "Grokking"\nCompared by wording alone/)
  })

  it('names what is missing or too much: neither a paper nor a text nor a title, an empty one, or a paper with a title', async () => {
    for (const [args, message] of [
      [[], 'name a paper (an id, an arXiv id, a DOI or title words), or give --text, --title or both'],
      [['--title', '  '], '--title is empty: give a text, a title or both'],
      [['--text', ''], '--text is empty: give a text, a title or both'],
      [['--text', ' ', '--title', ''], '--text and --title are empty: give a text, a title or both'],
      [['Deep Double Descent', '--title', 'Double descent of the test error'], 'give either a paper or --text/--title, not both'],
    ] as const) {
      const run = await similar(...args)
      expect(run.code, args.join(' ')).toBe(1)
      expect(run.err, args.join(' ')).toContain(message)
      expect(run.out, args.join(' ')).toBe('')
    }
    // An empty text beside a title is the title alone, as /similar reads `{"text": "", "title"}`.
    expect(await listed('--text', '', '--title', 'Deep Double Descent', '--k', '3')).toEqual(await listed('--title', 'Deep Double Descent', '--k', '3'))
  })
})
