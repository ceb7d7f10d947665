import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isPaperscopeError } from '../core/index.js'
import { parseBibtex, recognizeApiAnswer } from '../ingest/index.js'
import type { PaperStore, PaperWriter } from '../store/index.js'
import { buildRecord } from '../../test/support/factories.js'
import { readFixture } from '../../test/support/fixture-server.js'
import { createTempStore, type TempStore } from '../../test/support/temp-store.js'
import { importRecords } from './import-records.js'
import { exportBibtex } from './export-bibtex.js'
import { importFiles } from './import-files.js'
import { findPaperById } from './lookup.js'
import { rematchLibrary } from './rematch-library.js'
import { namesakes } from './overview.js'

/** A store whose writer fails on the n-th savePaper call: a real fault inside a real transaction. */
/** `store` whose transactions' writer has `method` replaced by `replace(original)`: to inject a fault or count calls. */
function withWriterMethod<K extends keyof PaperWriter>(store: PaperStore, method: K, replace: (original: PaperWriter[K]) => PaperWriter[K]): PaperStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') return Reflect.get(target, prop, receiver)
      return <T>(work: (tx: PaperWriter) => Promise<T>) =>
        target.transaction((tx) =>
          work(
            new Proxy(tx, {
              get: (t, p, r) => (p === method ? replace((t[method] as (...args: unknown[]) => unknown).bind(t) as PaperWriter[K]) : Reflect.get(t, p, r)),
            }),
          ),
        )
    },
  })
}

function failingOnSave(store: PaperStore, failAt: number): PaperStore {
  let saves = 0
  return withWriterMethod(store, 'savePaper', (save) => async (...args) => {
    if (++saves === failAt) throw new Error('disk full (injected)')
    return save(...args)
  })
}

describe('importRecords', () => {
  let t: TempStore
  beforeEach(async () => {
    t = await createTempStore()
  })
  afterEach(async () => {
    await t.cleanup()
  })

  const records = [
    buildRecord({ source: 'arxiv', key: '2310.03789', title: 'Grokking as a First Order Phase Transition in Two Layer Networks', authors: ['Noa Rubin', 'Inbar Seroussi', 'Zohar Ringel'], ids: { arxiv: '2310.03789' }, date: '2023-10-05' }),
    buildRecord({ source: 'awesome-list', key: 'phase|droplets', title: 'Droplets of Good Representations: Grokking as a First Order Phase Transition in Two Layer Networks', authors: ['Noa Rubin', 'Inbar Seroussi', 'Zohar Ringel'], date: '2023', topics: ['Emergence and Phase Transitions'] }),
    buildRecord({ source: 'daily-papers', key: 'grokking', title: 'Grokking as a first order phase transition in two layer networks' }),
    buildRecord({ source: 'daily-papers', key: 'fantastic', title: 'Fantastic Generalization Measures are Nowhere to be Found' }),
    buildRecord({ source: 'awesome-list', key: 'others|fantastic-2019', title: 'Fantastic Generalization Measures and Where to Find Them', authors: ['Yiding Jiang', 'Behnam Neyshabur'], date: '2019' }),
  ]

  it('merges the same paper from three sources into one paper with three records', async () => {
    const counts = await importRecords(t.store, records)
    expect(counts).toMatchObject({ read: 5, new: 3, merged: 2, updated: 0, unchanged: 0 })
    const id = await t.store.findPaperIdByExternalId('arxiv', '2310.03789')
    const paper = await t.store.getPaper(id!)
    expect(paper!.sources.map((s) => s.source)).toEqual(['arxiv', 'awesome-list', 'daily-papers'])
    expect(paper!.sources[1]!.matchReason).toMatch(/^(id|title-part)/)
    expect(paper!.title).toBe('Grokking as a First Order Phase Transition in Two Layer Networks')
    expect(paper!.topics.map((x) => x.label)).toEqual(['Emergence and Phase Transitions'])
    expect(paper!.authors.map((a) => a.name)).toEqual(['Noa Rubin', 'Inbar Seroussi', 'Zohar Ringel'])
  })

  it('changes nothing when the same records are imported again', async () => {
    await importRecords(t.store, records)
    const before = await t.store.libraryStats()
    const again = await importRecords(t.store, records.map((r) => ({ ...r, fetchedAt: '2026-02-02T00:00:00.000Z' })))
    expect(again).toMatchObject({ new: 0, merged: 0, updated: 0, unchanged: 5 })
    expect(await t.store.libraryStats()).toEqual(before)
  })

  it('updates a paper when a record changes, without duplicating it', async () => {
    await importRecords(t.store, records)
    const changed = { ...records[3]!, abstract: 'We study the notion of a generalization bound being uniformly tight.' }
    expect(await importRecords(t.store, [changed])).toMatchObject({ updated: 1, new: 0 })
    const hits = await t.store.searchPapers({ text: 'uniformly tight' })
    expect(hits.items.map((h) => h.paper.title)).toEqual(['Fantastic Generalization Measures are Nowhere to be Found'])
    expect((await t.store.libraryStats()).papers).toBe(3)
  })

  const papersFound = async (text: string) =>
    Promise.all((await t.store.searchPapers({ text })).items.map(async (h) => (await t.store.getPaper(h.paper.id))!))

  it('moves an edited record that is no longer its paper out of it, and builds both papers again', async () => {
    await importRecords(t.store, records)
    const grokking = (await t.store.findPaperIdByExternalId('arxiv', '2310.03789'))!
    // The daily page's record, edited to another paper's title: it is that paper now, not a third record of the
    // grokking paper (which had mixed two papers' titles, abstracts and authors).
    const edited = { ...records[2]!, title: 'Omnigrok: Grokking Beyond Algorithmic Data', abstract: 'Grokking beyond algorithmic data.' }
    expect(await importRecords(t.store, [edited])).toMatchObject({ updated: 1 })
    const stayed = (await t.store.getPaper(grokking))!
    expect(stayed.sources.map((x) => x.source)).toEqual(['arxiv', 'awesome-list'])
    expect(stayed.title).toBe('Grokking as a First Order Phase Transition in Two Layer Networks')
    expect(stayed.abstract).toBeNull()
    const moved = await papersFound('Omnigrok')
    expect(moved.map((p) => [p.title, p.sources.map((x) => x.source)])).toEqual([['Omnigrok: Grokking Beyond Algorithmic Data', ['daily-papers']]])
    expect(moved[0]!.id).not.toBe(grokking)
    expect(moved[0]!.sources[0]!.matchReason).toBeNull()
    expect((await t.store.libraryStats()).papers).toBe(4)
    // Edited back, it joins the grokking paper again, with the reason it matched, and the paper it had made alone
    // goes, with what hung on it (search finds it no more).
    expect(await importRecords(t.store, [records[2]!])).toMatchObject({ updated: 1 })
    const back = (await t.store.getPaper(grokking))!
    expect(back.sources.map((x) => x.source)).toEqual(['arxiv', 'awesome-list', 'daily-papers'])
    expect(back.sources[2]!.matchReason).toMatch(/title/)
    expect(await t.store.getPaper(moved[0]!.id)).toBeNull()
    expect(await papersFound('Omnigrok')).toEqual([])
    expect((await t.store.libraryStats()).papers).toBe(3)
    // A record alone on its paper, edited to no other paper, keeps its paper.
    const alone = { ...records[4]!, title: 'Fantastic Generalization Measures and Where to Find Them, Revisited' }
    expect(await importRecords(t.store, [alone])).toMatchObject({ updated: 1 })
    expect((await t.store.libraryStats()).papers).toBe(3)
    // A record edited but still its paper (a title's capitals) stays where it is.
    expect(await importRecords(t.store, [{ ...records[2]!, title: 'Grokking As A First Order Phase Transition In Two Layer Networks' }])).toMatchObject({ updated: 1 })
    expect((await t.store.getPaper(grokking))!.sources).toHaveLength(3)
  })

  it('gives a record that leaves the paper its id came from a paper of its own', async () => {
    await importRecords(t.store, records)
    const fantastic = (await t.store.searchPapers({ text: 'Nowhere' })).items[0]!.paper
    // The daily record made this paper; a second record of the same paper merges into it.
    const second = buildRecord({ source: 'arxiv', key: '1912.04265', title: 'Fantastic Generalization Measures are Nowhere to be Found', ids: { arxiv: '1912.04265' } })
    expect(await importRecords(t.store, [second])).toMatchObject({ merged: 1 })
    const edited = { ...records[3]!, title: 'A Completely Different Study of Sparse Coding in Visual Cortex' }
    expect(await importRecords(t.store, [edited])).toMatchObject({ updated: 1 })
    expect((await t.store.getPaper(fantastic.id))!.sources.map((x) => x.source)).toEqual(['arxiv'])
    const moved = await papersFound('sparse coding visual cortex')
    expect(moved.map((p) => p.sources.map((x) => x.key))).toEqual([['fantastic']])
    expect(moved[0]!.id).not.toBe(fantastic.id)
  })

  it('lets a moved record take its arXiv id along, findable by it on the paper it moved to', async () => {
    const arxiv = buildRecord({ source: 'arxiv', key: '2401.00001', title: 'Scaling Laws for Sparse Mixture of Experts Routing', authors: ['Ada Lovelace', 'Alan Turing'], ids: { arxiv: '2401.00001', doi: '10.1000/first' }, date: '2024-01-02' })
    const listed = buildRecord({ source: 'awesome-list', key: 'moe|scaling', title: 'Scaling Laws for Sparse Mixture of Experts Routing', authors: ['Ada Lovelace'], date: '2024' })
    const other = buildRecord({ source: 'awesome-list', key: 'icl|gd', title: 'Transformers Learn In-Context by Gradient Descent Again', authors: ['Ada Lovelace'], date: '2024' })
    await importRecords(t.store, [arxiv, listed, other])
    const paperOf = async (r: { source: string; key: string }) => (await t.store.transaction((tx) => tx.findSourceRecord(r.source, r.key)))!.paperId
    // Retitled with its ids kept (a v2): the same paper, which keeps its curated record and topics.
    await importRecords(t.store, [{ ...arxiv, title: 'Routing Tokens to Experts: Scaling Laws for Sparse Models' }])
    expect(await paperOf(arxiv)).toBe(await paperOf(listed))
    expect((await t.store.getPaper(await paperOf(listed)))!.sources).toHaveLength(2)
    // A new title and another DOI where it had one: another paper. It leaves for a paper of its own, the arXiv
    // id goes with it, and the paper left says no more why it was merged.
    await importRecords(t.store, [{ ...arxiv, ids: { arxiv: '2401.00001', doi: '10.1000/other' }, title: 'A Completely Different Study of Sparse Coding in Visual Cortex' }])
    expect(await t.store.findPaperIdByExternalId('arxiv', '2401.00001')).toBe(await paperOf(arxiv))
    expect((await t.store.getPaper(await paperOf(listed)))!.sources.map((x) => x.matchReason)).toEqual([null])
    // Alone on its paper, edited to another paper's title: it joins that paper, with its id.
    await importRecords(t.store, [{ ...arxiv, title: 'Transformers Learn In-Context by Gradient Descent Again' }])
    expect(await paperOf(arxiv)).toBe(await paperOf(other))
    expect(await t.store.findPaperIdByExternalId('arxiv', '2401.00001')).toBe(await paperOf(other))
    // A later record with that id and another title joins it by the id, not as a new paper.
    const s2 = buildRecord({ source: 'semantic-scholar', key: 's2x', title: 'Routing Tokens Through Experts', authors: ['Ada Lovelace'], ids: { arxiv: '2401.00001' } })
    expect(await importRecords(t.store, [s2])).toMatchObject({ merged: 1 })
    expect(await paperOf(s2)).toBe(await paperOf(other))
  })

  it('never puts a moved record back on the paper its id came from while that paper is another', async () => {
    const r = buildRecord({ source: 'daily-papers', key: 'rkey', title: 'Neural Tangent Kernels at Finite Width', authors: ['Ada Lovelace'], date: '2023' })
    const s = buildRecord({ source: 'awesome-list', key: 'skey', title: 'Neural Tangent Kernels at Finite Width', authors: ['Ada Lovelace'], date: '2023' })
    const o = buildRecord({ source: 'arxiv', key: 'okey', title: 'Edge of Stability in Full Batch Gradient Descent', authors: ['Grace Hopper'], date: '2021', ids: { arxiv: '2103.00065' } })
    const o2 = buildRecord({ source: 'awesome-list', key: 'o2key', title: 'Edge of Stability in Full Batch Gradient Descent', authors: ['Grace Hopper'], date: '2021' })
    await importRecords(t.store, [r, s, o, o2])
    const paperOf = async (x: { source: string; key: string }) => (await t.store.transaction((tx) => tx.findSourceRecord(x.source, x.key)))!.paperId
    const made = await paperOf(r)
    await importRecords(t.store, [{ ...r, title: o.title, authors: ['Grace Hopper'], date: '2021' }])
    expect(await paperOf(r)).toBe(await paperOf(o))
    // Edited to no paper of the library: a paper of its own, not the NTK paper its id was made for.
    await importRecords(t.store, [{ ...r, title: 'Something Entirely Unrelated About Protein Folding', authors: ['Marie Curie'], date: '2020' }])
    const now = await paperOf(r)
    expect([now === made, now === (await paperOf(o))]).toEqual([false, false])
    expect((await t.store.getPaper(made))!.sources.map((x) => x.key)).toEqual(['skey'])
  })

  it('keeps a paper findable by its id when all its records are retitled in one import and it is rebuilt under another', async () => {
    const r = buildRecord({ source: 'daily-papers', key: 'rkey', title: 'Neural Tangent Kernels at Finite Width', authors: ['Ada Lovelace'], date: '2023' })
    const s = buildRecord({ source: 'awesome-list', key: 'skey', title: 'Neural Tangent Kernels at Finite Width', authors: ['Ada Lovelace'], date: '2023' })
    await importRecords(t.store, [r, s])
    const paperOf = async (x: { source: string; key: string }) => (await t.store.transaction((tx) => tx.findSourceRecord(x.source, x.key)))!.paperId
    const before = await paperOf(r)
    const retitled = 'Finite-Width Corrections to the Neural Tangent Kernel'
    await importRecords(t.store, [{ ...r, title: retitled }, { ...s, title: retitled }])
    // The first record leaves for a paper of its own and the second follows it: the old paper is gone, and its
    // id (a bookmarked link) leads to the paper they now make.
    const now = await paperOf(r)
    expect([now === before, await paperOf(s)]).toEqual([false, now])
    expect(await t.store.getPaper(before)).toBeNull()
    const found = await findPaperById(t.store, before)
    expect([found.matchedBy, found.paper?.id, found.paper?.title]).toEqual(['former-id', now, retitled])
    expect((await t.store.libraryStats()).papers).toBe(1)
    // Edited back, the records make the old paper again (its id is the first record's), which its id finds
    // itself, not the paper that left; that paper's id in turn leads to it.
    await importRecords(t.store, [r, s])
    expect([await paperOf(r), await paperOf(s)]).toEqual([before, before])
    expect((await findPaperById(t.store, before)).matchedBy).toBe('id')
    const back = await findPaperById(t.store, now)
    expect([back.matchedBy, back.paper?.id]).toEqual(['former-id', before])
  })

  // Google Scholar's export as it gives these entries: two books and two papers that share a title, or nearly.
  const SCHOLAR_BIB = `@book{goodfellow2016deep,
  title={Deep learning},
  author={Goodfellow, Ian and Bengio, Yoshua and Courville, Aaron and Bengio, Yoshua},
  volume={1},
  number={2},
  year={2016},
  publisher={MIT press Cambridge}
}

@article{lecun2015deep,
  title={Deep learning},
  author={LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},
  journal={nature},
  volume={521},
  number={7553},
  pages={436--444},
  year={2015},
  publisher={Nature Publishing Group UK London}
}

@inproceedings{rasmussen2003gaussian,
  title={Gaussian processes in machine learning},
  author={Rasmussen, Carl Edward},
  booktitle={Summer school on machine learning},
  pages={63--71},
  year={2003},
  organization={Springer}
}

@book{williams2006gaussian,
  title={Gaussian processes for machine learning},
  author={Williams, Christopher KI and Rasmussen, Carl Edward},
  volume={2},
  number={3},
  year={2006},
  publisher={MIT press Cambridge, MA}
}
`

  it("keeps Google Scholar's books apart from the papers of their titles, whichever is imported first", async () => {
    const { records: scholar } = parseBibtex(SCHOLAR_BIB, { input: 'scholar.bib', fetchedAt: '2026-11-29T00:00:00.000Z' })
    expect(scholar).toHaveLength(4)
    for (const order of [scholar, [...scholar].reverse()]) {
      const fresh = await createTempStore()
      try {
        expect(await importRecords(fresh.store, order)).toMatchObject({ new: 4, merged: 0 })
      } finally {
        await fresh.cleanup()
      }
    }
  })

  it('merges a Foundations and Trends monograph exported as an article and as a bare book, whichever is imported first', async () => {
    // Google Scholar's @article names the book-journal; a reference manager's @book of it names neither series nor
    // publisher, and neither has a DOI: only the paper's venue says that a book of its title is the same work.
    const { records: [article, bare] } = parseBibtex(
      readFixture('bibtex/admm_article_and_book.bib'),
      { input: 'refs.bib', fetchedAt: '2026-11-29T00:00:00.000Z' },
    )
    for (const order of [[article!, bare!], [bare!, article!]]) {
      const fresh = await createTempStore()
      try {
        for (const record of order) await importRecords(fresh.store, [record])
        expect((await fresh.store.libraryStats()).papers).toBe(1)
      } finally {
        await fresh.cleanup()
      }
    }
  })

  // A reference list's entry of DDPG printed with the DOI of Bengio's monograph (as reference lists print it), and
  // Bengio's own entry.
  const MISCITED_BIB = `@article{bengio2009learning,
  title={Learning deep architectures for AI},
  author={Bengio, Yoshua},
  journal={Foundations and Trends in Machine Learning},
  volume={2}, number={1}, pages={1--127}, year={2009},
  doi={10.1561/2200000006}
}

@inproceedings{lillicrap2016continuous,
  title={Continuous control with deep reinforcement learning},
  author={Lillicrap, Timothy P. and Hunt, Jonathan J. and Pritzel, Alexander and Heess, Nicolas and Erez, Tom and Tassa, Yuval and Silver, David and Wierstra, Daan},
  booktitle={International Conference on Learning Representations},
  year={2016},
  eprint={1509.02971}, archivePrefix={arXiv},
  doi={10.1561/2200000006}
}
`

  it("shows a DOI on the paper it names, not on the paper of an entry that carried it by mistake, whichever comes first", async () => {
    const doi = '10.1561/2200000006'
    const { records: [bengio, ddpg] } = parseBibtex(MISCITED_BIB, { input: 'refs.bib', fetchedAt: '2026-11-29T00:00:00.000Z' })
    for (const order of [[bengio!, ddpg!], [ddpg!, bengio!]]) {
      const fresh = await createTempStore()
      try {
        // One import per entry, as two files read one after the other.
        for (const record of order) expect(await importRecords(fresh.store, [record])).toMatchObject({ new: 1 })
        const bengioId = (await fresh.store.findPaperIdByExternalId('doi', doi))!
        const ddpgId = (await fresh.store.findPaperIdByExternalId('arxiv', '1509.02971'))!
        const [bengioPaper, ddpgPaper] = [(await fresh.store.getPaper(bengioId))!, (await fresh.store.getPaper(ddpgId))!]
        expect(bengioPaper.title).toBe('Learning deep architectures for AI')
        expect([bengioPaper.ids, bengioPaper.url]).toEqual([{ doi }, `https://doi.org/${doi}`])
        // DDPG shows neither the DOI nor the link the entry made of it, but its arXiv page; its record keeps the DOI
        // as the file gave it.
        expect([ddpgPaper.ids, ddpgPaper.url]).toEqual([{ arxiv: '1509.02971' }, 'https://arxiv.org/abs/1509.02971'])
        expect(ddpgPaper.sources.map((r) => r.ids)).toEqual([{ arxiv: '1509.02971', doi }])
        // The entry made DDPG's paper here (no other record of it): no reason to join.
        expect(ddpgPaper.sources[0]!.matchReason).toBeNull()
        const { bibtex } = await exportBibtex(fresh.store, { papers: [ddpgId, bengioId] })
        const entries = bibtex.split(/\n(?=@)/)
        expect(entries.find((e) => e.includes('{lillicrap2016continuous,'))).not.toContain(doi)
        expect(entries.find((e) => e.includes('{bengio2009learning,'))).toMatch(/doi\s*= \{10\.1561\/2200000006\}/)
        expect(await importRecords(fresh.store, order)).toMatchObject({ unchanged: 2 })
        expect((await rematchLibrary(fresh.store, { dryRun: true })).changes).toEqual([])
      } finally {
        await fresh.cleanup()
      }
    }
  })

  it('reads the records of a paper it takes an id from once, and builds that paper again from them', async () => {
    const doi = '10.1561/2200000006'
    const { records: [bengio, ddpg] } = parseBibtex(MISCITED_BIB, { input: 'refs.bib', fetchedAt: '2026-11-29T00:00:00.000Z' })
    await importRecords(t.store, [ddpg!])
    const ddpgId = (await t.store.findPaperIdByExternalId('arxiv', '1509.02971'))!
    // Bengio's entry takes the DOI from DDPG's paper, which is built again without it.
    const listed = new Map<string, number>()
    const counting = withWriterMethod(t.store, 'listSourceRecords', (list) => (paperId) => {
      listed.set(paperId, (listed.get(paperId) ?? 0) + 1)
      return list(paperId)
    })
    await importRecords(counting, [bengio!])
    const bengioId = (await t.store.findPaperIdByExternalId('doi', doi))!
    expect([bengioId === ddpgId, (await t.store.getPaper(ddpgId))!.ids]).toEqual([false, { arxiv: '1509.02971' }])
    expect(Object.fromEntries(listed)).toEqual({ [bengioId]: 1, [ddpgId]: 1 })
  })

  it('gives an id two papers have equal claim to to the same paper whichever file is imported first', async () => {
    // Two reference lists print one DOI on two papers: each a .bib entry whose only id it is, the papers kept apart by
    // their titles and authors. Nothing in the records says whose it is; the rule must not be "who came first".
    const doi = '10.1000/sam.2021.disputed'
    const files = {
      'a.bib': `@inproceedings{foret2021sharpness,
  title={Sharpness-Aware Minimization for Efficiently Improving Generalization},
  author={Foret, Pierre and Kleiner, Ariel and Mobahi, Hossein and Neyshabur, Behnam},
  booktitle={International Conference on Learning Representations}, year={2021}, doi={${doi}}
}
`,
      'b.bib': `@inproceedings{andriushchenko2022towards,
  title={Towards Understanding Sharpness-Aware Minimization},
  author={Andriushchenko, Maksym and Flammarion, Nicolas},
  booktitle={International Conference on Machine Learning}, year={2022}, doi={${doi}}
}
`,
    }
    for (const [name, text] of Object.entries(files)) writeFileSync(join(t.dir, name), text)
    const libraries = []
    for (const order of [['a.bib', 'b.bib'], ['b.bib', 'a.bib']]) {
      const fresh = await createTempStore()
      try {
        for (const name of order) await importFiles(fresh.store, [join(t.dir, name)], { cwd: t.dir })
        const papers = (await fresh.store.listPapers({ limit: 10 })).items
        libraries.push({
          papers: papers.map((p) => ({ id: p.id, title: p.title, ids: p.ids, url: p.url })).sort((x, y) => (x.id < y.id ? -1 : 1)),
          holder: await fresh.store.findPaperIdByExternalId('doi', doi),
        })
        expect(await rematchLibrary(fresh.store, { dryRun: true })).toMatchObject({ changes: [], ids: [] })
      } finally {
        await fresh.cleanup()
      }
    }
    expect(libraries[0]!.papers).toHaveLength(2)
    expect(libraries[1]).toEqual(libraries[0])
    // The smaller paper id holds it (the last rule), and only that paper shows it.
    const [first, second] = libraries[0]!.papers
    expect([libraries[0]!.holder, first!.ids, second!.ids]).toEqual([first!.id, { doi }, {}])
  })

  it('gives an id back, in the same import, to the paper whose record still has it when the record that held it elsewhere is corrected, removed or moved', async () => {
    // A reference list prints ResNet's DOI on the Batch Normalization entry, its only id: that entry's paper holds it
    // over ResNet's own entry, which has it beside its arXiv id (see holdsIdBetter).
    const doi = '10.1109/cvpr.2016.90'
    const resnet = `@inproceedings{he2016deep,
  title={Deep Residual Learning for Image Recognition},
  author={He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian},
  booktitle={CVPR}, year={2016}, eprint={1512.03385}, archivePrefix={arXiv}, doi={${doi}}
}
`
    const batchNorm = (fields: string) => `@inproceedings{ioffe2015batch,
  ${fields}
  booktitle={International Conference on Machine Learning}, year={2015}
}
`
    const bn = `title={Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift},
  author={Ioffe, Sergey and Szegedy, Christian},`
    const dropout = `@article{srivastava2014dropout,
  title={Dropout: A Simple Way to Prevent Neural Networks from Overfitting},
  author={Srivastava, Nitish and Hinton, Geoffrey and Krizhevsky, Alex and Sutskever, Ilya and Salakhutdinov, Ruslan},
  journal={Journal of Machine Learning Research}, year={2014}
}
`
    // A second list cites Batch Normalization too, without the DOI: the paper stays when the first list's entry goes.
    const other = `@inproceedings{ioffe2015,
  ${bn}
  booktitle={ICML}, year={2015}
}
`
    const edits: Record<string, string> = {
      corrected: batchNorm(bn) + dropout,
      removed: dropout,
      // The entry's key now holds the Dropout paper (its content replaced): it moves to that paper, without the DOI.
      moved: `@article{ioffe2015batch,
  title={Dropout: A Simple Way to Prevent Neural Networks from Overfitting},
  author={Srivastava, Nitish and Hinton, Geoffrey},
  journal={JMLR}, year={2014}
}
` + dropout,
    }
    for (const [edit, refsAfter] of Object.entries(edits)) {
      const fresh = await createTempStore()
      try {
        const file = (name: string, text: string) => {
          writeFileSync(join(fresh.dir, name), text)
          return join(fresh.dir, name)
        }
        const files = [file('resnet.bib', resnet), file('refs.bib', batchNorm(`${bn}
  doi={${doi}},`) + dropout), file('more.bib', other)]
        await importFiles(fresh.store, files, { cwd: fresh.dir })
        const resnetId = (await fresh.store.findPaperIdByExternalId('arxiv', '1512.03385'))!
        const bnId = (await fresh.store.findPaperIdByExternalId('doi', doi))!
        expect([bnId === resnetId, (await fresh.store.getPaper(bnId))!.title]).toEqual([false, expect.stringMatching(/^Batch Normalization/)])
        expect((await fresh.store.getPaper(resnetId))!.ids).toEqual({ arxiv: '1512.03385' })
        await importFiles(fresh.store, [file('refs.bib', refsAfter)], { cwd: fresh.dir })
        // ResNet's paper holds and shows its DOI again; Batch Normalization's paper stays, without it.
        expect([edit, await fresh.store.findPaperIdByExternalId('doi', doi)]).toEqual([edit, resnetId])
        expect((await fresh.store.getPaper(resnetId))!.ids).toEqual({ arxiv: '1512.03385', doi })
        expect((await fresh.store.getPaper(bnId))!.ids).toEqual({})
        expect(await rematchLibrary(fresh.store, { dryRun: true })).toMatchObject({ changes: [], ids: [] })
      } finally {
        await fresh.cleanup()
      }
    }
  })

  it('says why an entry that carries another paper\'s DOI joined the paper its arXiv id and title name', async () => {
    const doi = '10.1561/2200000006'
    const { records: [bengio, ddpg] } = parseBibtex(MISCITED_BIB, { input: 'refs.bib', fetchedAt: '2026-11-29T00:00:00.000Z' })
    const arxiv = buildRecord({ source: 'arxiv', key: '1509.02971', title: 'Continuous control with deep reinforcement learning', authors: ['Timothy P. Lillicrap', 'Jonathan J. Hunt'], ids: { arxiv: '1509.02971' }, date: '2015-09-09', url: 'https://arxiv.org/abs/1509.02971' })
    for (const order of [[arxiv, bengio!, ddpg!], [arxiv, ddpg!, bengio!]]) {
      const fresh = await createTempStore()
      try {
        for (const record of order) await importRecords(fresh.store, [record])
        const bengioId = (await fresh.store.findPaperIdByExternalId('doi', doi))!
        const ddpgPaper = (await fresh.store.getPaper((await fresh.store.findPaperIdByExternalId('arxiv', '1509.02971'))!))!
        expect([ddpgPaper.ids, ddpgPaper.url]).toEqual([{ arxiv: '1509.02971' }, 'https://arxiv.org/abs/1509.02971'])
        expect((await fresh.store.getPaper(bengioId))!.sources.map((r) => [r.key, r.matchReason])).toEqual([[bengio!.key, null]])
        const entry = ddpgPaper.sources.find((r) => r.source === 'bibtex')!
        expect(entry.ids.doi).toBe(doi)
        expect(entry.matchReason).toBe(
          order[1] === bengio
            ? `id: same arxiv 1509.02971 and same title, authors overlap; its doi ${doi} names ${bengioId}, which its title, authors and abstract do not`
            : 'id: same arxiv 1509.02971',
        )
      } finally {
        await fresh.cleanup()
      }
    }
  })

  it("shows the publication's DOI over its bioRxiv preprint's, and keeps every record's DOI in view to tell another publication apart", async () => {
    const title = 'Evolutionary-scale prediction of atomic level protein structure with a language model'
    const authors = ['Zeming Lin', 'Halil Akin', 'Roshan Rao', 'Brian Hie', 'Zhongkai Zhu', 'Wenting Lu']
    const preprint = buildRecord({ source: 'openalex', title, authors, date: '2022-07-21', ids: { doi: '10.1101/2022.07.20.500902' }, raw: { type: 'preprint' } })
    const science = buildRecord({ source: 'bibtex', title, authors, date: '2023', ids: { doi: '10.1126/science.ade2574' }, raw: { entryType: 'article' } })
    expect(await importRecords(t.store, [preprint, science])).toMatchObject({ new: 1, merged: 1 })
    const paper = (await t.store.getPaper((await t.store.findPaperIdByExternalId('doi', '10.1101/2022.07.20.500902'))!))!
    // OpenAlex ranks before a .bib file, but a citer cites the published version.
    expect(paper.ids.doi).toBe('10.1126/science.ade2574')
    // A second publication of the title (its DOI made up) is another work.
    const other = buildRecord({ source: 'bibtex', title, authors, date: '2023', ids: { doi: '10.1000/made-up.2023.7' }, raw: { entryType: 'article' } })
    expect(await importRecords(t.store, [other])).toMatchObject({ new: 1, merged: 0 })
  })

  it("finds a paper by every id of every record, not only the ids it shows, and never by another paper's", async () => {
    // As in a Google Scholar export: the bioRxiv entry and the Science entry of one title, merged by it.
    const title = 'Evolutionary-scale prediction of atomic level protein structure with a language model'
    const authors = ['Zeming Lin', 'Halil Akin', 'Roshan Rao', 'Brian Hie']
    const preprint = buildRecord({ source: 'bibtex', key: 'refs.bib#lin2022', title, authors, date: '2022', ids: { doi: '10.1101/2022.07.20.500902' }, raw: { entryType: 'article' } })
    const science = buildRecord({ source: 'bibtex', key: 'refs.bib#lin2023', title, authors, date: '2023', ids: { doi: '10.1126/science.ade2574' }, raw: { entryType: 'article' } })
    expect(await importRecords(t.store, [preprint, science])).toMatchObject({ new: 1, merged: 1 })
    const paperId = (await t.store.findPaperIdByExternalId('doi', '10.1126/science.ade2574'))!
    expect((await t.store.getPaper(paperId))!.ids.doi).toBe('10.1126/science.ade2574')
    // The bioRxiv DOI, which the paper does not show (the publication's is shown), finds it too...
    expect(await t.store.findPaperIdByExternalId('doi', '10.1101/2022.07.20.500902')).toBe(paperId)
    // ...and so does a record with that DOI under a title with no word of the paper's (no title lookup finds it).
    const atlas = buildRecord({ source: 'openalex', key: 'W9', title: 'ESMFold and the ESM Metagenomic Atlas', authors, date: '2023', ids: { doi: '10.1101/2022.07.20.500902', openalex: 'W9' } })
    expect(await importRecords(t.store, [atlas])).toMatchObject({ new: 0, merged: 1 })
    const joined = (await t.store.getPaper(paperId))!.sources.find((s) => s.key === 'W9')
    expect(joined?.matchReason).toBe('id: same doi 10.1101/2022.07.20.500902')
    // The record's OpenAlex id, which the paper does not show either (it shows none), finds it as well.
    expect(await t.store.findPaperIdByExternalId('openalex', 'W9')).toBe(paperId)
    // Read again, nothing changes.
    expect(await importRecords(t.store, [preprint, science, atlas])).toMatchObject({ new: 0, merged: 0, updated: 0, unchanged: 3 })

    // A record that gives one of these ids by mistake beside another paper's id joins one of the two (ids tie; the
    // smaller paper id wins, as for shown ids): the papers stay two, each found by its own ids.
    const other = buildRecord({ source: 'bibtex', key: 'refs.bib#other', title: 'Protein language models and the rules of folding', authors: ['Ada Lovelace'], date: '2023', ids: { arxiv: '2301.00001' } })
    await importRecords(t.store, [other])
    const otherId = (await t.store.findPaperIdByExternalId('arxiv', '2301.00001'))!
    const wrong = buildRecord({ source: 'semantic-scholar', key: 's2-other', title: other.title, authors: ['Ada Lovelace'], date: '2023', ids: { arxiv: '2301.00001', openalex: 'W9' } })
    await importRecords(t.store, [wrong])
    expect(await t.store.findPaperIdByExternalId('openalex', 'W9')).toBe(paperId)
    expect(await t.store.findPaperIdByExternalId('arxiv', '2301.00001')).toBe(otherId)
    expect(otherId).not.toBe(paperId)
    expect([(await t.store.getPaper(paperId)) !== null, (await t.store.getPaper(otherId)) !== null]).toEqual([true, true])
    // The paper the record joined does not show the other's OpenAlex id; the record keeps it as its source gave it.
    const joinedOther = (await t.store.getPaper(otherId))!
    expect([joinedOther.ids, joinedOther.sources.find((s) => s.key === 's2-other')?.ids]).toEqual([{ arxiv: '2301.00001' }, { arxiv: '2301.00001', openalex: 'W9' }])
  })

  it('leaves the library as it was before a batch that fails half-way', async () => {
    await importRecords(t.store, records.slice(0, 2), [], { batchSize: 2 })
    const before = await t.store.libraryStats()
    const more = [
      buildRecord({ source: 'test', title: 'First of the failing batch' }),
      buildRecord({ source: 'test', title: 'Second of the failing batch' }),
      buildRecord({ source: 'test', title: 'Third of the failing batch' }),
    ]
    const err = await importRecords(failingOnSave(t.store, 2), more, [], { batchSize: 3 }).catch((e: unknown) => e)
    expect(isPaperscopeError(err, 'STORE_FAILED')).toBe(true)
    expect((err as Error).message).toMatch(/batch of records 1–3.*rolled back/)
    expect(await t.store.libraryStats()).toEqual(before)
    expect((await t.store.searchPapers({ text: 'failing batch' })).total).toBe(0)
  })

  it('keeps batches committed before the failing one', async () => {
    const many = Array.from({ length: 6 }, (_, i) => buildRecord({ source: 'test', title: `Batch paper ${i} about kernels` }))
    await expect(importRecords(failingOnSave(t.store, 5), many, [], { batchSize: 2 })).rejects.toThrow(/records 5–6/)
    expect((await t.store.libraryStats()).papers).toBe(4)
  })
})

describe('importRecords: author profiles', () => {
  let t: TempStore
  beforeEach(async () => {
    t = await createTempStore()
  })
  afterEach(async () => {
    await t.cleanup()
  })

  /** The records and profiles of a recorded Semantic Scholar answer, read as `sync` reads it. */
  function readAnswer(file: string, fetchedAt: string) {
    const text = readFixture(`semanticscholar/${file}`)
    const found = recognizeApiAnswer(text)
    if (!found) throw new Error(`${file} is no API answer`)
    return found.source.parse(text, { input: file, fetchedAt })
  }

  it("keeps a profile's reported counts when a later answer only names the person (an author search hit)", async () => {
    const detail = readAnswer('author_detail_2262347_with_papers_hindex.json', '2026-06-12T00:00:00Z')
    await importRecords(t.store, detail.records, detail.profiles)
    const search = readAnswer('author_search_turing.json', '2026-06-13T00:00:00Z')
    // The search answer lists the same person (2262347) by name alone.
    expect(search.profiles.find((p) => p.key === '2262347')?.metrics).toEqual({})
    const counts = await importRecords(t.store, search.records, search.profiles)
    const turing = (await t.store.getAuthor('a-turing'))!
    const s2 = turing.profiles.filter((p) => p.source === 'semantic-scholar')
    expect(s2.map((p) => [p.metrics, p.fetchedAt])).toEqual([[{ hIndex: 23, citations: 12415, papers: 60 }, '2026-06-12T00:00:00Z']])
    // The other people of the search answer are stored as before, as candidates: no person of the library has their ids.
    expect(counts.profiles).toBe(search.profiles.length - 1)
    expect(counts.candidateProfiles).toBe(search.profiles.length - 1)
    expect(detail.profiles).toHaveLength(1)
  })

  it('replaces a reported profile by a newer reading that reports counts', async () => {
    const detail = readAnswer('author_detail_2262347_with_papers_hindex.json', '2026-06-12T00:00:00Z')
    await importRecords(t.store, detail.records, detail.profiles)
    const newer = detail.profiles.map((p) => ({ ...p, fetchedAt: '2026-07-01T00:00:00Z', metrics: { ...p.metrics, citations: 12500 } }))
    expect((await importRecords(t.store, [], newer)).profiles).toBe(1)
    const s2 = (await t.store.getAuthor('a-turing'))!.profiles.filter((p) => p.source === 'semantic-scholar')
    expect(s2.map((p) => [p.metrics.citations, p.fetchedAt])).toEqual([[12500, '2026-07-01T00:00:00Z']])
  })

  /** A stored profile record and whose it is, as the import reads it. */
  function storedProfile(source: string, key: string) {
    return t.store.transaction((tx) => tx.getAuthorProfileRecord(source, key))
  }

  /** Every person of the library with their papers, and whose each stored profile is: the library as a reader sees it. */
  async function people() {
    const found = await t.store.findAuthors('turing', 200)
    const profiles: Array<[string, string | null]> = []
    for (const file of ['author_detail_2262347_with_papers_hindex.json', 'author_search_turing.json'])
      for (const p of readAnswer(file, '2026-06-12T00:00:00Z').profiles)
        profiles.push([p.key, (await storedProfile(p.source, p.key))?.authorId ?? null])
    return { people: found.map((a) => [a.id, a.paperCount]), stats: await t.store.libraryStats(), profiles: [...new Map(profiles)].sort() }
  }

  it('keeps an author search hit no person of the library holds as a candidate profile, not a person with no papers', async () => {
    const detail = readAnswer('author_detail_2262347_with_papers_hindex.json', '2026-06-12T00:00:00Z')
    await importRecords(t.store, detail.records, detail.profiles)
    const search = readAnswer('author_search_turing.json', '2026-06-13T00:00:00Z')
    expect(search.profiles).toHaveLength(59)
    await importRecords(t.store, search.records, search.profiles)
    // Only Turing himself is a Turing of this library: 'Turing Award' and the four other 'Alan Turing's are not.
    const turings = await t.store.findAuthors('turing', 200)
    expect(turings.filter((a) => a.paperCount === 0).map((a) => a.name)).toEqual([])
    expect(turings.find((a) => a.id === 'a-turing')?.paperCount).toBe(60)
    expect(await namesakes(t.store, (await t.store.getAuthor('a-turing'))!)).toEqual([])
    // Each hit is kept with where it was read, as no one's.
    const award = await storedProfile('semantic-scholar', '1394093374')
    expect([award?.profile.name, award?.profile.locator, award?.authorId]).toEqual(['Turing Award', 'https://www.semanticscholar.org/author/1394093374', null])
    expect((await t.store.libraryStats()).authorProfiles).toBe(59)
  })

  it('gives the same library whichever of the detail and the search is imported first', async () => {
    const detail = readAnswer('author_detail_2262347_with_papers_hindex.json', '2026-06-12T00:00:00Z')
    const search = readAnswer('author_search_turing.json', '2026-06-12T00:00:00Z')
    await importRecords(t.store, detail.records, detail.profiles)
    await importRecords(t.store, search.records, search.profiles)
    const detailFirst = await people()
    await t.cleanup()
    t = await createTempStore()
    expect(await importRecords(t.store, search.records, search.profiles)).toMatchObject({ profiles: 59, candidateProfiles: 59 })
    // Read first, Turing's own hit (2262347) is a candidate too, until his papers give a person that id.
    expect((await storedProfile('semantic-scholar', '2262347'))?.authorId).toBeNull()
    // His profile with papers then changes that hit, now a person's.
    expect(await importRecords(t.store, detail.records, detail.profiles)).toMatchObject({ profiles: 1, candidateProfiles: 0 })
    expect(await people()).toEqual(detailFirst)
    expect(detailFirst.profiles.filter(([, owner]) => owner !== null)).toEqual([['2262347', 'a-turing']])
  })

  it("makes a candidate profile a person's when a paper gives that person its id", async () => {
    const search = readAnswer('author_search_turing.json', '2026-06-13T00:00:00Z')
    await importRecords(t.store, search.records, search.profiles)
    const paper = buildRecord({ source: 'semantic-scholar', key: 'dermot1', title: 'Prof: Alan Turing Decoded', authors: ['Dermot Turing'], raw: { authorIds: ['51263427'] } })
    await importRecords(t.store, [paper])
    const [dermot] = await t.store.findAuthors('Dermot Turing', 5)
    expect(dermot?.paperCount).toBe(1)
    expect((await storedProfile('semantic-scholar', '51263427'))?.authorId).toBe(dermot?.id)
    // The other Dermot Turing of the search (2082493385) stays a candidate: its id is not his.
    expect((await storedProfile('semantic-scholar', '2082493385'))?.authorId).toBeNull()
  })

  /** A recorded OpenAlex author answer, read (as `sync` reads it) on one day: the fixtures' two of Jason Priem. */
  function readOpenAlex(file: string) {
    const text = readFixture(`openalex/${file}`)
    return recognizeApiAnswer(text)!.source.parse(text, { input: file, fetchedAt: '2026-06-12T00:00:00Z' }).profiles
  }

  it('keeps the newest reading of a profile as the profile, and the older among its earlier readings, in either order', async () => {
    const older = readOpenAlex('author_A5023888391.json')
    const newer = readOpenAlex('author_A5023888391_2026.json')
    const libraryAfter = async (first: typeof older, second: typeof older) => {
      await t.cleanup()
      t = await createTempStore()
      await importRecords(t.store, [], first)
      await importRecords(t.store, [], second)
      const priem = (await t.store.findAuthors('Jason Priem', 5)).map((a) => a.id)
      return { priem, detail: await t.store.getAuthor(priem[0]!), stored: await storedProfile('openalex', 'A5023888391') }
    }
    const newerLast = await libraryAfter(older, newer)
    const olderLast = await libraryAfter(newer, older)
    expect(olderLast).toEqual(newerLast)
    expect(newerLast.detail!.profiles.map((p) => [p.metrics.papers, p.metrics.citations])).toEqual([[60, 4269]])
    const earlier = newerLast.stored!.profile.raw['earlierReadings'] as Array<{ updatedDate: string; metrics: { papers: number; citations: number } }>
    expect(earlier.map((r) => [r.updatedDate.slice(0, 7), r.metrics.papers, r.metrics.citations])).toEqual([['2025-06', 62, 3890]])
    // Read again, either reading changes nothing, nor does the newer synced again later with the same counts.
    expect((await importRecords(t.store, [], older)).profiles).toBe(0)
    expect((await importRecords(t.store, [], newer)).profiles).toBe(0)
    expect((await importRecords(t.store, [], newer.map((p) => ({ ...p, fetchedAt: '2026-07-01T00:00:00Z' })))).profiles).toBe(0)
    expect((await storedProfile('openalex', 'A5023888391'))!.profile.raw['earlierReadings']).toEqual(earlier)
  })
})
