import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { splitTextInput } from '../text-input.js'
import { createParseCollector, createRecordBase } from './corpus-format.js'
import { CORPUS_FORMATS } from './index.js'

const ctx = { input: 'page.txt', fetchedAt: '2026-06-01T10:00:00.000Z' }

describe('the parse collector', () => {
  const collect = () => createParseCollector(splitTextInput('', ctx.input), ctx)

  it.each(['🤗 → 🚀', '—', '  ...  ', '★★★'])(
    'rejects the title %j, which has no letters or digits, naming line and field, and keeps the next entry',
    (title) => {
      const collector = collect()
      collector.addRecord({ ...createRecordBase('test', ctx, 3), key: 'prefix/', title })
      collector.addRecord({ ...createRecordBase('test', ctx, 7), key: 'good title', title: 'Good Title 2' })
      const result = collector.result()
      expect(result.records.map((r) => r.line)).toEqual([7])
      expect(result.entriesSeen).toBe(2)
      expect(result.issues).toEqual([
        {
          severity: 'rejected',
          source: 'page.txt',
          code: 'INVALID_VALUE',
          line: 3,
          field: 'title',
          message: `title "${title}" has no letters or digits`,
        },
      ])
    },
  )

  it('keeps titles in any script, and titles of digits only', () => {
    const collector = collect()
    for (const [line, title] of [[1, 'Über Netze'], [2, '深度学习'], [3, '2048']] as const)
      collector.addRecord({ ...createRecordBase('test', ctx, line), key: `k${line}`, title })
    expect(collector.result().records).toHaveLength(3)
  })

  it('says what is wrong with an entry that fails validation in one line, with its field, not a JSON dump', () => {
    const collector = collect()
    collector.addRecord({ ...createRecordBase('test', ctx, 4), key: '', title: 'A Title' })
    collector.addRecord({ ...createRecordBase('test', ctx, 5), key: 'k', title: 'B', authors: ['Ann Lee', ''] })
    const issues = collector.result().issues
    expect(issues.map(({ line, field, message }) => ({ line, field, message }))).toEqual([
      { line: 4, field: 'key', message: 'entry does not form a valid record: key is empty' },
      { line: 5, field: 'authors.1', message: 'entry does not form a valid record: authors.1 is empty' },
    ])
    for (const issue of issues) expect(issue.message).not.toMatch(/[\n{[]/)
  })
})

describe('the records of a page capture', () => {
  // Every corpus format, on the corpus file the manifest reads with it: the list grows with the formats.
  const manifest = JSON.parse(readFileSync(new URL('../../../data/corpus/manifest.json', import.meta.url), 'utf8')) as { files: Array<{ file: string; format: string }> }
  const formats = CORPUS_FORMATS.map((format) => ({ format, file: manifest.files.find((f) => f.format === format.name)?.file })).filter(
    (f): f is { format: (typeof CORPUS_FORMATS)[number]; file: string } => f.file !== undefined,
  )

  it.each(formats.map((f) => [f.format.name, f] as const))('%s: dated by the capture, as precisely as it is known, not by the import', (_name, { format, file }) => {
    const text = readFileSync(new URL(`../../../data/corpus/${file}`, import.meta.url), 'utf8')
    const read = (captureDate?: string) => format.parse(text, { input: `data/corpus/${file}`, fetchedAt: ctx.fetchedAt, ...(captureDate ? { captureDate } : {}) }).records
    const plain = read()
    expect(plain.length).toBeGreaterThan(0)
    // No capture date: the import's time, and nothing said of a capture.
    expect(new Set(plain.map((r) => [r.fetchedAt, r.raw['captureDate']].join(' ')))).toEqual(new Set([`${ctx.fetchedAt} `]))
    // The year alone stays a year (no day made up); a day given is taken. Kept in raw too, so the record changes.
    for (const captureDate of ['2026', '2025-09-06']) {
      const captured = read(captureDate)
      expect(captured.map((r) => r.key)).toEqual(plain.map((r) => r.key))
      expect(new Set(captured.map((r) => [r.fetchedAt, r.raw['captureDate']].join(' ')))).toEqual(new Set([`${captureDate} ${captureDate}`]))
    }
  })
})
