/**
 * @module The library the browser tests and screenshots run on: the real corpus (data/corpus) imported
 * through the real pipeline, plus a few records built to be hostile (markup and a script in a title,
 * LaTeX, odd Unicode), and opt-in ones for cases the corpus lacks.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { analyzeLibrary, importFiles, importRecords } from '../../../src/commands/index.js'
import { createSourceRecord, type SourceRecord } from '../../../src/core/index.js'
import { FILE_FORMATS, detectFileFormat } from '../../../src/ingest/index.js'
import { openStore, type PaperStore } from '../../../src/store/index.js'
import { REPO_ROOT } from './web-build.js'

/** A title that would run a script and inject markup if any page rendered it as HTML. */
export const SCRIPT_TITLE = 'Attention <script>window.__paperscopeXss = 1</script> Is <img src=x onerror="window.__paperscopeXss = 2"> All You Need'

/** Records no real source would send, but a hostile or broken one could. */
export function hostileRecords(): SourceRecord[] {
  const base = { source: 'e2e-fixture', fetchedAt: '2026-01-02T00:00:00.000Z' }
  return [
    createSourceRecord({
      ...base,
      key: 'script-title',
      locator: 'https://example.org/papers/script-title',
      title: SCRIPT_TITLE,
      abstract: 'A paper whose title carries <b>markup</b> and a <script>alert(1)</script> tag, for testing that Paperscope shows text as text. Grokking appears here too.',
      authors: ['Mallory <b>Evil</b> Hacker', 'Zoë Ångström-Łukasiewicz'],
      date: '2025-06-01',
      categories: ['cs.CR'],
      topics: ['Grokking'],
      keywords: ['<i>markup</i>', 'security'],
      digest: { text: 'Markup in titles: <em>must</em> show as text.', origin: 'curated' },
      url: 'javascript:alert(1)',
    }),
    createSourceRecord({
      ...base,
      key: 'latex-title',
      locator: 'e2e-fixture:latex',
      title: 'Scaling of $N \\asymp d^{2}$ features when $x < y$ & the 𝔼[loss] → 0 limit',
      abstract: 'We show that for $N \\asymp d$ the test error obeys $\\mathbb{E}[\\ell] \\le \\epsilon$ with \\textit{high probability}.',
      authors: ['Ünal Çelik'],
      date: '2024-03',
      categories: ['stat.ML'],
    }),
  ]
}

/** The title of a paper far from every topic of the library, which the classifier must leave unsorted. */
export const OFF_TOPIC_TITLE = 'Hydration and Fermentation Time in Sourdough Bread Baking'

/** A record about something else entirely (bread), as a broad feed could bring in. */
export function offTopicRecord(): SourceRecord {
  return createSourceRecord({
    source: 'e2e-fixture',
    fetchedAt: '2026-01-02T00:00:00.000Z',
    key: 'off-topic',
    locator: 'e2e-fixture:off-topic',
    title: OFF_TOPIC_TITLE,
    abstract:
      'We bake loaves from a rye starter at four hydration levels and three bulk fermentation times. Crumb openness grows with hydration, while a longer proof at room temperature gives a more sour taste and a darker crust.',
    authors: ['Dana Baker'],
    date: '2019-06',
  })
}

/**
 * Two records with counts a feed would report (the corpus captures carry none): one cited, one upvoted,
 * both about neural collapse, so that "most cited first" has something to sort.
 */
export function countedRecords(): SourceRecord[] {
  const base = { source: 'e2e-fixture', fetchedAt: '2026-01-02T00:00:00.000Z', authors: ['Mira Counts'], date: '2021-03' }
  return [
    createSourceRecord({
      ...base,
      key: 'cited',
      locator: 'e2e-fixture:cited',
      title: 'Class Means Collapse to a Simplex in the Terminal Phase of Training',
      abstract: 'Last-layer features of deep classifiers collapse to their class means, which form a simplex equiangular tight frame late in training.',
      citationCount: 120,
    }),
    createSourceRecord({
      ...base,
      key: 'upvoted',
      locator: 'e2e-fixture:upvoted',
      title: 'Neural Collapse Under Label Noise',
      abstract: 'We measure how last-layer features collapse to class means when a fraction of the training labels is wrong.',
      upvotes: 40,
    }),
  ]
}

/** Bare titles of which the corpus's vector model knows one word (`transformer`) and none (`networks` is too common to keep). */
export const BARE_TITLES = { oneWord: 'Longformer: The long-document transformer', noWord: 'Highway networks' } as const

/** Two papers known by their titles alone, as a reference list gives them: their similar papers say how little they rest on. */
export function bareTitleRecords(): SourceRecord[] {
  const base = { source: 'e2e-fixture', fetchedAt: '2026-01-02T00:00:00.000Z' }
  return [
    createSourceRecord({ ...base, key: 'bare-one-word', locator: 'e2e-fixture:bare-one-word', title: BARE_TITLES.oneWord, authors: ['Iz Beltagy'], date: '2020-04' }),
    createSourceRecord({ ...base, key: 'bare-no-word', locator: 'e2e-fixture:bare-no-word', title: BARE_TITLES.noWord, authors: ['Klaus Greff'], date: '2015-05' }),
  ]
}

/**
 * A reference list's DDPG entry with the DOI of Bengio's monograph, then Bengio's entry
 * (test/fixtures/bibtex/miscited_doi.bib): the DOI is Bengio's paper's, DDPG's record keeps it as the file gave it.
 */
export const MISCITED = {
  file: join(REPO_ROOT, 'test', 'fixtures', 'bibtex', 'miscited_doi.bib'),
  doi: '10.1561/2200000006',
  ddpg: { title: 'Continuous control with deep reinforcement learning', arxiv: '1509.02971' },
  bengio: { title: 'Learning deep architectures for AI' },
} as const

export interface TestLibrary {
  store: PaperStore
  path: string
  cleanup(): Promise<void>
}

/**
 * A temp library from the real corpus and the hostile records, with the opt-in ones `options` name.
 * @example const lib = await createCorpusLibrary(); ...; await lib.cleanup()
 */
export async function createCorpusLibrary(
  options: { hostile?: boolean; analyze?: boolean; offTopic?: boolean; counted?: boolean; miscited?: boolean; bareTitles?: boolean } = {},
): Promise<TestLibrary> {
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-e2e-'))
  const path = join(dir, 'library.db')
  const store = await openStore({ path, now: () => new Date('2026-01-02T00:00:00.000Z') })
  const asImported = { formats: FILE_FORMATS, detect: detectFileFormat, cwd: REPO_ROOT, now: () => new Date('2026-01-02T00:00:00.000Z') }
  await importFiles(store, [join(REPO_ROOT, 'data', 'corpus')], asImported)
  if (options.hostile !== false) await importRecords(store, hostileRecords())
  if (options.offTopic === true) await importRecords(store, [offTopicRecord()])
  if (options.counted === true) await importRecords(store, countedRecords())
  if (options.bareTitles === true) await importRecords(store, bareTitleRecords())
  // A file as `paperscope import refs.bib` reads it: its entries matched to the corpus's papers as an import matches.
  if (options.miscited === true) await importFiles(store, [MISCITED.file], asImported)
  // As `npm start` does: topics, key words, digests, similar papers, novelty and metrics for every paper.
  // Opt-in: about 10 s of CPU, and the route tests read only what sources said.
  if (options.analyze === true) await analyzeLibrary(store, { now: () => new Date('2026-01-02T00:00:00.000Z') })
  return {
    store,
    path,
    async cleanup() {
      await store.close().catch(() => undefined)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
