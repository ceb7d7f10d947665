import { describe, expect, it } from 'vitest'
import { buildRecord } from '../../test/support/factories.js'
import { profileAuthorIds, recordAuthorIds, sourceIdsConflict } from './author-ids.js'
import { mergeRecords } from './merge.js'

describe('recordAuthorIds', () => {
  it('names each listed author by source and id, null where the source gave none', () => {
    const record = buildRecord({ source: 'openalex', authors: ['A. Saxe', 'J. McClelland'], raw: { authorIds: ['A1', null] } })
    expect(recordAuthorIds(record)).toEqual(['openalex:A1', null])
  })

  it('gives none when the ids do not line up with the names, or the source has no author ids', () => {
    expect(recordAuthorIds(buildRecord({ source: 'openalex', authors: ['A', 'B'], raw: { authorIds: ['A1'] } }))).toEqual([null, null])
    expect(recordAuthorIds(buildRecord({ source: 'bibtex', authors: ['A'], raw: { authorIds: ['A1'] } }))).toEqual([null])
  })
})

describe('profileAuthorIds', () => {
  it('takes the source id from the key and an ORCID without its URL', () => {
    expect(
      profileAuthorIds({ source: 'openalex', key: 'A5', ids: { orcid: 'https://orcid.org/0000-0002-1825-0097' } }),
    ).toEqual(['openalex:A5', 'orcid:0000-0002-1825-0097'])
    expect(profileAuthorIds({ source: 'semantic-scholar', key: '9', ids: { orcid: 'orcid.org/0000-0002-1694-233x' } })).toEqual([
      'semantic-scholar:9',
      'orcid:0000-0002-1694-233X',
    ])
    expect(profileAuthorIds({ source: 'researcher-profile', key: 'inbar-seroussi', ids: {} })).toEqual([])
  })
})

describe('sourceIdsConflict', () => {
  it('is true only for two different ids of one source', () => {
    expect(sourceIdsConflict(['openalex:A1'], ['openalex:A2'])).toBe(true)
    expect(sourceIdsConflict(['openalex:A1'], ['openalex:A1'])).toBe(false)
    expect(sourceIdsConflict(['openalex:A1'], ['semantic-scholar:9'])).toBe(false)
    expect(sourceIdsConflict([], ['openalex:A2'])).toBe(false)
  })
})

describe('merged authors and source ids', () => {
  it("joins two records' spellings that one source id names, and keeps each source's id", () => {
    const merged = mergeRecords([
      { ...buildRecord({ source: 'openalex', title: 'T', authors: ['Andrew M. Saxe', 'Surya Ganguli'], raw: { authorIds: ['A1', 'A2'] } }), id: 1 },
      { ...buildRecord({ source: 'semantic-scholar', title: 'T', authors: ['Andrew Saxe'], raw: { authorIds: ['77'] } }), id: 2 },
    ])
    expect(merged.authors).toEqual([
      { name: 'Andrew M. Saxe', position: 0, variants: ['Andrew M. Saxe', 'Andrew Saxe'], sourceIds: ['openalex:A1', 'semantic-scholar:77'] },
      { name: 'Surya Ganguli', position: 1, variants: ['Surya Ganguli'], sourceIds: ['openalex:A2'] },
    ])
  })

  it('gives each of two namesakes on one paper the id the source gives her, when another record listed them first', () => {
    const merged = mergeRecords([
      { ...buildRecord({ source: 'arxiv', title: 'T', authors: ['Wei Wang', 'Bo Li', 'Wei Wang'] }), id: 1 },
      { ...buildRecord({ source: 'semantic-scholar', title: 'T', authors: ['Wei Wang', 'Bo Li', 'Wei Wang'], raw: { authorIds: ['111', '5', '222'] } }), id: 2 },
    ])
    expect(merged.authors.map((a) => a.sourceIds)).toEqual([['semantic-scholar:111'], ['semantic-scholar:5'], ['semantic-scholar:222']])
  })

  it('keeps a namesake in her place when a second record gives the first one another id of the source', () => {
    const merged = mergeRecords([
      { ...buildRecord({ source: 'arxiv', title: 'T', authors: ['Wei Wang', 'Bo Li', 'Wei Wang'] }), id: 1 },
      { ...buildRecord({ source: 'semantic-scholar', title: 'T', authors: ['Wei Wang', 'Bo Li', 'Wei Wang'], raw: { authorIds: ['111', '5', null] } }), id: 2 },
      { ...buildRecord({ source: 'semantic-scholar', title: 'T', authors: ['Wei Wang', 'Bo Li', 'Wei Wang'], raw: { authorIds: ['112', '5', '222'] } }), id: 3 },
    ])
    expect(merged.authors.map((a) => a.sourceIds)).toEqual([['semantic-scholar:111'], ['semantic-scholar:5'], ['semantic-scholar:222']])
  })

  it('does not take an initial for a namesake: Jane Doe under a second id stays Jane Doe, J. Doe stays J. Doe', () => {
    const merged = mergeRecords([
      { ...buildRecord({ source: 'semantic-scholar', title: 'T', authors: ['Jane Doe', 'J. Doe'], raw: { authorIds: ['1', null] } }), id: 1 },
      { ...buildRecord({ source: 'semantic-scholar', title: 'T', authors: ['Jane Doe'], raw: { authorIds: ['9'] } }), id: 2 },
    ])
    expect(merged.authors.map((a) => [a.name, a.sourceIds])).toEqual([
      ['Jane Doe', ['semantic-scholar:1']],
      ['J. Doe', []],
    ])
  })
})

