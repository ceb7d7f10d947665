/** Novelty's pair scan on worker threads: the same result as on one thread, to the bit, with progress. */
import { describe, expect, it } from 'vitest'
import { computeNovelty, type NoveltyInput } from '../analysis/index.js'
import { balancedRanges, computeNoveltyOnThreads } from './novelty-threads.js'

function library(n: number, seed = 3): NoveltyInput[] {
  let a = seed
  const rng = (): number => {
    a = (a * 1103515245 + 12345) % 2147483648
    return a / 2147483648
  }
  return Array.from({ length: n }, (_, i) => {
    const v = Float32Array.from({ length: 24 }, () => rng() - 0.5)
    const norm = Math.hypot(...v)
    v.forEach((x, d) => (v[d] = x / norm))
    // Years, months and days mixed, and some papers without a date: partial dates are spans.
    const year = 2010 + Math.floor(rng() * 12)
    const kind = i % 7
    const date = kind === 0 ? null : kind === 1 ? String(year) : kind < 4 ? `${year}-0${1 + (i % 9)}` : `${year}-0${1 + (i % 9)}-1${i % 10}`
    return { paperId: `p${i}`, date, vector: v }
  })
}

describe('novelty on worker threads', () => {
  it('gives exactly what one thread gives, and reports progress up to every pair', async () => {
    const papers = library(900)
    const progress: Array<[number, number]> = []
    const threaded = await computeNoveltyOnThreads(papers, { threads: 3, minPapers: 0, onProgress: (done, total) => progress.push([done, total]) })
    expect(threaded).toEqual(computeNovelty(papers))
    expect(threaded.filter((n) => n.novelty !== null).length).toBeGreaterThan(700)
    const [done, total] = progress.at(-1)!
    expect(done).toBe(total)
    expect(total).toBe(threaded.reduce((s, n) => s + n.comparedWith, 0))
  })

  it('stays on the calling thread for a small library', async () => {
    const papers = library(50)
    expect(await computeNoveltyOnThreads(papers, { threads: 4 })).toEqual(computeNovelty(papers))
  })

  it('cuts rows into ranges of about equal work that cover every row once', () => {
    const compared = Int32Array.from({ length: 1000 }, (_, r) => r)
    const ranges = balancedRanges(compared, 4)
    expect(ranges[0]![0]).toBe(0)
    expect(ranges.at(-1)![1]).toBe(1000)
    ranges.slice(1).forEach(([from], i) => expect(from).toBe(ranges[i]![1]))
    const work = ranges.map(([a, b]) => (b * (b - 1)) / 2 - (a * (a - 1)) / 2)
    for (const w of work) expect(w / ((1000 * 999) / 2)).toBeCloseTo(0.25, 1)
    expect(balancedRanges(Int32Array.from([0, 0, 0]), 4)).toEqual([[0, 3]])
  })
})
