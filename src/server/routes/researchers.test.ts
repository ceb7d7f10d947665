import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { createCorpusLibrary, type TestLibrary } from '../../../test/e2e/support/library.js'
import { startServer, type RunningServer } from '../../../test/e2e/support/server.js'
import { createAnalysisReader, createNameComparer } from '../../commands/index.js'
import type { AuthorDetailOut } from './authors.schema.js'
import type { ResearcherListOut } from './researchers.schema.js'
import type { TopicDetailOut } from './topics.schema.js'

describe('GET /researchers on the analysed corpus library', () => {
  let lib: TestLibrary
  let server: RunningServer
  let app: FastifyInstance
  const get = async <T,>(url: string): Promise<T> => {
    const res = await app.inject(url)
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200)
    return res.json() as T
  }

  beforeAll(async () => {
    lib = await createCorpusLibrary({ hostile: false, analyze: true })
    // Composed as `npm start` composes it, with the analysis the researcher pages read.
    server = await startServer(lib.store)
    app = server.app
  })
  afterAll(async () => {
    await server.close()
    await lib.cleanup()
  })

  it('ranks every researcher by papers unless told, a page at a time, the pages never overlapping', async () => {
    const first = await get<ResearcherListOut>('/api/v1/researchers?page_size=50')
    expect(first).toMatchObject({ sort: 'papers', page: 1, pageSize: 50, topic: null, analysed: true })
    expect(first.total).toBe((await lib.store.libraryStats()).authors)
    expect(first.pages).toBe(Math.ceil(first.total / 50))
    const papers = first.items.map((r) => r.papers)
    expect(papers).toEqual([...papers].sort((a, b) => b - a))
    // The corpus's most prolific researchers: the profile page's owner and the author page's, 13 papers each.
    expect(first.items.slice(0, 2).map((r) => [r.name, r.papers]).sort()).toEqual([['Inbar Seroussi', 13], ['Surya Ganguli', 13]])
    const second = await get<ResearcherListOut>('/api/v1/researchers?page_size=50&page=2')
    expect(second.items).toHaveLength(50)
    expect(new Set([...first.items, ...second.items].map((r) => r.id)).size).toBe(100)
    expect(second.items[0]!.papers).toBeLessThanOrEqual(first.items.at(-1)!.papers)
  })

  it("gives each researcher the values their researcher page computes, highest first by the metric asked, unknown last", async () => {
    for (const sort of ['ai_score', 'novelty', 'h_index', 'citations'] as const) {
      const list = await get<ResearcherListOut>(`/api/v1/researchers?sort=${sort}&page_size=100`)
      // Novelty ranks by its shrunk mean (the next test), not by the plain mean shown.
      const value = { ai_score: 'aiScore', novelty: 'noveltyRanked', h_index: 'hIndex', citations: 'citations' }[sort]
      const values = list.items.map((r) => r[value as 'aiScore'])
      const known = values.filter((v): v is number => v !== null)
      expect(values.slice(0, known.length), sort).toEqual([...known].sort((a, b) => b - a))
      expect(values.slice(known.length).every((v) => v === null), sort).toBe(true)
      for (const row of list.items.slice(0, 8)) {
        const page = await get<AuthorDetailOut>(`/api/v1/authors/${encodeURIComponent(row.id)}`)
        const computed = page.metrics.computed
        expect([row.papers, row.citations, row.hIndex, row.noveltyPercent, row.aiScore], `${sort}: ${row.name}`).toEqual([
          computed.papers?.value ?? null,
          computed.citations?.value ?? null,
          computed.hIndex?.value ?? null,
          computed.noveltyPercent?.value ?? null,
          computed.aiScore?.value ?? null,
        ])
      }
    }
    // No corpus file gives a paper's citation count (the profile reports only totals): every h-index is unknown,
    // none 0, and the ranking falls back on papers.
    const byH = await get<ResearcherListOut>('/api/v1/researchers?sort=h_index&page_size=20')
    expect(byH.items.every((r) => r.hIndex === null && r.citations === null)).toBe(true)
    expect(byH.items.map((r) => r.id)).toEqual((await get<ResearcherListOut>('/api/v1/researchers?page_size=20')).items.map((r) => r.id))
  })

  it('ranks by novelty and AI Score on means shrunk toward 50, so no one-paper researcher tops either by chance', async () => {
    const list = await get<ResearcherListOut>('/api/v1/researchers?sort=novelty&page_size=100')
    expect(list.shrinkage).toEqual({ papers: 3, percentile: 50 })
    expect(list.howComputed.noveltyRanking).toContain('(their sum + 3 × 50) / (the number of those papers + 3)')
    const all: ResearcherListOut['items'] = []
    for (let page = 1; page <= list.pages; page++) all.push(...(await get<ResearcherListOut>(`/api/v1/researchers?sort=novelty&page_size=100&page=${page}`)).items)
    // noveltyRanked against a plain per-paper read of the file: (sum of percentiles + 3 × 50) / (papers with one + 3).
    const raw = new Database(lib.path, { readonly: true })
    const perPaper = raw.prepare('SELECT n.percentile AS p FROM authorships a JOIN paper_novelty n ON n.paper_id = a.paper_id WHERE a.author_id = ? AND n.percentile IS NOT NULL')
    for (const row of all.filter((_, i) => i % 7 === 0)) {
      const ps = (perPaper.all(row.id) as Array<{ p: number }>).map((r) => r.p)
      if (ps.length === 0) expect(row.noveltyRanked, row.name).toBeNull()
      else expect(Math.abs(row.noveltyRanked! - (ps.reduce((a, b) => a + b, 0) + 150) / (ps.length + 3)), row.name).toBeLessThanOrEqual(0.05 + 1e-9)
    }
    raw.close()
    // In the corpus 1,235 of 1,528 researchers have one paper, and unshrunk they held 19 of the top 20 by Novelty %
    // (five at 100) and 16 of the top 20 by AI Score.
    const ones = all.filter((r) => r.papers === 1 && r.noveltyPercent !== null)
    expect(ones.length).toBeGreaterThan(all.length / 2)
    const bestOne = ones.reduce((a, b) => (b.noveltyPercent! > a.noveltyPercent! ? b : a))
    expect(bestOne.noveltyPercent).toBeGreaterThanOrEqual(99)
    // A researcher with five papers or more and a Novelty % of 80 or more ranks above the best one-paper researcher.
    const many = all.find((r) => r.papers >= 5 && r.noveltyPercent! >= 80)
    expect(many, 'a researcher with 5+ papers at 80+').toBeDefined()
    expect(all.indexOf(many!)).toBeLessThan(all.indexOf(bestOne))
    expect(all.slice(0, 20).filter((r) => r.papers === 1)).toEqual([])
    const byScore = await get<ResearcherListOut>('/api/v1/researchers?sort=ai_score&page_size=20')
    expect(byScore.items.filter((r) => r.papers === 1)).toEqual([])
    // The Novelty % shown stays the plain mean: the best one-paper researcher's is that paper's percentile.
    expect(bestOne.noveltyRanked!).toBeLessThan(bestOne.noveltyPercent!)
  })

  it('gives every one of the library\'s researchers the values of their own papers, not only the first page', async () => {
    const list = await get<ResearcherListOut>('/api/v1/researchers?sort=name&page_size=100')
    const all: ResearcherListOut['items'] = []
    for (let page = 1; page <= list.pages; page++) all.push(...(await get<ResearcherListOut>(`/api/v1/researchers?sort=name&page_size=100&page=${page}`)).items)
    expect(all).toHaveLength(list.total)
    // The ranking's sums against a plain per-paper read of the file (rows doubled by a join would show here).
    const raw = new Database(lib.path, { readonly: true })
    const perPaper = raw.prepare(
      `SELECT p.citation_count AS citations, n.percentile AS novelty FROM authorships a JOIN papers p ON p.id = a.paper_id
       LEFT JOIN paper_novelty n ON n.paper_id = p.id WHERE a.author_id = ?`,
    )
    for (const row of all.filter((_, i) => i % 10 === 0)) {
      const papers = perPaper.all(row.id) as Array<{ citations: number | null; novelty: number | null }>
      const novelty = papers.map((p) => p.novelty).filter((v): v is number => v !== null)
      expect(row.papers, row.name).toBe(papers.length)
      expect(row.citations, row.name).toBe(papers.some((p) => p.citations !== null) ? papers.reduce((a, p) => a + (p.citations ?? 0), 0) : null)
      if (novelty.length === 0) expect(row.noveltyPercent, row.name).toBeNull()
      else expect(Math.abs(row.noveltyPercent! - novelty.reduce((a, b) => a + b, 0) / novelty.length), row.name).toBeLessThanOrEqual(0.05 + 1e-9)
    }
    raw.close()
    const reader = createAnalysisReader(lib.store)
    for (const row of all) {
      // What a researcher page reads.
      const m = (await reader.authorMetrics(row.id))!
      expect([row.papers, row.citations, row.hIndex, row.noveltyPercent, row.aiScore], row.name).toEqual([
        m.papers.value,
        m.citations.value,
        m.hIndex.value,
        m.noveltyPercent.value === null ? null : Math.round(m.noveltyPercent.value * 10) / 10,
        m.aiScore.value,
      ])
    }
  })

  it("keeps to a topic's researchers when given one, by their papers there, as the topic page counts them", async () => {
    const list = await get<ResearcherListOut>('/api/v1/researchers?topic=Neural%20Collapse&page_size=100')
    expect(list).toMatchObject({ sort: 'topic_papers', topic: { id: 'neural-collapse', label: 'Neural Collapse' } })
    const topic = await get<TopicDetailOut>('/api/v1/topics/neural-collapse')
    const counts = new Map(topic.topAuthors.map((a) => [a.id, a.papers]))
    for (const row of list.items.filter((r) => counts.has(r.id))) expect(row.topicPapers, row.name).toBe(counts.get(row.id))
    expect(list.items[0]!.topicPapers).toBe(topic.topAuthors[0]!.papers)
    // Every topic page's researchers are its ranking's first, ties broken alike (by papers in all, then name),
    // counted here from the file's authorships apart from the store's queries.
    const raw = new Database(lib.path, { readonly: true })
    const counted = raw.prepare(
      `SELECT a.author_id AS id, au.name, count(DISTINCT a.paper_id) AS inTopic,
              (SELECT count(*) FROM authorships b WHERE b.author_id = a.author_id) AS papers
       FROM paper_topics pt JOIN authorships a ON a.paper_id = pt.paper_id JOIN authors au ON au.id = a.author_id
       WHERE pt.topic_id = ? GROUP BY a.author_id`,
    )
    for (const { id } of (await get<{ items: Array<{ id: string }> }>('/api/v1/topics')).items) {
      const page = await get<TopicDetailOut>(`/api/v1/topics/${id}`)
      const ranking = await get<ResearcherListOut>(`/api/v1/researchers?topic=${id}&page_size=15`)
      expect(page.topAuthors.map((a) => [a.id, a.papers]), id).toEqual(ranking.items.map((r) => [r.id, r.topicPapers]))
      const byName = createNameComparer()
      const expected = (counted.all(id) as Array<{ id: string; name: string; inTopic: number; papers: number }>)
        .sort((a, b) => b.inTopic - a.inTopic || b.papers - a.papers || byName(a.name, b.name) || (a.id < b.id ? -1 : 1))
        .slice(0, 15)
      expect(page.topAuthors.map((a) => [a.id, a.papers]), id).toEqual(expected.map((r) => [r.id, r.inTopic]))
    }
    raw.close()
    expect(list.items.every((r) => r.topicPapers! >= 1 && r.topicPapers! <= r.papers)).toBe(true)
    // An id in any case, as a label is (the schema says so).
    expect((await get<ResearcherListOut>('/api/v1/researchers?topic=NEURAL-COLLAPSE&page_size=1')).topic).toEqual({ id: 'neural-collapse', label: 'Neural Collapse' })
    const byName = await get<ResearcherListOut>('/api/v1/researchers?topic=neural-collapse&sort=name&page_size=100')
    expect(byName.total).toBe(list.total)
    const names = byName.items.map((r) => r.name)
    expect(names).toEqual([...names].sort(createNameComparer()))
  })

  it('lists everyone by name as a name index does, by family name (not "A. Adam Ding" first for his "A.")', async () => {
    const list = await get<ResearcherListOut>('/api/v1/researchers?sort=name&page_size=100')
    const all: ResearcherListOut['items'] = []
    for (let page = 1; page <= list.pages; page++) all.push(...(await get<ResearcherListOut>(`/api/v1/researchers?sort=name&page_size=100&page=${page}`)).items)
    // Among plain names (a given name, initials, a family name of one word), the last word's first letter never goes back.
    const plain = all.map((r) => r.name).filter((n) => /^\p{Lu}[\p{Ll}'-]+(\s+\p{Lu}\.?)*\s+\p{Lu}[\p{L}'-]+$/u.test(n))
    expect(plain.length).toBeGreaterThan(all.length / 2)
    const initials = plain.map((n) => n.split(/\s+/).at(-1)!.normalize('NFKD').toLowerCase()[0]!)
    expect(initials).toEqual([...initials].sort())
    const names = all.map((r) => r.name)
    expect(names.indexOf('Surya Ganguli')).toBeLessThan(names.indexOf('Inbar Seroussi'))
  })

  it("lists the papers a topic page counts for each of its key words, suggested ones too, any spelling of one", async () => {
    let suggestedOnly = 0
    for (const { id } of (await get<{ items: Array<{ id: string }> }>('/api/v1/topics')).items) {
      const topic = await get<TopicDetailOut>(`/api/v1/topics/${id}`)
      for (const k of topic.keywords) {
        const list = await get<{ total: number; items: Array<{ id: string }> }>(`/api/v1/papers?topic=${id}&keyword=${encodeURIComponent(k.text)}&page_size=100`)
        expect(list.total, `${id}: ${k.text}`).toBe(k.papers)
        const searched = await app.inject(`/api/v1/search?q=${encodeURIComponent(`"${k.text}"`)}&topic=${id}&page_size=100`)
        const found = new Set(searched.statusCode === 200 ? (searched.json() as { items: Array<{ paper: { id: string } }> }).items.map((h) => h.paper.id) : [])
        suggestedOnly += list.items.filter((p) => !found.has(p.id)).length
      }
    }
    // Papers whose key word is suggested (not in their text), which the link's text search had missed (it found
    // 58 of the 71 papers counted under Lottery Ticket Hypothesis).
    expect(suggestedOnly).toBeGreaterThan(0)
    const ntk = (q: string) => get<{ total: number }>(`/api/v1/papers?keyword=${encodeURIComponent(q)}&page_size=1`).then((l) => l.total)
    expect(await ntk('Neural Tangent Kernels')).toBe(await ntk('neural tangent kernel'))
    expect(await ntk('neural tangent kernel')).toBeGreaterThan(0)
    expect(await ntk('alchemy of kernels')).toBe(0)
  })

  it('keeps to researchers with at least min_papers papers, the ranking otherwise the same', async () => {
    const all = await get<ResearcherListOut>('/api/v1/researchers?sort=novelty&page_size=100')
    const three = await get<ResearcherListOut>('/api/v1/researchers?sort=novelty&min_papers=3&page_size=100')
    expect(three.minPapers).toBe(3)
    expect(three.items.every((r) => r.papers >= 3)).toBe(true)
    expect(three.total).toBeLessThan(all.total)
    expect(three.total).toBe((await get<ResearcherListOut>('/api/v1/researchers?min_papers=3&page_size=1')).total)
    // The same order among those left.
    const kept = all.items.filter((r) => r.papers >= 3).map((r) => r.id)
    expect(three.items.map((r) => r.id).slice(0, kept.length)).toEqual(kept)
  })

  it('refuses a topic the library does not have, a sort it does not know, and papers under no topic', async () => {
    const refused = async (url: string, field: string, message: RegExp, issue?: object) => {
      const res = await app.inject(url)
      expect(res.statusCode, url).toBe(400)
      expect(res.json(), url).toMatchObject({ error: { code: 'INVALID_ARGUMENT', field, ...(issue ? { issue } : {}) } })
      expect(res.json().error.message, url).toMatch(message)
    }
    await refused('/api/v1/researchers?topic=alchemy', 'topic', /no topic "alchemy"/, { kind: 'unknown_value', value: 'alchemy' })
    await refused('/api/v1/researchers?sort=fame', 'sort', /papers, citations, h_index/, { kind: 'not_one_of' })
    // Its fault as data: the parameter it needs (before, no issue).
    await refused('/api/v1/researchers?sort=topic_papers', 'sort', /give the topic too/, { kind: 'needs', other: 'topic' })
  })
})

describe('GET /researchers on a library never analysed', () => {
  it('gives no Novelty % or AI Score to anyone (output alone is no score), and says why', async () => {
    const lib = await createCorpusLibrary({ hostile: false })
    const server = await startServer(lib.store)
    try {
      const list = (await server.app.inject('/api/v1/researchers?sort=ai_score&page_size=100')).json() as ResearcherListOut
      expect(list.analysed).toBe(false)
      expect(list.items.every((r) => r.aiScore === null && r.noveltyPercent === null)).toBe(true)
      // Unknown for everyone: the ranking falls back on papers.
      expect(list.items.map((r) => r.id)).toEqual(((await server.app.inject('/api/v1/researchers?page_size=100')).json() as ResearcherListOut).items.map((r) => r.id))
    } finally {
      await server.close()
      await lib.cleanup()
    }
  })
})
