/** Analysis on the real corpus: the awesome list's curated topics, key words and digests. */
import { beforeAll, describe, expect, it } from 'vitest'
import type { SourceRecord } from '../core/index.js'
import { awesomeListRecords, readCorpusRecords } from '../../test/support/corpus-records.js'
import { assignTopics, classifyTopics, fitTopicClassifier, topicModelFromJson, topicModelToJson, topicNameText, type TopicModel } from './classify.js'
import { extractKeywords, fewKeywordsNote, fitKeywordModel, keywordCandidates, keywordEvidence, keywordsBesideCurated, MIN_FILL_IN_SCORE, normalizeKeyword, RANK_ALL, restatesKeyword, type KeywordTopic } from './keywords.js'
import { prepareText, type PreparedText } from './text.js'

const HELD_OUT = 'Perturbation Analysis of Neural Collapse'

const records = awesomeListRecords()
const docOf = (r: SourceRecord): PreparedText => prepareText({ title: r.title ?? '', text: r.digest?.text ?? '' })

describe('topic classifier trained on the awesome list', () => {
  let model: TopicModel
  const heldOut = records.find((r) => r.title === HELD_OUT)

  beforeAll(() => {
    const training = records.filter((r) => r.title !== HELD_OUT)
    model = fitTopicClassifier(training.map((r) => ({ doc: docOf(r), topics: r.topics })), { calibrationFolds: 3 })
  })

  it(`puts '${HELD_OUT}' (never seen) under Neural Collapse`, () => {
    expect(heldOut?.topics).toEqual(['Neural Collapse'])
    const prediction = classifyTopics(model, docOf(heldOut as SourceRecord))
    expect(prediction.topics[0]?.label).toBe('Neural Collapse')
    expect(prediction.unsorted).toBe(false)
    expect(prediction.why.map((w) => w.label)).toEqual(expect.arrayContaining(['collapse']))
  })

  it('takes its labels from the data and calibrates confidences', () => {
    expect(model.labels).toEqual([...new Set(records.flatMap((r) => r.topics))].sort())
    expect(model.temperature).toBeGreaterThan(0)
    const prediction = classifyTopics(model, prepareText({ title: 'Winning lottery tickets found by iterative magnitude pruning', text: '' }), { top: 9 })
    expect(prediction.topics[0]?.label).toBe('Lottery Ticket Hypothesis')
    expect(prediction.topics.reduce((s, t) => s + t.confidence, 0)).toBeCloseTo(1, 6)
  })

  it('lets curated topics win and marks predicted ones', () => {
    const prediction = classifyTopics(model, docOf(heldOut as SourceRecord))
    expect(assignTopics(['Others'], prediction)).toEqual([{ label: 'Others', origin: 'curated', confidence: null }])
    expect(assignTopics([], prediction)[0]).toMatchObject({ label: 'Neural Collapse', origin: 'predicted' })
    expect(assignTopics([], { ...prediction, unsorted: true })).toEqual([])
  })

  it('calls a text further from every topic than any curated paper off topic, and no paper of the field', () => {
    const offTopic = (title: string, text: string): boolean => classifyTopics(model, prepareText({ title, text })).offTopic
    expect(offTopic('A sourdough starter for rye bread', 'We describe how to keep a rye sourdough starter alive in a cold kitchen.')).toBe(true)
    expect(offTopic('Über die Generalisierung neuronaler Netze', 'Wir untersuchen, warum überparametrisierte Netze generalisieren.')).toBe(true)
    expect(offTopic('A broken line', 'A lone surrogate. We study it.')).toBe(true)
    const bread = classifyTopics(model, prepareText({ title: 'A sourdough starter for rye bread', text: '' }))
    expect(bread.unsorted).toBe(true)
    expect(bread.why.map((w) => w.label)).toEqual(['further from every topic than any curated paper'])
    // Against the papers it was fitted on (all but one), so this only guards a floor set too high.
    expect(records.filter((r) => classifyTopics(model, docOf(r)).offTopic).map((r) => r.title)).toEqual([])
    expect(offTopic('Neural collapse', '')).toBe(false)
  })

  it('reads a text of mostly unseen words with one of the field\'s as off topic, not as that word alone', () => {
    // Before, words the curated papers never wrote were dropped, so `grokking` alone made this a 0.79 topic.
    const recipe = classifyTopics(
      model,
      prepareText({
        title: 'Sourdough bread',
        text: 'Mix the flour and water and leave the dough to rest for an hour. Knead it with salt, let it rise overnight in a warm kitchen, then bake it in a hot oven for forty minutes. My kids call the long wait grokking the loaf, because the crumb only opens up after a long, slow rise.',
      }),
    )
    expect(recipe).toMatchObject({ offTopic: true, unsorted: true })
    // The field's own words that are in most papers (`neural`, `network`) are known, not unseen.
    expect(model.centroids?.tfidf.common).toEqual(expect.arrayContaining(['network', 'neural']))
    const grokking = classifyTopics(model, prepareText({ title: 'Grokking in neural networks', text: 'Neural networks trained on modular addition grok long after they fit.' }))
    expect(grokking).toMatchObject({ offTopic: false, unsorted: false })
    expect(grokking.topics[0]?.label).toBe('Emergence and Phase Transitions')
  })

  it("reads `descent` by its compound: coordinate or gradient descent is no evidence for the double-descent papers' `descent`", () => {
    // Before, `descent` alone gave these 0.98 and 0.60 under Deep Double Descent, whose papers write it as `double descent`.
    const coordinate = classifyTopics(model, prepareText({ title: 'Coordinate Descent for Sparse Regression', text: 'We analyse coordinate descent for lasso regression and prove linear convergence.' }))
    expect(coordinate.unsorted).toBe(true)
    expect(coordinate.why[0]?.label).toMatch(/^rests on one word: without “regression” the text is closer to /)
    expect(coordinate.topics[0]?.confidence ?? 0).toBeLessThan(0.5)
    const otherSense = /^“descent” counted for little under Deep Double Descent: its papers write “double descent”, this text does not$/
    expect(coordinate.why.map((w) => w.label)).toContainEqual(expect.stringMatching(otherSense))
    const gradient = classifyTopics(model, prepareText({ title: 'In-Context Learning as Gradient Descent', text: 'We show that transformers trained on linear regression tasks implement gradient descent in their forward pass, explaining in-context learning.' }))
    expect(gradient.topics[0]?.label).not.toBe('Deep Double Descent')
    expect(gradient.why.map((w) => w.label)).toContainEqual(expect.stringMatching(otherSense))
    // The double-descent papers' own compound still counts in full.
    const double = classifyTopics(model, prepareText({ title: 'Double descent in random feature regression', text: 'We show sample-wise double descent of the test error.' }))
    expect(double.unsorted).toBe(false)
    expect(double.topics[0]?.label).toBe('Deep Double Descent')
    expect(double.topics[0]?.confidence).toBeGreaterThan(0.9)
    expect(model.centroids?.heads?.shares[model.labels.indexOf('Deep Double Descent')]?.['descent']).toHaveProperty('double')
  })

  it("does not say a close call rests on one word when the text writes that word in the topic's name (`Neural Tangent Kernel`)", () => {
    // A daily paper that studies prefix learning through the NTK. Without `kernel` it is closer to Others, and so it
    // is without `tangent`: the call rests on the name the text writes, `Neural Tangent Kernel (NTK)`, not on one
    // word. It is 42% here; a library with three more curated papers put it at 35%, under the 40% the one-word test
    // reads, and said it rested on one word (“Kernel”). The bar is raised so this model tests the call too.
    const paper = readCorpusRecords('daily-papers', 'daily-papers.txt').find((r) => r.title === 'Toward Infinite-Long Prefix in Transformer') as SourceRecord
    const abstract = paper.abstract ?? ''
    expect(abstract).toContain('the Neural Tangent Kernel (NTK) technique')
    const closeCalls = { ...model, centroids: { ...(model.centroids as NonNullable<TopicModel['centroids']>), oneWordBelow: 0.45 } }
    const prediction = classifyTopics(closeCalls, prepareText({ title: paper.title ?? '', text: abstract }))
    expect(prediction.topics[0]?.label).toBe('Neural Tangent Kernel')
    expect(prediction.topics[0]?.confidence).toBeLessThan(0.45)
    expect(prediction).toMatchObject({ unsorted: false, unsortedBecause: null, oneWord: null })
    expect(prediction.why.map((w) => w.label).slice(0, 2)).toEqual(['Kernel', 'Tangent'])
    // The same words with `kernel` outside the name: the same confidence, and now it does rest on that one word.
    const apart = prepareText({ title: paper.title ?? '', text: abstract.replace('Neural Tangent Kernel (NTK)', 'Neural Tangent (NTK) kernel') })
    const split = classifyTopics(closeCalls, apart)
    expect(split.topics[0]?.confidence).toBeCloseTo(prediction.topics[0]?.confidence ?? 0, 6)
    expect(split).toMatchObject({ unsorted: true, unsortedBecause: 'one-word', oneWord: { word: 'kernel', instead: 'Others' } })
    // A phrase of the name is the topic's sense too (`tangent kernel`).
    expect(classifyTopics(closeCalls, prepareText({ title: paper.title ?? '', text: abstract.replace('Neural Tangent Kernel (NTK)', 'tangent kernel (NTK)') })).unsortedBecause).toBeNull()
    // The names read elsewhere (classify's reading thread) are the ones read: as read here, the same call; a name
    // read as another text, another call.
    const doc = prepareText({ title: paper.title ?? '', text: abstract })
    const named = (label: string, title = label) => new Map([[label, prepareText(topicNameText(title))]])
    expect(classifyTopics(closeCalls, doc, { names: named('Neural Tangent Kernel') })).toEqual(prediction)
    expect(classifyTopics(closeCalls, doc, { names: named('Neural Tangent Kernel', 'Kernel Regime') })).toMatchObject({ unsortedBecause: 'one-word', oneWord: { word: 'Kernel', instead: 'Others' } })
  })

  it('gives an unsorted text no key words from a topic it withheld: Coordinate Descent is suggested nothing as typical of Deep Double Descent', () => {
    const keywords = fitKeywordModel(records.filter((r) => r.title !== HELD_OUT).map((r) => ({ doc: docOf(r), keywords: r.keywords, topics: r.topics })))
    const doc = prepareText({ title: 'Coordinate Descent for Sparse Regression', text: 'We analyse coordinate descent for lasso regression and prove linear convergence.' })
    const prediction = classifyTopics(model, doc)
    // Deep Double Descent reaches the bar, but one word decides it: the classifier gives no topic.
    expect(prediction.unsorted).toBe(true)
    expect(prediction.topics[0]?.label).toBe('Deep Double Descent')
    expect(prediction.topics[0]?.confidence).toBeGreaterThanOrEqual(model.unsortedBelow)
    const typical = (topics: readonly KeywordTopic[], text = doc) =>
      extractKeywords(keywords, text, { topics, shownTopics: [], ...RANK_ALL }).filter((k) => k.why.some((w) => w.label.startsWith('typical of')))
    // Its withheld topics would have made `Deep Double Descent` typical of the paper's topic, for a text that supports
    // it (this one writes `descent` only in `coordinate descent`, no support: keyword-compounds.test.ts).
    const alone = prepareText({ title: 'Descent for Sparse Regression', text: 'We analyse the descent of lasso regression and prove linear convergence.' })
    expect(typical(prediction.topics, alone).map((k) => k.text)).toContain('Deep Double Descent')
    expect(typical(prediction.topics)).toEqual([])
    // The key words read why the classifier left it unsorted.
    expect(prediction.unsortedBecause).toBe('one-word')
    const evidence = keywordEvidence([], prediction)
    expect(evidence).toEqual({ topics: [], shownTopics: [], similarPapers: true, unsorted: true })
    expect(typical(evidence.topics, alone)).toEqual([])
    // Unsorted because no topic is confident, a text keeps its topics by their (low) confidence, named as near it.
    const unsure = { ...prediction, unsortedBecause: 'low-confidence' as const, topics: prediction.topics.map((t) => ({ ...t, confidence: t.confidence * (model.unsortedBelow - 0.01) })) }
    expect(keywordEvidence([], unsure).topics).toEqual(unsure.topics)
    expect(keywordEvidence([], { ...unsure, offTopic: true, unsortedBecause: 'off-topic' })).toEqual({ topics: [], shownTopics: [], similarPapers: false, unsorted: false })
  })

  it('explains a topic with terms as the text writes them, not as the model keys them', () => {
    const doc = prepareText({
      title: 'PAC-Bayesian bounds for self-attention',
      text: 'We prove PAC-Bayes generalization bounds for self-attention layers and test them on Transformers.',
    })
    const terms = classifyTopics(model, doc).why.map((w) => w.label)
    expect(terms.join(' ')).toMatch(/PAC-Bayes|self-attention/)
    // Keys lower-case, lemmatise and join hyphenated words: none of them may reach a reader.
    expect(terms.filter((t) => /pacbayes|selfattention/.test(t))).toEqual([])
    expect(new Set(terms).size).toBe(terms.length)
  })

  it('round-trips through JSON for the store', () => {
    const back = topicModelFromJson(JSON.parse(JSON.stringify(topicModelToJson(model))))
    const doc = docOf(heldOut as SourceRecord)
    expect(classifyTopics(back, doc).topics).toEqual(classifyTopics(model, doc).topics)
  })

  it('gives the two topics its centroids confuse most a second look, found in the data', () => {
    // On the awesome list the catch-all sections are the pair: no label is named in the code.
    const pair = model.pair
    expect(pair).toBeTruthy()
    expect(pair!.labels.map((c) => model.labels[c])).toEqual(['Empirical Study', 'Others'])
    expect(pair!.confused).toBeGreaterThanOrEqual(10)
    const theory = prepareText({ title: 'A PAC-Bayesian generalization bound for two-layer networks', text: 'We prove a bound on the generalization error of two-layer networks trained by gradient descent.' })
    const prediction = classifyTopics(model, theory)
    expect(['Empirical Study', 'Others']).toContain(prediction.topics[0]?.label)
    expect(prediction.why.map((w) => w.label)).toContainEqual(expect.stringMatching(/^told apart from (Empirical Study|Others) by a model of their papers$/))
    // Without it the model has no pair, and papers whose best topic is outside the pair are untouched.
    const plain = fitTopicClassifier(records.filter((r) => r.title !== HELD_OUT).map((r) => ({ doc: docOf(r), topics: r.topics })), { calibrationFolds: 3, pairRefinement: false })
    expect(plain.pair).toBeNull()
    expect(classifyTopics(plain, docOf(heldOut as SourceRecord)).topics).toEqual(classifyTopics(model, docOf(heldOut as SourceRecord)).topics)
  })

  it('round-trips the pair through JSON too', () => {
    const back = topicModelFromJson(JSON.parse(JSON.stringify(topicModelToJson(model))))
    const theory = prepareText({ title: 'A PAC-Bayesian generalization bound for two-layer networks', text: 'We prove a bound on the generalization error.' })
    expect(classifyTopics(back, theory).topics).toEqual(classifyTopics(model, theory).topics)
  })

  it('classifies unseen papers: each gets a best topic with a confidence, or is unsorted', () => {
    const texts = records.slice(0, 100).map((r) => ({ title: r.title ?? '', text: r.digest?.text ?? '' }))
    for (const t of texts) {
      const prediction = classifyTopics(model, prepareText(t))
      expect(model.labels).toContain(prediction.topics[0]?.label)
      expect(prediction.unsorted).toBe((prediction.topics[0]?.confidence ?? 0) < model.unsortedBelow)
    }
  })
})

describe('key phrases on known abstracts', () => {
  it('finds the multi-word concepts of a digest, with the acronym it defines', () => {
    const record = records.find((r) => r.title === 'Neural (Tangent Kernel) Collapse') as SourceRecord
    const candidates = keywordCandidates(docOf(record))
    const ntk = candidates.find((c) => c.key === 'neural tangent kernel')
    expect(ntk?.hasAcronym).toBe(true)
    expect(candidates.map((c) => c.key)).toEqual(expect.arrayContaining(['neural collapse', 'block structure']))
    expect(candidates.map((c) => c.key)).not.toContain('investigate')
  })

  it('extracts curated-like key phrases for papers it was not fitted on', () => {
    const isTest = (r: SourceRecord): boolean => r.date === '2023'
    const model = fitKeywordModel(records.filter((r) => !isTest(r)).map((r) => ({ doc: docOf(r), keywords: r.keywords })))
    expect(JSON.parse(JSON.stringify(model))).toEqual(model)
    const lottery = records.find((r) => isTest(r) && /lottery tickets/i.test(r.title ?? '')) as SourceRecord
    const keys = extractKeywords(model, docOf(lottery), { max: 3, min: 3 }).map((k) => k.key)
    expect(keys.some((k) => k.startsWith('lottery ticket'))).toBe(true)
    const grokking = records.find((r) => isTest(r) && /grokking/i.test(r.title ?? '')) as SourceRecord
    const phrases = extractKeywords(model, docOf(grokking), { max: 3, min: 2 })
    expect(phrases.map((k) => k.key)).toContain('grokking')
    expect(phrases.every((k) => k.why.length > 0)).toBe(true)
    expect(normalizeKeyword('Lottery Ticket Hypothesis')).toBe('lottery ticket hypothesis')
    // Similar papers' key words are looked up, not read again; the lookup says what reading them says.
    const written = Object.keys(model.keyOf ?? {})
    expect(written.length).toBeGreaterThan(250)
    for (const k of written) expect(model.keyOf?.[k], k).toBe(normalizeKeyword(k))
  })

  it('ranks a text it was fitted on as it would a fresh reading of it (what it read of a text once is kept, never changed)', () => {
    const training = records.filter((r) => r.date !== '2023')
    const docs = training.map(docOf)
    const model = fitKeywordModel(training.map((r, i) => ({ doc: docs[i]!, keywords: r.keywords })))
    expect(fitKeywordModel(training.map((r) => ({ doc: docOf(r), keywords: r.keywords })))).toEqual(model)
    for (const i of [0, 7, 50, 120, 300]) {
      const once = extractKeywords(model, docs[i]!, RANK_ALL)
      expect(once.length).toBeGreaterThan(2)
      expect(extractKeywords(model, docs[i]!, RANK_ALL)).toEqual(once)
      expect(extractKeywords(model, docOf(training[i]!), RANK_ALL)).toEqual(once)
    }
  })

  it('shows a key word as most papers spell it, whatever order the papers come in', () => {
    const doc = (text: string): PreparedText => prepareText({ title: text, text })
    const docs = [
      { doc: doc('Overparameterization helps'), keywords: ['Overparameterization'] },
      { doc: doc('Over-parameterization and memorization'), keywords: ['Over-parameterization', 'Memorization'] },
      { doc: doc('Benign overparameterization'), keywords: ['Overparameterization'] },
    ]
    const key = normalizeKeyword('Over-parameterization')
    expect(normalizeKeyword('Overparameterization')).toBe(key)
    for (const order of [docs, [...docs].reverse(), [docs[1]!, docs[0]!, docs[2]!]]) {
      expect(fitKeywordModel(order).display[key]).toBe('Overparameterization')
    }
  })

  it('shows an acronym as the phrase it stands for when the text spells it out (`AI` → artificial intelligence)', () => {
    const isTest = (r: SourceRecord): boolean => r.date === '2023'
    const model = fitKeywordModel(records.filter((r) => !isTest(r)).map((r) => ({ doc: docOf(r), keywords: r.keywords })))
    const paper = records.find((r) => r.title?.startsWith('Painful intelligence: What AI can tell us')) as SourceRecord
    // `AI` is in the title, the phrase only in the digest: both are candidates, and the acronym ranks higher.
    expect(keywordCandidates(docOf(paper)).map((c) => c.key)).toEqual(expect.arrayContaining(['ai', 'artificial intelligence']))
    const keys = extractKeywords(model, docOf(paper), { max: 5, min: 3 }).map((k) => k.key)
    expect(keys).toContain('artificial intelligence')
    expect(keys).not.toContain('ai')
    // A hyphenated word gives an acronym one initial per word too (LSTF, not LSTSF): `LSTF` had been shown.
    const forecasting = prepareText({
      title: 'Scaling laws of LSTF transformers',
      text: 'Long Sequence Time-series Forecasting (LSTF) asks for long horizons. We show that LSTF models overfit, and that LSTF benchmarks reward memorization. Our LSTF results hold on four datasets.',
    })
    const shown = extractKeywords(model, forecasting).map((k) => k.text)
    expect(shown).toContain('Long Sequence Time-series Forecasting')
    expect(shown).not.toContain('LSTF')
  })

  it('takes no variable written out as a key word (`Psi` where the page lost `$\\Psi$`)', () => {
    const paper = readCorpusRecords('daily-papers', 'daily-papers.txt').find((r) => r.title === 'On the Provable Advantage of Unsupervised Pretraining')
    expect(paper?.abstract).toMatch(/latent variable models Phi .* prediction functions Psi/)
    const keys = keywordCandidates(prepareText({ title: paper?.title ?? '', text: paper?.abstract ?? '' })).map((c) => c.key)
    expect(keys).toEqual(expect.arrayContaining(['latent variable model', 'unsupervised pretraining']))
    expect(keys).not.toContain('psi')
    expect(keys).not.toContain('phi')
  })

  it('credits an acronym to the phrase it abbreviates, not to a last word that shares its first letter', () => {
    const paper = readCorpusRecords('researcher-profile', 'researcher-profile.txt').find((r) => r.title?.startsWith('A Geometric Unification of Generative AI'))
    expect(paper?.abstract).toContain('Manifold-Probabilistic Projection Model (MPPM)')
    const flagged = keywordCandidates(prepareText({ title: paper?.title ?? '', text: paper?.abstract ?? '' })).filter((c) => c.hasAcronym).map((c) => c.text)
    expect(flagged).toContain('Manifold-Probabilistic Projection Models')
    expect(flagged.filter((t) => /^models?$/i.test(t))).toEqual([])
  })

  /** A ranker that learned to trust neighbours' key words (each paper's own are among its neighbours'). */
  const trustingNeighbours = () =>
    fitKeywordModel(
      records.map((r, i) => ({
        doc: docOf(r),
        keywords: r.keywords,
        neighbours: [
          { similarity: 0.6, keywords: r.keywords },
          { similarity: 0.3, keywords: records[(i + 1) % records.length]?.keywords ?? [] },
        ],
      })),
    )
  const dailyPaper = (prefix: string): SourceRecord | undefined => readCorpusRecords('daily-papers', 'daily-papers.txt').find((r) => r.title?.startsWith(prefix))

  it('lets a weak suggestion (not in the text, under minSuggestionScore) yield to the text’s own phrases', () => {
    const model = trustingNeighbours()
    const paper = dailyPaper('AutoNumerics-Zero')
    const doc = prepareText({ title: paper?.title ?? '', text: paper?.abstract ?? '' })
    // A neighbour lists a key word the text writes words of (`approximation`); the ranker puts it first.
    const neighbours = [{ similarity: 0.2, keywords: ['Approximation Theory'] }]
    const texts = (options: { minSuggestionScore?: number; minFillScore?: number }, d = doc) => extractKeywords(model, d, { neighbours, ...options }).map((k) => k.text)
    expect(texts({ minSuggestionScore: 0 })[0]).toBe('Approximation Theory')
    // Its reasons are the evidence for it; that it is not in the text is its origin, not a reason.
    const suggestion = extractKeywords(model, doc, { neighbours, minSuggestionScore: 0 })[0]
    expect(suggestion?.inText).toBe(false)
    expect(suggestion?.why.map((w) => w.label)).toContain('suggested by similar papers')
    expect(suggestion?.why.map((w) => w.label)).not.toContain('not in the text')
    // Held back (its score is under the bar), it yields to two phrases of the text.
    const heldBack = texts({ minSuggestionScore: 1.01, minFillScore: 0 })
    expect(heldBack).toHaveLength(2)
    expect(heldBack).not.toContain('Approximation Theory')
    for (const k of heldBack) expect(`${paper?.title} ${paper?.abstract}`.toLowerCase()).toContain(k.toLowerCase())
    // A text with no phrase of its own worth showing still gets it.
    expect(texts({ minSuggestionScore: 1.01 }, prepareText({ title: 'On approximation', text: '' }))).toContain('Approximation Theory')
  })

  it('shows no suggestion the text gives no support: AutoNumerics-Zero gets phrases of its own, not Neural Tangent Kernel', () => {
    const model = trustingNeighbours()
    const paper = dailyPaper('AutoNumerics-Zero')
    const doc = prepareText({ title: paper?.title ?? '', text: paper?.abstract ?? '' })
    // The corpus library's similar papers list these; the text writes no word of them and no acronym, and papers
    // worded like it list them less often than papers do on average. They had been its only two key words.
    const neighbours = [
      { similarity: 0.3, keywords: ['Neural Tangent Kernel'] },
      { similarity: 0.3, keywords: ['Lottery Ticket Hypothesis'] },
    ]
    const ranked = extractKeywords(model, doc, { neighbours, minSuggestionScore: 0, ...RANK_ALL })
    expect(ranked.map((k) => k.text)).not.toContain('Neural Tangent Kernel')
    expect(ranked.map((k) => k.text)).not.toContain('Lottery Ticket Hypothesis')
    expect(ranked[0]?.text).toBe('Mathematical Functions')
    for (const k of ranked.slice(0, 2)) expect(k.inText).toBe(true)
    // Support is a word of it in the text, its acronym, or its classifier: the same key words stay suggestions for a
    // text on kernels or one that says NTK.
    const kernel = extractKeywords(model, prepareText({ title: 'Kernel regimes of wide networks', text: 'We study the NTK of wide networks at initialization.' }), { neighbours, minSuggestionScore: 0, ...RANK_ALL })
    expect(kernel.map((k) => k.text)).toContain('Neural Tangent Kernel')
  })

  it('lets no phrase under the fill-in score fill a list, and no generic word before a specific phrase (`Data` of the title Deep Double Descent)', () => {
    const title = 'Deep Double Descent: Where Bigger Models and More Data Hurt'
    const model = fitKeywordModel(records.filter((r) => r.title !== title).map((r) => ({ doc: docOf(r), keywords: r.keywords, topics: r.topics })))
    const doc = prepareText({ title, text: '' })
    const shown = extractKeywords(model, doc)
    expect(shown[0]?.text).toBe('Deep Double Descent')
    // `Data` (0.05) and `Models` had filled the list to two: words most papers write, no key words.
    expect(shown.map((k) => k.key)).not.toEqual(expect.arrayContaining(['data']))
    expect(shown.map((k) => k.key)).not.toEqual(expect.arrayContaining(['model']))
    for (const k of shown) expect(k.score).toBeGreaterThanOrEqual(MIN_FILL_IN_SCORE)
    // The app's path (the whole ranking, then what is shown beside no curated key words) chooses the same.
    const ranked = extractKeywords(model, doc, RANK_ALL)
    expect(keywordsBesideCurated(ranked, []).map((k) => k.text)).toEqual(shown.map((k) => k.text))
    // With nothing that reaches the bar a list is shorter than two, and says why.
    expect(fewKeywordsNote(1)).toMatch(/^Fewer than two key words: no other phrase .*0\.15/)
    // With none, "no other phrase" would read as if one had been found.
    expect(fewKeywordsNote(0)).toMatch(/^No key words: no phrase .*0\.15.*not in English/)
    expect(fewKeywordsNote(2)).toBeNull()
    // A generic word (`Generalization`, in 140 of the library's texts, listed by one curator) yields to a specific
    // phrase beside the curated `Over-Parametrization`.
    const op = records.find((r) => r.title?.startsWith('Towards Understanding the Role of Over-Parametrization'))
    const others = fitKeywordModel(records.filter((r) => r !== op).map((r) => ({ doc: docOf(r), keywords: r.keywords, topics: r.topics })))
    const beside = keywordsBesideCurated(extractKeywords(others, docOf(op as SourceRecord), RANK_ALL), op?.keywords ?? [])
    expect(beside.map((k) => k.key)).not.toContain('generalization')
    expect(beside.length).toBeGreaterThan(0)
  })

  it('names the topic a key word is typical of: the one whose curated papers list it most, by the paper’s confidence in each', () => {
    const model = fitKeywordModel(records.filter((r) => r.title !== HELD_OUT).map((r) => ({ doc: docOf(r), keywords: r.keywords, topics: r.topics })))
    // A text that names none of its topic's key words: what the topic suggests comes with the topic's name.
    const doc = prepareText({ title: 'Sparse subnetworks that train in isolation', text: 'We prune a dense network early in training and retrain the mask.' })
    const topics = [
      { label: 'Others', confidence: 0.3 },
      { label: 'Lottery Ticket Hypothesis', confidence: 0.7 },
    ]
    const reasons = extractKeywords(model, doc, { topics, max: 5, min: 5, minScore: 0 }).flatMap((k) => k.why.map((w) => w.label))
    const typical = reasons.filter((label) => label.startsWith('typical of'))
    expect(typical.length).toBeGreaterThan(0)
    for (const label of typical) expect(label).toMatch(/^typical of “Lottery Ticket Hypothesis” papers( \(not in text\))?$/)
  })

  it('calls a phrase of short words capitalised only when they are (`map` is not, `SGD` is)', () => {
    const model = fitKeywordModel(records.map((r) => ({ doc: docOf(r), keywords: r.keywords })))
    const doc = prepareText({ title: 'A note', text: 'We learn a map with SGD. The map is smooth, and SGD finds it.' })
    const why = new Map(extractKeywords(model, doc, { max: 5, min: 5, minScore: 0 }).map((k) => [k.key, k.why.map((w) => w.label)]))
    expect(why.get('map')).toBeDefined()
    expect(why.get('map')).not.toContain('capitalised')
    const features = keywordCandidates(doc).filter((c) => c.key === 'sgd' || c.key === 'map').map((c) => [c.key, c.capitalised])
    expect(Object.fromEntries(features)).toEqual({ sgd: true, map: false })
  })

  it('takes no phrase with a word of praise (`Discovery of State-of-the-Art`)', () => {
    const paper = readCorpusRecords('daily-papers', 'daily-papers.txt')
      .find((r) => r.title?.startsWith('AutoNumerics-Zero'))
    const texts = keywordCandidates(prepareText({ title: paper?.title ?? '', text: paper?.abstract ?? '' })).map((c) => c.text)
    expect(texts).toContain('Mathematical Functions')
    expect(texts.filter((t) => /state-of-the-art/i.test(t))).toEqual([])
  })

  it('does not show two pieces of one phrase as two key words (`structural equation`, `equation models`)', () => {
    const model = fitKeywordModel(records.map((r) => ({ doc: docOf(r), keywords: r.keywords })))
    const paper = readCorpusRecords('daily-papers', 'daily-papers.txt')
      .find((r) => r.title === 'One-connection rule for structural equation models')
    const keys = extractKeywords(model, prepareText({ title: paper?.title ?? '', text: paper?.abstract ?? '' }), { max: 5, min: 3 }).map((k) => k.key)
    expect(keys.length).toBeGreaterThanOrEqual(3)
    for (const a of keys)
      for (const b of keys) if (a !== b && a.includes(' ') && b.includes(' ')) expect(a.split(' ').at(-1), `${a} / ${b}`).not.toBe(b.split(' ')[0])
  })

  it('ends a phrase at a finite verb (`When Do Neural Networks Outperform Kernel Methods?`)', () => {
    const texts = keywordCandidates(prepareText({ title: 'When Do Neural Networks Outperform Kernel Methods?', text: '' })).map((c) => c.text)
    expect(texts).toEqual(expect.arrayContaining(['Neural Networks', 'Kernel Methods']))
    expect(texts.filter((t) => t.includes('Outperform'))).toEqual([])
  })

  it('shows a phrase a Title-Case title cut short whole, and a known phrase as it is', () => {
    const title = 'Neural Controlled Differential Equations for Irregular Time Series'
    const paper = records.find((r) => r.title === title)
    const others = records.filter((r) => r.title !== title)
    const model = fitKeywordModel(others.map((r) => ({ doc: docOf(r), keywords: r.keywords })))
    const keys = (doc: PreparedText) => extractKeywords(model, doc, { max: 5, min: 5, minScore: 0 }).map((k) => k.key)
    // `Series` reads as a verb in the title, so `Irregular Time` was a key word of its own.
    expect(keys(docOf(paper as SourceRecord))).toContain('irregular time series')
    expect(keys(docOf(paper as SourceRecord))).not.toContain('irregular time')
    // `Information Bottleneck` is a curated key word: `… Bottleneck Problems` says more, not the same thing whole.
    const ib = records.find((r) => r.title?.startsWith('On the Information Bottleneck Problems'))
    const ibKeys = keys(prepareText({ title: ib?.title ?? '', text: ib?.digest?.text ?? '' }))
    expect(ibKeys).toContain('information bottleneck')
    expect(ibKeys).not.toContain('information bottleneck problem')
    // The last word of a question is its verb, not the rest of a phrase (fitted as on the years before
    // `In-Context Learning` was anyone's key word or phrase).
    const icl = records.find((r) => r.title?.includes('What Makes In-Context Learning Work?'))
    const before = fitKeywordModel(others.filter((r) => !/in-context/i.test(`${r.title} ${r.digest?.text} ${r.keywords.join(' ')}`)).map((r) => ({ doc: docOf(r), keywords: r.keywords })))
    const question = extractKeywords(before, docOf(icl as SourceRecord), { max: 5, min: 5, minScore: 0 }).map((k) => k.key)
    expect(question).toContain('incontext learning')
    expect(question.filter((k) => k.endsWith('work'))).toEqual([])
  })

  it('knows when a key word restates one a person listed: equal, a piece of it, or its acronym, and not when it says more', () => {
    const kw = (text: string) => ({ text, key: normalizeKeyword(text) })
    expect(restatesKeyword(kw('Curve Theory'), 'Learning Curve Theory')).toBe(true)
    expect(restatesKeyword(kw('Pre-training'), 'pretraining')).toBe(true)
    expect(restatesKeyword(kw('PAC-Bayes'), 'PAC-Bayes Bounds')).toBe(true)
    expect(restatesKeyword(kw('NTK'), 'Neural Tangent Kernel')).toBe(true)
    expect(restatesKeyword(kw('Neural Tangent Kernel'), 'NTK')).toBe(true)
    expect(restatesKeyword(kw('Benign Overfitting'), 'Overfitting')).toBe(false)
    expect(restatesKeyword(kw('Relative representations'), 'Representation Similarity')).toBe(false)
    expect(restatesKeyword(kw('Kernel'), 'Kernel Regression ')).toBe(true)
    expect(restatesKeyword(kw('Kernel'), ' ')).toBe(false)
    // A piece of a hyphenated word is a piece too.
    expect(restatesKeyword(kw('Sharpness'), 'Sharpness-Aware Minimization')).toBe(true)
    expect(restatesKeyword(kw('Aware Minimization'), 'Sharpness-Aware Minimization')).toBe(true)
    expect(restatesKeyword(kw('Sharpness-Aware Minimization'), 'Sharpness')).toBe(false)
    expect(restatesKeyword(kw('Self-Supervised Learning'), 'Contrastive Learning')).toBe(false)
    // An acronym takes a hyphenated word's initials per part (SAM) or per word (LSTF).
    expect(restatesKeyword(kw('SAM'), 'Sharpness-Aware Minimization')).toBe(true)
    expect(restatesKeyword(kw('LSTF'), 'Long Sequence Time-series Forecasting')).toBe(true)
    expect(restatesKeyword(kw('Long Sequence Time-series Forecasting'), 'LSTF')).toBe(true)
    expect(restatesKeyword(kw('LSTF'), 'Long Sequence Forecasting')).toBe(false)
    // A title's capitals hide the lemma: `Curricula` is the plural of the listed `Curriculum`.
    expect(restatesKeyword(kw('Curricula'), 'Curriculum Learning')).toBe(true)
    expect(restatesKeyword(kw('Phenomena'), 'Phase Transitions')).toBe(false)
    // A listed phrase grown by a word is another name for it; a listed word grown is a narrower concept.
    expect(restatesKeyword(kw('Lottery Ticket Hypothesis'), 'Lottery Tickets')).toBe(true)
    expect(restatesKeyword(kw('Neural Scaling Laws'), 'Scaling Laws')).toBe(true)
    expect(restatesKeyword(kw('Benign Overfitting'), 'Overfitting')).toBe(false)
    expect(restatesKeyword(kw('Universal Lottery Tickets'), 'Lottery Ticket Hypothesis')).toBe(false)
  })

  it('adds to curated key words only what reaches two, then confident ones, up to five in all', () => {
    const ranked = [
      ['Curve Theory', 0.95],
      ['Power Laws', 0.92],
      ['Toy Model', 0.5],
      ['Sample Size', 0.3],
    ].map(([text, score]) => ({ text: text as string, key: normalizeKeyword(text as string), score: score as number, inText: true, why: [] }))
    const texts = (curated: string[]) => keywordsBesideCurated(ranked, curated).map((k) => k.text)
    expect(texts([])).toEqual(['Curve Theory', 'Power Laws'])
    expect(texts(['Learning Curve Theory'])).toEqual(['Power Laws'])
    expect(texts(['Learning Curve Theory', 'Neural Scaling Law'])).toEqual(['Power Laws'])
    expect(texts(['A', 'B', 'C', 'D'])).toEqual(['Curve Theory'])
    expect(texts(['A', 'B', 'C', 'D', 'E'])).toEqual([])
    expect(keywordsBesideCurated(ranked.slice(2), ['Learning Curve Theory']).map((k) => k.text)).toEqual(['Toy Model'])
    // A suggestion (not in the text) joins a curator's list only when confident; with none it may fill.
    const suggested = [
      { text: 'Neural Tangent Kernel', key: 'neural tangent kernel', score: 0.52, inText: false, why: [] },
      { text: 'Sparse Training', key: 'sparse training', score: 0.4, inText: true, why: [] },
    ]
    expect(keywordsBesideCurated(suggested, ['Lottery Ticket Hypothesis']).map((k) => k.text)).toEqual(['Sparse Training'])
    expect(keywordsBesideCurated(suggested, []).map((k) => k.text)).toEqual(['Neural Tangent Kernel', 'Sparse Training'])
    expect(keywordsBesideCurated([{ ...suggested[0]!, score: 0.93 }], ['Lottery Ticket Hypothesis']).map((k) => k.text)).toEqual(['Neural Tangent Kernel'])
  })

  it('fills a curated list to two only with a phrase of some weight: `letter` of "In this letter" is none', () => {
    const ranked = [
      { text: 'letter', key: 'letter', score: 0.04, inText: true, why: [] },
      { text: 'Deep Learning', key: 'deep learning', score: 0.11, inText: true, why: [] },
    ]
    expect(keywordsBesideCurated(ranked, ['Deep Double Descent'])).toEqual([])
    expect(keywordsBesideCurated([{ ...ranked[1]!, score: 0.2 }], ['Deep Double Descent']).map((k) => k.text)).toEqual(['Deep Learning'])
    // Without a curator's list the same bar holds: a list shorter than two (which says why) rather than `letter`.
    expect(keywordsBesideCurated(ranked, [])).toEqual([])
    expect(keywordsBesideCurated([{ ...ranked[1]!, score: 0.2 }, ranked[0]!], []).map((k) => k.text)).toEqual(['Deep Learning'])
  })
})

describe('key words of a title the tagger misreads', () => {
  const titles = [
    'Understanding Deep Neural Networks with Rectified Linear Units',
    'Deep Image Prior',
    'When Do Curricula Work?',
    'A Brief Prehistory of Double Descent',
    'Deep Double Descent: Where Bigger Models and More Data Hurt',
  ]
  let model: ReturnType<typeof fitKeywordModel>
  beforeAll(() => {
    model = fitKeywordModel(
      records
        .filter((r) => !titles.includes(r.title ?? ''))
        .map((r) => ({ doc: docOf(r), keywords: r.keywords })),
    )
  })
  // The whole ranking, as the app reads it to show key words beside curated ones.
  const ranked = (doc: PreparedText) =>
    extractKeywords(model, doc, { min: 50, max: 50, minScore: 0 }).map((k) => k.text)
  const paper = (title: string): PreparedText => docOf(records.find((r) => r.title === title) as SourceRecord)

  it('shows a phrase whole where the tagger read a word of it as a verb or an adverb', () => {
    // `Rectified` is read as a verb, so no candidate of the title starts with it; `Prior` is read as an adverb. (With its
    // digest, which writes `rectified linear units (ReLU)`, the phrase is a candidate of its own: keyword-verbs.test.ts.)
    const relu = ranked(prepareText({ title: titles[0] as string, text: '' }))
    expect(relu).toContain('Rectified Linear Units')
    expect(relu).not.toContain('Linear Units')
    expect(ranked(paper(titles[0] as string))).not.toContain('Linear Units')
    const dip = ranked(paper('Deep Image Prior'))
    expect(dip).toContain('Deep Image Prior')
    expect(dip).not.toContain('Deep Image')
    // `Learning-based` is one word: the phrase goes on into its first part when the text writes it so.
    const marl = ranked(
      prepareText({
        title:
          'Extreme Event Prediction with Multi-agent Reinforcement Learning-based Parametrization of Atmospheric and Oceanic Turbulence',
        text: 'In Scientific Multi-Agent Reinforcement Learning (SMARL) computational elements serve a dual role of discretization points and learning agents.',
      }),
    )
    expect(marl).toContain('Multi-Agent Reinforcement Learning')
    expect(marl).not.toContain('Multi-agent Reinforcement')
  })

  it('shows a word that is no key word of its own as the phrase the text first writes it in (`adversarial attacks`)', () => {
    const abstract = readCorpusRecords('abstracts', 'abstracts.txt')
      .find((r) => r.abstract?.startsWith('Machine learning models are famously vulnerable to adversarial attacks'))?.abstract
    // It goes on to `test-time attacks`, `attacks in an online learning setting` and `greedy attacks`: `attacks` alone
    // had outranked the phrase and hidden it.
    const keys = ranked(prepareText({ title: '', text: abstract ?? '' }))
    expect(keys).toContain('adversarial attacks')
    expect(keys).not.toContain('attacks')
    // Not when no other paper writes the phrase: `novel` is no part of a concept.
    const novel = ranked(prepareText({ title: '', text: 'We study novel skeletonization. Skeletonization trims networks, and skeletonization works.' }))
    expect(novel).not.toContain('novel skeletonization')
  })

  it('shows no phrase that is only the title’s wording, and keeps the phrases around it', () => {
    // The verb that ends a question after `Do`, read as a noun.
    const curricula = ranked(paper('When Do Curricula Work?'))
    expect(curricula).not.toContain('Curricula Work')
    // Its subject stays, once: the title's `Curricula`, the text's `curriculum` and the suggested `Curriculum Learning`
    // say one thing (keyword-framing.test.ts).
    expect(curricula.filter((k) => /^(curricula|curriculum|curriculum learning)$/i.test(k))).toHaveLength(1)
    // The kind of paper (`A Brief Prehistory of …`, `A Short Tale about …`), not its subject.
    expect(
      ranked(paper('A Brief Prehistory of Double Descent')).filter((k) => /prehistory/i.test(k)),
    ).toEqual([])
    const tale = ranked(
      prepareText({
        title: 'Does Learning Require Memorization? A Short Tale about a Long Tail',
        text: 'We show that memorization is necessary for close-to-optimal generalization when the data distribution is long-tailed.',
      }),
    )
    expect(tale).not.toContain('Short Tale')
    // A question that ends on its object keeps it.
    expect(tale).toEqual(expect.arrayContaining(['Memorization', 'Long Tail']))
    // A title that opens on its verb in -ing, and a comparison.
    expect(ranked(paper(titles[0] as string))).not.toContain('Understanding Deep Neural Networks')
    const doubleDescent = ranked(paper('Deep Double Descent: Where Bigger Models and More Data Hurt'))
    expect(doubleDescent.filter((k) => k.startsWith('Bigger'))).toEqual([])
  })
})
