import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeNovelty, isStrictlyBefore, researcherNovelty, tooLittleKnownReason, updateNovelty, type NoveltyInput } from './novelty.js'
import { createRng, dot, normalizeInPlace } from './sparse.js'

const unit = (xs: number[]): Float32Array => normalizeInPlace(Float32Array.from(xs))

describe('novelty', () => {
  it('is 1 − the highest similarity to papers dated strictly before', () => {
    const papers: NoveltyInput[] = [
      { paperId: 'a', date: '2019', vector: unit([1, 0, 0]) },
      { paperId: 'b', date: '2020-03', vector: unit([1, 1, 0]) },
      { paperId: 'c', date: '2021-01-05', vector: unit([0, 1, 0]) },
      { paperId: 'd', date: '2021', vector: unit([0, 0, 1]) },
    ]
    const byId = new Map(computeNovelty(papers).map((n) => [n.paperId, n]))
    expect(byId.get('a')?.novelty).toBeNull()
    expect(byId.get('b')?.novelty).toBeCloseTo(1 - Math.SQRT1_2, 6)
    expect(byId.get('c')?.nearestEarlier[0]?.paperId).toBe('b')
    expect(byId.get('c')?.novelty).toBeCloseTo(1 - Math.SQRT1_2, 6)
    // 2021 is not strictly before 2021-01-05 nor after it: d is compared with a and b only.
    expect(byId.get('d')?.comparedWith).toBe(2)
    expect(byId.get('d')?.novelty).toBeCloseTo(1, 6)
  })

  it('matches a brute-force definition on random libraries', () => {
    const paper = fc.record({
      date: fc.option(fc.constantFrom('2019', '2020', '2020-05', '2020-05-17', '2021-02', '2022'), { nil: null }),
      vector: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
    })
    fc.assert(
      fc.property(fc.array(paper, { minLength: 1, maxLength: 12 }), (raw) => {
        const papers = raw.map((p, i) => ({ paperId: `p${i}`, date: p.date, vector: unit(p.vector.map((v) => v + 1e-3)) }))
        for (const result of computeNovelty(papers)) {
          const me = papers.find((p) => p.paperId === result.paperId) as NoveltyInput
          const earlier = papers.filter((o) => me.date !== null && o.date !== null && isStrictlyBefore(o.date, me.date))
          if (earlier.length === 0) {
            expect(result.novelty).toBeNull()
            continue
          }
          const best = Math.max(...earlier.map((o) => Math.min(1, Math.max(0, dot(me.vector, o.vector)))))
          expect(result.novelty).toBeCloseTo(1 - best, 5)
          expect(result.percentile).toBeGreaterThan(0)
          expect(result.percentile).toBeLessThanOrEqual(100)
        }
      }),
    )
  })

  it('updated after new and changed papers, equals a full recomputation', () => {
    const paper = fc.record({
      date: fc.option(fc.constantFrom('2019', '2020', '2020-05', '2020-05-17', '2021-02', '2022'), { nil: null }),
      vector: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
      change: fc.constantFrom('keep', 'keep', 'vector', 'date', 'new'),
      other: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
      // Whether the model knows too little of its text (as the text was, and as it is after a change).
      unplaced: fc.boolean(),
      unplacedAfter: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(paper, { minLength: 1, maxLength: 14 }), (raw) => {
        const known = (unplaced: boolean): Pick<NoveltyInput, 'tooLittleKnown'> => (unplaced ? { tooLittleKnown: ['word'] } : {})
        const before = raw
          .map((p, i) => ({ paperId: `p${i}`, date: p.date, vector: unit(p.vector.map((v) => v + 1e-3)), change: p.change, ...known(p.unplaced) }))
          .filter((p) => p.change !== 'new')
        const after = raw.map((p, i) => ({
          paperId: `p${i}`,
          date: p.change === 'date' ? (p.date === '2019' ? '2022' : '2019') : p.date,
          vector: unit((p.change === 'vector' ? p.other : p.vector).map((v) => v + 1e-3)),
          ...known(p.change === 'vector' || p.change === 'new' ? p.unplacedAfter : p.unplaced),
        }))
        const changed = new Set(raw.flatMap((p, i) => (p.change === 'keep' ? [] : [`p${i}`])))
        const previous = new Map(computeNovelty(before).map((n) => [n.paperId, n]))
        const full = new Map(computeNovelty(after).map((n) => [n.paperId, n]))
        for (const u of updateNovelty(after, previous, changed)) {
          const f = full.get(u.paperId)!
          expect([u.comparedWith, u.percentile === null]).toEqual([f.comparedWith, f.percentile === null])
          if (f.novelty === null) {
            expect(u.novelty).toBeNull()
            expect(u.explanation).toBe(f.explanation)
          } else {
            expect(u.novelty).toBeCloseTo(f.novelty, 6)
            expect(u.percentile).toBeCloseTo(f.percentile!, 6)
          }
          // The evidence too: as many nearest earlier papers, as near (ids can differ only among ties).
          expect(u.nearestEarlier.length).toBe(f.nearestEarlier.length)
          u.nearestEarlier.forEach((e, k) => expect(e.similarity).toBeCloseTo(f.nearestEarlier[k]!.similarity, 6))
        }
      }),
      { numRuns: 500 },
    )
  })

  it('after a paper of the evidence changed, names the unchanged paper next in line, as a full recomputation does', () => {
    // Unit vectors whose cosine with x is given: x's nearest earlier papers are a, b, c; d is fourth.
    const at = (cos: number): Float32Array => Float32Array.from([cos, Math.sqrt(1 - cos * cos)])
    const before: NoveltyInput[] = [
      { paperId: 'x', date: '2023', vector: at(1) },
      ...(['a', 'b', 'c', 'd'] as const).map((paperId, i) => ({ paperId, date: '2020', vector: at(0.9 - i / 10) })),
    ]
    const previous = new Map(computeNovelty(before).map((n) => [n.paperId, n]))
    const ids = (n: { nearestEarlier: { paperId: string }[] } | undefined): string[] => n?.nearestEarlier.map((e) => e.paperId) ?? []
    expect(ids(previous.get('x'))).toEqual(['a', 'b', 'c'])
    // c re-imported with another text, or with a later date: d takes its place.
    for (const c of [{ vector: at(0.1) }, { date: '2030' }]) {
      const after = before.map((p) => (p.paperId === 'c' ? { ...p, ...c } : p))
      expect(ids(updateNovelty(after, previous, new Set(['c'])).find((n) => n.paperId === 'x'))).toEqual(['a', 'b', 'd'])
    }
  })

  it('breaks ties in the evidence the same way updated or computed in full, whatever the order of the papers', () => {
    // Two earlier papers with the same text (a duplicate no source ties together): the earlier, then the smaller id.
    const twin = unit([1, 1, 0])
    const x: NoveltyInput = { paperId: 'x', date: '2023', vector: unit([1, 0.8, 0.1]) }
    const b: NoveltyInput = { paperId: 'b', date: '2020', vector: twin }
    const a: NoveltyInput = { paperId: 'a', date: '2020', vector: twin }
    const ids = (results: ReturnType<typeof computeNovelty>): string[] => results.find((n) => n.paperId === 'x')!.nearestEarlier.map((e) => e.paperId)
    expect(ids(computeNovelty([x, b, a]))).toEqual(['a', 'b'])
    expect(ids(computeNovelty([a, x, b]))).toEqual(['a', 'b'])
    const previous = new Map(computeNovelty([x, b]).map((n) => [n.paperId, n]))
    expect(ids(updateNovelty([x, b, a], previous, new Set(['a'])))).toEqual(['a', 'b'])
    // An older twin comes first whatever its id.
    const older: NoveltyInput = { paperId: 'z', date: '2019', vector: twin }
    expect(ids(updateNovelty([x, b, older], previous, new Set(['z'])))).toEqual(['z', 'b'])
    expect(ids(computeNovelty([x, b, older]))).toEqual(['z', 'b'])
  })

  it('ranks a paper among the papers of its year, so an early year is not novel for being early', () => {
    const rng = createRng(7)
    // Random directions (all cosines positive, so no novelty is clamped to a tie): the more earlier papers, the
    // nearer the nearest, by chance alone.
    const years: Array<[string, number]> = [['2015', 1], ['2016', 12], ['2017', 3], ['2018', 12], ['2019', 40], ['2020', 4]]
    const papers: NoveltyInput[] = years.flatMap(([year, n]) =>
      Array.from({ length: n }, (_, i) => ({ paperId: `${year}-${i}`, date: year, vector: unit(Array.from({ length: 8 }, () => rng())) })),
    )
    const results = computeNovelty(papers)
    const of = (prefix: string): number[] => results.filter((r) => r.paperId.startsWith(prefix)).map((r) => r.percentile as number)
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length
    // Each cohort's percentiles spread over its own 1/n … n/n: the same mean whatever the year.
    expect(of('2016').sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => (100 * (i + 1)) / 12))
    expect([...of('2019'), ...of('2020')].sort((a, b) => a - b)).toEqual(Array.from({ length: 44 }, (_, i) => (100 * (i + 1)) / 44))
    // Raw novelty does fall with the number of earlier papers; that is what the cohorts take out.
    const novelty = (prefix: string): number => mean(results.filter((r) => r.paperId.startsWith(prefix)).map((r) => r.novelty as number))
    expect(novelty('2016')).toBeGreaterThan(novelty('2019'))
    // 2017 has 3 papers: pooled with 2018; 2020's 4 join the last cohort, 2019.
    expect(results.find((r) => r.paperId === '2017-0')?.explanation).toMatch(/percentile among the 15 papers of 2017–2018$/)
    expect(results.find((r) => r.paperId === '2020-0')?.explanation).toMatch(/percentile among the 44 papers of 2019–2020$/)
    expect(results.find((r) => r.paperId === '2015-0')?.percentile).toBeNull()
    // The cohort as data, kept with the row for the API and show: the one the sentence names, none without a percentile.
    expect(results.find((r) => r.paperId === '2017-0')!.cohort).toEqual({ from: 2017, to: 2018, papers: 15 })
    expect(results.find((r) => r.paperId === '2016-0')!.cohort).toEqual({ from: 2016, to: 2016, papers: 12 })
    expect(results.find((r) => r.paperId === '2015-0')!.cohort).toBeNull()
  })

  it('averages paper percentiles for a researcher', () => {
    expect(researcherNovelty([{ percentile: 20 }, { percentile: null }, { percentile: 60 }])).toEqual({ percent: 40, papers: 2 })
    expect(researcherNovelty([{ percentile: null }]).percent).toBeNull()
  })
})

describe('novelty percentile with the text length taken out', () => {
  // One paper of 2019, and 20 of 2020 that meet only it: ten known by a title alone (40 characters), which sit
  // near it (similarity 0.90–0.95), and ten with an abstract (1,500), far from it (0.30–0.35), as titles and
  // abstracts sat on the richest library.
  const earlier: NoveltyInput = { paperId: 'e', date: '2019', vector: unit([1, 0, 0]) }
  const paper = (id: string, similarity: number, textLength: number): NoveltyInput => ({
    paperId: id,
    date: '2020',
    vector: unit([similarity, Math.sqrt(1 - similarity * similarity), 0]),
    textLength,
  })
  const titles = Array.from({ length: 10 }, (_, i) => paper(`t${i}`, 0.95 - i * 0.005, 40))
  const abstracts = Array.from({ length: 10 }, (_, i) => paper(`a${i}`, 0.35 - i * 0.005, 1500))
  const mean = (rows: ReturnType<typeof computeNovelty>, prefix: string) => {
    const ps = rows.filter((r) => r.paperId.startsWith(prefix)).map((r) => r.percentile as number)
    return ps.reduce((a, b) => a + b, 0) / ps.length
  }

  it('ranks a title alone and an abstract alike, not the longer text as the newer', () => {
    const rows = computeNovelty([earlier, ...titles, ...abstracts])
    // Alike to a point (the two lengths' papers interleave one by one); ranked as they are, 27.5 against 77.5.
    expect(Math.abs(mean(rows, 't') - mean(rows, 'a'))).toBeLessThanOrEqual(1)
    // Within each length, the farther from the earlier paper still ranks higher.
    const pct = new Map(rows.map((r) => [r.paperId, r.percentile as number]))
    for (let i = 1; i < 10; i++) {
      expect(pct.get(`t${i}`)!).toBeGreaterThan(pct.get(`t${i - 1}`)!)
      expect(pct.get(`a${i}`)!).toBeGreaterThan(pct.get(`a${i - 1}`)!)
    }
    // The novelty itself stays 1 − the highest similarity.
    expect(rows.find((r) => r.paperId === 't0')!.novelty).toBeCloseTo(0.05, 5)
  })

  it('ranks the novelties as they are when a length is unknown', () => {
    const rows = computeNovelty([earlier, ...titles, ...abstracts].map(({ textLength: _l, ...p }) => p))
    expect(mean(rows, 't')).toBe(27.5)
    expect(mean(rows, 'a')).toBe(77.5)
  })

  it('gives the same percentiles updated as computed afresh', () => {
    const all = [earlier, ...titles, ...abstracts]
    const fresh = computeNovelty(all)
    const previous = new Map(fresh.filter((r) => r.paperId !== 'a3').map((r) => [r.paperId, r]))
    const updated = updateNovelty(all, previous, new Set(['a3']))
    expect(updated.map((r) => [r.paperId, r.percentile])).toEqual(fresh.map((r) => [r.paperId, r.percentile]))
  })
})

describe('novelty of a text the model knows too little of', () => {
  // `Highway networks` as the richest library read it: its vector is `networks` alone, the direction of the older
  // `Network in network`, so it was 0.00 new. Eleven papers of 2020 make a cohort of their own.
  const older: NoveltyInput = { paperId: 'nin', date: '2013', vector: unit([1, 0, 0]) }
  const highway: NoveltyInput = { paperId: 'highway', date: '2015', vector: unit([1, 0, 0]), tooLittleKnown: ['networks'] }
  const resnet: NoveltyInput = { paperId: 'resnet', date: '2016', vector: unit([0.6, 0.8, 0]) }
  const later = Array.from({ length: 11 }, (_, i): NoveltyInput => ({ paperId: `l${i}`, date: '2020', vector: unit([1, 1 + i, 0.5]) }))
  const all = [older, highway, resnet, ...later]

  it('has none, with the words it knows as the reason, and no percentile', () => {
    const rows = new Map(computeNovelty(all).map((r) => [r.paperId, r]))
    expect(rows.get('highway')).toEqual({
      paperId: 'highway',
      novelty: null,
      percentile: null,
      comparedWith: 0,
      nearestEarlier: [],
      explanation: 'too little text the model knows to place it: only “networks”',
      cohort: null,
    })
    // A paper the model knows nothing of is not 1.00 new for its empty vector.
    const blank = computeNovelty([older, { paperId: 'q', date: '2015', vector: new Float32Array(3), tooLittleKnown: [] }])
    expect(blank[1]).toMatchObject({ novelty: null, explanation: 'too little text the model knows to place it: none of its words' })
    // Without a date too, that is the reason given: it is also why the paper has no centrality.
    const dateless = { ...highway, date: null }
    expect(computeNovelty([older, dateless])[1]!.explanation).toBe('too little text the model knows to place it: only “networks”')
    expect(updateNovelty([older, dateless], new Map(), new Set(['highway']))[1]!.explanation).toBe('too little text the model knows to place it: only “networks”')
    const { tooLittleKnown: _k, ...placed } = dateless
    expect(computeNovelty([older, placed])[1]!.explanation).toBe('the paper has no date')
  })

  it('is still an earlier paper to later ones, whose novelty does not change', () => {
    const placed = computeNovelty(all.map(({ tooLittleKnown: _k, ...p }) => p))
    const rows = computeNovelty(all)
    for (const id of ['resnet', ...later.map((l) => l.paperId)]) {
      const [a, b] = [placed.find((r) => r.paperId === id)!, rows.find((r) => r.paperId === id)!]
      expect(b.novelty).toBe(a.novelty)
      expect(b.nearestEarlier).toEqual(a.nearestEarlier)
    }
    expect(rows.find((r) => r.paperId === 'l0')!.nearestEarlier.map((e) => e.paperId)).toContain('highway')
  })

  it('is not ranked: the papers of its years rank among themselves', () => {
    const rows = computeNovelty(all)
    // 2015 and 2016 hold two papers with a novelty before it was left out, one now: pooled into 2020's cohort.
    expect(rows.find((r) => r.paperId === 'resnet')!.cohort).toEqual({ from: 2016, to: 2020, papers: 12 })
    expect(computeNovelty(all.map(({ tooLittleKnown: _k, ...p }) => p)).find((r) => r.paperId === 'resnet')!.cohort).toEqual({ from: 2015, to: 2020, papers: 13 })
  })

  it('is the same updated as computed in full, and its reason names the words for readers', () => {
    const fresh = computeNovelty(all)
    const previous = new Map(fresh.map((r) => [r.paperId, r]))
    expect(fresh.find((r) => r.paperId === 'highway')!.explanation).toBe('too little text the model knows to place it: only “networks”')
    expect(tooLittleKnownReason([])).toBe('too little text the model knows to place it: none of its words')
    expect(tooLittleKnownReason(['Highway', 'networks'])).toBe('too little text the model knows to place it: only “Highway” and “networks”')
    const newer: NoveltyInput = { paperId: 'new', date: '2021', vector: unit([1, 0.1, 0]) }
    const updated = updateNovelty([...all, newer], previous, new Set(['new']))
    expect(updated).toEqual(computeNovelty([...all, newer]))
  })

  it('is left out of a researcher\'s mean, not counted as 0', () => {
    const rows = computeNovelty(all)
    const mine = rows.filter((r) => r.paperId === 'highway' || r.paperId === 'l3')
    expect(researcherNovelty(mine)).toEqual({ percent: rows.find((r) => r.paperId === 'l3')!.percentile, papers: 1 })
  })
})
