/**
 * @module Topic-classifier settings are chosen here, on the training years only (≤ 2022): three "train on
 * earlier years, test on the next" splits (≤2019 → 2020, ≤2020 → 2021, ≤2021 → 2022, the headline: their
 * mean) and 5-fold stratified cross-validation over all training papers (two seeds). Input: title + curated
 * digest, as in `eval/run.ts`. The 2023 papers are not read. `npx tsx eval/topic-validation.ts [--cv]`.
 *
 * Only the classifier's own variants are here; the other model families tried (naive Bayes, k-NN, Rocchio,
 * character n-grams, stacked views) and their numbers are in eval/README.md.
 */
import { resolve } from 'node:path'
import { fitTopicClassifier, prepareText, topicProbabilities, type PreparedText, type TopicClassifierOptions } from '../src/analysis/index.js'
import { createRng } from '../src/analysis/sparse.js'
import { nearestCentroid } from './baselines.js'
import { readCorpus } from './corpus.js'
import { buildLabelledPapers, type LabelledPaper } from './dataset.js'
import { accuracy, macroF1, type Gold } from './metrics.js'

interface Split {
  name: string
  train: LabelledPaper[]
  test: LabelledPaper[]
}

type Classifier = (train: readonly LabelledPaper[], doc: (p: LabelledPaper) => PreparedText) => (p: LabelledPaper) => string

/** The classifier with some options changed; top-1 label. */
const variant =
  (options: TopicClassifierOptions): Classifier =>
  (train, doc) => {
    const model = fitTopicClassifier(
      train.map((p) => ({ doc: doc(p), topics: p.topics })),
      options,
    )
    return (p) => {
      const probs = topicProbabilities(model, doc(p))
      let best = 0
      probs.forEach((v, c) => {
        if (v > (probs[best] as number)) best = c
      })
      return model.labels[best] ?? ''
    }
  }

/** The classifier before this choice: regression 0.5 + uncalibrated plain-word centroid 0.5. */
const PREVIOUS: TopicClassifierOptions = { centroidWeight: 0.5, centroidTerms: { maxN: 1, titleWeight: 1 }, labelNameWeight: 0, centroidBiasL2: 1e9 }

const VARIANTS: Array<[string, Classifier]> = [
  ['default (calibrated centroid, title ×4, names, offsets L2 0.1, balance 0.5, pair L2 3e-4 mix 0.5, compounds from 5)', variant({})],
  ['compounds: off (a word counts wherever it is; the classifier before)', variant({ headMinPapers: 0 })],
  ['compounds: named from 3 papers', variant({ headMinPapers: 3 })],
  ['compounds: named from 10 papers', variant({ headMinPapers: 10 })],
  ['compounds: every share of a word kept (not only ≥ 80%)', variant({ headBound: 0 })],
  ['compounds: a word in an unnamed compound keeps its sense always', variant({ headUnnamedAt: 2 })],
  ['compounds: ... only when under 70% in named ones', variant({ headUnnamedAt: 0.7 })],
  ['no pair refinement', variant({ pairRefinement: false })],
  ['pair: L2 1e-4', variant({ pairL2: 1e-4 })],
  ['pair: L2 1e-3', variant({ pairL2: 1e-3 })],
  ['pair: L2 3e-3', variant({ pairL2: 3e-3 })],
  ['pair: mix 0.3 (more centroid odds)', variant({ pairMix: 0.3 })],
  ['pair: mix 0.7', variant({ pairMix: 0.7 })],
  ['pair: regression only (mix 1)', variant({ pairMix: 1 })],
  ['pair: title ×1', variant({ pairTerms: { maxN: 1, titleWeight: 1 } })],
  ['pair: words + two-word phrases', variant({ pairTerms: { maxN: 2, titleWeight: 3 } })],
  ['previous: LR 0.5 + plain centroid 0.5', variant(PREVIOUS)],
  ['LR only', variant({ centroidWeight: 0 })],
  ['centroid 0.9 + LR 0.1', variant({ centroidWeight: 0.9 })],
  ['centroid 0.7 + LR 0.3', variant({ centroidWeight: 0.7 })],
  ['title ×1', variant({ centroidTerms: { maxN: 1, titleWeight: 1 } })],
  ['title ×2', variant({ centroidTerms: { maxN: 1, titleWeight: 2 } })],
  ['title ×3', variant({ centroidTerms: { maxN: 1, titleWeight: 3 } })],
  ['title ×6', variant({ centroidTerms: { maxN: 1, titleWeight: 6 } })],
  ['words + two-word phrases, title ×3', variant({ centroidTerms: { maxN: 2, titleWeight: 3 } })],
  ['no topic names', variant({ labelNameWeight: 0 })],
  ['topic names ×2', variant({ labelNameWeight: 2 })],
  ['no calibration (temperature 0.02, no offsets)', variant({ calibrationFolds: 0 })],
  ['offsets L2 0.01', variant({ centroidBiasL2: 0.01 })],
  ['offsets L2 1', variant({ centroidBiasL2: 1 })],
  ['calibration balance 0', variant({ centroidBalance: 0 })],
  ['calibration balance 1', variant({ centroidBalance: 1 })],
  ['baseline: nearest centroid, plain TF-IDF', (train, doc) => {
    const f = nearestCentroid(train.map((p) => ({ doc: doc(p), topics: p.topics })))
    return (p) => f(doc(p))
  }],
]

function temporalSplits(papers: readonly LabelledPaper[]): Split[] {
  return [2019, 2020, 2021].map((y) => ({
    name: `≤${y}→${y + 1}`,
    train: papers.filter((p) => p.year <= y),
    test: papers.filter((p) => p.year === y + 1),
  }))
}

function cvSplits(papers: readonly LabelledPaper[], seeds = [1, 2], folds = 5): Split[] {
  return seeds.flatMap((seed) => {
    const rng = createRng(seed)
    const order = papers
      .map((p, i) => ({ i, key: p.topics[0] ?? '', r: rng() }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.r - b.r))
    const fold = new Array<number>(papers.length).fill(0)
    order.forEach((o, k) => {
      fold[o.i] = k % folds
    })
    return Array.from({ length: folds }, (_, f) => ({
      name: `cv${seed}.${f}`,
      train: papers.filter((_, i) => fold[i] !== f),
      test: papers.filter((_, i) => fold[i] === f),
    }))
  })
}

function main(): void {
  const papers = buildLabelledPapers(readCorpus(resolve('data/corpus')).get('awesome-deep-phenomena.txt') ?? []).filter((p) => p.year <= 2022)
  const prepared = new Map(papers.map((p) => [p.id, prepareText({ title: p.title, text: p.text })]))
  const doc = (p: LabelledPaper): PreparedText => prepared.get(p.id) as PreparedText
  const temporal = temporalSplits(papers)
  const cv = process.argv.includes('--cv') ? cvSplits(papers) : []
  const fmt = (a: number, f: number): string => `${a.toFixed(3)} / ${f.toFixed(3)}`
  process.stdout.write(`training years only: ${papers.length} papers; ${temporal.map((s) => `${s.name} ${s.train.length}→${s.test.length}`).join(', ')}; accuracy / macro-F1\n`)
  for (const [name, classifier] of VARIANTS) {
    const score = (split: Split): [number, number] => {
      const predict = classifier(split.train, doc)
      const predicted = split.test.map(predict)
      const gold: Gold[] = split.test.map((p) => ({ labels: p.topics }))
      return [accuracy(predicted, gold), macroF1(predicted, gold)]
    }
    const per = temporal.map(score)
    const mean = (xs: Array<[number, number]>): string => fmt(xs.reduce((s, x) => s + x[0], 0) / xs.length, xs.reduce((s, x) => s + x[1], 0) / xs.length)
    const cvPart = cv.length > 0 ? `  | CV ${mean(cv.map(score))}` : ''
    process.stdout.write(`${name.padEnd(110)} mean ${mean(per)}  (${per.map(([a, f]) => fmt(a, f)).join(', ')})${cvPart}\n`)
  }
}

main()
