/** Reading `classify --jsonl` lines as real files write them: byte-order marks, number ids, empty fields. */
import { describe, expect, it } from 'vitest'
import { latestTextYear, MIN_TEXT_YEAR, parseClassifyLine } from './classify-texts.js'

describe('parseClassifyLine', () => {
  it('reads line 1 after a UTF-8 byte-order mark', () => {
    const read = parseClassifyLine('\uFEFF{"id":"a","title":"Grokking","text":"We study grokking."}', 1, 'in.jsonl')
    expect(read).toEqual({ ok: true, input: { id: 'a', title: 'Grokking', text: 'We study grokking.' }, warnings: [] })
  })

  it('reads a line with a text and no title (an abstract alone), or a title and no text; not one with neither', () => {
    expect(parseClassifyLine('{"id":"a","text":"We study grokking."}', 1)).toEqual({ ok: true, input: { id: 'a', title: '', text: 'We study grokking.' }, warnings: [] })
    expect(parseClassifyLine('{"id":"b","title":"Grokking"}', 2)).toEqual({ ok: true, input: { id: 'b', title: 'Grokking', text: '' }, warnings: [] })
    // null, as exporters write a field they have no value for, is left out too.
    expect(parseClassifyLine('{"id":"n","title":null,"text":"We study grokking."}', 2)).toEqual({ ok: true, input: { id: 'n', title: '', text: 'We study grokking.' }, warnings: [] })
    expect(parseClassifyLine('{"id":"m","title":"Grokking","text":null}', 2)).toEqual({ ok: true, input: { id: 'm', title: 'Grokking', text: '' }, warnings: [] })
    const nulls = parseClassifyLine('{"id":"o","title":null,"text":null}', 3)
    expect(!nulls.ok && nulls.error.message).toBe('line 3: "title" and "text" are both empty or missing: there is nothing to classify')
    const neither = parseClassifyLine('{"id":"c","title":" "}', 3)
    expect(neither.ok).toBe(false)
    expect(!neither.ok && neither.error.message).toBe('line 3: "title" and "text" are both empty or missing: there is nothing to classify')
  })

  it('keeps a number id that JSON would alter as the string written, and says so; other numbers stay numbers', () => {
    const decimal = parseClassifyLine('{"id": 2310.10, "title": "Grokking", "text": "x"}', 4)
    expect(decimal).toMatchObject({ ok: true, input: { id: '2310.10' } })
    expect(decimal.ok && decimal.warnings).toEqual([
      'line 4: id 2310.10 is a number that JSON reads as 2310.1; it is printed as the string "2310.10"; quote ids',
    ])
    const big = parseClassifyLine('{"title": "Grokking", "id":12345678901234567890, "text": "x"}', 2)
    expect(big).toMatchObject({ ok: true, input: { id: '12345678901234567890' } })
    expect(big.ok && big.warnings[0]).toMatch(/JSON reads as 12345678901234567000/)
    // A nested "id" with another value is not the line's id.
    const nested = parseClassifyLine('{"meta": {"id": 7.50}, "id": 2310.10, "title": "Grokking", "text": "x"}', 1)
    expect(nested).toMatchObject({ ok: true, input: { id: '2310.10' } })
    for (const [line, id] of [
      ['{"id": 42, "title": "Grokking", "text": "x"}', 42],
      ['{"id": -3.25, "title": "Grokking", "text": "x"}', -3.25],
      ['{"id": "2310.10", "title": "Grokking", "text": "x"}', '2310.10'],
    ] as const) {
      expect(parseClassifyLine(line, 1), line).toEqual({ ok: true, input: { id, title: 'Grokking', text: 'x' }, warnings: [] })
    }
  })

  it('makes a line with nothing to classify, or an empty id, a bad line that keeps the id it could read', () => {
    const empty = parseClassifyLine('{"id": 9, "title": " ", "text": "\\n"}', 3, 'in.jsonl')
    expect(empty).toMatchObject({ ok: false, id: 9 })
    expect(!empty.ok && empty.error).toMatchObject({
      code: 'PARSE_FAILED',
      source: 'in.jsonl',
      line: 3,
      message: 'line 3: "title" and "text" are both empty or missing: there is nothing to classify',
    })
    const noId = parseClassifyLine('{"id": "  ", "title": "Grokking", "text": "We study grokking."}', 5)
    expect(noId).toMatchObject({ ok: false, id: null, error: { line: 5, field: 'id', message: 'line 5: "id" is empty' } })
    // A bad line's id is printed as written too.
    expect(parseClassifyLine('{"id": 2310.10, "title": "Grokking", "text": 4}', 6)).toMatchObject({ ok: false, id: '2310.10', error: { field: 'text' } })
    expect(parseClassifyLine('not json', 7)).toMatchObject({ ok: false, id: null, error: { message: expect.stringMatching(/^line 7: not JSON/) } })
  })
})

describe('a line with a year', () => {
  it('reads an integer year, and a null one as none: the line is then as it always was', () => {
    expect(parseClassifyLine('{"id":"a","title":"Learning the kernel with hyperkernels","year":2005}', 1)).toEqual({ ok: true, input: { id: 'a', title: 'Learning the kernel with hyperkernels', text: '', year: 2005 }, warnings: [] })
    const none = parseClassifyLine('{"id":"a","title":"Grokking","year":null}', 1)
    expect(none.ok && Object.keys(none.input)).toEqual(['id', 'title', 'text'])
    const next = latestTextYear()
    expect(parseClassifyLine(`{"id":"b","title":"Grokking","year":${next}}`, 1)).toMatchObject({ ok: true, input: { year: next } })
    expect(parseClassifyLine(`{"id":"c","title":"Grokking","year":${MIN_TEXT_YEAR}}`, 1)).toMatchObject({ ok: true, input: { year: MIN_TEXT_YEAR } })
  })

  it('makes a bad year a bad line naming the field, keeping its id', () => {
    const next = latestTextYear()
    for (const [year, said] of [
      ['"2005"', '"year" must be an integer year (2005), got a string'],
      ['2005.5', '"year" must be a whole year (2005), got 2005.5'],
      ['[2005]', '"year" must be an integer year (2005), got an array'],
      ['999', `"year" is before ${MIN_TEXT_YEAR}`],
      [String(next + 1), `"year" ${next + 1} is after next year (${next})`],
    ] as const) {
      const read = parseClassifyLine(`{"id": 7, "title": "Grokking", "text": "We study grokking.", "year": ${year}}`, 3, 'in.jsonl')
      expect(read, year).toMatchObject({ ok: false, id: 7, error: { code: 'PARSE_FAILED', source: 'in.jsonl', line: 3, field: 'year', message: `line 3: ${said}` } })
    }
  })

  it('reads no `date`: a year is given as `year` alone', () => {
    expect(parseClassifyLine('{"id":"d","title":"Grokking","date":"2005-06-01T00:00:00Z"}', 1)).toEqual({ ok: true, input: { id: 'd', title: 'Grokking', text: '' }, warnings: [] })
  })
})
