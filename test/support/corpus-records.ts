/** The corpus files as the importers read them, for tests that fit the analysis on real records. */
import { readFileSync } from 'node:fs'
import type { SourceRecord } from '../../src/core/index.js'
import { CORPUS_FORMATS } from '../../src/ingest/index.js'
import { fitKeywordModel, prepareText, type KeywordModel } from '../../src/analysis/index.js'

/** The records one corpus file gives, read by the named corpus format (`awesome-list`, `daily-papers`, …). */
export function readCorpusRecords(formatName: string, file: string): SourceRecord[] {
  const format = CORPUS_FORMATS.find((f) => f.name === formatName)
  if (!format) throw new Error(`${formatName} importer missing`)
  const path = new URL(`../../data/corpus/${file}`, import.meta.url)
  return format.parse(readFileSync(path, 'utf8'), { input: `data/corpus/${file}`, fetchedAt: '2025-09-05T00:00:00Z' }).records
}

/** The awesome list's records: the corpus's curated topics, key words and digests. */
export function awesomeListRecords(): SourceRecord[] {
  return readCorpusRecords('awesome-list', 'awesome-deep-phenomena.txt')
}

/** The key-word model fitted on every awesome-list entry (title + curated digest), as the library's analysis fits it. */
export function awesomeListKeywordModel(records: readonly SourceRecord[] = awesomeListRecords()): KeywordModel {
  return fitKeywordModel(records.map((r) => ({ doc: prepareText({ title: r.title ?? '', text: r.digest?.text ?? '' }), keywords: r.keywords, topics: r.topics })))
}
