/**
 * @module The one shape every ranker and score shares (STYLE §15): a number and the contributions behind it.
 */

/** One reason behind a score: a term, a feature or an input, and how much it weighed. */
export interface Contribution {
  /** What contributed, in words a person reads (`neural tangent kernel`, `novelty`). */
  label: string
  /** Its share of the score, in the score's own units (may be negative). */
  weight: number
}

/** A ranked paper with its score and why. */
export interface Ranked {
  paperId: string
  score: number
  why: Contribution[]
}

/** The ranker signature: a query in, ranked papers out. */
export type Ranker<Q> = (query: Q) => Ranked[]

/** Sorts by score (highest first), ties by paper id, so results are deterministic. */
export function byScore<T extends { score: number; paperId: string }>(a: T, b: T): number {
  return b.score - a.score || (a.paperId < b.paperId ? -1 : a.paperId > b.paperId ? 1 : 0)
}

/**
 * The `k` first of `items` in `compare`'s order, as `[...items].sort(compare).slice(0, k)` gives them (equal items in
 * their input order), without sorting them all: each is put into the list of the best `k` so far, or passed over.
 * @example topK([{ s: 0.2 }, { s: 0.9 }, { s: 0.5 }], 2, (a, b) => b.s - a.s) // [{ s: 0.9 }, { s: 0.5 }]
 */
export function topK<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = []
  if (k <= 0) return best
  for (const x of items) {
    // Not before the last kept: an equal one came first and stays first.
    if (best.length === k && compare(x, best[k - 1] as T) >= 0) continue
    let at = best.length
    while (at > 0 && compare(x, best[at - 1] as T) < 0) at--
    best.splice(at, 0, x)
    if (best.length > k) best.pop()
  }
  return best
}
