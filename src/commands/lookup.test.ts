/** Finding an author from what a person types, in a real library file built by the importer. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRecord } from '../../test/support/factories.js'
import { createTempStore, type TempStore } from '../../test/support/temp-store.js'
import { importRecords } from './import-records.js'
import { findAuthor } from './lookup.js'

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

  it('finds nobody for wildcards and punctuation', async () => {
    for (const ref of ['%', '_', '.', '%li']) expect((await findAuthor(t.store, ref)).author, ref).toBeNull()
  })
})
