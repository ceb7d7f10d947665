/**
 * The analysis pipeline on the real corpus, through the store: a full run when no model is stored, the
 * incremental run after a later import, and the stored results checked against their definitions.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTempStore, type TempStore } from '../../test/support/temp-store.js'
import { isStrictlyBefore, keywordCandidates, MODEL_VERSION, normalizeKeyword, prepareText, SUGGESTION_YEARS_AHEAD, tooLittleKnown, tooLittleKnownReason } from '../analysis/index.js'
import { analysisText, analyzeNewPapers, loadAnalysisModels, type AnalyzeReport } from './analyze-library.js'
import { createAnalysisReader, storedTopicUnsorted } from './analysis-results.js'
import { importFiles } from './import-files.js'
import { importRecords } from './import-records.js'
import { buildRecord } from '../../test/support/factories.js'
import { bareTitleLibrary, DROPOUT_TITLE, HIGHWAY_TITLE } from '../../test/support/bare-titles.js'
import { findAuthor } from './lookup.js'
import type { PaperNoveltyWrite } from '../store/index.js'

const CORPUS = resolve(import.meta.dirname, '../../data/corpus')
/** The refit policy of a library too large to refit on every import. */
const LARGE_LIBRARY = { growth: 2, alwaysUpTo: 0 }
const NOW = () => new Date('2026-11-25T12:00:00Z')

/**
 * Checks every stored novelty against its definition, by brute force over the stored vectors: none for a paper of
 * whose text the stored model knows too few words (each read again here), with them as the reason; a percentile's
 * cohort, kept with the row, spans its year and counts the percentiles of its years, as its sentence says.
 */
async function expectNoveltyAsDefined(t: TempStore): Promise<number> {
  const vectors = await t.store.analysis.listVectors()
  const analyses = new Map(
    (await t.store.analysis.getPaperAnalyses(vectors.map((v) => v.paperId))).map((a) => [a.paperId, a]),
  )
  const model = (await loadAnalysisModels(t.store))!.vectors
  const inputs = new Map((await t.store.analysis.listAnalysisInputs()).map((p) => [p.id, p]))
  const rankedYears = vectors.filter((v) => analyses.get(v.paperId)!.novelty!.percentile !== null).map((v) => Number(v.date!.slice(0, 4)))
  let checked = 0
  for (const v of vectors) {
    const earlier = vectors.filter((o) => v.date && o.date && isStrictlyBefore(o.date, v.date))
    const novelty = analyses.get(v.paperId)!.novelty!
    if (novelty.percentile === null) expect(novelty.cohort, v.paperId).toBeNull()
    else {
      const { from, to, papers } = novelty.cohort!
      expect(Number(v.date!.slice(0, 4)), v.paperId).toSatisfy((year: number) => from <= year && year <= to)
      expect(papers, v.paperId).toBe(rankedYears.filter((y) => from <= y && y <= to).length)
      expect(novelty.explanation, v.paperId).toMatch(new RegExp(`; percentile among the ${papers} papers of ${from === to ? from : `${from}–${to}`}$`))
    }
    const input = inputs.get(v.paperId)!
    const known = tooLittleKnown(model, prepareText({ title: input.title, text: analysisText(input) }))
    // The words are kept as data with the row, dated or not, for an incremental run and the similar-papers note.
    expect(novelty.tooLittleKnown, v.paperId).toEqual(known)
    if (v.date && known) {
      expect(novelty).toMatchObject({ novelty: null, percentile: null, evidence: [], explanation: tooLittleKnownReason(known) })
      continue
    }
    if (earlier.length === 0) {
      expect(novelty.novelty).toBeNull()
      continue
    }
    const best = Math.max(...earlier.map((o) => v.vector.reduce((s, x, d) => s + x * (o.vector[d] ?? 0), 0)))
    expect(novelty.novelty).toBeCloseTo(1 - Math.min(1, Math.max(0, best)), 5)
    expect(novelty.evidence[0]!.similarity).toBeCloseTo(Math.min(1, Math.max(0, best)), 5)
    expect(novelty.comparedWith).toBe(earlier.length)
    checked++
  }
  return checked
}

/**
 * Checks every stored centrality against its definition, by brute force over the stored vectors: none for a paper
 * of whose text the stored model knows too few words (read again here, as novelty's check does), and for the
 * others the percentile among them of the cosine to the sum of all vectors (those papers' too) less the
 * least-squares line on log(1 + characters). Returns how many papers have one.
 */
async function expectCentralityAsDefined(t: TempStore): Promise<number> {
  const vectors = await t.store.analysis.listVectors()
  const stored = new Map((await t.store.analysis.listNovelty()).map((n) => [n.paperId, n.centralityPercentile]))
  const model = (await loadAnalysisModels(t.store))!.vectors
  const inputs = new Map((await t.store.analysis.listAnalysisInputs()).map((p) => [p.id, p]))
  const placed = vectors.filter((v) => {
    const input = inputs.get(v.paperId)!
    return tooLittleKnown(model, prepareText({ title: input.title, text: analysisText(input) })) === null
  })
  const dims = vectors[0]!.vector.length
  const centre = new Float64Array(dims)
  for (const v of vectors) for (let d = 0; d < dims; d++) centre[d]! += v.vector[d]!
  const norm = Math.hypot(...centre)
  const sims = placed.map((v) => v.vector.reduce((s, x, d) => s + x * centre[d]!, 0) / norm)
  const xs = placed.map((v) => Math.log1p(v.textLength))
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length
  const my = sims.reduce((a, b) => a + b, 0) / sims.length
  const slope = xs.reduce((s, x, i) => s + (x - mx) * (sims[i]! - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0)
  const residuals = sims.map((y, i) => y - slope * (xs[i]! - mx))
  const ids = new Set(placed.map((v) => v.paperId))
  for (const v of vectors) if (!ids.has(v.paperId)) expect(stored.get(v.paperId), v.paperId).toBeNull()
  placed.forEach((v, i) => {
    // Within a billionth: the code ranks residuals rounded to 1e-9, so that level ones tie.
    const atMost = residuals.filter((r) => r <= residuals[i]! + 1e-9).length
    const below = residuals.filter((r) => r < residuals[i]! - 1e-9).length
    const percentile = stored.get(v.paperId)!
    expect(percentile, v.paperId).toBeGreaterThanOrEqual((100 * below) / placed.length)
    expect(percentile, v.paperId).toBeLessThanOrEqual((100 * atMost) / placed.length)
  })
  return placed.length
}

describe('analysing the library', () => {
  let t: TempStore
  let first: AnalyzeReport

  beforeAll(async () => {
    t = await createTempStore(NOW)
    const files = ['awesome-deep-phenomena.txt', 'researcher-profile.txt', 'author-papers.txt'].map((f) =>
      resolve(CORPUS, f),
    )
    await importFiles(t.store, files, { cwd: CORPUS, now: NOW })
    first = await analyzeNewPapers(t.store, { now: NOW })
  })
  afterAll(async () => t.cleanup())

  it('fits the models on the first run and analyses every paper', async () => {
    const stats = await t.store.libraryStats()
    expect(first).toMatchObject({
      mode: 'full',
      reason: 'no stored models',
      papers: stats.papers,
      analyzed: stats.papers,
    })
    expect(first.models.topics?.labels).toEqual(Object.keys(stats.perTopic).sort())
    expect(first.topics.curated + first.topics.predicted + first.topics.unsorted).toBe(stats.papers)
    expect((await t.store.analysis.getModels()).map((m) => m.kind)).toEqual(['keywords', 'topics', 'vectors'])
  })

  it('keeps curated topics as they are and predicts, with a confidence, only for the others', async () => {
    const inputs = await t.store.analysis.listAnalysisInputs()
    const analyses = await t.store.analysis.getPaperAnalyses(inputs.map((p) => p.id))
    for (const [i, a] of analyses.entries()) {
      const curated = inputs[i]!.curatedTopics.length > 0
      expect(a.topicStatus === 'curated', inputs[i]!.title).toBe(curated)
      if (a.topicStatus === 'predicted') expect(a.predictedTopics[0]!.score).toBeGreaterThanOrEqual(0.35)
      if (a.topicStatus === 'unsorted') expect(a.predictedTopics).toEqual([])
    }
    const unlabelled = inputs.find(
      (p) => p.curatedTopics.length === 0 && p.title.startsWith('Hitting the High-Dimensional Notes'),
    )!
    const paper = await t.store.getPaper(unlabelled.id)
    expect(
      paper!.topics.every((tp) => tp.origin === 'predicted' && tp.confidence! > 0 && tp.confidence! <= 1),
    ).toBe(true)
    expect(paper!.keywords.filter((k) => k.origin !== 'curated').length).toBeGreaterThanOrEqual(2)
    // It has an abstract and no digest from a source: Paperscope wrote one, a whole sentence.
    expect(paper!.digest).toMatchObject({ origin: 'generated', text: expect.stringMatching(/^[A-Z].*\.$/) })
  })

  it('calls a key word extracted only when it is a phrase of the paper’s text or written there word for word, and suggested otherwise', async () => {
    const inputs = await t.store.analysis.listAnalysisInputs()
    const papers = await t.store.getPapers(inputs.map((p) => p.id))
    const counts = { extracted: 0, suggested: 0 }
    for (const [i, paper] of papers.entries()) {
      const input = inputs[i]!
      const phrases = new Set(keywordCandidates(prepareText({ title: input.title, text: analysisText(input) })).map((c) => c.key))
      // A curated key word no phrase holds (`generalization bound`, its `bound` read as a verb) is the text's own too.
      const written = ` ${input.title} ${analysisText(input)} `.toLowerCase().replace(/\s+/g, ' ')
      for (const k of paper.keywords) {
        if (k.origin === 'curated') continue
        const own = phrases.has(normalizeKeyword(k.text)) || (k.origin === 'extracted' && written.includes(k.text.toLowerCase()))
        expect(own, `${paper.title}: ${k.text} (${k.origin})`).toBe(k.origin === 'extracted')
        counts[k.origin]++
      }
    }
    expect(counts.extracted).toBeGreaterThan(100)
    expect(counts.suggested).toBeGreaterThan(10)
  })

  it('knows when the library first wrote each curated key word, and suggests none to a paper five or more years older', async () => {
    const inputs = await t.store.analysis.listAnalysisInputs()
    const keywords = (await loadAnalysisModels(t.store))!.keywords
    // Counted again from the stored inputs: the year of the first dated paper whose text writes it or that lists it.
    const first: Record<string, number> = {}
    for (const input of inputs) {
      if (!input.date) continue
      const year = Number(input.date.slice(0, 4))
      const written = keywordCandidates(prepareText({ title: input.title, text: analysisText(input) })).map((c) => c.key)
      for (const key of [...written, ...input.curatedKeywords.map((k) => normalizeKeyword(k))]) {
        if ((keywords.keywordFrequency[key] ?? 0) > 0 && !(first[key]! <= year)) first[key] = year
      }
    }
    expect(Object.keys(first).length).toBeGreaterThan(50)
    expect(keywords.firstYear).toEqual(first)
    const papers = await t.store.getPapers(inputs.map((p) => p.id))
    for (const [i, paper] of papers.entries()) {
      const date = inputs[i]!.date
      if (!date) continue
      for (const k of paper.keywords.filter((k) => k.origin === 'suggested')) {
        expect(first[normalizeKeyword(k.text)]! - Number(date.slice(0, 4)), `${paper.title}: ${k.text}`).toBeLessThan(SUGGESTION_YEARS_AHEAD)
      }
    }
  })

  it('does not show a curated key word again, nor a piece of it, as extracted or suggested (a more specific one, yes)', async () => {
    const inputs = await t.store.analysis.listAnalysisInputs()
    const papers = await t.store.getPapers(inputs.map((p) => p.id))
    const pad = (s: string): string => ` ${s} `
    let curatedPapers = 0
    for (const paper of papers) {
      const curated = paper.keywords.filter((k) => k.origin === 'curated').map((k) => normalizeKeyword(k.text))
      if (curated.length === 0) continue
      curatedPapers++
      for (const k of paper.keywords.filter((k) => k.origin !== 'curated')) {
        const key = normalizeKeyword(k.text)
        for (const c of curated) expect(pad(c).includes(pad(key)), `${paper.title}: ${k.text} beside ${c}`).toBe(false)
      }
    }
    expect(curatedPapers).toBeGreaterThan(400)
    // `Learning Curve Theory` is curated for the paper of that title: the text's `Curve Theory` is not shown.
    const hutter = papers.find((p) => p.title === 'Learning Curve Theory')!
    expect(hutter.keywords.map((k) => k.text)).toContain('Learning Curve Theory')
    expect(hutter.keywords.map((k) => k.text)).not.toContain('Curve Theory')
    // `Benign Overfitting` says more than the curated `Overfitting` of this paper: it stays.
    const taxonomy = papers.find((p) => p.title.startsWith('Benign, Tempered, or Catastrophic'))!
    expect(taxonomy.keywords.map((k) => `${k.origin}: ${k.text}`)).toEqual(expect.arrayContaining(['curated: Overfitting', 'extracted: Benign Overfitting']))
    // A phrase not shown because it restates the curated key word hides no fuller phrase: `Sharpness` (of the curated
    // Sharpness-Aware Minimization) had hidden the title's subject, and the fragment `Minimization Algorithms` was shown.
    const sharpness = papers.find((p) => p.title.startsWith('Sharpness Minimization Algorithms Do Not Only Minimize'))!
    expect(sharpness.keywords.map((k) => `${k.origin}: ${k.text}`)).toEqual(['curated: Sharpness-Aware Minimization', 'extracted: Sharpness Minimization Algorithms'])
  })

  it('stores for each paper a novelty equal to 1 − its highest similarity to papers dated strictly before it', async () => {
    expect(await expectNoveltyAsDefined(t)).toBeGreaterThan(300)
    expect(await expectCentralityAsDefined(t)).toBeGreaterThan(300)
  })

  it("lists the curated papers' vectors and key words as the whole list has them, for classify to read alone", async () => {
    const all = await t.store.analysis.listVectors()
    const curated = await t.store.analysis.listCuratedKeywordVectors()
    expect(curated.length).toBeGreaterThan(300)
    expect(curated).toEqual(all.filter((v) => v.curatedKeywords.length > 0).map((v) => ({ paperId: v.paperId, vector: v.vector, curatedKeywords: v.curatedKeywords })))
  })

  it('ranks topical centrality with the length of the text taken out: a paper is not central for having an abstract', async () => {
    const hasAbstract = new Map((await t.store.analysis.listAnalysisInputs()).map((p) => [p.id, p.abstract !== null]))
    const analyses = await t.store.analysis.getPaperAnalyses([...hasAbstract.keys()])
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
    // The profile's papers have their abstracts; the awesome list's have a title and a one-line digest.
    const long: number[] = []
    const short: number[] = []
    // A title the model knows too little of has none (checked against the definition above).
    for (const a of analyses) if (a.novelty!.centralityPercentile !== null) (hasAbstract.get(a.paperId) ? long : short).push(a.novelty!.centralityPercentile)
    expect(long.length).toBeGreaterThan(10)
    expect(short.length).toBeGreaterThan(300)
    // Plain cosine to the centre had put them 36 points apart here (85th and 49th percentile on average), 39 in the
    // whole corpus library; with length taken out, 14 here (14 papers with an abstract) and 3 there.
    expect(Math.abs(mean(long) - mean(short))).toBeLessThan(20)
  })

  it('computes researcher metrics beside the reported ones, and an h-index without citation counts is unknown, not 0', async () => {
    const { author } = await findAuthor(t.store, 'Inbar Seroussi')
    const metrics = await createAnalysisReader(t.store).authorMetrics(author!.id)
    expect(metrics!.papers.value).toBe(13)
    expect(metrics!.hIndex).toMatchObject({ value: null, known: 0, unknown: 13 })
    expect(metrics!.citations.value).toBeNull()
    expect(metrics!.aiScore.value).toBeGreaterThan(0)
    expect(metrics!.aiScore.value).toBeLessThanOrEqual(100)
    expect(metrics!.aiScore.why.map((w) => w.label)).toEqual(['topical centrality', 'novelty', 'output'])
    expect(metrics!.reported[0]).toMatchObject({ hIndex: 44, aiScore: 53 })
  })

  it('after a later import analyses only the new or changed papers, with the stored models', async () => {
    const before = await t.store.analysis.getModels()
    const report = await importFiles(t.store, [resolve(CORPUS, 'daily-papers.txt')], {
      cwd: CORPUS,
      now: NOW,
    })
    // The corpus is small enough that any growth refits by default; this tests the path large libraries take.
    const incremental = await analyzeNewPapers(t.store, { now: NOW, refit: LARGE_LIBRARY })
    expect(incremental.mode).toBe('incremental')
    expect(incremental.analyzed).toBeGreaterThanOrEqual(report.new)
    expect(incremental.analyzed).toBeLessThanOrEqual(report.new + report.merged)
    expect(await t.store.analysis.getModels()).toEqual(before)
    // Novelty was updated, not recomputed; it still matches the definition for every paper.
    expect(await expectNoveltyAsDefined(t)).toBeGreaterThan(350)
    // Centrality was ranked anew, the papers not read again placed or not by their stored reason.
    expect(await expectCentralityAsDefined(t)).toBeGreaterThan(350)
    const similar = await createAnalysisReader(t.store).similarPapers(
      (await t.store.analysis.listAnalysisInputs()).find(
        (p) => p.title === 'Perturbation Analysis of Neural Collapse',
      )!.id,
      5,
    )
    expect(similar!.length).toBe(5)
    expect(
      similar!.filter((s) => s.why.some((w) => w.label === 'topic: Neural Collapse')).length,
    ).toBeGreaterThanOrEqual(3)
    expect((await analyzeNewPapers(t.store, { now: NOW, refit: LARGE_LIBRARY })).analyzed).toBe(0)
  })

  it('gives a paper not in English no key words (its phrases would be `les`), and one in English its own', async () => {
    const french = buildRecord({ title: 'Effondrement neuronal dans les réseaux profonds', abstract: "Nous étudions la phase terminale de l'entraînement des classifieurs profonds. Les caractéristiques de la dernière couche s'effondrent vers les moyennes de classe." })
    const english = buildRecord({ title: 'Neural collapse under label noise', abstract: 'We study how the last-layer features of deep classifiers collapse to their class means when a share of the training labels is wrong, and how far the collapse goes before the noise stops it.' })
    await importRecords(t.store, [french, english])
    await analyzeNewPapers(t.store, { now: NOW, refit: LARGE_LIBRARY })
    const inputs = await t.store.analysis.listAnalysisInputs()
    const [fr, en] = await t.store.getPapers([french.title, english.title].map((title) => inputs.find((p) => p.title === title)!.id))
    expect(fr!.keywords).toEqual([])
    expect(en!.keywords.length).toBeGreaterThanOrEqual(2)
  })

  it('suggests `Neural Tangent Kernel` to a kernel paper of 2005 no more, as it does to the same title of a later year', async () => {
    const keywords = (await loadAnalysisModels(t.store))!.keywords
    const ntk = normalizeKeyword('Neural Tangent Kernel')
    const first = keywords.firstYear![ntk]!
    const title = 'Learning the kernel with hyperkernels'
    const old = buildRecord({ title, date: '2005' })
    const later = buildRecord({ title: `${title}, again`, date: String(first - SUGGESTION_YEARS_AHEAD + 1) })
    await importRecords(t.store, [old, later])
    await analyzeNewPapers(t.store, { now: NOW, refit: LARGE_LIBRARY })
    const inputs = await t.store.analysis.listAnalysisInputs()
    const [o, l] = await t.store.getPapers([old.title, later.title].map((title) => inputs.find((p) => p.title === title)!.id))
    const suggested = (p: typeof o): string[] => p!.keywords.filter((k) => k.origin === 'suggested').map((k) => k.text)
    expect(suggested(l)).toContain('Neural Tangent Kernel')
    expect(suggested(o)).not.toContain('Neural Tangent Kernel')
    // Nor is it put under the topic of that name, nor near its papers by it; the later one is.
    const topicsOf = (p: typeof o): string[] => p!.topics.map((tp) => tp.label)
    expect(topicsOf(l)).toEqual(['Neural Tangent Kernel'])
    expect(topicsOf(o)).not.toContain('Neural Tangent Kernel')
    const [stored] = await t.store.analysis.getPaperAnalyses([o!.id])
    // Unsorted for it: no topic part in its similarity, as for an off-topic paper (what is left is near nothing).
    expect(stored!.topicProbabilities).toBeNull()
    const [kept] = await t.store.analysis.getPaperAnalyses([l!.id])
    expect(kept!.topicProbabilities).toHaveLength((await loadAnalysisModels(t.store))!.topics!.labels.length)
    expect(stored!.topicWhy[0]?.label).toBe(`not under Neural Tangent Kernel: the library first writes its name in ${first}, ${first - 2005} years after this paper`)
    // No other topic is near this title alone: it is unsorted, and says why.
    expect(stored!.topicUnsorted).toMatchObject({ because: 'named-later', namedLater: { label: 'Neural Tangent Kernel', firstYear: first, year: 2005 } })
    expect(storedTopicUnsorted(stored!).note).toMatch(/^Unsorted: the closest topic, Neural Tangent Kernel \((>99|\d+)%\), is not given: the library first writes its name in \d{4}, \d+ years after this paper/)
  })

  it('refits a small library that grew, so the new papers are not read in a space fitted without them', async () => {
    const fittedOn = (await t.store.analysis.getModels()).find((m) => m.kind === 'vectors')!.librarySize
    await importFiles(t.store, [resolve(CORPUS, 'abstracts.txt')], { cwd: CORPUS, now: NOW })
    const papers = (await t.store.libraryStats()).papers
    expect(papers).toBeGreaterThan(fittedOn)
    // Not doubled: a library of more than ALWAYS_REFIT_UP_TO papers would go on with its models.
    expect(await analyzeNewPapers(t.store, { now: NOW, refit: LARGE_LIBRARY })).toMatchObject({ mode: 'incremental' })
    const report = await analyzeNewPapers(t.store, { now: NOW, refit: { growth: 2 } })
    expect(report).toMatchObject({ mode: 'full', reason: `the library grew from ${fittedOn} to ${papers} papers` })
  })

  it('refits models that an earlier version of the analysis fitted (here: a topic model without the second look at its confused pair)', async () => {
    const models = await t.store.analysis.getModels()
    const topics = models.find((m) => m.kind === 'topics')!
    const { pair, ...older } = topics.model as { pair?: unknown; version: number }
    expect(pair).toBeTruthy()
    expect(older.version).toBe(MODEL_VERSION)
    await t.store.analysis.saveAnalysis({ analyzedAt: '2026-01-01T00:00:00Z', models: [{ ...topics, model: { ...older, version: 1 } }], papers: [] })
    const report = await analyzeNewPapers(t.store, { now: NOW })
    expect(report.mode).toBe('full')
    expect(report.reason).toBe(`the analysis changed since its models were fitted (version 1 → ${MODEL_VERSION})`)
    const refitted = (await t.store.analysis.getModels()).find((m) => m.kind === 'topics')!.model as { pair?: { labels: number[] }; version: number }
    expect(refitted.pair?.labels).toHaveLength(2)
    expect(refitted.version).toBe(MODEL_VERSION)
  })
})

describe('curated labels arriving without an analysis (`import --no-analyze`)', () => {
  it('drops the predicted topics and extracted key words chosen beside the old curated ones', async () => {
    const t = await createTempStore(NOW)
    try {
      const files = ['awesome-deep-phenomena.txt', 'daily-papers.txt'].map((f) => resolve(CORPUS, f))
      await importFiles(t.store, files, { cwd: CORPUS, now: NOW })
      await analyzeNewPapers(t.store, { now: NOW })
      const list = await t.store.listPapers({ source: 'daily-papers', limit: 100 })
      const daily = list.items.find((p) => p.topics.some((x) => x.origin === 'predicted') && p.keywords.some((k) => k.origin === 'extracted'))!
      expect(daily).toBeDefined()
      // Imported again as it was: its predicted topics and extracted key words stay.
      await importFiles(t.store, files, { cwd: CORPUS, now: NOW })
      expect((await t.store.getPaper(daily.id))!.topics).toEqual(daily.topics)
      expect((await t.store.getPaper(daily.id))!.keywords).toEqual(daily.keywords)
      // A person files it under a topic, with a key word: no analysis runs after.
      await importRecords(t.store, [buildRecord({ source: 'awesome-list', title: daily.title, topics: ['Neural Collapse'], keywords: ['Neural Collapse'] })])
      const after = (await t.store.getPaper(daily.id))!
      expect(after.topics.map((x) => [x.label, x.origin])).toEqual([['Neural Collapse', 'curated']])
      expect(after.keywords.map((k) => [k.text, k.origin])).toEqual([['Neural Collapse', 'curated']])
    } finally {
      await t.cleanup()
    }
  })
})

describe('novelty of a bare title the model knows one word of', () => {
  it('has none, with that word as the reason, while papers with abstracts keep theirs; a researcher\'s mean leaves it out', async () => {
    const t = await createTempStore(NOW)
    try {
      await importRecords(t.store, bareTitleLibrary())
      await analyzeNewPapers(t.store, { now: NOW })
      const id = async (title: string): Promise<string> => (await t.store.analysis.listAnalysisInputs()).find((p) => p.title === title)!.id
      const novelty = async (title: string) => (await t.store.analysis.getPaperAnalyses([await id(title)]))[0]!.novelty!
      expect(await novelty(HIGHWAY_TITLE)).toMatchObject({ novelty: null, percentile: null, evidence: [], explanation: 'too little text the model knows to place it: only “networks”' })
      // `Network in network` is one word too, and still an earlier paper: its vector is where Highway's would stand.
      expect((await novelty('Network in network')).explanation).toBe('too little text the model knows to place it: only “network”')
      // Every other paper's novelty is as defined, over all earlier papers (the two bare titles among them).
      expect(await expectNoveltyAsDefined(t)).toBe(7)
      expect((await novelty('Deep residual learning for image recognition')).novelty).toBeGreaterThan(0)
      // Rupesh Srivastava's Novelty % is Dropout's percentile alone: the highway paper is left out, not counted as 0.
      const { author } = await findAuthor(t.store, 'Rupesh Srivastava')
      const metrics = await createAnalysisReader(t.store).authorMetrics(author!.id)
      expect(metrics!.noveltyPercent).toMatchObject({ value: (await novelty(DROPOUT_TITLE)).percentile, papers: 1 })
      expect(metrics!.noveltyPercent.howComputed).toMatch(/fewer than 2 words/)

      // An incremental run keeps the reason of the papers it does not read again.
      await importRecords(t.store, [buildRecord({ source: 'bibtex', key: 'se', title: 'Squeeze-and-excitation networks', date: '2017-09', authors: ['Jie Hu'], abstract: 'Convolutional networks learn to recalibrate channel-wise feature responses, and train to be more accurate at slight cost.' })])
      expect(await analyzeNewPapers(t.store, { now: NOW, refit: LARGE_LIBRARY })).toMatchObject({ mode: 'incremental', analyzed: 1 })
      expect(await novelty(HIGHWAY_TITLE)).toMatchObject({ explanation: 'too little text the model knows to place it: only “networks”', tooLittleKnown: ['networks'] })
      expect(await expectNoveltyAsDefined(t)).toBe(8)

      // It reads the words stored with the row, not its sentence: a row whose sentence says nothing of them keeps the
      // paper unplaced (and is written again with the reason), and one without them is ranked like any other.
      const highway = await id(HIGHWAY_TITLE)
      const rewrite = async (edit: (row: PaperNoveltyWrite) => PaperNoveltyWrite): Promise<void> => {
        const rows = await t.store.analysis.listNovelty()
        await t.store.analysis.saveAnalysis({ analyzedAt: NOW().toISOString(), novelty: rows.map((r) => (r.paperId === highway ? edit(r) : r)) })
      }
      const later = (key: string, title: string, abstract: string) => buildRecord({ source: 'bibtex', key, title, date: '2018-01', authors: ['Ann Other'], abstract })
      await rewrite((r) => ({ ...r, explanation: '' }))
      await importRecords(t.store, [later('l1', 'Residual networks train faster', 'Deep convolutional networks train faster with residual connections between their layers.')])
      expect(await analyzeNewPapers(t.store, { now: NOW, refit: LARGE_LIBRARY })).toMatchObject({ mode: 'incremental', analyzed: 1, novelty: { tooLittleKnown: 2 } })
      expect(await novelty(HIGHWAY_TITLE)).toMatchObject({ novelty: null, explanation: 'too little text the model knows to place it: only “networks”', tooLittleKnown: ['networks'] })
      await rewrite((r) => ({ ...r, tooLittleKnown: null }))
      await importRecords(t.store, [later('l2', 'Adversarial training of generative models', 'A generator and a discriminator are trained against each other by stochastic gradient descent.')])
      expect(await analyzeNewPapers(t.store, { now: NOW, refit: LARGE_LIBRARY })).toMatchObject({ mode: 'incremental', analyzed: 1, novelty: { tooLittleKnown: 1 } })
      expect((await novelty(HIGHWAY_TITLE)).novelty).toEqual(expect.any(Number))
    } finally {
      await t.cleanup()
    }
  })
})

describe('topical centrality of a bare title the model knows one word of', () => {
  it('has none, as it has no novelty, while papers with abstracts keep theirs; a researcher\'s mean leaves it out; so after an incremental run, dated or not', async () => {
    const t = await createTempStore(NOW)
    try {
      // A bare title without a date too: its row must keep the words the model knows of it, or an incremental run,
      // which reads them back, would rank it again.
      const undated = buildRecord({ source: 'bibtex', key: 'igpt', title: 'Generative pretraining from pixels', authors: ['Mark Chen'] })
      await importRecords(t.store, [...bareTitleLibrary(), undated])
      expect((await analyzeNewPapers(t.store, { now: NOW })).novelty.tooLittleKnown).toBe(3)
      const id = async (title: string): Promise<string> => (await t.store.analysis.listAnalysisInputs()).find((p) => p.title === title)!.id
      const stored = async (title: string) => (await t.store.analysis.getPaperAnalyses([await id(title)]))[0]!.novelty!
      expect(await stored(HIGHWAY_TITLE)).toMatchObject({ centralityPercentile: null, explanation: 'too little text the model knows to place it: only “networks”' })
      expect(await stored('Network in network')).toMatchObject({ centralityPercentile: null, explanation: 'too little text the model knows to place it: only “network”' })
      expect(await stored(undated.title!)).toMatchObject({ centralityPercentile: null, explanation: 'too little text the model knows to place it: only “generative”' })
      // The other seven are ranked among themselves (the top one at 100), their cosines to a centre all ten make.
      expect(await expectCentralityAsDefined(t)).toBe(7)
      expect((await stored('Deep residual learning for image recognition')).centralityPercentile).toEqual(expect.any(Number))
      // Rupesh Srivastava's topical centrality is Dropout's alone: the highway paper is left out, not counted as 0.
      const dropout = (await stored(DROPOUT_TITLE)).centralityPercentile!
      const { author } = await findAuthor(t.store, 'Rupesh Srivastava')
      const metrics = (await createAnalysisReader(t.store).authorMetrics(author!.id))!
      expect(metrics.centrality).toEqual({ mean: dropout, shrunk: (dropout + 3 * 50) / (1 + 3), papers: 1 })
      expect(metrics.aiScore.inputs.centrality).toBe(metrics.centrality.shrunk! / 100)
      expect(metrics.aiScore.howComputed).toMatch(/fewer than 2 words has no centrality/)
      // Mark Chen's one paper has neither input: no AI Score, output alone being no score.
      const chen = (await createAnalysisReader(t.store).authorMetrics((await findAuthor(t.store, 'Mark Chen')).author!.id))!
      expect([chen.centrality.papers, chen.noveltyPercent.papers, chen.aiScore.value]).toEqual([0, 0, null])

      await importRecords(t.store, [buildRecord({ source: 'bibtex', key: 'se', title: 'Squeeze-and-excitation networks', date: '2017-09', authors: ['Jie Hu'], abstract: 'Convolutional networks learn to recalibrate channel-wise feature responses, and train to be more accurate at slight cost.' })])
      expect(await analyzeNewPapers(t.store, { now: NOW, refit: LARGE_LIBRARY })).toMatchObject({ mode: 'incremental', analyzed: 1, novelty: { tooLittleKnown: 3 } })
      for (const title of [HIGHWAY_TITLE, 'Network in network', undated.title!]) expect((await stored(title)).centralityPercentile).toBeNull()
      expect(await expectCentralityAsDefined(t)).toBe(8)
    } finally {
      await t.cleanup()
    }
  })
})

describe('novelty after papers were removed', () => {
  it('recomputes every paper’s novelty when an import only removed a paper (its record joined another)', async () => {
    const t = await createTempStore(NOW)
    try {
      const paper = (key: string, title: string, abstract: string, date: string) =>
        buildRecord({ source: 'bibtex', key, title, abstract, authors: ['Ada Lovelace'], date })
      const a = paper('a', 'Grokking in modular arithmetic networks', 'Networks trained on modular arithmetic generalize long after they fit the data.', '2019')
      const b = paper('b', 'Double descent in random feature models', 'Test error peaks where the parameters match the samples, then falls.', '2020')
      const c = paper('c', 'Grokking and delayed generalization in modular arithmetic', 'Networks on modular arithmetic generalize long after fitting the data.', '2021')
      const d = paper('d', 'Grokking as delayed generalization of arithmetic networks', 'Arithmetic networks generalize long after they fit their training data.', '2022')
      await importRecords(t.store, [a, b, c, d])
      await analyzeNewPapers(t.store, { now: NOW })
      const cId = (await t.store.analysis.listVectors()).find((v) => v.date === '2021')!.paperId
      // c's record now says it is b: c's paper goes, and b's analysed text is as it was (nothing new or changed).
      await importRecords(t.store, [{ ...c, title: b.title, abstract: b.abstract, date: b.date }])
      expect((await t.store.libraryStats()).papers).toBe(3)
      await analyzeNewPapers(t.store, { now: NOW })
      // Before, nothing was recomputed: d's evidence still named the removed paper, and comparedWith counted it.
      // (b shares no word with a or d, so the model knows none of its text: it has no novelty, checked as such.)
      expect(await expectNoveltyAsDefined(t)).toBe(1)
      const analyses = await t.store.analysis.getPaperAnalyses((await t.store.analysis.listVectors()).map((v) => v.paperId))
      expect(analyses.flatMap((x) => x.novelty?.evidence ?? []).map((e) => e.paperId)).not.toContain(cId)
      expect(await t.store.analysis.noveltyStale()).toBe(false)
    } finally {
      await t.cleanup()
    }
  })
})

describe('refitting after papers were removed', () => {
  it('refits for a new paper even when a removed one keeps the count where the models were fitted', async () => {
    const t = await createTempStore(NOW)
    try {
      const paper = (key: string, title: string, abstract: string) =>
        buildRecord({ source: 'bibtex', key, title, abstract, authors: ['Ada Lovelace'], date: '2023' })
      const a = paper('a', 'Grokking in modular arithmetic networks', 'Networks trained on modular arithmetic generalize long after they fit the data.')
      const b = paper('b', 'Double descent in random feature models', 'Test error peaks where the parameters match the samples, then falls.')
      const c = paper('c', 'Neural collapse at the end of training', 'Last-layer features collapse to their class means, which form a simplex.')
      await importRecords(t.store, [a, b, c])
      expect(await analyzeNewPapers(t.store, { now: NOW })).toMatchObject({ mode: 'full', papers: 3 })
      // c becomes b (its paper goes), and a new paper comes: three papers again, one the models never saw.
      await importRecords(t.store, [{ ...c, title: b.title, abstract: b.abstract }, paper('d', 'Lottery tickets in pruned networks', 'Sparse subnetworks train to full accuracy from their first weights.')])
      expect((await t.store.libraryStats()).papers).toBe(3)
      expect(await analyzeNewPapers(t.store, { now: NOW })).toMatchObject({ mode: 'full', reason: '1 new paper since the models were fitted' })
    } finally {
      await t.cleanup()
    }
  })
})

describe('a topic its list no longer has', () => {
  it('refits so that no paper is predicted under it, and the library no longer lists it', async () => {
    const t = await createTempStore(NOW)
    const dir = mkdtempSync(join(tmpdir(), 'paperscope-topic-gone-'))
    try {
      const list = join(dir, 'awesome-deep-phenomena.txt')
      const text = readFileSync(resolve(CORPUS, 'awesome-deep-phenomena.txt'), 'utf8')
      writeFileSync(list, text)
      await importFiles(t.store, [list, resolve(CORPUS, 'daily-papers.txt')], { cwd: dir, now: NOW })
      await analyzeNewPapers(t.store, { now: NOW })
      expect((await t.store.listTopics()).map((x) => x.label)).toContain('Neural Collapse')
      // The list's owner drops the section (every year of it).
      writeFileSync(list, text.slice(0, text.indexOf('Neural Collapse: 2023')) + text.slice(text.indexOf('Deep Double Descent: 2023')))
      const report = await importFiles(t.store, [list], { cwd: dir, now: NOW })
      expect(report.removed).toBeGreaterThanOrEqual(16)
      // Even a library too large to refit for growth: the stored model would go on predicting the topic.
      const analysis = await analyzeNewPapers(t.store, { now: NOW, refit: LARGE_LIBRARY })
      expect(analysis).toMatchObject({ mode: 'full', reason: 'no paper is curated with “Neural Collapse” any more' })
      expect((await t.store.listTopics()).map((x) => x.label)).not.toContain('Neural Collapse')
      expect(await t.store.getTopic('neural-collapse')).toBeNull()
      expect((await t.store.libraryStats()).topicCounts.map((x) => x.label)).not.toContain('Neural Collapse')
      // And the next run has nothing to do.
      expect(await analyzeNewPapers(t.store, { now: NOW, refit: LARGE_LIBRARY })).toMatchObject({ mode: 'incremental', analyzed: 0 })
    } finally {
      await t.cleanup()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
