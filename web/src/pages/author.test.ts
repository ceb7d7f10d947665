import { describe, expect, it } from 'vitest'
import type { PaperSummary } from '../api.js'
import { computedSummary, leadingReported, metricHeadline, NOVELTY_UNIT, papersListing, splitReportingProfiles } from './author.js'

const count = (n: number) => String(Math.round(n * 10) / 10)
/** The corpus profile's h-index: 44 reported beside 13 papers and 177 citations on the same page. */
const conflict = { metric: 'hIndex' as const, message: 'An h-index of 44 needs at least 44 papers; the same page counts 13.' }
const unknown = { value: null, lowerBound: false, why: ['no source gave a citation count for any of the papers'] }

describe('a metric tile’s headline', () => {
  it('shows a reported value the same page rules out struck, not as if it were fine', () => {
    expect(metricHeadline({ value: 44 }, unknown, [conflict], count)).toEqual({ text: '44', from: 'reported', struck: true })
  })

  it('puts the value computed here in its place when there is one', () => {
    expect(metricHeadline({ value: 44 }, { value: 7, lowerBound: true }, [conflict], count)).toEqual({ text: '≥7', from: 'computed', struck: false })
  })

  it('shows a reported value nothing rules out, and a computed one when none is reported', () => {
    expect(metricHeadline({ value: 13 }, { value: 13, lowerBound: false }, [], count)).toEqual({ text: '13', from: 'reported', struck: false })
    expect(metricHeadline(null, unknown, [], count)).toEqual({ text: 'unknown', from: 'none', struck: false })
    expect(metricHeadline(null, null, [], count)).toEqual({ text: '—', from: 'none', struck: false })
  })
})

describe('what a tile says was computed here', () => {
  it('reads as a sentence: the value, or unknown with why', () => {
    expect(computedSummary(unknown, count)).toBe('unknown (no source gave a citation count for any of the papers)')
    expect(computedSummary({ value: 12, lowerBound: true, why: [] }, count)).toBe('≥12')
  })
})

describe('the reported value a metric tile leads with', () => {
  const profile = (source: string, conflicts: Array<{ metric: string }>) => ({ source, conflicts })
  it('is the first that its own page does not rule out; the others are listed under it', () => {
    const page = { value: 44, profile: profile('researcher-profile', [{ metric: 'hIndex' }]) }
    const openalex = { value: 9, profile: profile('openalex', []) }
    expect(leadingReported([page, openalex], 'hIndex')).toBe(openalex)
    expect(leadingReported([page, openalex], 'citations')).toBe(page)
    expect(leadingReported([page], 'hIndex')).toBe(page)
    expect(leadingReported([], 'hIndex')).toBeNull()
  })
})

describe("the heading of a researcher's papers", () => {
  const listed = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i}` }) as PaperSummary)

  it('counts every paper, not the ones listed, and says when the list is cut', () => {
    // The API lists the newest 2,000 of a prolific author's papers (papersTruncated); the heading had read "2,000 papers".
    const prolific = { paperCount: 2345, papers: listed(2000), papersTruncated: true }
    expect(papersListing(prolific, 'newest')).toEqual({ title: '2,345 papers', note: 'The newest 2,000 are listed below.' })
    // A sort orders what is listed, not every paper: the oldest shown are the oldest of the newest 2,000.
    expect(papersListing(prolific, 'oldest').note).toBe('The newest 2,000 are listed below, the oldest of them first.')
    expect(papersListing(prolific, 'cited').note).toBe('The newest 2,000 are listed below, the most cited of them first.')
  })

  it('says nothing more when every paper is listed', () => {
    expect(papersListing({ paperCount: 1, papers: listed(1), papersTruncated: false }, 'newest')).toEqual({ title: '1 paper', note: null })
    expect(papersListing({ paperCount: 13, papers: listed(13), papersTruncated: false }, 'oldest')).toEqual({ title: '13 papers', note: null })
  })
})

describe('the note on where reported values come from', () => {
  const none = { hIndex: null, i10Index: null, papers: null, citations: null, noveltyPercent: null, aiScore: null }
  // As the API gives Alan Turing's profiles: Semantic Scholar's author detail (h-index 23, 12,415 citations, 60
  // papers), and a person its author search names without a metric.
  const detail = { source: 'semantic-scholar', locator: 'https://www.semanticscholar.org/author/2262347', values: { ...none, hIndex: 23, papers: 60, citations: 12415 } }
  const searchHit = { source: 'semantic-scholar', locator: 'https://www.semanticscholar.org/author/1382642521', values: none }

  it('names only the sources a value came from; one that only lists the person is said apart', () => {
    expect(splitReportingProfiles([detail, searchHit])).toEqual({ reporting: [detail], silent: [searchHit] })
    expect(splitReportingProfiles([searchHit])).toEqual({ reporting: [], silent: [searchHit] })
    // A reported 0 is a value.
    const zero = { ...searchHit, values: { ...none, citations: 0 } }
    expect(splitReportingProfiles([zero]).reporting).toEqual([zero])
  })
})

describe("the unit of a researcher's computed Novelty", () => {
  it('says what it is a percentile of', () => {
    expect(NOVELTY_UNIT).toMatch(/percentile among same-year papers/)
  })
})
