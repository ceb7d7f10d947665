import { describe, expect, it } from 'vitest'
import { splitTextInput } from '../text-input.js'
import { createParseCollector, createRecordBase } from './corpus-format.js'

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
