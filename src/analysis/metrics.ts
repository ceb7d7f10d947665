/**
 * @module Researcher metrics computed from the library, each with its inputs and a "how this is computed"
 * text. Unknown stays unknown: without any citation count there is no h-index and no citation sum (null),
 * never 0. Source-reported values are carried beside the computed ones, never in their place.
 */
import { pluralize, type ReportedMetrics, type ResearcherTotals } from '../core/index.js'
import { lengthResiduals, NOVELTY_HOW_COMPUTED } from './novelty.js'
import { MIN_KNOWN_WORDS } from './vectors.js'
import type { Contribution } from './rank.js'

export const H_INDEX_HOW_COMPUTED =
  "The largest h such that h of the researcher's papers in the library have at least h citations each, using the citation counts sources report (the highest count across sources for a paper). Papers without a count are left out; when some are missing the value is a lower bound, and when no paper has a count the h-index is unknown, not 0."

export const CITATIONS_HOW_COMPUTED =
  "The sum, over the researcher's papers in the library, of the citation count sources report for each (the highest count across sources for a paper, so a paper two sources count is counted once). Papers without a count are left out (the sum is then a lower bound); with no count at all the sum is unknown, not 0."

// Not "among the authors": a profile page's papers are all its owner's, also where the author line is cut
// (`et al.`) before their name (6 of the corpus profile's 13).
export const PAPERS_HOW_COMPUTED =
  "The number of papers in the library by this researcher: those that name them among the authors, and those on the researcher's own profile page or paper list where the author line is cut short (et al.) before their name."


/** A computed number with the facts needed to read it. */
export interface CountMetric {
  value: number | null
  /** Papers with a citation count. */
  known: number
  /** Papers without one. */
  unknown: number
  /** True when some counts are missing, so the true value can only be higher. */
  lowerBound: boolean
  howComputed: string
}

/** A citation count that can be counted: a finite number, not negative (a hand-edited -3 is unknown). */
function isKnownCount(c: number | null): c is number {
  return c !== null && Number.isFinite(c) && c >= 0
}

/**
 * h-index of a list of citation counts; null entries are unknown counts.
 * @example hIndex([10, 8, 5, 4, 3]) // 4
 * @example hIndex([null, null]) // null
 */
export function hIndex(citations: readonly (number | null)[]): number | null {
  const known = citations.filter(isKnownCount).sort((a, b) => b - a)
  if (known.length === 0) return null
  let h = 0
  while (h < known.length && (known[h] as number) >= h + 1) h++
  return h
}

/** The h-index with its inputs. */
export function hIndexMetric(citations: readonly (number | null)[]): CountMetric {
  const known = citations.filter(isKnownCount).length
  return { value: hIndex(citations), known, unknown: citations.length - known, lowerBound: known > 0 && known < citations.length, howComputed: H_INDEX_HOW_COMPUTED }
}

/** Sum of known citation counts, null when none is known. */
export function citationSum(citations: readonly (number | null)[]): CountMetric {
  const known = citations.filter(isKnownCount)
  return {
    value: known.length === 0 ? null : known.reduce((a, b) => a + b, 0),
    known: known.length,
    unknown: citations.length - known.length,
    lowerBound: known.length > 0 && known.length < citations.length,
    howComputed: CITATIONS_HOW_COMPUTED,
  }
}

/** AI Score weights and the paper count at which output counts in full. */
export const AI_SCORE_WEIGHTS = { centrality: 0.4, novelty: 0.4, output: 0.2 } as const
export const AI_SCORE_FULL_OUTPUT = 32

/**
 * A researcher's mean percentile is shrunk toward the middle before it ranks anyone: their papers' percentiles
 * plus {@link SHRINK_PAPERS} imagined papers at {@link SHRINK_PERCENTILE}, the way rating sites rank an item with
 * few votes. A mean of one paper is as extreme as one draw: unshrunk, one-paper researchers (81% of the corpus
 * library's 1,528) held 19 of the top 20 by Novelty % and 16 of the top 20 by AI Score. 50, not the library's measured
 * mean: percentiles are ranks, so that mean is 50 by construction (50.7 novelty, 50.1 centrality on the corpus),
 * and a fixed prior keeps a researcher's value from moving when unrelated papers arrive.
 */
export const SHRINK_PAPERS = 3
export const SHRINK_PERCENTILE = 50

/** The shrunk mean of a researcher's percentiles, in words, as every how-computed text that uses it says it. */
const SHRUNK_MEAN_WORDS = `(their sum + ${SHRINK_PAPERS} × ${SHRINK_PERCENTILE}) / (the number of those papers + ${SHRINK_PAPERS}), a mean shrunk toward the middle percentile as if ${SHRINK_PAPERS} more papers sat at the ${SHRINK_PERCENTILE}th, so that one or two papers cannot put a researcher at the top by chance`

/**
 * A researcher's percentiles (0..100) averaged with {@link SHRINK_PAPERS} papers at {@link SHRINK_PERCENTILE}; null
 * when none of their papers has one (the prior alone is no value).
 * @example shrunkPercentile(99, 1) // 62.25
 * @example shrunkPercentile(400, 5) // 68.75
 */
export function shrunkPercentile(sum: number, papers: number): number | null {
  return papers <= 0 ? null : (sum + SHRINK_PAPERS * SHRINK_PERCENTILE) / (papers + SHRINK_PAPERS)
}

export const AI_SCORE_HOW_COMPUTED = `AI Score = 100 × (${AI_SCORE_WEIGHTS.centrality} × topical centrality + ${AI_SCORE_WEIGHTS.novelty} × novelty + ${AI_SCORE_WEIGHTS.output} × output), each input between 0 and 1. Topical centrality: over the researcher's papers that have one, each paper's percentile of cosine similarity to the centre of the library (the mean of its paper vectors), less what a text of its length gets on average (how squarely the work sits in what this library is about; a long abstract sits nearer the centre than a title with a one-line digest whatever it is about, so length is taken out), taken as ${SHRUNK_MEAN_WORDS}; / 100. A paper of whose text the LSA vector model knows fewer than ${MIN_KNOWN_WORDS} words has no centrality, as it has no novelty (a bare title such as 'Highway networks', whose 'highway' is in no other text, is 'networks' alone to it, and a title it knows no word of has an empty vector, which would sit at the bottom whatever it is about): it is not ranked and is left out of the mean, not counted as 0. Novelty: their papers' novelty percentiles (1 − highest similarity to earlier papers, ranked among the papers of the same year with what a text of its length gets taken out), the same shrunk mean / 100 (their Novelty % is the plain mean of the same percentiles). Output: log(1 + papers) / log(1 + ${AI_SCORE_FULL_OUTPUT}), capped at 1 (${AI_SCORE_FULL_OUTPUT} papers count in full). An input that is unknown (topical centrality when none of the papers has one: a vector, and text enough for the vector model to place it; novelty when none of the papers has one: a date, an earlier paper in the library to compare with, and text enough for the vector model to place it) is left out and the remaining weights are rescaled; with neither topical centrality nor novelty known (before the library is analysed, or when the vector model knows too little of each of the papers to place it) the score is unknown, output alone being no score. It describes a researcher's papers in this library, not their worth.`

/** How a ranking by Novelty % orders researchers: by the shrunk mean the AI Score uses, not by the plain mean shown. */
export const NOVELTY_RANKING_HOW_COMPUTED = `Ranked by their papers' novelty percentiles taken as ${SHRUNK_MEAN_WORDS} (the value the AI Score's novelty input uses); the Novelty % shown beside it is the plain mean. Ties go to the researcher with more papers.`

/** The inputs of an AI Score, each 0..1 or null when unknown. */
export interface AiScoreInputs {
  /** Shrunk mean centrality percentile of the researcher's papers ({@link shrunkPercentile}) / 100. */
  centrality: number | null
  /** Shrunk mean novelty percentile of the researcher's papers / 100 (their Novelty % is the plain mean). */
  novelty: number | null
  /** Number of the researcher's papers in the library. */
  papers: number
}

export interface AiScore {
  /** 0..100, or null when no input is known. */
  value: number | null
  inputs: AiScoreInputs & { output: number }
  /** Each input's points in the score. */
  why: Contribution[]
  howComputed: string
}

/**
 * The AI Score of a researcher from their inputs (already shrunk: see {@link metricsFromTotals}).
 * @example aiScore({ centrality: 0.6, novelty: 0.5, papers: 13 }).value // ≈ 60
 */
export function aiScore(inputs: AiScoreInputs): AiScore {
  const output = inputs.papers <= 0 ? 0 : Math.min(1, Math.log1p(inputs.papers) / Math.log1p(AI_SCORE_FULL_OUTPUT))
  const parts: Array<{ label: string; weight: number; value: number | null }> = [
    { label: 'topical centrality', weight: AI_SCORE_WEIGHTS.centrality, value: inputs.centrality },
    { label: 'novelty', weight: AI_SCORE_WEIGHTS.novelty, value: inputs.novelty },
    { label: 'output', weight: AI_SCORE_WEIGHTS.output, value: inputs.papers > 0 ? output : null },
  ]
  // Output alone is no score: it would be 100 × output, a paper count rescaled to look like the blend (a library
  // never analysed gave everyone with 32 papers 100).
  const known = inputs.centrality === null && inputs.novelty === null ? [] : parts.filter((p): p is { label: string; weight: number; value: number } => p.value !== null)
  const totalWeight = known.reduce((s, p) => s + p.weight, 0)
  const exact = known.map((p) => (100 * p.weight * clamp01(p.value)) / totalWeight)
  const value = known.length === 0 ? null : Math.round(exact.reduce((s, c) => s + c, 0) * 10) / 10
  // Points to a tenth that add up to the score as shown (each rounded alone, 23.3 + 17.8 + 15.1 read 56.2 beside 56.1).
  const points = value === null ? [] : tenthsSummingTo(exact, value)
  const why = known.map((p, i) => ({ label: p.label, weight: points[i]! }))
  return {
    value,
    inputs: { ...inputs, output },
    why,
    howComputed: AI_SCORE_HOW_COMPUTED,
  }
}

/**
 * What the AI Score weighed its known inputs by when one is unknown, as a sentence (none when all are known):
 * the formula's weights rescaled to add up to 1.
 * @example aiScoreRescaleNote(['topical centrality', 'output']) // ['novelty unknown, so left out: … (topical centrality 0.67, output 0.33)']
 */
export function aiScoreRescaleNote(known: readonly string[]): string[] {
  const weights: Record<string, number> = { 'topical centrality': AI_SCORE_WEIGHTS.centrality, novelty: AI_SCORE_WEIGHTS.novelty, output: AI_SCORE_WEIGHTS.output }
  const unknown = Object.keys(weights).filter((label) => !known.includes(label))
  if (unknown.length === 0 || known.length === 0) return []
  const total = known.reduce((s, label) => s + (weights[label] ?? 0), 0)
  const shares = known.map((label) => `${label} ${((weights[label] ?? 0) / total).toFixed(2)}`).join(', ')
  return [`${unknown.join(' and ')} unknown, so left out: the other weights are rescaled to add up to 1 (${shares})`]
}

/**
 * The values rounded to tenths so that they add up to `total` (a tenth itself): each is rounded down, and the
 * tenths left over go to the largest remainders.
 * @example tenthsSummingTo([23.34, 17.77, 15.03], 56.1) // [23.3, 17.8, 15]
 */
export function tenthsSummingTo(values: readonly number[], total: number): number[] {
  const floors = values.map((v) => Math.floor(v * 10 + 1e-9))
  let left = Math.round(total * 10) - floors.reduce((s, f) => s + f, 0)
  const order = values.map((v, i) => ({ i, rest: v * 10 - floors[i]! })).sort((a, b) => b.rest - a.rest || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    floors[i]!++
    left--
  }
  return floors.map((f) => f / 10)
}

/** What {@link centralityPercentiles} reads of a paper. */
export interface CentralityInput {
  paperId: string
  vector: Float32Array
  /** Characters of the text the vector was made from (title, abstract, digest). */
  textLength: number
  /**
   * The words of its text the vector model knows, when too few to place it (vectors.ts `tooLittleKnown`, as
   * novelty is told): the paper then has no centrality. Absent when the model knows enough, or cannot say (ONNX).
   */
  tooLittleKnown?: readonly string[]
}

/**
 * Centrality percentile (0..100) of each paper: its cosine similarity to the mean of all paper vectors, less
 * what a text of its length gets on average, ranked among the library's papers. A long abstract sits nearer the
 * mean than a title with a one-line digest whatever it is about (its many words average out toward the centre:
 * on the corpus library papers with an abstract were at the 84th percentile on average, the others at the 44th),
 * so length is taken out by a least-squares line of similarity on log(1 + characters).
 *
 * A paper the vector model knows too little of to place (`tooLittleKnown`) has none and is absent from the map:
 * its vector is one word's direction (`Highway networks` stood where `networks` stands) or empty (at the bottom
 * whatever it is about). It is neither ranked nor in the length line, but stays in the centre, as it stays an
 * earlier paper for novelty, so no other paper's similarity to the centre changes.
 */
export function centralityPercentiles(papers: readonly CentralityInput[]): Map<string, number> {
  const dims = papers[0]?.vector.length ?? 0
  const centre = new Float64Array(dims)
  for (const { vector } of papers) for (let d = 0; d < dims; d++) centre[d] = (centre[d] as number) + (vector[d] as number)
  const norm = Math.sqrt(centre.reduce((s, x) => s + x * x, 0))
  const placed = papers.filter((p) => !p.tooLittleKnown)
  const sims = placed.map(({ vector }) => {
    let s = 0
    for (let d = 0; d < dims; d++) s += (vector[d] as number) * (centre[d] as number)
    return norm > 0 ? s / norm : 0
  })
  const residuals = lengthResiduals(
    sims,
    placed.map((p) => p.textLength),
  )
  const sorted = [...residuals].sort((a, b) => a - b)
  return new Map(placed.map((p, i) => [p.paperId, (100 * upperBound(sorted, residuals[i] as number)) / Math.max(1, sorted.length)]))
}

function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((sorted[mid] as number) <= value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** What researcher metrics need per paper. */
export interface ResearcherPaper {
  paperId: string
  citationCount: number | null
  /** 0..100 or null. */
  noveltyPercentile: number | null
  /** 0..100 or null. */
  centralityPercentile: number | null
}

/** A mean of a researcher's paper percentiles, plain and shrunk (0..100, null when no paper has one). */
export interface PercentileMean {
  /** The plain mean. */
  mean: number | null
  /** The mean with {@link SHRINK_PAPERS} papers at {@link SHRINK_PERCENTILE} added: what ranks and scores. */
  shrunk: number | null
  /** Papers with a percentile. */
  papers: number
}

/** Every metric of a researcher, computed and reported side by side. */
export interface ResearcherMetrics {
  papers: { value: number; howComputed: string }
  citations: CountMetric
  hIndex: CountMetric
  /** `value` is the plain mean (the issue's Novelty %); `shrunk` ranks researchers and feeds the AI Score. */
  noveltyPercent: { value: number | null; shrunk: number | null; papers: number; howComputed: string }
  /** The topical centrality behind the AI Score, plain and shrunk. */
  centrality: PercentileMean
  aiScore: AiScore
  /** What sources reported, kept beside the computed values. */
  reported: ReportedMetrics[]
}

/** A researcher's {@link ResearcherTotals} from their papers. */
export function researcherTotals(papers: readonly ResearcherPaper[]): ResearcherTotals {
  const novelty = papers.map((p) => p.noveltyPercentile).filter((v): v is number => v !== null)
  const centrality = papers.map((p) => p.centralityPercentile).filter((v): v is number => v !== null)
  return {
    papers: papers.length,
    citationCounts: papers.map((p) => p.citationCount).filter((c): c is number => c !== null),
    noveltySum: novelty.reduce((a, b) => a + b, 0),
    noveltyPapers: novelty.length,
    centralitySum: centrality.reduce((a, b) => a + b, 0),
    centralityPapers: centrality.length,
  }
}

/**
 * All metrics of one researcher from their {@link ResearcherTotals}: a researcher page and a ranking of the
 * library's researchers compute them alike (both from the store's totals; from papers through {@link researcherTotals}).
 * @example metricsFromTotals(researcherTotals(papers), reportedProfiles.map((p) => p.metrics))
 */
export function metricsFromTotals(t: ResearcherTotals, reported: readonly ReportedMetrics[] = []): ResearcherMetrics {
  const citations: Array<number | null> = [...t.citationCounts, ...new Array<null>(Math.max(0, t.papers - t.citationCounts.length)).fill(null)]
  const noveltyPercent = t.noveltyPapers === 0 ? null : t.noveltySum / t.noveltyPapers
  const noveltyShrunk = shrunkPercentile(t.noveltySum, t.noveltyPapers)
  const centrality: PercentileMean = {
    mean: t.centralityPapers === 0 ? null : t.centralitySum / t.centralityPapers,
    shrunk: shrunkPercentile(t.centralitySum, t.centralityPapers),
    papers: t.centralityPapers,
  }
  return {
    papers: { value: t.papers, howComputed: PAPERS_HOW_COMPUTED },
    citations: citationSum(citations),
    hIndex: hIndexMetric(citations),
    noveltyPercent: { value: noveltyPercent, shrunk: noveltyShrunk, papers: t.noveltyPapers, howComputed: NOVELTY_HOW_COMPUTED },
    centrality,
    aiScore: aiScore({
      centrality: centrality.shrunk === null ? null : centrality.shrunk / 100,
      novelty: noveltyShrunk === null ? null : noveltyShrunk / 100,
      papers: t.papers,
    }),
    reported: [...reported],
  }
}

/**
 * What a citation sum or h-index rests on, as a sentence: how many of the papers have a count.
 * @example citationCountsWhy({ known: 1, unknown: 2 }) // ['1 of 3 papers have a citation count']
 */
export function citationCountsWhy({ known, unknown }: Pick<CountMetric, 'known' | 'unknown'>): string[] {
  if (known + unknown === 0) return ['no papers in the library']
  return known === 0 ? ['no source gave a citation count for any of the papers'] : [`${known} of ${known + unknown} papers have a citation count`]
}

/**
 * What a researcher's Novelty % is a mean of, as a sentence: which of their papers count, and that the others
 * (no date, nothing dated before them, or too little text the model knows to place them) are left out rather than counted as 0.
 * @example noveltyPercentWhy(60, 59) // ['mean novelty percentile of 59 of the 60 papers: …']
 */
export function noveltyPercentWhy(papers: number, withNovelty: number): string[] {
  if (papers === 0) return ['unknown: no papers in the library']
  if (withNovelty === 0)
    return [`unknown: ${papers === 1 ? 'the paper has no date, no earlier paper in the library to compare with, or too little text the model knows to place it' : `none of the ${papers} papers has a date, an earlier paper in the library to compare with and text enough for the model to place it`}`]
  if (withNovelty === papers) return [`mean novelty percentile of ${pluralize(papers, 'paper')}, each with an earlier paper to compare with`]
  const left = papers - withNovelty
  return [
    `mean novelty percentile of ${withNovelty} of the ${papers} papers: the other ${left === 1 ? 'one has' : `${left} have`} no date, no earlier paper in the library to compare with, or too little text the model knows to place ${left === 1 ? 'it' : 'them'}, so ${left === 1 ? 'it is' : 'they are'} left out, not counted as 0`,
  ]
}

/**
 * Which of a researcher's papers their topical centrality is a mean of, as a sentence, when some are left out (none
 * when every paper has one): the others have too little text the vector model knows to place them, or no analysis
 * yet, and are left out rather than counted as 0.
 * @example centralityWhy(2, 1) // ['topical centrality over 1 of the 2 papers: the other one has too little text …']
 */
export function centralityWhy(papers: number, withCentrality: number): string[] {
  if (papers === 0 || withCentrality >= papers) return []
  if (withCentrality === 0)
    return [`topical centrality unknown: ${papers === 1 ? 'the paper has too little text the model knows to place it, or no analysis yet' : `none of the ${papers} papers has text enough for the model to place it and an analysis`}`]
  const left = papers - withCentrality
  return [
    `topical centrality over ${withCentrality} of the ${papers} papers: the other ${left === 1 ? 'one has' : `${left} have`} too little text the model knows to place ${left === 1 ? 'it' : 'them'}, or no analysis yet, so ${left === 1 ? 'it is' : 'they are'} left out, not counted as 0`,
  ]
}

/**
 * The AI Score's inputs as a sentence, each mean input both plain and as the score used it (shrunk), so that the
 * formula on the numbers shown gives the score within its last digit (three decimals).
 * @example aiScoreInputsNote(m) // 'inputs: topical centrality 0.623 (mean 0.990 of 1 paper, shrunk), novelty …, output 0.198 (1 paper)'
 */
export function aiScoreInputsNote(m: Pick<ResearcherMetrics, 'centrality' | 'noveltyPercent' | 'aiScore'>): string {
  const mean = (used: number | null, plain: number | null, papers: number): string =>
    used === null || plain === null ? 'unknown' : `${used.toFixed(3)} (mean ${(plain / 100).toFixed(3)} of ${pluralize(papers, 'paper')}, shrunk)`
  const { inputs } = m.aiScore
  return `inputs: topical centrality ${mean(inputs.centrality, m.centrality.mean, m.centrality.papers)}, novelty ${mean(inputs.novelty, m.noveltyPercent.value, m.noveltyPercent.papers)}, output ${inputs.output.toFixed(3)} (${pluralize(inputs.papers, 'paper')}); shrunk: (sum of percentiles + ${SHRINK_PAPERS} × ${SHRINK_PERCENTILE}) / (papers + ${SHRINK_PAPERS}) / 100`
}

/**
 * What a ranking of researchers by Novelty % puts this one at, as a sentence (none when unknown).
 * @example noveltyRankedWhy({ value: 99, shrunk: 62.25, papers: 1 }) // ['ranked among researchers at 62.3: …']
 */
export function noveltyRankedWhy(n: Pick<ResearcherMetrics['noveltyPercent'], 'value' | 'shrunk' | 'papers'>): string[] {
  if (n.shrunk === null) return []
  return [
    `ranked among researchers at ${(Math.round(n.shrunk * 10) / 10).toFixed(1)}: (the sum of ${pluralize(n.papers, 'percentile')} + ${SHRINK_PAPERS} × ${SHRINK_PERCENTILE}) / (${n.papers} + ${SHRINK_PAPERS}), so that few papers cannot top the ranking by chance (the AI Score's novelty input too)`,
  ]
}

/** Every metric's "how this is computed" text, by the key the API serves it under. */
export const HOW_COMPUTED = {
  papers: PAPERS_HOW_COMPUTED,
  citations: CITATIONS_HOW_COMPUTED,
  hIndex: H_INDEX_HOW_COMPUTED,
  novelty: NOVELTY_HOW_COMPUTED,
  noveltyPercent: NOVELTY_HOW_COMPUTED,
  noveltyRanking: NOVELTY_RANKING_HOW_COMPUTED,
  aiScore: AI_SCORE_HOW_COMPUTED,
} as const

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v
}
