import { describe, expect, it } from 'vitest'
import type { ResearcherListOut } from '../api.js'
import { RESEARCHER_COLUMNS, researchersTitle } from './researchers.js'

describe('researchersTitle', () => {
  it('says what the ranking is by, within which topic, and the page', () => {
    expect(researchersTitle({ sort: 'papers', page: 1 })).toBe('Researchers by Papers')
    expect(researchersTitle({ sort: 'ai_score', topic: 'Neural Collapse', page: 2 })).toBe('Researchers by AI Score · Neural Collapse, page 2')
    expect(researchersTitle({ sort: 'name', page: 1 })).toBe('Researchers by family name')
    // As the sentence on the page says it (the column's label, `In topic`, read oddly in a title).
    expect(researchersTitle({ sort: 'topic_papers', topic: 'Neural Collapse', page: 1 })).toBe('Researchers by papers in the topic · Neural Collapse')
  })
})

describe('RESEARCHER_COLUMNS', () => {
  const row: ResearcherListOut['items'][number] = { id: 'a', name: 'A', papers: 1234, topicPapers: null, citations: 17, citationsLowerBound: true, hIndex: 3, noveltyPercent: 57.6, aiScore: 61 }
  const cell = (sort: string, r = row) => RESEARCHER_COLUMNS.find((c) => c.sort === sort)!.value(r)

  it('writes an unknown value as a dash, never 0, and a sum with missing counts as a lower bound', () => {
    expect([cell('papers'), cell('citations'), cell('h_index'), cell('novelty'), cell('ai_score')]).toEqual(['1,234', '≥17', '≥3', '57.6', '61.0'])
    const unknown = { ...row, citations: null, citationsLowerBound: false, hIndex: null, noveltyPercent: null, aiScore: null }
    expect([cell('citations', unknown), cell('h_index', unknown), cell('novelty', unknown), cell('ai_score', unknown)]).toEqual(['—', '—', '—', '—'])
  })
})
