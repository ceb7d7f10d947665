/** @module Deterministic synthetic papers for benchmarks: realistic shapes, no two titles alike. */
import { createSourceRecord, type SourceRecord } from '../src/core/index.js'

/** A small, fast, seeded PRNG (mulberry32), so every run generates the same library. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'shi', 'gra', 'pel', 'dor', 'fen', 'xu', 'qa', 'zem', 'bri']
const TERMS = [
  'neural', 'kernel', 'tangent', 'collapse', 'grokking', 'descent', 'double', 'lottery', 'ticket', 'pruning',
  'transformer', 'attention', 'scaling', 'laws', 'generalization', 'overparameterized', 'feature', 'learning',
  'phase', 'transition', 'information', 'bottleneck', 'gradient', 'stochastic', 'dynamics', 'implicit', 'bias',
  'representation', 'sparse', 'networks', 'deep', 'linear', 'regression', 'margin', 'robustness', 'memorization',
]

/** Curated-list sections, as the awesome list files papers: most synthetic papers get one, some two. */
const TOPICS = [
  'Deep Double Descent', 'Emergence and Phase Transitions', 'Empirical Study', 'Information Bottleneck',
  'Interactions with Neuroscience', 'Lottery Ticket Hypothesis', 'Neural Collapse', 'Neural Tangent Kernel', 'Others',
]

/**
 * `count` generated records from one source, with unique invented words in every title; 70% have a topic
 * (a fifth of those a second one), so topic facets and topic pages have real work on a large library.
 */
export function generateRecords(count: number, seed = 42, source = 'synthetic'): SourceRecord[] {
  const random = createRandom(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  const word = (n: number): string => Array.from({ length: n }, () => pick(SYLLABLES)).join('')
  const names = Array.from({ length: 5000 }, () => `${cap(word(2))} ${cap(word(3))}`)
  const out: SourceRecord[] = []
  for (let i = 0; i < count; i++) {
    const title = `${cap(pick(TERMS))} ${pick(TERMS)} of ${word(3)} ${word(2)} ${pick(TERMS)} ${i.toString(36)}`
    const abstract = Array.from({ length: 60 }, () => (random() < 0.6 ? pick(TERMS) : word(2))).join(' ') + '.'
    const year = 2015 + Math.floor(random() * 11)
    out.push(
      createSourceRecord({
        source,
        key: `syn-${seed}-${i}`,
        locator: `synthetic:${i}`,
        fetchedAt: '2026-01-01T00:00:00.000Z',
        title,
        abstract,
        authors: Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(names)),
        date: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`,
        categories: [pick(['cs.LG', 'stat.ML', 'cs.AI', 'cond-mat.dis-nn'])],
        topics: random() < 0.7 ? [...new Set([pick(TOPICS), ...(random() < 0.2 ? [pick(TOPICS)] : [])])] : [],
      }),
    )
  }
  return out
}

const FAMILY_NAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Lin', 'Luo', 'Gao']
const GIVEN_NAMES = ['Wei', 'Jing', 'Li', 'Yang', 'Jun', 'Jie', 'Lei', 'Yu', 'Yi', 'Hao', 'Xin', 'Chen', 'Bo', 'Feng', 'Hui', 'Lin', 'Ming', 'Peng', 'Qiang', 'Tao']

/**
 * `count` records whose authors come from few common names (20 family names × 20 given names), a third written as
 * initials (`J. Wang`), 3 to 12 to a paper: the worst case for telling people apart, where every name fits many
 * people and many of them share co-authors.
 */
export function generateNamesakeRecords(count: number, seed = 7): SourceRecord[] {
  const random = createRandom(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  return Array.from({ length: count }, (_, i) => {
    const authors = new Set<string>()
    const size = 3 + Math.floor(random() * 10)
    while (authors.size < size) {
      const given = pick(GIVEN_NAMES)
      authors.add(`${random() < 1 / 3 ? `${given[0]}.` : given} ${pick(FAMILY_NAMES)}`)
    }
    return createSourceRecord({
      source: 'synthetic',
      key: `namesake-${seed}-${i}`,
      locator: `synthetic:namesake:${i}`,
      fetchedAt: '2026-01-01T00:00:00.000Z',
      title: `Synthetic study ${i.toString(36)} of ${pick(TERMS)} ${pick(TERMS)}`,
      authors: [...authors],
      date: String(2015 + Math.floor(random() * 11)),
    })
  })
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
