/** `paperscope show`: a paper's novelty when papers were removed since it was computed. In-process, real files. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCaptured } from '../../test/support/run-cli.js'
import { openStore, type PaperNoveltyWrite } from '../store/index.js'

// Each test's library and .bib file, in a folder of its own.
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'paperscope-show-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** A .bib entry by one author, with an abstract. */
const entry = (key: string, year: number, title: string, abstract: string): string =>
  `@article{${key},\n  title = {${title}},\n  author = {Ann Example},\n  year = {${year}},\n  abstract = {${abstract}}\n}\n`

describe('paperscope show, after papers left the library', () => {
  it('names evidence no longer in the library as such and says novelty is out of date until analyze', async () => {
    const db = join(dir, 'library.db')
    const bib = join(dir, 'refs.bib')
    const first = entry('first', 2019, 'Grokking in modular arithmetic', 'Networks trained on modular arithmetic generalize long after they fit the training data.')
    const second = entry('second', 2020, 'Double descent in random features', 'Test error peaks where the parameters match the samples and then falls again.')
    const third = entry('third', 2021, 'Grokking and delayed generalization', 'Networks on modular arithmetic generalize long after fitting their training data.')
    writeFileSync(bib, [first, second, third].join('\n'))
    await runCliCaptured(['--db', db, 'import', bib])
    writeFileSync(bib, [second, third].join('\n'))
    await runCliCaptured(['--db', db, 'import', bib, '--no-analyze'])
    const shown = await runCliCaptured(['--db', db, 'show', 'Grokking and delayed generalization'])
    expect(shown.code).toBe(0)
    // Before, the evidence was a bare id that leads nowhere, and nothing said the figures were out of date.
    expect(shown.out).toMatch(/^ {4}\d\.\d\d {2}\S+, no longer in the library \(2019\)$/m)
    expect(shown.out).toContain('(papers were removed since novelty was computed: `paperscope analyze` recounts it)')
    await runCliCaptured(['--db', db, 'analyze'])
    const after = await runCliCaptured(['--db', db, 'show', 'Grokking and delayed generalization'])
    expect(after.out).not.toContain('no longer in the library')
    expect(after.out).not.toContain('papers were removed since')
  })
})

describe('paperscope show, of a ranked novelty', () => {
  it('names the cohort stored with the novelty, in words and in --json, not one read from its sentence', async () => {
    const db = join(dir, 'library.db')
    const bib = join(dir, 'refs.bib')
    writeFileSync(
      bib,
      [
        entry('first', 2019, 'Grokking in modular arithmetic', 'Networks trained on modular arithmetic generalize long after they fit the training data.'),
        entry('second', 2020, 'Double descent in random features', 'Test error peaks where the parameters match the samples and then falls again.'),
        entry('third', 2021, 'Grokking and delayed generalization', 'Networks on modular arithmetic generalize long after fitting their training data.'),
      ].join('\n'),
    )
    await runCliCaptured(['--db', db, 'import', bib])
    const title = 'Grokking and delayed generalization'
    const show = async () => {
      const [text, json] = [await runCliCaptured(['--db', db, 'show', title]), await runCliCaptured(['--db', db, 'show', title, '--json'])]
      expect(text.code, text.err).toBe(0)
      const line = text.out.split('\n').find((l) => l.startsWith('  novelty: percentile'))!
      return { line, cohort: (JSON.parse(json.out) as { novelty: { cohort: unknown } }).novelty.cohort }
    }
    // As analysis wrote it: the words and the JSON name the same cohort.
    const analysed = await show()
    const { from, to, papers } = analysed.cohort as { from: number; to: number; papers: number }
    expect(analysed.line).toContain(` among the ${papers} papers of ${from === to ? from : `${from}–${to}`}; 1 − `)
    const rewrite = async (edit: Partial<PaperNoveltyWrite>) => {
      const store = await openStore({ path: db })
      try {
        const id = (await store.analysis.listAnalysisInputs()).find((p) => p.title === title)!.id
        const rows = await store.analysis.listNovelty()
        await store.analysis.saveAnalysis({ analyzedAt: '2026-11-29T12:00:00Z', novelty: rows.map((r) => (r.paperId === id ? { ...r, ...edit } : r)) })
      } finally {
        await store.close()
      }
    }
    await rewrite({ explanation: '1 − 0.5 (similarity to p, the closest of 2 earlier papers); percentile among the 99 papers of 1900', cohort: { from: 2011, to: 2013, papers: 7 } })
    expect(await show()).toMatchObject({ line: expect.stringMatching(/ among the 7 papers of 2011–2013; /), cohort: { from: 2011, to: 2013, papers: 7 } })
    await rewrite({ cohort: null })
    const none = await show()
    expect(none.line).toMatch(/^ {2}novelty: percentile \d+\.\d; 1 − /)
    expect(none.cohort).toBeNull()
  })
})

describe('paperscope show, of a paper whose .bib entry carried another paper\'s DOI', () => {
  it('shows the DOI on the paper it names, and on the entry that carried it, with why the entry joined', async () => {
    const db = join(dir, 'library.db')
    const bib = join(dir, 'refs.bib')
    // DDPG as reference lists print it, with the DOI of Bengio's monograph; then Bengio's own entry.
    const ddpg = `@inproceedings{lillicrap2016continuous,\n  title = {Continuous control with deep reinforcement learning},\n  author = {Lillicrap, Timothy P. and Hunt, Jonathan J. and Silver, David},\n  year = {2016},\n  eprint = {1509.02971}, archivePrefix = {arXiv},\n  doi = {10.1561/2200000006}\n}\n`
    const bengio = `@article{bengio2009learning,\n  title = {Learning deep architectures for AI},\n  author = {Bengio, Yoshua},\n  journal = {Foundations and Trends in Machine Learning},\n  year = {2009},\n  doi = {10.1561/2200000006}\n}\n`
    writeFileSync(bib, ddpg)
    await runCliCaptured(['--db', db, 'import', bib, '--no-analyze'])
    writeFileSync(bib, [ddpg, bengio].join('\n'))
    await runCliCaptured(['--db', db, 'import', bib, '--no-analyze'])
    const shown = await runCliCaptured(['--db', db, 'show', 'Continuous control with deep reinforcement learning'])
    expect(shown.code).toBe(0)
    expect(shown.out).toMatch(/^ {2}ids: arxiv 1509\.02971$/m)
    expect(shown.out).toMatch(/^ {6}ids there: doi 10\.1561\/2200000006$/m)
    const monograph = await runCliCaptured(['--db', db, 'show', 'Learning deep architectures for AI'])
    expect(monograph.out).toMatch(/^ {2}ids: doi 10\.1561\/2200000006$/m)
    expect(monograph.out).not.toContain('ids there')
  })
})

describe('paperscope show, of a paper with no key words', () => {
  it('says why for the language the analysis told, in words and in --json: no other for English, its own for French, and names a language not English', async () => {
    const db = join(dir, 'library.db')
    const bib = join(dir, 'refs.bib')
    const french = 'Effondrement neuronal dans les réseaux profonds'
    writeFileSync(
      bib,
      [
        entry('first', 2019, 'Grokking in modular arithmetic', 'Networks trained on modular arithmetic generalize long after they fit the training data.'),
        entry('second', 2021, 'Grokking and delayed generalization', 'Networks on modular arithmetic generalize long after fitting their training data.'),
        entry('fr', 2021, french, "Nous étudions la phase terminale de l'entraînement des classifieurs profonds. Les caractéristiques de la dernière couche s'effondrent vers les moyennes de classe."),
        // A bare English title none of whose phrases is a key word.
        '@book{l2l,\n  title = {Learning to learn},\n  author = {Sebastian Thrun},\n  year = {1998}\n}\n',
      ].join('\n'),
    )
    await runCliCaptured(['--db', db, 'import', bib])
    const note = async (title: string) => {
      const [text, json] = [await runCliCaptured(['--db', db, 'show', title]), await runCliCaptured(['--db', db, 'show', title, '--json'])]
      expect(text.code, text.err).toBe(0)
      // The lines unwrapped: the note runs on under its first line.
      const line = text.out.replace(/\n {4}(?=\S)/g, ' ').split('\n').find((l) => l.startsWith('  No key words'))
      const { keywordAnalysis } = JSON.parse(json.out) as { keywordAnalysis: { note: string | null; language: string | null } }
      // The language line is printed for a text not in English only.
      const languageLine = text.out.split('\n').filter((l) => l.startsWith('  language:'))
      return { line, json: keywordAnalysis.note, language: keywordAnalysis.language, languageLine }
    }
    const english = await note('Learning to learn')
    expect(english.line).toMatch(/^ {2}No key words: no phrase of the text scores 0\.15 or more .*\)\.$/)
    expect(english.line).not.toMatch(/English/)
    expect(english.json).toBe(english.line!.trim())
    expect([english.language, english.languageLine]).toEqual(['English', []])
    const foreign = 'No key words: the text is not in English (French), and the phrases and their ranker are English.'
    expect(await note(french)).toEqual({ line: `  ${foreign}`, json: foreign, language: 'French', languageLine: ['  language: French'] })
  })
})

describe('paperscope commands that take an id, given one in capitals', () => {
  it('find the paper or author as by the lower-case id: show, similar, export and author', async () => {
    const db = join(dir, 'library.db')
    const bib = join(dir, 'refs.bib')
    writeFileSync(
      bib,
      [
        entry('first', 2019, 'Grokking in modular arithmetic', 'Networks trained on modular arithmetic generalize long after they fit the training data.'),
        entry('second', 2021, 'Grokking and delayed generalization', 'Networks on modular arithmetic generalize long after fitting their training data.'),
      ].join('\n'),
    )
    await runCliCaptured(['--db', db, 'import', bib])
    const paper = JSON.parse((await runCliCaptured(['--db', db, 'show', 'Grokking in modular arithmetic', '--json'])).out) as { id: string }
    const person = (JSON.parse((await runCliCaptured(['--db', db, 'author', 'Ann Example', '--json'])).out) as { author: { id: string } }).author.id
    const ID = paper.id.toUpperCase()
    // Before, each said no paper matches: ids are lower case, and an id's letters are no title words.
    const shown = await runCliCaptured(['--db', db, 'show', ID, '--json'])
    expect(shown.code, shown.err).toBe(0)
    expect(JSON.parse(shown.out)).toMatchObject({ id: paper.id, matchedBy: 'id' })
    const similar = await runCliCaptured(['--db', db, 'similar', ID, '--json'])
    expect(similar.code, similar.err).toBe(0)
    expect((JSON.parse(similar.out) as { paper: { id: string } }).paper.id).toBe(paper.id)
    const bibtex = await runCliCaptured(['--db', db, 'export', '--paper', ID])
    expect(bibtex.code, bibtex.err).toBe(0)
    expect(bibtex.out).toContain('Grokking in modular arithmetic')
    const author = await runCliCaptured(['--db', db, 'author', person.toUpperCase(), '--json'])
    expect(author.code, author.err).toBe(0)
    expect((JSON.parse(author.out) as { author: { id: string } }).author.id).toBe(person)
  })
})
