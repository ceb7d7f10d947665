/**
 * @module Decides whether an incoming source record is a paper the library already has.
 * Evidence in order of strength: a shared external id, the same title, a title part (subtitle or prefix
 * dropped), a near-identical title, the same abstract. Title evidence is vetoed by conflicting ids,
 * distant years or author lists with nobody in common.
 */
import type { ExternalIds, SourceRecord } from '../core/index.js'
import { namesCompatible, normalizeTitle, parseName, titleKeys, titleTokens } from './normalize.js'

/** What the matcher needs to know about a paper already in the library. */
export interface PaperCandidate {
  paperId: string
  title: string
  /** True when the title was derived from the abstract (no source gave one). */
  titleDerived: boolean
  ids: ExternalIds
  authors: string[]
  year: number | null
  abstract: string | null
}

export type MatchReason = 'id' | 'title' | 'title-part' | 'fuzzy-title' | 'abstract'

export interface MatchDecision {
  paperId: string
  reason: MatchReason
  /** 0..1, how strong the evidence of this reason is. */
  score: number
  /** Words for a person: which id, which title part, which authors. */
  detail: string
}

const REASON_RANK: Record<MatchReason, number> = { id: 5, title: 4, 'title-part': 3, 'fuzzy-title': 2, abstract: 1 }
/** Near-identical titles: spelling and punctuation variants, not different papers with similar names. */
export const FUZZY_TITLE_THRESHOLD = 0.9
/** Share of the shorter abstract's 5-word shingles found in the other. */
export const ABSTRACT_CONTAINMENT_THRESHOLD = 0.6
/** Years further apart than this veto a title match (preprint → journal takes a year or two). */
const MAX_YEAR_GAP = 3
const SHARED_ID_KINDS = ['arxiv', 'doi', 's2', 'openalex', 'corpusId', 'dblp', 'pmid', 'mag', 'acl', 'hf'] as const

/** What a record looks like to the matcher (a subset of SourceRecord). */
export type MatchableRecord = Pick<
  SourceRecord,
  'title' | 'ids' | 'authors' | 'extraAuthors' | 'date' | 'abstract'
>

/**
 * Picks the library paper the record belongs to, or null for a new paper. Deterministic: ties go to the
 * smallest paper id.
 * @example matchRecord(record, await tx.findPaperCandidates(record))
 */
export function matchRecord(record: MatchableRecord, candidates: PaperCandidate[]): MatchDecision | null {
  let best: MatchDecision | null = null
  for (const candidate of candidates) {
    const decision = decide(record, candidate)
    if (!decision) continue
    if (
      !best ||
      REASON_RANK[decision.reason] > REASON_RANK[best.reason] ||
      (REASON_RANK[decision.reason] === REASON_RANK[best.reason] &&
        (decision.score > best.score || (decision.score === best.score && decision.paperId < best.paperId)))
    ) {
      best = decision
    }
  }
  return best
}

function decide(record: MatchableRecord, candidate: PaperCandidate): MatchDecision | null {
  const sharedId = findSharedId(record.ids, candidate.ids)
  if (sharedId) return { paperId: candidate.paperId, reason: 'id', score: 1, detail: `same ${sharedId}` }
  if (idsConflict(record.ids, candidate.ids)) return null

  const recordYear = record.date ? Number(record.date.slice(0, 4)) : null
  if (recordYear !== null && candidate.year !== null && Math.abs(recordYear - candidate.year) > MAX_YEAR_GAP) {
    return null
  }
  const authorEvidence = compareAuthors([...record.authors, ...record.extraAuthors], candidate.authors)
  if (authorEvidence === 'disjoint') return null

  if (record.title && !candidate.titleDerived) {
    const decision = decideByTitle(record.title, candidate, authorEvidence)
    if (decision) return decision
  }
  if (record.abstract && candidate.abstract) {
    const containment = abstractContainment(record.abstract, candidate.abstract)
    if (containment >= ABSTRACT_CONTAINMENT_THRESHOLD) {
      return {
        paperId: candidate.paperId,
        reason: 'abstract',
        score: containment,
        detail: `abstracts share ${Math.round(containment * 100)}% of their 5-word runs`,
      }
    }
  }
  return null
}

function decideByTitle(
  title: string,
  candidate: PaperCandidate,
  authorEvidence: AuthorEvidence,
): MatchDecision | null {
  const a = normalizeTitle(title)
  const b = normalizeTitle(candidate.title)
  if (!a || !b) return null
  const authorsNote = authorEvidence === 'overlap' ? ', authors overlap' : ''
  if (a === b) {
    return { paperId: candidate.paperId, reason: 'title', score: 1, detail: `same title${authorsNote}` }
  }
  const partsA = titleKeys(title)
  const partsB = titleKeys(candidate.title)
  const sharedPart = partsA.find((k) => partsB.includes(k))
  // A shared part alone can be a common phrase; require authors in common unless the part is long.
  if (sharedPart && (authorEvidence === 'overlap' || sharedPart.split(' ').length >= 7)) {
    return {
      paperId: candidate.paperId,
      reason: 'title-part',
      score: sharedPart.length / Math.max(a.length, b.length),
      detail: `title part "${sharedPart}" in both${authorsNote}`,
    }
  }
  // Titles that differ in a number (`Part 1`/`Part 2`, `GPT-3`/`GPT-4`) are different papers.
  if (titleTokens(title).length >= 3 && numbersIn(a) === numbersIn(b)) {
    const similarity = stringSimilarity(a, b)
    if (similarity >= FUZZY_TITLE_THRESHOLD) {
      return {
        paperId: candidate.paperId,
        reason: 'fuzzy-title',
        score: similarity,
        detail: `titles ${Math.round(similarity * 100)}% alike${authorsNote}`,
      }
    }
  }
  return null
}

function numbersIn(normalizedTitle: string): string {
  return (normalizedTitle.match(/\d+/g) ?? []).join(' ')
}

function findSharedId(a: ExternalIds, b: ExternalIds): string | null {
  for (const kind of SHARED_ID_KINDS) {
    const x = a[kind]
    if (x && x === b[kind]) return `${kind} ${x}`
  }
  return null
}

/** Two different arXiv ids (or S2/OpenAlex ids) mean two different papers, whatever the titles say. */
function idsConflict(a: ExternalIds, b: ExternalIds): boolean {
  return (['arxiv', 's2', 'openalex'] as const).some((k) => a[k] && b[k] && a[k] !== b[k])
}

type AuthorEvidence = 'overlap' | 'disjoint' | 'unknown'

function compareAuthors(a: string[], b: string[]): AuthorEvidence {
  if (a.length === 0 || b.length === 0) return 'unknown'
  // Only names with a family name in common can be compatible: index one side by family name.
  const byFamily = new Map<string, string[]>()
  for (const y of b) {
    const family = parseName(y).family
    byFamily.set(family, [...(byFamily.get(family) ?? []), y])
  }
  return a.some((x) => (byFamily.get(parseName(x).family) ?? []).some((y) => namesCompatible(x, y))) ? 'overlap' : 'disjoint'
}

/** 1 − normalized Levenshtein distance. */
export function stringSimilarity(a: string, b: string): number {
  if (a === b) return 1
  const longest = Math.max(a.length, b.length)
  if (longest === 0) return 1
  if (Math.abs(a.length - b.length) / longest > 1 - FUZZY_TITLE_THRESHOLD) return 0
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
    }
    previous = current
  }
  return 1 - previous[b.length]! / longest
}

function shingles(text: string, size = 5): Set<string> {
  const words = titleTokens(text)
  const out = new Set<string>()
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '))
  return out
}

/**
 * Share of the shorter abstract's 5-word runs that occur in the other: a cut abstract (daily pages cut at
 * ~300 characters) is still contained in the full one.
 */
export function abstractContainment(a: string, b: string): number {
  const x = shingles(a)
  const y = shingles(b)
  const [small, large] = x.size <= y.size ? [x, y] : [y, x]
  if (small.size < 5) return 0
  let shared = 0
  for (const s of small) if (large.has(s)) shared++
  return shared / small.size
}
