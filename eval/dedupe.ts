/**
 * @module Dedupe evaluation: the library's matcher (`src/library` `matchRecord`, each paper as `candidateOf` gives
 * it: merged, with its records' kinds of work, ids and venues) run over every corpus record in import order, as
 * `importRecord` does, and its paper groups compared with the corpus's known duplicates.
 *
 * Ground truth: records with the same normalized title are one paper, plus the hand-checked duplicates
 * whose titles differ ({@link KNOWN_RETITLED_DUPLICATES}). Candidates are the papers sharing a title word of
 * five letters or more (or, for records without a title, every paper with an abstract), which is at least
 * what the store's candidate lookup returns, so the numbers measure the matcher's decisions.
 */
import type { SourceRecord } from '../src/core/index.js'
import { candidateOf, matchRecord, normalizeTitle, titleTokens, type MergeInput, type PaperCandidate } from '../src/library/index.js'
import { pairScores, pairsOf, type PairScores } from './metrics.js'

/**
 * Duplicates the corpus README and issue 2 name whose titles differ between files (the others share a title
 * and are found by it): each group lists the titles of one paper.
 */
export const KNOWN_RETITLED_DUPLICATES: ReadonlyArray<readonly string[]> = [
  [
    'Droplets of Good Representations: Grokking as a First Order Phase Transition in Two Layer Networks',
    'Grokking as a First Order Phase Transition in Two Layer Networks',
  ],
]

/** A record with the file it came from; `id` is its position in import order. */
export interface EvalRecord {
  id: string
  file: string
  record: SourceRecord
}

export interface DedupeResult {
  /** All pairs (also two records of one file, e.g. the awesome list's double listing). */
  all: PairScores
  /** Pairs of records from different files only. */
  crossFile: PairScores
  /** Wrongly merged pairs and missed pairs, for the report. */
  falseMerges: Array<[string, string]>
  missed: Array<[string, string]>
  papers: number
}

/** Runs the matcher over the records in order and scores its groups against the truth. */
export function evaluateDedupe(records: readonly EvalRecord[]): DedupeResult {
  const predicted = clusterWithMatcher(records)
  const truth = trueGroups(records)
  const fileOf = new Map(records.map((r) => [r.id, r.file]))
  const crossFile = (pairs: Set<string>): Set<string> =>
    new Set([...pairs].filter((p) => {
      const [a, b] = p.split('\u0000') as [string, string]
      return fileOf.get(a) !== fileOf.get(b)
    }))
  const predictedPairs = pairsOf(predicted)
  const truePairs = pairsOf(truth)
  const label = (id: string): string => {
    const r = records.find((x) => x.id === id)
    return r ? `${r.record.locator} "${(r.record.title ?? r.record.abstract ?? '').slice(0, 60)}"` : id
  }
  const split = (p: string): [string, string] => {
    const [a, b] = p.split('\u0000') as [string, string]
    return [label(a), label(b)]
  }
  return {
    all: pairScores(predictedPairs, truePairs),
    crossFile: pairScores(crossFile(predictedPairs), crossFile(truePairs)),
    falseMerges: [...predictedPairs].filter((p) => !truePairs.has(p)).map(split),
    missed: [...truePairs].filter((p) => !predictedPairs.has(p)).map(split),
    papers: predicted.length,
  }
}

/** The paper groups the library's matcher makes, importing the records one by one. */
export function clusterWithMatcher(records: readonly EvalRecord[]): string[][] {
  const papers: Array<{ paperId: string; members: string[]; inputs: MergeInput[]; candidate: PaperCandidate }> = []
  const byWord = new Map<string, Set<number>>()
  records.forEach((r, order) => {
    const words = r.record.title ? blockingWords(r.record.title) : []
    const pool = new Set<number>()
    if (words.length > 0) for (const w of words) for (const i of byWord.get(w) ?? []) pool.add(i)
    else papers.forEach((p, i) => p.candidate.abstract && pool.add(i))
    const candidates = [...pool].sort((a, b) => a - b).map((i) => (papers[i] as (typeof papers)[number]).candidate)
    const decision = matchRecord(r.record, candidates)
    const input: MergeInput = { ...r.record, id: order + 1 }
    let index = decision ? papers.findIndex((p) => p.paperId === decision.paperId) : -1
    if (index < 0) {
      papers.push({ paperId: `p${String(order).padStart(5, '0')}`, members: [], inputs: [], candidate: undefined as unknown as PaperCandidate })
      index = papers.length - 1
    }
    const paper = papers[index] as (typeof papers)[number]
    paper.members.push(r.id)
    paper.inputs.push(input)
    paper.candidate = candidateOf(paper.paperId, paper.inputs)
    if (!paper.candidate.titleDerived) for (const w of blockingWords(paper.candidate.title)) (byWord.get(w) ?? byWord.set(w, new Set()).get(w)!).add(index)
  })
  return papers.map((p) => p.members)
}

/** The true groups: same normalized title, joined with the hand-checked retitled duplicates. */
export function trueGroups(records: readonly EvalRecord[]): string[][] {
  const parent = new Map(records.map((r) => [r.id, r.id]))
  const find = (x: string): string => {
    let root = x
    while (parent.get(root) !== root) root = parent.get(root) as string
    parent.set(x, root)
    return root
  }
  const union = (a: string, b: string): void => {
    parent.set(find(a), find(b))
  }
  const byTitle = new Map<string, string>()
  const retitled = new Map<string, number>()
  KNOWN_RETITLED_DUPLICATES.forEach((group, g) => group.forEach((t) => retitled.set(normalizeTitle(t), g)))
  const firstOfGroup = new Map<number, string>()
  for (const r of records) {
    if (!r.record.title) continue
    const key = normalizeTitle(r.record.title)
    const same = byTitle.get(key)
    if (same) union(r.id, same)
    else byTitle.set(key, r.id)
    const g = retitled.get(key)
    if (g !== undefined) {
      const other = firstOfGroup.get(g)
      if (other) union(r.id, other)
      else firstOfGroup.set(g, r.id)
    }
  }
  const groups = new Map<string, string[]>()
  for (const r of records) {
    const root = find(r.id)
    ;(groups.get(root) ?? groups.set(root, []).get(root)!).push(r.id)
  }
  return [...groups.values()]
}

function blockingWords(title: string): string[] {
  return [...new Set(titleTokens(title).filter((w) => w.length >= 5))]
}

