/**
 * `rematchLibrary` on real SQLite files holding what an older matcher left: a wrong merge written as its import wrote
 * it (the record attached to the other's paper with the store's own writers), and a merge it missed (the record
 * given a paper of its own). Today's matcher splits the one and joins the other; a library it built itself stays.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SourceRecord } from '../core/index.js'
import { parseBibtex } from '../ingest/index.js'
import { mergeRecords, paperIdFor, recordContentHash, titleKeys } from '../library/index.js'
import type { PaperStore, PaperWriter } from '../store/index.js'
import { buildRecord } from '../../test/support/factories.js'
import { createTempStore, type TempStore } from '../../test/support/temp-store.js'
import { analyzeNewPapers } from './analyze-library.js'
import { toBibtexPapers } from './export-bibtex.js'
import { importRecords, rebuildPaper } from './import-records.js'
import { findPaperById } from './lookup.js'
import { rematchLibrary } from './rematch-library.js'
import { resolveAuthors } from './resolve-authors.js'

// Google Scholar's entries: the book and the Nature review of one title, and a paper of another.
const SCHOLAR_BIB = `@book{goodfellow2016deep,
  title={Deep learning},
  author={Goodfellow, Ian and Bengio, Yoshua and Courville, Aaron and Bengio, Yoshua},
  year={2016},
  publisher={MIT press Cambridge}
}

@article{lecun2015deep,
  title={Deep learning},
  author={LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},
  journal={nature},
  volume={521},
  pages={436--444},
  year={2015}
}

@inproceedings{rasmussen2003gaussian,
  title={Gaussian processes in machine learning},
  author={Rasmussen, Carl Edward},
  booktitle={Summer school on machine learning},
  pages={63--71},
  year={2003}
}
`
const { records: scholar } = parseBibtex(SCHOLAR_BIB, { input: 'scholar.bib', fetchedAt: '2026-11-29T00:00:00.000Z' })
const [book, review, gaussian] = scholar as [SourceRecord, SourceRecord, SourceRecord]

const MASK_AUTHORS = ['Kaiming He', 'Georgia Gkioxari', 'Piotr Dollár', 'Ross Girshick']
const maskArxiv = buildRecord({ source: 'arxiv', key: '1703.06870', title: 'Mask R-CNN', authors: MASK_AUTHORS, ids: { arxiv: '1703.06870' }, date: '2017-03-20' })
const maskIccv = buildRecord({
  source: 'bibtex',
  key: 'iccv.bib#he2017mask',
  title: 'Mask R-CNN',
  authors: MASK_AUTHORS,
  ids: { doi: '10.1109/ICCV.2017.322' },
  date: '2017',
  venue: 'ICCV',
  raw: { entryType: 'inproceedings' },
})

/** As an older matcher's import stored a record it took for `paperId`'s paper (or, with its own id, for none). */
async function storeAsOlderMatcherDid(tx: PaperWriter, record: SourceRecord, paperId: string, reason: string | null): Promise<void> {
  await tx.saveSourceRecord(record, paperId, recordContentHash(record), reason)
  await rebuildPaper(tx, paperId)
}

async function paperOf(store: PaperStore, record: SourceRecord): Promise<string> {
  return (await store.transaction((tx) => tx.findSourceRecord(record.source, record.key)))!.paperId
}

/** Everything a rematch may write, read back: records and their papers, papers, aliases, stats. */
async function snapshot(store: PaperStore): Promise<unknown> {
  const records = await store.listRecordsInOrder(0, 1000)
  const papers = await store.getPapers([...new Set(records.map((r) => r.paperId))])
  return { records, papers, stats: await store.libraryStats(), labels: await store.listBibtexCiteLabels() }
}

describe('rematchLibrary', () => {
  let t: TempStore
  let clock: Date
  beforeEach(async () => {
    clock = new Date('2026-11-29T01:00:00Z')
    t = await createTempStore(() => clock)
  })
  afterEach(async () => t.cleanup())

  it('splits a wrong merge: the book keeps its id, the review becomes the paper an import makes of it; nothing to do after', async () => {
    await importRecords(t.store, [book, gaussian])
    const bookId = await paperOf(t.store, book)
    // The matcher before took the review for the book (same title, Bengio on both).
    await t.store.transaction((tx) => storeAsOlderMatcherDid(tx, review, bookId, 'title: same title, authors overlap'))
    expect((await t.store.getPaper(bookId))!.sources.map((s) => s.key)).toEqual([book.key, review.key])
    const keysBefore = new Map((await toBibtexPapers(t.store, await t.store.getPapers([bookId]))).map((p) => [p.id, p.citeKey]))
    const gaussianId = await paperOf(t.store, gaussian)
    clock = new Date('2026-11-29T01:30:00Z')
    await analyzeNewPapers(t.store, { now: () => clock })
    expect(await t.store.analysis.listAnalysisInputs({ onlyStale: true })).toEqual([])
    clock = new Date('2026-11-29T02:00:00Z')

    const before = await snapshot(t.store)
    const dry = await rematchLibrary(t.store, { dryRun: true })
    expect(await snapshot(t.store)).toEqual(before)
    expect(dry).toMatchObject({ records: 3, papersBefore: 2, papersAfter: 3, splits: 1, joins: 0, papersCreated: 1, papersRemoved: 0, recordsMoved: 1, dryRun: true, applied: false })
    const reviewId = paperIdFor('bibtex', review.key)
    expect(dry.changes).toHaveLength(1)
    expect(dry.changes[0]!.lines).toEqual([
      `split: ${reviewId} *Deep learning* (article, LeCun 2015) from ${bookId} *Deep learning* (book, Goodfellow 2016): ` +
        'an article is not a book, and their authors do not make them one work (LeCun, Bengio, Hinton; Goodfellow, Bengio, Courville); ' +
        'stored together by title: same title, authors overlap',
    ])

    const done = await rematchLibrary(t.store)
    expect({ ...done, dryRun: true, applied: false }).toEqual(dry)
    expect(done.applied).toBe(true)
    const [bookPaper, reviewPaper] = [(await t.store.getPaper(bookId))!, (await t.store.getPaper(reviewId))!]
    expect(bookPaper.sources.map((s) => s.key)).toEqual([book.key])
    // (Scholar lists Bengio twice on the book, and the import keeps both.)
    expect(new Set(bookPaper.authors.map((a) => a.name))).toEqual(new Set(['Ian Goodfellow', 'Yoshua Bengio', 'Aaron Courville']))
    expect([reviewPaper.sources.map((s) => [s.key, s.matchReason]), reviewPaper.date, reviewPaper.venue]).toEqual([[[review.key, null]], '2015', 'nature'])
    expect(reviewPaper.authors.map((a) => a.name)).toEqual(['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton'])
    // A split leaves no alias: the book's id is the book's, and the review's paper has an id of its own.
    expect(await t.store.findPaperIdByFormerId(reviewId)).toBeNull()
    // Each keeps its own .bib key; the book, which had the merged paper's, holds it.
    const keys = new Map((await toBibtexPapers(t.store, await t.store.getPapers([bookId, reviewId]))).map((p) => [p.id, p.citeKey]))
    expect([keys.get(bookId), keys.get(reviewId)]).toEqual([keysBefore.get(bookId), 'lecun2015deep'])
    // Both are for the next analysis (as after an import), the untouched paper is not.
    const stale = (await t.store.analysis.listAnalysisInputs({ onlyStale: true })).map((p) => p.id).sort()
    expect(stale).toEqual([bookId, reviewId].sort())
    expect(stale).not.toContain(gaussianId)
    const analysed = await analyzeNewPapers(t.store, { now: () => clock })
    expect(analysed.analyzed).toBeGreaterThanOrEqual(2)
    expect((await t.store.analysis.getPaperAnalyses([reviewId])).map((a) => a.paperId)).toEqual([reviewId])

    const again = await rematchLibrary(t.store)
    expect(again).toMatchObject({ records: 3, papersBefore: 3, papersAfter: 3, changes: [], applied: false })
  })

  it('joins a merge the matcher missed: the older paper keeps its id, the other id leads to it', async () => {
    await importRecords(t.store, [maskArxiv])
    const arxivId = await paperOf(t.store, maskArxiv)
    const iccvId = paperIdFor(maskIccv.source, maskIccv.key)
    await t.store.transaction((tx) => storeAsOlderMatcherDid(tx, maskIccv, iccvId, null))
    expect((await t.store.libraryStats()).papers).toBe(2)

    const report = await rematchLibrary(t.store)
    expect(report).toMatchObject({ papersBefore: 2, papersAfter: 1, joins: 1, papersRemoved: 1, applied: true })
    expect(report.changes[0]!.aliases).toEqual([{ from: iccvId, to: arxivId }])
    expect(report.changes[0]!.lines).toEqual([
      `join: ${iccvId} *Mask R-CNN* (inproceedings, He 2017) into ${arxivId} *Mask R-CNN* (He 2017): title: same title, authors overlap`,
    ])
    const paper = (await t.store.getPaper(arxivId))!
    expect(paper.sources.map((s) => [s.key, s.matchReason])).toEqual([
      [maskArxiv.key, null],
      [maskIccv.key, 'title: same title, authors overlap'],
    ])
    expect(paper.ids).toMatchObject({ arxiv: '1703.06870', doi: '10.1109/ICCV.2017.322' })
    expect(await t.store.findPaperIdByExternalId('doi', '10.1109/ICCV.2017.322')).toBe(arxivId)
    expect(await t.store.getPaper(iccvId)).toBeNull()
    const found = await findPaperById(t.store, iccvId)
    expect([found.matchedBy, found.paper?.id]).toEqual(['former-id', arxivId])
    expect((await rematchLibrary(t.store)).changes).toEqual([])
  })

  it('splits two publications an older matcher took for one by their title, naming their DOIs', async () => {
    const title = 'Deep Residual Learning for Image Recognition in Medical Scans'
    const authors = ['Ann Example', 'Bo Sample']
    const conference = buildRecord({ source: 'bibtex', title, authors, date: '2019', ids: { doi: '10.1109/CVPR.2019.001' }, raw: { entryType: 'inproceedings' } })
    const journal = buildRecord({ source: 'bibtex', title, authors, date: '2020', ids: { doi: '10.1016/j.media.2020.002' }, raw: { entryType: 'article' } })
    await importRecords(t.store, [conference])
    const paperId = await paperOf(t.store, conference)
    await t.store.transaction((tx) => storeAsOlderMatcherDid(tx, journal, paperId, 'title: same title, authors overlap'))
    const report = await rematchLibrary(t.store)
    expect(report.changes.map((c) => c.lines)).toEqual([
      [
        `split: ${paperIdFor('bibtex', journal.key)} *${title}* (article, Example 2020) from ${paperId} *${title}* (inproceedings, Example 2019): ` +
          'their ids name two works (doi 10.1016/j.media.2020.002; doi 10.1109/CVPR.2019.001); stored together by title: same title, authors overlap',
      ],
    ])
    expect(await t.store.findPaperIdByExternalId('doi', '10.1016/j.media.2020.002')).toBe(paperIdFor('bibtex', journal.key))
    expect(await t.store.findPaperIdByExternalId('doi', '10.1109/CVPR.2019.001')).toBe(paperId)
  })

  it('moves a record between papers: the paper whose oldest record a group holds keeps its id, whatever came first', async () => {
    await importRecords(t.store, [book])
    const bookId = await paperOf(t.store, book)
    await t.store.transaction((tx) => storeAsOlderMatcherDid(tx, review, bookId, 'title: same title, authors overlap'))
    // OpenAlex's record of the review, stored (wrongly) apart from Scholar's.
    const openalex = buildRecord({ source: 'openalex', key: 'W1', title: 'Deep learning', authors: ['Yann LeCun', 'Yoshua Bengio', 'Geoffrey E. Hinton'], date: '2015-05-27', ids: { openalex: 'W1', doi: '10.1038/nature14539' }, raw: { type: 'article' } })
    await t.store.transaction((tx) => storeAsOlderMatcherDid(tx, openalex, 'pOpenAlex', null))

    const report = await rematchLibrary(t.store)
    expect(report).toMatchObject({ regroups: 1, papersBefore: 2, papersAfter: 2, papersCreated: 0, papersRemoved: 0, recordsMoved: 1 })
    expect(report.changes[0]!.lines).toHaveLength(1)
    expect(report.changes[0]!.lines[0]).toMatch(/^move: \*Deep learning\* \(article, LeCun 2015\) from p\w+ \*Deep learning\* \(book, Goodfellow 2016\) to pOpenAlex \*Deep learning\* \(article, LeCun 2015\): an article is not a book/)
    expect((await t.store.getPaper(bookId))!.sources.map((s) => s.key)).toEqual([book.key])
    expect((await t.store.getPaper('pOpenAlex'))!.sources.map((s) => s.key)).toEqual([review.key, 'W1'])
    expect((await rematchLibrary(t.store)).changes).toEqual([])
  })

  it('gives a record\'s DOI to the paper it moves to, though that paper is built before the one it leaves: as an import would have made them', async () => {
    await importRecords(t.store, [maskArxiv, book])
    const [maskId, bookId] = [await paperOf(t.store, maskArxiv), await paperOf(t.store, book)]
    // The matcher before took the ICCV entry for the book: the book's paper holds and shows Mask R-CNN's DOI.
    await t.store.transaction((tx) => storeAsOlderMatcherDid(tx, maskIccv, bookId, 'title: wrongly'))
    expect(await t.store.findPaperIdByExternalId('doi', '10.1109/ICCV.2017.322')).toBe(bookId)

    const report = await rematchLibrary(t.store)
    // Mask R-CNN's paper (its oldest record is the older) is built first, while the book's paper still holds the DOI.
    expect(report).toMatchObject({ regroups: 1, recordsMoved: 1, papersBefore: 2, papersAfter: 2, applied: true })
    expect(await t.store.findPaperIdByExternalId('doi', '10.1109/ICCV.2017.322')).toBe(maskId)
    const fresh = await createTempStore(() => clock)
    try {
      await importRecords(fresh.store, [maskArxiv, book, maskIccv])
      const shown = async (store: PaperStore) =>
        Promise.all([maskId, bookId].map(async (id) => store.getPaper(id))).then((ps) => ps.map((p) => ({ id: p?.id, ids: p?.ids, url: p?.url, title: p?.title, records: p?.sources.map((s) => s.key) })))
      expect(await shown(t.store)).toEqual(await shown(fresh.store))
    } finally {
      await fresh.cleanup()
    }
    expect(await rematchLibrary(t.store)).toMatchObject({ changes: [], ids: [], applied: false })
  })

  it('changes nothing in a library today\'s matcher built: a preprint with its published version, a book and a review of one title', async () => {
    await importRecords(t.store, [maskArxiv, book, maskIccv, review, gaussian])
    expect((await t.store.libraryStats()).papers).toBe(4)
    const before = await snapshot(t.store)
    const report = await rematchLibrary(t.store)
    expect(report).toMatchObject({ records: 5, papersBefore: 4, papersAfter: 4, changes: [], applied: false })
    expect(await snapshot(t.store)).toEqual(before)
  })

  it('builds again a paper an older merge shows another paper\'s DOI on, or its preprint\'s DOI over the publication\'s; nothing to do after', async () => {
    const doi = '10.1561/2200000006'
    const ddpg = 'Continuous control with deep reinforcement learning'
    const arxiv = buildRecord({ source: 'arxiv', key: '1509.02971', title: ddpg, authors: ['Timothy P. Lillicrap'], ids: { arxiv: '1509.02971' } })
    const bengio = buildRecord({ source: 'bibtex', key: 'refs.bib#bengio2009learning', title: 'Learning Deep Architectures for AI', authors: ['Yoshua Bengio'], ids: { doi } })
    // A reference list's entry of DDPG printed with Bengio's DOI: it joins DDPG by its arXiv id and title.
    const entry = buildRecord({ source: 'bibtex', key: 'refs.bib#lillicrap2016', title: ddpg, authors: ['Timothy P. Lillicrap'], ids: { arxiv: '1509.02971', doi } })
    const title = 'Deep Residual Learning for Image Recognition'
    const preprintLink = 'https://doi.org/10.48550/arXiv.1512.03385'
    const preprint = buildRecord({ source: 'openalex', key: 'W2194775991', title, authors: ['Kaiming He'], ids: { doi: '10.48550/arxiv.1512.03385' }, url: preprintLink })
    const cvpr = buildRecord({ source: 'bibtex', key: 'cvpr.bib#he2016deep', title, authors: ['Kaiming He'], ids: { doi: '10.1109/cvpr.2016.90' } })
    await importRecords(t.store, [arxiv, bengio, entry, preprint, cvpr])
    const [ddpgId, resnetId] = [await paperOf(t.store, arxiv), await paperOf(t.store, preprint)]
    // As the merge before showed them: the first id of each kind in source order (OpenAlex before a .bib file),
    // whoever else holds it, and the first record's link.
    const older = new Map([
      [ddpgId, { ids: { arxiv: '1509.02971', doi }, url: null }],
      [resnetId, { ids: { doi: '10.48550/arxiv.1512.03385' }, url: preprintLink }],
    ])
    await t.store.transaction(async (tx) => {
      for (const [id, { ids, url }] of older) {
        const merged = mergeRecords(await tx.listSourceRecords(id))
        await tx.savePaper({ ...merged, ids, url, id, authors: await resolveAuthors(tx, merged.authors), titleKeys: titleKeys(merged.title) })
      }
    })
    expect([(await t.store.getPaper(ddpgId))!.ids, (await t.store.getPaper(resnetId))!.ids]).toEqual([
      { arxiv: '1509.02971', doi },
      { doi: '10.48550/arxiv.1512.03385' },
    ])
    const before = await snapshot(t.store)
    const dry = await rematchLibrary(t.store, { dryRun: true })
    expect(await snapshot(t.store)).toEqual(before)
    expect(dry).toMatchObject({ changes: [], applied: false, papersBefore: 3, papersAfter: 3 })
    expect(dry.ids.map((c) => c.line).sort()).toEqual(
      [
        `ids: ${ddpgId} *${ddpg}*: no longer shows doi ${doi}`,
        `ids: ${resnetId} *${title}*: shows doi 10.1109/cvpr.2016.90, not doi 10.48550/arxiv.1512.03385, links https://doi.org/10.1109/cvpr.2016.90 (was ${preprintLink})`,
      ].sort(),
    )
    expect((await rematchLibrary(t.store)).applied).toBe(true)
    expect([(await t.store.getPaper(ddpgId))!.ids, (await t.store.getPaper(resnetId))!.ids]).toEqual([{ arxiv: '1509.02971' }, { doi: '10.1109/cvpr.2016.90' }])
    expect((await t.store.getPaper(resnetId))!.url).toBe('https://doi.org/10.1109/cvpr.2016.90')
    expect(await t.store.findPaperIdByExternalId('doi', doi)).toBe(await paperOf(t.store, bengio))
    expect(await rematchLibrary(t.store)).toMatchObject({ changes: [], ids: [], applied: false })
  })

  it('gives an id an older import left with the paper that came first to the paper with the better claim', async () => {
    // Two .bib entries print one DOI, each as its only id: equal grounds but for the last rule, the smaller paper id.
    const doi = '10.1000/sam.2021.disputed'
    const sam = buildRecord({ source: 'bibtex', key: 'a.bib#foret2021', title: 'Sharpness-Aware Minimization for Efficiently Improving Generalization', authors: ['Pierre Foret'], ids: { doi } })
    const towards = buildRecord({ source: 'bibtex', key: 'b.bib#andriushchenko2022', title: 'Towards Understanding Sharpness-Aware Minimization', authors: ['Maksym Andriushchenko'], ids: { doi } })
    await importRecords(t.store, [sam, towards])
    const ids = [await paperOf(t.store, sam), await paperOf(t.store, towards)].sort()
    const [first, second] = ids as [string, string]
    expect(await t.store.findPaperIdByExternalId('doi', doi)).toBe(first)
    // As an import before this rule left it when the larger id's paper came first: it holds and shows the DOI.
    await t.store.transaction(async (tx) => {
      await tx.claimExternalId('doi', doi, second)
      for (const [id, shown] of [[first, {}], [second, { doi }]] as const) {
        const merged = mergeRecords(await tx.listSourceRecords(id))
        await tx.savePaper({ ...merged, ids: shown, url: null, id, authors: await resolveAuthors(tx, merged.authors), titleKeys: titleKeys(merged.title) })
      }
    })
    const dry = await rematchLibrary(t.store, { dryRun: true })
    const title = async (id: string) => (await t.store.getPaper(id))!.title
    expect(dry.ids.map((c) => c.line).sort()).toEqual(
      [`ids: ${first} *${await title(first)}*: shows doi ${doi}, is found by doi ${doi}`, `ids: ${second} *${await title(second)}*: no longer shows doi ${doi}`].sort(),
    )
    await rematchLibrary(t.store)
    expect([await t.store.findPaperIdByExternalId('doi', doi), (await t.store.getPaper(first))!.ids, (await t.store.getPaper(second))!.ids]).toEqual([first, { doi }, {}])
    expect(await rematchLibrary(t.store)).toMatchObject({ changes: [], ids: [], applied: false })
  })

  it('gives an id its holder let go of to the paper whose record still has it', async () => {
    const doi = '10.1561/2200000006'
    const ddpg = 'Continuous control with deep reinforcement learning'
    // Two .bib entries with the DOI: DDPG's has it as its only id, Bengio's beside its DBLP key, so DDPG's paper holds it.
    const entry = buildRecord({ source: 'bibtex', key: 'refs.bib#lillicrap2016', title: ddpg, authors: ['Timothy P. Lillicrap'], ids: { doi } })
    const arxiv = buildRecord({ source: 'arxiv', key: '1509.02971', title: ddpg, authors: ['Timothy P. Lillicrap'], ids: { arxiv: '1509.02971' } })
    const bengio = buildRecord({ source: 'bibtex', key: 'refs.bib#bengio2009', title: 'Learning Deep Architectures for AI', authors: ['Yoshua Bengio'], ids: { doi, dblp: 'journals/ftml/Bengio09' } })
    await importRecords(t.store, [entry, arxiv, bengio])
    const [ddpgId, bengioId] = [await paperOf(t.store, arxiv), await paperOf(t.store, bengio)]
    expect([await t.store.findPaperIdByExternalId('doi', doi), (await t.store.getPaper(bengioId))!.ids]).toEqual([ddpgId, { dblp: 'journals/ftml/Bengio09' }])
    // The entry left its file, and an older import built DDPG again without handing the DOI on: nobody holds it.
    await t.store.transaction(async (tx) => {
      await tx.deleteSourceRecord((await tx.findSourceRecord(entry.source, entry.key))!.id)
      const merged = mergeRecords(await tx.listSourceRecords(ddpgId))
      await tx.savePaper({ ...merged, id: ddpgId, authors: await resolveAuthors(tx, merged.authors), titleKeys: titleKeys(merged.title) })
    })
    expect(await t.store.findPaperIdByExternalId('doi', doi)).toBeNull()
    const dry = await rematchLibrary(t.store, { dryRun: true })
    expect(dry.ids.map((c) => c.line)).toEqual([`ids: ${bengioId} *Learning Deep Architectures for AI*: shows doi ${doi}, is found by doi ${doi}`])
    await rematchLibrary(t.store)
    expect([await t.store.findPaperIdByExternalId('doi', doi), (await t.store.getPaper(bengioId))!.ids]).toEqual([bengioId, { doi, dblp: 'journals/ftml/Bengio09' }])
    expect(await rematchLibrary(t.store)).toMatchObject({ changes: [], ids: [], applied: false })
  })

  it('leaves the library as it was when a write fails', async () => {
    await importRecords(t.store, [book, gaussian])
    const bookId = await paperOf(t.store, book)
    await t.store.transaction((tx) => storeAsOlderMatcherDid(tx, review, bookId, 'title: same title, authors overlap'))
    const before = await snapshot(t.store)
    // A real fault inside the real transaction: the cite key hold, the last write but one.
    const failing = new Proxy(t.store, {
      get(target, prop, receiver) {
        if (prop !== 'transaction') return Reflect.get(target, prop, receiver)
        return <T>(work: (tx: PaperWriter) => Promise<T>) =>
          target.transaction((tx) =>
            work(new Proxy(tx, { get: (w, p, r) => (p === 'holdCiteKey' ? () => Promise.reject(new Error('disk full (injected)')) : Reflect.get(w, p, r)) })),
          )
      },
    })
    await expect(rematchLibrary(failing)).rejects.toThrow('disk full (injected)')
    expect(await snapshot(t.store)).toEqual(before)
    expect((await rematchLibrary(t.store)).splits).toBe(1)
  })
})
