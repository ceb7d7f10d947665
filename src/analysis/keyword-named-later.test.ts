/**
 * A key word the text does not spell out is not suggested for a paper written long before anyone wrote it: the
 * library's first paper that writes or lists `Neural Tangent Kernel` is from 2018, so a 2005 paper on kernels, near
 * the list's NTK papers, is not said to be about it.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { awesomeListRecords, d2lReferenceRecords } from '../../test/support/corpus-records.js'
import type { SourceRecord } from '../core/index.js'
import { extractKeywords, fitKeywordModel, normalizeKeyword, RANK_ALL, SUGGESTION_YEARS_AHEAD, type KeywordModel } from './keywords.js'
import { prepareText } from './text.js'

const NTK = 'neural tangent kernel'
const HYPERKERNELS = 'Learning the kernel with hyperkernels'

describe('suggestions named after the paper was written', () => {
  let model: KeywordModel
  let records: SourceRecord[]
  const yearOf = (r: SourceRecord): number | undefined => (r.date ? Number(r.date.slice(0, 4)) : undefined)
  const textOf = (r: SourceRecord): string => `${r.title ?? ''} ${r.digest?.text ?? r.abstract ?? ''}`
  // The NTK papers of the list are this paper's similar papers: they list the key word.
  const neighbours = [{ similarity: 0.5, keywords: ['Neural Tangent Kernel'] }]
  const suggested = (title: string, text: string, year: number | undefined): string[] =>
    extractKeywords(model, prepareText({ title, text }), { ...RANK_ALL, neighbours, ...(year === undefined ? {} : { year }) })
      .filter((k) => !k.inText)
      .map((k) => k.key)

  beforeAll(() => {
    records = [...awesomeListRecords(), ...d2lReferenceRecords()]
    model = fitKeywordModel(
      records.map((r) => {
        const year = yearOf(r)
        return { doc: prepareText({ title: r.title ?? '', text: r.digest?.text ?? r.abstract ?? '' }), keywords: r.keywords, topics: r.topics, ...(year === undefined ? {} : { year }) }
      }),
    )
  })

  it('keeps for each curated key word the year of the first dated paper that writes or lists it', () => {
    // Counted here from the records themselves: a paper listing it, or writing its words in a row.
    const first = Math.min(
      ...records
        .filter((r) => yearOf(r) !== undefined)
        .filter((r) => r.keywords.some((k) => normalizeKeyword(k) === NTK) || /neural tangent kernel/i.test(textOf(r)))
        .map((r) => yearOf(r)!),
    )
    expect(first).toBeGreaterThanOrEqual(2018)
    expect(model.firstYear?.[NTK]).toBe(first)
    // Every key it keeps is a curated key word.
    for (const key of Object.keys(model.firstYear ?? {})) expect(model.keywordFrequency[key], key).toBeGreaterThan(0)
  })

  it('does not suggest it for a paper dated five or more years before that year, and does for one dated after or undated', () => {
    const first = model.firstYear![NTK]!
    expect(suggested(HYPERKERNELS, '', 2005)).not.toContain(NTK)
    expect(suggested(HYPERKERNELS, '', first - SUGGESTION_YEARS_AHEAD)).not.toContain(NTK)
    // The papers that coin a name come shortly before curators list it.
    expect(suggested(HYPERKERNELS, '', first - SUGGESTION_YEARS_AHEAD + 1)).toContain(NTK)
    expect(suggested(HYPERKERNELS, '', undefined)).toContain(NTK)
  })

  it('keeps a key word the text writes, whatever its date', () => {
    const text = 'We study the neural tangent kernel of wide networks and its eigenvalues.'
    const ranked = extractKeywords(model, prepareText({ title: 'Kernels of wide networks', text }), { ...RANK_ALL, neighbours, year: 1990 })
    expect(ranked.find((k) => k.key === NTK)).toMatchObject({ inText: true })
  })

  it('is not kept by a model fitted on undated papers', () => {
    const undated = fitKeywordModel(records.slice(0, 50).map((r) => ({ doc: prepareText({ title: r.title ?? '', text: r.digest?.text ?? '' }), keywords: r.keywords })))
    expect(undated.firstYear).toBeUndefined()
  })
})
