/** Counts in the CLI's words: one paper, two papers, never "1 papers". */
import { describe, expect, it } from 'vitest'
import type { AnalyzeReport } from '../commands/index.js'
import { pluralize } from '../core/index.js'
import type { SearchResult } from '../store/index.js'
import { renderAnalyzeReport } from './commands/analyze.js'
import { renderAnalysisLine } from './commands/import.js'
import { renderSearch } from './commands/search.js'
import { table } from './format.js'

/** An analysis in which every count is `n`. */
function analysisOf(n: number, mode: AnalyzeReport['mode']): AnalyzeReport {
  return {
    mode,
    reason: mode === 'full' ? 'requested' : null,
    papers: n,
    analyzed: n,
    models: {
      vectors: { dimensions: n, trainingSize: n, fittedAt: '', embedder: 'lsa', embeddingModel: null, vectorDimensions: n },
      topics: { labels: Array.from({ length: n }, (_, i) => `t${i}`), trainingSize: n, temperature: 1, unsortedBelow: 0.3, fittedAt: '' },
      keywords: { trainingSize: n, fittedAt: '' },
    },
    topics: { curated: n, predicted: n, unsorted: n },
    keywords: { papers: n, phrases: n },
    digests: { generated: n },
    novelty: { papers: n, tooLittleKnown: n },
    ms: { reading: 0, embedding: 0, fitting: 0, analysing: 0, novelty: 0, saving: 0, total: 0 },
  } as AnalyzeReport
}

describe('pluralize', () => {
  it('says one thing in the singular, and none or many in the plural', () => {
    expect([0, 1, 2].map((n) => pluralize(n, 'paper'))).toEqual(['0 papers', '1 paper', '2 papers'])
    expect([1, 3].map((n) => pluralize(n, 'BibTeX entry', 'BibTeX entries'))).toEqual(['1 BibTeX entry', '3 BibTeX entries'])
  })
})

describe('count messages', () => {
  it('never print "1 papers" or its like', () => {
    const one = [
      renderAnalysisLine(analysisOf(1, 'full')),
      renderAnalysisLine(analysisOf(1, 'incremental')),
      renderAnalyzeReport(analysisOf(1, 'full')),
      renderSearch('grokking', { total: 1, items: [], offset: 0 } as unknown as SearchResult),
    ]
      .join('\n')
      // Sentences wrapped at 80 columns, read as one line.
      .replace(/\n {2}(?=\S)/g, ' ')
    expect(one).not.toMatch(/\b1 [a-z -]*?(papers|topics|digests|dimensions|entries)\b/)
    expect(one).toContain('analysed 1 new or changed paper with the stored models')
    expect(one).toContain('(1 topic predicted, 1 unsorted, 1 digest generated)')
    expect(one).toContain('paper vectors: LSA, 1 dimension, fitted on 1 paper')
    expect(one).toContain('1 paper matches "grokking"')
    // Many stay many.
    expect(renderSearch('grokking', { total: 2, items: [], offset: 0 } as unknown as SearchResult)).toBe('2 papers match "grokking" (showing 0):\n')
    expect(renderAnalysisLine(analysisOf(2, 'incremental'))).toContain('analysed 2 new or changed papers')
  })
})

describe('table', () => {
  const width = (text: string): number => Math.max(...text.split('\n').map((l) => [...l].length))

  it('keeps a table that fits on one line a row', () => {
    expect(table([['source', 'records'], ['bibtex', 519]])).toBe('source  records\nbibtex      519')
  })

  it('fits 80 columns: a first cell too long for its room gets a line of its own, its row under the first column', () => {
    const rows: Array<Array<string | number>> = [
      ['input', 'format', 'read', 'new', 'merged', 'updated', 'unchanged', 'rejected'],
      ['data/corpus/awesome-deep-phenomena.txt', 'awesome-list', 496, 493, 2, 0, 0, 1],
      ['total', '', 496, 493, 2, 0, 0, 1],
    ]
    const out = table(rows)
    // Before, 109 columns: the path padded every row.
    expect(width(out)).toBeLessThanOrEqual(80)
    expect(out.split('\n')).toEqual([
      'input  format        read  new  merged  updated  unchanged  rejected',
      'data/corpus/awesome-deep-phenomena.txt',
      '       awesome-list   496  493       2        0          0         1',
      'total                 496  493       2        0          0         1',
    ])
    // A long name of many words is wrapped under its indent; the numbers still line up.
    const named = table([['  topic', 'curated', 'all'], [`  ${'Generalization and Optimization '.repeat(4).trim()}`, 38, 49], ['  Others', 191, 306]])
    expect(width(named)).toBeLessThanOrEqual(80)
    expect(named.split('\n').slice(1, 4)).toEqual([
      '  Generalization and Optimization Generalization and Optimization Generalization',
      '    and Optimization Generalization and Optimization',
      '               38   49',
    ])
  })
})
