import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  createFakeClock,
  readFixture,
  startFixtureServer,
  type FixtureServer,
} from '../../../test/support/fixture-server.js'
import { SILENT_LOGGER, createHttpClient } from '../http/index.js'
import { runSource, runSourceContract } from '../source.case.test.js'
import type { SourceDeps } from '../source.js'
import { huggingFaceSource, parseHuggingFaceDaily } from './index.js'

/**
 * The recorded daily list of 2026-06-12, and the same list split into two `limit=20` pages by us (see
 * test/fixtures/SOURCES.md).
 */
describe('huggingface source contract', () => runSourceContract(huggingFaceSource))

const ctx = {
  input: 'https://huggingface.co/api/daily_papers?date=2026-06-12',
  fetchedAt: '2026-06-12T08:00:00.000Z',
}

describe('parseHuggingFaceDaily', () => {
  const { records, issues } = parseHuggingFaceDaily(
    readFixture('huggingface/daily_papers_30_items.json'),
    ctx,
  )

  it('reads arXiv ids, upvotes, the publish date and the listing date', () => {
    expect(issues).toEqual([])
    const top = records.find((r) => r.key === '2606.13681')!
    expect(top).toMatchObject({
      source: 'huggingface',
      ids: { arxiv: '2606.13681', hf: '2606.13681' },
      upvotes: 118,
      date: '2026-06-11',
      listedAt: '2026-06-12',
      url: 'https://huggingface.co/papers/2606.13681',
      locator: 'https://huggingface.co/papers/2606.13681',
    })
    expect(top.authors).toHaveLength(14)
    expect(top.raw['githubRepo']).toBe('https://github.com/Aiden0526/EvoArena')
  })

  it('keeps the AI summary as a digest written by the source model, apart from the abstract', () => {
    const [first] = records
    expect(first!.digest).toEqual({
      text: 'Large language models exhibit limited ability to correct zero-shot errors through prompting, with model performance more strongly linked to definition-specific familiarity than text-level memorization metrics.',
      origin: 'source-model',
    })
    expect(first!.abstract).toMatch(
      /^Large Language Models \(LLMs\) are increasingly used for zero-shot annotation/,
    )
    expect(first!.raw['aiSummaryModel']).toBe('Qwen/Qwen2.5-Coder-32B-Instruct')
  })

  it('lists authors in order, hidden profiles included (hiding is about the profile link, not authorship)', () => {
    const paper = records.find((r) => r.key === '2606.12575')!
    expect(paper.authors).toContain('Dengyang Jiang')
    expect(paper.authors).toHaveLength(10)
    expect(records[0]!.authors).toEqual(['Etienne Casanova', 'Rafal Kocielnik', 'R. Michael Alvarez'])
  })

  it('reads an empty day as nothing, and a bare paper object as one record', () => {
    expect(parseHuggingFaceDaily('[]', ctx)).toEqual({
      records: [],
      profiles: [],
      issues: [],
      entriesSeen: 0,
    })
    const bare = JSON.stringify(
      (JSON.parse(readFixture('huggingface/daily_papers_30_items.json')) as Array<{ paper: unknown }>)[0]!
        .paper,
    )
    expect(parseHuggingFaceDaily(bare, ctx).records[0]!.key).toBe('2606.00467')
  })

  it('rejects an item without a paper id and goes on with the rest', () => {
    const items = JSON.parse(readFixture('huggingface/daily_papers_2026-06-12_limit20_p1.json')) as unknown[]
    const result = parseHuggingFaceDaily(JSON.stringify([{ title: 'no paper' }, ...items]), ctx)
    expect(result.records).toHaveLength(10)
    expect(result.issues).toEqual([expect.objectContaining({ severity: 'rejected', field: 'paper.id' })])
    expect(result.entriesSeen).toBe(11)
  })
})

/** The first recorded daily paper (2606.00467) with its paper object edited, as a one-item list. */
function editedPaper(edit: (paper: Record<string, unknown>) => void): string {
  const [item] = JSON.parse(readFixture('huggingface/daily_papers_30_items.json')) as Array<{
    paper: Record<string, unknown>
  }>
  edit(item!.paper)
  return JSON.stringify([item])
}

describe('parseHuggingFaceDaily text and fields as given', () => {
  it('decodes HTML entities and strips markup in titles, abstracts and author names', () => {
    const payload = editedPaper((paper) => {
      paper['title'] = 'Caf&eacute; &amp; <b>bold</b> Cr&#232;me, where a < b'
      paper['summary'] = 'We study <i>x</i>&#x2013;<sub>2</sub> na&iuml;vely.'
      ;(paper['authors'] as Array<Record<string, unknown>>)[0]!['name'] = '&Eacute;tienne Casanova'
    })
    const { records, issues } = parseHuggingFaceDaily(payload, ctx)
    expect(records[0]).toMatchObject({
      title: 'Café & bold Crème, where a < b',
      abstract: 'We study x–2 naïvely.',
      authors: ['Étienne Casanova', 'Rafal Kocielnik', 'R. Michael Alvarez'],
    })
    expect(issues).toEqual([])
  })

  it('repairs a double-encoded author name, with a warning naming the field', () => {
    const payload = editedPaper((paper) => {
      ;(paper['authors'] as Array<Record<string, unknown>>)[1]!['name'] = 'RafaÅ Kocielnik'
    })
    const { records, issues } = parseHuggingFaceDaily(payload, ctx)
    expect(records[0]!.authors[1]).toBe('Rafał Kocielnik')
    expect(issues.map((i) => [i.severity, i.field, i.code, i.message])).toEqual([
      [
        'warning',
        'authors[1]',
        'ENCODING',
        'huggingface: 2606.00467: repaired double-encoded UTF-8 in authors[1] ("RafaÅ Kocielnik" → "Rafał Kocielnik") (item 1)',
      ],
    ])
  })

  it('warns when publishedAt is unreadable or authors is not a list, instead of dropping them in silence', () => {
    const payload = editedPaper((paper) => {
      paper['publishedAt'] = 'not a date'
      paper['authors'] = 'Etienne Casanova, Rafal Kocielnik'
    })
    const { records, issues } = parseHuggingFaceDaily(payload, ctx)
    expect(records[0]).toMatchObject({ key: '2606.00467', date: null, authors: [] })
    expect(issues).toEqual([
      {
        severity: 'warning',
        source: ctx.input,
        field: 'paper.publishedAt',
        code: 'INVALID_VALUE',
        message:
          'huggingface: 2606.00467 has an unreadable publishedAt date ("not a date"); stored without a date (item 1)',
      },
      {
        severity: 'warning',
        source: ctx.input,
        field: 'paper.authors',
        code: 'INVALID_VALUE',
        message:
          'huggingface: 2606.00467 has authors that are not a list (a string: "Etienne Casanova, Rafal Kocielnik"); stored without authors (item 1)',
      },
    ])
  })
})

describe('fetchHuggingFacePages', () => {
  let server: FixtureServer
  let deps: SourceDeps
  beforeAll(async () => {
    server = await startFixtureServer()
  })
  afterAll(() => server.close())
  beforeEach(() => {
    server.reset()
    const clock = createFakeClock(Date.UTC(2026, 5, 12, 15))
    deps = {
      http: createHttpClient({
        fetch,
        now: clock.now,
        sleep: clock.sleep,
        userAgent: 'test',
        rateLimits: {},
      }),
      baseUrl: `${server.baseUrl}/api`,
      now: clock.now,
      logger: SILENT_LOGGER,
    }
  })

  it('walks day by day to today, through empty days, and leaves the cursor a few days back for fresh upvotes', async () => {
    server.route('/api/daily_papers', { body: '[]' })
    server.route('/api/daily_papers?date=2026-06-12', { file: 'huggingface/daily_papers_30_items.json' })
    const feed = huggingFaceSource.feedSchema.parse({ since: '2026-06-10' })
    const outcome = await runSource(huggingFaceSource, feed, null, deps)
    expect(
      server.requests.map(
        (r) => `${r.query.get('date')} p=${r.query.get('p')} limit=${r.query.get('limit')}`,
      ),
    ).toEqual(['2026-06-10 p=0 limit=100', '2026-06-11 p=0 limit=100', '2026-06-12 p=0 limit=100'])
    expect(outcome.records).toHaveLength(30)
    expect(outcome.pages.map((p) => p.last)).toEqual([false, false, true])
    expect(JSON.parse(outcome.pages[2]!.nextCursor)).toEqual({ date: '2026-06-10', page: 0 })
  })
})
