/**
 * @module Key-word settings are chosen here, on the training years only (≤ 2022): three "train on earlier
 * years, test on the next" splits (≤2019 → 2020, ≤2020 → 2021, ≤2021 → 2022) and 5-fold cross-validation
 * over all training papers. Each split is run like `eval/run.ts` runs the 2023 test: paper vectors fitted
 * on the texts of the training-year papers (unsupervised), key-word neighbours among the split's training
 * papers, topics predicted by a classifier fitted on the split's training papers. The 2023 papers are not
 * read. `npx tsx eval/keyword-validation.ts [--errors]`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  classifyTopics,
  embedPrepared,
  extractKeywords,
  fitKeywordModel,
  fitTopicClassifier,
  fitVectorModel,
  keywordEvidence,
  normalizeKeyword,
  prepareText,
  type ExtractOptions,
  KEYWORD_MIN_SCORE,
  type PreparedText,
} from '../src/analysis/index.js'
import type { KeywordFitOptions } from '../src/analysis/keywords.js'
import type { TopicModel, TopicPrediction } from '../src/analysis/classify.js'
import { createRng, dot } from '../src/analysis/sparse.js'
import { vocabularyKeywords } from './baselines.js'
import { readCorpus } from './corpus.js'
import { buildLabelledPapers, temporalSplit, type LabelledPaper } from './dataset.js'
import { keywordScores } from './metrics.js'

const KEYWORDS_AT = 3
const KEYWORD_NEIGHBOURS = 10

export interface ValidationSplit {
  name: string
  train: LabelledPaper[]
  test: LabelledPaper[]
}

/** The validation splits inside the training years. */
export function keywordValidationSplits(
  papers: readonly LabelledPaper[],
  folds = 5,
  seed = 11,
): ValidationSplit[] {
  const splits: ValidationSplit[] = [2020, 2021, 2022].map((year) => ({
    name: `≤${year - 1}→${year}`,
    train: papers.filter((p) => p.year < year),
    test: papers.filter((p) => p.year === year),
  }))
  const rng = createRng(seed)
  const order = papers
    .map((p) => ({ p, r: rng() }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.p)
  for (let f = 0; f < folds; f++) {
    splits.push({
      name: `cv${f + 1}`,
      train: order.filter((_, i) => i % folds !== f),
      test: order.filter((_, i) => i % folds === f),
    })
  }
  return splits
}

export interface KeywordVariant {
  fit?: Omit<KeywordFitOptions, 'nlp'>
  extract?: Omit<ExtractOptions, 'neighbours' | 'topics' | 'nlp'>
}

interface Prepared {
  papers: LabelledPaper[]
  doc: (p: LabelledPaper) => PreparedText
  vector: (p: LabelledPaper) => Float32Array
  splits: ValidationSplit[]
  topics: Map<string, Map<string, StoredPrediction>>
}

/** What the key words read of a topic prediction (its reasons are not kept), with its model's `unsortedBelow` (which tells why an older file's are unsorted). */
type StoredPrediction = Pick<TopicPrediction, 'topics' | 'unsorted' | 'offTopic' | 'unsortedBecause'> & Pick<TopicModel, 'unsortedBelow'>

/**
 * Why a prediction kept before `unsortedBecause` was is unsorted, as the classifier decides it: off topic first, then
 * a best topic under `unsortedBelow`; an unsorted text whose best topic reached it was left so because one word
 * decided it (the only other reason the classifier gives). So a file of topics kept earlier scores as before.
 */
function unsortedBecauseOf(p: Omit<StoredPrediction, 'unsortedBecause'>): StoredPrediction['unsortedBecause'] {
  if (!p.unsorted) return null
  if (p.offTopic) return 'off-topic'
  return (p.topics[0]?.confidence ?? 0) < p.unsortedBelow ? 'low-confidence' : 'one-word'
}

let cache: Prepared | null = null

function prepare(): Prepared {
  if (cache) return cache
  const corpus = readCorpus(resolve('data/corpus'))
  const { train } = temporalSplit(buildLabelledPapers(corpus.get('awesome-deep-phenomena.txt') ?? []))
  const docs = new Map(train.map((p) => [p.id, prepareText({ title: p.title, text: p.text })]))
  const doc = (p: LabelledPaper): PreparedText => docs.get(p.id) as PreparedText
  const vectorModel = fitVectorModel(train.map(doc), { dimensions: 100 })
  const vectors = new Map(train.map((p) => [p.id, embedPrepared(vectorModel, doc(p))]))
  const splits = keywordValidationSplits(train)
  // `--topics FILE` keeps the split's topic predictions, so that key-word runs do not depend on (or wait for)
  // classifier work.
  const topicsFile = argValue('--topics')
  const topics = new Map<string, Map<string, StoredPrediction>>()
  if (topicsFile && existsSync(topicsFile)) {
    const stored = JSON.parse(readFileSync(topicsFile, 'utf8')) as Record<string, Record<string, StoredPrediction>>
    for (const [name, byId] of Object.entries(stored)) {
      // A file written before the predictions kept `unsorted` holds bare topic lists: its texts cannot be told apart.
      if (Object.values(byId).some((p) => Array.isArray(p) || p.unsortedBelow === undefined))
        throw new Error(`${topicsFile} holds topic lists without "unsorted"; delete it to predict the topics again`)
      topics.set(name, new Map(Object.entries(byId).map(([id, p]) => [id, { ...p, unsortedBecause: p.unsortedBecause === undefined ? unsortedBecauseOf(p) : p.unsortedBecause }])))
    }
  } else {
    for (const s of splits) {
      const model = fitTopicClassifier(s.train.map((p) => ({ doc: doc(p), topics: p.topics })))
      topics.set(
        s.name,
        new Map(
          s.test.map((p) => {
            const { topics: best, unsorted, offTopic, unsortedBecause } = classifyTopics(model, doc(p))
            return [p.id, { topics: best, unsorted, offTopic, unsortedBecause, unsortedBelow: model.unsortedBelow }]
          }),
        ),
      )
    }
    if (topicsFile)
      writeFileSync(
        topicsFile,
        JSON.stringify(
          Object.fromEntries([...topics].map(([name, byId]) => [name, Object.fromEntries(byId)])),
        ),
      )
  }
  cache = { papers: train, doc, vector: (p) => vectors.get(p.id) as Float32Array, splits, topics }
  return cache
}

export interface SplitResult {
  name: string
  n: number
  f1: number
  precision: number
  recall: number
  vocabularyF1: number
}

/** Scores a key-word variant on every validation split. */
export function validateKeywords(
  variant: KeywordVariant = {},
  onPaper?: (split: string, p: LabelledPaper, predicted: string[], gold: Set<string>) => void,
): SplitResult[] {
  const { doc, vector, splits, topics } = prepare()
  return splits.map((s) => {
    const neighbours = (p: LabelledPaper): Array<{ similarity: number; keywords: string[] }> =>
      s.train
        .filter((q) => q.id !== p.id && q.keywords.length > 0)
        .map((q) => ({ similarity: dot(vector(p), vector(q)), keywords: q.keywords }))
        .filter((n) => n.similarity > 0)
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, KEYWORD_NEIGHBOURS)
    const model = fitKeywordModel(
      s.train.map((p) => ({
        doc: doc(p),
        keywords: p.keywords,
        neighbours: neighbours(p),
        topics: p.topics,
      })),
      variant.fit ?? {},
    )
    const gold = s.test.map(
      (p) => new Set(p.keywords.map((k) => normalizeKeyword(k)).filter((k) => k !== '')),
    )
    const predicted = s.test.map((p) => {
      // As the app takes them (keywordEvidence): the topics it may draw on, no similar papers of an off-topic text.
      const prediction = topics.get(s.name)?.get(p.id) ?? null
      const evidence = keywordEvidence([], prediction)
      return extractKeywords(model, doc(p), {
        max: KEYWORDS_AT,
        min: KEYWORDS_AT,
        ...variant.extract,
        neighbours: evidence.similarPapers ? neighbours(p) : [],
        topics: evidence.topics,
        unsorted: evidence.unsorted,
      }).map((k) => k.key)
    })
    if (onPaper) s.test.forEach((p, i) => onPaper(s.name, p, predicted[i] ?? [], gold[i] as Set<string>))
    const vocab = vocabularyKeywords(s.train.map((p) => p.keywords.map((k) => normalizeKeyword(k))))
    const scores = keywordScores(predicted, gold, KEYWORDS_AT)
    return {
      name: s.name,
      n: scores.papers,
      f1: scores.f1,
      precision: scores.precision,
      recall: scores.recall,
      vocabularyF1: keywordScores(
        s.test.map((p) => vocab(doc(p), KEYWORDS_AT)),
        gold,
        KEYWORDS_AT,
      ).f1,
    }
  })
}

/** Mean F1 over the temporal splits and over the CV folds. */
export function summarize(results: readonly SplitResult[]): { temporal: number; cv: number; mean: number } {
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)
  const temporal = mean(results.filter((r) => !r.name.startsWith('cv')).map((r) => r.f1))
  const cv = mean(results.filter((r) => r.name.startsWith('cv')).map((r) => r.f1))
  return { temporal, cv, mean: (temporal + cv) / 2 }
}

function main(): void {
  const errors = process.argv.includes('--errors')
  const variants: Array<[string, KeywordVariant]> = [
    [`the app's list (2, a 3rd from score ${KEYWORD_MIN_SCORE}), first 3`, { extract: { max: 5, min: 2 } }],
    ['the same, weak suggestions not held back (minSuggestionScore 0)', { extract: { max: 5, min: 2, minSuggestionScore: 0 } }],
    ['the same, suggestions held back under 0.5', { extract: { max: 5, min: 2, minSuggestionScore: 0.5 } }],
    ['always 3 phrases', {}],
  ]
  for (const [name, variant] of variants) {
    process.stdout.write(`${name}\n`)
    const results = validateKeywords(
      variant,
      errors
        ? (split, p, predicted, gold) => {
            if (split !== '≤2021→2022') return
            process.stdout.write(
              `${p.title.slice(0, 70)}\n  got:  ${predicted.join(' | ')}\n  gold: ${[...gold].join(' | ')}\n`,
            )
          }
        : undefined,
    )
    for (const r of results) {
      process.stdout.write(
        `  ${r.name.padEnd(12)} n=${String(r.n).padStart(3)} F1@3 ${r.f1.toFixed(3)} (P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)}) vocabulary baseline ${r.vocabularyF1.toFixed(3)}\n`,
      )
    }
    const s = summarize(results)
    process.stdout.write(
      `  temporal mean ${s.temporal.toFixed(3)}, CV mean ${s.cv.toFixed(3)}, overall ${s.mean.toFixed(3)}\n`,
    )
  }
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

if (process.argv[1]?.endsWith('keyword-validation.ts') || process.argv[1]?.endsWith('keyword-validation.js'))
  main()
