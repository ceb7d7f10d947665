/**
 * @module The issue's strongest topic baseline re-run as the issue measured it: scikit-learn's defaults,
 * `TfidfVectorizer(stop_words='english')` → `TruncatedSVD(100)` → `Normalizer()` → `LogisticRegression()`
 * (C = 1, no class weights), on title + digest, everything fitted on the training papers. It reproduces the
 * issue's 0.752 accuracy on 2023, and it is printed beside `baselines.ts`'s LSA + LR, which is built from
 * Paperscope's own text pipeline. See eval/README.md for what each scores on the training years.
 */
import { fitTfidf, tfidfVector } from '../src/analysis/index.js'
import { fitSoftmax, softmaxLogits } from '../src/analysis/linear.js'
import type { SparseVector } from '../src/analysis/sparse.js'
import { projectTfidf, truncatedSvd } from '../src/analysis/vectors.js'
import { SKLEARN_ENGLISH_STOP_WORDS } from './english-stop-words.js'

/** scikit-learn's default analyzer: lowercase, tokens of two or more word characters, English stop words out. */
export function sklearnWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}_]{2,}/gu) ?? []).filter((w) => !SKLEARN_ENGLISH_STOP_WORDS.has(w))
}

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const w of sklearnWords(text)) counts.set(w, (counts.get(w) ?? 0) + 1)
  return counts
}

/** A labelled training text: the title and digest, and its curated topics. */
export interface IssueBaselineDoc {
  text: string
  topics: readonly string[]
}

/**
 * Fits the issue's LSA + LR on the training texts (a paper under two sections is one row per section, as
 * scikit-learn needs single labels) and returns its top-1 topic for a text.
 */
export function issueLsaLogisticRegression(train: readonly IssueBaselineDoc[], { dimensions = 100, seed = 1 } = {}): (text: string) => string {
  // Raw term counts, smoothed idf, unit length: TfidfVectorizer's defaults.
  const tfidf = fitTfidf(
    train.map((t) => wordCounts(t.text)),
    { minDf: 1, maxDfRatio: 1, sublinearTf: false, maxTerms: Number.MAX_SAFE_INTEGER },
  )
  const rows = train.map((t) => tfidfVector(tfidf, wordCounts(t.text)))
  // TruncatedSVD's randomized solver runs 5 power iterations.
  const svd = truncatedSvd(rows, tfidf.vocabulary.length, { dimensions, powerIterations: 5, seed })
  const k = svd.dimensions
  // Unit-length LSA coordinates: TruncatedSVD's transform followed by Normalizer.
  const lsa = (x: SparseVector): SparseVector => {
    const z = projectTfidf(svd, x)
    return { indices: Int32Array.from(z, (_, i) => i), values: z }
  }
  const labels = [...new Set(train.flatMap((t) => t.topics))].sort()
  const xs: SparseVector[] = []
  const ys: number[] = []
  train.forEach((t, i) => {
    const x = lsa(rows[i] as SparseVector)
    for (const topic of t.topics) {
      xs.push(x)
      ys.push(labels.indexOf(topic))
    }
  })
  // LogisticRegression(C=1) minimises Σ loss + ½‖W‖²; fitSoftmax minimises the mean loss + ½·l2·‖W‖².
  const model = fitSoftmax(xs, ys, labels.length, k, { l2: 1 / Math.max(1, xs.length), maxIterations: 1000, tolerance: 1e-7 })
  return (text) => {
    const z = softmaxLogits(model, lsa(tfidfVector(tfidf, wordCounts(text))))
    let best = 0
    z.forEach((v, i) => {
      if (v > (z[best] as number)) best = i
    })
    return labels[best] ?? ''
  }
}
