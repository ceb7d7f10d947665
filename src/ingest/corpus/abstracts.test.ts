import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { abstractsFormat } from './abstracts.js'

const FILE = readFileSync(new URL('../../../data/corpus/abstracts.txt', import.meta.url), 'utf8')
const ctx = { input: 'data/corpus/abstracts.txt', fetchedAt: '2026-06-01T10:00:00.000Z' }
const result = abstractsFormat.parse(FILE, ctx)

describe('abstracts on the real file', () => {
  it('reads 10 abstracts without titles, at their first lines', () => {
    expect(result.records.map((r) => r.line)).toEqual([1, 3, 5, 7, 9, 13, 15, 21, 23, 25])
    expect(result.entriesSeen).toBe(10)
    expect(result.issues).toEqual([])
    expect(
      result.records.every(
        (r) => r.title === null && r.source === 'abstracts' && r.locator === `${ctx.input}:${r.line}`,
      ),
    ).toBe(true)
  })

  it('keeps the text as given, LaTeX included, without the label', () => {
    const first = result.records[0]?.abstract ?? ''
    expect(
      first.startsWith(
        'Diffusion models trained on finite datasets with $N$ samples from a target distribution',
      ),
    ).toBe(true)
    expect(result.records.some((r) => r.abstract?.includes('\\textit{'))).toBe(true)
    expect(result.records.some((r) => r.abstract?.includes('``simplicity bias'))).toBe(true)
    expect(result.records.every((r) => !r.abstract?.startsWith('Abstract:'))).toBe(true)
  })

  it('keys each abstract by a hash of its text, whatever its place in the file', () => {
    expect(result.records.every((r) => /^[0-9a-f]{16}$/.test(r.key))).toBe(true)
    expect(new Set(result.records.map((r) => r.key)).size).toBe(10)
    const paragraphs = FILE.split(/\n\s*\n/)
      .filter((p) => p.trim() !== '')
      .reverse()
    const reordered = abstractsFormat.parse(paragraphs.join('\n\n\n'), ctx)
    expect(new Set(reordered.records.map((r) => r.key))).toEqual(new Set(result.records.map((r) => r.key)))
  })
})

describe('abstracts on edited input', () => {
  it('joins a wrapped paragraph and splits two abstracts without a blank line between them', () => {
    const parsed = abstractsFormat.parse('Abstract: First part\nsecond part.\nAbstract: Another one.', ctx)
    expect(parsed.records.map((r) => [r.line, r.abstract])).toEqual([
      [1, 'First part second part.'],
      [3, 'Another one.'],
    ])
  })

  it('rejects a paragraph without the label, an empty abstract and a repeated one, and imports the rest', () => {
    const parsed = abstractsFormat.parse(
      'Abstract: One.\n\nStray text here.\n\nAbstract:\n\nAbstract: One.\n\nAbstract: Two.',
      ctx,
    )
    expect(parsed.records.map((r) => r.abstract)).toEqual(['One.', 'Two.'])
    expect(parsed.entriesSeen).toBe(5)
    expect(parsed.issues.map((issue) => [issue.severity, issue.code, issue.line])).toEqual([
      ['rejected', 'PARSE_FAILED', 3],
      ['rejected', 'MISSING_FIELD', 5],
      ['rejected', 'DUPLICATE_ENTRY', 7],
    ])
  })
})
