import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { SUGGESTION_YEARS_AHEAD } from '../../../src/analysis/index.js'
import { MIN_TEXT_YEAR } from '../../../src/commands/index.js'
import {
  answerAnnouncement,
  classifyBody,
  ClassifyDigest,
  datedNote,
  formHint,
  isLeftoverTitle,
  isLeftoverYear,
  MIN_YEAR,
  NAMED_LATER_YEARS,
  parseYear,
  similarBody,
  similarUndatedNote,
} from './classify.js'

describe('what the Classify page reads out when its answer arrives', () => {
  it('says what came, in counts that agree with their nouns', () => {
    expect(answerAnnouncement({ unsorted: false, topics: 1, keywords: 6, nearest: 8 })).toBe('Results below: 1 predicted topic, 6 key words, 8 nearest papers.')
    expect(answerAnnouncement({ unsorted: true, topics: 0, keywords: 1, nearest: 0 })).toBe('Results below: no topic (unsorted), 1 key word, 0 nearest papers.')
  })
})

describe('what the Classify form sends, and when it can', () => {
  it('sends a title alone, as the API and `paperscope classify` take one', () => {
    expect(classifyBody('  Deep Double Descent ', '')).toEqual({ title: 'Deep Double Descent' })
    expect(classifyBody('Deep Double Descent', ' \n ')).toEqual({ title: 'Deep Double Descent' })
  })

  it('sends a text alone, or a text with its title, the text as it was pasted', () => {
    expect(classifyBody('', ' We study grokking. ')).toEqual({ text: ' We study grokking. ' })
    expect(classifyBody('Grokking', 'We study grokking.')).toEqual({ text: 'We study grokking.', title: 'Grokking' })
  })

  it('has nothing to send with neither (the button stays disabled)', () => {
    expect(classifyBody('', '')).toBeNull()
    expect(classifyBody('   ', '\n\t')).toBeNull()
  })

  it('says under the form what it takes, and that a title alone is classified', () => {
    expect(formHint('', '')).toBe('Type a title, paste a text (up to 20,000 characters), or both.')
    expect(formHint('Deep Double Descent', ' ')).toBe('The title alone is classified; paste the abstract too for a closer answer and a digest.')
    expect(formHint('', 'We study grokking.')).toBe('18 of 20,000 characters')
    expect(formHint('Grokking', 'x'.repeat(20_001))).toMatch(/^20,001 characters: the longest text read is 20,000;/)
  })
})

describe('the year a text was written', () => {
  const now = new Date('2026-11-30T01:00:00Z')

  it('is none when the box is empty, and a whole year from 1000 to next year otherwise', () => {
    expect(parseYear('', now)).toEqual({ ok: true, year: null })
    expect(parseYear('   ', now)).toEqual({ ok: true, year: null })
    expect(parseYear(' 2005 ', now)).toEqual({ ok: true, year: 2005 })
    expect(parseYear('1000', now)).toEqual({ ok: true, year: 1000 })
    expect(parseYear('2027', now)).toEqual({ ok: true, year: 2027 })
  })

  it('says what is wrong with a year the API would refuse, naming the box', () => {
    expect(parseYear('2005.5', now)).toEqual({ ok: false, message: 'Year: “2005.5” is not a year; type a whole year, such as 2005, or leave it empty.' })
    expect(parseYear('20O5', now)).toMatchObject({ ok: false, message: expect.stringMatching(/^Year: “20O5” is not a year;/) })
    expect(parseYear('-2005', now)).toMatchObject({ ok: false })
    expect(parseYear('2,005', now)).toMatchObject({ ok: false })
    expect(parseYear('05', now)).toEqual({ ok: false, message: 'Year: 05 is before 1000; type the whole year, such as 2005.' })
    expect(parseYear('999', now)).toMatchObject({ ok: false, message: expect.stringMatching(/is before 1000/) })
    expect(parseYear('2028', now)).toEqual({ ok: false, message: 'Year: 2028 is after next year (2027).' })
  })

  it('holds the bounds and the rule of the API, which the page does not bundle', () => {
    expect(MIN_YEAR).toBe(MIN_TEXT_YEAR)
    expect(NAMED_LATER_YEARS).toBe(SUGGESTION_YEARS_AHEAD)
  })

  it('quotes a long paste cut, not whole', () => {
    expect(parseYear('x'.repeat(5000), now)).toEqual({ ok: false, message: `Year: “${'x'.repeat(12)}…” is not a year; type a whole year, such as 2005, or leave it empty.` })
    expect(parseYear('9'.repeat(40), now)).toEqual({ ok: false, message: `Year: ${'9'.repeat(12)}… is after next year (2027).` })
  })

  it('counts next year by the UTC calendar, as the server does', () => {
    // 31 December 23:30 UTC is already the next day east of Greenwich, not yet the next year in UTC.
    expect(parseYear('2027', new Date('2025-12-31T23:30:00Z'))).toMatchObject({ ok: false })
    expect(parseYear('2027', new Date('2026-01-01T00:00:00Z'))).toEqual({ ok: true, year: 2027 })
  })

  it('is sent to /classify with the text or the title, and never to /similar', () => {
    const body = classifyBody('Learning the kernel with hyperkernels', '', 2005)
    expect(body).toEqual({ title: 'Learning the kernel with hyperkernels', year: 2005 })
    expect(similarBody(body!, 8)).toEqual({ title: 'Learning the kernel with hyperkernels', k: 8 })
    const both = classifyBody('Kernels', 'We learn the kernel.', 2005)!
    expect(similarBody(both, 8)).toEqual({ text: 'We learn the kernel.', title: 'Kernels', k: 8 })
    expect(classifyBody('Kernels', 'We learn the kernel.')).toEqual({ text: 'We learn the kernel.', title: 'Kernels' })
  })

  it('alone is nothing to send', () => {
    expect(classifyBody('', ' ', 2005)).toBeNull()
  })

  it('is said with the answer, with the first year a name is too late for', () => {
    expect(datedNote(2005)).toBe('Dated 2005: the text gets no topic and no suggested key word that the library first writes five or more years later (2010 or after).')
  })

  it('says the nearest papers are of any date, as /similar takes no year', () => {
    expect(similarUndatedNote(2005)).toBe("Papers of any date: the year 2005 dates this text's topics and key words, not this list.")
  })

  it('left from the last text is said to date a new text pasted under it, as a title is', () => {
    const run = { title: 'Kernels', text: 'We learn the kernel.', year: '2005' }
    expect(isLeftoverYear('2005', 'A new text about transformers.', run)).toBe(true)
    expect(isLeftoverYear('2005', run.text, run)).toBe(false)
    expect(isLeftoverYear('2019', 'A new text about transformers.', run)).toBe(false)
    expect(isLeftoverYear('', 'A new text about transformers.', run)).toBe(false)
    expect(isLeftoverYear('2005', 'A new text about transformers.', null)).toBe(false)
    expect(isLeftoverYear('2005', 'A new text.', { title: 'Kernels', text: 'We learn the kernel.' })).toBe(false)
    // After a title classified alone, the text pasted under it is most likely its abstract, of the same year.
    expect(isLeftoverYear('2005', 'We learn the kernel.', { title: 'Kernels', text: '', year: '2005' })).toBe(false)
  })
})

describe('a title left over from the last text', () => {
  const run = { title: 'Collapse of last-layer features', text: 'The last-layer features collapse to their class means.' }

  it('is said to be sent with a new text pasted under it', () => {
    expect(isLeftoverTitle(run.title, 'Keep a rye sourdough starter in a cold kitchen.', run)).toBe(true)
  })

  it('is not said with the same text, another title, no title, or before any run', () => {
    expect(isLeftoverTitle(run.title, run.text, run)).toBe(false)
    expect(isLeftoverTitle('Another title', 'A new text.', run)).toBe(false)
    expect(isLeftoverTitle('', 'A new text.', run)).toBe(false)
    expect(isLeftoverTitle(run.title, 'A new text.', null)).toBe(false)
  })

  it('is not said when the text is emptied: the title alone is then what is classified', () => {
    expect(isLeftoverTitle(run.title, '', run)).toBe(false)
    expect(isLeftoverTitle(run.title, '  ', run)).toBe(false)
  })

  it('is not said after the title was classified alone: a text pasted under it is most likely its abstract', () => {
    expect(isLeftoverTitle('Deep Double Descent', 'We show that double descent occurs in CNNs.', { title: 'Deep Double Descent', text: '' })).toBe(false)
  })
})

describe("the Classify answer's digest", () => {
  const render = (digest: string | null, titleOnly?: boolean) =>
    renderToStaticMarkup(createElement(ClassifyDigest, { digest, howComputed: 'The best sentences.', ...(titleOnly === undefined ? {} : { titleOnly }) }))

  it('heads a digest it made as generated by Paperscope', () => {
    const html = render('We show that grokking is a phase transition.')
    expect(html).toContain('Digest generated by Paperscope')
    expect(html).toContain('origin-box-generated')
  })

  it('says plainly that no digest was made, not under a heading that presents one', () => {
    const html = render(null)
    expect(html).not.toContain('generated by Paperscope')
    expect(html).not.toContain('origin-box-generated')
    // Nor in the colours of a curator's digest, which a bare `digest` box has.
    expect(html).toContain('digest digest-none')
    expect(html).toMatch(/>Digest</)
    expect(html).toContain('None: the text has no complete sentence to take one from.')
  })

  it('says a title alone has no sentence for one, not that a text had none', () => {
    const html = render(null, true)
    expect(html).toContain('None: a title alone has no sentence to take one from; paste the abstract for one.')
    expect(html).not.toContain('the text has no complete sentence')
    expect(html).toContain('digest digest-none')
  })
})
