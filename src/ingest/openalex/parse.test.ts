import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { isPaperscopeError } from '../../core/index.js'
import {
  createFakeClock,
  readFixture,
  startFixtureServer,
  type FixtureServer,
} from '../../../test/support/fixture-server.js'
import { SILENT_LOGGER, createHttpClient } from '../http/index.js'
import { runSourceContract, runSource } from '../source.case.test.js'
import { abstractFromInvertedIndex, openAlexSource, parseOpenAlex } from './index.js'
import { sameFamilyName } from './parse.js'

/**
 * Recorded OpenAlex payloads, plus cursor pages and a 429 body we wrote from the OpenAlex documentation
 * ("Page through results", "Errors"); see test/fixtures/SOURCES.md.
 */
describe('openalex source contract', () => runSourceContract(openAlexSource))

const ctx = { input: 'https://api.openalex.org/works?x', fetchedAt: '2026-06-12T08:00:00.000Z' }

describe('parseOpenAlex works', () => {
  it('rebuilds the abstract, keeps authors in order, DOI, citations and references', () => {
    const result = parseOpenAlex(readFixture('openalex/work_W2741809807.json'), ctx)
    const [record] = result.records
    expect(record).toMatchObject({
      source: 'openalex',
      key: 'W2741809807',
      locator: 'https://openalex.org/W2741809807',
      title: 'The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles',
      date: '2018-02-13',
      venue: 'PeerJ',
      ids: { openalex: 'W2741809807', doi: '10.7717/peerj.4375', mag: '2741809807', pmid: '29456894' },
      url: 'https://doi.org/10.7717/peerj.4375',
    })
    expect(record!.abstract).toMatch(
      /^Despite growing interest in Open Access \(OA\) to scholarly literature, there is an unmet need/,
    )
    expect(record!.authors.slice(0, 3)).toEqual(['Heather Piwowar', 'Jason Priem', 'Vincent Larivière'])
    expect(record!.authors).toHaveLength(9)
    expect(record!.citationCount).toBeGreaterThan(0)
    expect(record!.references).toHaveLength(45)
    expect(record!.references.every((r) => /^W\d+$/.test(r))).toBe(true)
    expect(result.issues).toEqual([])
  })

  it('believes the printed name when OpenAlex links an authorship to someone else, and says so', () => {
    const result = parseOpenAlex(readFixture('openalex/works_list_per_page2.json'), ctx)
    const conflated = result.records.find((r) => r.key === 'W4392145873')!
    expect(conflated.authors.slice(0, 5)).toEqual([
      'Matar Ndiaye',
      'Laurent Lespez',
      'Chantal Tribolo',
      'Michel Rasse',
      'Irka Hadjas',
    ])
    expect(result.issues.filter((i) => i.field === 'authorships')).toHaveLength(4)
    // The four linked ids are of the other people, so none is kept for the printed authors (the rest have none).
    expect(conflated.raw['authorIds']).toBeUndefined()
    const linked = result.records.find((r) => Array.isArray(r.raw['authorIds']))!
    expect(linked.raw['authorIds']).toHaveLength(linked.authors.length)
    expect(result.issues[0]!.message).toContain(
      'linked to "Melissa Ochoa Frias" but the paper prints "Ndiaye, Matar"',
    )
    const globocan = result.records.find((r) => r.key === 'W4393935425')!
    expect(globocan.references).toHaveLength(187)
    expect(globocan.ids).toEqual({ openalex: 'W4393935425', doi: '10.3322/caac.21834', pmid: '38572751' })
  })

  it('rebuilds text from sparse or odd inverted indexes without trusting positions', () => {
    expect(abstractFromInvertedIndex({ nets: [2], Deep: [0], learning: [1, 3] })).toBe(
      'Deep learning nets learning',
    )
    expect(abstractFromInvertedIndex({ far: [1_000_000_000], near: [0] })).toBe('near far')
    expect(abstractFromInvertedIndex({ bad: ['x', -1, 1.5] })).toBeNull()
    expect(abstractFromInvertedIndex(null)).toBeNull()
  })
})

/** The recorded work W2741809807 with some of its fields replaced. */
function editedWork(edit: (work: Record<string, unknown>) => void): string {
  const work = JSON.parse(readFixture('openalex/work_W2741809807.json')) as Record<string, unknown>
  edit(work)
  return JSON.stringify(work)
}

describe('parseOpenAlex text as OpenAlex writes it', () => {
  it('decodes HTML entities and strips markup in titles, abstracts and names, keeping a < that is no tag', () => {
    const payload = editedWork((work) => {
      work['title'] = 'Caf&eacute; &amp; Cr&#232;me: <i>in vivo</i> study of H<sub>2</sub>O in <scp>Sars</scp>&#x2010;CoV, where a < b and x<y'
      work['abstract_inverted_index'] = { '<b>Background</b>:': [0], 'na&iuml;ve': [1], '&lt;i&gt;': [2] }
      const [first] = work['authorships'] as Array<Record<string, Record<string, unknown>>>
      first!['author']!['display_name'] = 'Heather Pi&#119;owar'
      ;(first as Record<string, unknown>)['raw_author_name'] = 'Heather <b>Piwowar</b>'
    })
    const { records, issues } = parseOpenAlex(payload, ctx)
    expect(records[0]!.title).toBe('Café & Crème: in vivo study of H2O in Sars‐CoV, where a < b and x<y')
    expect(records[0]!.abstract).toBe('Background: naïve <i>')
    expect(records[0]!.authors[0]).toBe('Heather Piwowar')
    expect(issues).toEqual([])
  })

  it('repairs a double-encoded title or author name, with a warning naming the field', () => {
    const payload = editedWork((work) => {
      work['title'] = 'The state of OA in SÃ£o Paulo'
      const authorships = work['authorships'] as Array<Record<string, Record<string, unknown>>>
      authorships[2]!['author']!['display_name'] = 'Vincent LariviÃ¨re'
      ;(authorships[2] as Record<string, unknown>)['raw_author_name'] = 'Vincent LariviÃ¨re'
    })
    const { records, issues } = parseOpenAlex(payload, ctx)
    expect(records[0]!.title).toBe('The state of OA in São Paulo')
    expect(records[0]!.authors[2]).toBe('Vincent Larivière')
    expect(issues.map((i) => [i.field, i.code, i.message])).toEqual([
      ['title', 'ENCODING', 'openalex: W2741809807: repaired double-encoded UTF-8 in title ("The state of OA in SÃ£o Paulo" → "The state of OA in São Paulo")'],
      ['authors[2]', 'ENCODING', 'openalex: W2741809807: repaired double-encoded UTF-8 in authors[2] ("Vincent LariviÃ¨re" → "Vincent Larivière")'],
    ])
  })

  it('refuses a publication_date the calendar does not have, keeps the year and says so', () => {
    const payload = editedWork((work) => {
      work['publication_date'] = '2018-02-30'
    })
    const { records, issues } = parseOpenAlex(payload, ctx)
    expect(records[0]!.date).toBe('2018')
    expect(issues).toEqual([
      {
        severity: 'warning',
        source: ctx.input,
        field: 'publication_date',
        code: 'INVALID_VALUE',
        message: 'openalex: W2741809807 has an unreadable publication_date ("2018-02-30"); kept the publication_year 2018',
      },
    ])
  })

  it('warns when authorships is not a list instead of storing the work without authors in silence', () => {
    const payload = editedWork((work) => {
      work['authorships'] = (work['authorships'] as unknown[])[0]
    })
    const { records, issues } = parseOpenAlex(payload, ctx)
    expect(records[0]!.authors).toEqual([])
    expect(issues).toEqual([
      {
        severity: 'warning',
        source: ctx.input,
        field: 'authorships',
        code: 'INVALID_VALUE',
        message: 'openalex: W2741809807 has authorships that are not a list (an object); stored without authors',
      },
    ])
  })
})

describe('parseOpenAlex authors', () => {
  it('reads summary_stats into a profile with h-index, i10, citations and works', () => {
    const { profiles, records } = parseOpenAlex(readFixture('openalex/author_A5023888391.json'), ctx)
    expect(records).toEqual([])
    expect(profiles[0]).toMatchObject({
      source: 'openalex',
      key: 'A5023888391',
      name: 'Jason Priem',
      metrics: { hIndex: 17, i10Index: 20, citations: 3890, papers: 62 },
      ids: { openalex: 'A5023888391', orcid: '0000-0001-6187-6610', scopus: '36455008000' },
      affiliations: ['OurResearch'],
    })
  })

  it('warns when a profile lists another person among its names (2026 record)', () => {
    const { profiles, issues } = parseOpenAlex(readFixture('openalex/author_A5023888391_2026.json'), ctx)
    expect(profiles[0]!.metrics).toEqual({ hIndex: 17, i10Index: 20, citations: 4269, papers: 60 })
    // No last_known_institutions in this record: the affiliation with the latest year is used.
    expect(profiles[0]!.affiliations).toEqual(['OpenAlex'])
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'display_name_alternatives',
        message: expect.stringContaining('"Hemminger, Bradley M."'),
      }),
    ])
  })

  it('compares family names across orders and accents', () => {
    expect(sameFamilyName('Jevin D. West', 'Jevin West')).toBe(true)
    expect(sameFamilyName('Priem Jason', 'Jason Priem')).toBe(true)
    expect(sameFamilyName('Juan Pablo Alperín', 'Juan Pablo Alperin')).toBe(true)
    expect(sameFamilyName('Melissa Ochoa Frias', 'Ndiaye, Matar')).toBe(false)
  })
})

describe('fetchOpenAlexPages', () => {
  let server: FixtureServer
  const setup = async () => {
    server ??= await startFixtureServer()
    server.reset()
    const clock = createFakeClock()
    const http = createHttpClient({
      fetch,
      now: clock.now,
      sleep: clock.sleep,
      userAgent: 'test',
      rateLimits: { openalex: openAlexSource.rateLimit },
    })
    return { http, baseUrl: server.baseUrl, now: clock.now, logger: SILENT_LOGGER, apiKey: 'secret-key' }
  }
  beforeEach(async () => server?.reset())
  afterAll(() => server?.close())

  it('sends the filter with a publication-date watermark, the cursor and the API key, and hides the key in page URLs', async () => {
    const deps = await setup()
    server.route(
      '/works',
      { file: 'openalex/works_cursor_page1_next_cursor.json' },
      { file: 'openalex/works_cursor_page3_end_null_cursor.json' },
    )
    const feed = openAlexSource.feedSchema.parse({
      kind: 'works',
      filter: 'topics.id:T10102',
      since: '2026-01-01',
    })
    const outcome = await runSource(openAlexSource, feed, null, deps)
    const [first, second] = server.requestsTo('/works')
    expect(first!.query.get('filter')).toBe('topics.id:T10102,from_publication_date:2026-01-01')
    expect(first!.query.get('cursor')).toBe('*')
    expect(first!.query.get('api_key')).toBe('secret-key')
    expect(second!.query.get('cursor')).toBe(
      'IlsxNjA5MzcyODAwMDAwLCAnaHR0cHM6Ly9vcGVuYWxleC5vcmcvVzQzOTM5MzU0MjUnXSI=',
    )
    expect(outcome.pages.every((p) => !p.url.includes('secret-key'))).toBe(true)
    // After the last page the next run starts a week before today with a fresh cursor.
    expect(JSON.parse(outcome.pages[1]!.nextCursor)).toEqual({ since: '2026-06-05', cursor: '*' })
  })

  it('reads author profiles one request each and starts over after the last', async () => {
    const deps = await setup()
    server.route('/authors/A5023888391', { file: 'openalex/author_A5023888391.json' })
    server.route('/authors/A5048491430', {
      status: 404,
      body: '{"error":"Not found","message":"Author A5048491430 not found"}',
    })
    const feed = openAlexSource.feedSchema.parse({
      kind: 'authors',
      ids: ['https://openalex.org/A5023888391', 'A5048491430'],
    })
    const outcome = await runSource(openAlexSource, feed, null, deps)
    expect(outcome.pages).toHaveLength(2)
    expect(outcome.pages[0]!.result.profiles[0]!.metrics.hIndex).toBe(17)
    expect(JSON.parse(outcome.pages[0]!.nextCursor)).toEqual({ index: 1 })
    // A 404 is reported for its id and does not end the run; after the last id the cursor starts over.
    expect(outcome.error).toBeNull()
    expect(outcome.pages[1]!.result.issues.map((i) => [i.severity, i.message])).toEqual([
      ['rejected', 'OpenAlex has no author A5048491430'],
    ])
    expect(JSON.parse(outcome.pages[1]!.nextCursor)).toEqual({ index: 0 })
  })

  const threeAuthors = openAlexSource.feedSchema.parse({ kind: 'authors', ids: ['A5023888391', 'A999', 'A2'] })
  const notFound = { status: 404, body: '{"error":"Not Found","message":"The requested URL was not found."}' }

  it('reports an author id OpenAlex answers 404 for and goes on; a 5xx still stops with the cursor on its id', async () => {
    const deps = await setup()
    server.route('/authors/A5023888391', { file: 'openalex/author_A5023888391.json' })
    server.route('/authors/A999', notFound)
    server.route('/authors/A2', { status: 503 })

    const first = await runSource(openAlexSource, threeAuthors, null, deps)
    expect(first.pages.map((p) => p.nextCursor)).toEqual(['{"index":1}', '{"index":2}'])
    expect(first.pages[0]!.result.profiles).toHaveLength(1)
    expect(first.pages[1]!.result.issues).toEqual([
      {
        severity: 'rejected',
        source: `${server.baseUrl}/authors/A999?api_key=REDACTED`,
        field: 'ids',
        code: 'INVALID_VALUE',
        message: 'OpenAlex has no author A999',
      },
    ])
    expect(first.pages[1]!.result.entriesSeen).toBe(1)
    expect(isPaperscopeError(first.error, 'SOURCE_UNAVAILABLE')).toBe(true)

    // The next run resumes at the id that failed, not at the missing one.
    server.route('/authors/A2', { file: 'openalex/author_A5023888391_2026.json' })
    const before = server.requests.length
    const second = await runSource(openAlexSource, threeAuthors, first.pages.at(-1)!.nextCursor, deps)
    expect(second.error).toBeNull()
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/authors/A2'])
    expect(second.pages.map((p) => [p.nextCursor, p.last])).toEqual([['{"index":0}', true]])
  })

  it('goes past a missing id when a stored cursor points at it', async () => {
    const deps = await setup()
    server.route('/authors/A999', notFound)
    server.route('/authors/A2', { file: 'openalex/author_A5023888391_2026.json' })
    const outcome = await runSource(openAlexSource, threeAuthors, '{"index":1}', deps)
    expect(outcome.error).toBeNull()
    expect(server.requests.map((r) => r.path)).toEqual(['/authors/A999', '/authors/A2'])
    const rejected = outcome.pages.flatMap((p) => p.result.issues.filter((i) => i.severity === 'rejected'))
    expect(rejected.map((i) => i.message)).toEqual(['OpenAlex has no author A999'])
    expect(outcome.pages.at(-1)!.nextCursor).toBe('{"index":0}')
  })

  it('says a works run that stops at maxPages with a next cursor is capped, and one that reaches the end is not', async () => {
    const deps = await setup()
    server.route(
      '/works',
      { file: 'openalex/works_cursor_page1_next_cursor.json' },
      { file: 'openalex/works_cursor_page2_next_cursor.json' },
      { file: 'openalex/works_cursor_page3_end_null_cursor.json' },
    )
    const feed = openAlexSource.feedSchema.parse({
      kind: 'works',
      filter: 'topics.id:T10102',
      since: '2026-01-01',
      maxPages: 1,
    })
    const capped = await runSource(openAlexSource, feed, null, deps)
    expect(capped.pages).toHaveLength(1)
    expect(capped.pages[0]).toMatchObject({ last: true, capped: true })
    expect(JSON.parse(capped.pages[0]!.nextCursor)).toEqual({
      since: '2026-01-01',
      cursor: 'IlsxNjA5MzcyODAwMDAwLCAnaHR0cHM6Ly9vcGVuYWxleC5vcmcvVzQzOTM5MzU0MjUnXSI=',
    })

    const rest = await runSource(openAlexSource, { ...feed, maxPages: 2 }, capped.pages[0]!.nextCursor, deps)
    // Page 3 is the end: it reaches maxPages, but there is nothing more to read.
    expect(rest.pages.map((p) => [p.last, p.capped ?? false])).toEqual([
      [false, false],
      [true, false],
    ])
  })
})

describe('openalex feed options', () => {
  it('refuses a works feed with neither filter nor search, which would fetch every new work', () => {
    const parsed = openAlexSource.feedSchema.safeParse({ kind: 'works' })
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues.map((i) => i.message)).toEqual([
      'an openalex works feed needs a filter or a search (without either it would fetch every new work)',
    ])
    expect(openAlexSource.feedSchema.safeParse({ kind: 'works', since: '2026-01-01', maxPages: 2 }).success).toBe(
      false,
    )
  })

  it('takes a works feed with a filter, a search, or both', () => {
    for (const feed of [
      { kind: 'works', filter: 'topics.id:T10102' },
      { kind: 'works', search: 'dexterous manipulation' },
      { kind: 'works', filter: 'topics.id:T10102', search: 'citation' },
    ])
      expect(openAlexSource.feedSchema.safeParse(feed).success, JSON.stringify(feed)).toBe(true)
  })
})
