/**
 * @module The SQLite side of the analysis results (issue 4): fitted models as JSON, paper vectors as float32
 * blobs, per-paper topics, key words, digests, novelty and centrality. Predicted topics and extracted key
 * words are also written to paper_topics / paper_keywords with their origin, so the paper pages, topic
 * pages and facets read them beside the curated ones; generated digests stay in paper_analysis.
 */
import { PaperscopeError, type Digest, type DigestOrigin } from '../../core/index.js'
import type {
  AnalysisStore,
  ResearcherTotalsRow,
  AnalysisWrite,
  LabelScore,
  PaperAnalysisInput,
  NoveltyCohortRow,
  PaperNoveltyWrite,
  StoredModel,
  StoredPaperAnalysis,
  StoredVector,
  TopicStatus,
} from '../store.js'
import { cachedUntilChange, frozenRows, statementCache, type SqliteDatabase, type SqliteStatement } from './database.js'

interface InputRow {
  id: string
  title: string
  abstract: string | null
  digest: string | null
  digest_origin: string | null
  date: string | null
  citation_count: number | null
  input_hash: string | null
  topics: string
  keywords: string
}

interface AnalysisRow {
  paper_id: string
  analyzed_at: string
  topic_status: string
  topic_scores: string
  topic_probabilities: string | null
  topic_why: string
  topic_unsorted: string | null
  keywords: string
  language: string | null
  digest: string | null
  digest_why: string
  novelty: number | null
  percentile: number | null
  compared_with: number | null
  evidence: string | null
  explanation: string | null
  centrality_percentile: number | null
  too_little_known: string | null
  cohort: string | null
  has_novelty: number
}

/**
 * paper_analysis.language of an English text: the column names the language told, so that NULL stays free for a row
 * analysed before it was kept (the writer's null, English, is no language's name: textLanguage names only others).
 */
const ENGLISH = 'English'

/** Runs `work` alone against the database (the paper store's lock, so transactions never interleave). */
export type RunExclusive = <T>(work: () => Promise<T>) => Promise<T>

function toBlob(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength)
}

function fromBlob(blob: Buffer | Uint8Array): Float32Array {
  // Copy: the driver's buffer may not be 4-byte aligned.
  const copy = new Uint8Array(blob.byteLength)
  copy.set(blob)
  return new Float32Array(copy.buffer)
}

/** Labels a JSON array column may hold: nulls come from json_group_array over no rows. */
function stringArray(json: string): string[] {
  return (JSON.parse(json) as Array<string | null>).filter((v): v is string => typeof v === 'string')
}

/** A nullable JSON array of words (`too_little_known`): null stays null, `[]` is no word known. */
function wordList(json: string | null): string[] | null {
  return json === null ? null : (JSON.parse(json) as string[])
}

/** A novelty's cohort (`cohort`, a JSON object), or null when it has no percentile. */
function cohortOf(json: string | null): NoveltyCohortRow | null {
  if (json === null) return null
  const c = JSON.parse(json) as NoveltyCohortRow
  // In this order, whatever order the object was written in: the API and show --json print it as read.
  return { from: c.from, to: c.to, papers: c.papers }
}

/**
 * Analysis results in the library's SQLite file.
 * @example const results = new SqliteAnalysisStore(db, (work) => mutex.run(work), () => new Date())
 */

export class SqliteAnalysisStore implements AnalysisStore {
  private readonly prepared: (sql: string) => SqliteStatement

  constructor(
    private readonly db: SqliteDatabase,
    private readonly exclusive: RunExclusive,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.prepared = statementCache(db)
    this.researcherTotals = cachedUntilChange(db, () => {
      const totals = this.readResearcherTotals()
      for (const t of totals) Object.freeze(t.citationCounts)
      return frozenRows(totals)
    })
  }

  private stmt(sql: string): SqliteStatement {
    return this.prepared(sql)
  }

  async getModels(): Promise<StoredModel[]> {
    return (
      this.stmt(
        'SELECT kind, model, fitted_at, library_size, training_size FROM analysis_models ORDER BY kind',
      ).all() as Array<{
        kind: StoredModel['kind']
        model: string
        fitted_at: string
        library_size: number
        training_size: number
      }>
    ).map((r) => ({
      kind: r.kind,
      model: JSON.parse(r.model) as unknown,
      fittedAt: r.fitted_at,
      librarySize: r.library_size,
      trainingSize: r.training_size,
    }))
  }

  async listAnalysisInputs({ onlyStale = false }: { onlyStale?: boolean } = {}): Promise<
    PaperAnalysisInput[]
  > {
    // A paper written at or after its last analysis may have changed; the caller compares input hashes.
    const where = onlyStale ? 'WHERE a.paper_id IS NULL OR p.updated_at >= a.analyzed_at' : ''
    const rows = this.stmt(
      `SELECT p.id, CASE WHEN p.title_derived = 1 THEN '' ELSE p.title END AS title, p.abstract, p.digest,
         p.digest_origin, p.date, p.citation_count, a.input_hash,
         (SELECT json_group_array(t.label) FROM paper_topics pt JOIN topics t ON t.id = pt.topic_id
           WHERE pt.paper_id = p.id AND pt.origin = 'curated') AS topics,
         (SELECT json_group_array(keyword) FROM (SELECT keyword FROM paper_keywords
           WHERE paper_id = p.id AND origin = 'curated' ORDER BY rank)) AS keywords
       FROM papers p LEFT JOIN paper_analysis a ON a.paper_id = p.id ${where} ORDER BY p.id`,
    ).all() as InputRow[]
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      abstract: r.abstract,
      digest:
        r.digest && r.digest_origin
          ? ({ text: r.digest, origin: r.digest_origin as DigestOrigin } satisfies Digest)
          : null,
      date: r.date,
      curatedTopics: stringArray(r.topics).sort(),
      curatedKeywords: stringArray(r.keywords),
      citationCount: r.citation_count,
      analyzedHash: r.input_hash,
    }))
  }

  async listVectors(): Promise<StoredVector[]> {
    const rows = this.stmt(
      `SELECT v.paper_id, v.embedder, v.vector, v.terms, p.date, a.topic_probabilities,
         coalesce(json_extract(a.topic_unsorted, '$.because') = 'off-topic', 0) AS off_topic,
         length(CASE WHEN p.title_derived = 1 THEN '' ELSE p.title END) + coalesce(length(p.abstract), 0)
           + CASE WHEN p.digest_origin IS NULL THEN 0 ELSE coalesce(length(p.digest), 0) END AS text_length,
         (SELECT json_group_array(t.label) FROM paper_topics pt JOIN topics t ON t.id = pt.topic_id
           WHERE pt.paper_id = p.id AND pt.origin = 'curated') AS topics,
         (SELECT json_group_array(label) FROM (SELECT t.label FROM paper_topics pt JOIN topics t ON t.id = pt.topic_id
           WHERE pt.paper_id = p.id AND pt.origin = 'predicted' ORDER BY pt.confidence DESC)) AS predicted,
         (SELECT json_group_array(keyword) FROM (SELECT keyword FROM paper_keywords
           WHERE paper_id = p.id AND origin = 'curated' ORDER BY rank)) AS keywords
       FROM paper_vectors v JOIN papers p ON p.id = v.paper_id LEFT JOIN paper_analysis a ON a.paper_id = v.paper_id
       ORDER BY v.paper_id`,
    ).all() as Array<{
      paper_id: string
      embedder: string
      vector: Buffer
      terms: string
      date: string | null
      topic_probabilities: string | null
      off_topic: number
      topics: string
      predicted: string
      keywords: string
      text_length: number
    }>
    return rows.map((r) => ({
      paperId: r.paper_id,
      embedder: r.embedder,
      vector: fromBlob(r.vector),
      terms: JSON.parse(r.terms) as StoredVector['terms'],
      date: r.date,
      curatedTopics: stringArray(r.topics).sort(),
      curatedKeywords: stringArray(r.keywords),
      topicProbabilities: r.topic_probabilities ? (JSON.parse(r.topic_probabilities) as number[]) : null,
      predictedTopics: stringArray(r.predicted),
      offTopic: r.off_topic === 1,
      textLength: r.text_length,
    }))
  }

  async listCuratedKeywordVectors(): Promise<Array<Pick<StoredVector, 'paperId' | 'vector' | 'curatedKeywords'>>> {
    const rows = this.stmt(
      `SELECT v.paper_id, v.vector,
         (SELECT json_group_array(keyword) FROM (SELECT keyword FROM paper_keywords
           WHERE paper_id = v.paper_id AND origin = 'curated' ORDER BY rank)) AS keywords
       FROM paper_vectors v
       WHERE EXISTS (SELECT 1 FROM paper_keywords k WHERE k.paper_id = v.paper_id AND k.origin = 'curated')
       ORDER BY v.paper_id`,
    ).all() as Array<{ paper_id: string; vector: Buffer; keywords: string }>
    return rows.map((r) => ({ paperId: r.paper_id, vector: fromBlob(r.vector), curatedKeywords: stringArray(r.keywords) }))
  }

  async listNovelty(): Promise<PaperNoveltyWrite[]> {
    return (
      this.stmt(
        'SELECT paper_id, novelty, percentile, compared_with, evidence, explanation, centrality_percentile, too_little_known, cohort FROM paper_novelty ORDER BY paper_id',
      ).all() as Array<{
        paper_id: string
        novelty: number | null
        percentile: number | null
        compared_with: number
        evidence: string
        explanation: string
        centrality_percentile: number | null
        too_little_known: string | null
        cohort: string | null
      }>
    ).map((r) => ({
      paperId: r.paper_id,
      novelty: r.novelty,
      percentile: r.percentile,
      comparedWith: r.compared_with,
      evidence: JSON.parse(r.evidence) as PaperNoveltyWrite['evidence'],
      explanation: r.explanation,
      centralityPercentile: r.centrality_percentile,
      tooLittleKnown: wordList(r.too_little_known),
      cohort: cohortOf(r.cohort),
    }))
  }

  async getPaperAnalyses(paperIds: string[]): Promise<StoredPaperAnalysis[]> {
    if (paperIds.length === 0) return []
    const rows = this.stmt(
      `SELECT a.*, n.novelty, n.percentile, n.compared_with, n.evidence, n.explanation, n.centrality_percentile,
         n.too_little_known, n.cohort, n.paper_id IS NOT NULL AS has_novelty
       FROM paper_analysis a LEFT JOIN paper_novelty n ON n.paper_id = a.paper_id
       WHERE a.paper_id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(paperIds)) as AnalysisRow[]
    const predicted = this.stmt(
      `SELECT pt.paper_id, t.label, pt.confidence FROM paper_topics pt JOIN topics t ON t.id = pt.topic_id
       WHERE pt.origin = 'predicted' AND pt.paper_id IN (SELECT value FROM json_each(?)) ORDER BY pt.confidence DESC`,
    ).all(JSON.stringify(paperIds)) as Array<{ paper_id: string; label: string; confidence: number | null }>
    // Grouped once: filtering every row per paper cost the batch's size squared.
    const predictedOf = new Map<string, Array<{ label: string; score: number }>>()
    for (const p of predicted) {
      const list = predictedOf.get(p.paper_id) ?? []
      list.push({ label: p.label, score: p.confidence ?? 0 })
      predictedOf.set(p.paper_id, list)
    }
    const byId = new Map(
      rows.map((r): [string, StoredPaperAnalysis] => [
        r.paper_id,
        {
          paperId: r.paper_id,
          analyzedAt: r.analyzed_at,
          topicStatus: r.topic_status as TopicStatus,
          topicScores: JSON.parse(r.topic_scores) as LabelScore[],
          topicProbabilities: r.topic_probabilities ? (JSON.parse(r.topic_probabilities) as number[]) : null,
          topicWhy: JSON.parse(r.topic_why) as LabelScore[],
          ...(r.topic_unsorted ? { topicUnsorted: JSON.parse(r.topic_unsorted) as NonNullable<StoredPaperAnalysis['topicUnsorted']> } : {}),
          predictedTopics: predictedOf.get(r.paper_id) ?? [],
          keywords: JSON.parse(r.keywords) as StoredPaperAnalysis['keywords'],
          ...(r.language === null ? {} : { language: r.language === ENGLISH ? null : r.language }),
          digest: r.digest ? { text: r.digest, why: JSON.parse(r.digest_why) as LabelScore[] } : null,
          novelty: r.has_novelty
            ? {
                novelty: r.novelty,
                percentile: r.percentile,
                comparedWith: r.compared_with ?? 0,
                evidence: JSON.parse(r.evidence ?? '[]') as PaperNoveltyWrite['evidence'],
                explanation: r.explanation ?? '',
                centralityPercentile: r.centrality_percentile,
                tooLittleKnown: wordList(r.too_little_known),
                cohort: cohortOf(r.cohort),
              }
            : null,
        },
      ]),
    )
    return paperIds.map((id) => byId.get(id)).filter((a): a is StoredPaperAnalysis => a !== undefined)
  }

  async getResearcherTotals(authorId: string): Promise<ResearcherTotalsRow | null> {
    return this.readResearcherTotals(authorId)[0] ?? null
  }

  async listResearcherTotals(): Promise<readonly Readonly<ResearcherTotalsRow>[]> {
    // Every researchers page asks; a pass over every authorship (0.2 s on a library of 100k papers).
    return this.researcherTotals()
  }

  private readonly researcherTotals: () => readonly Readonly<ResearcherTotalsRow>[]

  /** Every author's totals, or one author's: one query for both, so a researcher page and the ranking agree. */
  private readResearcherTotals(authorId?: string): ResearcherTotalsRow[] {
    // Through covering indexes (migration 15): a paper's and a novelty row's own rows are wide (the abstract, the
    // evidence), and reading them took 1.3 s of the 1.5 s this read took on a library of 100k papers.
    const rows = this.stmt(
      `SELECT a.author_id, au.name, count(*) AS papers,
              json_group_array(p.citation_count) FILTER (WHERE typeof(p.citation_count) IN ('integer', 'real') AND p.citation_count BETWEEN 0 AND 9007199254740991) AS counts,
              coalesce(sum(n.percentile), 0) AS novelty_sum, count(n.percentile) AS novelty_papers,
              coalesce(sum(n.centrality_percentile), 0) AS centrality_sum, count(n.centrality_percentile) AS centrality_papers
       FROM authorships a JOIN authors au ON au.id = a.author_id
       JOIN papers p INDEXED BY papers_id_year ON p.id = a.paper_id
       LEFT JOIN paper_novelty n INDEXED BY paper_novelty_percentiles ON n.paper_id = p.id
       ${authorId === undefined ? '' : 'WHERE a.author_id = ?'}
       GROUP BY a.author_id ORDER BY a.author_id`,
    ).all(...(authorId === undefined ? [] : [authorId])) as Array<{
      author_id: string
      name: string
      papers: number
      counts: string
      novelty_sum: number
      novelty_papers: number
      centrality_sum: number
      centrality_papers: number
    }>
    return rows.map((r) => ({
      authorId: r.author_id,
      name: r.name,
      papers: r.papers,
      citationCounts: JSON.parse(r.counts) as number[],
      noveltySum: r.novelty_sum,
      noveltyPapers: r.novelty_papers,
      centralitySum: r.centrality_sum,
      centralityPapers: r.centrality_papers,
    }))
  }

  async generation(): Promise<number | null> {
    return (
      (
        this.stmt('SELECT generation FROM analysis_state WHERE id = 1').get() as
          { generation: number } | undefined
      )?.generation ?? null
    )
  }

  async noveltyStale(): Promise<boolean> {
    const row = this.stmt('SELECT novelty_stale FROM analysis_state WHERE id = 1').get() as { novelty_stale: number } | undefined
    return row?.novelty_stale === 1
  }

  async saveAnalysis(write: AnalysisWrite): Promise<void> {
    await this.exclusive(async () => {
      this.db.exec('BEGIN IMMEDIATE')
      try {
        this.write(write)
        this.db.exec('COMMIT')
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK')
        // A library file it may not write (read-only, a full disk) is the user's to fix, not a bug to trace.
        throw new PaperscopeError('STORE_FAILED', `cannot save the analysis in the library: ${(err as Error).message}; nothing of it was saved`, { cause: err })
      }
    })
  }

  private write(write: AnalysisWrite): void {
    if (write.replaceAll) {
      for (const sql of [
        'DELETE FROM paper_analysis',
        'DELETE FROM paper_vectors',
        'DELETE FROM paper_novelty',
        `DELETE FROM paper_topics WHERE origin = 'predicted'`,
        `DELETE FROM paper_keywords WHERE origin IN ('extracted', 'suggested')`,
      ])
        this.stmt(sql).run()
    }
    for (const m of write.models ?? []) {
      this.stmt(
        `INSERT INTO analysis_models (kind, model, fitted_at, library_size, training_size) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (kind) DO UPDATE SET model = excluded.model, fitted_at = excluded.fitted_at,
           library_size = excluded.library_size, training_size = excluded.training_size`,
      ).run(m.kind, JSON.stringify(m.model), m.fittedAt, m.librarySize, m.trainingSize)
    }
    const topicIds = new Map(
      (this.stmt('SELECT id, label FROM topics').all() as Array<{ id: string; label: string }>).map((t) => [
        t.label,
        t.id,
      ]),
    )
    for (const p of write.papers ?? []) {
      if (!this.stmt('SELECT 1 FROM papers WHERE id = ?').get(p.paperId)) continue
      this.stmt(
        `INSERT INTO paper_vectors (paper_id, embedder, vector, terms) VALUES (?, ?, ?, ?)
         ON CONFLICT (paper_id) DO UPDATE SET embedder = excluded.embedder, vector = excluded.vector, terms = excluded.terms`,
      ).run(p.paperId, p.embedder, toBlob(p.vector), JSON.stringify(p.terms))
      this.stmt(
        `INSERT INTO paper_analysis (paper_id, input_hash, analyzed_at, topic_status, topic_scores, topic_probabilities,
           topic_why, topic_unsorted, keywords, language, digest, digest_why) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (paper_id) DO UPDATE SET input_hash = excluded.input_hash, analyzed_at = excluded.analyzed_at,
           topic_status = excluded.topic_status, topic_scores = excluded.topic_scores,
           topic_probabilities = excluded.topic_probabilities, topic_why = excluded.topic_why,
           topic_unsorted = excluded.topic_unsorted,
           keywords = excluded.keywords, language = excluded.language, digest = excluded.digest, digest_why = excluded.digest_why`,
      ).run(
        p.paperId,
        p.inputHash,
        write.analyzedAt,
        p.topicStatus,
        JSON.stringify(p.topicScores),
        p.topicProbabilities ? JSON.stringify(p.topicProbabilities) : null,
        JSON.stringify(p.topicWhy),
        p.topicUnsorted ? JSON.stringify(p.topicUnsorted) : null,
        JSON.stringify(p.keywords),
        p.language ?? ENGLISH,
        p.digest?.text ?? null,
        JSON.stringify(p.digest?.why ?? []),
      )
      this.stmt(`DELETE FROM paper_topics WHERE paper_id = ? AND origin = 'predicted'`).run(p.paperId)
      for (const t of p.predictedTopics) {
        const topicId = topicIds.get(t.label)
        if (!topicId) continue
        this.stmt(
          `INSERT OR IGNORE INTO paper_topics (paper_id, topic_id, origin, confidence) VALUES (?, ?, 'predicted', ?)`,
        ).run(p.paperId, topicId, t.score)
      }
      this.stmt(`DELETE FROM paper_keywords WHERE paper_id = ? AND origin IN ('extracted', 'suggested')`).run(p.paperId)
      p.keywords.forEach((k, rank) =>
        this.stmt(`INSERT OR IGNORE INTO paper_keywords (paper_id, origin, keyword, rank) VALUES (?, ?, ?, ?)`).run(
          p.paperId,
          k.inText ? 'extracted' : 'suggested',
          k.text,
          rank,
        ),
      )
    }
    for (const n of write.novelty ?? []) {
      if (!this.stmt('SELECT 1 FROM papers WHERE id = ?').get(n.paperId)) continue
      this.stmt(
        `INSERT INTO paper_novelty (paper_id, novelty, percentile, compared_with, evidence, explanation, centrality_percentile, too_little_known, cohort)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (paper_id) DO UPDATE SET novelty = excluded.novelty, percentile = excluded.percentile,
           compared_with = excluded.compared_with, evidence = excluded.evidence, explanation = excluded.explanation,
           centrality_percentile = excluded.centrality_percentile, too_little_known = excluded.too_little_known,
           cohort = excluded.cohort`,
      ).run(
        n.paperId,
        n.novelty,
        n.percentile,
        n.comparedWith,
        JSON.stringify(n.evidence),
        n.explanation,
        n.centralityPercentile,
        n.tooLittleKnown ? JSON.stringify(n.tooLittleKnown) : null,
        n.cohort ? JSON.stringify({ from: n.cohort.from, to: n.cohort.to, papers: n.cohort.papers }) : null,
      )
    }
    // Novelty rows are written for every paper at once: once written, they no longer miss a removed paper, unless
    // one was removed after the analysis read its papers (it bumped the generation).
    const before = (this.stmt('SELECT generation FROM analysis_state WHERE id = 1').get() as { generation: number } | undefined)?.generation ?? null
    const readAt = write.readAtGeneration === undefined ? before : write.readAtGeneration
    const noveltyWritten = (write.novelty ?? []).length > 0 && readAt === before ? 1 : 0
    this.stmt(
      `INSERT INTO analysis_state (id, generation, updated_at, novelty_stale) VALUES (1, 1, ?, 0)
       ON CONFLICT (id) DO UPDATE SET generation = generation + 1, updated_at = excluded.updated_at,
         novelty_stale = CASE WHEN ? = 1 THEN 0 ELSE novelty_stale END`,
    ).run(this.now().toISOString(), noveltyWritten)
  }

  /** The generated digest of each paper, for reading papers (a source's digest always wins over it). Synchronous. */
  generatedDigests(paperIds: readonly string[]): Map<string, string> {
    if (paperIds.length === 0) return new Map()
    const rows = this.stmt(
      'SELECT paper_id, digest FROM paper_analysis WHERE digest IS NOT NULL AND paper_id IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify(paperIds)) as Array<{ paper_id: string; digest: string }>
    return new Map(rows.map((r) => [r.paper_id, r.digest]))
  }
}
