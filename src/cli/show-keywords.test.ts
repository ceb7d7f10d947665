/**
 * `paperscope show`: a suggested key word (not in the paper's text) says what suggested it, in the words the API and
 * the paper page give its reasons. In-process, on a real library file of the corpus.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, runCliCaptured } from '../../test/support/run-cli.js'

describe('paperscope show, of suggested key words', () => {
  let dir: string
  let db: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paperscope-show-keywords-'))
    db = join(dir, 'library.db')
    await runCliCaptured(['--db', db, 'import', join(REPO_ROOT, 'data/corpus')])
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('gives each suggestion its own reasons, as the API does, not one cause for all', async () => {
    // A curated paper (suggested beside its curator's key words) and predicted ones, each suggested a key word.
    const titles = ['A Modern Take on the Bias-Variance Tradeoff', 'Group channel pruning and spatial attention distilling', 'Semi-Parametric Neural Image Synthesis']
    const reasons = new Set<string>()
    for (const title of titles) {
      const json = JSON.parse((await runCliCaptured(['--db', db, 'show', title, '--json'])).out) as { keywordAnalysis: { items: Array<{ text: string; origin: string; why: string[] }> } }
      const suggested = json.keywordAnalysis.items.filter((k) => k.origin === 'suggested')
      expect(suggested.length, title).toBeGreaterThan(0)
      const shown = await runCliCaptured(['--db', db, 'show', title])
      expect(shown.code).toBe(0)
      // The lines unwrapped: a reason list runs on under its key word.
      const text = shown.out.replace(/\n {6}/g, ' ')
      expect(text).toContain('  key words (suggested, not in the text):\n')
      for (const k of suggested) {
        expect(k.why.length).toBeGreaterThan(0)
        expect(text).toContain(`\n    ${k.text}: ${k.why.join(', ')}\n`)
        for (const why of k.why) reasons.add(why.replace(/“.*”/, '“…”'))
      }
      expect(text).not.toContain('suggested by similar papers, not in the text')
    }
    // Between them the papers were suggested key words for each kind of reason: the label is not one of them.
    expect([...reasons]).toEqual(expect.arrayContaining(['papers worded like it list it (not in text)', 'suggested by similar papers', 'typical of “…” papers (not in text)', 'completes a phrase of the text']))
  })
})
