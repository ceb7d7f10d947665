/**
 * @module Versioned schema changes, applied in order when a store opens. A migration never changes once
 * released; a new one is appended.
 */
import { LISTING_SOURCES } from '../../core/index.js'
import type { SqliteDatabase } from './database.js'

export interface Migration {
  version: number
  name: string
  up: string
}

const LISTING = LISTING_SOURCES.map((source) => `'${source}'`).join(', ')

/**
 * What a paper's row says of its listing, worked out from its source records (an UPDATE's SET list): listed (a
 * listing page showed it, or it has a listing date or votes), and where its latest listing record is (the file it
 * was read from, and its line), for trending's order of the papers a page listed with neither a date nor votes.
 */
export const LISTED_COLUMNS = `listed = (listed_at IS NOT NULL OR upvotes IS NOT NULL OR EXISTS (SELECT 1 FROM source_records r
    WHERE r.paper_id = papers.id AND r.source IN (${LISTING}))),
  (listing_file, listing_line) = (SELECT coalesce(r.read_from, r.locator), r.line FROM source_records r
    WHERE r.paper_id = papers.id AND r.source IN (${LISTING}) ORDER BY r.fetched_at DESC, r.line LIMIT 1)`

/** A listing record written, moved or deleted changes its papers' listing (its line shifts when a page is read again). */
const LISTING_TRIGGERS = ['INSERT', 'UPDATE', 'DELETE']
  .map((event) => {
    const row = event === 'DELETE' ? 'OLD' : 'NEW'
    const papers = event === 'UPDATE' ? 'NEW.paper_id, OLD.paper_id' : `${row}.paper_id`
    const when = event === 'UPDATE' ? `NEW.source IN (${LISTING}) OR OLD.source IN (${LISTING})` : `${row}.source IN (${LISTING})`
    return `CREATE TRIGGER source_records_listing_${event.toLowerCase()} AFTER ${event} ON source_records WHEN ${when}
      BEGIN UPDATE papers SET ${LISTED_COLUMNS} WHERE id IN (${papers}); END;`
  })
  .join('\n')

/** Vietnamese family names as migration 24 knows them (a JSON array). */
const VIETNAMESE_FAMILY_NAMES_24 = JSON.stringify([
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong', 'ly',
  'truong', 'dinh', 'dao', 'trinh', 'luong', 'lam', 'cao', 'ha', 'luu', 'quach', 'doan', 'thai', 'chau', 'trieu', 'vuong',
])

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'init',
    up: `
      CREATE TABLE papers (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        title_derived INTEGER NOT NULL DEFAULT 0,
        abstract TEXT,
        date TEXT,
        year INTEGER,
        listed_at TEXT,
        categories TEXT NOT NULL DEFAULT '[]',
        venue TEXT,
        ids TEXT NOT NULL DEFAULT '{}',
        authors_truncated INTEGER NOT NULL DEFAULT 0,
        digest TEXT,
        digest_origin TEXT,
        citation_count INTEGER,
        upvotes INTEGER,
        url TEXT,
        source_count INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX papers_date ON papers(date);
      CREATE INDEX papers_year ON papers(year);
      CREATE INDEX papers_listed ON papers(listed_at);

      CREATE TABLE paper_external_ids (
        kind TEXT NOT NULL,
        value TEXT NOT NULL,
        paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        PRIMARY KEY (kind, value)
      ) WITHOUT ROWID;
      CREATE INDEX paper_external_ids_paper ON paper_external_ids(paper_id);

      CREATE TABLE paper_title_keys (
        key TEXT NOT NULL,
        paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        PRIMARY KEY (key, paper_id)
      ) WITHOUT ROWID;
      CREATE INDEX paper_title_keys_paper ON paper_title_keys(paper_id);

      CREATE TABLE source_records (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        key TEXT NOT NULL,
        paper_id TEXT NOT NULL REFERENCES papers(id) DEFERRABLE INITIALLY DEFERRED,
        locator TEXT NOT NULL,
        line INTEGER,
        fetched_at TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        match_reason TEXT,
        record TEXT NOT NULL,
        UNIQUE (source, key)
      );
      CREATE INDEX source_records_paper ON source_records(paper_id);

      CREATE TABLE authors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        block_key TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX authors_name_key ON authors(name_key);
      CREATE INDEX authors_block_key ON authors(block_key);

      CREATE TABLE author_names (
        author_id TEXT NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        PRIMARY KEY (author_id, name)
      ) WITHOUT ROWID;
      CREATE INDEX author_names_key ON author_names(name_key);

      CREATE TABLE authorships (
        paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        author_id TEXT NOT NULL REFERENCES authors(id),
        position INTEGER,
        name TEXT NOT NULL,
        PRIMARY KEY (paper_id, author_id)
      ) WITHOUT ROWID;
      CREATE INDEX authorships_author ON authorships(author_id);

      CREATE TABLE author_profiles (
        id INTEGER PRIMARY KEY,
        author_id TEXT NOT NULL REFERENCES authors(id),
        source TEXT NOT NULL,
        key TEXT NOT NULL,
        locator TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        field TEXT,
        metrics TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        record TEXT NOT NULL,
        UNIQUE (source, key)
      );
      CREATE INDEX author_profiles_author ON author_profiles(author_id);

      CREATE TABLE topics (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL UNIQUE
      );

      CREATE TABLE paper_topics (
        paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        topic_id TEXT NOT NULL REFERENCES topics(id),
        origin TEXT NOT NULL CHECK (origin IN ('curated', 'predicted')),
        confidence REAL,
        PRIMARY KEY (paper_id, topic_id, origin)
      ) WITHOUT ROWID;
      CREATE INDEX paper_topics_topic ON paper_topics(topic_id);

      CREATE TABLE paper_keywords (
        paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        origin TEXT NOT NULL CHECK (origin IN ('curated', 'extracted')),
        keyword TEXT NOT NULL,
        rank INTEGER NOT NULL,
        PRIMARY KEY (paper_id, origin, keyword)
      ) WITHOUT ROWID;

      CREATE VIRTUAL TABLE papers_fts USING fts5(
        title, keywords, abstract, authors,
        tokenize = 'porter unicode61 remove_diacritics 2'
      );

      -- How many titles contain each word, so candidate lookups query by the rarest words only.
      CREATE TABLE title_word_counts (
        word TEXT PRIMARY KEY,
        papers INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE feed_cursors (
        feed TEXT PRIMARY KEY,
        cursor TEXT,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'analysis',
    // Computed results live apart from what sources said: models, vectors and per-paper results here;
    // predicted topics and extracted key words also go to paper_topics / paper_keywords (origin column),
    // so every page and facet reads them beside the curated ones. Generated digests stay in
    // paper_analysis and never overwrite papers.digest.
    up: `
      CREATE TABLE analysis_models (
        kind TEXT PRIMARY KEY CHECK (kind IN ('vectors', 'topics', 'keywords')),
        model TEXT NOT NULL,
        fitted_at TEXT NOT NULL,
        library_size INTEGER NOT NULL,
        training_size INTEGER NOT NULL
      );

      CREATE TABLE paper_vectors (
        paper_id TEXT PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
        embedder TEXT NOT NULL,
        vector BLOB NOT NULL,
        terms TEXT NOT NULL DEFAULT '[]'
      );

      CREATE TABLE paper_analysis (
        paper_id TEXT PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
        input_hash TEXT NOT NULL,
        analyzed_at TEXT NOT NULL,
        topic_status TEXT NOT NULL CHECK (topic_status IN ('curated', 'predicted', 'unsorted', 'no-model')),
        topic_scores TEXT NOT NULL DEFAULT '[]',
        topic_probabilities TEXT,
        topic_why TEXT NOT NULL DEFAULT '[]',
        keywords TEXT NOT NULL DEFAULT '[]',
        digest TEXT,
        digest_why TEXT NOT NULL DEFAULT '[]'
      );

      CREATE TABLE paper_novelty (
        paper_id TEXT PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
        novelty REAL,
        percentile REAL,
        compared_with INTEGER NOT NULL DEFAULT 0,
        evidence TEXT NOT NULL DEFAULT '[]',
        explanation TEXT NOT NULL DEFAULT '',
        centrality_percentile REAL
      );

      -- Bumped by every analysis write, so readers holding an in-memory index know when to reload it.
      CREATE TABLE analysis_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        generation INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'read-indexes',
    // Measured on a 100k library (docs/benchmarks.md): the feed's source filter and the search source facet
    // read source_records by paper for its source (covering now); the recent feed walks an index instead of
    // sorting every paper; the trending feed reads only listed or voted papers.
    up: `
      CREATE INDEX source_records_paper_source ON source_records(paper_id, source);
      CREATE INDEX papers_recent ON papers(coalesce(date, listed_at) DESC, id);
      CREATE INDEX papers_trending ON papers(listed_at, upvotes) WHERE listed_at IS NOT NULL OR upvotes IS NOT NULL;
    `,
  },
  {
    version: 4,
    name: 'suggested-keywords',
    // A key word the analysis takes from similar papers or the paper's topic, not from its text, is shown as
    // suggested, not as extracted. SQLite cannot change a CHECK, so the table is rebuilt, and every paper's
    // analysis is marked stale so that the next import, sync or start writes its key words again with the
    // right origin (until then the old rows and the rest of the analysis stay as they were).
    up: `
      CREATE TABLE paper_keywords_v4 (
        paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        origin TEXT NOT NULL CHECK (origin IN ('curated', 'extracted', 'suggested')),
        keyword TEXT NOT NULL,
        rank INTEGER NOT NULL,
        PRIMARY KEY (paper_id, origin, keyword)
      ) WITHOUT ROWID;
      INSERT INTO paper_keywords_v4 SELECT paper_id, origin, keyword, rank FROM paper_keywords;
      DROP TABLE paper_keywords;
      ALTER TABLE paper_keywords_v4 RENAME TO paper_keywords;
      UPDATE paper_analysis SET analyzed_at = '', input_hash = '';
    `,
  },
  {
    version: 5,
    name: 'author-source-ids',
    // The sources' own ids of a person (`semantic-scholar:2259683`, `openalex:A5023888391`, `orcid:…`): one id
    // names one person, so papers a source attributes to one id join one person whatever their spelling. A
    // library imported before learns them as its records are imported again with changes, or synced.
    up: `
      CREATE TABLE author_source_ids (
        source_id TEXT PRIMARY KEY,
        author_id TEXT NOT NULL REFERENCES authors(id) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX author_source_ids_author ON author_source_ids(author_id);
    `,
  },
  {
    version: 6,
    name: 'record-files',
    // The file a record was last read from, as an absolute path (null for API records, and for records stored
    // before). BibTeX keys held the path as given before they held the file itself: this tells which file such
    // an older record came from, and so whether a same-named file read now is that one.
    up: `ALTER TABLE source_records ADD COLUMN read_from TEXT;`,
  },
  {
    version: 7,
    name: 'paper-aliases',
    // The ids of papers removed when their last record joined another paper, and the paper that record joined:
    // a link or bookmark to the old id finds the paper it became. An id made live again stops being an alias.
    up: `
      CREATE TABLE paper_aliases (
        former_id TEXT PRIMARY KEY,
        paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX paper_aliases_paper ON paper_aliases(paper_id);
    `,
  },
  {
    version: 8,
    name: 'papers-by-title',
    // Lists and exports in title order read a page at a time: without an index each page sorted the whole
    // library again (a 100k-paper BibTeX export spent most of its minutes there).
    up: `CREATE INDEX papers_title ON papers(title COLLATE NOCASE, id);`,
  },
  {
    version: 9,
    name: 'novelty-stale',
    // A paper removed by an import (its records joined another paper) leaves every novelty and centrality row
    // to recompute, though no paper is new or changed: the next analysis looks here.
    // A library analysed before may have removed papers already: its novelty is recounted once.
    up: `ALTER TABLE analysis_state ADD COLUMN novelty_stale INTEGER NOT NULL DEFAULT 0;
         UPDATE analysis_state SET novelty_stale = 1;`,
  },
  {
    version: 10,
    name: 'search-without-stemming',
    // The Porter stemmer made `generative`, `generalization` and `general` one word, and `transformer` one with
    // `transform`: a search for either found the other field. Words are indexed as written (accents aside); a
    // query adds the word's plural or singular instead (fts-query.ts). The index keeps its text: it is copied
    // (100k papers: 1.9 s). Prefixes of 1–3 letters get indexes of their own: a search as you type (`phase t`)
    // took 1.26 s on 100k papers, 0.11 s with them (the file grows by 13%).
    up: `CREATE VIRTUAL TABLE papers_fts_new USING fts5(
           title, keywords, abstract, authors,
           tokenize = 'unicode61 remove_diacritics 2',
           prefix = '1 2 3'
         );
         INSERT INTO papers_fts_new (rowid, title, keywords, abstract, authors)
           SELECT rowid, title, keywords, abstract, authors FROM papers_fts;
         DROP TABLE papers_fts;
         ALTER TABLE papers_fts_new RENAME TO papers_fts;`,
  },
  {
    version: 11,
    name: 'records-by-file',
    // A list file read again looks up the records it gave last time (to remove those it no longer has): 0.24–0.33 s
    // on a 100k library through the (source, key) index, a lookup with this one.
    up: `CREATE INDEX source_records_file ON source_records(source, read_from);`,
  },
  {
    version: 12,
    name: 'held-cite-keys',
    // The cite key each paper had when an import removed records from it (its list no longer has an entry): still
    // its claim, so no generated key takes it (a LaTeX \cite{du2018gradient} must not come to mean another paper),
    // a paper that stays keeps it though the entry that gave it went, and one that left has it if it comes back.
    up: `CREATE TABLE held_cite_keys (
           paper_id TEXT PRIMARY KEY,
           key TEXT NOT NULL,
           held_at TEXT NOT NULL
         );`,
  },
  {
    version: 13,
    name: 'record-files',
    // Every file a record was read from, not only the last: one awesome list in two files (a fork beside the
    // original) is one set of records, and a file read again without an entry lets go of it only for itself (the
    // record goes when no file that still exists lists it). Filled from the file each record was last read from.
    // A library that took migration 12 when it made the table under another name gets `held_cite_keys` with the
    // keys it held. Records are found by file through the links now, so migration 11's index goes.
    up: `CREATE TABLE record_files (
           record_id INTEGER NOT NULL REFERENCES source_records(id) ON DELETE CASCADE,
           file TEXT NOT NULL,
           PRIMARY KEY (record_id, file)
         ) WITHOUT ROWID;
         CREATE INDEX record_files_file ON record_files(file);
         INSERT INTO record_files (record_id, file) SELECT id, read_from FROM source_records WHERE read_from IS NOT NULL;
         CREATE TABLE IF NOT EXISTS held_cite_keys (
           paper_id TEXT PRIMARY KEY,
           key TEXT NOT NULL,
           held_at TEXT NOT NULL
         );
         CREATE TABLE IF NOT EXISTS retired_cite_keys (paper_id TEXT PRIMARY KEY, key TEXT NOT NULL, retired_at TEXT NOT NULL);
         INSERT OR IGNORE INTO held_cite_keys (paper_id, key, held_at) SELECT paper_id, key, retired_at FROM retired_cite_keys;
         DROP TABLE retired_cite_keys;
         DROP INDEX IF EXISTS source_records_file;`,
  },
  {
    version: 14,
    name: 'papers-year-by-id',
    // Topic trends and a topic's papers per year read a paper's year by its id; a paper's row holds its abstract,
    // so without this index every lookup reads a wide row (on a library of 100k papers: 0.24 s → 0.06 s).
    up: `CREATE INDEX papers_id_year ON papers(id, year);`,
  },
  {
    version: 15,
    name: 'researcher-totals-by-id',
    // The ranking of researchers also reads a paper's citation count and its novelty percentiles by id (a novelty
    // row holds its evidence): every researcher's totals on 100k papers 1.3 s → 0.2 s. Migration 14's index is
    // made again with the citation count (a copy of 14 that made both on its own is mended alike).
    up: `DROP INDEX IF EXISTS papers_id_year;
         CREATE INDEX papers_id_year ON papers(id, year, citation_count);
         CREATE INDEX IF NOT EXISTS paper_novelty_percentiles ON paper_novelty(paper_id, percentile, centrality_percentile);`,
  },
  {
    version: 16,
    name: 'paper-keywords-by-keyword',
    // The feed filtered by a key word (`GET /papers?keyword=`) finds its papers by the key word's spellings; without
    // this index every key word row of the library is read (0.3–0.45 s on 800k rows).
    up: `CREATE INDEX paper_keywords_keyword ON paper_keywords(keyword, paper_id);`,
  },
  {
    version: 17,
    name: 'papers-listed',
    // Trending lists every paper a listing page showed, with or without a date or votes (the corpus's daily page
    // has neither), those with neither by page and in its order; a flag and that place kept with the paper (set
    // when it is saved, and by triggers when a listing record changes) find and order them through a small index,
    // where asking every paper's source records made trending on 100k papers 6 ms → 60 ms (ordering by them 19 ms).
    up: `ALTER TABLE papers ADD COLUMN listed INTEGER NOT NULL DEFAULT 0;
         ALTER TABLE papers ADD COLUMN listing_file TEXT;
         ALTER TABLE papers ADD COLUMN listing_line INTEGER;
         UPDATE papers SET ${LISTED_COLUMNS};
         ${LISTING_TRIGGERS}
         DROP INDEX IF EXISTS papers_trending;
         CREATE INDEX papers_trending ON papers(listed_at, upvotes) WHERE listed = 1;`,
  },
  {
    version: 18,
    name: 'author-aliases',
    // The ids of people joined into another when co-authors showed them to be one (store.mergeAuthors), and the
    // person they became: a link or bookmark to the old id finds that person. A new person never takes such an id.
    up: `
      CREATE TABLE author_aliases (
        former_id TEXT PRIMARY KEY,
        author_id TEXT NOT NULL REFERENCES authors(id) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX author_aliases_author ON author_aliases(author_id);
    `,
  },
  {
    version: 19,
    name: 'record-ids',
    // Every id of every record finds its paper, not only the one per kind the paper shows: a paper shown by its
    // bioRxiv DOI is found by the journal DOI of its other record. An id another paper claimed stays with it (as
    // a paper's save keeps it); records in the order they came.
    up: `INSERT OR IGNORE INTO paper_external_ids (kind, value, paper_id)
           SELECT i.key, i.value, r.paper_id FROM source_records r, json_each(r.record, '$.ids') i
           WHERE i.type = 'text' ORDER BY r.id;`,
  },
  {
    version: 20,
    name: 'topic-unsorted-reason',
    // Why the classifier left a paper unsorted (`{"because", "oneWord"}`), which the API and `show` say; NULL for a
    // row analysed before it was kept, whose reason is read from its reasons and confidences.
    up: `ALTER TABLE paper_analysis ADD COLUMN topic_unsorted TEXT;`,
  },
  {
    version: 21,
    name: 'record-external-ids',
    // Which papers have a record that gives an id, whether or not they hold it: the paper with the best claim among
    // them holds it, whichever came first, and takes it in the same transaction when its holder lets go of it (the
    // record that gave it left, or was edited). Kept by triggers, so every write of a record keeps it right.
    up: `CREATE TABLE record_external_ids (
           kind TEXT NOT NULL,
           value TEXT NOT NULL,
           record_id INTEGER NOT NULL,
           PRIMARY KEY (kind, value, record_id)
         ) WITHOUT ROWID;
         CREATE INDEX record_external_ids_record ON record_external_ids(record_id);
         INSERT OR IGNORE INTO record_external_ids (kind, value, record_id)
           SELECT i.key, i.value, r.id FROM source_records r, json_each(r.record, '$.ids') i WHERE i.type = 'text';
         CREATE TRIGGER record_external_ids_insert AFTER INSERT ON source_records BEGIN
           INSERT OR IGNORE INTO record_external_ids (kind, value, record_id)
             SELECT i.key, i.value, NEW.id FROM json_each(NEW.record, '$.ids') i WHERE i.type = 'text';
         END;
         CREATE TRIGGER record_external_ids_update AFTER UPDATE OF record ON source_records BEGIN
           DELETE FROM record_external_ids WHERE record_id = OLD.id;
           INSERT OR IGNORE INTO record_external_ids (kind, value, record_id)
             SELECT i.key, i.value, NEW.id FROM json_each(NEW.record, '$.ids') i WHERE i.type = 'text';
         END;
         CREATE TRIGGER record_external_ids_delete AFTER DELETE ON source_records BEGIN
           DELETE FROM record_external_ids WHERE record_id = OLD.id;
         END;`,
  },
  {
    version: 22,
    name: 'curated-topic-order',
    // A paper's curated topics in the order its records give them (a nested list's `Vision › Detection` outermost
    // first), where the table kept none and cards read them by id ('Detection, Vision'). Written with the curated
    // topics; NULL for predicted ones (ordered by confidence). A library made before is ordered once from its
    // records, in the order they were stored and each record's topics in its order: as merge orders them while
    // only awesome lists give topics (all one source rank); the paper's next save writes merge's order.
    up: `ALTER TABLE paper_topics ADD COLUMN position INTEGER;
         UPDATE paper_topics SET position = o.position FROM (
           SELECT pt.paper_id, pt.topic_id,
             row_number() OVER (PARTITION BY pt.paper_id ORDER BY f.first NULLS LAST, pt.topic_id) - 1 AS position
           FROM paper_topics pt JOIN topics t ON t.id = pt.topic_id
           LEFT JOIN (SELECT r.paper_id, j.value AS label, min(r.id * 1000000 + j.key) AS first
                      FROM source_records r, json_each(r.record, '$.topics') j GROUP BY r.paper_id, j.value) f
             ON f.paper_id = pt.paper_id AND f.label = t.label
           WHERE pt.origin = 'curated'
         ) o
         WHERE paper_topics.origin = 'curated' AND paper_topics.paper_id = o.paper_id AND paper_topics.topic_id = o.topic_id;`,
  },
  {
    version: 23,
    name: 'particle-given-name-block-keys',
    // A capitalised first word that looks like a name particle is a given name (`Le Song`, `Bin Yu`: library
    // parseName since d72a17e); people made before kept the block key of a family name with no given one
    // (`le song|`), so a later `L. Song` looked for them under `song|l` and became someone else. Those keys are made
    // again as parseName now makes them, for people written with that capital and no comma. The particles are the
    // library's NAME_PARTICLES, listed here because a migration is the schema's and must not move with the code.
    up: `UPDATE authors SET block_key = substr(name_key, instr(name_key, ' ') + 1) || '|' || substr(name_key, 1, 1)
         WHERE block_key = name_key || '|' AND instr(name_key, ' ') > 0
           AND substr(name_key, 1, instr(name_key, ' ') - 1) IN ('van', 'von', 'der', 'den', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'dos', 'das', 'ter', 'ten', 'bin', 'ibn', 'al')
           AND EXISTS (SELECT 1 FROM author_names n WHERE n.author_id = authors.id AND n.name_key = authors.name_key
                       AND instr(n.name, ',') = 0 AND substr(ltrim(n.name), 1, 1) GLOB '[A-Z]');`,
  },
  {
    version: 24,
    name: 'vietnamese-van-block-keys',
    // `Van` beside a Vietnamese family name is a middle name, not the Dutch particle (library parseName since this
    // migration): `Minh Van Nguyen` is keyed `nguyen|m`, not `van nguyen|m`, and `Nguyen Van Minh` `minh|n`, not
    // `van minh|n`, so a later `M. V. Nguyen` or `Nguyen V. Minh` finds them as in a fresh build. The exact key
    // (`minh van nguyen`) reads the same either way. First the family name ending in `van <Vietnamese family name>`
    // with a word before `van`, then `van` second after a Vietnamese family name that is the only given name. The
    // family names are the library's VIETNAMESE_FAMILY_NAMES, listed here because a migration must not move with the code.
    up: `UPDATE authors SET block_key = v.value || '|' || substr(authors.name_key, 1, 1)
         FROM json_each('${VIETNAMESE_FAMILY_NAMES_24}') v
         WHERE (substr(authors.block_key, 1, instr(authors.block_key, '|') - 1) = 'van ' || v.value
                OR substr(authors.block_key, 1, instr(authors.block_key, '|') - 1) GLOB '* van ' || v.value)
           AND authors.name_key GLOB '?* van ' || v.value;
         UPDATE authors SET block_key = substr(authors.block_key, 5)
         FROM json_each('${VIETNAMESE_FAMILY_NAMES_24}') v
         WHERE authors.block_key GLOB 'van *|?*'
           AND authors.name_key = v.value || ' ' || substr(authors.block_key, 1, instr(authors.block_key, '|') - 1);`,
  },
  {
    version: 25,
    name: 'candidate-profiles',
    // A profile that only names someone (Semantic Scholar's author search gives an id and a name: 'Turing Award',
    // 'The Alan Turing Institute') is a candidate, not a person of the library: it keeps its record with no person
    // (author_id null) until papers or a reporting profile name that person. The people such hits made before (no
    // paper, no profile that reports anything) let go of their profiles and leave; their names and ids go with them.
    up: `
      CREATE TABLE author_profiles_25 (
        id INTEGER PRIMARY KEY,
        author_id TEXT REFERENCES authors(id),
        source TEXT NOT NULL,
        key TEXT NOT NULL,
        locator TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        field TEXT,
        metrics TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        record TEXT NOT NULL,
        UNIQUE (source, key)
      );
      INSERT INTO author_profiles_25 (id, author_id, source, key, locator, fetched_at, field, metrics, content_hash, record)
        SELECT id, author_id, source, key, locator, fetched_at, field, metrics, content_hash, record FROM author_profiles;
      DROP TABLE author_profiles;
      ALTER TABLE author_profiles_25 RENAME TO author_profiles;
      CREATE INDEX author_profiles_author ON author_profiles(author_id);
      CREATE TEMP TABLE candidate_people_25 AS
        SELECT id FROM authors
        WHERE id NOT IN (SELECT author_id FROM authorships)
          AND id IN (SELECT author_id FROM author_profiles WHERE author_id IS NOT NULL)
          AND id NOT IN (SELECT author_id FROM author_profiles WHERE author_id IS NOT NULL AND (field IS NOT NULL OR metrics <> '{}'));
      UPDATE author_profiles SET author_id = NULL WHERE author_id IN (SELECT id FROM candidate_people_25);
      DELETE FROM authors WHERE id IN (SELECT id FROM candidate_people_25);
      DROP TABLE candidate_people_25;`,
  },
  {
    version: 26,
    name: 'novelty-too-little-known',
    // The words of a paper's text the vector model knows, when too few to place it (a JSON array; NULL when it knows
    // enough, or cannot say: an ONNX model's vectors), which an incremental analysis and the similar-papers note
    // read; they were kept only in the reason it has no novelty. A library analysed before has them read once from
    // that reason, as analysis then wrote it (`…: only “networks”`, `… “Highway” and “networks”`, `…: none of its
    // words`): otherwise its next incremental run would rank such papers again and their notes would go until a
    // full one. json_quote escapes the words and leaves the curly quotes between them to be split on.
    up: `ALTER TABLE paper_novelty ADD COLUMN too_little_known TEXT;
         UPDATE paper_novelty SET too_little_known = CASE
             WHEN explanation = 'too little text the model knows to place it: none of its words' THEN '[]'
             ELSE '[' || replace(json_quote(substr(explanation, 52, length(explanation) - 52)), '” and “', '","') || ']'
           END
         WHERE novelty IS NULL AND (explanation = 'too little text the model knows to place it: none of its words'
           OR (substr(explanation, 1, 51) = 'too little text the model knows to place it: only “' AND substr(explanation, -1) = '”'));`,
  },
  {
    version: 27,
    name: 'novelty-cohort',
    // The papers a novelty percentile ranks among (a JSON object {from, to, papers}: first and last year, papers with
    // a novelty; NULL when it has no percentile), which the paper detail (API, show --json) and show print; they were
    // kept only at the end of the novelty's explanation. A library analysed before has them read once from there, as
    // analysis then wrote it (`…; percentile among the 15 papers of 2017–2018`, or `… of 2016` for one year): else its
    // papers would lose their cohort until the next analysis that writes novelty, which nothing forces (the model is
    // unchanged). Anything else (no percentile, an older sentence) is left NULL, as the parse gave null.
    up: `ALTER TABLE paper_novelty ADD COLUMN cohort TEXT;
         UPDATE paper_novelty SET cohort = json_object('from', CAST(substr(c.years, 1, 4) AS INTEGER),
             'to', CAST(substr(c.years, -4) AS INTEGER), 'papers', CAST(c.papers AS INTEGER))
           FROM (SELECT paper_id, substr(tail, 1, instr(tail, ' papers of ') - 1) AS papers,
                   substr(tail, instr(tail, ' papers of ') + 11) AS years
                 FROM (SELECT paper_id, substr(explanation, instr(explanation, '; percentile among the ') + 23) AS tail
                       FROM paper_novelty WHERE percentile IS NOT NULL AND instr(explanation, '; percentile among the ') > 0)) AS c
           WHERE paper_novelty.paper_id = c.paper_id AND c.papers GLOB '[0-9]*' AND NOT c.papers GLOB '*[^0-9]*'
             AND (c.years GLOB '[0-9][0-9][0-9][0-9]' OR c.years GLOB '[0-9][0-9][0-9][0-9]–[0-9][0-9][0-9][0-9]');`,
  },
  {
    version: 28,
    name: 'analysis-language',
    // The language the analysis told a paper's text is in (`English`, `French`), so the note of a paper with no key
    // words says why for its language, not for either. NULL for a row analysed before it was kept: SQL cannot tell a
    // language, so such a paper's note says both until its next analysis (the model version went up with it).
    up: `ALTER TABLE paper_analysis ADD COLUMN language TEXT;`,
  },
]

/**
 * Applies every migration the file has not had, in version order, each in its own transaction. Not only those above
 * its version: a file made between two lines of work that each added one (version 21 committed before 20) takes the
 * earlier one when it arrives.
 * @returns the versions applied now (empty when the file was current)
 */
export function applyMigrations(db: SqliteDatabase, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
  const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version))
  const applied: number[] = []
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue
    db.exec('BEGIN IMMEDIATE')
    try {
      db.exec(m.up)
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      )
      db.exec('COMMIT')
      applied.push(m.version)
    } catch (err) {
      db.exec('ROLLBACK')
      throw err
    }
  }
  return applied
}

/** The schema version a database is at. */
export function schemaVersion(db: SqliteDatabase): number {
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }
  return row.v ?? 0
}
