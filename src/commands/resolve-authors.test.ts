import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAuthorProfileRecord, type SourceRecord } from '../core/index.js'
import { findSource } from '../ingest/index.js'
import { readFixture } from '../../test/support/fixture-server.js'
import { buildRecord } from '../../test/support/factories.js'
import { createTempStore, type TempStore } from '../../test/support/temp-store.js'
import { importRecords } from './import-records.js'

const ctx = { input: 'https://api.semanticscholar.org/graph/v1/paper/batch', fetchedAt: '2026-06-12T08:00:00.000Z' }

function s2Record(key: string, authors: string[], authorIds: Array<string | null>, title: string): SourceRecord {
  return buildRecord({ source: 'semantic-scholar', key, title, authors, raw: { authorIds } })
}

describe('people from source author ids', () => {
  let t: TempStore
  beforeEach(async () => {
    t = await createTempStore()
  })
  afterEach(async () => {
    await t.cleanup()
  })

  async function peopleNamed(name: string): Promise<Array<{ id: string; paperCount: number }>> {
    return (await t.store.findAuthors(name, 50)).filter((a) => a.name === name)
  }

  it('makes one person of an abbreviated name that Semantic Scholar gives one id on papers with no co-author in common', async () => {
    // The recorded batch: `E. Duflo` (authorId 2259683) on three papers, each with other co-authors.
    const s2 = findSource('semantic-scholar')!
    const { records } = s2.parse(readFixture('semanticscholar/paper_batch_full_fields_with_null_entry.json'), ctx)
    expect(records.filter((r) => r.authors.includes('E. Duflo'))).toHaveLength(3)
    await importRecords(t.store, records)
    const duflo = await peopleNamed('E. Duflo')
    expect(duflo).toHaveLength(1)
    expect(duflo[0]!.paperCount).toBe(3)
    expect(await t.store.transaction((tx) => tx.listAuthorSourceIds(duflo[0]!.id))).toEqual([
      'semantic-scholar:2259683',
    ])
  })

  it('keeps two people apart whom one source gives different ids, under the same full name', async () => {
    await importRecords(t.store, [
      s2Record('p1', ['Jie Cao', 'Ann Other'], ['111', '5'], 'Transformers for tabular data'),
      s2Record('p2', ['Jie Cao', 'Bo Third'], ['222', '6'], 'Phase transitions in grokking'),
      s2Record('p3', ['Jie Cao'], ['111'], 'More tabular transformers'),
    ])
    const people = await peopleNamed('Jie Cao')
    expect(people.map((p) => p.paperCount).sort()).toEqual([1, 2])
  })

  it('still joins a name without ids to the person of the same full name', async () => {
    await importRecords(t.store, [
      s2Record('p1', ['Jie Cao'], ['111'], 'Transformers for tabular data'),
      buildRecord({ source: 'awesome-list', title: 'Grokking of tabular data', authors: ['Jie Cao'] }),
    ])
    expect((await peopleNamed('Jie Cao')).map((p) => p.paperCount)).toEqual([2])
  })

  it("ignores ids that do not line up with the names (a wrong pairing would join strangers)", async () => {
    await importRecords(t.store, [
      s2Record('p1', ['A. Smith', 'B. Jones'], ['1'], 'One paper'),
      s2Record('p2', ['A. Smith'], ['1'], 'Another paper'),
    ])
    // The first record's ids are not used: its A. Smith has no co-author evidence and no id, so stays apart.
    expect((await peopleNamed('A. Smith')).map((p) => p.paperCount).sort()).toEqual([1, 1])
  })

  it('gives a profile to the person its source id names, not to a namesake with another id', async () => {
    await importRecords(t.store, [
      s2Record('p1', ['Jie Cao'], ['111'], 'Transformers for tabular data'),
      s2Record('p2', ['Jie Cao'], ['222'], 'Phase transitions in grokking'),
    ])
    const profile = createAuthorProfileRecord({
      source: 'semantic-scholar',
      key: '222',
      locator: 'https://www.semanticscholar.org/author/222',
      fetchedAt: ctx.fetchedAt,
      name: 'Jie Cao',
      metrics: { hIndex: 7 },
      ids: { s2: '222', orcid: '0000-0002-1825-0097' },
    })
    await importRecords(t.store, [], [profile])
    const people = await peopleNamed('Jie Cao')
    const withProfile = await Promise.all(people.map((p) => t.store.getAuthor(p.id)))
    const owner = withProfile.find((a) => a!.profiles.length > 0)!
    expect(owner.profiles[0]!.metrics.hIndex).toBe(7)
    const papers = await t.store.transaction((tx) => tx.listAuthorSourceIds(owner.id))
    expect(papers).toEqual(['orcid:0000-0002-1825-0097', 'semantic-scholar:222'])
  })
})
