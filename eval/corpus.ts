/**
 * @module Reads the corpus captures with the real importers (`src/ingest`): the evaluation's only IO besides
 * printing. Each file is parsed with the format its name and content select.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SourceRecord } from '../src/core/index.js'
import { CORPUS_FORMATS } from '../src/ingest/index.js'

/** The corpus files and the format each is read with. */
export const CORPUS_FILES = [
  { file: 'awesome-deep-phenomena.txt', format: 'awesome-list' },
  { file: 'daily-papers.txt', format: 'daily-papers' },
  { file: 'researcher-profile.txt', format: 'researcher-profile' },
  { file: 'author-papers.txt', format: 'author-papers' },
  { file: 'abstracts.txt', format: 'abstracts' },
] as const

/** A fixed time stamp, so that a run's records do not depend on the clock. */
const FETCHED_AT = '2025-09-05T00:00:00.000Z'

/** Records of one corpus file, read with its importer. */
export function readCorpusFile(dir: string, file: string, formatName: string): SourceRecord[] {
  const format = CORPUS_FORMATS.find((f) => f.name === formatName)
  if (!format) throw new Error(`no importer named ${formatName}`)
  const input = join(dir, file)
  const bytes = readFileSync(input)
  const ctx = { input: `data/corpus/${file}`, fetchedAt: FETCHED_AT, captureDate: '2025-09-05' }
  const result = format.parseBytes ? format.parseBytes(bytes, ctx) : format.parse(new TextDecoder().decode(bytes), ctx)
  return result.records
}

/** Records of every corpus file, by file name. */
export function readCorpus(dir: string): Map<string, SourceRecord[]> {
  return new Map(CORPUS_FILES.map(({ file, format }) => [file, readCorpusFile(dir, file, format)]))
}
