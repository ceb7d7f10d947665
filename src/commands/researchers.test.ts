import { describe, expect, it } from 'vitest'
import { compareResearchers, createNameComparer, type ResearcherRow } from './researchers.js'

const row = (id: string, name: string, papers = 1): ResearcherRow => ({
  id,
  name,
  papers,
  topicPapers: null,
  citations: null,
  citationsLowerBound: false,
  hIndex: null,
  noveltyPercent: null,
  noveltyRanked: null,
  aiScore: null,
})

describe('researchers by name', () => {
  it('lists them as a name index does: family name first, then given names', () => {
    const names = ['A. Adam Ding', 'Yann LeCun', 'Andrew M. Saxe', 'Geoffrey E. Hinton', 'Ashish Vaswani', 'Andrew Saxe', 'Adam Smith', 'Cengiz Pehlevan', 'Blake Bordelon']
    const sorted = names.map((n, i) => row(`a${i}`, n)).sort(compareResearchers('name')).map((r) => r.name)
    expect(sorted).toEqual(['Blake Bordelon', 'A. Adam Ding', 'Geoffrey E. Hinton', 'Yann LeCun', 'Cengiz Pehlevan', 'Andrew Saxe', 'Andrew M. Saxe', 'Adam Smith', 'Ashish Vaswani'])
  })

  it('keeps particles with the family name and reads "Family, Given" as the same person', () => {
    const sorted = ['Laurens van der Maaten', 'Marc de Vries', 'Yoshua Bengio', 'Maaten, Ada', 'Ulrike von Luxburg', 'Vladimir Vapnik'].sort(createNameComparer())
    expect(sorted).toEqual(['Yoshua Bengio', 'Marc de Vries', 'Maaten, Ada', 'Laurens van der Maaten', 'Vladimir Vapnik', 'Ulrike von Luxburg'])
  })

  it('takes a first word that only looks like a particle for the given name (Bin Ren under R, Le Song under S)', () => {
    expect(['Le Song', 'Bin Ren', 'Sankar Das Sarma', 'Jeff Dean', 'Ruslan Salakhutdinov'].sort(createNameComparer())).toEqual(['Sankar Das Sarma', 'Jeff Dean', 'Bin Ren', 'Ruslan Salakhutdinov', 'Le Song'])
  })

  it('folds accents and case, so Ångström sorts among the As and Łukasiewicz among the Ls', () => {
    const sorted = ['Zoë Ångström', 'Ünal Çelik', 'Łukasz Kaiser', 'Jan Łukasiewicz', 'Peter Lukas', 'Anna ÅSTRÖM', 'Noam Chomsky', 'Erik Åberg'].sort(createNameComparer())
    expect(sorted).toEqual(['Erik Åberg', 'Zoë Ångström', 'Anna ÅSTRÖM', 'Ünal Çelik', 'Noam Chomsky', 'Łukasz Kaiser', 'Peter Lukas', 'Jan Łukasiewicz'])
  })

  it('breaks ties of the folded name by the name as written, then by id, so pages never overlap', () => {
    const sorted = [row('b', 'Zoë Smith'), row('c', 'Zoe Smith'), row('a', 'Zoe Smith')].sort(compareResearchers('name'))
    expect(sorted.map((r) => [r.name, r.id])).toEqual([['Zoe Smith', 'a'], ['Zoe Smith', 'c'], ['Zoë Smith', 'b']])
  })

  it('puts a name with no letters after every real name', () => {
    expect(['—', 'Jane Zuckerman', 'Ada Abbott'].sort(createNameComparer())).toEqual(['Ada Abbott', 'Jane Zuckerman', '—'])
  })

  it('breaks ties of a metric by family name too', () => {
    const sorted = [row('1', 'A. Adam Ding', 3), row('2', 'Zed Abbott', 3), row('3', 'Ben Young', 5)].sort(compareResearchers('papers'))
    expect(sorted.map((r) => r.name)).toEqual(['Ben Young', 'Zed Abbott', 'A. Adam Ding'])
  })
})
