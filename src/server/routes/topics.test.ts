import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { createCorpusLibrary, type TestLibrary } from '../../../test/e2e/support/library.js'
import { buildServer } from '../app.js'
import type { TopicDetailOut, TopicList, TopicTrendsOut } from './topics.schema.js'
import type { StatsOut } from './stats.schema.js'

describe('topics and stats routes on the corpus library', () => {
  let lib: TestLibrary
  let app: FastifyInstance

  beforeAll(async () => {
    lib = await createCorpusLibrary({ hostile: false })
    app = await buildServer({ store: lib.store, rateLimit: false })
  })
  afterAll(async () => {
    await app.close()
    await lib.cleanup()
  })

  it('lists every topic of the curated list with its paper count: the specific ones largest first, the catch-all Others last', async () => {
    const body = (await app.inject('/api/v1/topics')).json() as TopicList
    const stats = await lib.store.libraryStats()
    expect(Object.fromEntries(body.items.map((t) => [t.label, t.paperCount]))).toEqual(stats.perTopic)
    // The corpus's largest section is its catch-all: last all the same, as the home page's strip shows it.
    const others = body.items.find((t) => t.label === 'Others')!
    expect(others.paperCount).toBe(Math.max(...body.items.map((t) => t.paperCount)))
    expect(body.items.at(-1)).toEqual(others)
    const counts = body.items.slice(0, -1).map((t) => t.paperCount)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
  })

  it('shows a topic: papers per year, top authors, newest papers', async () => {
    const res = await app.inject('/api/v1/topics/neural-collapse')
    expect(res.statusCode).toBe(200)
    const t = res.json() as TopicDetailOut
    expect(t).toMatchObject({ id: 'neural-collapse', label: 'Neural Collapse', paperCount: 16 })
    expect(t.perYear.reduce((n, y) => n + y.curated + y.predicted, 0)).toBeLessThanOrEqual(16)
    expect(t.perYear.map((y) => y.year)).toEqual([...t.perYear.map((y) => y.year)].sort())
    expect(t.topAuthors.length).toBeGreaterThan(0)
    expect(t.recentPapers).toHaveLength(16)
    expect(t.recentPapers.every((p) => p.topics.some((x) => x.id === 'neural-collapse'))).toBe(true)
    // Curated and predicted counted apart, the undated papers too, as the papers listed say.
    const origin = (o: string) => t.recentPapers.filter((p) => p.topics.some((x) => x.id === 'neural-collapse' && x.origin === o)).length
    expect([t.curatedCount, t.predictedCount]).toEqual([origin('curated'), origin('predicted')])
    expect(t.curatedCount).toBeGreaterThan(0)
    const dates = t.recentPapers.map((p) => p.date).filter((d): d is string => d !== null)
    expect(dates).toEqual([...dates].sort().reverse())
    // The key words its papers share: all 16 papers are listed, so every count can be checked against them.
    expect(t.keywords[0]).toEqual({ text: 'Neural Collapse', papers: 16, curated: 16 })
    const key = (k: string) => k.toLowerCase().replace(/s$/, '')
    for (const k of t.keywords) {
      expect(k.papers, k.text).toBeGreaterThanOrEqual(2)
      expect(k.papers, k.text).toBe(t.recentPapers.filter((p) => p.keywords.some((w) => key(w.text) === key(k.text))).length)
    }
    expect(t.keywords.map((k) => k.papers)).toEqual([...t.keywords.map((k) => k.papers)].sort((a, b) => b - a))
  })

  it("counts one key word's spellings as one among a topic's papers", async () => {
    const t = (await app.inject('/api/v1/topics/emergence-and-phase-transitions')).json() as TopicDetailOut
    // The curators wrote `Neural Scaling Laws` on some papers and `Neural Scaling Law` on others: one row, as most write it.
    const laws = t.keywords.filter((k) => /^neural scaling laws?$/i.test(k.text))
    expect(laws).toHaveLength(1)
    const papers = (await lib.store.listPapers({ topic: t.id, limit: 200 })).items
    expect(papers).toHaveLength(t.paperCount)
    const spelled = (text: string) => papers.filter((p) => p.keywords.some((k) => k.text === text)).length
    expect(laws[0]!.papers).toBe(spelled('Neural Scaling Laws') + spelled('Neural Scaling Law'))
    expect(laws[0]!.text).toBe(spelled('Neural Scaling Laws') >= spelled('Neural Scaling Law') ? 'Neural Scaling Laws' : 'Neural Scaling Law')
    expect(Math.min(spelled('Neural Scaling Laws'), spelled('Neural Scaling Law'))).toBeGreaterThan(0)
  })

  it('says which topics take a growing or shrinking share of the library over time, with the counts behind it', async () => {
    const res = await app.inject('/api/v1/trends')
    expect(res.statusCode).toBe(200)
    const t = res.json() as TopicTrendsOut
    const total = t.years.reduce((n, y) => n + y.papers, 0)
    const inSpan = (year: number, span: { from: number; to: number }) => year >= span.from && year <= span.to
    const recent = t.recent!
    const earlier = t.earlier!
    // The recent span is the fewest newest years that hold a third of the dated papers with a topic.
    expect(recent.papers).toBe(t.years.filter((y) => inSpan(y.year, recent)).reduce((n, y) => n + y.papers, 0))
    expect(recent.papers).toBeGreaterThanOrEqual(total / 3)
    expect(recent.papers - t.years.find((y) => y.year === recent.from)!.papers).toBeLessThan(total / 3)
    expect([earlier.to < recent.from, earlier.papers + recent.papers]).toEqual([true, total])
    const list = (await app.inject('/api/v1/topics')).json() as TopicList
    expect(t.topics.map((x) => [x.id, x.paperCount])).toEqual(list.items.map((x) => [x.id, x.paperCount]))
    for (const topic of t.topics) {
      const papers = (span: { from: number; to: number }) => topic.perYear.filter((y) => inSpan(y.year, span)).reduce((n, y) => n + y.curated + y.predicted, 0)
      expect(topic.recent).toEqual({ papers: papers(recent), share: papers(recent) / recent.papers })
      expect(topic.earlier).toEqual({ papers: papers(earlier), share: papers(earlier) / earlier.papers })
      // A verdict needs a test, a difference beyond chance (at least the plain 5% one) and a change of a quarter.
      if (topic.direction !== 'steady') {
        expect(topic.p, topic.label).not.toBeNull()
        expect(topic.p!, topic.label).toBeLessThan(0.05)
        expect(Math.sign(topic.z), topic.label).toBe(topic.direction === 'rising' ? 1 : -1)
        const ratio = topic.recent.share / topic.earlier.share
        expect(ratio >= 1.25 || ratio <= 0.8, topic.label).toBe(true)
      } else if (topic.recent.share !== topic.earlier.share) expect(topic.note, topic.label).toMatch(/too few|within chance once \d+ topics are tested|less than a quarter/)
    }
    // The field's history as the awesome list tells it: grokking and emergence came late, the information
    // bottleneck debate was at its height in 2017–2020.
    const direction = Object.fromEntries(t.topics.map((x) => [x.label, x.direction]))
    expect(direction['Emergence and Phase Transitions']).toBe('rising')
    expect(direction['Information Bottleneck']).toBe('falling')
    // Others (z 2.4) and Empirical Study (z −2.0) pass a lone 5% test, not one among nine topics.
    expect([direction['Others'], direction['Empirical Study']]).toEqual(['steady', 'steady'])
    expect(t.caveat).toBeNull()
    expect(t.howComputed).toMatch(/two-proportion z-test/)
  })

  it('answers an unknown topic with 404 naming the topics there are', async () => {
    const res = await app.inject('/api/v1/topics/not-a-topic')
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND', field: 'id', message: expect.stringContaining('neural-collapse') } })
    expect((await app.inject('/api/v1/topics/not-a-topic/bibtex')).statusCode).toBe(404)
  })

  it('finds a topic by its id or label in any case, as the topic parameters do', async () => {
    const byId = (await app.inject('/api/v1/topics/neural-collapse')).json() as TopicDetailOut
    for (const written of ['Neural-Collapse', 'NEURAL-COLLAPSE', encodeURIComponent('Neural Collapse')]) {
      const res = await app.inject(`/api/v1/topics/${written}`)
      expect(res.statusCode, written).toBe(200)
      expect(res.json(), written).toEqual(byId)
      const bib = await app.inject(`/api/v1/topics/${written}/bibtex`)
      expect(bib.statusCode, written).toBe(200)
      expect(bib.headers['x-paperscope-total'], written).toBe(String(byId.paperCount))
    }
  })

  it('counts what the library holds without saying where it lives', async () => {
    const res = await app.inject('/api/v1/stats')
    const body = res.json() as StatsOut
    expect(body.papers).toBe((await lib.store.libraryStats()).papers)
    expect(body.perSource.map((s) => s.source).sort()).toEqual(['abstracts', 'author-papers', 'awesome-list', 'daily-papers', 'researcher-profile'])
    expect(res.body).not.toContain(lib.path)
    expect(res.body).not.toContain('library.db')
  })

  it('counts the papers found in more than one source apart from those merged from records of one source', async () => {
    const body = (await app.inject('/api/v1/stats')).json() as StatsOut
    let merged = 0
    let multiSource = 0
    for (let offset = 0; offset < body.papers; offset += 100) {
      for (const summary of (await lib.store.listPapers({ limit: 100, offset })).items) {
        const sources = (await lib.store.getPaper(summary.id))!.sources
        if (sources.length > 1) merged++
        if (new Set(sources.map((s) => s.source)).size > 1) multiSource++
      }
    }
    expect(body.mergedPapers).toBe(merged)
    expect(body.multiSourcePapers).toBe(multiSource)
    // The awesome list names one paper on two lines (378 and 2497): merged, but from one source.
    expect(multiSource).toBeLessThan(merged)
    const doc = (await app.inject('/api/v1/openapi.json')).json() as { components?: unknown; paths: Record<string, unknown> }
    expect(JSON.stringify(doc)).toContain('Papers found in more than one source')
  })
})
