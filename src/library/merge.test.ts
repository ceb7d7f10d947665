import { describe, expect, it } from 'vitest'
import { createSourceRecord, type SourceRecordInput } from '../core/index.js'
import { mergeRecords, type MergeInput } from './merge.js'

let nextId = 1
function rec(input: Partial<SourceRecordInput> & { source: string }): MergeInput {
  return { ...createSourceRecord({ key: `k${nextId}`, locator: 'x', fetchedAt: '2026-01-01T00:00:00Z', ...input }), id: nextId++ }
}

describe('mergeRecords', () => {
  const profile = rec({
    source: 'researcher-profile',
    title: 'Hitting the High-Dimensional Notes: An ODE for SGD learning dynamics on GLMs and multi-index models',
    authors: ['Elizabeth Collins-Woodfin', 'Courtney Paquette', 'Elliot Paquette'],
    authorsTruncated: true,
    extraAuthors: ['Inbar Seroussi'],
    date: '2023-08-17',
    categories: ['OC'],
  })
  const awesome = rec({
    source: 'awesome-list',
    title: 'Hitting the High-Dimensional Notes',
    authors: ['E. Collins-Woodfin', 'C. Paquette', 'E. Paquette', 'I. Seroussi'],
    date: '2023',
    topics: ['Others'],
    keywords: ['SGD'],
    digest: { text: 'A digest.', origin: 'curated' },
  })

  it('keeps the profile owner as an author even when the list is cut with et al.', () => {
    const merged = mergeRecords([profile])
    expect(merged.authorsTruncated).toBe(true)
    expect(merged.authors.map((a) => [a.name, a.position])).toEqual([
      ['Elizabeth Collins-Woodfin', 0],
      ['Courtney Paquette', 1],
      ['Elliot Paquette', 2],
      ['Inbar Seroussi', null],
    ])
  })

  it('prefers the complete author list and the fullest spelling of each name', () => {
    const merged = mergeRecords([profile, awesome])
    expect(merged.authorsTruncated).toBe(false)
    expect(merged.authors.map((a) => [a.name, a.position])).toEqual([
      ['Elizabeth Collins-Woodfin', 0],
      ['Courtney Paquette', 1],
      ['Elliot Paquette', 2],
      ['Inbar Seroussi', 3],
    ])
    expect(merged.authors[0]!.variants).toEqual(['E. Collins-Woodfin', 'Elizabeth Collins-Woodfin'])
  })

  it('takes the most precise date and the best-ranked title, and unions topics and keywords', () => {
    const merged = mergeRecords([awesome, profile])
    expect(merged.date).toBe('2023-08-17')
    expect(merged.title).toMatch(/^Hitting the High-Dimensional Notes: An ODE/)
    expect(merged.topics).toEqual(['Others'])
    expect(merged.keywords).toEqual(['SGD'])
    expect(merged.digest).toEqual({ text: 'A digest.', origin: 'curated' })
    expect(merged.categories).toEqual(['OC'])
  })

  it('gives the same paper whatever order the records come in', () => {
    expect(mergeRecords([awesome, profile])).toEqual(mergeRecords([profile, awesome]))
  })

  it('keeps the listing date apart from the publication date', () => {
    const daily = rec({ source: 'daily-papers', title: 'T', listedAt: '2026-09-05' })
    const merged = mergeRecords([daily])
    expect(merged.date).toBeNull()
    expect(merged.listedAt).toBe('2026-09-05')
  })

  it('derives a marked title for a paper known only by its abstract', () => {
    const merged = mergeRecords([
      rec({ source: 'abstracts', abstract: 'Diffusion models trained on finite datasets exhibit a transition from memorisation to generalisation in many regimes of interest. More.' }),
    ])
    expect(merged.titleDerived).toBe(true)
    expect(merged.title).toBe('Diffusion models trained on finite datasets exhibit a transition from memorisation to…')
  })
})
