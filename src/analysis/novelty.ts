/**
 * @module Novelty: how far a paper is from the work before it.
 *
 * A paper's novelty is 1 − its highest cosine similarity to any paper in the library dated strictly before
 * it, with those nearest earlier papers kept as the evidence. Its percentile is its rank among the papers of
 * its year that have a novelty (a paper of an early year meets few earlier papers and is far from all of them
 * by chance, so ranking it against later years would measure how early it is), with what a text of its length
 * gets taken out (a title alone sits near some earlier title). A paper with nothing dated
 * before it (or no date) has no novelty: null, never 0 or 1; so has a paper whose text the vector model knows too
 * little of to place it (one word of it: `Highway networks` is `networks` alone, and was 0.00 new against `Network in
 * network`), which is not ranked either, though later papers still meet it. A researcher's Novelty % is the mean of
 * their papers' percentiles.
 */
import type { PartialDate } from '../core/index.js'
import { dot } from './sparse.js'
import { MIN_KNOWN_WORDS } from './vectors.js'

/** What novelty needs to know about a paper. */
export interface NoveltyInput {
  paperId: string
  date: PartialDate | null
  /** Unit-length embedding. */
  vector: Float32Array
  /**
   * Characters of the text the vector was made from. When every paper of a year has one, its percentile ranks
   * novelty with what a text of its length gets taken out (see {@link rankWithinCohorts}).
   */
  textLength?: number
  /**
   * The words of its text the vector model knows, when too few to place it (vectors.ts `tooLittleKnown`): the paper
   * then has no novelty and no percentile. Absent when the model knows enough, or cannot say (an ONNX model's vector).
   */
  tooLittleKnown?: readonly string[]
}

/** A nearest earlier paper: the evidence behind a novelty. */
export interface NoveltyEvidence {
  paperId: string
  date: PartialDate
  similarity: number
}

export interface PaperNovelty {
  paperId: string
  /** 1 − highest similarity to earlier papers (0..1), or null when nothing is dated before it. */
  novelty: number | null
  /** Share (0..100) of the papers of its year (its cohort) with a novelty whose novelty is at most this one's. */
  percentile: number | null
  /** How many earlier papers it was compared with. */
  comparedWith: number
  /** The nearest earlier papers, most similar first. */
  nearestEarlier: NoveltyEvidence[]
  explanation: string
  /** The papers its percentile ranks among; null when it has no percentile. */
  cohort: NoveltyCohort | null
}

/** Fewest papers a percentile ranks among: a year with fewer is pooled with the years next to it. */
export const NOVELTY_COHORT_MIN = 10

export const NOVELTY_HOW_COMPUTED =
  `A paper's novelty is 1 minus its highest cosine similarity (of the library's paper vectors: LSA by default, or the local ONNX sentence-embedding model the library was set to) to any paper in the library dated strictly before it; the nearest earlier papers are shown as evidence. Partial dates count as their whole span: a paper dated 2023 is not before one dated 2023-05. The percentile is the share of the papers of the same year whose novelty is at most this one's, once what a text of its length gets is taken out (a least-squares line of novelty on the log of the characters of title, abstract and digest, within the year: a paper known by its title alone sits near some earlier title that shares a word, so a short text would read as old and a long one as new whatever it says), years with fewer than ${NOVELTY_COHORT_MIN} such papers being pooled with the years next to them: a paper of an early year meets few earlier papers and is far from all of them by chance, so ranking it against later years would measure how early it is, not how new. A paper with no earlier paper in the library, or no date, has no novelty; nor has a paper of whose text the LSA vector model knows fewer than ${MIN_KNOWN_WORDS} words (a bare title such as 'Highway networks', whose 'highway' is in no other text: its vector is 'networks' alone, and it would be 0.00 new against 'Network in network'). Such a paper is not ranked among its year's, though later papers are still compared with it. A researcher's Novelty % is the mean of the percentiles of those of their papers that have one (the others, without a date, an earlier paper or text enough for the model to place them, are left out, not counted as 0).`

const TOO_LITTLE_KNOWN = 'too little text the model knows to place it'

/**
 * Why a paper the vector model cannot place has no novelty, naming the words it knows.
 * @example tooLittleKnownReason(['networks']) // 'too little text the model knows to place it: only “networks”'
 */
export function tooLittleKnownReason(words: readonly string[]): string {
  return `${TOO_LITTLE_KNOWN}: ${words.length === 0 ? 'none of its words' : `only ${words.map((w) => `“${w}”`).join(' and ')}`}`
}

/**
 * Why a paper has no novelty before any comparison (too little known, no date), or null when it can have one.
 * Too little known comes first: it is also why the paper has no centrality, dated or not.
 */
function noNoveltyBefore(p: NoveltyInput): string | null {
  if (p.tooLittleKnown) return tooLittleKnownReason(p.tooLittleKnown)
  return p.date ? null : 'the paper has no date'
}

/** First and last day a partial date can mean, as comparable `YYYY-MM-DD` strings. */
export function dateSpan(date: PartialDate): { first: string; last: string } {
  if (date.length === 10) return { first: date, last: date }
  if (date.length === 7) return { first: `${date}-01`, last: `${date}-31` }
  return { first: `${date}-01-01`, last: `${date}-12-31` }
}

/** True when `a` is certainly before `b`: `a`'s last possible day is before `b`'s first. */
export function isStrictlyBefore(a: PartialDate, b: PartialDate): boolean {
  return dateSpan(a).last < dateSpan(b).first
}

/** The all-pairs part of {@link computeNovelty}, laid out so that it can be split by rows (across threads). */
export interface NoveltyScan {
  /** Unit vectors of the dated papers, in order of their last possible day, row after row. */
  matrix: Float32Array
  dims: number
  /** Per row, how many rows before it are dated strictly before it (always a prefix: rows are in date order). */
  compared: Int32Array
  /** Evidence kept per row. */
  size: number
}

/** Where {@link scanNearestEarlier} writes: per row, `size` similarities and the rows they belong to, best first. */
export interface NoveltyScanOutput {
  similarities: Float64Array
  rows: Int32Array
}

/**
 * For rows `from..to` of a scan, the `size` most similar earlier rows: the O(n²/2) dot products that are the
 * whole cost of novelty. Reads contiguous memory and allocates nothing per pair. `onRow` is told after each
 * row how many pairs it took.
 */
export function scanNearestEarlier(scan: NoveltyScan, from: number, to: number, out: NoveltyScanOutput, onRow?: (pairs: number) => void): void {
  const { matrix, dims, compared, size } = scan
  const xv = new Float32Array(dims)
  const topSim = new Float64Array(size)
  const topRow = new Int32Array(size)
  // A closure called once per row: V8 compiles it best. The pair loop inside a loop over rows, or in a
  // function of its own, took 1.5 times as long (8,000 papers: 4.2 s against 2.8 s).
  const row = (r: number): void => {
    const count = compared[r] as number
    if (count > 0) {
      topSim.fill(-1)
      topRow.fill(-1)
      xv.set(matrix.subarray(r * dims, r * dims + dims))
      for (let y = 0; y < count; y++) {
        const s = dotRow(xv, matrix, y * dims, dims)
        if (s <= (topSim[size - 1] as number)) continue
        let k = size - 1
        while (k > 0 && (topSim[k - 1] as number) < s) {
          topSim[k] = topSim[k - 1] as number
          topRow[k] = topRow[k - 1] as number
          k--
        }
        topSim[k] = s
        topRow[k] = y
      }
      out.similarities.set(topSim, r * size)
      out.rows.set(topRow, r * size)
    }
    onRow?.(count)
  }
  for (let r = from; r < to; r++) row(r)
}

interface DatedInput {
  p: NoveltyInput
  i: number
  span: { first: string; last: string }
}

/**
 * Novelty in three steps, for callers that run the scan themselves (on threads): {@link prepareNovelty}, then
 * {@link scanNearestEarlier} over all rows, then {@link finishNovelty}. {@link computeNovelty} does all three.
 */
export function prepareNovelty(papers: readonly NoveltyInput[], evidence = 3): { scan: NoveltyScan; dated: DatedInput[] } {
  const dated = papers
    .map((p, i) => ({ p, i, span: p.date ? dateSpan(p.date) : null }))
    .filter((x): x is DatedInput => x.span !== null)
    // By last day, then id: among equally similar earlier papers the scan keeps the first rows, so evidence ties
    // go to the earlier paper, then the smaller id, whatever order the papers came in (as updateNovelty's).
    .sort((a, b) => (a.span.last < b.span.last ? -1 : a.span.last > b.span.last ? 1 : a.p.paperId < b.p.paperId ? -1 : a.p.paperId > b.p.paperId ? 1 : 0))
  const dims = dated[0]?.p.vector.length ?? 0
  const matrix = new Float32Array(dated.length * dims)
  dated.forEach((x, r) => matrix.set(x.p.vector.subarray(0, dims), r * dims))
  const lasts = dated.map((x) => x.span.last)
  // `dated` is sorted by last day, so the strictly earlier papers are the rows before the first that is not.
  const compared = new Int32Array(dated.length)
  dated.forEach((x, r) => {
    compared[r] = countBelow(lasts, x.span.first)
  })
  return { scan: { matrix, dims, compared, size: Math.max(1, evidence) }, dated }
}

/** The scan's output as each paper's novelty, nearest earlier papers and percentile. */
export function finishNovelty(papers: readonly NoveltyInput[], prepared: { scan: NoveltyScan; dated: DatedInput[] }, out: NoveltyScanOutput, evidence = 3): PaperNovelty[] {
  const { scan, dated } = prepared
  const result: PaperNovelty[] = papers.map((p) => ({
    paperId: p.paperId,
    novelty: null,
    percentile: null,
    comparedWith: 0,
    nearestEarlier: [],
    explanation: noNoveltyBefore(p) ?? 'no paper in the library is dated before it',
    cohort: null,
  }))
  dated.forEach((x, r) => {
    const compared = scan.compared[r] as number
    // A paper too little known keeps its row in the scan: later papers are compared with it.
    if (compared === 0 || x.p.tooLittleKnown) return
    const nearest: NoveltyEvidence[] = []
    for (let k = 0; k < scan.size && k < compared; k++) {
      const y = dated[out.rows[r * scan.size + k] as number] as DatedInput
      nearest.push({ paperId: y.p.paperId, date: y.p.date as PartialDate, similarity: clamp01(out.similarities[r * scan.size + k] as number) })
    }
    const best = nearest[0] as NoveltyEvidence
    result[x.i] = {
      paperId: x.p.paperId,
      novelty: 1 - best.similarity,
      percentile: null,
      comparedWith: compared,
      nearestEarlier: nearest.slice(0, evidence),
      explanation: `1 − ${best.similarity.toFixed(3)} (similarity to ${best.paperId}, the closest of ${compared} earlier papers)`,
      cohort: null,
    }
  })
  rankWithinCohorts(papers, result)
  return result
}

/**
 * Sets each novelty's percentile among the papers of its year, a year with fewer than
 * {@link NOVELTY_COHORT_MIN} pooled with the next (the last with the one before), with that cohort, and says so in
 * its explanation.
 */
function rankWithinCohorts(papers: readonly NoveltyInput[], results: PaperNovelty[]): void {
  const byYear = new Map<string, PaperNovelty[]>()
  results.forEach((o, i) => {
    const date = papers[i]?.date
    if (o.novelty === null || !date) return
    const year = date.slice(0, 4)
    const cohort = byYear.get(year)
    if (cohort) cohort.push(o)
    else byYear.set(year, [o])
  })
  const cohorts: Array<{ years: string[]; papers: PaperNovelty[] }> = []
  let open: { years: string[]; papers: PaperNovelty[] } | null = null
  for (const year of [...byYear.keys()].sort()) {
    open ??= { years: [], papers: [] }
    open.years.push(year)
    open.papers.push(...(byYear.get(year) as PaperNovelty[]))
    if (open.papers.length >= NOVELTY_COHORT_MIN) {
      cohorts.push(open)
      open = null
    }
  }
  const last = cohorts[cohorts.length - 1]
  if (open && last) {
    last.years.push(...open.years)
    last.papers.push(...open.papers)
  } else if (open) cohorts.push(open)
  const lengths = new Map(papers.map((p) => [p.paperId, p.textLength]))
  for (const cohort of cohorts) {
    const ranked = lengthAdjusted(
      cohort.papers.map((o) => o.novelty as number),
      cohort.papers.map((o) => lengths.get(o.paperId)),
    )
    const values = [...ranked].sort((a, b) => a - b)
    const years = cohort.years.length === 1 ? `${cohort.years[0]}` : `${cohort.years[0]}–${cohort.years[cohort.years.length - 1]}`
    const from = Number(cohort.years[0])
    const to = Number(cohort.years[cohort.years.length - 1])
    cohort.papers.forEach((o, i) => {
      o.percentile = percentileOf(values, ranked[i] as number)
      o.cohort = { from, to, papers: values.length }
      o.explanation += `; percentile among the ${values.length} papers of ${years}`
    })
  }
}

/**
 * Novelties less what a text of each one's length gets in its cohort (a least-squares line of novelty on
 * log(1 + characters)), when every paper's length is known; else the novelties as they are. A title alone sits
 * near some earlier title that shares a word: on the richest library the papers of 2023–2026 known by a title
 * alone were at the 10th novelty percentile on average, those with a curated digest at the 51st, those with an
 * abstract at the 71st, so a researcher's Novelty % told how much text their papers came with.
 */
function lengthAdjusted(novelties: readonly number[], lengths: ReadonlyArray<number | undefined>): number[] {
  if (lengths.some((l) => l === undefined)) return [...novelties]
  return lengthResiduals(novelties, lengths as readonly number[])
}

/**
 * What each value says beyond its text's length: the value less the least-squares line of the values on
 * log(1 + characters), at that length. Novelty percentiles and topical centrality both rank by it.
 */
export function lengthResiduals(values: readonly number[], textLengths: readonly number[]): number[] {
  const xs = textLengths.map((l) => Math.log1p(Math.max(0, l)))
  const n = xs.length
  const mx = xs.reduce((a, b) => a + b, 0) / Math.max(1, n)
  const my = values.reduce((a, b) => a + b, 0) / Math.max(1, n)
  let sxx = 0
  let sxy = 0
  for (let i = 0; i < n; i++) {
    sxx += ((xs[i] as number) - mx) ** 2
    sxy += ((xs[i] as number) - mx) * ((values[i] as number) - my)
  }
  const slope = sxx > 1e-12 ? sxy / sxx : 0
  // Rounded, so that values the line leaves level (two papers: both on it) tie rather than rank by float noise.
  return values.map((v, i) => Math.round((v - slope * ((xs[i] as number) - mx)) * 1e9) / 1e9)
}

/** The cohort a percentile ranks among: its first and last year, and how many papers with a novelty it holds. */
export interface NoveltyCohort {
  from: number
  to: number
  papers: number
}

/** Pairs a scan compares in all: what progress is counted in. */
export function noveltyPairs(scan: NoveltyScan): number {
  let pairs = 0
  for (const c of scan.compared) pairs += c
  return pairs
}

/**
 * Novelty of every paper against the papers dated before it.
 * @example computeNovelty(papers.map((p) => ({ paperId: p.id, date: p.date, vector: vectors.get(p.id) })))
 */
export function computeNovelty(
  papers: readonly NoveltyInput[],
  { evidence = 3, onProgress }: { evidence?: number; onProgress?: (done: number, total: number) => void } = {},
): PaperNovelty[] {
  const prepared = prepareNovelty(papers, evidence)
  const { scan } = prepared
  const rows = scan.compared.length
  const out: NoveltyScanOutput = { similarities: new Float64Array(rows * scan.size), rows: new Int32Array(rows * scan.size) }
  const total = noveltyPairs(scan)
  let done = 0
  let row = 0
  const every = Math.max(1, Math.floor(rows / 100))
  scanNearestEarlier(scan, 0, rows, out, onProgress && ((pairs) => {
    done += pairs
    // About a hundred reports.
    if (++row % every === 0) onProgress(done, total)
  }))
  return finishNovelty(papers, prepared, out, evidence)
}

/**
 * Novelty after some papers were added or changed, from the previous results: exact, and
 * O(changed × papers) instead of O(papers²). A changed paper is compared with every earlier paper; any other
 * paper keeps its previous nearest earlier papers (they are still the nearest among the unchanged ones) and
 * meets the changed papers dated before it. A paper one of whose nearest earlier papers changed is compared with
 * everything again. Percentiles are recomputed for all (a new paper changes its year's).
 * @example updateNovelty(papers, previousById, new Set(['p-new']))
 */
export function updateNovelty(
  papers: readonly NoveltyInput[],
  previous: ReadonlyMap<string, Pick<PaperNovelty, 'novelty' | 'nearestEarlier'>>,
  changed: ReadonlySet<string>,
  { evidence = 3 }: { evidence?: number } = {},
): PaperNovelty[] {
  const size = Math.max(1, evidence)
  const byId = new Map(papers.map((p) => [p.paperId, p]))
  const lasts = papers
    .filter((p) => p.date)
    .map((p) => dateSpan(p.date as PartialDate).last)
    .sort()
  const changedPapers = papers.filter((p) => changed.has(p.paperId) && p.date)
  const out = papers.map((x): PaperNovelty => {
    const none = (explanation: string): PaperNovelty => ({ paperId: x.paperId, novelty: null, percentile: null, comparedWith: 0, nearestEarlier: [], explanation, cohort: null })
    const before = noNoveltyBefore(x)
    if (before !== null || !x.date) return none(before ?? 'the paper has no date')
    const first = dateSpan(x.date).first
    const compared = countBelow(lasts, first)
    if (compared === 0) return none('no paper in the library is dated before it')
    const last = previous.get(x.paperId)
    const evidenceBefore = last && !changed.has(x.paperId) ? last.nearestEarlier : []
    // The kept evidence is the nearest of the unchanged papers only while none of it dropped out: a dropped one's
    // slot may belong to an unchanged paper that was next in line, which was not kept.
    const kept = evidenceBefore.filter((e) => !changed.has(e.paperId) && byId.has(e.paperId))
    if (kept.length < evidenceBefore.length) kept.length = 0
    const nearest: NoveltyEvidence[] = []
    const consider = (y: NoveltyInput): void => {
      if (y.paperId === x.paperId || !y.date || !(dateSpan(y.date).last < first)) return
      insertTop(nearest, { paperId: y.paperId, date: y.date, similarity: clamp01(dot(x.vector, y.vector)) }, size)
    }
    if (kept.length > 0) {
      for (const e of kept) insertTop(nearest, e, size)
      for (const y of changedPapers) consider(y)
    } else {
      for (const y of papers) consider(y)
    }
    const best = nearest[0] as NoveltyEvidence
    return {
      paperId: x.paperId,
      novelty: 1 - best.similarity,
      percentile: null,
      comparedWith: compared,
      nearestEarlier: nearest,
      explanation: `1 − ${best.similarity.toFixed(3)} (similarity to ${best.paperId}, the closest of ${compared} earlier papers)`,
      cohort: null,
    }
  })
  rankWithinCohorts(papers, out)
  return out
}

/** How many of the sorted strings are strictly below `value`. */
function countBelow(sorted: readonly string[], value: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((sorted[mid] as string) < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Share (0..100) of sorted `values` that are at most `value`. */
export function percentileOf(sortedValues: readonly number[], value: number): number {
  if (sortedValues.length === 0) return 0
  let lo = 0
  let hi = sortedValues.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((sortedValues[mid] as number) <= value) lo = mid + 1
    else hi = mid
  }
  return (100 * lo) / sortedValues.length
}

/** A researcher's Novelty %: the mean percentile of their papers that have one, or null. */
export function researcherNovelty(paperNovelties: readonly Pick<PaperNovelty, 'percentile'>[]): { percent: number | null; papers: number } {
  const known = paperNovelties.map((p) => p.percentile).filter((v): v is number => v !== null)
  return { percent: known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length, papers: known.length }
}

function insertTop(list: NoveltyEvidence[], item: NoveltyEvidence, size: number): void {
  let i = list.length
  while (i > 0 && ranksAfter(list[i - 1] as NoveltyEvidence, item)) i--
  if (i >= size) return
  list.splice(i, 0, item)
  if (list.length > size) list.pop()
}

/** True when `a` is less similar than `b`, or as similar and dated later (then by id), as the full scan orders them. */
function ranksAfter(a: NoveltyEvidence, b: NoveltyEvidence): boolean {
  if (a.similarity !== b.similarity) return a.similarity < b.similarity
  const [lastA, lastB] = [dateSpan(a.date).last, dateSpan(b.date).last]
  return lastA !== lastB ? lastA > lastB : a.paperId > b.paperId
}

/** `x · matrix[offset .. offset + dims)`, unrolled by four: the hot loop of {@link computeNovelty}. */
function dotRow(x: Float32Array, matrix: Float32Array, offset: number, dims: number): number {
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let s3 = 0
  let d = 0
  for (; d + 3 < dims; d += 4) {
    s0 += (x[d] as number) * (matrix[offset + d] as number)
    s1 += (x[d + 1] as number) * (matrix[offset + d + 1] as number)
    s2 += (x[d + 2] as number) * (matrix[offset + d + 2] as number)
    s3 += (x[d + 3] as number) * (matrix[offset + d + 3] as number)
  }
  for (; d < dims; d++) s0 += (x[d] as number) * (matrix[offset + d] as number)
  return s0 + s1 + s2 + s3
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v
}
