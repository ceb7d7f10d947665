/**
 * @module Evaluation metrics, pure: predictions and ground truth in, numbers out. Shared by every method and
 * baseline so that all are measured the same way in the same run.
 */

/** A test item's true labels (a paper listed under two sections has two). */
export interface Gold {
  labels: readonly string[]
}

/**
 * The label a prediction is scored against: the predicted label when it is one of the gold labels,
 * else the first gold label. Makes multi-label gold usable in single-label accuracy, F1 and confusion.
 */
export function scoredGold(predicted: string, gold: Gold): string {
  return gold.labels.includes(predicted) ? predicted : (gold.labels[0] ?? '')
}

/** Share of items whose predicted label is one of their gold labels. */
export function accuracy(predicted: readonly string[], gold: readonly Gold[]): number {
  if (gold.length === 0) return 0
  let correct = 0
  predicted.forEach((p, i) => {
    if (gold[i]?.labels.includes(p)) correct++
  })
  return correct / gold.length
}

/** Per-label precision, recall and F1 (labels that occur in the gold or the predictions). */
export function perLabelF1(predicted: readonly string[], gold: readonly Gold[]): Map<string, { precision: number; recall: number; f1: number; support: number }> {
  const labels = new Set<string>()
  gold.forEach((g, i) => labels.add(scoredGold(predicted[i] ?? '', g)))
  const out = new Map<string, { precision: number; recall: number; f1: number; support: number }>()
  for (const label of [...labels].sort()) {
    let tp = 0
    let fp = 0
    let fn = 0
    predicted.forEach((p, i) => {
      const g = scoredGold(p, gold[i] as Gold)
      if (p === label && g === label) tp++
      else if (p === label) fp++
      else if (g === label) fn++
    })
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp)
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn)
    out.set(label, { precision, recall, f1: tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn), support: tp + fn })
  }
  return out
}

/** Mean F1 over the labels present in the gold set (a label only ever predicted, never true, is left out). */
export function macroF1(predicted: readonly string[], gold: readonly Gold[]): number {
  const rows = [...perLabelF1(predicted, gold).values()].filter((r) => r.support > 0)
  return rows.length === 0 ? 0 : rows.reduce((s, r) => s + r.f1, 0) / rows.length
}

/** Confusion counts: `matrix[gold][predicted]`, over the given label order. */
export function confusionMatrix(predicted: readonly string[], gold: readonly Gold[], labels: readonly string[]): number[][] {
  const index = new Map(labels.map((l, i) => [l, i]))
  const matrix = labels.map(() => labels.map(() => 0))
  predicted.forEach((p, i) => {
    const g = index.get(scoredGold(p, gold[i] as Gold))
    const q = index.get(p)
    if (g !== undefined && q !== undefined) (matrix[g] as number[])[q] = ((matrix[g] as number[])[q] as number) + 1
  })
  return matrix
}

/** Precision, recall and F1 of predicted key phrases against gold ones (both already normalized). */
export interface KeywordScores {
  /** Means over papers of per-paper precision, recall and F1 (the headline). */
  precision: number
  recall: number
  f1: number
  /** Pooled over all papers: matched / predicted, matched / gold. */
  microF1: number
  papers: number
}

/**
 * Key-word scores at a cut-off: the first `k` predictions of each paper against its gold set. Papers
 * without gold key words are skipped.
 */
export function keywordScores(predicted: ReadonlyArray<readonly string[]>, gold: ReadonlyArray<ReadonlySet<string>>, k = 3): KeywordScores {
  let p = 0
  let r = 0
  let f = 0
  let n = 0
  let matched = 0
  let predictedCount = 0
  let goldCount = 0
  predicted.forEach((preds, i) => {
    const g = gold[i] as ReadonlySet<string>
    if (g.size === 0) return
    const top = [...new Set(preds)].slice(0, k)
    const m = top.filter((x) => g.has(x)).length
    const precision = top.length === 0 ? 0 : m / top.length
    const recall = m / g.size
    p += precision
    r += recall
    f += m === 0 ? 0 : (2 * precision * recall) / (precision + recall)
    n++
    matched += m
    predictedCount += top.length
    goldCount += g.size
  })
  const microP = predictedCount === 0 ? 0 : matched / predictedCount
  const microR = goldCount === 0 ? 0 : matched / goldCount
  return {
    precision: n === 0 ? 0 : p / n,
    recall: n === 0 ? 0 : r / n,
    f1: n === 0 ? 0 : f / n,
    microF1: microP + microR === 0 ? 0 : (2 * microP * microR) / (microP + microR),
    papers: n,
  }
}

/** Share of each query's neighbours that share one of its labels, averaged over queries. */
export function neighbourAgreement(queries: ReadonlyArray<{ labels: readonly string[]; neighbours: ReadonlyArray<readonly string[]> }>): number {
  const rows = queries.filter((q) => q.neighbours.length > 0)
  if (rows.length === 0) return 0
  const total = rows.reduce((s, q) => s + q.neighbours.filter((n) => n.some((l) => q.labels.includes(l))).length / q.neighbours.length, 0)
  return total / rows.length
}

/** Pairwise precision and recall of a clustering against true same-paper pairs. */
export interface PairScores {
  precision: number
  recall: number
  f1: number
  truePairs: number
  predictedPairs: number
  correctPairs: number
}

/** Unordered pair key. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`
}

/** All unordered pairs inside each group. */
export function pairsOf(groups: ReadonlyArray<readonly string[]>): Set<string> {
  const out = new Set<string>()
  for (const g of groups) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) out.add(pairKey(g[i] as string, g[j] as string))
  return out
}

/** Pairwise scores of predicted groups against true groups (pairs restricted by `keep`, e.g. cross-file). */
export function pairScores(predicted: ReadonlySet<string>, truth: ReadonlySet<string>): PairScores {
  let correct = 0
  for (const p of predicted) if (truth.has(p)) correct++
  const precision = predicted.size === 0 ? 1 : correct / predicted.size
  const recall = truth.size === 0 ? 1 : correct / truth.size
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    truePairs: truth.size,
    predictedPairs: predicted.size,
    correctPairs: correct,
  }
}

/** One confidence bin of a reliability table: its items, their mean confidence and how many were right. */
export interface ReliabilityBin {
  low: number
  high: number
  count: number
  meanConfidence: number
  accuracy: number
}

/**
 * Reliability of top-1 confidences: `bins` equal-width bins over [0, 1], and the expected calibration error
 * (ECE: the count-weighted mean gap between a bin's accuracy and its mean confidence; 0 is perfectly
 * calibrated) and the Brier score of the top-1 (mean squared gap between confidence and 0/1 rightness).
 */
export function reliability(confidences: readonly number[], correct: readonly boolean[], bins = 10): { bins: ReliabilityBin[]; ece: number; brier: number } {
  const table = Array.from({ length: bins }, (_, b) => ({ low: b / bins, high: (b + 1) / bins, count: 0, sumConfidence: 0, right: 0 }))
  let brier = 0
  confidences.forEach((c, i) => {
    const bin = table[Math.min(bins - 1, Math.max(0, Math.floor(c * bins)))] as (typeof table)[number]
    const right = correct[i] === true
    bin.count++
    bin.sumConfidence += c
    if (right) bin.right++
    brier += (c - (right ? 1 : 0)) ** 2
  })
  const n = confidences.length
  const out = table.map(({ low, high, count, sumConfidence, right }) => ({
    low,
    high,
    count,
    meanConfidence: count === 0 ? 0 : sumConfidence / count,
    accuracy: count === 0 ? 0 : right / count,
  }))
  const ece = n === 0 ? 0 : out.reduce((s, b) => s + (b.count / n) * Math.abs(b.accuracy - b.meanConfidence), 0)
  return { bins: out, ece, brier: n === 0 ? 0 : brier / n }
}

/** A statistic with its bootstrap interval. */
export interface Interval {
  estimate: number
  low: number
  high: number
}

/**
 * Percentile bootstrap over test items: `statistic` is computed on `resamples` samples of `n` item indices
 * drawn with replacement (the same samples for every statistic given, so differences between methods are
 * paired). With n ≈ 100 the sampling noise of a score is several points, which is what a gap to an aim or
 * to a baseline has to be read against. `random` gives numbers in [0, 1) (a seeded one makes runs repeat).
 */
export function bootstrapIntervals(
  n: number,
  statistics: ReadonlyArray<(indices: readonly number[]) => number>,
  random: () => number,
  options: { resamples?: number; level?: number } = {},
): Interval[] {
  const resamples = options.resamples ?? 2000
  const level = options.level ?? 0.95
  const all = Array.from({ length: n }, (_, i) => i)
  const values = statistics.map(() => new Float64Array(resamples))
  const sample = new Array<number>(n)
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) sample[i] = Math.floor(random() * n)
    statistics.forEach((f, s) => {
      ;(values[s] as Float64Array)[r] = f(sample)
    })
  }
  const quantile = (sorted: Float64Array, q: number): number => {
    const pos = q * (sorted.length - 1)
    const lo = Math.floor(pos)
    const hi = Math.min(sorted.length - 1, lo + 1)
    return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo)
  }
  return statistics.map((f, s) => {
    const sorted = (values[s] as Float64Array).slice().sort()
    return { estimate: f(all), low: quantile(sorted, (1 - level) / 2), high: quantile(sorted, 1 - (1 - level) / 2) }
  })
}
