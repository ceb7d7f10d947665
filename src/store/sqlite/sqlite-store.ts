/**
 * @module The SQLite implementation of the store: one file, WAL, FTS5 with bm25 field weights.
 * All SQL of the application lives here and in migrations.ts.
 */
import type {
  Author,
  AuthorProfileRecord,
  CoAuthor,
  ExternalIdKind,
  Paper,
  PaperWithSources,
  SourceRecord,
  StoredSourceRecord,
  Topic,
} from '../../core/index.js'
import { foldedKeyword, foldText, hyphenatedSpelling, PaperscopeError, recordWorkType, SearchRefusedError, slugText } from '../../core/index.js'
import {
  authorProfileRowToProfile,
  paperRowToPaper,
  sourceRecordRowToRecord,
  type AuthorProfileRow,
  type AuthorshipRow,
  type PaperKeywordRow,
  type PaperParts,
  type PaperRow,
  type PaperTopicRow,
  type SourceRecordRow,
} from '../rows.js'
import type {
  AuthorCandidate,
  AuthorDetail,
  BibtexCiteLabel,
  CandidatePaper,
  CandidateQuery,
  CiteKeyInput,
  FacetCount,
  KeywordSpelling,
  LibraryStats,
  NewAuthor,
  Page,
  PaperListQuery,
  PaperStore,
  PaperWrite,
  PaperWriter,
  SearchQuery,
  SearchResult,
  StoredRecordRef,
  TopicDetail,
  TopicYearCounts,
} from '../store.js'
import { cachedUntilChange, cachedUntilChangeBy, frozenRows, statementCache, type SqliteDatabase, type SqliteStatement } from './database.js'
import { applyMigrations, LISTED_COLUMNS } from './migrations.js'
import { SqliteAnalysisStore } from './analysis-store.js'
import {
  buildAllWordsQuery,
  buildAnyWordQuery,
  readMatchQuery,
  type MatchQuery,
  buildTitlePhraseQuery,
  indexWords,
  MATCH_END,
  MATCH_START,
  splitMarked,
} from './fts-query.js'

/** bm25 column weights for title, keywords, abstract, authors: title > keywords > abstract > authors. */
export const FTS_WEIGHTS = [10, 5, 2, 1] as const
/** What a match of every word in the title, then of them as one phrase, multiplies a paper's bm25 score by. */
const TITLE_MATCH_BOOST = 2
const TITLE_PHRASE_BOOST = 1.5
const DEFAULT_LIMIT = 20
/** See rarestTitleWords. */
const MAX_CANDIDATE_WORD_PAPERS = 100
const MAX_LIMIT = 200
/** Between a paper's curated key words in the search index's key-word column (written and read back). */
const FTS_KEYWORD_SEPARATOR = '; '
/**
 * Search facets count every match up to this many, and the best-ranked this many beyond: on a 100k library
 * a word in most papers would otherwise spend ~1 s counting topics and sources (docs/benchmarks.md).
 */
export const FACET_CAP = 2000

function clampLimit(limit: number | undefined): number {
  return Math.min(Math.max(1, Math.trunc(limit ?? DEFAULT_LIMIT)), MAX_LIMIT)
}

/**
 * The words of an author query, folded as name keys are (core foldText): accents dropped, lower case; dots,
 * hyphens and commas separate words as they do in names.
 */
function authorQueryWords(query: string): string[] {
  return foldText(query)
    .split(/[\s.,-]+/)
    .filter(Boolean)
}

/** Most words a name has; a longer query is cut, so a pasted paragraph cannot cost a scan per word. */
const MAX_AUTHOR_QUERY_WORDS = 6

/**
 * The name keys that match a query exactly: as typed, and `Family, Given` read as `Given Family`, with the words
 * each query word is folded to.
 */
function exactAuthorKeys(query: string): string[] {
  const [before = '', after] = query.split(',', 2)
  const keys = [authorQueryWords(query).join(' ')]
  if (after !== undefined) keys.push([...authorQueryWords(after), ...authorQueryWords(before)].join(' '))
  return keys
}

/** `text` as a literal inside a LIKE pattern with ESCAPE '\\'. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&')
}

/**
 * An author query as SQL: `everyWord(column)` is one LIKE per word, so every word must be in a name, in any
 * order (`Saxe, Andrew` finds Andrew M. Saxe), each bound to its word in `escaped`. Null for a query without
 * words. Each word is a pass over every name: the same word twice is one, and a name has only so many words.
 */
function authorQueryMatch(query: string): { everyWord(column: string): string; escaped: string[] } | null {
  const words = [...new Set(authorQueryWords(query))].slice(0, MAX_AUTHOR_QUERY_WORDS)
  if (words.length === 0) return null
  return { everyWord: (column) => words.map(() => `${column} LIKE ? ESCAPE '\\'`).join(' AND '), escaped: words.map(escapeLike) }
}


/** A tiny FIFO lock: better-sqlite3 is synchronous, but a transaction spans awaits in the caller. */
class Mutex {
  private tail: Promise<void> = Promise.resolve()
  async run<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.tail
    let release!: () => void
    this.tail = new Promise<void>((resolve) => (release = resolve))
    await previous
    try {
      return await work()
    } finally {
      release()
    }
  }
}

export interface SqlitePaperStoreOptions {
  /** Clock for created/updated stamps; tests pass a fixed one. */
  now?: () => Date
  location?: string
  /** Facets count at most this many matches, the best-ranked (default FACET_CAP). */
  facetCap?: number
}

/** Other authors up to which {@link SqlitePaperStore.filterCoAuthored} looks each one up rather than reading every co-author. */
const CO_AUTHOR_LOOKUPS = 16

/**
 * The default store.
 * @example const store = SqlitePaperStore.open(openSqliteFile('data/paperscope.db'))
 */
export class SqlitePaperStore implements PaperStore, PaperWriter {
  readonly dialect = 'sqlite' as const
  readonly location: string
  readonly analysis: SqliteAnalysisStore
  private readonly prepared: (sql: string) => SqliteStatement
  private readonly mutex = new Mutex()
  private readonly now: () => Date
  private readonly facetCap: number
  private searchTablesReady = false

  private constructor(
    private readonly db: SqliteDatabase,
    options: SqlitePaperStoreOptions,
  ) {
    this.prepared = statementCache(db)
    this.now = options.now ?? (() => new Date())
    this.location = options.location ?? 'sqlite'
    this.facetCap = Math.max(1, Math.trunc(options.facetCap ?? FACET_CAP))
    this.analysis = new SqliteAnalysisStore(db, (work) => this.mutex.run(work), this.now)
    this.citeLabels = cachedUntilChange(db, () => frozenRows(this.readBibtexCiteLabels()))
    this.topicYears = cachedUntilChange(db, () => {
      const counts = this.readTopicYearCounts()
      for (const t of counts.topics) frozenRows(t.perYear)
      return Object.freeze({ topics: frozenRows(counts.topics), sortedPerYear: frozenRows(counts.sortedPerYear) })
    })
    this.topics = cachedUntilChange(db, () => frozenRows(this.readTopics()))
    this.keywordSpellings = cachedUntilChange(db, () =>
      frozenRows(this.all<{ keyword: string }>('SELECT DISTINCT keyword FROM paper_keywords').map((r) => ({ keyword: r.keyword, folded: foldedKeyword(r.keyword) }))),
    )
    this.topicDetails = cachedUntilChangeBy(db, (id: string) => {
      const topic = this.readTopic(id)
      return topic && Object.freeze({ ...topic, perYear: frozenRows([...topic.perYear]) })
    })
    // Kept as a map nobody changes (the type says so); an empty one (no such topic) is not kept.
    this.topicPapersByAuthor = cachedUntilChangeBy(db, (id: string) => {
      const counts = this.readTopicPapersByAuthor(id)
      return counts.size === 0 ? null : counts
    })
  }

  /** Whole-library reads kept until the library changes. */
  private readonly citeLabels: () => readonly Readonly<BibtexCiteLabel>[]
  private readonly topicYears: () => Readonly<TopicYearCounts>
  private readonly topics: () => ReadonlyArray<Readonly<Topic>>
  private readonly keywordSpellings: () => ReadonlyArray<Readonly<KeywordSpelling>>
  /** A topic page's counts, and its papers per author (20 ms on a library of 100k papers), per topic. */
  private readonly topicDetails: (id: string) => Readonly<TopicDetail> | null
  private readonly topicPapersByAuthor: (id: string) => ReadonlyMap<string, number> | null

  /** Wraps an open database, applying pending migrations first. */
  static open(db: SqliteDatabase, options: SqlitePaperStoreOptions = {}): SqlitePaperStore {
    applyMigrations(db)
    return new SqlitePaperStore(db, options)
  }

  private stmt(sql: string): SqliteStatement {
    return this.prepared(sql)
  }

  private all<T>(sql: string, ...params: unknown[]): T[] {
    return this.stmt(sql).all(...params) as T[]
  }

  private get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.stmt(sql).get(...params) as T | undefined
  }

  async transaction<T>(work: (tx: PaperWriter) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      this.db.exec('BEGIN IMMEDIATE')
      try {
        const result = await work(this)
        this.db.exec('COMMIT')
        return result
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK')
        throw err
      }
    })
  }

  async close(): Promise<void> {
    this.db.close()
  }

  // ---- papers -------------------------------------------------------------------------------------

  private loadParts(ids: string[]): Map<string, PaperParts> {
    const parts = new Map<string, PaperParts>(ids.map((id) => [id, { authors: [], topics: [], keywords: [] }]))
    if (ids.length === 0) return parts
    const json = JSON.stringify(ids)
    for (const a of this.all<AuthorshipRow>(
      'SELECT paper_id, author_id, position, name FROM authorships WHERE paper_id IN (SELECT value FROM json_each(?))',
      json,
    ))
      parts.get(a.paper_id)?.authors.push(a)
    for (const t of this.all<PaperTopicRow>(
      `SELECT pt.paper_id, pt.topic_id, t.label, pt.origin, pt.confidence FROM paper_topics pt
       JOIN topics t ON t.id = pt.topic_id WHERE pt.paper_id IN (SELECT value FROM json_each(?))
       ORDER BY pt.position, pt.topic_id`,
      json,
    ))
      parts.get(t.paper_id)?.topics.push(t)
    for (const k of this.all<PaperKeywordRow>(
      'SELECT paper_id, keyword, origin, rank FROM paper_keywords WHERE paper_id IN (SELECT value FROM json_each(?))',
      json,
    ))
      parts.get(k.paper_id)?.keywords.push(k)
    return parts
  }

  private rowsToPapers(rows: PaperRow[]): Paper[] {
    const parts = this.loadParts(rows.map((r) => r.id))
    // A generated digest shows only where no source gave one (analysis-store.ts keeps it apart).
    const generated = this.analysis.generatedDigests(rows.filter((r) => !r.digest).map((r) => r.id))
    return rows.map((r) => paperRowToPaper(r, { ...parts.get(r.id)!, generatedDigest: generated.get(r.id) ?? null }))
  }

  async getPapers(ids: string[]): Promise<Paper[]> {
    const rows = this.all<PaperRow>('SELECT * FROM papers WHERE id IN (SELECT value FROM json_each(?))', JSON.stringify(ids))
    const byId = new Map(this.rowsToPapers(rows).map((p) => [p.id, p]))
    return ids.map((id) => byId.get(id)).filter((p): p is Paper => p !== undefined)
  }

  async getPaper(id: string): Promise<PaperWithSources | null> {
    const row = this.get<PaperRow>('SELECT * FROM papers WHERE id = ?', id)
    if (!row) return null
    const [paper] = this.rowsToPapers([row])
    const sources = this.all<SourceRecordRow>(
      'SELECT id, source, key, paper_id, content_hash, match_reason, record FROM source_records WHERE paper_id = ? ORDER BY id',
      id,
    ).map(sourceRecordRowToRecord)
    return { ...paper!, sources }
  }

  async findPaperIdByExternalId(kind: ExternalIdKind, value: string): Promise<string | null> {
    return this.get<{ paper_id: string }>('SELECT paper_id FROM paper_external_ids WHERE kind = ? AND value = ?', kind, value)
      ?.paper_id ?? null
  }

  async listExternalIdsOf(paperId: string): Promise<Array<{ kind: ExternalIdKind; value: string }>> {
    return this.all<{ kind: ExternalIdKind; value: string }>(
      'SELECT kind, value FROM paper_external_ids WHERE paper_id = ? ORDER BY kind, value',
      paperId,
    )
  }

  async listPapersGivingId(kind: ExternalIdKind, value: string): Promise<string[]> {
    return this.all<{ paper_id: string }>(
      `SELECT DISTINCT r.paper_id FROM record_external_ids x JOIN source_records r ON r.id = x.record_id
       JOIN papers p ON p.id = r.paper_id WHERE x.kind = ? AND x.value = ? ORDER BY r.paper_id`,
      kind,
      value,
    ).map((r) => r.paper_id)
  }

  async listCiteKeyInputs(years: ReadonlyArray<number | null>): Promise<CiteKeyInput[]> {
    const dated = [...new Set(years.filter((y): y is number => y !== null))]
    const where = [
      ...(dated.length ? [`p.year IN (${dated.map(() => '?').join(', ')})`] : []),
      ...(years.includes(null) ? ['p.year IS NULL'] : []),
    ]
    if (where.length === 0) return []
    const rows = this.all<{ id: string; title: string; title_derived: number; date: string | null; created_at: string; rowid: number; author_id: string | null; name: string | null }>(
      `SELECT p.id, p.title, p.title_derived, p.date, p.created_at, p.rowid, a.author_id, a.name
       FROM papers p LEFT JOIN authorships a ON a.paper_id = p.id
         AND a.position = (SELECT min(position) FROM authorships WHERE paper_id = p.id AND position IS NOT NULL)
       WHERE ${where.join(' OR ')}`,
      ...dated,
    )
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      titleDerived: r.title_derived === 1,
      date: r.date,
      firstAuthorId: r.author_id,
      firstAuthorName: r.name,
      // Papers saved in the same millisecond keep the order they were written in.
      entered: `${r.created_at}#${String(r.rowid).padStart(12, '0')}`,
    }))
  }

  async listBibtexCiteLabels(): Promise<readonly Readonly<BibtexCiteLabel>[]> {
    // Read again only when the library changed: every BibTeX download asks for them, and on a library of 100k
    // BibTeX records the read takes about half a second.
    return this.citeLabels()
  }

  private readBibtexCiteLabels(): BibtexCiteLabel[] {
    // A BibTeX record's key is `<file>#<label>` (src/core's fileEntryKey). When the key has another `#` (in the
    // file's path, or in the label), the record's own copy of the label says which part it is; only then is the
    // record itself read.
    const rows = this.all<{ id: number; paper_id: string; key: string; citation_key: unknown }>(
      `SELECT id, paper_id, key,
         CASE WHEN instr(substr(key, instr(key, '#') + 1), '#') > 0 THEN json_extract(record, '$.raw.citationKey') END AS citation_key
       FROM source_records WHERE source = 'bibtex' ORDER BY id`,
    )
    const labels: BibtexCiteLabel[] = []
    const seen = new Set<string>()
    for (const row of rows) {
      if (seen.has(row.paper_id)) continue
      seen.add(row.paper_id)
      const hashes = row.key.split('#').length - 1
      const label =
        hashes <= 1
          ? row.key.slice(row.key.indexOf('#') + 1)
          : typeof row.citation_key === 'string' && row.key.endsWith(`#${row.citation_key}`)
            ? row.citation_key
            : null
      labels.push({ paperId: row.paper_id, label })
    }
    // Keys held since a removal (see holdCiteKey) come after every record's, as they were claimed last.
    for (const row of this.all<{ paper_id: string; key: string }>('SELECT paper_id, key FROM held_cite_keys ORDER BY held_at, rowid')) {
      if (seen.has(row.paper_id)) continue
      seen.add(row.paper_id)
      labels.push({ paperId: row.paper_id, label: row.key })
    }
    return labels
  }

  async findAuthorIdByFormerId(formerId: string): Promise<string | null> {
    return this.get<{ author_id: string }>('SELECT author_id FROM author_aliases WHERE former_id = ?', formerId)?.author_id ?? null
  }

  async findPaperIdByFormerId(formerId: string): Promise<string | null> {
    return this.get<{ paper_id: string }>('SELECT paper_id FROM paper_aliases WHERE former_id = ?', formerId)?.paper_id ?? null
  }

  async listPapers(query: PaperListQuery = {}): Promise<Page<Paper>> {
    const limit = clampLimit(query.limit)
    const offset = Math.max(0, Math.trunc(query.offset ?? 0))
    const { where, params } = this.paperFilters(query)
    const order = {
      recent: 'coalesce(p.date, p.listed_at) DESC NULLS LAST, p.id',
      // Hacker-News-style decay: votes (plus one for being listed) over age in days since listing. A paper a page
      // listed with neither date nor votes has no score and follows, page by page in each page's order (then
      // entries with no line, as an API gives them).
      trending: `CASE WHEN p.listed_at IS NULL AND p.upvotes IS NULL THEN NULL
        ELSE (coalesce(p.upvotes, 0) + 1.0) / power(max(julianday(?) - julianday(coalesce(p.listed_at, p.date)), 0) + 2.0, 1.5) END DESC NULLS LAST,
        p.listing_line IS NULL, p.listing_file, p.listing_line, p.id`,
      cited: 'p.citation_count DESC NULLS LAST, p.id',
      title: 'p.title COLLATE NOCASE, p.id',
    }[query.sort ?? 'recent']
    const trendingFilter = query.sort === 'trending' ? ' AND p.listed = 1' : ''
    const orderParams = query.sort === 'trending' ? [this.now().toISOString().slice(0, 10)] : []
    const counted = this.paperFilters(query, 'in')
    const total = this.get<{ n: number }>(`SELECT count(*) AS n FROM papers p WHERE ${counted.where}${trendingFilter}`, ...counted.params)!.n
    const rows = this.all<PaperRow>(
      `SELECT p.* FROM papers p WHERE ${where}${trendingFilter} ORDER BY ${order} LIMIT ? OFFSET ?`,
      ...params,
      ...orderParams,
      limit,
      offset,
    )
    return { items: this.rowsToPapers(rows), total, limit, offset }
  }

  private paperFilters(q: {
    topic?: string
    year?: number
    yearFrom?: number
    yearTo?: number
    source?: string
    authorId?: string
    category?: string
    keywords?: readonly string[]
  }, form: 'exists' | 'in' = 'exists'): { where: string; params: unknown[] } {
    // EXISTS lets a sorted page walk an order index and stop after a page; IN lets a count start from the
    // filter's own index (a topic's 4k papers instead of 100k probes). Same rows either way.
    const related = (table: string, column: string): string =>
      form === 'in'
        ? `p.id IN (SELECT x.paper_id FROM ${table} x WHERE x.${column} = ?)`
        : `EXISTS (SELECT 1 FROM ${table} x WHERE x.paper_id = p.id AND x.${column} = ?)`
    const clauses = ['1 = 1']
    const params: unknown[] = []
    if (q.topic !== undefined) {
      clauses.push(related('paper_topics', 'topic_id'))
      params.push(q.topic)
    }
    if (q.year !== undefined) {
      clauses.push('p.year = ?')
      params.push(q.year)
    }
    if (q.yearFrom !== undefined) {
      clauses.push('p.year >= ?')
      params.push(q.yearFrom)
    }
    if (q.yearTo !== undefined) {
      clauses.push('p.year <= ?')
      params.push(q.yearTo)
    }
    if (q.source !== undefined) {
      clauses.push(related('source_records', 'source'))
      params.push(q.source)
    }
    if (q.authorId !== undefined) {
      clauses.push(related('authorships', 'author_id'))
      params.push(q.authorId)
    }
    if (q.category !== undefined) {
      // In any case: `cs.lg` is a reader's `cs.LG`, as a topic label is taken in any case.
      clauses.push('EXISTS (SELECT 1 FROM json_each(p.categories) c WHERE c.value = ? COLLATE NOCASE)')
      params.push(q.category)
    }
    if (q.keywords !== undefined && q.keywords.length === 0) {
      // No spelling: nothing matches (and no scan to find that out).
      clauses.push('0 = 1')
    } else if (q.keywords !== undefined) {
      const spellings = 'SELECT value FROM json_each(?)'
      clauses.push(
        form === 'in'
          ? `p.id IN (SELECT x.paper_id FROM paper_keywords x WHERE x.keyword IN (${spellings}))`
          : `EXISTS (SELECT 1 FROM paper_keywords x WHERE x.paper_id = p.id AND x.keyword IN (${spellings}))`,
      )
      params.push(JSON.stringify(q.keywords))
    }
    return { where: clauses.join(' AND '), params }
  }

  /**
   * One search runs the FTS match once: every match goes into a temp table with its bm25 score, then the
   * total, the page and the facets read that table. The page and the facet scope are ordered by (score, id)
   * exactly as one ORDER BY would; highlights and snippets are made for the page's rows only. Facets count
   * every match up to `facetCap`, and the best-ranked `facetCap` beyond it (`facetsApproximate`): counting
   * topics and sources for 60k matches costs far more than the ranking itself (see docs/benchmarks.md).
   */
  async searchPapers(query: SearchQuery): Promise<SearchResult> {
    const match = readMatchQuery(query.text, { prefix: query.prefix ?? false })
    // Both read as no words to the CLI; the reason tells only spaces apart, which the API calls an empty `q`.
    if (match === null) throw new SearchRefusedError(query.text.trim() ? 'no-words' : 'empty', 'the query has no words to search for')
    // One read transaction: the total, the page and the facets see the same snapshot, and the scratch
    // writes share one journal instead of one per statement.
    if (this.db.inTransaction) return this.searchNow(query, match)
    this.db.exec('BEGIN')
    try {
      return this.searchNow(query, match)
    } finally {
      this.db.exec('COMMIT')
    }
  }

  private searchNow(query: SearchQuery, { fts, terms }: MatchQuery): SearchResult {
    const limit = clampLimit(query.limit)
    const offset = Math.max(0, Math.trunc(query.offset ?? 0))
    const { where, params } = this.paperFilters(query)
    const weights = FTS_WEIGHTS.join(', ')
    this.ensureSearchTables()
    this.stmt('DELETE FROM temp.search_hits').run()
    this.stmt('DELETE FROM temp.search_scope').run()
    // Without filters the match needs no join: papers are read only for the rows kept below. A topic, source
    // or author filter is a set of rowids read from its own index first (the `+` keeps FTS5 from seeking each
    // rowid, which takes minutes); year and category alone are checked on each matching paper.
    const selective = query.topic !== undefined || query.source !== undefined || query.authorId !== undefined
    const filtered = selective ? this.paperFilters(query, 'in') : { where, params }
    this.stmt(
      params.length === 0
        ? `INSERT INTO temp.search_hits (rid, score) SELECT rowid, bm25(papers_fts, ${weights}) FROM papers_fts WHERE papers_fts MATCH ?`
        : selective
          ? `INSERT INTO temp.search_hits (rid, score)
             SELECT rowid, bm25(papers_fts, ${weights}) FROM papers_fts
             WHERE papers_fts MATCH ? AND +rowid IN (SELECT p.rowid FROM papers p WHERE ${filtered.where})`
          : `INSERT INTO temp.search_hits (rid, score)
             SELECT papers_fts.rowid, bm25(papers_fts, ${weights}) FROM papers_fts JOIN papers p ON p.rowid = papers_fts.rowid
             WHERE papers_fts MATCH ? AND ${where}`,
    ).run(fts, ...filtered.params)
    // A paper whose title has every word counts twice: bm25 weighs a title word 10 to an abstract word's 2, but
    // a long abstract repeating the words still outranked a title that is the query (`feature learning` put
    // `Feature Learning in Infinite-Width Neural Networks` 18th).
    const boost = this.stmt(
      `UPDATE temp.search_hits SET score = score * ? WHERE rid IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?)`,
    )
    boost.run(TITLE_MATCH_BOOST, `{title} : (${fts})`)
    // And once more when the title has them as the query writes them, side by side.
    const phrase = buildTitlePhraseQuery(query.text, { prefix: query.prefix ?? false })
    if (phrase) boost.run(TITLE_PHRASE_BOOST, phrase)
    // A paper named by its id (`2310.03789`, a DOI) need not have the id's digits in its text: it comes first.
    if (query.paperIdNamed !== undefined) {
      this.stmt(
        `INSERT OR REPLACE INTO temp.search_hits (rid, score)
         SELECT p.rowid, (SELECT coalesce(min(score), 0) - 1 FROM temp.search_hits) FROM papers p WHERE p.id = ? AND ${where}`,
      ).run(query.paperIdNamed, ...params)
    }
    const total = this.get<{ n: number }>('SELECT count(*) AS n FROM temp.search_hits')!.n
    const facetsOver = Math.min(total, this.facetCap)
    // The best `facetsOver` matches in rank order; rows tied with the last one are all read, then cut by id.
    if (facetsOver > 0) {
      this.stmt(
        `INSERT INTO temp.search_scope (pos, rid, score, id, year, categories)
         SELECT row_number() OVER (ORDER BY score, id), rid, score, id, year, categories FROM (
           SELECT h.rid, h.score, p.id, p.year, p.categories FROM temp.search_hits h CROSS JOIN papers p ON p.rowid = h.rid
           WHERE h.score <= (SELECT score FROM temp.search_hits ORDER BY score LIMIT 1 OFFSET ?)
           ORDER BY h.score, p.id LIMIT ?)`,
      ).run(facetsOver - 1, facetsOver)
    }
    const pageRows =
      offset + limit <= facetsOver
        ? this.all<{ rid: number; score: number }>(
            'SELECT rid, score FROM temp.search_scope WHERE pos > ? AND pos <= ? ORDER BY pos',
            offset,
            offset + limit,
          )
        : offset < total
          ? this.all<{ rid: number; score: number }>(
              `SELECT rid, score FROM (
                 SELECT h.rid, h.score, p.id FROM temp.search_hits h CROSS JOIN papers p ON p.rowid = h.rid
                 WHERE h.score <= (SELECT score FROM temp.search_hits ORDER BY score LIMIT 1 OFFSET ?)
               ) ORDER BY score, id LIMIT ? OFFSET ?`,
              Math.min(offset + limit, total) - 1,
              limit,
              offset,
            )
          : []
    const rids = JSON.stringify(pageRows.map((r) => r.rid))
    const byRowid = new Map(
      this.all<PaperRow & { rid: number }>('SELECT rowid AS rid, * FROM papers WHERE rowid IN (SELECT value FROM json_each(?))', rids).map(
        (r) => [r.rid, r],
      ),
    )
    const marked = new Map(
      this.all<{ rid: number; hl_title: string; hl_snippet: string; hl_keywords: string | null }>(
        `SELECT rowid AS rid, highlight(papers_fts, 0, '${MATCH_START}', '${MATCH_END}') AS hl_title,
                snippet(papers_fts, 2, '${MATCH_START}', '${MATCH_END}', '…', 32) AS hl_snippet,
                highlight(papers_fts, 1, '${MATCH_START}', '${MATCH_END}') AS hl_keywords
         FROM papers_fts WHERE papers_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
        fts,
        rids,
      ).map((r) => [r.rid, r]),
    )
    const rows = pageRows.map((r) => byRowid.get(r.rid)!)
    const papers = this.rowsToPapers(rows)
    const hits = pageRows.map((r, i) => ({
      paper: papers[i]!,
      // bm25 is lower-is-better; flip it so callers see higher-is-better.
      score: -r.score,
      title: splitMarked(marked.get(r.rid)?.hl_title ?? rows[i]!.title),
      snippet: splitMarked(marked.get(r.rid)?.hl_snippet || (rows[i]!.abstract ?? '').slice(0, 240)),
      // The key words column is the curated key words joined (indexPaper); the marked ones matched.
      matchedKeywords: (marked.get(r.rid)?.hl_keywords ?? '')
        .split(FTS_KEYWORD_SEPARATOR)
        .filter((k) => k.includes(MATCH_START))
        .map((k) => k.replaceAll(MATCH_START, '').replaceAll(MATCH_END, '')),
    }))
    const facet = (sql: string): FacetCount[] =>
      this.all<{ value: string | number; label: string | null; count: number }>(sql).map((f) => ({
        value: String(f.value),
        label: f.label ?? String(f.value),
        count: f.count,
      }))
    const facets = {
      topic: facet(
        `SELECT t.id AS value, t.label AS label, count(DISTINCT pt.paper_id) AS count FROM temp.search_scope h
         CROSS JOIN paper_topics pt ON pt.paper_id = h.id JOIN topics t ON t.id = pt.topic_id
         GROUP BY t.id ORDER BY count DESC, t.label`,
      ),
      year: facet(
        `SELECT year AS value, NULL AS label, count(*) AS count FROM temp.search_scope
         WHERE year IS NOT NULL GROUP BY year ORDER BY year DESC`,
      ),
      source: facet(
        `SELECT s.source AS value, NULL AS label, count(DISTINCT s.paper_id) AS count FROM temp.search_scope h
         CROSS JOIN source_records s ON s.paper_id = h.id GROUP BY s.source ORDER BY count DESC, s.source`,
      ),
      category: facet(
        `SELECT c.value AS value, NULL AS label, count(*) AS count FROM temp.search_scope h, json_each(h.categories) c
         GROUP BY c.value ORDER BY count DESC, c.value`,
      ),
    }
    return { items: hits, total, limit, offset, ftsQuery: fts, terms, facets, facetsOver, facetsApproximate: facetsOver < total }
  }

  /** The per-connection scratch tables of searchPapers (temp tables: never in the library file). */
  private ensureSearchTables(): void {
    if (this.searchTablesReady) return
    this.db.exec(`
      CREATE TEMP TABLE IF NOT EXISTS search_hits (rid INTEGER PRIMARY KEY, score REAL NOT NULL);
      CREATE TEMP TABLE IF NOT EXISTS search_scope (
        pos INTEGER PRIMARY KEY, rid INTEGER NOT NULL, score REAL NOT NULL, id TEXT NOT NULL, year INTEGER, categories TEXT NOT NULL
      );`)
    this.searchTablesReady = true
  }

  // ---- authors ------------------------------------------------------------------------------------

  async getAuthor(id: string): Promise<AuthorDetail | null> {
    const row = this.get<{ id: string; name: string }>('SELECT id, name FROM authors WHERE id = ?', id)
    if (!row) return null
    const variants = this.all<{ name: string }>('SELECT name FROM author_names WHERE author_id = ? ORDER BY name', id).map(
      (v) => v.name,
    )
    const paperCount = this.get<{ n: number }>('SELECT count(*) AS n FROM authorships WHERE author_id = ?', id)!.n
    const profiles = this.all<AuthorProfileRow>(
      'SELECT source, locator, fetched_at, field, metrics FROM author_profiles WHERE author_id = ? ORDER BY id',
      id,
    ).map(authorProfileRowToProfile)
    const counts = this.all<{ c: number }>(
      `SELECT p.citation_count AS c FROM authorships a JOIN papers p ON p.id = a.paper_id
       WHERE a.author_id = ? AND p.citation_count IS NOT NULL ORDER BY c DESC`,
      id,
    ).map((r) => r.c)
    return {
      id: row.id,
      name: row.name,
      nameVariants: variants,
      paperCount,
      profiles,
      sourceIds: await this.listAuthorSourceIds(id),
      // Unknown is no count, never 0 (a sum of no counts).
      citationsKnown: { papersWithCounts: counts.length, citations: counts.length ? counts.reduce((a, b) => a + b, 0) : null, counts },
    }
  }

  async listAuthorsInBlock(authorId: string): Promise<Array<AuthorCandidate & { paperCount: number }>> {
    // Every one of the block, with spellings in the same read: the caller keeps those whose names fit, so a cut
    // here would drop a namesake with few papers among many with the same initial (Wang|Y).
    return this.all<{ id: string; name: string; n: number; variants: string }>(
      `SELECT o.id, o.name, (SELECT count(*) FROM authorships WHERE author_id = o.id) AS n,
              (SELECT json_group_array(name) FROM author_names WHERE author_id = o.id) AS variants
       FROM authors a JOIN authors o ON o.block_key = a.block_key AND o.id <> a.id WHERE a.id = ? ORDER BY n DESC, o.id LIMIT 2000`,
      authorId,
    ).map((r) => ({ id: r.id, name: r.name, paperCount: r.n, variants: JSON.parse(r.variants) as string[] }))
  }

  /**
   * Authors whose name (any spelling) holds every word of `query`, best match first: the exact full name,
   * then names with each word as a whole word (a surname, a given name), then as a word's start, then
   * anywhere; the most prolific first within each. Accents, case, dots and hyphens are ignored; `%` and `_`
   * are plain characters. `offset` skips that many, for paging.
   * @example await store.findAuthors('Li') // Yuanzhi Li before Timothy Lillicrap before Surya Ganguli
   */
  async findAuthors(query: string, limit = 20, offset = 0): Promise<Author[]> {
    const match = authorQueryMatch(query)
    if (!match) return []
    const { everyWord, escaped } = match
    const [exact = '', reordered = exact] = exactAuthorKeys(query)
    const rows = this.all<{ id: string; name: string; n: number }>(
      // Ties end on the id: two people may share a name, and each page must follow one order.
      `SELECT a.id, a.name, (SELECT count(*) FROM authorships s WHERE s.author_id = a.id) AS n
       FROM (SELECT author_id, min(CASE
               WHEN name_key IN (?, ?) THEN 0
               WHEN ${everyWord("(' ' || name_key || ' ')")} THEN 1
               WHEN ${everyWord("(' ' || name_key)")} THEN 2
               ELSE 3 END) AS rank
             FROM author_names WHERE ${everyWord('name_key')} GROUP BY author_id) m
       JOIN authors a ON a.id = m.author_id
       ORDER BY m.rank, n DESC, a.name, a.id LIMIT ? OFFSET ?`,
      exact,
      reordered,
      ...escaped.map((w) => `% ${w} %`),
      ...escaped.map((w) => `% ${w}%`),
      ...escaped.map((w) => `%${w}%`),
      clampLimit(limit),
      Math.max(0, Math.trunc(offset)),
    )
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      paperCount: r.n,
      nameVariants: this.all<{ name: string }>('SELECT name FROM author_names WHERE author_id = ? ORDER BY name', r.id).map(
        (v) => v.name,
      ),
    }))
  }

  async countAuthors(query: string): Promise<number> {
    const match = authorQueryMatch(query)
    if (!match) return 0
    return this.get<{ n: number }>(
      `SELECT count(DISTINCT m.author_id) AS n FROM author_names m JOIN authors a ON a.id = m.author_id WHERE ${match.everyWord('m.name_key')}`,
      ...match.escaped.map((w) => `%${w}%`),
    )!.n
  }

  async countCoAuthors(authorId: string): Promise<number> {
    return this.get<{ n: number }>(
      `SELECT count(DISTINCT b.author_id) AS n FROM authorships a
       JOIN authorships b ON b.paper_id = a.paper_id AND b.author_id <> a.author_id WHERE a.author_id = ?`,
      authorId,
    )!.n
  }

  async listCoAuthors(authorId: string, limit = 50): Promise<CoAuthor[]> {
    return this.all<{ author_id: string; name: string; n: number }>(
      `SELECT b.author_id, au.name, count(*) AS n FROM authorships a
       JOIN authorships b ON b.paper_id = a.paper_id AND b.author_id <> a.author_id
       JOIN authors au ON au.id = b.author_id
       WHERE a.author_id = ? GROUP BY b.author_id ORDER BY n DESC, au.name LIMIT ?`,
      authorId,
      clampLimit(limit),
    ).map((r) => ({ authorId: r.author_id, name: r.name, sharedPapers: r.n }))
  }

  // ---- topics -------------------------------------------------------------------------------------

  async listTopics(): Promise<ReadonlyArray<Readonly<Topic>>> {
    // Every filter by topic resolves it through this list (6 ms a request on a library of 100k papers).
    return this.topics()
  }

  private readTopics(): Topic[] {
    return this.all<{ id: string; label: string; n: number }>(
      // A count per topic from its index range: a third of the time of one grouped join on a 100k library.
      `SELECT t.id, t.label, (SELECT count(DISTINCT pt.paper_id) FROM paper_topics pt WHERE pt.topic_id = t.id) AS n
       FROM topics t ORDER BY n DESC, t.label`,
    )
      // A topic whose last paper left (its list's section emptied) is no topic of the library any more.
      .filter((r) => r.n > 0)
      .map((r) => ({ id: r.id, label: r.label, paperCount: r.n }))
  }

  async getTopic(id: string): Promise<Readonly<TopicDetail> | null> {
    return this.topicDetails(id)
  }

  private readTopic(id: string): TopicDetail | null {
    // This topic's count only (listTopics counts every topic: tens of ms on a 100k library).
    const row = this.get<{ id: string; label: string; n: number; curated: number; predicted: number }>(
      `SELECT t.id, t.label, count(DISTINCT pt.paper_id) AS n,
              count(DISTINCT CASE WHEN pt.origin = 'curated' THEN pt.paper_id END) AS curated,
              count(DISTINCT CASE WHEN pt.origin = 'predicted' THEN pt.paper_id END) AS predicted
       FROM topics t LEFT JOIN paper_topics pt ON pt.topic_id = t.id WHERE t.id = ? GROUP BY t.id`,
      id,
    )
    if (!row || row.n === 0) return null
    const topic: Topic = { id: row.id, label: row.label, paperCount: row.n }
    const perYear = this.all<{ year: number; curated: number; predicted: number }>(
      `SELECT p.year AS year, sum(pt.origin = 'curated') AS curated, sum(pt.origin = 'predicted') AS predicted
       FROM paper_topics pt JOIN papers p ON p.id = pt.paper_id
       WHERE pt.topic_id = ? AND p.year IS NOT NULL GROUP BY p.year ORDER BY p.year`,
      id,
    )
    return { ...topic, curated: row.curated, predicted: row.predicted, perYear }
  }

  async topicYearCounts(): Promise<Readonly<TopicYearCounts>> {
    // Every topics page asks; half a second on a library of 100k papers.
    return this.topicYears()
  }

  private readTopicYearCounts(): { topics: Array<Topic & { perYear: Array<{ year: number; curated: number; predicted: number }> }>; sortedPerYear: Array<{ year: number; papers: number }> } {
    const topics = this.readTopics()
    const perYear = new Map<string, Array<{ year: number; curated: number; predicted: number }>>()
    for (const r of this.all<{ id: string; year: number; curated: number; predicted: number }>(
      `SELECT pt.topic_id AS id, p.year AS year, sum(pt.origin = 'curated') AS curated, sum(pt.origin = 'predicted') AS predicted
       FROM paper_topics pt JOIN papers p ON p.id = pt.paper_id
       WHERE p.year IS NOT NULL GROUP BY pt.topic_id, p.year ORDER BY pt.topic_id, p.year`,
    )) {
      const years = perYear.get(r.id) ?? []
      years.push({ year: r.year, curated: r.curated, predicted: r.predicted })
      perYear.set(r.id, years)
    }
    const sortedPerYear = this.all<{ year: number; papers: number }>(
      // Through the (id, year) index (migration 14): the planner's pick, the year index, reads every paper's wide row
      // for its id (0.22 s against 0.04 s on a library of 100k papers).
      `SELECT p.year AS year, count(*) AS papers FROM papers p INDEXED BY papers_id_year
       WHERE p.year IS NOT NULL AND EXISTS (SELECT 1 FROM paper_topics pt WHERE pt.paper_id = p.id)
       GROUP BY p.year ORDER BY p.year`,
    )
    return { topics: topics.map((t) => ({ ...t, perYear: perYear.get(t.id) ?? [] })), sortedPerYear }
  }

  async listKeywordSpellings(): Promise<ReadonlyArray<Readonly<KeywordSpelling>>> {
    // Every filter by key word reads it: a scan of every key word row (0.15 s on 800k) once per change.
    return this.keywordSpellings()
  }

  async listTopicKeywords(topicId: string): Promise<Array<{ paperId: string; keyword: string; origin: 'curated' | 'extracted' | 'suggested' }>> {
    return this.all<{ paper_id: string; keyword: string; origin: 'curated' | 'extracted' | 'suggested' }>(
      `SELECT DISTINCT k.paper_id, k.keyword, k.origin FROM paper_topics pt JOIN paper_keywords k ON k.paper_id = pt.paper_id
       WHERE pt.topic_id = ? ORDER BY k.paper_id, k.origin, k.rank`,
      topicId,
    ).map((r) => ({ paperId: r.paper_id, keyword: r.keyword, origin: r.origin }))
  }

  async countTopicPapersByAuthor(topicId: string): Promise<ReadonlyMap<string, number>> {
    return this.topicPapersByAuthor(topicId) ?? new Map()
  }

  private readTopicPapersByAuthor(topicId: string): Map<string, number> {
    return new Map(
      this.all<{ author_id: string; n: number }>(
        `SELECT a.author_id, count(DISTINCT a.paper_id) AS n FROM paper_topics pt
         CROSS JOIN authorships a ON a.paper_id = pt.paper_id WHERE pt.topic_id = ? GROUP BY a.author_id`,
        topicId,
      ).map((r) => [r.author_id, r.n]),
    )
  }

  // ---- stats and cursors --------------------------------------------------------------------------

  async libraryStats(): Promise<LibraryStats> {
    const n = (sql: string): number => this.get<{ n: number }>(sql)!.n
    const perSource: LibraryStats['perSource'] = {}
    for (const r of this.all<{ source: string; records: number; papers: number }>(
      'SELECT source, count(*) AS records, count(DISTINCT paper_id) AS papers FROM source_records GROUP BY source ORDER BY source',
    ))
      perSource[r.source] = { records: r.records, papers: r.papers }
    const topicCounts = this.all<LibraryStats['topicCounts'][number]>(
      `SELECT t.id, t.label,
              count(DISTINCT CASE WHEN pt.origin = 'curated' THEN pt.paper_id END) AS curated,
              count(DISTINCT CASE WHEN pt.origin = 'predicted' THEN pt.paper_id END) AS predicted,
              count(DISTINCT pt.paper_id) AS papers
       FROM topics t JOIN paper_topics pt ON pt.topic_id = t.id GROUP BY t.id ORDER BY t.label`,
    )
    const perTopic: LibraryStats['perTopic'] = {}
    for (const t of topicCounts) if (t.curated > 0) perTopic[t.label] = t.curated
    const papers = n('SELECT count(*) AS n FROM papers')
    const records = n('SELECT count(*) AS n FROM source_records')
    return {
      papers,
      authors: n('SELECT count(*) AS n FROM authors'),
      sourceRecords: records,
      authorProfiles: n('SELECT count(*) AS n FROM author_profiles'),
      candidateProfiles: n('SELECT count(*) AS n FROM author_profiles WHERE author_id IS NULL'),
      mergedPapers: n('SELECT count(*) AS n FROM papers WHERE source_count > 1'),
      multiSourcePapers: n(
        'SELECT count(*) AS n FROM (SELECT paper_id FROM source_records GROUP BY paper_id HAVING count(DISTINCT source) > 1)',
      ),
      mergedRecords: records - papers,
      perSource,
      perTopic,
      topicCounts,
      papersWithoutYear: n('SELECT count(*) AS n FROM papers WHERE year IS NULL'),
    }
  }

  async listCategories(): Promise<Array<{ category: string; papers: number }>> {
    return this.all<{ category: string; papers: number }>(
      `SELECT c.value AS category, count(DISTINCT p.id) AS papers FROM papers p, json_each(p.categories) c
       GROUP BY c.value ORDER BY papers DESC, c.value`,
    )
  }

  async getFeedCursor(feed: string): Promise<string | null> {
    return this.get<{ cursor: string | null }>('SELECT cursor FROM feed_cursors WHERE feed = ?', feed)?.cursor ?? null
  }

  async setFeedCursor(feed: string, cursor: string | null): Promise<void> {
    this.stmt(
      `INSERT INTO feed_cursors (feed, cursor, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
    ).run(feed, cursor, this.now().toISOString())
  }

  // ---- writing: records and papers ----------------------------------------------------------------

  async findSourceRecord(source: string, key: string): Promise<StoredRecordRef | null> {
    const row = this.get<{ id: number; paper_id: string; content_hash: string; read_from: string | null }>(
      'SELECT id, paper_id, content_hash, read_from FROM source_records WHERE source = ? AND key = ?',
      source,
      key,
    )
    return row ? { id: row.id, paperId: row.paper_id, contentHash: row.content_hash, readFrom: row.read_from } : null
  }

  async rekeySourceRecord(id: number, record: SourceRecord, contentHash: string, readFrom: string | null = null): Promise<void> {
    this.stmt(
      `UPDATE source_records SET key = ?, locator = ?, line = ?, fetched_at = ?, content_hash = ?, record = ?,
         read_from = coalesce(?, read_from)
       WHERE id = ? AND source = ?`,
    ).run(record.key, record.locator, record.line, record.fetchedAt, contentHash, JSON.stringify(record), readFrom, id, record.source)
    if (readFrom !== null) await this.linkRecordFile(id, readFrom)
  }

  async renameSourceRecordKey(id: number, key: string): Promise<void> {
    this.stmt('UPDATE source_records SET key = ? WHERE id = ?').run(key, id)
  }

  async noteRecordFile(id: number, readFrom: string): Promise<void> {
    this.stmt('UPDATE source_records SET read_from = ? WHERE id = ?').run(readFrom, id)
    await this.linkRecordFile(id, readFrom)
  }

  async listRecordFileLinks(recordIds: readonly number[]): Promise<Map<number, string[]>> {
    const links = new Map<number, string[]>()
    for (const row of this.all<{ record_id: number; file: string }>(
      'SELECT record_id, file FROM record_files WHERE record_id IN (SELECT value FROM json_each(?)) ORDER BY record_id, file',
      JSON.stringify(recordIds),
    ))
      links.set(row.record_id, [...(links.get(row.record_id) ?? []), row.file])
    return links
  }

  async listRecordsInOrder(afterId: number, limit: number): Promise<Array<StoredSourceRecord & { readFrom: string | null }>> {
    return this.all<SourceRecordRow & { read_from: string | null }>(
      `SELECT id, source, key, paper_id, content_hash, match_reason, record, read_from FROM source_records
       WHERE id > ? ORDER BY id LIMIT ?`,
      afterId,
      Math.max(0, Math.trunc(limit)),
    ).map((row) => ({ ...sourceRecordRowToRecord(row), readFrom: row.read_from }))
  }

  async unlinkRecordFile(recordId: number, file: string): Promise<void> {
    this.stmt('DELETE FROM record_files WHERE record_id = ? AND file = ?').run(recordId, file)
  }

  async clearLoneMatchReason(paperId: string): Promise<void> {
    this.stmt(
      `UPDATE source_records SET match_reason = NULL
       WHERE paper_id = ? AND (SELECT count(*) FROM source_records r WHERE r.paper_id = source_records.paper_id) = 1`,
    ).run(paperId)
  }

  async listFileRecords(source: string, file: string): Promise<Array<{ id: number; key: string; paperId: string }>> {
    return this.all<{ id: number; key: string; paper_id: string }>(
      `SELECT r.id, r.key, r.paper_id FROM record_files f JOIN source_records r ON r.id = f.record_id
       WHERE f.file = ? AND r.source = ? ORDER BY r.id`,
      file,
      source,
    ).map((r) => ({ id: r.id, key: r.key, paperId: r.paper_id }))
  }

  async holdCiteKey(paperId: string, key: string): Promise<void> {
    // The key is this paper's now: another paper's hold on it (one that left, or that held it before) is stale,
    // and kept it would win as the older claim (BibTeX does not tell `Key` from `key`).
    this.stmt('DELETE FROM held_cite_keys WHERE lower(key) = lower(?) AND paper_id <> ?').run(key, paperId)
    this.stmt(
      `INSERT INTO held_cite_keys (paper_id, key, held_at) VALUES (?, ?, ?)
       ON CONFLICT (paper_id) DO UPDATE SET key = excluded.key, held_at = excluded.held_at`,
    ).run(paperId, key, this.now().toISOString())
  }

  async deleteSourceRecord(id: number): Promise<void> {
    this.stmt('DELETE FROM source_records WHERE id = ?').run(id)
  }

  async listRecordFiles(paperId: string): Promise<Map<number, string | null>> {
    const rows = this.all<{ id: number; read_from: string | null }>('SELECT id, read_from FROM source_records WHERE paper_id = ?', paperId)
    return new Map(rows.map((r) => [r.id, r.read_from]))
  }

  async getSourceRecord(id: number): Promise<SourceRecord | null> {
    const row = this.get<{ record: string }>('SELECT record FROM source_records WHERE id = ?', id)
    return row ? (JSON.parse(row.record) as SourceRecord) : null
  }

  async findPaperCandidates(query: CandidateQuery): Promise<CandidatePaper[]> {
    const limit = query.limit ?? 10
    const ids = new Set<string>()
    for (const [kind, value] of Object.entries(query.ids)) {
      const id = await this.findPaperIdByExternalId(kind as ExternalIdKind, value as string)
      if (id) ids.add(id)
    }
    for (const key of query.titleKeys) {
      for (const r of this.all<{ paper_id: string }>('SELECT paper_id FROM paper_title_keys WHERE key = ? LIMIT ?', key, limit))
        ids.add(r.paper_id)
    }
    const add = (q: string | null, max: number): void => {
      if (!q) return
      for (const r of this.all<{ id: string }>(
        'SELECT p.id FROM papers_fts JOIN papers p ON p.rowid = papers_fts.rowid WHERE papers_fts MATCH ? LIMIT ?',
        q,
        max,
      ))
        ids.add(r.id)
    }
    // One rare word at a time, rarest first: each lookup reads one short posting list.
    if (query.titleText) {
      for (const word of this.rarestTitleWords(query.titleText)) {
        if (ids.size >= limit) break
        add(buildAnyWordQuery([word], 'title'), limit)
      }
    }
    if (query.abstractText) add(buildAllWordsQuery(query.abstractText, 'abstract'), limit)
    if (ids.size === 0) return []
    const json = JSON.stringify([...ids])
    const rows = this.all<Pick<PaperRow, 'id' | 'title' | 'title_derived' | 'ids' | 'year' | 'abstract'>>(
      'SELECT id, title, title_derived, ids, year, abstract FROM papers WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id',
      json,
    )
    // Every spelling from every record, so a variant in any source can vouch for the match.
    const names = new Map<string, Set<string>>()
    for (const r of this.all<{ paper_id: string; name: string }>(
      `SELECT a.paper_id, n.name FROM authorships a JOIN author_names n ON n.author_id = a.author_id
       WHERE a.paper_id IN (SELECT value FROM json_each(?))`,
      json,
    )) {
      if (!names.has(r.paper_id)) names.set(r.paper_id, new Set())
      names.get(r.paper_id)!.add(r.name)
    }
    // What kind of work each record says it is (a book and a paper of one title are two works), and each record's
    // ids (a paper's `ids` show one per kind).
    const workTypes = new Map<string, Set<string>>()
    const recordIds = new Map<string, Set<string>>()
    const venues = new Map<string, Set<string>>()
    const note = (map: Map<string, Set<string>>, paperId: string, value: string | null): void => {
      if (value === null) return
      if (!map.has(paperId)) map.set(paperId, new Set())
      map.get(paperId)!.add(value)
    }
    for (const r of this.all<{ paper_id: string; source: string; entry_type: unknown; type: unknown; ids: string | null; venue: unknown; journal: unknown; series: unknown }>(
      `SELECT paper_id, source, json_extract(record, '$.raw.entryType') AS entry_type, json_extract(record, '$.raw.type') AS type,
         json_extract(record, '$.ids') AS ids, json_extract(record, '$.venue') AS venue,
         json_extract(record, '$.raw.journal') AS journal, json_extract(record, '$.raw.series') AS series
       FROM source_records WHERE paper_id IN (SELECT value FROM json_each(?))`,
      json,
    )) {
      note(workTypes, r.paper_id, recordWorkType({ source: r.source, raw: { entryType: r.entry_type ?? undefined, type: r.type ?? undefined } }))
      note(recordIds, r.paper_id, r.ids)
      // A book-journal's name on any record says the work is a book and an article at once (library `inBookJournal`).
      for (const v of [r.venue, r.journal, r.series]) if (typeof v === 'string' && v !== '') note(venues, r.paper_id, v)
    }
    return rows.map((r) => ({
      paperId: r.id,
      title: r.title,
      titleDerived: r.title_derived === 1,
      ids: JSON.parse(r.ids) as CandidatePaper['ids'],
      year: r.year,
      abstract: r.abstract,
      authors: [...(names.get(r.id) ?? [])].sort(),
      workTypes: [...(workTypes.get(r.id) ?? [])].sort(),
      recordIds: [...(recordIds.get(r.id) ?? [])].sort().map((ids) => JSON.parse(ids) as CandidatePaper['ids']),
      venues: [...(venues.get(r.id) ?? [])].sort(),
    }))
  }

  /**
   * The title words that occur in the fewest titles. Never-seen words can't find anything, and words in
   * more than MAX_CANDIDATE_WORD_PAPERS titles would make the lookup scan much of the library: a
   * near-duplicate title shares almost all words, so its rare ones are enough to find it.
   */
  private rarestTitleWords(title: string, count = 3): string[] {
    return indexWords(title)
      .map((word) => ({ word, papers: this.get<{ papers: number }>('SELECT papers FROM title_word_counts WHERE word = ?', word)?.papers ?? 0 }))
      .filter((w) => w.papers > 0 && w.papers <= MAX_CANDIDATE_WORD_PAPERS)
      .sort((a, b) => a.papers - b.papers || (a.word < b.word ? -1 : 1))
      .slice(0, count)
      .map((w) => w.word)
  }

  async deletePaper(id: string, mergedInto: string | null): Promise<void> {
    const row = this.get<{ rowid: number; title: string }>('SELECT rowid, title FROM papers WHERE id = ?', id)
    if (!row) return
    const records = this.get<{ n: number }>('SELECT count(*) AS n FROM source_records WHERE paper_id = ?', id)!.n
    if (records > 0) throw new Error(`paper ${id} still has ${records} source records`)
    const analysed = this.get('SELECT 1 FROM paper_vectors WHERE paper_id = ?', id) !== undefined
    this.stmt('DELETE FROM papers_fts WHERE rowid = ?').run(row.rowid)
    this.countTitleWords(row.title, -1)
    // Links to it, and to the papers that became it, lead to the paper its record joined; a paper whose last
    // record left the library leads nowhere (the aliases to it go with it).
    if (mergedInto !== null) {
      this.stmt('UPDATE paper_aliases SET paper_id = ? WHERE paper_id = ?').run(mergedInto, id)
      this.stmt('INSERT OR REPLACE INTO paper_aliases (former_id, paper_id) VALUES (?, ?)').run(id, mergedInto)
    }
    // Ids, title keys, authorships, topics, key words, vectors, analysis and novelty go with it (ON DELETE CASCADE).
    this.stmt('DELETE FROM papers WHERE id = ?').run(id)
    // Readers holding the paper vectors in memory (a running server's similar-papers index) reload them, and the
    // next analysis recomputes novelty: the paper may be others' evidence, and was in their percentiles.
    if (analysed)
      this.stmt('UPDATE analysis_state SET generation = generation + 1, novelty_stale = 1, updated_at = ? WHERE id = 1').run(this.now().toISOString())
  }

  private countTitleWords(title: string, delta: 1 | -1): void {
    for (const word of indexWords(title)) {
      this.stmt(
        `INSERT INTO title_word_counts (word, papers) VALUES (?, ?)
         ON CONFLICT (word) DO UPDATE SET papers = papers + excluded.papers`,
      ).run(word, delta)
    }
  }

  async saveSourceRecord(
    record: SourceRecord,
    paperId: string,
    contentHash: string,
    matchReason: string | null,
    readFrom: string | null = null,
  ): Promise<number> {
    const result = this.stmt(
      `INSERT INTO source_records (source, key, paper_id, locator, line, fetched_at, content_hash, match_reason, record, read_from)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (source, key) DO UPDATE SET paper_id = excluded.paper_id, locator = excluded.locator,
         line = excluded.line, fetched_at = excluded.fetched_at, content_hash = excluded.content_hash,
         match_reason = CASE WHEN excluded.paper_id = source_records.paper_id
           THEN coalesce(excluded.match_reason, source_records.match_reason) ELSE excluded.match_reason END,
         record = excluded.record,
         read_from = coalesce(excluded.read_from, source_records.read_from)
       RETURNING id`,
    ).get(
      record.source,
      record.key,
      paperId,
      record.locator,
      record.line,
      record.fetchedAt,
      contentHash,
      matchReason,
      JSON.stringify(record),
      readFrom,
    ) as { id: number }
    if (readFrom !== null) await this.linkRecordFile(result.id, readFrom)
    return result.id
  }

  async linkRecordFile(recordId: number, file: string): Promise<void> {
    this.stmt('INSERT OR IGNORE INTO record_files (record_id, file) VALUES (?, ?)').run(recordId, file)
  }

  async listSourceRecords(paperId: string): Promise<Array<SourceRecord & { id: number }>> {
    return this.all<SourceRecordRow>(
      'SELECT id, source, key, paper_id, content_hash, record FROM source_records WHERE paper_id = ? ORDER BY id',
      paperId,
    ).map((row) => ({ ...(JSON.parse(row.record) as SourceRecord), id: row.id }))
  }

  async claimExternalId(kind: ExternalIdKind, value: string, paperId: string): Promise<void> {
    this.stmt(
      `INSERT INTO paper_external_ids (kind, value, paper_id) VALUES (?, ?, ?)
       ON CONFLICT (kind, value) DO UPDATE SET paper_id = excluded.paper_id`,
    ).run(kind, value, paperId)
  }

  async savePaper(paper: PaperWrite): Promise<'created' | 'updated'> {
    const now = this.now().toISOString()
    const existing = this.get<{ rowid: number; title: string }>('SELECT rowid, title FROM papers WHERE id = ?', paper.id)
    if (existing?.title !== paper.title) {
      if (existing) this.countTitleWords(existing.title, -1)
      this.countTitleWords(paper.title, 1)
    }
    const sourceCount = this.get<{ n: number }>('SELECT count(*) AS n FROM source_records WHERE paper_id = ?', paper.id)!.n
    const values = [
      paper.title,
      paper.titleDerived ? 1 : 0,
      paper.abstract,
      paper.date,
      paper.date ? Number(paper.date.slice(0, 4)) : null,
      paper.listedAt,
      JSON.stringify(paper.categories),
      paper.venue,
      JSON.stringify(paper.ids),
      paper.authorsTruncated ? 1 : 0,
      paper.digest?.text ?? null,
      paper.digest?.origin ?? null,
      paper.citationCount,
      paper.upvotes,
      paper.url,
      sourceCount,
    ]
    let rowid: number
    if (existing) {
      this.stmt(
        `UPDATE papers SET title = ?, title_derived = ?, abstract = ?, date = ?, year = ?, listed_at = ?,
           categories = ?, venue = ?, ids = ?, authors_truncated = ?, digest = ?, digest_origin = ?,
           citation_count = ?, upvotes = ?, url = ?, source_count = ?, updated_at = ? WHERE id = ?`,
      ).run(...values, now, paper.id)
      rowid = existing.rowid
    } else {
      const r = this.stmt(
        `INSERT INTO papers (title, title_derived, abstract, date, year, listed_at, categories, venue, ids,
           authors_truncated, digest, digest_origin, citation_count, upvotes, url, source_count, created_at,
           updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(...values, now, now, paper.id)
      rowid = Number(r.lastInsertRowid)
      // The id is a paper's again: it stops leading to the paper a removed one became.
      this.stmt('DELETE FROM paper_aliases WHERE former_id = ?').run(paper.id)
    }

    this.stmt(`UPDATE papers SET ${LISTED_COLUMNS} WHERE id = ?`).run(paper.id)
    if (existing) this.stmt('DELETE FROM paper_external_ids WHERE paper_id = ?').run(paper.id)
    for (const [kind, value] of Object.entries(paper.ids)) {
      // An id claimed by another paper stays with it; the matcher decides identity, not insertion order.
      this.stmt('INSERT OR IGNORE INTO paper_external_ids (kind, value, paper_id) VALUES (?, ?, ?)').run(kind, value, paper.id)
    }
    // Every id of every record finds the paper, not only the one per kind it shows (a preprint's DOI shown, the
    // journal's on another record), claimed as above.
    this.stmt(
      `INSERT OR IGNORE INTO paper_external_ids (kind, value, paper_id)
       SELECT i.key, i.value, r.paper_id FROM source_records r, json_each(r.record, '$.ids') i
       WHERE r.paper_id = ? AND i.type = 'text' ORDER BY r.id`,
    ).run(paper.id)
    if (existing) this.stmt('DELETE FROM paper_title_keys WHERE paper_id = ?').run(paper.id)
    for (const key of paper.titleKeys) this.stmt('INSERT OR IGNORE INTO paper_title_keys (key, paper_id) VALUES (?, ?)').run(key, paper.id)

    if (existing) this.stmt('DELETE FROM authorships WHERE paper_id = ?').run(paper.id)
    for (const a of paper.authors) {
      this.stmt('INSERT OR IGNORE INTO authorships (paper_id, author_id, position, name) VALUES (?, ?, ?, ?)').run(
        paper.id,
        a.authorId,
        a.position,
        a.name,
      )
    }

    // Predicted topics and key words were chosen beside the curated ones the paper had: once a person's labels
    // change they are the analysis's to redo, and until it runs (`import --no-analyze`) they would stand beside
    // (or against) the new curated ones.
    if (existing) {
      const curated = (origin: 'topics' | 'keywords'): string =>
        this.all<{ v: string }>(
          origin === 'topics'
            ? `SELECT t.label AS v FROM paper_topics pt JOIN topics t ON t.id = pt.topic_id WHERE pt.paper_id = ? AND pt.origin = 'curated' ORDER BY t.label`
            : `SELECT keyword AS v FROM paper_keywords WHERE paper_id = ? AND origin = 'curated' ORDER BY keyword`,
          paper.id,
        )
          .map((r) => r.v)
          .join('\n')
      if (curated('topics') !== [...new Set(paper.topics)].sort().join('\n'))
        this.stmt(`DELETE FROM paper_topics WHERE paper_id = ? AND origin = 'predicted'`).run(paper.id)
      if (curated('keywords') !== [...new Set(paper.keywords)].sort().join('\n'))
        this.stmt(`DELETE FROM paper_keywords WHERE paper_id = ? AND origin IN ('extracted', 'suggested')`).run(paper.id)
    }
    if (existing) this.stmt(`DELETE FROM paper_topics WHERE paper_id = ? AND origin = 'curated'`).run(paper.id)
    // In the order the records give them (merge's), which the cards show: `Vision › Detection` outermost first.
    paper.topics.forEach((label, position) =>
      this.stmt(
        `INSERT OR IGNORE INTO paper_topics (paper_id, topic_id, origin, confidence, position) VALUES (?, ?, 'curated', NULL, ?)`,
      ).run(paper.id, this.ensureTopic(label), position),
    )
    if (existing) this.stmt(`DELETE FROM paper_keywords WHERE paper_id = ? AND origin = 'curated'`).run(paper.id)
    paper.keywords.forEach((k, rank) =>
      this.stmt(`INSERT OR IGNORE INTO paper_keywords (paper_id, origin, keyword, rank) VALUES (?, 'curated', ?, ?)`).run(
        paper.id,
        k,
        rank,
      ),
    )
    this.indexPaper(rowid, paper.id, existing !== undefined)
    return existing ? 'updated' : 'created'
  }

  /**
   * Rewrites the paper's full-text row from what the sources said. Extracted key words stay out: they come
   * from the title and abstract already indexed, and indexing them would make search depend on when the
   * analysis last ran.
   */
  private indexPaper(rowid: number, paperId: string, indexed = true): void {
    const row = this.get<{ title: string; abstract: string | null; digest: string | null }>(
      'SELECT title, abstract, digest FROM papers WHERE id = ?',
      paperId,
    )!
    const keywords = this.all<{ keyword: string }>(`SELECT keyword FROM paper_keywords WHERE paper_id = ? AND origin = 'curated' ORDER BY rank`, paperId)
      .map((k) => k.keyword)
      .join(FTS_KEYWORD_SEPARATOR)
    const authors = this.all<{ name: string }>(
      `SELECT DISTINCT n.name FROM authorships a JOIN author_names n ON n.author_id = a.author_id WHERE a.paper_id = ?`,
      paperId,
    )
      .map((a) => a.name)
      .join(', ')
    // Other titles the paper goes by in its sources are searchable too (`Droplets of …: Grokking as …`).
    const otherTitles = this.all<{ title: string }>(
      `SELECT DISTINCT json_extract(record, '$.title') AS title FROM source_records
       WHERE paper_id = ? AND json_extract(record, '$.title') IS NOT NULL`,
      paperId,
    )
      .map((t) => t.title)
      .filter((t) => t !== row.title)
    const titles = [row.title, ...otherTitles].join('\n')
    const body = [row.abstract, row.digest].filter(Boolean).join('\n\n')
    if (indexed) this.stmt('DELETE FROM papers_fts WHERE rowid = ?').run(rowid)
    this.stmt('INSERT INTO papers_fts (rowid, title, keywords, abstract, authors) VALUES (?, ?, ?, ?, ?)').run(
      rowid,
      titles,
      keywords,
      body,
      authors,
    )
  }

  private ensureTopic(label: string): string {
    const found = this.get<{ id: string }>('SELECT id FROM topics WHERE label = ?', label)
    if (found) return found.id
    let id = slugText(label)
    for (let i = 2; this.get('SELECT 1 FROM topics WHERE id = ?', id); i++) id = `${slugText(label)}-${i}`
    this.stmt('INSERT INTO topics (id, label) VALUES (?, ?)').run(id, label)
    return id
  }

  // ---- writing: authors ---------------------------------------------------------------------------

  async findAuthorIdsByNameKey(nameKey: string): Promise<string[]> {
    return this.all<{ author_id: string }>(
      'SELECT DISTINCT author_id FROM author_names WHERE name_key = ? ORDER BY author_id',
      nameKey,
    ).map((r) => r.author_id)
  }

  async findAuthorsByBlockKey(blockKey: string): Promise<AuthorCandidate[]> {
    return this.all<{ id: string; name: string }>('SELECT id, name FROM authors WHERE block_key = ? ORDER BY id', blockKey).map(
      (r) => ({
        id: r.id,
        name: r.name,
        variants: this.all<{ name: string }>('SELECT name FROM author_names WHERE author_id = ?', r.id).map((v) => v.name),
      }),
    )
  }

  async hasCoAuthored(authorId: string, otherAuthorIds: string[]): Promise<boolean> {
    return (await this.filterCoAuthored([authorId], otherAuthorIds)).length > 0
  }

  async filterCoAuthored(authorIds: readonly string[], otherAuthorIds: readonly string[]): Promise<string[]> {
    if (authorIds.length === 0 || otherAuthorIds.length === 0) return []
    // A few others: look each up on every paper of the authors. Many (every co-author of a prolific person): read each
    // paper's authors once and test them against the list, which SQLite indexes once; looking up every one of them
    // on every paper is their product.
    const other = otherAuthorIds.length <= CO_AUTHOR_LOOKUPS ? 'b.author_id' : '+b.author_id'
    const found = new Set(
      this.all<{ author_id: string }>(
        `SELECT DISTINCT a.author_id FROM authorships a JOIN authorships b ON b.paper_id = a.paper_id AND b.author_id <> a.author_id
         WHERE a.author_id IN (SELECT value FROM json_each(?)) AND ${other} IN (SELECT value FROM json_each(?))`,
        JSON.stringify(authorIds),
        JSON.stringify(otherAuthorIds),
      ).map((r) => r.author_id),
    )
    return authorIds.filter((id) => found.has(id))
  }

  async createAuthor(author: NewAuthor): Promise<string> {
    const base = slugText(author.name)
    let id = base
    // Nor a joined person's former id, which still leads to the person it became.
    for (let i = 2; this.get('SELECT 1 FROM authors WHERE id = ? UNION ALL SELECT 1 FROM author_aliases WHERE former_id = ?', id, id); i++) id = `${base}-${i}`
    this.stmt('INSERT INTO authors (id, name, name_key, block_key, created_at) VALUES (?, ?, ?, ?, ?)').run(
      id,
      author.name,
      author.nameKey,
      author.blockKey,
      this.now().toISOString(),
    )
    this.stmt('INSERT OR IGNORE INTO author_names (author_id, name, name_key) VALUES (?, ?, ?)').run(id, author.name, author.nameKey)
    return id
  }

  async addAuthorNames(authorId: string, names: Array<{ name: string; nameKey: string }>): Promise<void> {
    let added = 0
    for (const n of names) {
      added += this.stmt('INSERT OR IGNORE INTO author_names (author_id, name, name_key) VALUES (?, ?, ?)').run(
        authorId,
        n.name,
        n.nameKey,
      ).changes
    }
    if (added === 0) return
    // The display name is the fullest spelling: most whole given names, then longest. A spelling with a
    // hyphenated twin counts as the twin (`Zeyuan Allen Zhu` as `Zeyuan Allen-Zhu`), which says where the
    // family name starts; counting the spaced one's `Allen` as a given name would pick the wrong family name.
    // One written in a single case (`INBAR SEROUSSI` of a journal's style) comes after any written as a name is.
    const spellings = this.all<{ name: string }>('SELECT name FROM author_names WHERE author_id = ?', authorId).map((r) => r.name)
    const best = spellings
      .map((name) => hyphenatedSpelling(name, spellings))
      .sort((a, b) => singleCase(a) - singleCase(b) || fullness(b) - fullness(a) || familyFirst(a) - familyFirst(b) || b.length - a.length || (a < b ? -1 : 1))[0]
    if (best) this.stmt('UPDATE authors SET name = ? WHERE id = ?').run(best, authorId)
  }

  async findAuthorIdsBySourceIds(sourceIds: readonly string[]): Promise<string[]> {
    if (sourceIds.length === 0) return []
    return this.all<{ author_id: string }>(
      `SELECT DISTINCT author_id FROM author_source_ids WHERE source_id IN (SELECT value FROM json_each(?))
       ORDER BY author_id`,
      JSON.stringify(sourceIds),
    ).map((r) => r.author_id)
  }

  async listPaperAuthorIds(paperId: string): Promise<string[]> {
    return this.all<{ author_id: string }>('SELECT author_id FROM authorships WHERE paper_id = ? ORDER BY position', paperId).map(
      (r) => r.author_id,
    )
  }

  async listAuthorNames(authorId: string): Promise<string[]> {
    return this.all<{ name: string }>('SELECT name FROM author_names WHERE author_id = ? ORDER BY name', authorId).map(
      (r) => r.name,
    )
  }

  async listAuthorSourceIds(authorId: string): Promise<string[]> {
    return this.all<{ source_id: string }>(
      'SELECT source_id FROM author_source_ids WHERE author_id = ? ORDER BY source_id',
      authorId,
    ).map((r) => r.source_id)
  }

  async addAuthorSourceIds(authorId: string, sourceIds: readonly string[]): Promise<void> {
    for (const id of sourceIds)
      this.stmt('INSERT OR IGNORE INTO author_source_ids (source_id, author_id) VALUES (?, ?)').run(id, authorId)
  }

  async getAuthorProfileRecord(
    source: string,
    key: string,
  ): Promise<{ profile: AuthorProfileRecord; authorId: string | null } | null> {
    const row = this.get<{ record: string; author_id: string | null }>(
      'SELECT record, author_id FROM author_profiles WHERE source = ? AND key = ?',
      source,
      key,
    )
    return row ? { profile: JSON.parse(row.record) as AuthorProfileRecord, authorId: row.author_id } : null
  }

  async saveAuthorProfile(
    profile: AuthorProfileRecord,
    authorId: string | null,
    contentHash: string,
  ): Promise<'new' | 'updated' | 'unchanged'> {
    const existing = this.get<{ content_hash: string; author_id: string | null }>(
      'SELECT content_hash, author_id FROM author_profiles WHERE source = ? AND key = ?',
      profile.source,
      profile.key,
    )
    if (existing && existing.content_hash === contentHash && existing.author_id === authorId) return 'unchanged'
    this.stmt(
      `INSERT INTO author_profiles (author_id, source, key, locator, fetched_at, field, metrics, content_hash, record)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (source, key) DO UPDATE SET author_id = excluded.author_id, locator = excluded.locator,
         fetched_at = excluded.fetched_at, field = excluded.field, metrics = excluded.metrics,
         content_hash = excluded.content_hash, record = excluded.record`,
    ).run(
      authorId,
      profile.source,
      profile.key,
      profile.locator,
      profile.fetchedAt,
      profile.field,
      JSON.stringify(profile.metrics),
      contentHash,
      JSON.stringify(profile),
    )
    return existing ? 'updated' : 'new'
  }

  async mergeAuthors(into: string, from: string): Promise<void> {
    if (into === from) return
    const shared = this.get('SELECT 1 FROM authorships a JOIN authorships b ON b.paper_id = a.paper_id WHERE a.author_id = ? AND b.author_id = ?', into, from)
    if (shared) throw new PaperscopeError('CONFLICT', `authors ${into} and ${from} share a paper and cannot be one person`)
    const names = this.all<{ name: string; name_key: string }>('SELECT name, name_key FROM author_names WHERE author_id = ?', from)
    const papers = this.all<{ paper_id: string }>('SELECT paper_id FROM authorships WHERE author_id = ?', into).map((r) => r.paper_id)
    papers.push(...this.all<{ paper_id: string }>('SELECT paper_id FROM authorships WHERE author_id = ?', from).map((r) => r.paper_id))
    this.stmt('UPDATE authorships SET author_id = ? WHERE author_id = ?').run(into, from)
    this.stmt('UPDATE author_profiles SET author_id = ? WHERE author_id = ?').run(into, from)
    this.stmt('UPDATE OR IGNORE author_source_ids SET author_id = ? WHERE author_id = ?').run(into, from)
    await this.addAuthorNames(into, names.map((n) => ({ name: n.name, nameKey: n.name_key })))
    // Links to the id that goes, and to ids that had gone into it, lead to the person it became.
    this.stmt('UPDATE author_aliases SET author_id = ? WHERE author_id = ?').run(into, from)
    this.stmt('INSERT OR REPLACE INTO author_aliases (former_id, author_id) VALUES (?, ?)').run(from, into)
    this.stmt('DELETE FROM authors WHERE id = ?').run(from)
    // Every paper of the person is found by all of the person's spellings now.
    for (const paperId of papers) {
      const row = this.get<{ rowid: number }>('SELECT rowid FROM papers WHERE id = ?', paperId)
      if (row) this.indexPaper(row.rowid, paperId)
    }
  }

  async pruneOrphanAuthors(): Promise<number> {
    return this.stmt(
      `DELETE FROM authors WHERE id NOT IN (SELECT author_id FROM authorships)
         AND id NOT IN (SELECT author_id FROM author_profiles WHERE author_id IS NOT NULL)`,
    ).run().changes
  }

  async attachCandidateProfiles(authorId: string, sourceIds: readonly string[]): Promise<number> {
    let attached = 0
    for (const id of sourceIds) {
      const colon = id.indexOf(':')
      if (colon <= 0) continue
      attached += this.stmt('UPDATE author_profiles SET author_id = ? WHERE source = ? AND key = ? AND author_id IS NULL').run(
        authorId,
        id.slice(0, colon),
        id.slice(colon + 1),
      ).changes
    }
    return attached
  }
}

/** 1 for a name whose letters have case and all have the same (`SEROUSSI, INBAR`, `inbar seroussi`), else 0. */
function singleCase(name: string): number {
  const upper = /\p{Lu}/u.test(name)
  const lower = /\p{Ll}/u.test(name)
  return upper !== lower ? 1 : 0
}

/** How full a spelling's given names are: 2 for each whole one, 1 for each initial. */
function fullness(name: string): number {
  return givenNames(name).reduce((n, g) => n + (g.length > 1 ? 2 : 1), 0)
}

const NAME_SUFFIX = /^(jr|sr|ii|iii|iv)$/i

/** A spelling's given names, dots dropped: after the comma of `Song, L.` (not `Song,`), before the family name otherwise. */
function givenNames(name: string): string[] {
  const words = (text: string): string[] => text.trim().split(/\s+/).map((w) => w.replace(/[.,]/g, '')).filter((w) => w && !NAME_SUFFIX.test(w))
  const comma = name.indexOf(',')
  const after = comma > 0 ? words(name.slice(comma + 1)) : []
  // `Martin Luther King, Jr.`: only a suffix follows the comma, so the name before it is given names first.
  return after.length > 0 ? after : words(comma > 0 ? name.slice(0, comma) : name).slice(0, -1)
}

/** 1 for a spelling written family name first (`Song, Le`): of two as full, the one a reader reads as a name comes first. */
function familyFirst(name: string): number {
  const comma = name.indexOf(',')
  return comma > 0 && name.slice(comma + 1).split(/[\s,]+/).some((w) => w.replace(/\./g, '') && !NAME_SUFFIX.test(w.replace(/\./g, ''))) ? 1 : 0
}
