/**
 * The CLI on the real corpus, in-process against a real library file: what issue 2 promises a user.
 */
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportReport } from '../core/index.js'
import { createAnalysisReader, type LibraryOverview, type ResearcherList, type TopicTrends } from '../commands/index.js'
import { openStore, type SearchResult } from '../store/index.js'
import { runCliCaptured, type CliRun } from '../../test/support/run-cli.js'
import { writeVocabularyModel } from '../../test/support/onnx-model.js'
import { renderStats } from './commands/stats.js'

const ROOT = resolve(import.meta.dirname, '../..')
const CORPUS = join(ROOT, 'data/corpus')

/** Text output with its wrapped lines joined again: prose is wrapped at 80 columns, so a sentence may span lines. */
const flat = (text: string): string => text.replace(/\s+/g, ' ')

const cli = (args: string[], db: string, stdin?: string): Promise<CliRun> => runCliCaptured(['--db', db, ...args], stdin === undefined ? {} : { stdin })

describe('paperscope CLI on the corpus', () => {
  let dir: string
  let db: string
  let firstImport: { code: number; out: string; err: string }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paperscope-cli-'))
    db = join(dir, 'library.db')
    firstImport = await cli(['import', CORPUS, '--json'], db)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('imports every entry as a paper or a named rejection, and exits 2 for the rejection', async () => {
    expect(firstImport.code).toBe(2)
    const report = JSON.parse(firstImport.out) as ImportReport
    expect(report.inputs.map((i) => i.format).sort()).toEqual(['abstracts', 'author-papers', 'awesome-list', 'daily-papers', 'researcher-profile'])
    for (const input of report.inputs) expect(input.read).toBe(input.new + input.merged + input.updated + input.unchanged + input.rejected)
    const rejected = report.issues.filter((i) => i.severity === 'rejected')
    expect(rejected).toHaveLength(report.rejected)
    for (const issue of rejected) {
      expect(issue.source).toMatch(/^data\/corpus\/.+\.txt$/)
      expect(issue.line).toBeGreaterThan(0)
      expect(issue.message.length).toBeGreaterThan(10)
    }
  })

  it('merges the known cross-file duplicates into one paper with several source records', async () => {
    const expectations: Array<[string, string[]]> = [
      ['Grokking as a First Order Phase Transition in Two Layer Networks', ['author-papers', 'awesome-list', 'researcher-profile']],
      ['Transformers as Support Vector Machines', ['awesome-list', 'daily-papers']],
      ['Fantastic Generalization Measures are Nowhere to be Found', ['awesome-list', 'daily-papers']],
      ['More is Better in Modern Machine Learning: when Infinite Overparameterization is Optimal and Overfitting is Obligatory', ['awesome-list', 'daily-papers']],
      ['Perturbation Analysis of Neural Collapse', ['awesome-list', 'daily-papers']],
      ['From Kernels to Features: A Multi-Scale Adaptive Theory of Feature Learning', ['author-papers', 'researcher-profile']],
    ]
    for (const [title, sources] of expectations) {
      const shown = await cli(['show', title, '--json'], db)
      expect(shown.code, title).toBe(0)
      const paper = JSON.parse(shown.out) as { title: string; sources: Array<{ source: string }> }
      expect(paper.title, title).toBe(title)
      expect([...new Set(paper.sources.map((s) => s.source))].sort(), title).toEqual(sources)
    }
    // The look-alike stays a paper of its own.
    const other = JSON.parse((await cli(['show', 'Fantastic Generalization Measures and Where to Find Them', '--json'], db)).out)
    expect(other.title).toBe('Fantastic Generalization Measures and Where to Find Them')
    expect(other.sources).toHaveLength(1)
  })

  it('changes no count when the corpus is imported again', async () => {
    const before = JSON.parse((await cli(['stats', '--json'], db)).out) as LibraryOverview
    const again = await cli(['import', CORPUS, '--json'], db)
    const report = JSON.parse(again.out) as ImportReport
    expect(report.new + report.merged + report.updated).toBe(0)
    expect(report.unchanged).toBe(before.stats.sourceRecords)
    const after = JSON.parse((await cli(['stats', '--json'], db)).out) as LibraryOverview
    expect(after.stats).toEqual(before.stats)
  })

  it('gives the same library whatever order the files are imported in', async () => {
    const reversed = join(dir, 'reversed.db')
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort().reverse()
    const copy = join(dir, 'corpus-copy')
    rmSync(copy, { recursive: true, force: true })
    for (const f of [...files, 'manifest.json']) {
      const target = join(copy, f)
      rmSync(target, { force: true })
      await import('node:fs').then((fs) => fs.mkdirSync(copy, { recursive: true }))
      copyFileSync(join(CORPUS, f), target)
    }
    // Analysis is tested below; here only the merged library counts.
    for (const f of files) await cli(['import', join(copy, f), '--no-analyze'], reversed)
    const a = JSON.parse((await cli(['stats', '--json'], db)).out) as LibraryOverview
    const b = JSON.parse((await cli(['stats', '--json'], reversed)).out) as LibraryOverview
    // Not analysed: the same library, with no predicted topics yet.
    const unanalysed = a.stats.topicCounts.map((t) => ({ ...t, predicted: 0, papers: t.curated }))
    expect(b.stats).toEqual({ ...a.stats, topicCounts: unanalysed })
  })

  it('lists all 13 papers on the profile owner, with the reported metrics kept as reported', async () => {
    const { code, out } = await cli(['author', 'Inbar Seroussi', '--json'], db)
    expect(code).toBe(0)
    const o = JSON.parse(out)
    expect(o.papers).toHaveLength(13)
    expect(o.papers.map((p: { title: string }) => p.title)).toContain(
      'Hitting the High-Dimensional Notes: An ODE for SGD learning dynamics on GLMs and multi-index models',
    )
    expect(o.author.profiles[0]).toMatchObject({ source: 'researcher-profile', field: 'ML', metrics: { hIndex: 44, papers: 13, citations: 177, noveltyPercent: 55, aiScore: 53 } })
    expect(o.author.citationsKnown.papersWithCounts).toBe(0)
    // Computed beside the reported values (the import analysed the library): no citation counts, so unknown, never 0.
    expect(o.computed).toMatchObject({ papers: { value: 13 }, hIndex: { value: null }, citations: { value: null } })
    expect(o.computed.noveltyPercent.value).toBeGreaterThan(0)
    expect(o.computed.aiScore.value).toBeGreaterThan(0)
    expect(o.computed.aiScore.value).toBeLessThanOrEqual(100)
    const text = (await cli(['author', 'Inbar Seroussi'], db)).out
    expect(flat(text)).toMatch(/computed here: h-index unknown, citations unknown, Novelty \d+\.\d \(mean percentile among same-year papers, over 13 papers\), AI Score \d+/)
    // The reported values are dated, as on the web page: by the page's capture, which the corpus manifest gives
    // only as a year (79cf8e3), not by the import.
    expect(flat(text)).toMatch(/reported by researcher-profile \(field ML\), read 2026: h-index 44, 13 papers/)
    expect(text).toMatch(/\n {4}AI Score: AI Score = 100 × \(0\.4 × topical centrality/)
    // Every computed metric says how, in the text view too.
    for (const metric of ['papers', 'citations', 'h-index', 'Novelty %']) expect(text).toMatch(new RegExp(`\\n {4}${metric}: \\S.{20,}`))
    expect(flat(text)).toContain("doesn't add up: An h-index of 44 needs at least 44 papers; the same page counts 13.")
    // A researcher whose papers have no earlier paper to compare with: the weights the score used are said.
    const lin = (await cli(['author', 'Henry W. Lin'], db)).out
    expect(flat(lin)).toMatch(/Novelty unknown .*AI Score \d/)
    expect(flat(lin)).toContain(' novelty unknown, so left out: the other weights are rescaled to add up to 1 (topical centrality 0.67, output 0.33)')
    // Spellings kept apart as three people are named, for a reader who knows.
    const saxe = (await cli(['author', 'Andrew M. Saxe'], db)).out
    expect(saxe).toMatch(/\nperhaps the same person \(a name that fits, kept apart: .*\):\n {2}Andrew Michael Saxe +1 paper +andrew-michael-saxe\n {2}Andrew Saxe +1 paper +andrew-saxe\n/)
  })

  it('stats counts each topic curated, predicted and all, and all is what export --topic writes', async () => {
    const { stats } = JSON.parse((await cli(['stats', '--json'], db)).out) as LibraryOverview
    const others = stats.topicCounts.find((t) => t.label === 'Others')!
    expect(others).toMatchObject({ id: 'others', curated: 191 })
    expect(others.predicted).toBeGreaterThan(0)
    expect(stats.perTopic['Others']).toBe(191)
    for (const t of stats.topicCounts) {
      expect(t.curated + t.predicted, t.label).toBeGreaterThanOrEqual(t.papers)
      expect((await cli(['export', '--topic', t.label], db)).err, t.label).toBe(`${t.papers} BibTeX entries (${t.label})\n`)
    }
    const text = (await cli(['stats'], db)).out
    expect(text).toMatch(/\n {2}topic +curated +predicted +all\n/)
    expect(text).toMatch(new RegExp(`\\n {2}Others +191 +${others.predicted} +${others.papers}\\n`))
  })

  it('topics lists every topic with its share of the recent and earlier papers and its trend, as the API gives them', async () => {
    const run = await cli(['topics', '--json'], db)
    expect(run.code).toBe(0)
    const trends = JSON.parse(run.out) as TopicTrends
    const { stats } = JSON.parse((await cli(['stats', '--json'], db)).out) as LibraryOverview
    expect(Object.fromEntries(trends.topics.map((t) => [t.label, t.paperCount]))).toEqual(Object.fromEntries(stats.topicCounts.map((t) => [t.label, t.papers])))
    // The catch-all last, as every list of topics has it.
    expect(trends.topics.at(-1)!.label).toBe('Others')
    const text = (await cli(['topics'], db)).out
    const { recent, earlier } = trends
    expect(flat(text)).toContain(`share of the dated papers with a topic: ${recent!.from}–${recent!.to} (${recent!.papers} papers) against ${earlier!.from}–${earlier!.to} (${earlier!.papers})`)
    for (const t of trends.topics) {
      const p = t.p === null ? '—' : t.p < 0.001 ? '<.001' : t.p.toFixed(3).slice(1)
      // A note is said once under the table, by its mark: most topics share one.
      const mark = t.note ? '([¹²³⁴⁵⁶⁷⁸⁹⁰]+)' : ''
      const row = `\n${t.label} +${t.paperCount} +${(t.recent.share * 100).toFixed(1)}% \\(${t.recent.papers}\\) +${(t.earlier.share * 100).toFixed(1)}% \\(${t.earlier.papers}\\) +${p.replace('.', '\\.')} +${t.direction}${mark}\n`
      const found = new RegExp(row).exec(text)
      expect(found, t.label).not.toBeNull()
      if (t.note) expect(flat(text), t.label).toContain(` ${found![1]} ${t.note} `)
    }
    // Before, each row repeated its note: 136 columns on the corpus.
    for (const line of text.split('\n').slice(0, trends.topics.length + 4)) expect([...line].length, line).toBeLessThanOrEqual(80)
    expect(flat(text)).toMatch(/ how computed: .*two-proportion z-test/)
  })

  it('researchers ranks the library\'s people as author computes them, within a topic when asked, and names a topic it lacks', async () => {
    const run = await cli(['researchers', '--sort', 'novelty', '--limit', '5', '--json'], db)
    expect(run.code).toBe(0)
    const list = JSON.parse(run.out) as ResearcherList
    expect(list).toMatchObject({ sort: 'novelty', analysed: true })
    // Ranked by the shrunk mean, shown beside the plain one (src/server/routes/researchers.test.ts checks the values).
    const novelty = list.items.map((r) => r.noveltyRanked!)
    expect(novelty).toEqual([...novelty].sort((a, b) => b - a))
    const byNovelty = (await cli(['researchers', '--sort', 'novelty', '--limit', '3'], db)).out
    expect(byNovelty).toMatch(/\n#  researcher +papers +novelty +shrunk +AI score +id\n1  /)
    expect(flat(byNovelty)).toContain('shrunk: that mean shrunk toward 50 as if 3 more papers sat at the 50th')
    for (const line of byNovelty.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80)
    const top = list.items[0]!
    const author = JSON.parse((await cli(['author', top.id, '--json'], db)).out) as { computed: { noveltyPercent: { value: number }; aiScore: { value: number } } }
    expect(top.noveltyPercent).toBe(Math.round(author.computed.noveltyPercent.value * 10) / 10)
    expect(top.aiScore).toBe(author.computed.aiScore.value)
    const text = (await cli(['researchers', '--topic', 'Neural Collapse', '--limit', '3'], db)).out
    expect(text).toMatch(/^\d+ researchers with papers under Neural Collapse, by papers under the topic/)
    const both = (await cli(['researchers', '--topic', 'Neural Collapse', '--min-papers', '5', '--limit', '3'], db)).out
    expect(flat(both)).toMatch(/^\d+ researchers with papers under Neural Collapse and 5 papers or more in all, by papers under the topic \(most first\); 1–3 shown/)
    expect(both).not.toMatch(/--min-papers 3 leaves out/)
    // The corpus gives no paper a citation count: a ranking by them says so.
    expect(flat((await cli(['researchers', '--sort', 'h_index', '--limit', '3'], db)).out)).toMatch(/citations and h-index are unknown for everyone, and the order is by papers/)
    // The corpus gives no citation counts: columns of only — are said once, under the table, and it fits 80 columns.
    expect(text).toMatch(/\n#  researcher +in topic +papers +novelty +AI score +id\n1  /)
    expect(flat(text)).toContain('citations and h-index: unknown for everyone shown (no source gave citation counts for their papers)')
    for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80)
    expect((await cli(['researchers', '--sort', 'name', '--limit', '3'], db)).out).toMatch(/^\d+ researchers, by family name; 1–3 shown/)
    // A page as the API's lists give it (app.test: every page_size defaults to 20), so --offset 20 is their page 2.
    const page = JSON.parse((await cli(['researchers', '--json'], db)).out) as ResearcherList
    expect(page.total).toBeGreaterThan(20)
    expect(page.items).toHaveLength(20)
    const missing = await cli(['researchers', '--topic', 'alchemy'], db)
    expect(missing.code).toBe(1)
    expect(missing.err).toMatch(/no topic "alchemy" \(topics: .*neural-collapse/)
  })

  it('author takes a person with the name word typed, not one whose name only contains it, and names the others', async () => {
    const li = await cli(['author', 'Li', '--json'], db)
    expect(li.code).toBe(0)
    const o = JSON.parse(li.out) as { author: { name: string; nameVariants: string[] }; alternatives: Array<{ name: string }> }
    // Surya Ganguli (13 papers) only contains "li"; the library has many people surnamed Li.
    expect(o.author.name.split(' ')).toContain('Li')
    expect(o.alternatives.length).toBeGreaterThan(1)
    expect(o.alternatives[0]!.name.split(' ')).toContain('Li')
    expect((await cli(['author', 'Li'], db)).out).toMatch(/\nother authors matching: .*Li \(/)
    for (const wildcard of ['%', '_']) {
      expect(await cli(['author', wildcard], db), wildcard).toMatchObject({ code: 1, err: `error [NOT_FOUND]: no author matches "${wildcard}"\n` })
    }
  })

  it('search says when --limit is more than it returns at once, and --offset pages through every match', async () => {
    const capped = await cli(['search', 'neural', '--limit', '100000', '--json'], db)
    const first = JSON.parse(capped.out) as SearchResult
    expect(first.total).toBeGreaterThan(first.limit)
    expect(first.items).toHaveLength(first.limit)
    expect(capped.err).toBe(
      `--limit 100000 is more than one search returns (at most ${first.limit}): showing ${first.limit} of ${first.total}; --offset ${first.limit} shows the next\n`,
    )
    // The help names the same cap.
    expect((await cli(['search', '--help'], db)).out).toContain(`at most ${first.limit} at once`)
    const ids = new Set<string>()
    for (let offset = 0; offset < first.total; offset += first.limit) {
      const page = JSON.parse((await cli(['search', 'neural', '--limit', String(first.limit), '--offset', String(offset), '--json'], db)).out) as SearchResult
      expect(page.offset).toBe(offset)
      for (const hit of page.items) ids.add(hit.paper.id)
    }
    expect(ids.size).toBe(first.total)
    const last = await cli(['search', 'neural', '--limit', '5', '--offset', String(first.total - 2)], db)
    expect(last.err).toBe('')
    expect(last.out).toMatch(new RegExp(`^${first.total} papers match "neural" \\(showing ${first.total - 1}–${first.total}\\):\\n${first.total - 1}\\. `))
    expect((await cli(['search', 'neural', '--offset', '100000'], db)).out).toBe(`${first.total} papers match "neural"; --offset 100000 is past the last\n`)
    // Everything fits: nothing to warn about.
    expect((await cli(['search', 'grokking', '--limit', '100000'], db)).err).toBe('')
  })

  it('classify --jsonl says what is wrong with a field in plain words', async () => {
    const lines = [
      '{"title": "Grokking", "text": "We study grokking."}',
      '{"id": {"n": 2}, "title": "Grokking", "text": "We study grokking."}',
      '{"id": 3, "title": ["Grokking"], "text": "We study grokking."}',
      // (null is a field left out: `{"id": 4, "title": "Grokking", "text": null}` is a title to classify.)
      '{"id": 4, "title": "Grokking", "text": 4}',
      '[5]',
      '{"id": true, "title": "Grokking", "text": "We study grokking."}',
      '{"id": 7}',
      '{"id": 8, "title": "Grokking", "year": "2005"}',
      '{"id": 9, "title": "Grokking", "year": 999}',
    ]
    const run = await cli(['classify', '--jsonl', '-'], db, `${lines.join('\n')}\n`)
    expect(run.code).toBe(2)
    const said = [
      'line 1: "id" is missing',
      'line 2: "id" must be a string or a number, got an object',
      'line 3: "title" must be a string, got an array',
      'line 4: "text" must be a string, got a number',
      'line 5: a line must be a JSON object {"id", "title", "text"}, got an array',
      'line 6: "id" must be a string or a number, got a boolean',
      'line 7: "title" and "text" are both empty or missing: there is nothing to classify',
      'line 8: "year" must be an integer year (2005), got a string',
      'line 9: "year" is before 1000',
    ]
    const answers = run.out.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; error: { message: string } })
    expect(answers.map((a) => a.error.message)).toEqual(said)
    expect(answers.map((a) => a.id)).toEqual([null, null, 3, 4, null, null, 7, 8, 9])
    expect(run.err).toBe(said.map((m) => `stdin: error [PARSE_FAILED]: ${m}\n`).join(''))
    // A bad year is that line's error alone: the next line, dated, is answered.
    const dated = await cli(['classify', '--jsonl', '-'], db, '{"id": 1, "title": "Grokking", "year": 2005.5}\n{"id": 2, "title": "Grokking", "year": 2005}\n')
    expect(dated.code).toBe(2)
    expect(dated.out.trim().split('\n').map((l) => JSON.parse(l) as { id: number; error?: unknown })).toMatchObject([{ id: 1, error: { message: 'line 1: "year" must be a whole year (2005), got 2005.5' } }, { id: 2, topics: expect.any(Array) }])
  })

  it('finds the grokking papers first and survives FTS syntax', async () => {
    const { code, out } = await cli(['search', 'grokking', '--json', '--limit', '10'], db)
    expect(code).toBe(0)
    const result = JSON.parse(out) as SearchResult
    expect(result.items.length).toBe(10)
    for (const hit of result.items.slice(0, 8)) expect(hit.paper.title).toMatch(/grok/i)
    // `-collapse*` alone is refused now (only a word to leave out), so the `*` is tried after a word to find.
    for (const q of ['"unbalanced (', 'NEAR(a b', 'grokking -collapse*']) {
      const r = await cli(['search', '--json', '--', q], db)
      expect(r.code, q).toBe(0)
    }
    // Operators alone are no words (a leading NOT was once searched as the word "not"): refused, as `"(` is.
    for (const q of ['"(', 'AND OR NOT']) {
      const empty = await cli(['search', q, '--json'], db)
      expect(empty.code, q).toBe(1)
      expect(empty.err, q).toMatch(/INVALID_QUERY/)
    }
  })

  it('analyses the library on import: predicted topics with a confidence beside curated ones', async () => {
    const report = JSON.parse(firstImport.out) as ImportReport & { analysis: { mode: string; reason: string; analyzed: number } }
    expect(report.analysis).toMatchObject({ mode: 'full', reason: 'no stored models', analyzed: 570 })
    const shown = await cli(['show', 'Hitting the High-Dimensional Notes', '--json'], db)
    const paper = JSON.parse(shown.out) as { topics: Array<{ origin: string; confidence: number | null }>; keywords: Array<{ origin: string }>; digest: { origin: string } | null }
    expect(paper.topics.length).toBeGreaterThan(0)
    for (const t of paper.topics) expect([t.origin, t.confidence! > 0]).toEqual(['predicted', true])
    expect(paper.keywords.some((k) => k.origin === 'extracted')).toBe(true)
    expect(paper.digest?.origin).toBe('generated')
    expect((await cli(['show', 'Hitting the High-Dimensional Notes'], db)).out).toMatch(/topics: .+ \(predicted \d+%\)/)
  })

  it('says why a paper shows no topic, in the sentence the API serves, in text and JSON', async () => {
    const copy = join(dir, 'unsorted.db')
    copyFileSync(db, copy)
    const bib = join(dir, 'pie.bib')
    writeFileSync(
      bib,
      '@article{pie, title={Seasonal Variation in Apple Pie Baking Times}, author={Cook, Anna}, year={2024},\n' +
        ' abstract={We measured the baking time of apple pies across the seasons in a home kitchen. Pies baked in winter took longer to brown than pies baked in summer.}}\n' +
        '@article{brief, title={A Brief Report}, author={Cook, Anna}, year={2024}, abstract={We report a result.}}\n' +
        '@article{cd, title={Coordinate Descent for Sparse Regression}, author={Lasso, Ada}, year={2024}, abstract={We analyse coordinate descent for lasso regression and prove linear convergence.}}\n',
    )
    expect((await cli(['import', bib], copy)).code).toBe(0)
    const text = (await cli(['show', 'Seasonal Variation in Apple Pie Baking Times'], copy)).out
    // The JSON is the API's paper: `topicPrediction` says why it is unsorted.
    const json = JSON.parse((await cli(['show', 'Seasonal Variation in Apple Pie Baking Times', '--json'], copy)).out) as { topics: unknown[]; topicPrediction: { status: string; candidates: unknown[]; unsortedBecause: string; unsortedNote: string } }
    expect(json.topics).toEqual([])
    expect(json.topicPrediction).toMatchObject({ status: 'unsorted', unsortedBecause: 'off-topic', unsortedNote: 'Unsorted: the text is further from every topic of this library than any curated paper is, so it gets no topic, and a key word is suggested only where papers worded like it list it, not from similar papers or topics.' })
    expect(json.topicPrediction.candidates.length).toBeGreaterThan(0)
    // The sentence the API serves, as the paper page shows it, then the classifier's reasons.
    expect(flat(text)).toContain(` topics: ${json.topicPrediction.unsortedNote} reasons: further from every topic than any curated paper `)
    expect(text).toMatch(/\n {2}topics: Unsorted: .*\n( {4}\S.*\n)* {4}reasons: /)
    // One word deciding the best topic is said with the word.
    expect(flat((await cli(['show', 'Coordinate Descent for Sparse Regression'], copy)).out)).toMatch(
      / topics: Unsorted: the best topic, Deep Double Descent \(\d+%\), rests on one word \(“regression”\); without it the text is closer to [^.]+\. reasons: rests on one word: /,
    )
    // A paper with topics needs no such line.
    expect((JSON.parse((await cli(['show', 'Hitting the High-Dimensional Notes', '--json'], copy)).out) as { topicPrediction: { unsortedNote: unknown } }).topicPrediction.unsortedNote).toBeNull()
    // So does a paper with fewer than two key words, and one with two or more needs none.
    expect(flat((await cli(['show', 'A Brief Report'], copy)).out)).toMatch(/ (No key words: no phrase|\(Fewer than two key words: no other phrase) .*0\.15/)
    expect((JSON.parse((await cli(['show', 'A Brief Report', '--json'], copy)).out) as { keywordAnalysis: { note: string | null } }).keywordAnalysis.note).toMatch(/^(Fewer than two|No) key words: /)
    expect((JSON.parse((await cli(['show', 'Hitting the High-Dimensional Notes', '--json'], copy)).out) as { keywordAnalysis: { note: unknown } }).keywordAnalysis.note).toBeNull()
  })

  it('wraps prose at 80 columns: an abstract, a how-computed paragraph and a topic note read on a terminal of that width', async () => {
    const width = (line: string): number => [...line].length
    // The lines between a label and the next one at its depth: an abstract's, a metric's explanation.
    const block = (text: string, start: RegExp, end: RegExp): string[] => {
      const lines = text.split('\n')
      const from = lines.findIndex((l) => start.test(l))
      const to = lines.findIndex((l, i) => i > from && end.test(l))
      return lines.slice(from, to)
    }
    const show = (await cli(['show', 'Diffusion models trained on finite datasets'], db)).out
    const abstract = block(show, /^ {2}abstract:$/, /^ {2}sources/)
    expect(abstract.length).toBeGreaterThan(3)
    for (const line of abstract) expect(width(line), line).toBeLessThanOrEqual(80)
    // Every line of a paper from three sources, each saying why it joined (a path longer than a line aside).
    const merged = (await cli(['show', 'Grokking as a First Order Phase Transition in Two Layer Networks'], db)).out
    expect(merged).toContain('title there:')
    for (const line of [...show.split('\n'), ...merged.split('\n')].filter((l) => !/^ *\S+$/.test(l))) expect(width(line), line).toBeLessThanOrEqual(80)
    const author = (await cli(['author', 'Inbar Seroussi'], db)).out
    // Every line of it, the list of papers too (a 79-character title padded each row to 101 columns).
    for (const line of author.split('\n')) expect(width(line), line).toBeLessThanOrEqual(80)
    expect(author).toMatch(/\n {2}\d{4}-\d\d-\d\d {2}p\w+ {2}\S.*\n {27}\S/)
    const how = block(author, /^ {2}how each is computed:$/, /^$/)
    expect(how.length).toBeGreaterThan(10)
    for (const line of how) expect(width(line), line).toBeLessThanOrEqual(80)
    // A continued line is indented under its label, so each explanation still starts at the label's depth.
    expect(how.filter((l) => /^ {4}\S/.test(l)).map((l) => l.trim().split(':')[0])).toEqual(['papers', 'citations', 'h-index', 'Novelty %', 'AI Score'])
    const topics = (await cli(['topics'], db)).out
    for (const line of block(topics, /^how computed:/, /^$/)) expect(width(line), line).toBeLessThanOrEqual(80)
    // Lists too: a long title goes on under itself, the shared terms under theirs.
    const similar = (await cli(['similar', '--text', 'lottery ticket hypothesis: sparse subnetworks found by iterative magnitude pruning at initialization', '--k', '10'], db)).out
    const search = (await cli(['search', 'lottery', '--limit', '20'], db)).out
    for (const line of [...similar.split('\n'), ...search.split('\n')]) expect(width(line), line).toBeLessThanOrEqual(80)
    expect(similar).toMatch(/\n {2}1\. \d\.\d{2} {2}\S[^\n]*\n {11}\S/)
    // The tables too: import's (the corpus by its absolute path, its rejection and warnings), and stats' with a
    // topic named at length, as an awesome list's section may be. Before, 118 columns and more.
    const imported = (await cli(['import', CORPUS, '--no-analyze'], db)).out
    expect(imported).toMatch(/\nrejected \(\d+\):\n/)
    for (const line of imported.split('\n').filter((l) => !/^ *\S+$/.test(l))) expect(width(line), line).toBeLessThanOrEqual(80)
    const overview = JSON.parse((await cli(['stats', '--json'], db)).out) as LibraryOverview
    const long = 'Generalization, Optimization and Approximation in Overparameterized Deep Neural Networks'
    overview.stats.topicCounts.push({ ...overview.stats.topicCounts[0]!, label: long })
    const stats = renderStats(overview)
    for (const line of stats.split('\n').filter((l) => !l.startsWith('library: '))) expect(width(line), line).toBeLessThanOrEqual(80)
    expect(flat(stats)).toContain(` ${long} `)
  })

  it("prints sources' LaTeX as readable text, and keeps it as written in JSON", async () => {
    const ref = 'Diffusion models trained on finite datasets'
    const text = (await cli(['show', ref], db)).out
    expect(text).toMatch(/^Diffusion models trained on finite datasets with N samples/)
    expect(flat(text)).toContain('occurs roughly when N ≍ d, the dimension of the inputs')
    expect(text).not.toMatch(/[$\\]/)
    expect((JSON.parse((await cli(['show', ref, '--json'], db)).out) as { abstract: string }).abstract).toContain('$N \\asymp d$')
    expect(flat((await cli(['search', 'linear denoisers'], db)).out)).toMatch(/with N samples from a target/)
  })

  it('analyze refits everything and prints a summary', async () => {
    const text = await cli(['analyze'], db)
    expect(text.code).toBe(0)
    expect(text.out).toMatch(/^analysed 570 of 570 papers with freshly fitted models \(requested\) in \d+\.\d s/)
    expect(text.out).toMatch(/topic model: 9 curated topics from \d+ papers; calibrated/)
    expect(text.out).toMatch(/topics: predicted\s+\d+/)
    // (--json prints the same report the import's JSON carries as `analysis`.)
  })

  it('similar lists the nearest papers with the terms and topic they share', async () => {
    const out = await cli(['similar', 'Perturbation Analysis of Neural Collapse', '--k', '3'], db)
    expect(out.code).toBe(0)
    expect(out.out.split('\n')[0]).toMatch(/^papers most similar to "Perturbation Analysis of Neural Collapse"/)
    expect(flat(out.out)).toMatch(/wording 0\.\d\d, topics [01]\.\d\d · shared: .*topic: Neural Collapse/)
    // Title words that match several papers: the others are named, to pick one by id.
    const vague = await cli(['similar', 'neural collapse', '--k', '2'], db)
    expect(vague.out).toMatch(/\nalso matching "neural collapse" \(name one by its id\):\n {2}p\w+ {2}\S/)
    const json = JSON.parse((await cli(['similar', 'Perturbation Analysis of Neural Collapse', '--k', '5', '--json'], db)).out) as {
      paper: { title: string }
      similar: Array<{ paperId: string; title: string; score: number; textSimilarity: number; topicAgreement: number | null; why: string[] }>
    }
    expect(json.similar).toHaveLength(5)
    // The score is its two parts blended: wording 0.6, topics 0.4.
    for (const s of json.similar) expect(s.score).toBeCloseTo(0.6 * s.textSimilarity + 0.4 * (s.topicAgreement ?? 0), 5)
    expect(json.similar.map((s) => s.title)).not.toContain('Perturbation Analysis of Neural Collapse')
    expect(json.similar.every((s, i) => i === 0 || s.score <= json.similar[i - 1]!.score)).toBe(true)
    expect(await cli(['similar', 'zzzz-no-such-paper-qqq'], db)).toMatchObject({
      code: 1,
      err: 'error [NOT_FOUND]: no paper matches "zzzz-no-such-paper-qqq" (try an id, an arXiv id, a DOI or title words)\n',
    })
    // Title words matching many papers: five are named, then how many more (before, the rest went unsaid).
    const many = await cli(['show', 'grokking'], db)
    expect(many.out).toMatch(/\nalso matching "grokking" \(name one by its id\):\n(?: {2}p\w+ {2}.*\n){5} {2}… and \d+ more \(`paperscope search "grokking"` lists them all\)\n$/)
    // At most 200, each with a positive score: `--k 100000` listed the whole library, down to negative scores.
    const all = await cli(['similar', 'Perturbation Analysis of Neural Collapse', '--k', '100000', '--json'], db)
    expect(all.err).toBe('--k 100000 is more than similar lists (at most 200): listing the 200 most similar\n')
    const listed = (JSON.parse(all.out) as typeof json).similar
    expect(listed.length).toBeLessThanOrEqual(200)
    expect(listed.every((s) => s.score > 0)).toBe(true)
    // Sharing a topic counts by how specific it is: "Neural Collapse" (16 curated papers) in full, the
    // catch-all "Others" (191 of 494) about half.
    expect(Math.max(...json.similar.map((s) => s.topicAgreement ?? 0))).toBeGreaterThan(0.95)
    const catchAll = JSON.parse((await cli(['similar', 'Instance-Dependent Generalization Bounds via Optimal Transport', '--k', '5', '--json'], db)).out) as typeof json
    expect(catchAll.similar.filter((s) => s.why.includes('topic: Others'))).toHaveLength(5)
    for (const s of catchAll.similar) expect(s.topicAgreement).toBeLessThan(0.6)
  })

  it('similar --text finds the library papers nearest to a text it has never seen', async () => {
    const text =
      'We look for sparse subnetworks at initialization: iterative magnitude pruning with rewinding finds winning tickets that train in isolation to full accuracy.'
    const json = JSON.parse((await cli(['similar', '--text', text, '--k', '5', '--json'], db)).out) as {
      similar: Array<{ title: string; why: string[] }>
      note: string | null
    }
    expect(json.similar).toHaveLength(5)
    expect(json.similar.filter((s) => /lottery|ticket|prun|sparse/i.test(s.title)).length).toBeGreaterThanOrEqual(3)
    expect(json.similar[0]!.why.join(' ')).toMatch(/topic: Lottery Ticket Hypothesis|ticket|prun/)
    expect((await cli(['similar', 'Grokking', '--text', text], db)).code).toBe(1)
    expect((await cli(['similar'], db)).code).toBe(1)
    // Off topic: no topic agreement lifts a paper, and one word in common (`time`) makes nothing near.
    const recipe = 'Preheat the oven. Cream the butter and sugar, add the eggs one at a time, fold in flour and lemon zest, and bake for forty minutes until golden.'
    const offTopic = await cli(['similar', '--text', recipe], db)
    expect(offTopic.code).toBe(0)
    // It says why, in the API's /similar words.
    expect(offTopic.out).toMatch(/^no paper of the library is near the text\nCompared by wording alone/)
    expect(offTopic.out.replace(/\s+/g, ' ')).toContain(
      'as the text is further from every topic of the library than any curated paper: no library paper shares two or more listed terms with it.',
    )
    for (const stray of ['xxxxxxxxxxxx', 'the of and', 'Der Hund schläft im Garten unter dem alten Baum.']) {
      const answer = JSON.parse((await cli(['similar', '--text', stray, '--json'], db)).out) as { similar: unknown[]; note: string | null }
      expect(answer.similar, stray).toEqual([])
      expect(answer.note, stray).toMatch(/^Compared by wording alone, as the text is (too short|further from every topic)/)
    }
    expect(json.note).toBeNull()
  })

  it('classify --jsonl answers every good line, names each bad one with its line number, and never reads labels', async () => {
    const file = join(dir, 'unseen.jsonl')
    const nc = {
      id: 'nc',
      title: 'Perturbation Analysis of Neural Collapse',
      text: 'Training deep neural networks for classification often includes minimizing the training loss beyond the zero training error point. In this phase of training, a "neural collapse" behavior has been observed: the variability of features (outputs of the penultimate layer) of within-class samples decreases and the mean features of different classes approach a certain tight frame structure.',
      // A label in the input must change nothing.
      topics: ['Deep Double Descent'],
    }
    const lines = [
      JSON.stringify(nc),
      '{"id": 2, "title": "Winning lottery tickets", "text": "We find sparse subnetworks by iterative magnitude pruning that train to full accuracy from their original initialization."}',
      'this is not json',
      '{"id": 4, "title": "No text field", "text": 4}',
      JSON.stringify({ id: 5, title: 'A whole book', text: 'word '.repeat(200_000) }),
      '',
      JSON.stringify({ ...nc, id: 'nc-again', topics: [] }),
    ]
    writeFileSync(file, `${lines.join('\n')}\n`)
    const result = await cli(['classify', '--jsonl', file], db)
    expect(result.code).toBe(2)
    type Details = Array<{ text: string; origin: string; score: number; why: string[] }>
    const answers = result.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string | number | null; line?: number; error?: { code: string; message: string } })
    // Every input line but the blank one is answered, in order: a bad one by its error.
    expect(answers.map((o) => o.id)).toEqual(['nc', 2, null, 4, 5, 'nc-again'])
    expect(answers.filter((o) => o.error)).toEqual([
      { id: null, line: 3, error: { code: 'PARSE_FAILED', message: expect.stringMatching(/^line 3: not JSON/) } },
      { id: 4, line: 4, error: { code: 'PARSE_FAILED', message: 'line 4: "text" must be a string, got a number' } },
      { id: 5, line: 5, error: { code: 'PARSE_FAILED', message: expect.stringMatching(/^line 5: "text" longer than 500,000 characters/) } },
    ])
    const out = answers.filter((o) => !o.error) as unknown as Array<{ id: string | number; topics: Array<{ label: string; score: number }>; unsorted: boolean; keywords: string[]; keywordDetails: Details; digest: string | null }>
    expect(out[0]!.topics[0]!.label).toBe('Neural Collapse')
    expect(out[0]!.topics[0]!.score).toBeGreaterThan(0.35)
    expect(out[0]).toEqual({ ...out[2], id: 'nc' })
    expect(out[1]!.topics[0]!.label).toBe('Lottery Ticket Hypothesis')
    for (const [i, o] of out.entries()) {
      expect(Object.keys(o).sort()).toEqual(['digest', 'id', 'keywordDetails', 'keywords', 'keywordsNote', 'language', 'offTopic', 'topicWhy', 'topics', 'unsorted', 'unsortedBecause', 'unsortedNote'])
      // Two key words or more need no note of why there are fewer.
      expect(o).toMatchObject({ language: null, keywordsNote: null })
      expect(o.keywords.length).toBeGreaterThanOrEqual(2)
      expect(o.digest).toMatch(/^[A-Z].*[.!?]$/)
      // The details are the same key words, each saying whether the text spells it out.
      expect(o.keywordDetails.map((k) => k.text)).toEqual(o.keywords)
      const input = JSON.parse(lines[[0, 1, 6][i] as number] as string) as { title: string; text: string }
      const written = `${input.title} ${input.text}`.toLowerCase()
      for (const k of o.keywordDetails) {
        expect(k.origin === 'extracted').toBe(written.includes(k.text.toLowerCase()))
        expect(k.why.length).toBeGreaterThan(0)
      }
      // Probabilities never round to certainty.
      for (const score of [...o.topics.map((t) => t.score), ...o.keywordDetails.map((k) => k.score)]) expect(score).toBeLessThan(1)
    }
    // The lottery text never says "lottery ticket hypothesis"; similar papers suggest it, and it says so.
    expect(out[1]!.keywordDetails.find((k) => /lottery ticket/i.test(k.text))).toMatchObject({ origin: 'suggested', why: expect.arrayContaining(['suggested by similar papers']) })
    expect(result.err).toMatch(/unseen\.jsonl: error \[PARSE_FAILED\]: line 3: not JSON/)
    expect(result.err).toMatch(/unseen\.jsonl: error \[PARSE_FAILED\]: line 4: "text" /)
    expect(result.err).toMatch(/unseen\.jsonl: error \[PARSE_FAILED\]: line 5: "text" longer than 500,000 characters/)
    // Far from every topic: "unsorted" with no topics, rather than a guess.
    const bread = JSON.stringify({ id: 'bread', title: 'A sourdough starter for rye bread', text: 'We describe how to keep a rye sourdough starter alive in a cold kitchen, how often to feed it with flour and water, and how long the dough should rise before baking.' })
    const offTopic = JSON.parse((await cli(['classify', '--jsonl', '-'], db, `${bread}\n`)).out) as { topics: unknown[]; unsorted: boolean; keywords: string[]; keywordDetails: Array<{ origin: string }> }
    expect(offTopic).toMatchObject({ topics: [], unsorted: true, offTopic: true, unsortedBecause: 'off-topic', topicWhy: ['further from every topic than any curated paper'] })
    // Nothing is suggested from the library's papers for an off-topic text: its key words are its own words.
    expect(offTopic.keywords.length).toBeGreaterThan(0)
    for (const k of offTopic.keywords) expect(JSON.parse(bread).text.toLowerCase()).toContain(k.toLowerCase())
    expect(offTopic.keywordDetails.map((k) => k.origin)).toEqual(offTopic.keywords.map(() => 'extracted'))
    const strayText = 'Wir untersuchen, warum die Katze schläft. A lone surrogate.'
    const stray = JSON.parse((await cli(['classify', '--jsonl', '-'], db, `${JSON.stringify({ id: 'stray', title: 'Katzen', text: strayText })}\n`)).out) as { unsorted: boolean; keywords: string[] }
    expect(stray.unsorted).toBe(true)
    for (const k of stray.keywords) expect(`katzen ${strayText.toLowerCase()}`).toContain(k.toLowerCase())
    // Key phrases are read from English only: another language gets none (`les` had been one), and the answer names it.
    const foreign = [
      { id: 'fr', title: 'Effondrement neuronal dans les réseaux profonds', text: "Nous étudions la phase terminale de l'entraînement des classifieurs profonds. Les caractéristiques de la dernière couche s'effondrent vers les moyennes de classe." },
      { id: 'zh', title: '深度神经网络中的神经坍缩现象研究', text: '我们研究了深度神经网络训练末期的神经坍缩现象。最后一层特征收敛到类均值，类均值构成单纯形等角紧框架。' },
    ]
    const read = (await cli(['classify', '--jsonl', '-'], db, `${foreign.map((f) => JSON.stringify(f)).join('\n')}\n`)).out.trim().split('\n').map((l) => JSON.parse(l) as { keywords: string[]; keywordDetails: unknown[]; language: string | null; unsorted: boolean; keywordsNote: string | null })
    expect(read.map((r) => [r.language, r.keywords, r.keywordDetails, r.unsorted])).toEqual([['French', [], [], true], ['Chinese', [], [], true]])
    // The note gives that reason alone; an English text's note names no language.
    expect(read.map((r) => r.keywordsNote)).toEqual(['French', 'Chinese'].map((l) => `No key words: the text is not in English (${l}), and the phrases and their ranker are English.`))
    // `-` reads standard input.
    const piped = await cli(['classify', '--jsonl', '-'], db, `${lines[1]}\n`)
    expect(piped.code).toBe(0)
    expect(JSON.parse(piped.out).id).toBe(2)
    expect((await cli(['classify', '--jsonl', join(dir, 'missing.jsonl')], db)).err).toMatch(/SOURCE_UNAVAILABLE/)
  })

  it('classify --jsonl reads a batch on a second thread and answers each line as it does alone in process', async () => {
    const texts = [
      'Training deep neural networks for classification often includes minimizing the training loss beyond the zero training error point. The variability of features of within-class samples decreases.',
      'We find sparse subnetworks by iterative magnitude pruning that train to full accuracy from their original initialization.',
      'We study grokking: a sudden jump in test accuracy long after the training loss reached zero, on modular arithmetic tasks.',
    ]
    // More lines than READING_THREAD_MIN_LINES, a bad one and a blank one among them.
    const lines = Array.from({ length: 18 }, (_, i) => JSON.stringify({ id: `b${i}`, title: `Paper ${i}`, text: texts[i % texts.length] }))
    lines.splice(5, 0, 'this is not json', '')
    const file = join(dir, 'batch.jsonl')
    writeFileSync(file, `${lines.join('\n')}\n`)
    const batch = await cli(['classify', '--jsonl', file], db)
    expect(batch.code).toBe(2)
    const out = batch.out.trim().split('\n')
    expect(out).toHaveLength(19)
    expect(JSON.parse(out[5] as string)).toMatchObject({ id: null, line: 6, error: { code: 'PARSE_FAILED' } })
    for (const [k, line] of lines.entries()) {
      if (!line.startsWith('{')) continue
      const alone = await cli(['classify', '--jsonl', '-'], db, `${line}\n`)
      expect(out[k > 5 ? k - 1 : k]).toBe(alone.out.trim())
    }
  })

  it('classify --jsonl as a process answers as in process, its scoring thread never loading the NLP model', async () => {
    const daily = readFileSync(join(CORPUS, 'daily-papers.txt'), 'utf8')
    const abstract = (title: string): string => daily.slice(daily.indexOf(title)).split('\n\n')[1] ?? ''
    const ntk = abstract('Toward Infinite-Long Prefix in Transformer')
    const lines = [
      // Its first words for a title: its Neural Tangent Kernel call is close (under 40%) and rests on `kernel`, which
      // it writes in the topic's name: the topic names are read (on the reading thread) for it.
      { id: 'ntk', title: ntk.slice(0, 120), text: ntk },
      { id: 'collapse', title: 'Perturbation Analysis of Neural Collapse', text: abstract('Perturbation Analysis of Neural Collapse') },
      { id: 'title', title: 'Grokking beyond algorithmic data', text: '' },
    ].map((line) => JSON.stringify(line))
    const file = join(dir, 'process.jsonl')
    writeFileSync(file, `${lines.join('\n')}\n`)
    // Said at exit by the main thread: whether it loaded wink's English model (each thread has its own module cache).
    const probe = `import { createRequire } from 'node:module'; import { isMainThread } from 'node:worker_threads'; if (isMainThread) process.on('exit', () => process.stderr.write('NLP on main thread: ' + Object.keys(createRequire(process.cwd() + '/').cache).some((k) => k.includes('wink-eng-lite-web-model/dist/model')) + '\\n'))`
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(probe)}`, 'src/main.ts', '--db', db, 'classify', '--jsonl', file], { cwd: ROOT, encoding: 'utf8' })
    expect(run.status, run.stderr).toBe(0)
    expect(run.stderr).toBe('NLP on main thread: false\n')
    const out = run.stdout.trim().split('\n')
    const close = JSON.parse(out[0] as string) as { topics: Array<{ label: string; score: number }>; unsortedBecause: string | null }
    expect([close.topics[0]?.label, close.unsortedBecause]).toEqual(['Neural Tangent Kernel', null])
    expect(close.topics[0]?.score).toBeLessThan(0.4)
    // Each line alone in process, with no reading thread: the text and the names read here.
    for (const [k, line] of lines.entries()) expect(out[k]).toBe((await cli(['classify', '--jsonl', '-'], db, `${line}\n`)).out.trim())
  })

  it('classify --jsonl reads real-world files: a byte-order mark, number ids JSON would alter, repeated ids, empty and very short texts', async () => {
    const file = join(dir, 'real-world.jsonl')
    const lottery = 'We find sparse subnetworks by iterative magnitude pruning that train to full accuracy from their original initialization.'
    const lines = [
      `\uFEFF${JSON.stringify({ id: 'first', title: 'Winning lottery tickets', text: lottery })}`,
      `{"id": 2310.10, "title": "Winning lottery tickets", "text": "${lottery}"}`,
      '{"id": 12345678901234567890, "title": "Winning lottery tickets", "text": "x y z"}',
      JSON.stringify({ id: 'first', title: 'Lottery tickets again', text: lottery }),
      JSON.stringify({ id: 'blank', title: '  ', text: '' }),
      JSON.stringify({ id: '', title: 'Winning lottery tickets', text: lottery }),
      JSON.stringify({ id: 'one-word', title: '', text: 'grokking' }),
      JSON.stringify({ id: 'made-up', title: '', text: 'grokking flibber jabberwock snark' }),
      JSON.stringify({ id: 'short-real', title: '', text: 'neural networks generalize' }),
      JSON.stringify({ id: 'repeat', title: 'repeat' }),
      JSON.stringify({ id: 'field-word', title: '', text: 'transformers' }),
    ]
    writeFileSync(file, `${lines.join('\n')}\n`)
    const result = await cli(['classify', '--jsonl', file], db)
    expect(result.code).toBe(2)
    const out = result.out.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; line?: number; error?: { message: string }; topics?: unknown[]; unsorted?: boolean; topicWhy?: string[]; keywordDetails?: Array<{ text: string; origin: string }> })
    expect(out.map((o) => o.id)).toEqual(['first', '2310.10', '12345678901234567890', 'first', 'blank', null, 'one-word', 'made-up', 'short-real', 'repeat', 'field-word'])
    expect(out[0]!.error).toBeUndefined()
    expect(out[1]!.topics).toEqual(out[0]!.topics)
    expect(result.err).toContain('real-world.jsonl: warning: line 2: id 2310.10 is a number that JSON reads as 2310.1; it is printed as the string "2310.10"; quote ids')
    expect(result.err).toMatch(/real-world\.jsonl: warning: line 3: id 12345678901234567890 is a number that JSON reads as 12345678901234567000/)
    expect(result.err).toContain('real-world.jsonl: warning: line 4: id "first" is also the id of line 1')
    expect(out[3]!.error).toBeUndefined()
    expect(out[4]).toEqual({ id: 'blank', line: 5, error: { code: 'PARSE_FAILED', message: 'line 5: "title" and "text" are both empty or missing: there is nothing to classify' } })
    expect(out[5]).toEqual({ id: null, line: 6, error: { code: 'PARSE_FAILED', message: 'line 6: "id" is empty' } })
    expect(result.err).toContain('real-world.jsonl: error [PARSE_FAILED]: line 5: "title" and "text" are both empty')
    // One word got a topic at confidence 1.0: luck, not an answer.
    expect(out[6]).toMatchObject({ topics: [], unsorted: true, unsortedBecause: 'too-short', unsortedNote: 'Unsorted: the text is too short to tell its topic (1 content word).', topicWhy: ['too little text (1 content word) to tell its topic'] })
    // The same word among words no paper of the library uses: before, a topic at 0.999.
    expect(out[7]).toMatchObject({ topics: [], unsorted: true, unsortedBecause: 'too-short', unsortedNote: "Unsorted: too few of the text's words are ones this library's papers use (1 of 4) to tell its topic.", topicWhy: ["too few words the library's papers use (1 of 4 content words) to tell its topic"] })
    // A short text of the field's own words is read (the topic model's terms leave out words most papers have).
    expect(out[8]!.topicWhy?.join(' ')).not.toMatch(/too few words|too little text/)
    // One word is too short before anything else: before, `repeat` and even `transformers` were off topic (a
    // distance from one word is luck too), and `repeat` got the key word `repeat`. Its only key words are the
    // curated ones it writes, and nothing is suggested (`grokking` had Interpretability from its neighbours).
    const tooShort = { topics: [], unsorted: true, offTopic: false, unsortedBecause: 'too-short', unsortedNote: 'Unsorted: the text is too short to tell its topic (1 content word).', topicWhy: ['too little text (1 content word) to tell its topic'] }
    expect(out[9]).toMatchObject({ ...tooShort, keywords: [], keywordsNote: "No key words: the text is too short (1 content word) for key words of its own, and it writes no key word the library's curators list." })
    expect(out[10]).toMatchObject({ ...tooShort, keywordDetails: [expect.objectContaining({ text: 'Transformers', origin: 'extracted' })] })
    expect(out[6]).toMatchObject({ ...tooShort, keywordDetails: [expect.objectContaining({ text: 'Grokking', origin: 'extracted' })] })
    expect(out[10]).toMatchObject({ keywordsNote: expect.stringMatching(/^Fewer than two key words: the text is too short \(1 content word\)/) })
    // /similar gives the same reason first for comparing by wording alone; an off-topic text of many words stays off topic.
    const store = await openStore({ path: db })
    try {
      const reader = createAnalysisReader(store)
      expect(await reader.comparedByWording({ text: 'repeat' })).toBe('too-short')
      expect(await reader.comparedByWording({ text: 'hello there' })).toBe('too-short')
      expect(await reader.comparedByWording({ text: 'Cream the butter and sugar, add the eggs one at a time, fold in flour and lemon zest, and bake for forty minutes.' })).toBe('off-topic')
    } finally {
      await store.close()
    }
    expect(result.err.split('\n').filter((l) => l.includes(': error ['))).toHaveLength(2)
  })

  it('classify --jsonl reads a file saved as UTF-16 (with either byte order, or no byte-order mark) as the same lines', async () => {
    const text = ['{"id":"a","title":"Grokking","text":"We study grokking in small transformers."}', '{"id":"b","title":"Neural collapse","text":"Features collapse to their class means."}'].join('\n')
    const utf8 = join(dir, 'utf8.jsonl')
    writeFileSync(utf8, text)
    const expected = (await cli(['classify', '--jsonl', utf8], db)).out
    expect(expected.trim().split('\n')).toHaveLength(2)
    const le = Buffer.from(text, 'utf16le')
    for (const [name, bytes] of [
      ['le.jsonl', Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
      ['be.jsonl', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()])],
      ['le-no-bom.jsonl', le],
    ] as const) {
      writeFileSync(join(dir, name), bytes)
      // Before, every line was read as UTF-8: `Unexpected token '�'` and NULs.
      const run = await cli(['classify', '--jsonl', join(dir, name)], db)
      expect({ name, code: run.code, out: run.out, err: run.err }).toEqual({ name, code: 0, out: expected, err: '' })
    }
  })

  it('never makes an empty library where one was expected: a mistyped --db is an error, and an empty library has nothing to classify with', async () => {
    const typo = join(dir, 'no-such-library.db')
    for (const args of [['search', 'grokking'], ['stats'], ['show', 'grokking'], ['classify', '--jsonl', '-'], ['analyze']]) {
      const run = await cli(args, typo, '{"id":1,"title":"Grokking","text":"We study grokking."}\n')
      expect(run.code, args.join(' ')).toBe(1)
      expect(run.err).toMatch(/error \[NOT_FOUND\]: no library at .*no-such-library\.db: `paperscope start` builds one/)
    }
    expect(existsSync(typo)).toBe(false)
    // `import` of a missing path makes none; of an empty folder it makes one, with nothing in it to learn from.
    const empty = join(dir, 'empty.db')
    expect((await cli(['import', join(dir, 'missing-folder')], empty)).err).toMatch(/cannot read .*missing-folder: no such file/)
    expect(existsSync(empty)).toBe(false)
    const emptyFolder = mkdtempSync(join(dir, 'nothing-'))
    await cli(['import', emptyFolder], empty)
    expect(existsSync(empty)).toBe(true)
    const run = await cli(['classify', '--jsonl', '-'], empty, '{"id":1,"title":"Grokking","text":"We study grokking."}\n')
    expect(run.code).toBe(1)
    expect(run.out).toBe('')
    expect(run.err).toMatch(/error \[NOT_FOUND\]: the library has no papers to learn from; import some first/)
  })

  it('says why a text is unsorted when the library has no curated topics to learn from', async () => {
    const bib = join(dir, 'no-topics.bib')
    writeFileSync(
      bib,
      ['grokking', 'descent', 'collapse'].map((w, i) => `@article{k${i},\n  title = {A study of ${w} in deep networks},\n  author = {Doe, Jane},\n  year = {202${i}},\n  abstract = {We study ${w} in deep networks trained by gradient descent.}\n}\n`).join('\n'),
    )
    const db = join(dir, 'no-topics.db')
    expect((await cli(['import', bib], db)).code).toBe(0)
    const run = await cli(['classify', '--jsonl', '-'], db, '{"id":1,"title":"Grokking","text":"We study grokking in deep networks trained on modular arithmetic."}\n')
    expect(JSON.parse(run.out)).toMatchObject({ topics: [], unsorted: true, unsortedBecause: 'no-model', unsortedNote: 'Unsorted: the library has no curated topics to learn from.', topicWhy: [expect.stringMatching(/^the library has no curated topics to learn from/)] })
  })

  it("leaves another program's SQLite file as it is, and takes an empty file for no library", async () => {
    const other = join(dir, 'zotero.sqlite')
    const Database = (await import('better-sqlite3')).default
    const db = new Database(other)
    db.exec("CREATE TABLE items (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO items (title) VALUES ('mine')")
    db.close()
    const before = readFileSync(other)
    for (const args of [['stats'], ['search', 'grokking'], ['import', join(ROOT, 'data/corpus/abstracts.txt')]]) {
      const run = await cli(args, other)
      expect(run.code, args.join(' ')).toBe(1)
      expect(run.err).toMatch(/cannot open the library at .*zotero\.sqlite: it is an SQLite file of another program \(tables: items\), not a Paperscope library; it was left as it is/)
    }
    expect(readFileSync(other).equals(before)).toBe(true)
    expect(existsSync(`${other}-wal`)).toBe(false)
    const empty = join(dir, 'touched.db')
    writeFileSync(empty, '')
    expect((await cli(['stats'], empty)).err).toMatch(/error \[NOT_FOUND\]: no library at .*touched\.db/)
    // A file that is no SQLite at all, even one shorter than SQLite's header (which SQLite takes for an empty
    // database and writes a library over), is refused by every command and left as it was.
    for (const [name, content] of [['newline.db', '\n'], ['notes.db', 'my notes, not a library\n']] as const) {
      const file = join(dir, name)
      writeFileSync(file, content)
      for (const args of [['stats'], ['import', join(ROOT, 'data/corpus/abstracts.txt')]]) {
        const run = await cli(args, file)
        expect(run.code, `${name} ${args[0]}`).toBe(1)
        expect(run.err).toContain(`cannot open the library at ${file}: it is not an SQLite file (it starts ${JSON.stringify(content.slice(0, 16))}), not a Paperscope library; it was left as it is`)
      }
      expect(readFileSync(file, 'utf8')).toBe(content)
    }
  })

  it('refuses a day the calendar does not have and a port that is not a whole number, naming the option', async () => {
    const db = join(dir, 'dates.db')
    const feb30 = await cli(['import', join(ROOT, 'data/corpus/daily-papers.txt'), '--capture-date', '2025-02-30'], db)
    expect([feb30.code, feb30.err]).toEqual([1, expect.stringMatching(/--capture-date.*"2025-02-30" is no day of the calendar/)])
    expect(existsSync(db)).toBe(false)
    expect((await cli(['import', join(ROOT, 'data/corpus/daily-papers.txt'), '--capture-date', '2024-02-29', '--no-analyze'], db)).code).toBe(0)
    for (const bad of ['1e3', '0x50', '']) {
      const run = await cli(['serve', '--port', bad], db)
      expect([run.code, run.err], bad).toEqual([1, expect.stringMatching(/--port.*expected a port/)])
    }
  })

  it('says its version with --version or -V, as package.json has it', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
    for (const flag of ['--version', '-V']) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', flag], { cwd: ROOT, encoding: 'utf8' })
      expect(run.stdout).toBe(`${version}\n`)
      expect(run.status).toBe(0)
    }
  })

  it('stops quietly when the reader closes the pipe early (`paperscope export | head -1`)', async () => {
    const run = await new Promise<{ code: number | null; stderr: string; first: string }>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--db', db, 'export'], { cwd: ROOT })
      let first = ''
      let stderr = ''
      child.stdout.once('data', (d: Buffer) => {
        first = d.toString().split('\n')[0] ?? ''
        child.stdout.destroy()
      })
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
      child.on('close', (code) => done({ code, stderr, first }))
    })
    expect(run.first).toMatch(/^@\w+\{/)
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled|at /)
    expect(run.code).toBe(0)
  })

  it('shows a paper by id and by title words with every source record', async () => {
    const byWords = JSON.parse((await cli(['show', 'droplets of good representations', '--json'], db)).out)
    expect(byWords.sources).toHaveLength(3)
    const byId = await cli(['show', byWords.id], db)
    expect(byId.out).toMatch(/merged by title-part/)
    // Its novelty with the evidence, as the paper page shows it: the nearest earlier papers by title, nearest first
    // (in JSON as the API serves it: the percentile as `value`, the papers as summaries).
    const { novelty, noveltyEvidence: evidence } = byWords as { novelty: { value: number; why: string[] }; noveltyEvidence: Array<{ paper: { title: string }; similarity: number }> }
    expect(evidence.length).toBe(3)
    expect(novelty.why[0]).toContain(`= 1 − ${evidence[0]!.similarity.toFixed(2)}, the highest similarity among `)
    expect(evidence.map((e) => e.similarity)).toEqual([...evidence.map((e) => e.similarity)].sort((a, b) => b - a))
    expect(byId.out).toContain(`  novelty: percentile ${novelty.value.toFixed(1)} among the `)
    expect(flat(byId.out)).toContain(` ${evidence[0]!.similarity.toFixed(2)} ${evidence[0]!.paper.title} (`)
    expect((await cli(['show', 'zzzz-no-such-paper-qqq'], db)).code).toBe(1)
  })
})

describe('paperscope option values', () => {
  it('names a bad option value and exits 1 before touching any library', async () => {
    const db = join(tmpdir(), 'paperscope-never-made.db')
    for (const [args, said] of [
      [['similar', 'grokking', '--k', '0'], /option '--k <n>' argument '0' is invalid\. expected a positive whole number/],
      [['search', 'grokking', '--limit', 'abc'], /option '--limit <n>' argument 'abc' is invalid/],
      [['search', 'grokking', '--limit', '1e2'], /option '--limit <n>' argument '1e2' is invalid/],
      [['search', 'grokking', '--offset', ''], /option '--offset <n>' argument '' is invalid/],
      [['import', CORPUS, '--capture-date', '2024-13'], /argument '2024-13' is invalid\. expected YYYY, YYYY-MM or YYYY-MM-DD/],
    ] as const) {
      const run = await cli([...args], db)
      expect(run.code, args.join(' ')).toBe(1)
      expect(run.err, args.join(' ')).toMatch(said)
    }
    expect(existsSync(db)).toBe(false)
  })
})

describe('paperscope analyze --embedding-model: paper vectors from a local ONNX model', () => {
  let dir: string
  let db: string
  let modelDir: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paperscope-cli-onnx-'))
    db = join(dir, 'library.db')
    modelDir = writeVocabularyModel(join(dir, 'my-model'), join(CORPUS, 'awesome-deep-phenomena.txt'), { dimensions: 32, maxLength: 128 }).dir
    await cli(['import', join(CORPUS, 'awesome-deep-phenomena.txt'), '--no-analyze'], db)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('switches the library to the model, says so, and keeps it for similar and classify', async () => {
    const analysed = await cli(['analyze', '--embedding-model', modelDir], db)
    expect(analysed.err).toBe('')
    expect(analysed.code).toBe(0)
    expect(analysed.out).toMatch(/paper vectors: ONNX model onnx:my-model@[0-9a-f]{8} \(32 dimensions\) from .*my-model; LSA \(100 dimensions\) for the terms/)
    expect(analysed.out).toMatch(/embedding \d+\.\d s/)
    const similar = JSON.parse((await cli(['similar', 'Perturbation Analysis of Neural Collapse', '--k', '3', '--json'], db)).out) as { similar: unknown[] }
    expect(similar.similar).toHaveLength(3)
    const line = JSON.stringify({ id: 'g', title: 'Grokking as a phase transition', text: 'Delayed generalization appears long after the training loss reaches zero.' })
    const classified = await cli(['classify', '--jsonl', '-'], db, `${line}\n`)
    expect(classified.code).toBe(0)
    expect(JSON.parse(classified.out)).toMatchObject({ id: 'g', keywords: expect.any(Array) })
    // Another analyze with no option keeps the model.
    expect((await cli(['analyze'], db)).out).toMatch(/paper vectors: ONNX model onnx:my-model@/)
  })

  it('works in a real Node process too (the runtime is imported as plain Node ESM imports it, not as vitest does)', async () => {
    const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--db', db, 'similar', '--text', 'grokking and delayed generalization', '--k', '2', '--json'], { cwd: ROOT })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
      child.on('close', (code) => done({ code, stdout, stderr }))
    })
    expect(out.stderr).toBe('')
    expect(out.code).toBe(0)
    expect((JSON.parse(out.stdout) as { similar: unknown[] }).similar).toHaveLength(2)
  })

  it('a model folder that is not there fails with its path and changes nothing; `lsa` switches back', async () => {
    const missing = await cli(['analyze', '--embedding-model', join(dir, 'no-model')], db)
    expect(missing.code).toBe(1)
    expect(missing.err).toMatch(/MODEL_UNAVAILABLE.*no-model does not exist/)
    expect((await cli(['analyze', '--json'], db)).out).toMatch(/"embedder": "onnx:my-model@/)
    const back = await cli(['analyze', '--embedding-model', 'lsa'], db)
    expect(back.out).toMatch(/paper vectors: LSA, 100 dimensions/)
  })
})
