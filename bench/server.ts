/**
 * @module Server benchmarks: requests/s and p50/p99 latency of /api/v1/search under autocannon on the corpus
 * library and on a synthetic library built through the real import pipeline, and the bytes of JS the web
 * app ships. Prints figures; asserts nothing.
 */
import autocannon from 'autocannon'
import { fork } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { importFiles, importRecords } from '../src/commands/index.js'
import { openStore } from '../src/store/index.js'
import { generateRecords } from './synthetic.js'

export interface ServerBenchOptions {
  corpusDir: string
  /** Size of the synthetic library (0 skips it). */
  syntheticPapers: number
  /** Where built libraries are kept between runs (tmp/bench). */
  cacheDir: string
  /** The built web app (web/dist). */
  webDist: string
  connections?: number
  seconds?: number
  print: (line: string) => void
}

interface QuerySet {
  label: string
  queries: string[]
  /** Extra query-string parameters (filters) sent with each query. */
  extra?: string
  /** Other GET paths to load instead of searches (the feed, a topic page). */
  paths?: string[]
}

/** Queries a person might type: single words, phrases, two-word AND, a prefix as typed. */
const CORPUS_QUERIES: QuerySet[] = [
  { label: 'q=grokking', queries: ['grokking'] },
  {
    label: '10 queries in turn (words, phrases, prefixes as typed)',
    queries: ['grokking', 'neural collapse', 'double descent', 'lottery ticket', '"phase transition"', 'kernel', 'feature learning', 'information bottleneck', 'grok', 'scal'],
  },
]

/**
 * The synthetic library draws 60% of abstract words from 36 terms, so a term like "grokking" is in about two
 * thirds of all papers (the worst case: every facet counts ~66k papers); invented two-syllable words are in
 * about 10%; invented title words in about 0.2%.
 */
const SYNTHETIC_QUERIES: QuerySet[] = [
  { label: 'q=grokking (in ~66% of papers)', queries: ['grokking'] },
  { label: 'words in ~10% of papers (shipel | taru)', queries: ['shipel', 'taru'] },
  { label: 'specific words, ~100-200 papers each (kalomi | gradordor | lomine | rulofen | shiruvo)', queries: ['kalomi', 'gradordor', 'lomine', 'rulofen', 'shiruvo'] },
  { label: 'q=grokking&topic=neural-collapse (a facet clicked)', queries: ['grokking'], extra: '&topic=neural-collapse' },
  { label: 'GET /api/v1/papers?sort=recent (the home feed)', queries: [], paths: ['/api/v1/papers?sort=recent'] },
  { label: 'GET /api/v1/topics/neural-collapse (a topic page)', queries: [], paths: ['/api/v1/topics/neural-collapse'] },
  // The two whole-library reads are kept until the library changes: these rows measure the cached answer.
  { label: 'GET /api/v1/trends (the Topics page)', queries: [], paths: ['/api/v1/trends'] },
  { label: 'GET /api/v1/researchers?sort=ai_score (the Researchers page)', queries: [], paths: ['/api/v1/researchers?sort=ai_score'] },
  { label: 'GET /api/v1/researchers?topic=neural-collapse (a topic\'s researchers)', queries: [], paths: ['/api/v1/researchers?topic=neural-collapse'] },
]

/** One measured row of the server table. */
interface ServerRow {
  library: string
  label: string
  matches: string
  facets: string
  rate: number
  p50: number
  p99: number
  requests: number
  failed: number
}

/** The request the web app sends while typing (prefix on), or a plain one for single full words. */
function searchPath(q: string, prefix: boolean): string {
  return `/api/v1/search?q=${encodeURIComponent(q)}${prefix && !q.endsWith('"') ? '&prefix=true' : ''}`
}

function ms(n: number): string {
  return n < 10 ? n.toFixed(1) : String(Math.round(n))
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`
}

/** Starts the server on `dbPath` in a child process; resolves with its URL and a stop function. */
async function startChild(dbPath: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = fork(new URL('./server-child.js', import.meta.url), [dbPath], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port))
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

async function load(url: string, paths: string[], connections: number, seconds: number): Promise<Pick<ServerRow, 'rate' | 'p50' | 'p99' | 'requests' | 'failed'>> {
  // A short warm-up so prepared statements and serializers are compiled before measuring.
  const requests = paths.map((path) => ({ method: 'GET', path }))
  await autocannon({ url, connections: 2, duration: 1, timeout: 120, requests })
  await drain(url)
  const r = await autocannon({ url, connections, duration: seconds, timeout: 120, requests })
  await drain(url)
  return {
    rate: r.requests.total / seconds,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    failed: r.non2xx + r.errors + r.timeouts,
  }
}

/** What one request of each search answers: how many matches, and whether facets count all of them. */
async function describeSearches(url: string, paths: string[]): Promise<Pick<ServerRow, 'matches' | 'facets'>> {
  const bodies = await Promise.all(
    paths.map(async (path) => (await (await fetch(`${url}${path}`)).json()) as { total?: number; facetsOver?: number; facetsApproximate?: boolean }),
  )
  if (bodies.some((b) => b.total === undefined)) return { matches: '', facets: '' }
  const totals = bodies.map((b) => (b.total ?? 0).toLocaleString('en-US'))
  const approximate = bodies.filter((b) => b.facetsApproximate)
  return {
    matches: totals.length > 3 ? `${totals[0]} … ${totals.at(-1)}` : totals.join(' / '),
    facets: approximate.length === 0 ? 'all matches' : `first ${(approximate[0]!.facetsOver ?? 0).toLocaleString('en-US')} of ${approximate.length === bodies.length ? 'each' : `${approximate.length}/${bodies.length}`}`,
  }
}

/** A markdown table of the measured rows (what docs/benchmarks.md shows). */
export function printServerTable(rows: ServerRow[], print: (line: string) => void): void {
  const rate = (n: number): string => (n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US'))
  print('')
  print('| library | requests | matches | facets over | req/s | p50 ms | p99 ms | requests (non-2xx) |')
  print('| --- | --- | ---: | --- | ---: | ---: | ---: | ---: |')
  for (const r of rows) {
    print(`| ${r.library} | ${r.label.replace(/\|/g, '\\|')} | ${r.matches} | ${r.facets} | ${rate(r.rate)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.requests.toLocaleString('en-US')} (${r.failed}) |`)
  }
  print('')
}

/**
 * Waits until the server has answered everything still queued: it runs SQLite synchronously, so a health
 * check returns only after the requests in flight when autocannon stopped. Keeps runs from bleeding into each other.
 */
async function drain(url: string): Promise<void> {
  await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(600_000) })
}

/** Builds (once) the corpus library and the synthetic one, each through the real import pipeline. */
async function libraries(opts: ServerBenchOptions): Promise<Array<{ name: string; path: string; queries: QuerySet[]; note: string }>> {
  mkdirSync(opts.cacheDir, { recursive: true })
  const out: Array<{ name: string; path: string; queries: QuerySet[]; note: string }> = []

  const corpusPath = join(opts.cacheDir, 'corpus.db')
  rmSync(corpusPath, { force: true })
  rmSync(`${corpusPath}-wal`, { force: true })
  rmSync(`${corpusPath}-shm`, { force: true })
  const corpus = await openStore({ path: corpusPath })
  await importFiles(corpus, [opts.corpusDir], {})
  const corpusPapers = (await corpus.libraryStats()).papers
  await corpus.close()
  out.push({ name: `corpus (${corpusPapers} papers)`, path: corpusPath, queries: CORPUS_QUERIES, note: '' })

  if (opts.syntheticPapers > 0) {
    // -topics: the generator gives curated topics since the facet work (older caches have none).
    const path = join(opts.cacheDir, `synthetic-${opts.syntheticPapers}-topics.db`)
    let note = `cached in ${path}`
    if (!existsSync(path)) {
      const building = `${path}.building`
      for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true })
      opts.print(`building the ${opts.syntheticPapers.toLocaleString('en-US')}-paper synthetic library through importRecords (once; cached after) …`)
      const started = process.hrtime.bigint()
      const store = await openStore({ path: building })
      await importRecords(store, generateRecords(opts.syntheticPapers), [], { batchSize: 1000 })
      await store.close()
      renameSync(building, path)
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      note = `built in ${seconds.toFixed(0)} s through importRecords = ${Math.round(opts.syntheticPapers / seconds)} papers/s`
    }
    out.push({ name: `synthetic (${opts.syntheticPapers.toLocaleString('en-US')} papers)`, path, queries: SYNTHETIC_QUERIES, note })
  }
  return out
}

/** Runs the search benchmarks and prints one line per measurement. */
export async function runServerBench(opts: ServerBenchOptions): Promise<void> {
  const connections = opts.connections ?? 10
  const seconds = opts.seconds ?? 10
  opts.print(`## server: GET /api/v1/search under autocannon (${connections} connections, ${seconds} s each; rate limit off; server in its own process)`)
  const rows: ServerRow[] = []
  for (const lib of await libraries(opts)) {
    if (lib.note) opts.print(`${lib.name}: ${lib.note}`)
    const server = await startChild(lib.path)
    try {
      for (const set of lib.queries) {
        const paths =
          set.paths ?? set.queries.map((q) => searchPath(q, set.queries.length > 1 && lib.queries === CORPUS_QUERIES) + (set.extra ?? ''))
        const row: ServerRow = { library: lib.name, label: set.label, ...(await describeSearches(server.url, paths)), ...(await load(server.url, paths, connections, seconds)) }
        rows.push(row)
        opts.print(
          `${lib.name}, ${set.label}: ${row.rate < 10 ? row.rate.toFixed(1) : Math.round(row.rate)} req/s, p50 ${ms(row.p50)} ms, p99 ${ms(row.p99)} ms ` +
            `(${row.requests} requests${row.failed ? `, ${row.failed} failed` : ', all 2xx'})`,
        )
      }
    } finally {
      await server.stop()
    }
  }
  printServerTable(rows, opts.print)
  printWebSize(opts)
}

/** Bytes of the built web app: what the first page load fetches, and what loads later on demand. */
export function printWebSize(opts: Pick<ServerBenchOptions, 'webDist' | 'print'>): void {
  opts.print('## web: JS and CSS shipped to the browser (gzip -6 bytes of web/dist)')
  const index = join(opts.webDist, 'index.html')
  if (!existsSync(index)) {
    opts.print('web/dist is not built (npm run build:web); skipped')
    return
  }
  const html = readFileSync(index, 'utf8')
  const assets = join(opts.webDist, 'assets')
  let initialJs = 0
  let lazyJs = 0
  let css = 0
  for (const name of readdirSync(assets).sort()) {
    const file = join(assets, name)
    const raw = statSync(file).size
    const gz = gzipSync(readFileSync(file), { level: 6 }).length
    const initial = html.includes(`/assets/${name}`)
    if (name.endsWith('.js')) {
      if (initial) initialJs += gz
      else lazyJs += gz
    } else if (name.endsWith('.css')) css += gz
    opts.print(`  ${name}: ${kb(raw)} raw, ${kb(gz)} gzip${initial ? ' (first load)' : name.endsWith('.js') ? ' (loaded on demand)' : ''}`)
  }
  opts.print(`JS on first load: ${kb(initialJs)} gzip; chart code loaded on researcher and topic pages: ${kb(lazyJs)} gzip; CSS: ${kb(css)} gzip`)
}
