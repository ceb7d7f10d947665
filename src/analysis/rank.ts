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
