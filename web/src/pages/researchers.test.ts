import { describe, expect, it } from 'vitest'
import type { ResearcherListOut } from '../api.js'
import { RESEARCHER_COLUMNS, researcherColumns, researchersTitle } from './researchers.js'

describe('researchersTitle', () => {
  it('says what the ranking is by, within which topic, and the page', () => {
    expect(researchersTitle({ sort: 'papers', page: 1 })).toBe('Researchers by Papers')
    expect(researchersTitle({ sort: 'ai_score', topic: 'Neural Collapse', page: 2 })).toBe('Researchers by AI Score · Neural Collapse, page 2')
    expect(researchersTitle({ sort: 'name', page: 1 })).toBe('Researchers by family name')
    // A ranking by novelty orders by the shrunk mean, and says so.
    expect(researchersTitle({ sort: 'novelty', page: 1 })).toBe('Researchers by Shrunk novelty')
    // As the sentence on the page says it (the column's label, `In topic`, read oddly in a title).
    expect(researchersTitle({ sort: 'topic_papers', topic: 'Neural Collapse', page: 1 })).toBe('Researchers by papers in the topic · Neural Collapse')
  })
})

describe('RESEARCHER_COLUMNS', () => {
  const row: ResearcherListOut['items'][number] = { id: 'a', name: 'A', papers: 1234, topicPapers: null, citations: 17, citationsLowerBound: true, hIndex: 3, noveltyPercent: 57.6, noveltyRanked: 54.2, aiScore: 61 }
  const cell = (sort: string, r = row) => RESEARCHER_COLUMNS.find((c) => c.sort === sort)!.value(r)

  it('writes an unknown value as a dash, never 0, and a sum with missing counts as a lower bound', () => {
    expect([cell('papers'), cell('citations'), cell('h_index'), cell('novelty'), cell('ai_score')]).toEqual(['1,234', '≥17', '≥3', '57.6', '61.0'])
    const unknown = { ...row, citations: null, citationsLowerBound: false, hIndex: null, noveltyPercent: null, aiScore: null }
    expect([cell('citations', unknown), cell('h_index', unknown), cell('novelty', unknown), cell('ai_score', unknown)]).toEqual(['—', '—', '—', '—'])
  })
})

describe('researcherColumns', () => {
  it('adds the shrunk novelty a ranking by novelty orders by, right after Novelty, and only in that ranking', () => {
    const labels = (sort: Parameters<typeof researcherColumns>[0], topic = false) => researcherColumns(sort, topic).map((c) => c.label)
    expect(labels('novelty')).toEqual(['Papers', 'Citations', 'h-index', 'Novelty', 'Shrunk novelty', 'AI Score'])
    expect(labels('ai_score')).toEqual(['Papers', 'Citations', 'h-index', 'Novelty', 'AI Score'])
    expect(labels('topic_papers', true)).toEqual(['In topic', 'Papers', 'Citations', 'h-index', 'Novelty', 'AI Score'])
    const row: ResearcherListOut['items'][number] = { id: 'a', name: 'A', papers: 1, topicPapers: null, citations: null, citationsLowerBound: false, hIndex: null, noveltyPercent: 99, noveltyRanked: 62.25, aiScore: 50 }
    expect(researcherColumns('novelty', false).map((c) => c.value(row)).slice(3, 5)).toEqual(['99.0', '62.3'])
    expect(researcherColumns('novelty', false)[4]!.value({ ...row, noveltyRanked: null })).toBe('—')
  })
})
