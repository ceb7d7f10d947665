import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { createCorpusLibrary, type TestLibrary } from '../../../test/e2e/support/library.js'
import { importRecords } from '../../commands/index.js'
import { createAuthorProfileRecord } from '../../core/index.js'
import { buildRecord } from '../../../test/support/factories.js'
import { createTempStore } from '../../../test/support/temp-store.js'
import { buildServer } from '../app.js'
import type { AuthorDetailOut, AuthorList } from './authors.schema.js'

describe('authors routes on the corpus library', () => {
  let lib: TestLibrary
  let app: FastifyInstance

  beforeAll(async () => {
    lib = await createCorpusLibrary()
    app = await buildServer({ store: lib.store, rateLimit: false })
  })
  afterAll(async () => {
    await app.close()
    await lib.cleanup()
  })

  it('finds authors by part of a name', async () => {
    const res = await app.inject('/api/v1/authors?q=seroussi')
    expect(res.statusCode).toBe(200)
    const body = res.json() as AuthorList
    expect(body.items[0]).toMatchObject({ id: 'inbar-seroussi', name: 'Inbar Seroussi', paperCount: 13 })
  })

  it('pages through every author a name finds, past the 100 one answer holds, with the total', async () => {
    const list = async (query: string) => (await app.inject(`/api/v1/authors?${query}`)).json() as AuthorList
    const first = await list('q=li&page_size=100')
    expect(first).toMatchObject({ page: 1, pageSize: 100 })
    expect(first.total).toBeGreaterThan(100)
    expect(first.pages).toBe(Math.ceil(first.total / 100))
    const ids = first.items.map((a) => a.id)
    for (let page = 2; page <= first.pages; page++) {
      const next = await list(`q=li&page_size=100&page=${page}`)
      expect(next).toMatchObject({ page, total: first.total })
      ids.push(...next.items.map((a) => a.id))
    }
    // Each author once, in the order of the first page: a small page is the start of a large one.
    expect(ids).toHaveLength(first.total)
    expect(new Set(ids).size).toBe(first.total)
    expect((await list('q=li&page_size=5&page=2')).items.map((a) => a.id)).toEqual(ids.slice(5, 10))
    expect(await list(`q=li&page=${first.pages + 1}&page_size=100`)).toMatchObject({ items: [], total: first.total })
  })

  it('takes limit as the older name of page_size, and refuses the two when they disagree', async () => {
    expect((await app.inject('/api/v1/authors?q=li&limit=3')).json()).toMatchObject({ pageSize: 3, items: { length: 3 } })
    expect((await app.inject('/api/v1/authors?q=li&limit=3&page_size=3')).statusCode).toBe(200)
    const both = await app.inject('/api/v1/authors?q=li&limit=3&page_size=4')
    expect(both.statusCode).toBe(400)
    expect(both.json()).toEqual({
      error: {
        code: 'INVALID_ARGUMENT',
        field: 'limit',
        message: 'parameter "limit" is the older name of "page_size", and they disagree (3 and 4); give one of them',
        issue: { kind: 'disagrees', other: 'page_size' },
      },
    })
    // Without either, a page of 20 as before.
    expect((await app.inject('/api/v1/authors?q=li')).json()).toMatchObject({ pageSize: 20, items: { length: 20 } })
  })

  it.each([
    ['', 'required'],
    ['?q=', 'empty'],
    ['?q=%20%20', 'empty'],
  ])('rejects a missing or blank name (%s) with 400 naming q, its fault as data', async (query, kind) => {
    const res = await app.inject(`/api/v1/authors${query}`)
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: { code: 'INVALID_ARGUMENT', field: 'q', issue: { kind } } })
  })

  it('shows a researcher with reported metrics beside computed ones, each with its origin', async () => {
    const res = await app.inject('/api/v1/authors/inbar-seroussi')
    expect(res.statusCode).toBe(200)
    const a = res.json() as AuthorDetailOut
    expect(a.name).toBe('Inbar Seroussi')
    expect(a.paperCount).toBe(13)
    expect(a.papers).toHaveLength(13)
    expect(a.field).toMatchObject({ value: 'ML', origin: 'reported' })
    // Without a profile that names it, the category most of the papers carry (before, always null).
    const rubin = (await app.inject('/api/v1/authors/noa-rubin')).json() as AuthorDetailOut
    expect(rubin.field).toEqual({ value: 'ML', origin: 'computed', detail: 'the commonest category of the papers, as their sources name them: 2 of 4 papers carry it (others: DIS-NN, LG)' })
    const [profile] = a.metrics.reported
    expect(profile).toMatchObject({
      source: 'researcher-profile',
      locator: 'data/corpus/researcher-profile.txt:1',
      values: { hIndex: 44, papers: 13, citations: 177, noveltyPercent: 55, aiScore: 53 },
    })
    // The page's h-index cannot be right beside its own paper and citation counts: flagged, with the arithmetic.
    expect(profile!.conflicts.map((c) => c.metric)).toEqual(['hIndex', 'hIndex'])
    expect(profile!.conflicts[1]!.message).toMatch(/needs at least 1,936 citations.*counts 177/)
    expect(a.metrics.computed.papers).toMatchObject({ value: 13 })
    expect(a.metrics.computed.papers!.howComputed).toMatch(/papers in this library/)
    // Not computed without the analysis: null, never an invented number.
    expect(a.metrics.computed.hIndex).toBeNull()
    expect(a.metrics.computed.noveltyPercent).toBeNull()
    expect(a.metrics.computed.aiScore).toBeNull()
  })

  it('lists co-authors with shared-paper counts, topics, and papers per year that add up', async () => {
    const a = (await app.inject('/api/v1/authors/inbar-seroussi')).json() as AuthorDetailOut
    expect(a.coAuthors[0]).toEqual({ id: 'zohar-ringel', name: 'Zohar Ringel', sharedPapers: 4 })
    expect(a.coAuthorsTotal).toBe(a.coAuthors.length)
    expect(a.namesakes).toEqual([])
    // Three spellings the import kept apart (no co-author in common): each names the other two.
    const saxe = (await app.inject('/api/v1/authors/andrew-m-saxe')).json() as AuthorDetailOut
    expect(saxe.namesakes.map((n) => n.name).sort()).toEqual(['Andrew Michael Saxe', 'Andrew Saxe'])
    expect(saxe.namesakes.every((n) => n.paperCount === 1)).toBe(true)
    // A paper of 125 authors: the list is cut at 50, and the total says so (before, nothing did).
    const many = (await app.inject('/api/v1/authors/adam-shephard')).json() as AuthorDetailOut
    expect([many.coAuthors.length, many.coAuthorsTotal]).toEqual([50, 124])
    const counts = a.coAuthors.map((c) => c.sharedPapers)
    expect(counts).toEqual([...counts].sort((x, y) => y - x))
    expect(a.papersPerYear.reduce((n, y) => n + y.count, 0) + a.papersWithoutYear).toBe(13)
    const dates = a.papers.map((p) => p.date).filter((d): d is string => d !== null)
    expect(dates).toEqual([...dates].sort().reverse())
  })

  it('takes computed metrics from the analysis when it has them', async () => {
    const withAnalysis = await buildServer({
      store: lib.store,
      analysis: {
        authorMetrics: async () => ({
          hIndex: { value: 3, howComputed: 'h-index over the citation counts known for 5 of 13 papers', why: ['12', '7', '3'], lowerBound: true },
          aiScore: { value: 61, howComputed: 'share of papers in AI categories, weighted by recency' },
        }),
      },
    })
    const a = (await withAnalysis.inject('/api/v1/authors/inbar-seroussi')).json() as AuthorDetailOut
    expect(a.metrics.computed.hIndex).toEqual({
      value: 3,
      howComputed: 'h-index over the citation counts known for 5 of 13 papers',
      why: ['12', '7', '3'],
      lowerBound: true,
    })
    expect(a.metrics.computed.aiScore).toEqual({ value: 61, howComputed: 'share of papers in AI categories, weighted by recency', why: [], lowerBound: false })
    expect(a.metrics.computed.papers).toMatchObject({ value: 13 })
    expect(a.metrics.reported[0]!.values.hIndex).toBe(44)
    await withAnalysis.close()
  })

  it('answers an unknown id with 404', async () => {
    const res = await app.inject('/api/v1/authors/nobody-at-all')
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'no author with id "nobody-at-all"', field: 'id' } })
  })

  it('answers a name given as an id with the id it names, and only an exact name', async () => {
    const res = await app.inject('/api/v1/authors/Inbar%20Seroussi')
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ error: { message: 'no author with id "Inbar Seroussi"; it is the name of the author with id "inbar-seroussi" (/api/v1/authors/inbar-seroussi)' } })
    expect((await app.inject('/api/v1/authors/Seroussi,%20Inbar')).json()).toMatchObject({ error: { message: expect.stringContaining('it is the name of the author with id "inbar-seroussi"') } })
    expect((await app.inject('/api/v1/authors/Inbar%20S')).json()).toMatchObject({ error: { message: 'no author with id "Inbar S"' } })
  })
})

describe('an author the sources know by id', () => {
  it("lists the person's ids at Semantic Scholar, OpenAlex and ORCID, each with its page", async () => {
    const t = await createTempStore()
    try {
      await importRecords(
        t.store,
        [
          buildRecord({ source: 'semantic-scholar', title: 'Bounds', authors: ['E. Duflo'], raw: { authorIds: ['2259683'] } }),
          buildRecord({ source: 'openalex', title: 'Bounds', authors: ['Esther Duflo'], raw: { authorIds: ['A5023888391'] } }),
        ],
        [
          createAuthorProfileRecord({
            source: 'semantic-scholar',
            key: '2259683',
            locator: 'https://www.semanticscholar.org/author/2259683',
            fetchedAt: '2026-06-12T08:00:00.000Z',
            name: 'E. Duflo',
            ids: { s2: '2259683', orcid: '0000-0002-1825-0097' },
          }),
        ],
      )
      const app = await buildServer({ store: t.store, rateLimit: false })
      const [duflo] = ((await app.inject('/api/v1/authors?q=duflo')).json() as AuthorList).items
      const a = (await app.inject(`/api/v1/authors/${duflo!.id}`)).json() as AuthorDetailOut
      expect(a.name).toBe('Esther Duflo')
      expect(a.sourceIds).toEqual([
        { source: 'openalex', id: 'A5023888391', link: 'https://openalex.org/A5023888391' },
        { source: 'orcid', id: '0000-0002-1825-0097', link: 'https://orcid.org/0000-0002-1825-0097' },
        { source: 'semantic-scholar', id: '2259683', link: 'https://www.semanticscholar.org/author/2259683' },
      ])
      await app.close()
    } finally {
      await t.cleanup()
    }
  })
})

describe('an author with more papers than one answer lists', () => {
  it('lists the newest 2,000, says the list is cut, and counts every paper per year and per topic', async () => {
    const t = await createTempStore()
    try {
      // 2,001 papers over twenty years, a third of them under a topic, and one undated (under it too), which sorts last.
      const records = Array.from({ length: 2001 }, (_, i) =>
        buildRecord({
          title: `Prolific study number ${i}`,
          authors: ['Pat Prolific', ...(i === 0 ? ['Sam Once'] : [])],
          ...(i === 2000 ? {} : { date: `${2000 + (i % 20)}-01-${String(1 + (i % 28)).padStart(2, '0')}` }),
          ...(i % 3 === 2 ? { topics: ['Scaling'] } : {}),
        }),
      )
      await importRecords(t.store, records)
      const app = await buildServer({ store: t.store, rateLimit: false })
      const res = await app.inject('/api/v1/authors/PAT-PROLIFIC')
      expect(res.statusCode).toBe(200)
      const a = res.json() as AuthorDetailOut
      expect(a).toMatchObject({ id: 'pat-prolific', paperCount: 2001, papersTruncated: true, papersWithoutYear: 1 })
      expect(a.papers).toHaveLength(2000)
      // The newest are listed: the one left out is the undated paper, which sorts last.
      expect(a.papers.some((p) => p.date === null)).toBe(false)
      const perYear = new Map<number, number>()
      for (let i = 0; i < 2000; i++) perYear.set(2000 + (i % 20), (perYear.get(2000 + (i % 20)) ?? 0) + 1)
      expect(a.papersPerYear).toEqual([...perYear].sort((x, y) => x[0] - y[0]).map(([year, count]) => ({ year, count })))
      const scaling = records.filter((r) => r.topics.includes('Scaling')).length
      expect(a.topics).toEqual([{ id: 'scaling', label: 'Scaling', papers: scaling, curated: scaling }])
      // Someone with few papers has them all, and says so.
      const once = (await app.inject('/api/v1/authors/sam-once')).json() as AuthorDetailOut
      expect(once).toMatchObject({ paperCount: 1, papersTruncated: false, papers: { length: 1 } })
      await app.close()
    } finally {
      await t.cleanup()
    }
  }, 60_000)
})
