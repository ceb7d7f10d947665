/** Finding an author from what a person types, in a real library file built by the importer. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRecord } from '../../test/support/factories.js'
import { createTempStore, type TempStore } from '../../test/support/temp-store.js'
import { importRecords } from './import-records.js'
import { findAuthor, findAuthorById, findPaper, findPaperById, paperNamedBy } from './lookup.js'

describe('findAuthor', () => {
  let t: TempStore
  beforeAll(async () => {
    // Ganguli, whose name only contains "li", has the most papers: he must not win `Li`.
    const records = [
      ...[
        'Deep information propagation',
        'Exponential expressivity',
        'Statistical mechanics of deep learning',
      ].map((title) => buildRecord({ title, authors: ['Surya Ganguli'] })),
      ...['Continuous control with deep RL', 'Backpropagation and the brain'].map((title) =>
        buildRecord({ title, authors: ['Timothy Lillicrap'] }),
      ),
      buildRecord({
        title: 'Towards understanding ensemble and knowledge distillation',
        authors: ['Zeyuan Allen-Zhu', 'Yuanzhi Li'],
      }),
      buildRecord({
        title: 'Sharpness-aware minimization and the edge of stability',
        authors: ['Zhiyuan Li'],
      }),
    ]
    t = await createTempStore()
    await importRecords(t.store, records)
  })
  afterAll(async () => {
    await t.cleanup()
  })

  it('takes an author with the name word typed over a more prolific one whose name only contains it, and lists the others', async () => {
    const { author, alternatives } = await findAuthor(t.store, 'Li')
    // Two Lis with one paper each: by name.
    expect(author?.name).toBe('Yuanzhi Li')
    expect(alternatives.map((a) => a.name)).toEqual(['Zhiyuan Li', 'Timothy Lillicrap', 'Surya Ganguli'])
  })

  it('takes the exact spelling, and a part of a name when nothing better matches', async () => {
    expect((await findAuthor(t.store, 'zhiyuan li')).author?.name).toBe('Zhiyuan Li')
    expect((await findAuthor(t.store, 'Allen Zhu')).author?.name).toBe('Zeyuan Allen-Zhu')
    expect((await findAuthor(t.store, 'gangu')).author?.name).toBe('Surya Ganguli')
  })

  it('finds an author by an id typed in any case, as ids are copied from anywhere', async () => {
    const id = (await findAuthor(t.store, 'Zhiyuan Li')).author!.id
    expect(id).toBe(id.toLowerCase())
    // Before, null: ids are lower case and the lookup was exact.
    expect((await findAuthorById(t.store, id.toUpperCase()))?.id).toBe(id)
    expect((await findAuthorById(t.store, 'NO-SUCH-PERSON'))).toBeNull()
  })

  it('finds nobody for wildcards and punctuation', async () => {
    for (const ref of ['%', '_', '.', '%li']) expect((await findAuthor(t.store, ref)).author, ref).toBeNull()
  })
})

describe('findPaperById', () => {
  let t: TempStore
  beforeAll(async () => {
    t = await createTempStore()
    await importRecords(t.store, [
      buildRecord({ source: 'arxiv', key: '2301.05217', title: 'Progress measures for grokking via mechanistic interpretability', ids: { arxiv: '2301.05217' } }),
      buildRecord({ source: 'openalex', key: 'W1', title: 'Deep double descent', ids: { doi: '10.1088/1742-5468/ac3a74' } }),
    ])
  })
  afterAll(async () => {
    await t.cleanup()
  })

  it("finds a paper by its arXiv id in any form, its DOI in any case, and a preprint by arXiv's own DOI", async () => {
    const title = async (ref: string) => (await findPaperById(t.store, ref)).paper?.title ?? null
    const grokking = 'Progress measures for grokking via mechanistic interpretability'
    expect(await Promise.all(['2301.05217', 'arXiv:2301.05217v2', 'https://arxiv.org/abs/2301.05217', '10.48550/arXiv.2301.05217', 'https://doi.org/10.48550/ARXIV.2301.05217'].map(title))).toEqual([grokking, grokking, grokking, grokking, grokking])
    expect(await title('10.1088/1742-5468/AC3A74')).toBe('Deep double descent')
    expect(await title('10.48550/arXiv.2301.99999')).toBeNull()
  })

  it('finds a paper by its Paperscope id typed in any case (P1AVORHTPA6 is p1avorhtpa6)', async () => {
    const id = (await findPaperById(t.store, '2301.05217')).paper!.id
    expect(id).toMatch(/^p[0-9a-z]+$/)
    const upper = await findPaperById(t.store, ` ${id.toUpperCase()} `)
    // Before, none: the id was looked up as typed, and its letters are no title word either.
    expect(upper).toMatchObject({ paper: { id }, matchedBy: 'id' })
    expect((await findPaper(t.store, id.toUpperCase())).matchedBy).toBe('id')
    expect((await findPaperById(t.store, 'P0000000000')).paper).toBeNull()
  })

  it('lets a search for an arXiv id or a DOI find the paper first, whose text does not hold the id', async () => {
    const search = async (text: string, filters: { yearFrom?: number } = {}) => {
      const named = await paperNamedBy(t.store, text)
      return (await t.store.searchPapers({ text, ...filters, ...(named ? { paperIdNamed: named } : {}) })).items.map((h) => h.paper.title)
    }
    // Before, 0 results: the digits are in no title, abstract or key word.
    expect(await search('2301.05217')).toEqual(['Progress measures for grokking via mechanistic interpretability'])
    expect(await search('https://doi.org/10.1088/1742-5468/AC3A74')).toEqual(['Deep double descent'])
    expect(await search('grokking')).toEqual(['Progress measures for grokking via mechanistic interpretability'])
    // A plain word costs no lookup; a filter still applies.
    expect(await paperNamedBy(t.store, 'descent')).toBeUndefined()
    expect(await search('2301.05217', { yearFrom: 2990 })).toEqual([])
  })
})
