/** @module Dedupe baselines: never merge, exact title, plain TF-IDF title cosine; scored like the matcher. */
import { normalizeTitle, titleTokens } from '../src/library/index.js'
import { pairScores, pairsOf } from './metrics.js'
import { trueGroups, type DedupeResult, type EvalRecord } from './dedupe.js'

/** Every record its own paper. */
export function neverMerge(records: readonly EvalRecord[]): DedupeResult {
  return score(records, records.map((r) => [r.id]))
}

/** Records with the same normalized title are one paper. */
export function exactTitleDedupe(records: readonly EvalRecord[]): DedupeResult {
  const groups = new Map<string, string[]>()
  records.forEach((r) => {
    const key = r.record.title ? normalizeTitle(r.record.title) : `#${r.id}`
    ;(groups.get(key) ?? groups.set(key, []).get(key)!).push(r.id)
  })
  return score(records, [...groups.values()])
}

/** Records whose titles' TF-IDF vectors (title words, idf over all titles) have cosine ≥ threshold are one paper (single link). */
export function tfidfTitleDedupe(records: readonly EvalRecord[], threshold: number): DedupeResult {
  const tokens = records.map((r) => (r.record.title ? titleTokens(r.record.title) : []))
  const df = new Map<string, number>()
  for (const t of tokens) for (const w of new Set(t)) df.set(w, (df.get(w) ?? 0) + 1)
  const n = records.length
  const vectors = tokens.map((t) => {
    const v = new Map<string, number>()
    for (const w of t) v.set(w, (v.get(w) ?? 0) + 1)
    for (const [w, c] of v) v.set(w, (1 + Math.log(c)) * (Math.log((1 + n) / (1 + (df.get(w) ?? 0))) + 1))
    const norm = Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0)) || 1
    for (const [w, x] of v) v.set(w, x / norm)
    return v
  })
  const parent = records.map((_, i) => i)
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x] as number)))
  for (let i = 0; i < n; i++) {
    const a = vectors[i] as Map<string, number>
    if (a.size === 0) continue
    for (let j = i + 1; j < n; j++) {
      const b = vectors[j] as Map<string, number>
      let s = 0
      for (const [w, x] of a) s += x * (b.get(w) ?? 0)
      if (s >= threshold) parent[find(i)] = find(j)
    }
  }
  const groups = new Map<number, string[]>()
  records.forEach((r, i) => (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(r.id))
  return score(records, [...groups.values()])
}

function score(records: readonly EvalRecord[], predicted: string[][]): DedupeResult {
  const truth = pairsOf(trueGroups(records))
  const pairs = pairsOf(predicted)
  const fileOf = new Map(records.map((r) => [r.id, r.file]))
  const cross = (set: Set<string>): Set<string> =>
    new Set([...set].filter((p) => {
      const [a, b] = p.split('\u0000') as [string, string]
      return fileOf.get(a) !== fileOf.get(b)
    }))
  return {
    all: pairScores(pairs, truth),
    crossFile: pairScores(cross(pairs), cross(truth)),
    falseMerges: [],
    missed: [],
    papers: predicted.length,
  }
}
