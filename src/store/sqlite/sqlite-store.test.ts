import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSourceRecord } from '../../core/index.js'
import { createTempStore } from '../../../test/support/temp-store.js'
import { runStoreContract } from '../store.case.test.js'
import { openSqliteFile, type SqliteDatabase } from './database.js'
import { MIGRATIONS, applyMigrations, schemaVersion } from './migrations.js'
import { SqlitePaperStore } from './sqlite-store.js'

runStoreContract('sqlite file', createTempStore)

/** Runs `check` on a library file made by the migrations up to `version`, then `prepare` on that old schema (removed after). */
async function fromOldLibrary(version: number, prepare: (old: SqliteDatabase) => void, check: (path: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `paperscope-v${version}-`))
  try {
    const path = join(dir, 'library.db')
    const old = openSqliteFile(path)
    applyMigrations(old, MIGRATIONS.filter((m) => m.version <= version))
    prepare(old)
    old.close()
    await check(path)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('SQLite library file', () => {
  it('is in WAL mode, at the latest schema, with an FTS5 index', async () => {
    const t = await createTempStore()
    try {
      const raw = new Database(t.path, { readonly: true })
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(schemaVersion(raw as never)).toBe(MIGRATIONS.at(-1)!.version)
      expect(raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'papers_fts'").get()).toMatchObject({ sql: expect.stringContaining('fts5') })
      // The whole library in title order (an export, a page at a time) reads an index, not a sort of every paper.
      const plan = raw.prepare('EXPLAIN QUERY PLAN SELECT p.* FROM papers p WHERE 1 = 1 ORDER BY p.title COLLATE NOCASE, p.id LIMIT 200 OFFSET 400').all() as Array<{ detail: string }>
      expect(plan.map((r) => r.detail)).toEqual(['SCAN p USING INDEX papers_title'])
      raw.close()
    } finally {
      await t.cleanup()
    }
  })

  it('upgrades a version-3 library: key words kept, `suggested` allowed, every analysis marked stale so it is redone', async () => {
    await fromOldLibrary(3, (old) => {
      const at = '2026-01-01T00:00:00Z'
      old.prepare('INSERT INTO papers (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)').run('p1', 'Grokking', at, at)
      old.prepare(`INSERT INTO paper_keywords (paper_id, origin, keyword, rank) VALUES ('p1', 'curated', 'grokking', 0), ('p1', 'extracted', 'phase transitions', 0)`).run()
      old.prepare(`INSERT INTO paper_analysis (paper_id, input_hash, analyzed_at, topic_status) VALUES ('p1', 'h', '2026-02-01T00:00:00Z', 'no-model')`).run()
      expect(() => old.prepare(`INSERT INTO paper_keywords (paper_id, origin, keyword, rank) VALUES ('p1', 'suggested', 'x', 1)`).run()).toThrow(/CHECK/)
    }, async (path) => {
      const store = SqlitePaperStore.open(openSqliteFile(path))
      expect((await store.getPaper('p1'))!.keywords).toEqual([
        { text: 'grokking', origin: 'curated' },
        { text: 'phase transitions', origin: 'extracted' },
      ])
      expect((await store.analysis.listAnalysisInputs({ onlyStale: true })).map((p) => [p.id, p.analyzedHash])).toEqual([['p1', '']])
      await store.analysis.saveAnalysis({
        analyzedAt: '2026-03-01T00:00:00Z',
        papers: [{
          paperId: 'p1', inputHash: 'h2', embedder: 'lsa-1', vector: Float32Array.from([1]), terms: [], topicStatus: 'no-model',
          topicScores: [], topicProbabilities: null, topicWhy: [], predictedTopics: [],
          keywords: [{ text: 'phase transitions', score: 0.9, inText: false, why: [] }], language: null, digest: null,
        }],
      })
      expect((await store.getPaper('p1'))!.keywords.map((k) => k.origin)).toEqual(['curated', 'suggested'])
      await store.close()
    })
  })

  it('recounts novelty once in a library analysed before version 9, and keeps the mark when a paper went while an analysis ran', async () => {
    await fromOldLibrary(8, (old) => {
      old.prepare(`INSERT INTO analysis_state (id, generation, updated_at) VALUES (1, 4, '2026-01-01T00:00:00Z')`).run()
    }, async (path) => {
      const store = SqlitePaperStore.open(openSqliteFile(path))
      // Papers may have been removed before the flag existed: their novelty is recounted at the next analysis.
      expect(await store.analysis.noveltyStale()).toBe(true)
      const row = { paperId: 'p1', novelty: null, percentile: null, comparedWith: 0, evidence: [], explanation: 'x', centralityPercentile: null, tooLittleKnown: null, cohort: null }
      const at = '2026-03-01T00:00:00Z'
      // An analysis that read its papers at generation 3: something was written since (a removal), the mark stays.
      await store.analysis.saveAnalysis({ analyzedAt: at, novelty: [row], readAtGeneration: 3 })
      expect(await store.analysis.noveltyStale()).toBe(true)
      const now = await store.analysis.generation()
      await store.analysis.saveAnalysis({ analyzedAt: at, novelty: [row], readAtGeneration: now })
      expect(await store.analysis.noveltyStale()).toBe(false)
      await store.close()
    })
  })

  it('links each record to the file it was last read from, and gives a library that made migration 12 under its first name the table it lacks', async () => {
    await fromOldLibrary(11, (old) => {
      old.exec(`CREATE TABLE retired_cite_keys (paper_id TEXT PRIMARY KEY, key TEXT NOT NULL, retired_at TEXT NOT NULL);
        INSERT INTO schema_migrations (version, name, applied_at) VALUES (12, 'retired-cite-keys', '2026-11-27');
        INSERT INTO retired_cite_keys VALUES ('p-gone', 'du2023gradient', '2026-11-27');
        INSERT INTO papers (id, title, title_derived, source_count, created_at, updated_at) VALUES ('p1', 'A paper', 0, 1, '2026-11-27', '2026-11-27');
        INSERT INTO source_records (source, key, paper_id, locator, fetched_at, content_hash, record, read_from)
          VALUES ('bibtex', '/refs.bib#a', 'p1', '/refs.bib:1', '2026-11-27', 'h', '{}', '/refs.bib');`)
    }, async (path) => {
      const store = SqlitePaperStore.open(openSqliteFile(path))
      expect((await store.listFileRecords('bibtex', '/refs.bib')).map((r) => r.key)).toEqual(['/refs.bib#a'])
      // The key it held under the first name is held still.
      expect(await store.listBibtexCiteLabels()).toEqual([{ paperId: 'p1', label: 'a' }, { paperId: 'p-gone', label: 'du2023gradient' }])
      await store.close()
    })
  })

  it.each([
    ['(id, year) only, as 14 is', 'CREATE INDEX papers_id_year ON papers(id, year);'],
    ['both indexes, as one build made 14',
      `CREATE INDEX papers_id_year ON papers(id, year, citation_count);
       CREATE INDEX paper_novelty_percentiles ON paper_novelty(paper_id, percentile, centrality_percentile);`],
  ])('ranks researchers on a library that took migration 14 with %s', async (_, fourteen) => {
    await fromOldLibrary(13, (old) => {
      old.exec(`${fourteen}
        INSERT INTO schema_migrations (version, name, applied_at) VALUES (14, 'papers-year-by-id', '2026-11-27');`)
    }, async (path) => {
      const store = SqlitePaperStore.open(openSqliteFile(path))
      expect(await store.analysis.listResearcherTotals()).toEqual([])
      await store.close()
      const raw = new Database(path, { readonly: true })
      const columns = (index: string) => (raw.prepare(`PRAGMA index_info(${index})`).all() as Array<{ name: string }>).map((c) => c.name)
      expect(columns('papers_id_year')).toEqual(['id', 'year', 'citation_count'])
      expect(columns('paper_novelty_percentiles')).toEqual(['paper_id', 'percentile', 'centrality_percentile'])
      raw.close()
    })
  })

  it('marks the papers a listing page showed when a library built before migration 17 opens, and finds trending through its index', async () => {
    await fromOldLibrary(16, (old) => {
      // A paper of an undated daily page, one voted on, one from an awesome list.
      old.exec(`INSERT INTO papers (id, title, listed_at, upvotes, created_at, updated_at) VALUES
          ('daily', 'On a daily page', NULL, NULL, 'x', 'x'), ('voted', 'Voted', '2026-01-05', 7, 'x', 'x'), ('listed', 'In a list', NULL, NULL, 'x', 'x');
        INSERT INTO source_records (source, key, paper_id, locator, line, fetched_at, content_hash, record) VALUES
          ('daily-papers', 'd', 'daily', 'daily-papers.txt:13', 13, '2026-01-01', 'h', '{}'),
          ('awesome-list', 'l', 'listed', 'awesome.txt:4', 4, '2026-01-01', 'h', '{}');`)
    }, async (path) => {
      const store = SqlitePaperStore.open(openSqliteFile(path))
      expect((await store.listPapers({ sort: 'trending' })).items.map((p) => p.id)).toEqual(['voted', 'daily'])
      await store.close()
      const raw = new Database(path, { readonly: true })
      const plan = raw.prepare("EXPLAIN QUERY PLAN SELECT p.* FROM papers p WHERE 1 = 1 AND p.listed = 1").all() as Array<{ detail: string }>
      expect(plan.map((r) => r.detail).join(' ')).toMatch(/USING INDEX papers_trending/)
      raw.close()
    })
  })

  it("finds a paper of a library built before migration 19 by every id of its records, and leaves another paper's ids with it", async () => {
    await fromOldLibrary(18, (old) => {
      // p1 shows its bioRxiv DOI; the Science DOI is on its other record. p2 had the arXiv id first, and a record
      // of p1 gives it by mistake.
      old.exec(`INSERT INTO papers (id, title, ids, created_at, updated_at) VALUES
          ('p1', 'ESM', '{"doi":"10.1101/2022.07.20.500902"}', 'x', 'x'), ('p2', 'Other', '{"arxiv":"2301.00001"}', 'x', 'x');
        INSERT INTO paper_external_ids (kind, value, paper_id) VALUES ('doi', '10.1101/2022.07.20.500902', 'p1'), ('arxiv', '2301.00001', 'p2');
        INSERT INTO source_records (source, key, paper_id, locator, line, fetched_at, content_hash, record) VALUES
          ('bibtex', 'a', 'p1', 'refs.bib:1', 1, '2026-01-01', 'h', '{"ids":{"doi":"10.1101/2022.07.20.500902"}}'),
          ('bibtex', 'b', 'p1', 'refs.bib:9', 9, '2026-01-01', 'h', '{"ids":{"doi":"10.1126/science.ade2574","arxiv":"2301.00001"}}'),
          ('arxiv', 'c', 'p2', 'arxiv', NULL, '2026-01-01', 'h', '{"ids":{"arxiv":"2301.00001"}}');`)
    }, async (path) => {
      const store = SqlitePaperStore.open(openSqliteFile(path))
      expect(await store.findPaperIdByExternalId('doi', '10.1126/science.ade2574')).toBe('p1')
      expect(await store.findPaperIdByExternalId('doi', '10.1101/2022.07.20.500902')).toBe('p1')
      expect(await store.findPaperIdByExternalId('arxiv', '2301.00001')).toBe('p2')
      await store.close()
    })
  })

  it('knows which papers of a library built before migration 21 have a record giving an id, whichever holds it', async () => {
    await fromOldLibrary(20, (old) => {
      // p1 holds the DOI; a record of p2 gives it too (an entry that printed it), beside its arXiv id.
      old.exec(`INSERT INTO papers (id, title, ids, created_at, updated_at) VALUES
          ('p1', 'Bengio', '{"doi":"10.1561/2200000006"}', 'x', 'x'), ('p2', 'DDPG', '{"arxiv":"1509.02971"}', 'x', 'x');
        INSERT INTO paper_external_ids (kind, value, paper_id) VALUES ('doi', '10.1561/2200000006', 'p1'), ('arxiv', '1509.02971', 'p2');
        INSERT INTO source_records (source, key, paper_id, locator, line, fetched_at, content_hash, record) VALUES
          ('bibtex', 'a', 'p1', 'refs.bib:1', 1, '2026-01-01', 'h', '{"ids":{"doi":"10.1561/2200000006"}}'),
          ('bibtex', 'b', 'p2', 'refs.bib:9', 9, '2026-01-01', 'h', '{"ids":{"doi":"10.1561/2200000006","arxiv":"1509.02971"}}');`)
    }, async (path) => {
      const store = SqlitePaperStore.open(openSqliteFile(path))
      expect(await store.listPapersGivingId('doi', '10.1561/2200000006')).toEqual(['p1', 'p2'])
      expect(await store.listPapersGivingId('arxiv', '1509.02971')).toEqual(['p2'])
      await store.close()
    })
  })

  it("orders the curated topics of a library built before migration 22 as its records give them, predicted ones by confidence", async () => {
    await fromOldLibrary(21, (old) => {
      // Two list records of p1: Vision › Detection in one, Theory then Vision in the other; Sparsity no record names.
      old.exec(`INSERT INTO papers (id, title, created_at, updated_at) VALUES ('p1', 'Focal Loss', 'x', 'x'), ('p2', 'Other', 'x', 'x');
        INSERT INTO topics (id, label) VALUES ('detection', 'Detection'), ('sparsity', 'Sparsity'), ('theory', 'Theory'), ('vision', 'Vision');
        INSERT INTO source_records (source, key, paper_id, locator, line, fetched_at, content_hash, record) VALUES
          ('arxiv', 'a', 'p1', 'arxiv', NULL, '2026-01-01', 'h', '{"ids":{}}'),
          ('awesome-list', 'b', 'p1', 'vision.md:7', 7, '2026-01-01', 'h', '{"topics":["Vision","Detection"]}'),
          ('awesome-list', 'c', 'p1', 'theory.md:3', 3, '2026-01-01', 'h', '{"topics":["Theory","Vision"]}');
        INSERT INTO paper_topics (paper_id, topic_id, origin, confidence) VALUES
          ('p1', 'detection', 'curated', NULL), ('p1', 'sparsity', 'curated', NULL), ('p1', 'theory', 'curated', NULL), ('p1', 'vision', 'curated', NULL),
          ('p2', 'detection', 'predicted', 0.3), ('p2', 'theory', 'predicted', 0.8);`)
    }, async (path) => {
      const store = SqlitePaperStore.open(openSqliteFile(path))
      expect((await store.getPaper('p1'))!.topics.map((t) => t.label)).toEqual(['Vision', 'Detection', 'Theory', 'Sparsity'])
      expect((await store.getPaper('p2'))!.topics.map((t) => t.label)).toEqual(['Theory', 'Detection'])
      await store.close()
    })
  })

  it('keys again the people of a library built before migration 23 whose capitalised first word is a given name that looks like a particle', async () => {
    await fromOldLibrary(22, (old) => {
      old.exec(`INSERT INTO authors (id, name, name_key, block_key, created_at) VALUES
          ('le-song', 'Le Song', 'le song', 'le song|', 'x'), ('bin-yu', 'Bin Yu', 'bin yu', 'bin yu|', 'x'),
          ('van-rossum', 'van Rossum', 'van rossum', 'van rossum|', 'x'), ('ludwig', 'Ludwig van Beethoven', 'ludwig van beethoven', 'van beethoven|l', 'x');
        INSERT INTO author_names (author_id, name, name_key) VALUES ('le-song', 'Le Song', 'le song'), ('bin-yu', 'Bin Yu', 'bin yu'),
          ('van-rossum', 'van Rossum', 'van rossum'), ('ludwig', 'Ludwig van Beethoven', 'ludwig van beethoven');`)
    }, async (path) => {
      await SqlitePaperStore.open(openSqliteFile(path)).close()
      const db = openSqliteFile(path)
      // As nameBlockKey gives them now; a lower-case particle stays the family's, and a key with a given name is left.
      expect(db.prepare('SELECT id, block_key FROM authors ORDER BY id').all()).toEqual([
        { id: 'bin-yu', block_key: 'yu|b' },
        { id: 'le-song', block_key: 'song|l' },
        { id: 'ludwig', block_key: 'van beethoven|l' },
        { id: 'van-rossum', block_key: 'van rossum|' },
      ])
      db.close()
    })
  })

  it('keys again the people of a library built before migration 24 whose Van is a Vietnamese middle name, and no Dutch van', async () => {
    // Each as parseName keyed it before: name, exact key, block key then, block key now.
    const people = [
      ['Minh Van Nguyen', 'minh van nguyen', 'van nguyen|m', 'nguyen|m'],
      ['Nguyen Van Minh', 'nguyen van minh', 'van minh|n', 'minh|n'],
      ['Thi Van Tran', 'thi van tran', 'van tran|t', 'tran|t'],
      ['de van Nguyen', 'de van nguyen', 'de van nguyen|', 'nguyen|d'],
      ['Nguyen Van De Minh', 'nguyen van de minh', 'van de minh|n', 'de minh|n'],
      ['Ludwig van Beethoven', 'ludwig van beethoven', 'van beethoven|l', 'van beethoven|l'],
      ['Aäron van den Oord', 'aaron van den oord', 'van den oord|a', 'van den oord|a'],
      ['Luc Van Gool', 'luc van gool', 'van gool|l', 'van gool|l'],
      ['van Nguyen', 'van nguyen', 'van nguyen|', 'van nguyen|'],
      ['Minh Van Nguyen-Tran', 'minh van nguyen tran', 'van nguyen tran|m', 'van nguyen tran|m'],
      ['Van Nguyen', 'van nguyen', 'nguyen|v', 'nguyen|v'],
    ] as const
    await fromOldLibrary(23, (old) => {
      const insert = old.prepare('INSERT INTO authors (id, name, name_key, block_key, created_at) VALUES (?, ?, ?, ?, ?)')
      for (const [i, [name, key, block]] of people.entries()) insert.run(`a${i}`, name, key, block, 'x')
    }, async (path) => {
      await SqlitePaperStore.open(openSqliteFile(path)).close()
      const db = openSqliteFile(path)
      const rows = db.prepare('SELECT id, block_key FROM authors ORDER BY rowid').all() as Array<{ id: string; block_key: string }>
      expect(rows.map((r) => r.block_key)).toEqual(people.map((p) => p[3]))
      db.close()
    })
  })

  it('lets the people of a library built before migration 25 that only a search hit made go, and keeps their hits as candidate profiles', async () => {
    await fromOldLibrary(24, (old) => {
      const person = old.prepare("INSERT INTO authors (id, name, name_key, block_key, created_at) VALUES (?, ?, ?, ?, 'x')")
      const profile = old.prepare(
        "INSERT INTO author_profiles (author_id, source, key, locator, fetched_at, field, metrics, content_hash, record) VALUES (?, ?, ?, 'l', 't', ?, ?, 'h', '{}')",
      )
      person.run('turing-award', 'Turing Award', 'turing award', 'award|t')
      old.prepare("INSERT INTO author_names (author_id, name, name_key) VALUES ('turing-award', 'Turing Award', 'turing award')").run()
      old.prepare("INSERT INTO author_source_ids (source_id, author_id) VALUES ('semantic-scholar:1394093374', 'turing-award')").run()
      profile.run('turing-award', 'semantic-scholar', '1394093374', null, '{}')
      // A profile that reports something is about a person, papers here or not.
      person.run('jason-priem', 'Jason Priem', 'jason priem', 'priem|j')
      profile.run('jason-priem', 'openalex', 'A5023888391', null, '{"citations":4269}')
      person.run('a-turing', 'A. Turing', 'a turing', 'turing|a')
      profile.run('a-turing', 'semantic-scholar', '2262347', null, '{}')
      profile.run('a-turing', 'openalex', 'A1', 'Mathematics', '{}')
    }, async (path) => {
      const store = await SqlitePaperStore.open(openSqliteFile(path))
      expect((await store.findAuthors('turing award')).map((a) => a.id)).toEqual([])
      expect(await store.getAuthorProfileRecord('semantic-scholar', '1394093374')).toMatchObject({ authorId: null })
      expect(await store.findAuthorIdsBySourceIds(['semantic-scholar:1394093374'])).toEqual([])
      expect((await store.getAuthor('jason-priem'))?.profiles).toHaveLength(1)
      expect((await store.getAuthor('a-turing'))?.profiles.map((p) => p.source)).toEqual(['semantic-scholar', 'openalex'])
      // Nothing left of the hit's person holds a candidate back, and none is pruned as an orphan.
      expect(await store.pruneOrphanAuthors()).toBe(0)
      expect((await store.attachCandidateProfiles('jason-priem', ['semantic-scholar:1394093374']))).toBe(1)
      await store.close()
    })
  })

  it('keeps as data the words the model knew of the papers a library analysed before migration 26 could not place, read once from their reason', async () => {
    // Each reason as analysis wrote it then (analysis tooLittleKnownReason), and the words the row holds after.
    const rows: Array<[string, number | null, string, string[] | null]> = [
      ['highway', null, 'too little text the model knows to place it: only “networks”', ['networks']],
      ['two', null, 'too little text the model knows to place it: only “Highway” and “networks”', ['Highway', 'networks']],
      ['none', null, 'too little text the model knows to place it: none of its words', []],
      // A word JSON must escape, and one holding the separator's first quote, come back as written.
      ['odd', null, 'too little text the model knows to place it: only “a\\b"c” and “d”e”', ['a\\b"c', 'd”e']],
      ['undated', null, 'the paper has no date', null],
      ['first', null, 'no paper in the library is dated before it', null],
      ['placed', 0.4, 'too little text the model knows to place it: only “networks”', null],
    ]
    await fromOldLibrary(25, (old) => {
      const paper = old.prepare("INSERT INTO papers (id, title, created_at, updated_at) VALUES (?, ?, 'x', 'x')")
      const novelty = old.prepare('INSERT INTO paper_novelty (paper_id, novelty, explanation) VALUES (?, ?, ?)')
      for (const [id, value, explanation] of rows) {
        paper.run(id, id)
        novelty.run(id, value, explanation)
      }
    }, async (path) => {
      const store = SqlitePaperStore.open(openSqliteFile(path))
      const stored = new Map((await store.analysis.listNovelty()).map((n) => [n.paperId, n]))
      for (const [id, , explanation, words] of rows) expect(stored.get(id), id).toMatchObject({ explanation, tooLittleKnown: words })
      await store.close()
    })
  })

  it('keeps as data the cohort of each percentile a library analysed before migration 27 ranked, read once from its explanation', async () => {
    // Each explanation as analysis wrote it then (analysis rankWithinCohorts), and the cohort the row holds after.
    const rows: Array<[string, number | null, number | null, string, { from: number; to: number; papers: number } | null]> = [
      ['pooled', 0.412, 62.5, '1 − 0.588 (similarity to year, the closest of 40 earlier papers); percentile among the 15 papers of 2017–2018', { from: 2017, to: 2018, papers: 15 }],
      ['year', 0.2, 10, '1 − 0.800 (similarity to p0, the closest of 266 earlier papers); percentile among the 149 papers of 2022', { from: 2022, to: 2022, papers: 149 }],
      ['early', 0.9, 90, '1 − 0.100 (similarity to p1, the closest of 3 earlier papers); percentile among the 10 papers of 1894–1946', { from: 1894, to: 1946, papers: 10 }],
      // An older analysis's sentence, without the cohort, and ones no percentile came with: left NULL, as the parse gave.
      ['older', 0.3, 40, '1 − 0.700 (similarity to p1, the closest of 3 earlier papers)', null],
      ['first', null, null, 'no paper in the library is dated before it', null],
      ['highway', null, null, 'too little text the model knows to place it: only “networks”', null],
    ]
    await fromOldLibrary(26, (old) => {
      const paper = old.prepare("INSERT INTO papers (id, title, created_at, updated_at) VALUES (?, ?, 'x', 'x')")
      const novelty = old.prepare('INSERT INTO paper_novelty (paper_id, novelty, percentile, explanation) VALUES (?, ?, ?, ?)')
      for (const [id, value, percentile, explanation] of rows) {
        paper.run(id, id)
        novelty.run(id, value, percentile, explanation)
      }
    }, async (path) => {
      const store = SqlitePaperStore.open(openSqliteFile(path))
      const stored = new Map((await store.analysis.listNovelty()).map((n) => [n.paperId, n]))
      for (const [id, , , explanation, cohort] of rows) {
        expect(stored.get(id), id).toMatchObject({ explanation })
        expect(stored.get(id)!.cohort, id).toStrictEqual(cohort)
      }
      await store.close()
    })
  })

  it('tells a paper a library analysed before migration 28 kept no language of from one analysed as English since', async () => {
    await fromOldLibrary(27, (old) => {
      old.prepare("INSERT INTO papers (id, title, created_at, updated_at) VALUES ('p1', 'Less is more', 'x', 'x'), ('p2', 'Effondrement neuronal', 'x', 'x')").run()
      old.prepare("INSERT INTO paper_analysis (paper_id, input_hash, analyzed_at, topic_status) VALUES ('p1', 'h', 'x', 'no-model'), ('p2', 'h', 'x', 'no-model')").run()
    }, async (path) => {
      const store = SqlitePaperStore.open(openSqliteFile(path))
      // SQL cannot tell a language: the old rows keep none until they are analysed again.
      expect((await store.analysis.getPaperAnalyses(['p1', 'p2'])).map((a) => 'language' in a)).toEqual([false, false])
      const analysed = (paperId: string, language: string | null) => ({
        paperId, inputHash: 'h2', embedder: 'lsa-1', vector: Float32Array.from([1]), terms: [], topicStatus: 'no-model' as const,
        topicScores: [], topicProbabilities: null, topicWhy: [], predictedTopics: [], keywords: [], language, digest: null,
      })
      await store.analysis.saveAnalysis({ analyzedAt: 'y', papers: [analysed('p1', null), analysed('p2', 'French')] })
      expect((await store.analysis.getPaperAnalyses(['p1', 'p2'])).map((a) => a.language)).toEqual([null, 'French'])
      await store.close()
    })
  })

  it('applies a migration the file has not had though a later one was applied (two lines of work merged in either order)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paperscope-gap-'))
    try {
      const db = openSqliteFile(join(dir, 'library.db'))
      const table = (version: number) => ({ version, name: `t${version}`, up: `CREATE TABLE t${version} (x INTEGER);` })
      expect(applyMigrations(db, [table(1), table(3)])).toEqual([1, 3])
      expect(applyMigrations(db, [table(1), table(2), table(3)])).toEqual([2])
      expect(applyMigrations(db, [table(1), table(2), table(3)])).toEqual([])
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 't_' ORDER BY name").all()).toEqual([{ name: 't1' }, { name: 't2' }, { name: 't3' }])
      db.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('counts facets over the best-ranked matches beyond facetCap, and says so', async () => {
    const t = await createTempStore()
    try {
      await t.store.transaction(async (tx) => {
        for (let i = 0; i < 8; i++) {
          const id = `g${i}`
          const title = `Grokking ${'again '.repeat(i)}w${i}`
          await tx.saveSourceRecord(createSourceRecord({ source: i % 2 ? 'a' : 'b', key: id, locator: id, fetchedAt: '2026-01-01T00:00:00Z', title }), id, id, null)
          await tx.savePaper({
            id, title, titleDerived: false, titleKeys: [id], abstract: null, date: String(2018 + (i % 3)), listedAt: null,
            categories: i % 2 ? ['cs.LG'] : ['stat.ML'], venue: null, ids: {}, authors: [], authorsTruncated: false,
            topics: [i % 3 ? 'Alpha' : 'Beta'], keywords: [], digest: null, citationCount: null, upvotes: null, url: null,
          })
        }
      })
      const capped = SqlitePaperStore.open(openSqliteFile(t.path), { facetCap: 3 })
      const full = await t.store.searchPapers({ text: 'grokking' })
      const result = await capped.searchPapers({ text: 'grokking' })
      expect([result.total, result.facetsOver, result.facetsApproximate]).toEqual([8, 3, true])
      expect([full.facetsOver, full.facetsApproximate]).toEqual([8, false])
      expect(result.items.map((h) => h.paper.id)).toEqual(full.items.map((h) => h.paper.id))
      const top = full.items.slice(0, 3).map((h) => h.paper)
      const count = (values: string[]) => [...new Set(values)].map((v) => [v, values.filter((x) => x === v).length]).sort()
      expect(result.facets.topic.map((f) => [f.label, f.count]).sort()).toEqual(count(top.flatMap((p) => p.topics.map((x) => x.label))))
      expect(result.facets.year.map((f) => [f.value, f.count]).sort()).toEqual(count(top.map((p) => p.date!)))
      expect(result.facets.category.map((f) => [f.value, f.count]).sort()).toEqual(count(top.flatMap((p) => p.categories)))
      expect(result.facets.source.map((f) => [f.value, f.count]).sort()).toEqual(count(top.map((p) => (Number(p.id.slice(1)) % 2 ? 'a' : 'b'))))
      // Pages inside and past the facet scope read the same ranking.
      for (const offset of [0, 2, 3, 5, 7, 8]) {
        const page = await capped.searchPapers({ text: 'grokking', limit: 2, offset })
        expect(page.items.map((h) => h.paper.id)).toEqual(full.items.slice(offset, offset + 2).map((h) => h.paper.id))
      }
      await capped.close()
    } finally {
      await t.cleanup()
    }
  })

  it("lists each paper's earliest BibTeX label in the order stored, reading a record only when its key has another #", async () => {
    const t = await createTempStore()
    try {
      const save = async (tx: Parameters<Parameters<typeof t.store.transaction>[0]>[0], paperId: string, key: string, source = 'bibtex', label?: string) =>
        tx.saveSourceRecord(
          createSourceRecord({ source, key, locator: key, fetchedAt: '2026-01-01T00:00:00Z', title: paperId, raw: label === undefined ? {} : { citationKey: label } }),
          paperId,
          `hash-${key}`,
          null,
        )
      await t.store.transaction(async (tx) => {
        for (const id of ['p1', 'p2', 'p3', 'p4', 'p5'])
          await tx.savePaper({
            id, title: id, titleDerived: false, titleKeys: [id], abstract: null, date: null, listedAt: null, categories: [], venue: null,
            ids: {}, authors: [], authorsTruncated: false, topics: [], keywords: [], digest: null, citationCount: null, upvotes: null, url: null,
          })
        await save(tx, 'p2', '/refs/a.bib#zhang2022how')
        await save(tx, 'p1', '/refs/a.bib#Zhang:2022:fast')
        await save(tx, 'p2', '/refs/b.bib#later')
        await save(tx, 'p3', '/refs/c#/a.bib#smith2020', 'bibtex', 'smith2020')
        await save(tx, 'p4', '/refs/a.bib#a#b', 'bibtex', 'a#b')
        await save(tx, 'p5', 'p5', 'arxiv')
      })
      expect(await t.store.listBibtexCiteLabels()).toEqual([
        { paperId: 'p2', label: 'zhang2022how' },
        { paperId: 'p1', label: 'Zhang:2022:fast' },
        { paperId: 'p3', label: 'smith2020' },
        { paperId: 'p4', label: 'a#b' },
      ])
      // Read once and kept until the library changes: a record written here, or by another connection.
      expect(await t.store.listBibtexCiteLabels()).toBe(await t.store.listBibtexCiteLabels())
      await t.store.transaction((tx) => save(tx, 'p5', '/refs/d.bib#five'))
      expect((await t.store.listBibtexCiteLabels()).map((l) => l.label)).toEqual(['zhang2022how', 'Zhang:2022:fast', 'smith2020', 'a#b', 'five'])
      const other = await SqlitePaperStore.open(openSqliteFile(t.path))
      await other.transaction(async (tx) => {
        await tx.savePaper({
          id: 'p6', title: 'p6', titleDerived: false, titleKeys: ['p6'], abstract: null, date: null, listedAt: null, categories: [], venue: null,
          ids: {}, authors: [], authorsTruncated: false, topics: [], keywords: [], digest: null, citationCount: null, upvotes: null, url: null,
        })
        await tx.saveSourceRecord(createSourceRecord({ source: 'bibtex', key: '/refs/e.bib#six', locator: 'e', fetchedAt: '2026-01-01T00:00:00Z', title: 'p6' }), 'p6', 'hash-six', null)
      })
      await other.close()
      expect((await t.store.listBibtexCiteLabels()).map((l) => l.label).at(-1)).toBe('six')
    } finally {
      await t.cleanup()
    }
  })

  it("keeps researchers' paper stats and topic counts until the library changes, here or through another connection", async () => {
    const t = await createTempStore()
    type Writer = Parameters<Parameters<typeof t.store.transaction>[0]>[0]
    const save = async (tx: Writer, id: string, names: string[], citationCount: number | null, topics: string[], date = '2022') => {
      const authors = []
      for (const [position, name] of names.entries()) {
        const key = name.toLowerCase()
        authors.push({ authorId: (await tx.findAuthorIdsByNameKey(key))[0] ?? (await tx.createAuthor({ name, nameKey: key, blockKey: key })), name, position })
      }
      await tx.savePaper({
        id, title: id, titleDerived: false, titleKeys: [id], abstract: null, date, listedAt: null, categories: [], venue: null,
        ids: {}, authors, authorsTruncated: false, topics, keywords: [], digest: null, citationCount, upvotes: null, url: null,
      })
    }
    try {
      await t.store.transaction(async (tx) => {
        await save(tx, 'p1', ['Ada Lovelace', 'Alan Turing'], 7, ['Grokking'])
        await save(tx, 'p2', ['Alan Turing'], null, ['Grokking', 'Neural Collapse'], '2023')
      })
      const stats = await t.store.analysis.listResearcherTotals()
      // Totals per author: papers, the known citation counts (p2 has none), no percentiles before an analysis.
      expect(stats.map((a) => [a.name, a.papers, [...a.citationCounts], a.noveltyPapers, a.centralityPapers])).toEqual([
        ['Ada Lovelace', 1, [7], 0, 0],
        ['Alan Turing', 2, [7], 0, 0],
      ])
      const turing = stats[1]!.authorId
      expect(await t.store.countTopicPapersByAuthor('grokking')).toEqual(new Map([[stats[0]!.authorId, 1], [turing, 2]]))
      // Read once and kept until the library changes.
      expect(await t.store.analysis.listResearcherTotals()).toBe(stats)
      const years = await t.store.topicYearCounts()
      expect(await t.store.topicYearCounts()).toBe(years)
      const collapse = await t.store.getTopic('neural-collapse')
      expect(collapse).toMatchObject({ paperCount: 1, perYear: [{ year: 2023, curated: 1, predicted: 0 }] })
      const byAuthor = await t.store.countTopicPapersByAuthor('neural-collapse')
      expect(await t.store.countTopicPapersByAuthor('neural-collapse')).toBe(byAuthor)
      expect(await t.store.getTopic('neural-collapse')).toBe(collapse)
      expect(await t.store.getTopic('alchemy')).toBeNull()
      const topics = await t.store.listTopics()
      expect(await t.store.listTopics()).toBe(topics)
      await t.store.transaction((tx) => save(tx, 'p3', ['Alan Turing'], 2, ['Neural Collapse']))
      expect((await t.store.analysis.listResearcherTotals()).find((a) => a.authorId === turing)).toMatchObject({ papers: 3, citationCounts: [7, 2] })
      expect(await t.store.getTopic('neural-collapse')).toMatchObject({ paperCount: 2 })
      expect((await t.store.listTopics()).find((x) => x.id === 'neural-collapse')!.paperCount).toBe(2)
      expect(await t.store.countTopicPapersByAuthor('neural-collapse')).toEqual(new Map([[turing, 2]]))
      expect((await t.store.topicYearCounts()).topics.find((x) => x.id === 'neural-collapse')!.perYear).toEqual([
        { year: 2022, curated: 1, predicted: 0 },
        { year: 2023, curated: 1, predicted: 0 },
      ])
      const other = await SqlitePaperStore.open(openSqliteFile(t.path))
      await other.transaction((tx) => save(tx, 'p4', ['Grace Hopper'], 1, ['Grokking'], '2021'))
      await other.close()
      expect((await t.store.analysis.listResearcherTotals()).map((a) => a.name)).toContain('Grace Hopper')
      expect((await t.store.topicYearCounts()).sortedPerYear.map((y) => y.year)).toEqual([2021, 2022, 2023])
      // What every caller shares cannot be changed by one of them.
      const shared = await t.store.analysis.listResearcherTotals()
      expect(() => (shared as unknown[]).push({})).toThrow(TypeError)
      expect(() => ((shared[0] as { name: string }).name = 'Someone else')).toThrow(TypeError)
      expect(() => ((years.topics as unknown[]).length = 0)).toThrow(TypeError)
      const topic = (await t.store.getTopic('grokking'))!
      expect(() => ((topic.perYear[0] as { curated: number }).curated = 99)).toThrow(TypeError)
      expect(() => ((topic as { paperCount: number }).paperCount = 99)).toThrow(TypeError)
      // A read inside a transaction that is rolled back is not kept: a rollback does not move the change stamp.
      await expect(
        t.store.transaction(async (tx) => {
          await save(tx, 'p5', ['Ghost Writer'], 1, ['Grokking'])
          expect((await t.store.analysis.listResearcherTotals()).map((a) => a.name)).toContain('Ghost Writer')
          throw new Error('rolled back')
        }),
      ).rejects.toThrow('rolled back')
      expect((await t.store.analysis.listResearcherTotals()).map((a) => a.name)).not.toContain('Ghost Writer')
      // A count edited into the file by hand as text ('1,234') is not a count: unknown, not two counts.
      const raw = new Database(t.path)
      raw.prepare("UPDATE papers SET citation_count = '1,234' WHERE id = 'p3'").run()
      expect((await t.store.analysis.getResearcherTotals(turing))!.citationCounts).toEqual([7])
      // Nor is a negative count, or one too large to be one (9e999 reads back as infinity).
      raw.prepare("UPDATE papers SET citation_count = -3 WHERE id = 'p3'").run()
      expect((await t.store.analysis.getResearcherTotals(turing))!.citationCounts).toEqual([7])
      raw.prepare("UPDATE papers SET citation_count = 9e999 WHERE id = 'p3'").run()
      expect((await t.store.analysis.getResearcherTotals(turing))!.citationCounts).toEqual([7])
      raw.close()
    } finally {
      await t.cleanup()
    }
  })
})
