import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  createFakeClock,
  readFixture,
  startFixtureServer,
  type FakeClock,
  type FixtureServer,
} from '../../../test/support/fixture-server.js'
import { SILENT_LOGGER, createHttpClient } from '../http/index.js'
import { runSource, runSourceContract } from '../source.case.test.js'
import type { SourceDeps } from '../source.js'
import { parseSemanticScholar, semanticScholarSource, toS2PaperId } from './index.js'
import { batchPayload } from './parse.js'

/**
 * Recorded Semantic Scholar payloads, plus the last bulk-search page (no token) and the 429 body, which we wrote
 * from the Graph API documentation and the message S2 sends; see test/fixtures/SOURCES.md.
 */
describe('semantic-scholar source contract', () => runSourceContract(semanticScholarSource))

const ctx = {
  input: 'https://api.semanticscholar.org/graph/v1/paper/batch',
  fetchedAt: '2026-06-12T08:00:00.000Z',
}

describe('parseSemanticScholar', () => {
  it('reads a batch with a null entry: records for the found papers, a warning for the unknown id', () => {
    const result = parseSemanticScholar(
      readFixture('semanticscholar/paper_batch_full_fields_with_null_entry.json'),
      ctx,
    )
    expect(result.records.map((r) => r.key)).toEqual([
      'c31c87c591a25c64fbaa82e8ac6a81831b6ac7ce',
      'cb1ebd913c3724c599f6b276b14b5c6253da68f3',
      '0f40b1f08821e22e859c6050916cec3667778613',
    ])
    expect(result.records[0]).toMatchObject({
      source: 'semantic-scholar',
      title: 'How Much Should We Trust Differences-in-Differences Estimates?',
      authors: ['Marianne Bertrand', 'E. Duflo', 'S. Mullainathan'],
      date: '2001-10-01',
      venue: 'Experimental & Empirical Studies eJournal',
      citationCount: 10670,
      ids: {
        s2: 'c31c87c591a25c64fbaa82e8ac6a81831b6ac7ce',
        corpusId: '470667',
        doi: '10.2139/ssrn.288970',
        mag: '2096684396',
      },
      url: 'https://www.semanticscholar.org/paper/c31c87c591a25c64fbaa82e8ac6a81831b6ac7ce',
    })
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('batch entry 1 is null'),
      }),
    ])
    expect(result.entriesSeen).toBe(3)
  })

  it("lines the authors' ids up with their names, leaving out an author without a name", () => {
    const payload = JSON.stringify([
      { paperId: 'p1', title: 'A paper', authors: [{ authorId: '1', name: null }, { authorId: '2', name: 'B. Two' }, { authorId: null, name: 'C. Three' }] },
    ])
    const [record] = parseSemanticScholar(payload, ctx).records
    expect(record!.authors).toEqual(['B. Two', 'C. Three'])
    expect(record!.raw['authorIds']).toEqual(['2', null])
  })

  it('turns the TLDR into a source-model digest, lower-cases the DOI and lists references by their best id', () => {
    const [record] = parseSemanticScholar(
      readFixture('semanticscholar/paper_detail_turing1950_all_fields_tldr_embedding_trimmed.json'),
      ctx,
    ).records
    expect(record!.digest).toEqual({
      text: expect.stringMatching(/^If the meaning of the words/),
      origin: 'source-model',
    })
    expect(record!.ids).toEqual({
      s2: '2d5673caa9e6af3a7b82a43f19ee920992db07ad',
      corpusId: '14636783',
      doi: '10.1093/mind/lix.236.433',
      dblp: 'journals/x/Turing50',
      mag: '2145482038',
    })
    expect(record!.venue).toBe('Mind')
    expect(record!.date).toBe('1950-10-01')
    // 14 references, 6 of which S2 could not resolve to any paper (null paperId): 8 ids.
    expect(record!.references).toHaveLength(8)
    expect(record!.references[0]).toBe('doi:10.2307/3610576')
    expect(record!.raw).not.toHaveProperty('embedding')
  })

  it('keeps arXiv ids, DBLP keys and a year-only date when there is no publication date', () => {
    const { records } = parseSemanticScholar(
      readFixture('semanticscholar/paper_search_transformer_limit5_rich_fields.json'),
      ctx,
    )
    expect(records[0]).toMatchObject({
      title: 'Swin Transformer: Hierarchical Vision Transformer using Shifted Windows',
      date: '2021',
      ids: { arxiv: '2103.14030', doi: '10.1109/iccv48922.2021.00986', dblp: 'conf/iccv/LiuL00W0LG21' },
    })
    expect(records[1]!.date).toBe('2020-12-14')
  })

  it('reads author metrics into profiles', () => {
    const { profiles } = parseSemanticScholar(
      readFixture('semanticscholar/paper_authors_with_hindex.json'),
      ctx,
    )
    expect(profiles[0]).toMatchObject({
      source: 'semantic-scholar',
      key: '2259683',
      name: 'E. Duflo',
      metrics: { hIndex: 91, citations: 58740, papers: 282 },
      ids: { s2: '2259683', dblp: 'Esther Duflo' },
      locator: 'https://www.semanticscholar.org/author/2259683',
    })
  })

  it('reads an author detail as a profile plus their papers', () => {
    const { profiles, records } = parseSemanticScholar(
      readFixture('semanticscholar/author_detail_2262347_with_papers_hindex.json'),
      ctx,
    )
    expect(profiles).toEqual([
      expect.objectContaining({ name: 'A. Turing', metrics: { hIndex: 23, citations: 12415, papers: 60 } }),
    ])
    expect(records).toHaveLength(60)
    expect(records.every((r) => r.authors.includes('A. Turing'))).toBe(true)
  })

  it("keeps each author's name as Semantic Scholar gives it, with its id, even one its own PDF extraction got wrong", () => {
    // S2 lists 'Alan Turingyear' (its author 2138382523) on its 2019 'Alan Turing', beside 'Malesuada quis' and
    // 'See A. Hodges': text of the PDF, not a name we glued. The importer keeps it as given, tied to S2's id, so it
    // can be looked up there; mending it would be a guess (Goodyear is a surname; 'January Exam' is in this answer too).
    const body = readFixture('semanticscholar/author_detail_2262347_with_papers_hindex.json')
    const given = (JSON.parse(body) as { papers: Array<{ paperId: string; authors: Array<{ authorId: string; name: string }> }> }).papers.find(
      (p) => p.paperId === 'eb320a6d4e58d91c72ba0dc663da10579dd5957d',
    )!.authors
    expect(given.find((a) => a.authorId === '2138382523')?.name).toBe('Alan Turingyear')
    const record = parseSemanticScholar(body, ctx).records.find((r) => r.ids.s2 === 'eb320a6d4e58d91c72ba0dc663da10579dd5957d')!
    expect(record.authors).toEqual(given.map((a) => a.name))
    expect(record.raw['authorIds']).toEqual(given.map((a) => a.authorId))
  })

  it('rejects records that came without title or abstract, saying which fields to ask for', () => {
    const result = parseSemanticScholar(readFixture('semanticscholar/paper_batch_authors_only.json'), ctx)
    expect(result.records).toEqual([])
    expect(result.issues[0]!.message).toContain('ask for fields=title,abstract')
  })

  it('names an error body', () => {
    const result = parseSemanticScholar(readFixture('semanticscholar/error_paper_not_found_404.json'), ctx)
    expect(result.issues[0]!.message).toContain('Paper with id 0 not found')
  })
})

describe('parseSemanticScholar batch answers with the ids asked for', () => {
  it('names the id asked for at a null position', () => {
    const body = readFixture('semanticscholar/paper_batch_full_fields_with_null_entry.json')
    const asked = ['CorpusId:999', 'DOI:10.2139/ssrn.288970', 'DOI:10.2139/ssrn.2250500', 'CorpusId:1']
    const result = parseSemanticScholar(batchPayload(asked, body), ctx)
    expect(result.records).toHaveLength(3)
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        source: ctx.input,
        code: 'MISSING_FIELD',
        message:
          'semantic-scholar: batch entry 1 is null: Semantic Scholar does not know CorpusId:999, the id asked for at that position',
      },
    ])
  })

  it('passes a body that is not JSON on unchanged, for the parser to report', () => {
    expect(batchPayload(['CorpusId:1'], '[{"paperId": "x"')).toBe('[{"paperId": "x"')
    expect(parseSemanticScholar(batchPayload(['CorpusId:1'], '[{"paperId": "x"'), ctx).issues[0]!.code).toBe(
      'PARSE_FAILED',
    )
  })
})

describe('semantic-scholar paper ids in a feed', () => {
  it('refuses an id Semantic Scholar does not take, naming it and its place', () => {
    const parsed = semanticScholarSource.feedSchema.safeParse({
      kind: 'papers',
      ids: ['10.2139/ssrn.288970', 'abc'],
    })
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues).toEqual([
      expect.objectContaining({
        path: ['ids', 1],
        message: expect.stringContaining('"abc" is not a paper id Semantic Scholar takes'),
      }),
    ])
    for (const bad of ['CorpusId:', 'CorpusId:abc', 'PMID:x1', 'URL:', 'c31c87c5', 'ARXIV:abc'])
      expect(semanticScholarSource.feedSchema.safeParse({ kind: 'papers', ids: [bad] }).success, bad).toBe(false)
  })

  it('takes every form the batch endpoint accepts', () => {
    const ids = [
      'c31c87c591a25c64fbaa82e8ac6a81831b6ac7ce',
      'CorpusId:470667',
      'DOI:10.2139/ssrn.288970',
      '10.2139/ssrn.288970',
      'https://doi.org/10.1093/MIND/LIX.236.433',
      'ARXIV:2106.15928',
      'arXiv:2106.15928v2',
      '2106.15928',
      'astro-ph/0601001',
      'MAG:112218234',
      'ACL:W12-3903',
      'PMID:19872477',
      'PMCID:2323736',
      'URL:https://arxiv.org/abs/2106.15928v1',
    ]
    const parsed = semanticScholarSource.feedSchema.safeParse({ kind: 'papers', ids })
    expect(parsed.error?.issues ?? []).toEqual([])
  })
})

describe('toS2PaperId', () => {
  it.each([
    ['2106.15928v2', 'ARXIV:2106.15928'],
    ['arXiv:astro-ph/0601001', 'ARXIV:astro-ph/0601001'],
    ['https://doi.org/10.1093/MIND/LIX.236.433', 'DOI:10.1093/mind/lix.236.433'],
    ['10.2139/ssrn.288970', 'DOI:10.2139/ssrn.288970'],
    ['c31c87c591a25c64fbaa82e8ac6a81831b6ac7ce', 'c31c87c591a25c64fbaa82e8ac6a81831b6ac7ce'],
    ['CorpusId:470667', 'CorpusId:470667'],
  ])('%s → %s', (input, expected) => expect(toS2PaperId(input)).toBe(expected))
})

describe('fetchSemanticScholarPages', () => {
  let server: FixtureServer
  let clock: FakeClock
  let deps: SourceDeps
  beforeAll(async () => {
    server = await startFixtureServer()
  })
  afterAll(() => server.close())
  beforeEach(() => {
    server.reset()
    clock = createFakeClock()
    deps = {
      http: createHttpClient({
        fetch,
        now: clock.now,
        sleep: clock.sleep,
        random: () => 1,
        userAgent: 'test',
        rateLimits: { 'semantic-scholar': semanticScholarSource.rateLimit },
      }),
      baseUrl: `${server.baseUrl}/graph/v1`,
      now: clock.now,
      logger: SILENT_LOGGER,
      apiKey: 's2-key',
    }
  })

  it('posts ids in batches with the API key, at one request per second, and starts over after the last batch', async () => {
    server.route('POST /graph/v1/paper/batch', {
      file: 'semanticscholar/paper_batch_full_fields_with_null_entry.json',
    })
    const feed = semanticScholarSource.feedSchema.parse({
      kind: 'papers',
      ids: ['2501.99999', '10.2139/ssrn.288970', '10.2139/ssrn.2250500', 'CorpusId:1', 'arXiv:2106.15928v1'],
      batchSize: 4,
    })
    const outcome = await runSource(semanticScholarSource, feed, null, deps)
    const requests = server.requestsTo('/graph/v1/paper/batch')
    expect(requests.map((r) => JSON.parse(r.body))).toEqual([
      { ids: ['ARXIV:2501.99999', 'DOI:10.2139/ssrn.288970', 'DOI:10.2139/ssrn.2250500', 'CorpusId:1'] },
      { ids: ['ARXIV:2106.15928'] },
    ])
    expect(requests[0]!.headers['x-api-key']).toBe('s2-key')
    expect(requests[0]!.query.get('fields')).toContain('tldr')
    expect(clock.sleeps).toEqual([1000])
    expect(outcome.pages.map((p) => JSON.parse(p.nextCursor))).toEqual([{ index: 4 }, { index: 0 }])
  })

  it('names the id asked for when the batch answers null at its position', async () => {
    server.route('POST /graph/v1/paper/batch', {
      file: 'semanticscholar/paper_batch_full_fields_with_null_entry.json',
    })
    const feed = semanticScholarSource.feedSchema.parse({
      kind: 'papers',
      ids: ['CorpusId:999', '10.2139/ssrn.288970', '10.2139/ssrn.2250500', 'CorpusId:1'],
    })
    const outcome = await runSource(semanticScholarSource, feed, null, deps)
    expect(outcome.error).toBeNull()
    expect(outcome.records).toHaveLength(3)
    expect(outcome.pages[0]!.result.issues.map((i) => [i.severity, i.message])).toEqual([
      [
        'warning',
        'semantic-scholar: batch entry 1 is null: Semantic Scholar does not know CorpusId:999, the id asked for at that position',
      ],
    ])
  })

  it('says a search that stops at maxPages with a token left is capped, and one that ends is not', async () => {
    server.route(
      '/graph/v1/paper/search/bulk',
      { file: 'semanticscholar/paper_search_bulk_kubernetes_with_token.json' },
      { file: 'semanticscholar/paper_search_bulk_page2_last_no_token.json' },
    )
    const feed = semanticScholarSource.feedSchema.parse({
      kind: 'search',
      query: 'kubernetes',
      since: '2020-01-01',
      maxPages: 1,
    })
    const capped = await runSource(semanticScholarSource, feed, null, deps)
    expect(capped.pages).toHaveLength(1)
    expect(capped.pages[0]).toMatchObject({ last: true, capped: true })
    expect(JSON.parse(capped.pages[0]!.nextCursor)).toMatchObject({ since: '2020-01-01', token: expect.any(String) })

    const ended = await runSource(semanticScholarSource, feed, capped.pages[0]!.nextCursor, deps)
    expect(ended.pages).toHaveLength(1)
    expect(ended.pages[0]!.last).toBe(true)
    expect(ended.pages[0]!.capped).toBeUndefined()
  })

  it('backs off on a 429 that carries no Retry-After (as S2 answers), then goes on', async () => {
    server.route(
      'POST /graph/v1/author/batch',
      { status: 429, file: 'semanticscholar/error_429_too_many_requests.json' },
      {
        body: readFixture('semanticscholar/paper_authors_with_hindex.json')
          .replace(/^\{"offset": 0, "data": /, '')
          .replace(/\}\s*$/, ''),
      },
    )
    const feed = semanticScholarSource.feedSchema.parse({
      kind: 'authors',
      ids: ['2259683', '2237651454', '4249203', '31549526'],
    })
    const outcome = await runSource(semanticScholarSource, feed, null, deps)
    expect(outcome.error).toBeNull()
    expect(outcome.pages[0]!.result.profiles.map((p) => p.metrics.hIndex)).toEqual([91, 90, 31, 12])
    expect(clock.sleeps).toEqual([1000])
  })

  it('rejects a paper an author batch lists twice for one author, naming it, and keeps the first', async () => {
    const author = JSON.parse(readFixture('semanticscholar/author_detail_2262347_with_papers_hindex.json')) as {
      papers: unknown[]
    }
    author.papers.push(author.papers[0])
    server.route('POST /graph/v1/author/batch', { body: JSON.stringify([author]) })
    const feed = semanticScholarSource.feedSchema.parse({ kind: 'authors', ids: ['2262347'] })
    const outcome = await runSource(semanticScholarSource, feed, null, deps)
    expect(outcome.error).toBeNull()
    const { result } = outcome.pages[0]!
    expect(result.records).toHaveLength(60)
    expect(result.entriesSeen).toBe(1 + 61)
    expect(result.issues.map((i) => [i.severity, i.code, i.field, i.message])).toEqual([
      [
        'rejected',
        'DUPLICATE_ENTRY',
        'paperId',
        'semantic-scholar: 5d10faffeae5e9f2ae868626b29e6e9b8047cecb appears twice among the papers of author 2262347 (paper 61); kept the first',
      ],
    ])
  })

  it('keeps a paper two authors of one batch share as one record with both of them on it', async () => {
    const author = JSON.parse(readFixture('semanticscholar/author_detail_2262347_with_papers_hindex.json')) as {
      authorId: string
      name: string
      papers: Array<Record<string, unknown>>
    }
    const coauthor = { ...author, authorId: '999', name: 'B. Coauthor', papers: [author.papers[0]!] }
    server.route('POST /graph/v1/author/batch', { body: JSON.stringify([author, coauthor]) })
    const feed = semanticScholarSource.feedSchema.parse({ kind: 'authors', ids: ['2262347', '999'] })
    const { pages } = await runSource(semanticScholarSource, feed, null, deps)
    const { result } = pages[0]!
    expect(result.issues).toEqual([])
    expect(result.records).toHaveLength(60)
    expect(result.entriesSeen).toBe(2 + 60)
    expect(result.records[0]!.extraAuthors).toEqual(['B. Coauthor'])
  })

  it('names a rate limit that does not lift as RATE_LIMITED with the message S2 gave', async () => {
    server.route('POST /graph/v1/author/batch', {
      status: 429,
      file: 'semanticscholar/error_429_too_many_requests.json',
    })
    const feed = semanticScholarSource.feedSchema.parse({ kind: 'authors', ids: ['2259683'] })
    const outcome = await runSource(semanticScholarSource, feed, null, deps)
    expect(outcome.error).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('apply for a key'),
    })
  })

  it('searches by publication date from the watermark, sorted so the next run can go on from there', async () => {
    server.route('/graph/v1/paper/search/bulk', {
      file: 'semanticscholar/paper_search_bulk_page2_last_no_token.json',
    })
    const feed = semanticScholarSource.feedSchema.parse({ kind: 'search', query: 'transformer' })
    const outcome = await runSource(semanticScholarSource, feed, null, deps)
    const [request] = server.requests
    expect(request!.query.get('publicationDateOrYear')).toBe('2026-06-05:')
    expect(request!.query.get('sort')).toBe('publicationDate:asc')
    expect(request!.query.has('token')).toBe(false)
    expect(JSON.parse(outcome.pages[0]!.nextCursor)).toEqual({ since: '2026-06-05', token: null })
  })
})
