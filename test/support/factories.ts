/** @module Test builders: records and papers with sensible defaults. */
import { createSourceRecord, type SourceRecord, type SourceRecordInput } from '../../src/core/index.js'

let counter = 0

/**
 * A source record; every call gets a fresh key unless one is given.
 * @example buildRecord({ source: 'arxiv', title: 'Grokking', authors: ['A. Power'] })
 */
export function buildRecord(over: Partial<SourceRecordInput> = {}): SourceRecord {
  counter++
  return createSourceRecord({
    source: 'test',
    key: `k${counter}`,
    locator: `test:${counter}`,
    fetchedAt: '2026-01-01T00:00:00.000Z',
    title: `Paper number ${counter}`,
    ...over,
  })
}
