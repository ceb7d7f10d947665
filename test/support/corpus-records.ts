/** The corpus files as the importers read them, for tests that fit the analysis on real records. */
import { readFileSync } from 'node:fs'
import type { SourceRecord } from '../../src/core/index.js'
import { CORPUS_FORMATS, parseBibtex } from '../../src/ingest/index.js'
import { extractKeywords, fitKeywordModel, keywordsBesideCurated, prepareText, RANK_ALL, type KeywordModel, type PreparedText } from '../../src/analysis/index.js'

/** The records one corpus file gives, read by the named corpus format (`awesome-list`, `daily-papers`, …). */
export function readCorpusRecords(formatName: string, file: string): SourceRecord[] {
  const format = CORPUS_FORMATS.find((f) => f.name === formatName)
  if (!format) throw new Error(`${formatName} importer missing`)
  const path = new URL(`../../data/corpus/${file}`, import.meta.url)
  return format.parse(readFileSync(path, 'utf8'), { input: `data/corpus/${file}`, fetchedAt: '2025-09-05T00:00:00Z' }).records
}

/** The records of an awesome-list fixture (`test/fixtures/awesome-list/<file>`), as the importer reads them. */
export function awesomeListFixtureRecords(file: string): SourceRecord[] {
  const format = CORPUS_FORMATS.find((f) => f.name === 'awesome-list')
  if (!format) throw new Error('awesome-list importer missing')
  const text = readFileSync(new URL(`../fixtures/awesome-list/${file}`, import.meta.url), 'utf8')
  return format.parse(text, { input: `test/fixtures/awesome-list/${file}`, fetchedAt: '2026-01-01T00:00:00Z' }).records
}

/** The awesome list's records: the corpus's curated topics, key words and digests. */
export function awesomeListRecords(): SourceRecord[] {
  return readCorpusRecords('awesome-list', 'awesome-deep-phenomena.txt')
}

/**
 * The D2L book's references (a BibTeX fixture, titles alone): papers off the awesome list's topics, as a library
 * that holds both reads them.
 */
export function d2lReferenceRecords(): SourceRecord[] {
  const bib = readFileSync(new URL('../fixtures/bibtex/d2l_full_488_entries.bib', import.meta.url), 'utf8')
  return parseBibtex(bib, { input: 'd2l.bib', fetchedAt: '2026-01-01T00:00:00Z' }).records
}

/** The key-word model fitted on every awesome-list entry (title + curated digest), as the library's analysis fits it. */
export function awesomeListKeywordModel(records: readonly SourceRecord[] = awesomeListRecords()): KeywordModel {
  return fitKeywordModel(records.map((r) => ({ doc: prepareText({ title: r.title ?? '', text: r.digest?.text ?? '' }), keywords: r.keywords, topics: r.topics })))
}

/** What the awesome list's key-word model shows of its papers, for tests that read one paper's key words. */
export interface AwesomeListKeywordProbe {
  model: KeywordModel
  /** The entry whose title is `title`, or failing that starts with it; throws when the corpus lost it. */
  record(title: string): SourceRecord
  /** An entry's title + digest, as the library's analysis reads it. */
  doc(r: SourceRecord): PreparedText
  /** The whole ranking of an entry's title + digest, curated key words aside. */
  ranking(r: SourceRecord): string[]
  /** As the library's analysis shows them beside the entry's curated key words (passed over in the ranking). */
  besideCurated(r: SourceRecord): string[]
}

/** Fits the model once (a few hundred ms); call it in `beforeAll`. */
export function awesomeListKeywordProbe(records: readonly SourceRecord[] = awesomeListRecords()): AwesomeListKeywordProbe {
  const model = awesomeListKeywordModel(records)
  const docOf = (r: SourceRecord): PreparedText => prepareText({ title: r.title ?? '', text: r.digest?.text ?? '' })
  return {
    model,
    doc: docOf,
    record(title) {
      const found = records.find((r) => r.title === title) ?? records.find((r) => r.title?.startsWith(title))
      if (!found) throw new Error(`${title} is no longer in the corpus`)
      return found
    },
    ranking: (r) => extractKeywords(model, docOf(r), RANK_ALL).map((k) => k.text),
    besideCurated: (r) => keywordsBesideCurated(extractKeywords(model, docOf(r), { ...RANK_ALL, curated: r.keywords }), r.keywords).map((k) => k.text),
  }
}

/** The awesome list with the D2L book's references, as one library of both reads them, for tests of one paper's key words. */
export interface MixedLibraryKeywords {
  model: KeywordModel
  /** The record titled exactly `title`; throws when the fixtures lost it. */
  record(title: string): SourceRecord
  /** A record's title and digest, or its abstract where it has no digest. */
  doc(r: Pick<SourceRecord, 'title' | 'abstract' | 'digest'>): PreparedText
}

/** Fits the model on both (a second or so); call it in `beforeAll`. */
export function awesomeAndD2lKeywords(): MixedLibraryKeywords {
  const records = [...awesomeListRecords(), ...d2lReferenceRecords()]
  const doc = (r: Pick<SourceRecord, 'title' | 'abstract' | 'digest'>): PreparedText => prepareText({ title: r.title ?? '', text: r.digest?.text ?? r.abstract ?? '' })
  return {
    model: fitKeywordModel(records.map((r) => ({ doc: doc(r), keywords: r.keywords, topics: r.topics }))),
    doc,
    record(title) {
      const found = records.find((r) => r.title === title)
      if (!found) throw new Error(`${title} is no longer in the fixtures`)
      return found
    },
  }
}
